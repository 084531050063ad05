package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/casefile"
	"offboard/importer"
	"offboard/store"
)

// importClient imports one client into the database at path through a
// store of its own, as another offboard process would.
func importClient(t *testing.T, path, name string) {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	csv := "name,seats,mrr,currency,client_since,status\n" + name + ",10,1000.00,USD,2020-01-01,active\n"
	d := &casefile.Desk{Store: st, Now: time.Now}
	if _, err := d.Import(context.Background(), "clients.csv", strings.NewReader(csv), casefile.ImportOptions{Kind: importer.KindClients}); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbenchShowsAnotherProcessImport runs the workbench on a database,
// imports a client into the same file through another handle, and checks
// the client list shows it without a key pressed.
func TestWorkbenchShowsAnotherProcessImport(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "o.db")
	importClient(t, path, "Acme Dental")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w, err := st.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	c := &Common{Ctx: ctx, Desk: &casefile.Desk{Store: st, Now: time.Now}, Theme: DefaultTheme(), Keys: DefaultKeyMap(), Changes: w}
	tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(goldenWidth, goldenHeight))
	waitFor(t, tm, "Acme Dental", "1 client ")
	importClient(t, path, "Bayside Clinic")
	waitFor(t, tm, "Bayside Clinic", "2 clients")
	finalView(t, tm)
}

// fakeChanges answers Changed from a list, then false.
type fakeChanges struct{ answers []bool }

func (f *fakeChanges) Changed(context.Context) (bool, error) {
	if len(f.answers) == 0 {
		return false, nil
	}
	a := f.answers[0]
	f.answers = f.answers[1:]
	return a, nil
}

// TestQuietDatabaseIsNotReloaded checks a poll that finds no change sends
// no reload, and one that finds a change sends exactly one.
func TestQuietDatabaseIsNotReloaded(t *testing.T) {
	changes := &fakeChanges{answers: []bool{false, true}}
	c := &Common{Theme: DefaultTheme(), Keys: DefaultKeyMap(), Changes: changes}
	app := NewApp(c, NewClientList(c))
	for _, want := range []bool{false, true} {
		_, cmd := app.Update(watchTickMsg{})
		msg := cmd().(watchedMsg)
		if msg.changed != want {
			t.Fatalf("changed = %v, want %v", msg.changed, want)
		}
		_, cmd = app.Update(msg)
		if got := reloads(cmd); got != want {
			t.Errorf("poll answering %v: reload sent = %v", want, got)
		}
	}
}

// reloads reports whether cmd, a batch or a single command, sends
// DataChangedMsg; the tick it also holds is not waited for.
func reloads(cmd tea.Cmd) bool {
	msgs := make(chan tea.Msg, 4)
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		go func() {
			switch m := c().(type) {
			case tea.BatchMsg:
				for _, c := range m {
					if c != nil {
						run(c)
					}
				}
			default:
				msgs <- m
			}
		}()
	}
	run(cmd)
	for {
		select {
		case m := <-msgs:
			if _, ok := m.(DataChangedMsg); ok {
				return true
			}
		case <-time.After(200 * time.Millisecond):
			return false
		}
	}
}
