package letters

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestEscapeInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harborline Freight Logistics, Inc.", "Harborline Freight Logistics, Inc."},
		{"Smith & Sons (Tacoma)", "Smith & Sons (Tacoma)"},
		{"*Acme* <script>", `\*Acme\* \<script\>`},
		{"# Heading", `\# Heading`},
		{"## Heading", `\## Heading`},
		{"#1 Dental", "#1 Dental"},
		{"[x](y)", `\[x\](y)`},
		{"![img](y)", `!\[img\](y)`},
		{"1. Acme", `1\. Acme`},
		{"2027) Ltd", `2027\) Ltd`},
		{"1.", `1\.`},
		{"2.9 hours", "2.9 hours"},
		{"a | b", `a \| b`},
		{"- item", `\- item`},
		{"-8% margin", "-8% margin"},
		{"+ item", `\+ item`},
		{"---", `\---`},
		{"===", `\===`},
		{": detail", `\: detail`},
		{"> quote", `\> quote`},
		{"_under_ and `code`", "\\_under\\_ and \\`code\\`"},
		{"~~gone~~", `\~\~gone\~\~`},
		{`back\slash\`, `back\\slash\\`},
		{"&amp; &#60; &#x3C; AT&T", `\&amp; \&#60; \&#x3C; AT&T`},
		{"line one\n# line two\n\n  line three", `line one # line two line three`},
		{"  padded\t ", "padded"},
		{"\x1b[31mred", `\[31mred`},
	}
	for _, tt := range tests {
		if got := EscapeInline(tt.in); got != tt.want {
			t.Errorf("EscapeInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeBlock(t *testing.T) {
	in := "First line\n# not a heading\n    not code\n\n\n\n- not a list\r\n1. nor this"
	want := "First line\n\\# not a heading\nnot code\n\n\\- not a list\n1\\. nor this"
	if got := EscapeBlock(in); got != want {
		t.Errorf("EscapeBlock = %q, want %q", got, want)
	}
}

// hostileValues are client-provided strings that would each break naive
// Markdown: emphasis, raw HTML, headings, links, code, table cells, lists,
// block quotes, setext underlines, definition lists, entities, hard breaks.
var hostileValues = []string{
	"*Acme* <script>alert(1)</script>",
	"# Heading",
	"[x](y) ![i](z) <b>bold</b>",
	"1. First | second | `code` ~~gone~~ _u_",
	"| cell |\n---\n> quote\n===\n: def\n- item &amp; &#60;\\",
}

// markdown parses the way glamour does: CommonMark with GFM and definition lists.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// structure lists the document's nodes in order, leaving out text nodes,
// whose number depends on how the text was escaped, not on its meaning.
func structure(t *testing.T, doc string) []string {
	t.Helper()
	root := markdown.Parser().Parse(text.NewReader([]byte(doc)))
	var kinds []string
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindText, ast.KindString:
			return ast.WalkContinue, nil
		case ast.KindRawHTML, ast.KindHTMLBlock, ast.KindLink, ast.KindImage, ast.KindAutoLink, ast.KindCodeSpan:
			t.Errorf("%s node in the document", n.Kind())
		}
		kind := n.Kind().String()
		if h, ok := n.(*ast.Heading); ok {
			kind += fmt.Sprint(h.Level)
		}
		kinds = append(kinds, kind)
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return kinds
}

// setStrings sets every string reachable from v (through structs, slices
// and pointers) to s, leaving numbers, dates and booleans alone.
func setStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Struct:
		if v.Type().PkgPath() != "" && v.Type().PkgPath() != reflect.TypeFor[Company]().PkgPath() {
			return // time.Time and other foreign structs
		}
		for i := range v.NumField() {
			setStrings(v.Field(i), s)
		}
	case reflect.Slice:
		for i := range v.Len() {
			setStrings(v.Index(i), s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			setStrings(v.Elem(), s)
		}
	}
}

// hostileDocuments renders every document with every string set to s.
func hostileDocuments(t *testing.T, s string) map[string]string {
	t.Helper()
	r := newRenderer(t)
	term, receipt, pm, agenda, plan := harborlineTermination(), harborlineReceipt(), harborlinePostMortem(), kesslerAgenda(), kesslerPlan()
	plan.Checkpoints = DefaultCheckpoints(plan.Start)
	plan.FollowUp = "Follow-up"
	plan.Terms.Scope = "Scope"
	for i := range plan.Gaps {
		plan.Gaps[i].Targets = []GoalTarget{{Measure: "M", Baseline: "B", BaselineWindow: "W", Target: "T", By: plan.Start, Window: "W"}}
	}
	plan.Progress = &PlanProgress{AsOf: plan.Start, Status: "S", ActionsDue: 2, ActionsDone: 1, BeforeWindow: "B", SinceWindow: "S",
		Extensions: []PlanExtension{{On: plan.Start, Review: plan.Review()}},
		Metrics:    []TrackedMetric{{Name: "N", Before: "B", Since: "S", Target: "T", State: GoalMet}, {Name: "N", Before: "B", Since: "S", Change: "C"}}}
	for _, p := range []any{&term, &receipt, &pm, &agenda, &plan} {
		setStrings(reflect.ValueOf(p).Elem(), s)
	}
	out := map[string]string{}
	for name, render := range map[string]func() (string, error){
		"termination": func() (string, error) { return r.Termination(term) },
		"receipt":     func() (string, error) { return r.ChecklistReceipt(receipt) },
		"post-mortem": func() (string, error) { return r.PostMortem(pm) },
		"agenda":      func() (string, error) { return r.Agenda(agenda) },
		"plan":        func() (string, error) { return r.RemediationPlan(plan) },
	} {
		md, err := render()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = md
	}
	return out
}

// TestHostileTextCannotChangeTheDocument renders every document twice, once
// with every string set to plain words and once to hostile Markdown, and
// checks that the parsed structure is the same: no heading, list, quote,
// link, HTML or table cell appears or disappears because of client text,
// and the hostile text is shown literally.
func TestHostileTextCannotChangeTheDocument(t *testing.T) {
	plain := hostileDocuments(t, "Plain words")
	for _, hostile := range hostileValues {
		for name, md := range hostileDocuments(t, hostile) {
			t.Run(fmt.Sprintf("%s/%.12q", name, hostile), func(t *testing.T) {
				want := structure(t, plain[name])
				if got := structure(t, md); !reflect.DeepEqual(got, want) {
					t.Errorf("structure changed\n got %v\nwant %v\n%s", got, want, md)
				}
				var html bytes.Buffer
				if err := markdown.Convert([]byte(md), &html); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(html.String(), "<script") || strings.Contains(html.String(), "<b>") {
					t.Errorf("raw HTML passed through:\n%s", html.String())
				}
			})
		}
	}
}

func TestHostileClientNameIsShownLiterally(t *testing.T) {
	in := harborlineTermination()
	in.Client.Name = "*Acme* <script>"
	md, err := newRenderer(t).Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := markdown.Convert([]byte(md), &html); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), "<strong>*Acme* &lt;script&gt;</strong>") {
		t.Errorf("client name not rendered literally:\n%s", html.String())
	}
}
