package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/importer"
	"offboard/store"
)

// hostileName carries an OSC 52 clipboard write of "echo pwned", a screen
// clear, a newline and a right-to-left override, as a hostile export could.
const hostileName = "Evil\x1b]52;c;ZWNobyBwd25lZA==\x07 Corp\x1b[2J\nLine two \u202eslc.exe"

// hostileCommon imports a client named hostileName with an incident
// described the same way through the store's import path, and returns a
// Common on that database with the snapshot the workbench would load.
func hostileCommon(t *testing.T) (*Common, *Snapshot) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, time.November, 23, 9, 0, 0, 0, time.UTC)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "o.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	quoted := `"` + hostileName + `"`
	files := []struct {
		kind importer.Kind
		body string
	}{
		{importer.KindClients, "external_id,name,seats,mrr,currency,client_since,status\n" +
			"C-666," + quoted + ",10,1000.00,USD,2020-01-01,active\n"},
		{importer.KindIncidents, "external_id,client_id,client,occurred,category,severity,description,reported_by\n" +
			"I-1,C-666," + quoted + ",2026-08-02,criminal,5," + quoted + ",Ben Ode\n"},
	}
	for _, f := range files {
		if _, err := (&casefile.Desk{Store: st}).Import(ctx, string(f.kind)+".csv", strings.NewReader(f.body), casefile.ImportOptions{Kind: f.kind}); err != nil {
			t.Fatalf("import %s: %v", f.kind, err)
		}
	}
	c := &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return now }}, Theme: DefaultTheme(), Keys: DefaultKeyMap(),
		MarkdownStyle: "notty", Getenv: func(string) string { return "" }, Output: new(strings.Builder)}
	snap, err := LoadSnapshot(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Assessments) != 1 || snap.Assessments[0].Client.Name != hostileName {
		t.Fatalf("the import did not keep the name as it was: %+v", snap.Assessments)
	}
	return c, snap
}

// assertInert fails when a view holds ESC, BEL or another control but
// newline, DEL, a C1 control or a bidi override. The colour profile is
// ASCII in these tests (TestMain), so even styling writes no ESC.
func assertInert(t *testing.T, what, view string) {
	t.Helper()
	for i, r := range view {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s: %U at byte %d reaches the terminal:\n%q", what, r, i, view)
			return
		}
	}
}

func TestHostileTextInTheWorkbench(t *testing.T) {
	c, snap := hostileCommon(t)
	list := NewClientList(c)
	list.SetSize(120, 20)
	list.setSnapshot(snap)
	view := list.View()
	assertInert(t, "client list", view)
	if !strings.Contains(view, "Evil␛]52;c;") {
		t.Errorf("the list does not show the name with placeholders:\n%s", view)
	}
	// The newline in the name must not add a row: the name's second part
	// stays on the row of its first.
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "Line two") && !strings.Contains(line, "Evil") {
			t.Errorf("the name broke across rows:\n%s", view)
		}
	}

	id := snap.Assessments[0].Client.ID
	screen := NewClientScreen(c, snap, id)
	d := drive(t, screen, 100, 30)
	for _, pane := range []string{"verdict", "lab", "money", "activity"} {
		view := screen.View()
		assertInert(t, "client screen, "+pane, view)
		if pane == "activity" && !strings.Contains(view, "ZWNobyBwd25lZA==") {
			t.Errorf("the activity pane does not show the incident:\n%s", view)
		}
		d.run(press(screen, "tab"))
	}

	portfolio := NewPortfolioScreen(c, snap)
	portfolio.SetSize(100, 30)
	assertInert(t, "portfolio", portfolio.View())

	app := NewApp(c, list)
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	app.Update(PushMsg{Screen: screen})
	assertInert(t, "workbench with the client open", app.View())
}
