package importer

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Column maps one of our fields to the column names a tool uses for it. The
// first name is the tool's own; the others are variants and translations.
type Column struct {
	Field    string
	Names    []string
	Required bool
}

// Preset describes one tool's export of one kind.
type Preset struct {
	// Name is what --preset takes, such as "itflow-tickets".
	Name string
	// Tool is the product the export comes from.
	Tool string
	Kind Kind
	// Columns lists the fields the preset reads.
	Columns []Column
	// ClientFromFileName, when set, takes the client's name from the first
	// group of this pattern matched against the file's base name, for tools
	// that export one client per file with no client column.
	ClientFromFileName *regexp.Regexp
	// DateOrder fixes the day/month order when the tool always writes one.
	DateOrder DateOrder
	// ClientDomains maps requester email domains to client names.
	ClientDomains map[string]string
	// Signature names columns the export always has but the preset reads
	// no field from; they must all be present for the preset to be
	// recognised, which tells apart exports that share their other columns
	// (QuickBooks' A/R aging has "Past due", its invoice list has not).
	Signature []string
	// Note tells the user what to know about the export.
	Note string
	// Records is the dotted path of the array holding a JSON export's
	// records inside its wrapping object; nil reads the top-level array or
	// the object's only array.
	Records []string
	// exactNames is set for a mapping's preset: its names are the user's
	// own, so one spelt as the header shows it picks among twins, and a
	// field's further names are fallbacks read, row by row, where the
	// first column is blank.
	exactNames bool
}

// binding is a preset column placed in a header.
type binding struct {
	field  Field
	index  int
	header string
	// fallbacks are the further columns a mapping names for the field,
	// read in order where the row's value in index is blank.
	fallbacks []int
}

// bind places the preset's columns in a header, by normalised name.
// It returns the bindings found, the required fields missing, and the
// fields whose column name appears more than once in the header.
func (p *Preset) bind(h headerIndex) (map[string]binding, []string, []duplicate) {
	header, pos := h.names, h.pos
	found := map[string]binding{}
	var missing []string
	var dups []duplicate
	for _, c := range p.Columns {
		f, _ := fieldByName(p.Kind, c.Field)
		placed := false
		for _, name := range c.Names {
			at := pos[normalizedName(name)]
			if p.exactNames {
				// A mapping names the user's own columns: the name as the
				// header shows it ("Notes (2)") picks one of twins.
				if i := slices.Index(header, name); i >= 0 {
					at = []int{i}
				}
			}
			i, ok := 0, len(at) > 0
			if ok {
				i = at[0]
			} else {
				i, ok = beyondHeader(name, len(header))
			}
			if b, taken := found[c.Field]; ok && taken && p.exactNames && i < len(header) {
				b.fallbacks = append(b.fallbacks, i)
				found[c.Field] = b
				continue
			}
			if ok {
				if _, taken := found[c.Field]; !taken {
					found[c.Field] = binding{field: f, index: i, header: name}
					if i < len(header) {
						found[c.Field] = binding{field: f, index: i, header: header[i]}
					}
					if len(at) > 1 {
						dups = append(dups, duplicate{field: c.Field, columns: at})
					}
				}
				placed = true
				if !p.exactNames {
					break
				}
			}
		}
		if !placed && c.Required {
			missing = append(missing, c.Names[0])
		}
	}
	for _, name := range p.Signature {
		if _, ok := pos[normalizedName(name)]; !ok {
			missing = append(missing, name)
		}
	}
	return found, missing, dups
}

// headerIndex is a header row with the columns of each normalised name,
// built once per file and shared by every preset tried on it.
type headerIndex struct {
	names []string
	pos   map[string][]int
}

func indexHeader(header []string) headerIndex {
	pos := make(map[string][]int, len(header))
	for i := range header {
		n := NormalizeHeader(twinBase(header, i))
		pos[n] = append(pos[n], i)
	}
	return headerIndex{names: header, pos: pos}
}

// twinBase returns header i's name as the file spells it: without the
// " (2)" the Reader adds to the second of two columns of the same name.
func twinBase(header []string, i int) string {
	h := header[i]
	base, ok := strings.CutSuffix(h, ")")
	if at := strings.LastIndex(base, " ("); ok && at > 0 {
		if _, err := strconv.Atoi(base[at+2:]); err == nil {
			base = base[:at]
			if slices.ContainsFunc(header[:i], func(e string) bool { return strings.EqualFold(e, base) }) {
				return base
			}
		}
	}
	return h
}

// duplicate is a field whose column name the header holds more than once,
// so which column holds the field cannot be known.
type duplicate struct {
	field   string
	columns []int
}

// duplicateError names the twin columns of the first duplicate, and how
// to pick one.
func duplicateError(file string, line int, header []string, d duplicate) error {
	cols := make([]string, len(d.columns))
	for i, c := range d.columns {
		cols[i] = fmt.Sprintf("%d %q", c+1, header[c])
	}
	return fmt.Errorf("%s:%d: columns %s have the same name, so which one holds %s is unknown; "+
		"rename or remove one, or pass --map with a mapping that names one as the header shows it (\"%s\": %q)",
		file, line, strings.Join(cols, " and "), d.field, d.field, header[d.columns[len(d.columns)-1]])
}

// normalizedNames caches NormalizeHeader for the names presets and mappings
// use: every file's header is compared with all of them, once per preset.
var normalizedNames sync.Map

// normalizedName is NormalizeHeader for a preset's column name, cached.
func normalizedName(name string) string {
	if n, ok := normalizedNames.Load(name); ok {
		return n.(string)
	}
	n := NormalizeHeader(name)
	normalizedNames.Store(name, n)
	return n
}

// beyondHeader places a column named "Column N" past the end of a header:
// some exports write more values than header names, and the Reader names
// such values "Column N".
func beyondHeader(name string, width int) (int, bool) {
	n, ok := strings.CutPrefix(name, "Column ")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n)
	if err != nil || i <= width {
		return 0, false
	}
	return i - 1, true
}

// Presets returns every built-in preset, tools first and the generic
// offboard format last, in the order --list-presets prints them.
func Presets() []*Preset {
	return allPresets
}

// PresetsFor returns the presets of one kind.
func PresetsFor(k Kind) []*Preset {
	var out []*Preset
	for _, p := range allPresets {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

// PresetByName finds a built-in preset by its --preset name.
func PresetByName(name string) (*Preset, error) {
	for _, p := range allPresets {
		if strings.EqualFold(p.Name, name) {
			return p, nil
		}
	}
	names := make([]string, 0, len(allPresets))
	for _, p := range allPresets {
		names = append(names, p.Name)
	}
	return nil, fmt.Errorf("unknown preset %q; known presets: %s", name, strings.Join(names, ", "))
}

// NoPresetError says that no preset of a kind fits a header. It lists the
// columns no preset could place and, for the closest preset, what it missed.
type NoPresetError struct {
	File      string
	Kind      Kind
	Unplaced  []string
	Closest   *Preset
	Missing   []string
	Available []string
}

func (e *NoPresetError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: no %s preset matches this file's header", e.File, e.Kind)
	if len(e.Unplaced) > 0 {
		fmt.Fprintf(&b, "\n  columns no preset could place: %s", quoteList(e.Unplaced))
	}
	if e.Closest != nil {
		fmt.Fprintf(&b, "\n  closest preset %s is missing: %s", e.Closest.Name, quoteList(e.Missing))
	}
	fmt.Fprintf(&b, "\n  write a mapping file from our fields to your columns and pass it with --map, for example:\n%s", MappingExample(e.Kind))
	return b.String()
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// Recognize picks the preset of a kind that fits a header: every required
// column present, and the most columns placed; then the most names spelt
// exactly as the preset spells them ("client" is the generic format's,
// "Client" Harvest's); then the earlier preset.
func Recognize(file string, k Kind, header []string) (*Preset, error) {
	var best *Preset
	bestScore, bestExact := -1, -1
	var closest *Preset
	var closestMissing []string
	h := indexHeader(header)
	for _, p := range PresetsFor(k) {
		found, missing, _ := p.bind(h)
		if len(missing) == 0 {
			exact := 0
			for _, b := range found {
				for _, c := range p.Columns {
					if c.Field == b.field.Name && slices.Contains(c.Names, b.header) {
						exact++
					}
				}
			}
			score := len(found) + len(p.Signature)
			if score > bestScore || (score == bestScore && exact > bestExact) {
				best, bestScore, bestExact = p, score, exact
			}
			continue
		}
		if closest == nil || len(missing) < len(closestMissing) {
			closest, closestMissing = p, missing
		}
	}
	if best != nil {
		return best, nil
	}
	var unplaced []string
	known := knownColumns(PresetsFor(k))
	for _, h := range header {
		if !known(NormalizeHeader(h)) {
			unplaced = append(unplaced, h)
		}
	}
	names := make([]string, 0)
	for _, p := range PresetsFor(k) {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return nil, &NoPresetError{File: file, Kind: k, Unplaced: unplaced, Closest: closest, Missing: closestMissing, Available: names}
}

// knownColumns reports whether a normalised header name belongs to any of
// the given presets; it drives the search for the header row.
func knownColumns(presets []*Preset) KnownColumn {
	set := map[string]bool{}
	for _, p := range presets {
		for _, c := range p.Columns {
			for _, n := range c.Names {
				set[normalizedName(n)] = true
			}
		}
		for _, n := range p.Signature {
			set[normalizedName(n)] = true
		}
	}
	return func(n string) bool { return set[n] }
}
