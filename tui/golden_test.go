package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"offboard/casefile"
	"offboard/demo"
	"offboard/letters"
	"offboard/store"
)

// The screens are compared as plain text: colours depend on the terminal,
// the layout must not.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// demoNow is the clock of the tests on the demo portfolio: the morning
// after its last day of history.
var demoNow = time.Date(2026, time.November, 23, 9, 0, 0, 0, time.UTC)

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// demoPath is the default demo portfolio (seed 1, as of demoNow), written
// once per test run and only read by the tests.
func demoPath(t testing.TB) string {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "offboard-tui"); demoErr != nil {
			return
		}
		var st *store.Store
		if st, demoErr = store.Open(context.Background(), filepath.Join(demoDir, "demo.db")); demoErr != nil {
			return
		}
		_, demoErr = demo.Generate(context.Background(), st, demo.Options{Seed: 1, AsOf: demoNow})
		if err := st.Close(); demoErr == nil {
			demoErr = err
		}
	})
	if demoErr != nil {
		t.Fatalf("demo portfolio: %v", demoErr)
	}
	return filepath.Join(demoDir, "demo.db")
}

// demoCommon opens the demo portfolio for one test.
func demoCommon(t testing.TB) *Common {
	t.Helper()
	st, err := store.Open(context.Background(), demoPath(t), store.WithClock(func() time.Time { return demoNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return commonOn(t, st)
}

// commonOn is what the screens share over st at demoNow: the letters'
// standard templates, documents drawn as plain text, no editor and no
// terminal for the clipboard.
func commonOn(t testing.TB, st *store.Store) *Common {
	t.Helper()
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return demoNow }, Letters: r}, Theme: DefaultTheme(), Keys: DefaultKeyMap(),
		MarkdownStyle: "notty", Getenv: func(string) string { return "" }, Output: new(strings.Builder)}
}

// privateDemo opens a copy of the demo portfolio that a test may write to.
func privateDemo(t *testing.T) *Common {
	t.Helper()
	b, err := os.ReadFile(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return demoNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return commonOn(t, st)
}

// goldenWidth and goldenHeight are the fixed terminal of the golden files.
const (
	goldenWidth  = 100
	goldenHeight = 30
)

// startWorkbench runs the workbench on the demo portfolio and waits until
// the client list has loaded.
func startWorkbench(t *testing.T) *teatest.TestModel {
	t.Helper()
	c := demoCommon(t)
	tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(goldenWidth, goldenHeight))
	waitFor(t, tm, "60 clients")
	return tm
}

// waitFor waits until every text has been drawn since the last wait.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(out, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// finalView quits and returns the last screen the workbench drew.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	return finalApp(t, tm).View()
}

// finalApp quits and returns the workbench as it was last drawn.
func finalApp(t *testing.T, tm *teatest.TestModel) *App {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
}

// requireGolden holds the workbench's last frame to the layout rule and
// compares it with the test's golden file.
func requireGolden(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	app := finalApp(t, tm)
	requireGoldenScreen(t, app, app.View())
}

// openPlanted filters the list down to name and opens the client.
func openPlanted(t *testing.T, tm *teatest.TestModel, name string) {
	t.Helper()
	tm.Send(keyMsg("/"))
	tm.Type(name)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	// The agreement comes with the client's record, read after opening.
	waitFor(t, tm, "[Verdict & flags]", "days' notice")
}

// TestScreens draws every screen of the workbench on the demo portfolio at
// the smallest supported window (80×24) and a large one (140×45), holds
// each frame to the layout rule (layout_test.go) and compares it with
// testdata/TestScreens/<screen>-<size>.golden; run with -update after a
// deliberate change of layout. The portfolio and the what-if have goldens
// of their own (TestPortfolioGolden, TestWhatIfGolden).
func TestScreens(t *testing.T) {
	tab, enter := tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyEnter}
	open := func(name string) func(t *testing.T, tm *teatest.TestModel) {
		return func(t *testing.T, tm *teatest.TestModel) { openPlanted(t, tm, name) }
	}
	// extra is what the test being run waits for beside the last step's
	// texts.
	var extra []string
	then := func(first func(*testing.T, *teatest.TestModel), keys []tea.Msg, want ...string) func(*testing.T, *teatest.TestModel) {
		return func(t *testing.T, tm *teatest.TestModel) {
			// The outermost step is the last: it keeps the extra texts.
			mine := extra
			extra = nil
			first(t, tm)
			for _, k := range keys {
				tm.Send(k)
			}
			waitFor(t, tm, append(want, mine...)...)
		}
	}
	none := func(*testing.T, *teatest.TestModel) {}
	postMortem := then(then(open(demo.NameOffboarded), []tea.Msg{keyMsg("c")}, "steps signed off"), []tea.Msg{keyMsg("m")}, "Internal note for")
	tests := []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel)
		// wide is what else to wait for at 140 columns, with the last
		// step's texts: a preview drawn beside the form.
		wide []string
	}{
		{"list", none, nil},
		{"list-bottom", then(none, []tea.Msg{keyMsg("G")}, "60/60"), nil},
		{"list-filter", then(none, []tea.Msg{keyMsg("/"), keyMsg("c"), keyMsg("r")}, "of 60"), nil},
		{"help", then(none, []tea.Msg{keyMsg("?")}, "clear filters"), nil},
		{"client-flags", open(demo.NameResourceDrain), nil},
		{"client-lab", then(open(demo.NameResourceDrain), []tea.Msg{tab}, "[Lab panel]"), nil},
		{"client-money", then(open(demo.NameResourceDrain), []tea.Msg{tab, tab}, "[Money & trend]"), nil},
		{"client-activity", then(open(demo.NameLatePayment), []tea.Msg{tea.KeyMsg{Type: tea.KeyShiftTab}}, "[Activity]"), nil},
		{"client-help", then(open(demo.NameLatePayment), []tea.Msg{keyMsg("?")}, "previous pane"), nil},
		{"override", then(open(demo.NameResourceDrain), []tea.Msg{keyMsg("o")}, "Override the recommendation"), nil},
		{"log-entry", then(open(demo.NameResourceDrain), []tea.Msg{keyMsg("n")}, "Log an entry"), nil},
		{"letter", then(open(demo.NameUnprofitable), []tea.Msg{keyMsg("t")}, "Ready to send"), []string{"Dear"}},
		{"letter-gaps", then(open("Cedar Ridge Financial Planning"), []tea.Msg{keyMsg("t")}, "Missing before it can be sent"), []string{"Dear"}},
		{"walkthrough", then(open(demo.NameResourceDrain), []tea.Msg{keyMsg("r")}, "Step 1 of 5 · Prepare"), nil},
		{"plan-tracking", then(open(demo.NameLatePayment), []tea.Msg{keyMsg("r")}, "Actions · "), nil},
		{"plan-preview", then(then(open(demo.NameLatePayment), []tea.Msg{keyMsg("r")}, "Actions · "), []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlO}}, "Written plan", "Service improvement plan"), nil},
		{"checklist", then(open(demo.NameAbuse), []tea.Msg{keyMsg("c")}, "steps signed off"), nil},
		{"checklist-overdue-step", then(then(open(demo.NameAbuse), []tea.Msg{keyMsg("c")}, "steps signed off"), []tea.Msg{keyMsg("j")}, "Overdue: it was due"), nil},
		{"postmortem", postMortem, nil},
		{"postmortem-flags", then(postMortem, []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlD}}, "First sign"), nil},
		{"bar-clients", then(then(none, []tea.Msg{keyMsg("p")}, "1 of 5"), []tea.Msg{tea.KeyMsg{Type: tea.KeyRight}, enter}, "furthest from the centre first"), nil},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{80, 24}, {140, 45}} {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				c := privateDemo(t)
				tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "60 clients")
				if size[0] > 100 {
					extra = tt.wide
				}
				tt.steps(t, tm)
				requireGolden(t, tm)
			})
		}
	}
	// Below the smallest window the workbench asks for a larger one.
	for _, size := range [][2]int{{79, 24}, {80, 23}, {50, 12}} {
		t.Run(fmt.Sprintf("too-small-%dx%d", size[0], size[1]), func(t *testing.T) {
			c := demoCommon(t)
			tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(size[0], size[1]))
			waitFor(t, tm, "please make the window larger")
			requireGolden(t, tm)
		})
	}
}

// TestOverrideFlow overrides a planted client's recommendation through the
// workbench, on a private copy of the demo: the form, the saved decision,
// the status line, the reloaded client screen and list.
func TestOverrideFlow(t *testing.T) {
	c := privateDemo(t)
	st := c.Store
	tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(goldenWidth, goldenHeight))
	waitFor(t, tm, "60 clients")
	openPlanted(t, tm, demo.NameResourceDrain)
	tm.Send(keyMsg("o"))
	waitFor(t, tm, "Override the recommendation")
	tm.Send(keyMsg("up")) // from Remediate to Watch
	tm.Type("Owner is selling the practice in March")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "Override saved", "Watch*")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	// The list reloaded too: the override shows there.
	waitFor(t, tm, "sorted by", "Watch*")
	view := finalView(t, tm)
	if !strings.Contains(view, "Watch*") {
		t.Errorf("the list does not show the override:\n%s", view)
	}
	cl, err := (&casefile.Desk{Store: st}).FindClient(context.Background(), demo.NameResourceDrain)
	if err != nil {
		t.Fatal(err)
	}
	if cl.Override != "watch" || cl.OverrideReason != "Owner is selling the practice in March" {
		t.Errorf("stored override %q because %q", cl.Override, cl.OverrideReason)
	}
}
