package tui

import (
	"context"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/exp/golden"

	"offboard/demo"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// TestEveryScreenFitsTheWindow draws every screen and pane at the smallest
// supported window, a common one and a large one, and checks that the frame
// is exactly the window: no line wider (it would wrap and push the layout
// down), no line more or fewer.
func TestEveryScreenFitsTheWindow(t *testing.T) {
	screens := []struct {
		name string
		keys []string // pressed on the client list
	}{
		{"list", nil},
		{"list help", []string{"?"}},
		{"list filter", []string{"/", "healthy"}},
		{"client verdict", []string{"enter"}},
		{"client lab", []string{"enter", "tab"}},
		{"client money", []string{"enter", "tab", "tab"}},
		{"client activity", []string{"enter", "shift+tab"}},
		{"client of an override", []string{"j", "j", "enter"}},
		{"override form", []string{"enter", "o"}},
		{"override form of a long name", []string{"/", "notice", "enter", "enter", "o"}},
		{"portfolio", []string{"p"}},
		{"portfolio by margin", []string{"p", "m", "m", "m"}},
		{"portfolio bar's clients", []string{"p", "right", "enter"}},
		{"list with marks", []string{"space", "j", "space"}},
		{"what if", []string{"enter", "w"}},
		{"what if together", []string{"space", "j", "space", "w"}},
		{"log entry form", []string{"enter", "n"}},
		{"log entry of an incident", []string{"enter", "n", "space", "space", "space", "space"}},
		{"log entry of an agreement edit", []string{"enter", "n", "space", "space", "space", "space", "space"}},
		{"log entry of a long name", []string{"/", "notice", "enter", "enter", "n"}},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {200, 60}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s %dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				c := fixtureCommon()
				list := NewClientList(c)
				app := NewApp(c, list)
				app.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				snap := fixtureSnapshot()
				// Long names must be cut, in the breadcrumb as everywhere.
				snap.Find(17).Client.Name = "Notice Given Company of Greater Springfield and the Tri-County Area"
				list.setSnapshot(snap)
				for _, k := range sc.keys {
					deliver(app, keyMsg(k))
				}
				view := app.View()
				lines := strings.Split(view, "\n")
				if len(lines) != size[1] {
					t.Errorf("%d lines, want %d:\n%s", len(lines), size[1], view)
				}
				for i, line := range lines {
					if w := lipgloss.Width(line); w > size[0] {
						t.Errorf("line %d is %d cells wide, the window %d: %q", i+1, w, size[0], line)
					}
				}
			})
		}
	}
}

// deliver gives msg to the app and then the messages its commands return
// at once (a pushed screen, a pop), without running any I/O: commands
// that would read the store are not run.
func deliver(app *App, msg tea.Msg) {
	_, cmd := app.Update(msg)
	if cmd == nil {
		return
	}
	switch next := cmd().(type) {
	case PushMsg, PopMsg:
		app.Update(next)
	}
}

// The layout rule every golden is held to: "no word cut mid-word, no
// column lost that has room".
//
// A word is cut when a token of the screen (a run of letters and digits
// with at least one letter) is a proper prefix of a word of the data the
// screen shows, is not itself a word the data or the program's own text
// uses, and is not followed by an ellipsis. "modernizatio" above "n" is a
// cut; "Halvorsen Pl…" is a truncation the ellipsis owns up to.
//
// A column is lost with room when its heading shows in the wide frame of
// a screen and not in the narrow one, while the narrow table leaves blank
// at least the heading's width and a separating space: room counts, over
// every run of screen columns blank on the heading line and on every row
// below it, the run's width less the one space that separates columns.

// layoutToken is a token of a screen and what follows it.
type layoutToken struct {
	text     string
	ellipsis bool
}

// screenTokens splits text into tokens of letters and digits.
func screenTokens(text string) []layoutToken {
	var out []layoutToken
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
			j++
		}
		out = append(out, layoutToken{text: string(rs[i:j]), ellipsis: j < len(rs) && rs[j] == '…'})
		i = j
	}
	return out
}

// hasLetter reports whether s holds a letter: numbers are not words.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// wordSet is a set of words, lower-cased.
type wordSet map[string]bool

func (ws wordSet) add(texts ...string) wordSet {
	for _, t := range texts {
		for _, tok := range screenTokens(t) {
			ws[strings.ToLower(tok.text)] = true
		}
	}
	return ws
}

// cutWords lists the words of data that screen cuts mid-word; known are
// the words the program writes itself (headings, labels, sentences).
func cutWords(screen string, data []string, known wordSet) []string {
	dataWords := wordSet{}.add(data...)
	var cuts []string
	seen := map[string]bool{}
	for _, tok := range screenTokens(screen) {
		low := strings.ToLower(tok.text)
		if tok.ellipsis || !hasLetter(low) || dataWords[low] || known[low] || seen[low] {
			continue
		}
		for w := range dataWords {
			if len(w) > len(low) && strings.HasPrefix(w, low) {
				cuts = append(cuts, fmt.Sprintf("%q cut from %q", tok.text, w))
				seen[low] = true
				break
			}
		}
	}
	return cuts
}

// tableLines finds the table whose heading line holds first: that line and
// every line below it up to the first blank one.
func tableLines(screen, first string) []string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if !strings.Contains(l, first) {
			continue
		}
		end := i + 1
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
			end++
		}
		return lines[i:end]
	}
	return nil
}

// tableRoom is the blank room of a table drawn within width cells: the
// runs of screen columns blank on every line, each less the one space
// that separates columns.
func tableRoom(lines []string, width int) int {
	blank := make([]bool, width)
	for i := range blank {
		blank[i] = true
	}
	for _, l := range lines {
		for x, r := range []rune(l) {
			if x < width && r != ' ' {
				blank[x] = false
			}
		}
	}
	room, run := 0, 0
	for x := 0; x <= width; x++ {
		if x < width && blank[x] {
			run++
			continue
		}
		room += max(run-1, 0)
		run = 0
	}
	return room
}

// lostColumns lists the headings of titles that the wide frame shows and
// the narrow one drops though its table has the room; first is the
// heading that finds the table in both frames, width the narrow frame's.
func lostColumns(wide, narrow string, width int, first string, titles []string) []string {
	wt, nt := tableLines(wide, first), tableLines(narrow, first)
	if len(wt) == 0 || len(nt) == 0 {
		return nil
	}
	room := tableRoom(nt, width)
	var lost []string
	for _, title := range titles {
		need := lipgloss.Width(title) + 1
		if strings.Contains(wt[0], title) && !strings.Contains(nt[0], title) && need <= room {
			lost = append(lost, fmt.Sprintf("%q (needs %d, %d blank)", title, need, room))
		}
	}
	return lost
}

// modelWords collects every string a model holds, its data: names,
// documents, step titles, flags' evidence. It walks the model's fields
// (pointers once each) and leaves out the shared Common (the store) and
// the Charm components, whose strings are rendered text, not data.
func modelWords(model any) []string {
	var out []string
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 64 || !v.IsValid() {
			return
		}
		if strings.HasPrefix(v.Type().PkgPath(), "github.com/charmbracelet") || v.Type() == reflect.TypeOf(&Common{}) {
			return
		}
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem(), depth+1)
		case reflect.Interface:
			walk(v.Elem(), depth+1)
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), depth+1)
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i), depth+1)
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(k, depth+1)
				walk(v.MapIndex(k), depth+1)
			}
		}
	}
	walk(reflect.ValueOf(model), 0)
	return out
}

var (
	programOnce  sync.Once
	programKnown wordSet
)

// programWords are the words offboard writes itself: those of the string
// literals of the packages that word what the screens show, and of the
// document templates.
func programWords(t testing.TB) wordSet {
	t.Helper()
	programOnce.Do(func() {
		programKnown = wordSet{}
		// Dates are written with the months' and days' short names.
		for m := time.January; m <= time.December; m++ {
			programKnown.add(m.String()[:3])
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			programKnown.add(d.String()[:3])
		}
		for _, dir := range []string{".", "../scoring", "../letters", "../casefile", "../calendar", "../money"} {
			files, err := filepath.Glob(filepath.Join(dir, "*.go"))
			if err != nil {
				panic(err)
			}
			for _, f := range files {
				if strings.HasSuffix(f, "_test.go") {
					continue
				}
				src, err := os.ReadFile(f)
				if err != nil {
					panic(err)
				}
				var s scanner.Scanner
				fset := token.NewFileSet()
				s.Init(fset.AddFile(f, -1, len(src)), src, nil, 0)
				for {
					_, tok, lit := s.Scan()
					if tok == token.EOF {
						break
					}
					if tok == token.STRING {
						programKnown.add(lit)
					}
				}
			}
		}
		tmpls, _ := filepath.Glob("../letters/templates/*.tmpl")
		for _, f := range tmpls {
			src, err := os.ReadFile(f)
			if err != nil {
				panic(err)
			}
			programKnown.add(string(src))
		}
	})
	return programKnown
}

// goldenFrames keeps each screen's frames by size, so that the second
// size of a screen is checked against the first.
var (
	goldenMu     sync.Mutex
	goldenFrames = map[string]map[[2]int]string{}
)

// sizeSuffix is the "-80x24" that ends the name of a golden at a size.
var sizeSuffix = regexp.MustCompile(`-(\d+)x(\d+)$`)

// listTableTitles are the headings of the client list and a bar's clients.
var listTableTitles = []string{"Client", "Verdict", "Score", "MRR", "Margin", "Rate/h", "Top flags", "Status"}

// layoutTables are the tables the rule looks after, each found by one of
// its headings: the client list, a bar's clients and the lab panel.
var layoutTables = []struct {
	first  string
	titles []string
}{
	{"Verdict", listTableTitles},
	{"Your normal range", []string{"Test", "Result", "Flag", "Your normal range", "Trend", "Industry norm"}},
}

// requireGoldenScreen holds the final frame of a workbench to the layout
// rule, then compares it with the test's golden file (-update writes it).
// A test named for a size ("…-80x24") is also checked against the same
// screen at the other size, whichever ran first.
func requireGoldenScreen(t *testing.T, app *App, frame string) {
	t.Helper()
	for _, cut := range cutWords(frame, modelWords(app), programWords(t)) {
		t.Errorf("a word is cut mid-word: %s\n%s", cut, frame)
	}
	if m := sizeSuffix.FindStringSubmatch(t.Name()); m != nil {
		checkSizes(t, strings.TrimSuffix(t.Name(), m[0]), [2]int{atoi(m[1]), atoi(m[2])}, frame)
	}
	golden.RequireEqual(t, []byte(frame))
}

// checkSizes compares frame, drawn at size, with the same screen drawn at
// the other size, if it was: no column the wider shows is lost with room.
func checkSizes(t *testing.T, screen string, size [2]int, frame string) {
	t.Helper()
	goldenMu.Lock()
	defer goldenMu.Unlock()
	if goldenFrames[screen] == nil {
		goldenFrames[screen] = map[[2]int]string{}
	}
	goldenFrames[screen][size] = frame
	for other, f := range goldenFrames[screen] {
		wide, narrow, width := f, frame, size[0]
		if other[0] < size[0] {
			wide, narrow, width = frame, f, other[0]
		}
		if other == size {
			continue
		}
		for _, tb := range layoutTables {
			for _, lost := range lostColumns(wide, narrow, width, tb.first, tb.titles) {
				t.Errorf("at %d columns a column is lost that has room: %s\n%s", width, lost, narrow)
			}
		}
	}
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

// TestCutWords checks the word half of the layout rule on frames written
// by hand.
func TestCutWords(t *testing.T) {
	known := wordSet{}.add("Top flags", "Client")
	tests := []struct {
		name, screen string
		data         []string
		cuts         int
	}{
		{"a word broken across lines", "Resistance to modernizatio\n  n", []string{"Resistance to modernization"}, 1},
		{"a name cut without an ellipsis", "▸ Halvorsen Plast  Offboard", []string{"Halvorsen Plastics Inc."}, 1},
		{"a name cut with an ellipsis", "▸ Halvorsen Pl… Offboard", []string{"Halvorsen Plastics Inc."}, 0},
		{"a name whole", "▸ Halvorsen Plastics Inc. Offboard", []string{"Halvorsen Plastics Inc."}, 0},
		{"a word the program writes, prefix of a name", "Top flags", []string{"Topeka Dental"}, 0},
		{"numbers are not words", "2026 and 20", []string{"202611"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutWords(tt.screen, tt.data, known); len(got) != tt.cuts {
				t.Errorf("cuts %q, want %d", got, tt.cuts)
			}
		})
	}
}

// TestLayoutRuleCatchesTheIssuesRegressions proves the rule catches the two
// faults it was written for: the post-mortem's table breaking
// "modernization" in two at 80 columns, and a column dropped from the
// client list while the list has its room.
func TestLayoutRuleCatchesTheIssuesRegressions(t *testing.T) {
	t.Run("a table cell broken mid-word", func(t *testing.T) {
		c := demoCommon(t)
		ctx := context.Background()
		cl, err := c.FindClient(ctx, demo.NameOffboarded)
		if err != nil {
			t.Fatal(err)
		}
		note, err := c.PostMortem(ctx, cl.ID, demoNow)
		if err != nil {
			t.Fatal(err)
		}
		md, wrap := note.Document.Markdown, 78-2
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(wrap), glamour.WithPreservedNewLines())
		if err != nil {
			t.Fatal(err)
		}
		data := []string{md}
		// glamour left to squeeze the table into 80 columns: the fault.
		squeezed, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		cuts := cutWords(squeezed, data, programWords(t))
		if len(cuts) == 0 {
			t.Errorf("the rule finds no cut word in the squeezed table:\n%s", squeezed)
		}
		t.Logf("squeezed: %s", strings.Join(cuts, "; "))
		// The workbench stacks a table too wide for the window.
		stacked, err := r.Render(stackTables(md, wrap-glamourMargin))
		if err != nil {
			t.Fatal(err)
		}
		if cuts := cutWords(stacked, data, programWords(t)); len(cuts) > 0 {
			t.Errorf("the stacked table cuts %q:\n%s", cuts, stacked)
		}
	})
	t.Run("a column dropped that has room", func(t *testing.T) {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join("testdata", "TestScreens", name))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		wide, narrow := read("list-140x45.golden"), read("list-80x24.golden")
		if lost := lostColumns(wide, narrow, 80, "Verdict", listTableTitles); len(lost) > 0 {
			t.Fatalf("the list at 80 columns loses %q", lost)
		}
		// The fault: the margin column left out at 80 columns and its
		// cells left blank.
		dropped := dropColumn(narrow, "Verdict", "Margin")
		if dropped == narrow {
			t.Fatal("the margin column was not found to drop")
		}
		// Rate/h, as wide, would fit in its place as well.
		lost := lostColumns(wide, dropped, 80, "Verdict", listTableTitles)
		if !slices.ContainsFunc(lost, func(l string) bool { return strings.HasPrefix(l, `"Margin"`) }) {
			t.Errorf("the rule finds %q lost, want the margin:\n%s", lost, dropped)
		}
	})
}

// dropColumn removes the right-aligned column headed title, and the space
// before it, from the table found by first, padding each line back to its
// width: a column dropped and its room left unused.
func dropColumn(screen, first, title string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		at := strings.Index(l, title)
		if !strings.Contains(l, first) || at < 0 {
			continue
		}
		from := len([]rune(l[:at])) - 1
		for j := i; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
			rs := []rune(lines[j])
			if len(rs) < from+1+len(title) {
				continue
			}
			cut := append(append([]rune{}, rs[:from]...), rs[from+1+len(title):]...)
			lines[j] = string(cut) + strings.Repeat(" ", 1+len(title))
		}
		break
	}
	return strings.Join(lines, "\n")
}

// The footer keeps a screen's most important keys that fit: a long binding
// gives way to shorter ones after it, an ellipsis says some were left out,
// and back, help and quit are always there.
func TestShortHelpKeepsTheMostImportantKeys(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	app := NewApp(fixtureCommon(), NewClientList(fixtureCommon()))
	tests := []struct {
		name     string
		bindings []key.Binding
		width    int
		want     string
	}{
		{"all fit", []key.Binding{b("a", "one"), b("b", "two")}, 20, "a one • b two"},
		{"the long one gives way", []key.Binding{b("a", "one"), b("b", "a long description"), b("c", "three")}, 24, "a one • c three …"},
		{"nothing fits", []key.Binding{b("a", "a long description")}, 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.shortHelpWithin(tt.bindings, tt.width); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
	// The client screen at 80 and 100 columns keeps the what-if.
	for _, width := range []int{80, 100} {
		c := fixtureCommon()
		snap := fixtureSnapshot()
		app := NewApp(c, NewClientList(c))
		app.Update(tea.WindowSizeMsg{Width: width, Height: 24})
		app.Update(PushMsg{Screen: NewClientScreen(c, snap, snap.Assessments[0].Client.ID)})
		foot := app.helpView()
		for _, want := range []string{"w what if", "r remediation", "esc back", "? help", "q quit"} {
			if !strings.Contains(foot, want) {
				t.Errorf("at %d columns the client's footer %q lacks %q", width, foot, want)
			}
		}
	}
}
