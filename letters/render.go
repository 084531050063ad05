package letters

import (
	"offboard/money"

	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"
)

//go:embed templates/*.md.tmpl
var embedded embed.FS

// Kinds lists every document kind, in the order a client's story runs.
func Kinds() []Kind {
	return []Kind{KindAgenda, KindRemediationPlan, KindTermination, KindChecklist, KindPostMortem}
}

// TemplateName is the file name of the kind's template, both inside the
// binary and in a user template folder: "termination.md.tmpl".
func (k Kind) TemplateName() string { return string(k) + ".md.tmpl" }

// DefaultTemplate returns the built-in template for kind, for a user to copy
// into their template folder and edit.
func DefaultTemplate(kind Kind) ([]byte, error) {
	src, err := embedded.ReadFile("templates/" + kind.TemplateName())
	if err != nil {
		return nil, fmt.Errorf("built-in template for %q: %w", kind, err)
	}
	return src, nil
}

// Renderer turns document inputs into Markdown. It holds the parsed
// templates; it is safe for concurrent use.
type Renderer struct {
	templates  map[Kind]*template.Template
	overridden map[Kind]bool
}

// New parses the templates. A template found in override under its
// TemplateName replaces the built-in one; override may be nil, and a folder
// holding only some templates overrides only those. A template that does not
// parse is an error naming the file, so a mistake in a user's folder is
// reported when the program starts rather than when a letter is due.
func New(override fs.FS) (*Renderer, error) {
	r := &Renderer{templates: map[Kind]*template.Template{}, overridden: map[Kind]bool{}}
	for _, kind := range Kinds() {
		name := kind.TemplateName()
		src, err := readOverride(override, name)
		switch {
		case err != nil:
			return nil, err
		case src != nil:
			r.overridden[kind] = true
		default:
			if src, err = DefaultTemplate(kind); err != nil {
				return nil, err
			}
		}
		t, err := template.New(name).Funcs(templateFuncs).Option("missingkey=error").Parse(string(src))
		if err != nil {
			origin := "built-in template"
			if r.overridden[kind] {
				origin = "template folder"
			}
			return nil, fmt.Errorf("parse %s from the %s: %w", name, origin, err)
		}
		r.templates[kind] = t
	}
	return r, nil
}

// readOverride returns the named template from override, or nil when
// override is nil or has no such file.
func readOverride(override fs.FS, name string) ([]byte, error) {
	if override == nil {
		return nil, nil
	}
	src, err := fs.ReadFile(override, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s from the template folder: %w", name, err)
	}
	return src, nil
}

// Overridden reports whether kind is rendered from the user's template
// folder rather than the built-in template.
func (r *Renderer) Overridden(kind Kind) bool { return r.overridden[kind] }

// render executes kind's template on data and tidies the result.
func (r *Renderer) render(kind Kind, data any) (string, error) {
	var buf bytes.Buffer
	if err := r.templates[kind].Execute(&buf, data); err != nil {
		return "", fmt.Errorf("render %s: %w", kind, err)
	}
	return tidy(buf.String()), nil
}

// tidy trims trailing spaces, folds runs of blank lines into one and ends
// the document with a single newline, so templates can be laid out for
// readability without their layout leaking into the output. Hard line
// breaks are written as a trailing backslash, which survives this.
func tidy(s string) string {
	var out []string
	blank := true
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, line)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}

// gapMarker matches the markers missing and todo write. Client text cannot
// forge one: escaping turns its asterisks and brackets into "\\*" and "\\[".
var gapMarker = regexp.MustCompile(`\*\*\[(?:([^\]]+) missing|to be completed: ([^\]]+))\]\*\*`)

// Gaps returns the labels of the gaps marked in a rendered document, in
// order of first appearance, for example ["company address", "date"]. It
// works on any document, including one rendered from a user's template or
// edited by hand, so an export can refuse a document that still has gaps.
func Gaps(markdown string) []string {
	var labels []string
	seen := map[string]bool{}
	for _, m := range gapMarker.FindAllStringSubmatch(markdown, -1) {
		label := m[1] + m[2]
		if !seen[label] {
			seen[label] = true
			labels = append(labels, label)
		}
	}
	return labels
}

// missing is the visible marker for an unset field: bold so that it stands
// out in a preview, bracketed so that it reads as a placeholder in the file.
func missing(label string) string { return "**[" + label + " missing]**" }

// todo is the visible marker for a section the record cannot fill and the
// owner must: it asks for what is needed instead of a sentence that might
// not be true, and Gaps reports it like a missing field.
func todo(label string) string { return "**[to be completed: " + label + "]**" }

// isBlank reports whether s holds nothing but whitespace.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// templateFuncs are the functions every template can call; doc.go
// documents them for template authors.
var templateFuncs = template.FuncMap{
	"md":      EscapeInline,
	"mdblock": EscapeBlock,
	"field": func(label, value string) string {
		if isBlank(value) {
			return missing(label)
		}
		return EscapeInline(value)
	},
	"bold": func(label, value string) string {
		if isBlank(value) {
			return missing(label)
		}
		return "**" + EscapeInline(value) + "**"
	},
	"lines":   escapeLines,
	"missing": missing,
	"todo":    todo,
	"total":   total,
	"stack":   stack,
	"date": func(t time.Time) string {
		if t.IsZero() {
			return missing("date")
		}
		return FormatDate(t)
	},
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return missing("date")
		}
		if t.Hour() == 0 && t.Minute() == 0 {
			return FormatDate(t)
		}
		return FormatDate(t) + " at " + t.Format("15:04")
	},
	"money": func(m money.Money) string { return EscapeInline(m.String()) },
	"days": func(n int) string {
		return plural(n, "day", "days")
	},
	"plural": plural,
	"inc":    func(i int) int { return i + 1 },
}

// escapeLines escapes multi-line text such as an address for a block whose
// lines are kept: each line is escaped and lines are joined by hard line
// breaks. Blank text gives "".
func escapeLines(value string) string {
	var out []string
	for _, l := range strings.Split(value, "\n") {
		if l = EscapeInline(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, hardBreak)
}

// hardBreak ends a line inside a paragraph. A trailing backslash is used
// rather than two trailing spaces, which editors strip.
const hardBreak = "\\\n"

// stack joins the non-empty, already escaped parts into one paragraph, a
// line each, as in a letterhead or signature block.
func stack(parts ...string) string {
	var out []string
	for _, p := range parts {
		if !isBlank(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, hardBreak)
}

// plural writes a count with the right form of the noun: "1 day", "30 days".
func plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
