package tui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"offboard/casefile"
	"offboard/demo"
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
	return &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return demoNow }}, Theme: DefaultTheme(), Keys: DefaultKeyMap()}
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
	return &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return demoNow }}, Theme: DefaultTheme(), Keys: DefaultKeyMap()}
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
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
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

// TestGolden draws each screen of the workbench on the demo portfolio at
// 100×30 and compares it with testdata/TestGolden/<screen>.golden; run
// with -update after a deliberate change of layout.
func TestGolden(t *testing.T) {
	tab := tea.KeyMsg{Type: tea.KeyTab}
	tests := []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel)
	}{
		{"list", func(*testing.T, *teatest.TestModel) {}},
		{"help", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(keyMsg("?"))
			waitFor(t, tm, "clear filters")
		}},
		{"client", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
		}},
		{"client-lab", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(tab)
			waitFor(t, tm, "[Lab panel]")
		}},
		{"portfolio", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(keyMsg("p"))
			waitFor(t, tm, "Revenue at risk")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := startWorkbench(t)
			tt.steps(t, tm)
			golden.RequireEqual(t, []byte(finalView(t, tm)))
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
