package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/scoring"
	"offboard/store"
)

func openClient(t *testing.T, id int64) *ClientScreen {
	t.Helper()
	m := NewClientScreen(fixtureCommon(), fixtureSnapshot(), id)
	m.SetSize(100, 26)
	return m
}

func TestClientScreenPanes(t *testing.T) {
	m := openClient(t, 15) // Zed Shady Corp: a criminal incident
	if m.Title() != "Zed Shady Corp" {
		t.Errorf("title %q", m.Title())
	}
	tests := []struct {
		keys []string
		pane clientPane
		want []string
	}{
		{nil, paneVerdict, []string{"[Verdict & flags]", "ZERO TOLERANCE", "Criminal activity", "Offboard at once"}},
		{[]string{"tab"}, paneLab, []string{"[Lab panel]", "Hours per seat per month", "normal range", "industry:"}},
		{[]string{"tab"}, paneMoney, []string{"[Money & trend]", "Break-even price", "Effective rate", "Monthly trend"}},
		{[]string{"tab"}, paneActivity, []string{"[Activity]", "Asked a technician to wipe logs", "Shouted at the help desk"}},
		{[]string{"tab"}, paneVerdict, []string{"[Verdict & flags]"}},
		{[]string{"shift+tab"}, paneActivity, []string{"[Activity]"}},
	}
	for _, tt := range tests {
		press(m, tt.keys...)
		if m.pane != tt.pane {
			t.Fatalf("after %v pane %v, want %v", tt.keys, m.pane, tt.pane)
		}
		view := m.View()
		for _, w := range tt.want {
			if !strings.Contains(view, w) {
				t.Errorf("pane %v does not show %q:\n%s", tt.pane, w, view)
			}
		}
	}
}

func TestClientScreenActivityNewestFirst(t *testing.T) {
	m := openClient(t, 15)
	press(m, "shift+tab")
	view := m.View()
	newer, older := strings.Index(view, "wipe logs"), strings.Index(view, "help desk")
	if newer < 0 || older < 0 || newer > older {
		t.Errorf("incidents not newest first:\n%s", view)
	}
}

func TestClientScreenLabMarksOutOfRange(t *testing.T) {
	m := openClient(t, 13) // Drain Works: six times the healthy load
	press(m, "tab")
	var hours string
	for _, line := range strings.Split(m.View(), "\n") {
		if strings.HasPrefix(line, "Hours per seat per month") {
			hours = line
		}
	}
	if !strings.Contains(hours, " H ") {
		t.Errorf("the drain's hours are not marked H: %q", hours)
	}
}

func TestClientScreenScrolls(t *testing.T) {
	m := openClient(t, 13)
	press(m, "tab") // the lab panel is longer than the pane
	if m.vp.TotalLineCount() <= m.vp.Height {
		t.Fatalf("lab panel fits (%d lines in %d): nothing to scroll", m.vp.TotalLineCount(), m.vp.Height)
	}
	press(m, "j", "j")
	if m.vp.YOffset != 2 {
		t.Errorf("j j scrolled to %d, want 2", m.vp.YOffset)
	}
	press(m, "G")
	if !m.vp.AtBottom() {
		t.Error("G did not reach the bottom")
	}
	press(m, "g")
	if m.vp.YOffset != 0 {
		t.Error("g did not reach the top")
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.vp.YOffset == 0 {
		t.Error("the mouse wheel did not scroll")
	}
	press(m, "tab")
	if m.vp.YOffset != 0 {
		t.Error("a new pane did not start at its top")
	}
}

func TestClientScreenActionsOnlyWhenAvailable(t *testing.T) {
	m := openClient(t, 13)
	k := m.c.Keys
	opened := false
	m.actions = []ClientAction{
		{Binding: k.Remediate, Open: func(*Common, ClientTarget) Screen { opened = true; return &fakeScreen{title: "Plan"} }},
		{Binding: k.Checklist, Available: func(t ClientTarget) bool { return t.Assessment.Client.Status == scoring.StatusNotice },
			Open: func(*Common, ClientTarget) Screen { t.Error("opened an unavailable action"); return nil }},
	}
	help := helpText(m)
	if !strings.Contains(help, "remediation") || strings.Contains(help, "checklist") {
		t.Errorf("help %q: want remediation and not checklist", help)
	}
	if cmd := press(m, "c"); cmd != nil {
		t.Error("an unavailable action's key did something")
	}
	cmd := press(m, "r")
	if cmd == nil {
		t.Fatal("r did nothing")
	}
	if push, ok := cmd().(PushMsg); !ok || push.Screen.Title() != "Plan" || !opened {
		t.Errorf("r gave %#v", cmd())
	}
}

// helpText is every help entry of a screen, keys and descriptions.
func helpText(s Screen) string {
	var b strings.Builder
	for _, col := range s.FullHelp() {
		for _, k := range col {
			b.WriteString(k.Help().Key + " " + k.Help().Desc + "\n")
		}
	}
	return b.String()
}

func TestOverrideNeedsReason(t *testing.T) {
	m := openClient(t, 13)
	cmd := press(m, "o")
	push, ok := cmd().(PushMsg)
	if !ok {
		t.Fatalf("o gave %#v", cmd())
	}
	o := push.Screen.(*OverrideScreen)
	o.SetSize(100, 20)
	if !o.Capturing() {
		t.Error("the override form does not capture typing")
	}
	if cmd := press(o, "enter"); cmd != nil {
		t.Error("saved with no reason")
	}
	if !strings.Contains(o.View(), "✗ a reason is required") {
		t.Errorf("no message for the missing reason:\n%s", o.View())
	}
	if cmd := press(o, "esc"); cmd == nil {
		t.Error("esc does not cancel")
	} else if _, ok := cmd().(PopMsg); !ok {
		t.Errorf("esc gave %#v", cmd())
	}
}

func TestOverrideIsStoredAndShown(t *testing.T) {
	ctx := context.Background()
	st, id := storeWithClient(t, fixtureNow, store.Client{Name: "Drain Works", Seats: 20})
	c := fixtureCommon()
	c.Store = st
	snap := fixtureSnapshot()
	a := *snap.Find(13)
	o := NewOverrideScreen(c, ClientTarget{ID: id, Name: "Drain Works", Assessment: &a, Snapshot: snap})
	o.SetSize(100, 20)
	// From Remediate, one step up is Watch.
	press(o, "up")
	for _, r := range "Owner's nephew runs the account" {
		o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	cmd := press(o, "enter")
	if cmd == nil {
		t.Fatal("enter did not save")
	}
	if _, cmd := o.Update(cmd()); cmd == nil {
		t.Fatal("saving did not close the form")
	}
	got, err := st.Client(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Override != "watch" || got.OverrideReason != "Owner's nephew runs the account" {
		t.Errorf("stored override %q because %q", got.Override, got.OverrideReason)
	}
	decisions, err := st.Decisions(ctx, id)
	if err != nil || len(decisions) != 1 || decisions[0].Kind != "override" {
		t.Errorf("decisions log %+v, %v", decisions, err)
	}
}

func TestClientScreenTabsClick(t *testing.T) {
	m := openClient(t, 13)
	click := func(x, y int) {
		m.Update(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	}
	// The tab bar reads "[Verdict & flags]   Lab panel    Money & trend ...":
	// each tab is its name, two brackets or spaces, and a cell of padding
	// on each side, so "Lab panel" starts at 1+17+1+1 = 20.
	click(22, tabLine)
	if m.pane != paneLab {
		t.Errorf("a click on Lab panel opened %v", m.pane)
	}
	click(2, tabLine)
	if m.pane != paneVerdict {
		t.Errorf("a click on Verdict & flags opened %v", m.pane)
	}
	click(22, tabLine+2)
	if m.pane != paneVerdict {
		t.Error("a click below the tabs changed the pane")
	}
}

func TestLoadSnapshotUsesTheConfigurationFile(t *testing.T) {
	c := demoCommon(t)
	c.ConfigFile = []byte("[stats]\nmethod = \"robust\"\n")
	snap, err := LoadSnapshot(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Method != scoring.MethodRobust {
		t.Errorf("normal ranges by %q, want the configured robust method", snap.Method)
	}
	// The demo is assessed as of the day after its last day of history.
	if want := time.Date(2026, time.November, 24, 0, 0, 0, 0, time.UTC); !snap.AsOf.Equal(want) {
		t.Errorf("assessed as of %v, want %v", snap.AsOf, want)
	}
	c.ConfigFile = []byte("[stats]\nmethod = \"guesswork\"\n")
	if _, err := LoadSnapshot(context.Background(), c); err == nil || !strings.Contains(err.Error(), "guesswork") {
		t.Errorf("a bad configuration gave %v", err)
	}
}
