package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// JSON exports come from the PSAs' REST APIs: ConnectWise Manage answers
// /service/tickets and /project/tickets with an array of ticket objects,
// HaloPSA wraps its list in an object ({"record_count": 2, "tickets":
// [...]}) and Autotask in {"items": [...], "pageDetails": {...}}. Each
// record's values sit in nested objects ("company": {"id": 2, "name":
// "..."}), so a mapping names them by dotted path: "company.name",
// "_info.dateEntered", "customFields.0.value".
//
// The records are read one at a time as the file streams, so a large dump
// costs no more memory than a CSV of the same rows. Paths are walked by
// hand rather than with a JSON path library: the libraries that answer
// queries work on the whole document in memory, and a dotted path into one
// decoded record is all a mapping needs.

// jsonSampleRecords is how many records are read for the paths shown when
// a JSON file comes without a mapping.
const jsonSampleRecords = 3

// jsonPathsShown is how many of those paths the message lists.
const jsonPathsShown = 80

// IsJSON reports whether the start of a file is JSON rather than CSV: an
// object, or an array whose first value is an object (or that is empty).
// A CSV header may begin with "[" (Autotask writes "[required]"), so a
// bracket alone does not decide.
func IsJSON(prefix []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(prefix, utf8BOM), " \t\r\n")
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '{':
		return true
	case '[':
		rest := bytes.TrimLeft(b[1:], " \t\r\n")
		return len(rest) > 0 && (rest[0] == '{' || rest[0] == ']')
	}
	return false
}

// jsonPath is a dotted path's steps: an object's key, or an array's index
// where the step is a number and the value an array.
type jsonPath []string

// parseJSONPath splits "company.name" or "customFields[0].value" into steps.
func parseJSONPath(s string) jsonPath {
	s = strings.NewReplacer("[", ".", "]", "").Replace(s)
	var out jsonPath
	for _, step := range strings.Split(s, ".") {
		if step != "" {
			out = append(out, step)
		}
	}
	return out
}

// lookup walks a path into a decoded record. found is false when a key on
// the way is missing; a null on the way is found, with no value.
func (p jsonPath) lookup(v any) (value any, found bool) {
	for _, step := range p {
		switch cur := v.(type) {
		case map[string]any:
			if v, found = cur[step]; !found {
				return nil, false
			}
		case []any:
			i, ok := arrayIndex(step)
			if !ok || i >= len(cur) {
				return nil, false
			}
			v = cur[i]
		case nil:
			return nil, true
		default:
			return nil, false
		}
	}
	return v, true
}

func arrayIndex(s string) (int, bool) {
	if !isDigits(s) || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n, true
}

// jsonRecords streams the records of a JSON export: the array at the top,
// or the one inside the wrapping object the mapping's "records" names, or
// else the wrapping object's only array.
type jsonRecords struct {
	file  string
	dec   *json.Decoder
	paths []jsonPath
	names []string
	// records is the wrapping object's key holding the array, as read.
	records string
	// wanted is the mapping's "records" path; nil takes the first array.
	wanted []string
	// depth counts the objects entered to reach the array, left to close.
	depth int
	index int
	found []bool
	done  bool
}

// newJSONReader opens a JSON export for a mapping's preset: its header is
// the mapping's paths, in the preset's column order.
func newJSONReader(file string, t *text, opt Options) (*Reader, error) {
	preset := opt.Preset
	if preset == nil || !preset.exactNames {
		return nil, jsonNeedsMapping(file, opt.Kind, t.r)
	}
	j := &jsonRecords{file: file, dec: json.NewDecoder(t.r), wanted: preset.Records}
	j.dec.UseNumber()
	for _, name := range preset.jsonNames(opt.Filter) {
		j.names = append(j.names, name)
		j.paths = append(j.paths, parseJSONPath(name))
	}
	j.found = make([]bool, len(j.paths))
	if err := j.open(); err != nil {
		return nil, err
	}
	return &Reader{File: file, Header: j.names, Encoding: t.encoding, Format: "JSON", json: j}, nil
}

// jsonNames lists the paths a mapping's preset and filter read, each once.
func (p *Preset) jsonNames(filter *RowFilter) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, c := range p.Columns {
		for _, n := range c.Names {
			add(n)
		}
	}
	for _, c := range filter.columns() {
		add(c)
	}
	return out
}

// open reads up to the first record.
func (j *jsonRecords) open() error {
	tok, err := j.dec.Token()
	if err != nil {
		return j.syntax(err)
	}
	switch tok {
	case json.Delim('['):
		if len(j.wanted) > 0 {
			return fmt.Errorf("%s: the file is an array, so the mapping's \"records\" (%q) has nothing to name; remove it", j.file, strings.Join(j.wanted, "."))
		}
		return nil
	case json.Delim('{'):
		return j.enter(j.wanted, "")
	}
	return fmt.Errorf("%s: a JSON export must be an array of records or an object holding one", j.file)
}

// enter walks the members of an object whose "{" was read, skipping them
// until the one that leads to the records: the first step of path, or any
// array when path is empty.
func (j *jsonRecords) enter(path []string, prefix string) error {
	j.depth++
	for j.dec.More() {
		keyTok, err := j.dec.Token()
		if err != nil {
			return j.syntax(err)
		}
		key, _ := keyTok.(string)
		tok, err := j.dec.Token()
		if err != nil {
			return j.syntax(err)
		}
		switch {
		case len(path) > 0 && key == path[0] && len(path) == 1 && tok == json.Delim('['),
			len(path) == 0 && tok == json.Delim('['):
			j.records = prefix + key
			return nil
		case len(path) > 1 && key == path[0] && tok == json.Delim('{'):
			return j.enter(path[1:], prefix+key+".")
		case len(path) > 0 && key == path[0]:
			return fmt.Errorf("%s: %q holds %s, not an array of records", j.file, prefix+key, jsonKind(tok))
		}
		if err := j.skip(tok); err != nil {
			return err
		}
	}
	if len(path) > 0 {
		return fmt.Errorf("%s: the file has no %q holding the records (the mapping's \"records\")", j.file, prefix+path[0])
	}
	return fmt.Errorf("%s: the JSON object holds no array of records", j.file)
}

// skip passes over the value that tok begins.
func (j *jsonRecords) skip(tok json.Token) error {
	if tok != json.Delim('{') && tok != json.Delim('[') {
		return nil
	}
	return j.skipFrom(1)
}

// skipFrom reads tokens until depth open objects and arrays are closed.
func (j *jsonRecords) skipFrom(depth int) error {
	for depth > 0 {
		t, err := j.dec.Token()
		if err != nil {
			return j.syntax(err)
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// read returns the next record as a row: Line is its index in the array,
// Values its paths' values as text.
func (j *jsonRecords) read() (Row, error) {
	if j.done {
		return Row{}, io.EOF
	}
	if !j.dec.More() {
		j.done = true
		return Row{}, j.close()
	}
	var rec any
	if err := j.dec.Decode(&rec); err != nil {
		j.done = true
		return Row{}, j.syntax(err)
	}
	i := j.index
	j.index++
	if _, ok := rec.(map[string]any); !ok {
		return Row{}, &RowError{File: j.file, Line: i, Msg: fmt.Sprintf("the record is %s, not an object", jsonKind(rec))}
	}
	row := Row{Line: i, Values: make([]string, len(j.paths))}
	var bad error
	for c, p := range j.paths {
		v, found := p.lookup(rec)
		j.found[c] = j.found[c] || found
		s, err := jsonText(v)
		if err != nil && bad == nil {
			bad = &RowError{File: j.file, Line: i, Column: j.names[c], Msg: err.Error()}
		}
		row.Values[c] = s
	}
	// A record with a value that is no value is rejected whole, with the
	// values it has for the rejects file.
	return row, bad
}

// close reads the end of the array and of the objects around it, so that
// a damaged end of file is reported rather than ignored.
func (j *jsonRecords) close() error {
	for range j.depth + 1 {
		for j.dec.More() {
			if _, err := j.dec.Token(); err != nil {
				return j.syntax(err)
			}
			tok, err := j.dec.Token()
			if err != nil {
				return j.syntax(err)
			}
			if err := j.skipMember(tok); err != nil {
				return err
			}
		}
		if _, err := j.dec.Token(); err != nil {
			return j.syntax(err)
		}
	}
	if _, err := j.dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: more JSON follows the records; export one array or object per file", j.file)
	}
	return io.EOF
}

// skipMember passes over a member of the object around the records. When
// the records were found as the object's first array, a second array of
// objects makes the choice a guess, so it is refused.
func (j *jsonRecords) skipMember(tok json.Token) error {
	if len(j.wanted) > 0 || tok != json.Delim('[') || !j.dec.More() {
		return j.skip(tok)
	}
	first, err := j.dec.Token()
	if err != nil {
		return j.syntax(err)
	}
	if first == json.Delim('{') {
		return fmt.Errorf("%s: the JSON object holds more than one array of records; name the one to read in the mapping, as \"records\": %q", j.file, j.records)
	}
	if err := j.skip(first); err != nil {
		return err
	}
	return j.skipFrom(1)
}

// notes tells what the user should know once the file is read: where the
// records were, and the mapped paths no record has, likely misspelt.
func (j *jsonRecords) notes() []string {
	var out []string
	if j.records != "" {
		out = append(out, fmt.Sprintf("read the records of JSON %q", j.records))
	}
	var missing []string
	for c, ok := range j.found {
		if !ok && j.index > 0 {
			missing = append(missing, j.names[c])
		}
	}
	if len(missing) > 0 {
		out = append(out, fmt.Sprintf("no record has %s: check the mapping's spelling", quoteList(missing)))
	}
	return out
}

func (j *jsonRecords) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s: not valid JSON at byte %d: %v", j.file, se.Offset, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: the JSON ends too early: the file is cut short", j.file)
	}
	return fmt.Errorf("%s: %w", j.file, err)
}

// jsonText turns a value at a path into the text the field parsers read:
// numbers as written, true and false, null as blank.
func jsonText(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		hint := ""
		if len(keys) > 0 {
			hint = fmt.Sprintf("; name one of its fields (%s)", strings.Join(keys, ", "))
		}
		return "", fmt.Errorf("holds an object, not a value%s", hint)
	case []any:
		return "", fmt.Errorf("holds a list of %d, not a value; name one by its index (.0)", len(x))
	}
	return "", fmt.Errorf("holds %T, not a value", v)
}

func jsonKind(v any) string {
	switch v.(type) {
	case json.Delim:
		if v == json.Delim('{') {
			return "an object"
		}
		return "an array"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "true or false"
	}
	return "null"
}

// MappingNeededError says that a JSON file came without a mapping, the
// only way one is read, and lists the paths its first records hold to
// choose from.
type MappingNeededError struct {
	File string
	Kind Kind
	// Paths are the dotted paths of the values in the first records.
	Paths []string
}

func (e *MappingNeededError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: a JSON file is read through a mapping file (--map) naming our fields by dotted path, such as \"client\": \"company.name\"", e.File)
	if len(e.Paths) > 0 {
		fmt.Fprintf(&b, "\n  its records hold: %s", strings.Join(e.Paths, ", "))
	}
	fmt.Fprintf(&b, "\n  write a mapping file from our fields to those paths and pass it with --map, for example:\n%s",
		mappingExample(e.Kind, func(field string) string { return "the path of " + field }))
	return b.String()
}

// jsonNeedsMapping reads the first records of a JSON file given without a
// mapping, for the paths the error lists.
func jsonNeedsMapping(file string, k Kind, r io.Reader) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var doc any
	var sample []any
	if dec.Decode(&doc) == nil {
		switch d := doc.(type) {
		case []any:
			sample = d
		case map[string]any:
			keys := make([]string, 0, len(d))
			for k := range d {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if arr, ok := d[k].([]any); ok && len(arr) > 0 && jsonKind(arr[0]) == "an object" {
					sample = arr
					break
				}
			}
		}
	}
	seen := map[string]bool{}
	var paths []string
	for i, rec := range sample {
		if i == jsonSampleRecords {
			break
		}
		leafPaths(rec, "", func(p string) {
			if p != "" && !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		})
	}
	sort.Strings(paths)
	// A null in one record is an object in another: keep the deeper paths.
	all := slices.Clone(paths)
	paths = slices.DeleteFunc(paths, func(p string) bool {
		i, _ := slices.BinarySearch(all, p+".")
		return i < len(all) && strings.HasPrefix(all[i], p+".")
	})
	if len(paths) > jsonPathsShown {
		paths = append(paths[:jsonPathsShown], fmt.Sprintf("and %d more", len(paths)-jsonPathsShown))
	}
	return &MappingNeededError{File: file, Kind: k, Paths: paths}
}

// leafPaths calls fn with the dotted path of every value in v.
func leafPaths(v any, prefix string, fn func(string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			leafPaths(e, prefix+k+".", fn)
		}
	case []any:
		for i, e := range x {
			if i == 2 {
				break
			}
			leafPaths(e, fmt.Sprintf("%s%d.", prefix, i), fn)
		}
	default:
		fn(strings.TrimSuffix(prefix, "."))
	}
}
