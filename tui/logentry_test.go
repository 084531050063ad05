package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/demo"
	"offboard/scoring"
	"offboard/store"
)

// openLogEntry is the entry form for the fixture's first healthy client,
// without a database: the keys and the checks need none.
func openLogEntry(t *testing.T) *LogEntryScreen {
	t.Helper()
	snap := fixtureSnapshot()
	m := NewLogEntryScreen(fixtureCommon(), ClientTarget{ID: 1, Name: "Healthy A Ltd", Assessment: snap.Find(1), Snapshot: snap})
	m.SetSize(80, 20)
	return m
}

// focusField moves the cursor down to the field filling name.
func focusField(t *testing.T, m *LogEntryScreen, name string) {
	t.Helper()
	for range m.names {
		if m.names[m.fields.focus] == name {
			return
		}
		press(m, "tab")
	}
	t.Fatalf("no %s field among %v", name, m.names)
}

var ctrlS = tea.KeyMsg{Type: tea.KeyCtrlS}

// The fields follow the kind, and text typed under one kind is still there
// after trying another.
func TestLogEntryFieldsFollowKindKeepingText(t *testing.T) {
	m := openLogEntry(t)
	if m.draft.Kind != "call" || !strings.Contains(m.View(), "Direction") {
		t.Fatalf("the form does not open on a call:\n%s", m.View())
	}
	focusField(t, m, "summary")
	press(m, "Asked for a quote on new laptops")
	press(m, "shift+tab", "shift+tab", "shift+tab") // back to the kind
	press(m, "space", "space", "space", "space")    // email, meeting, note, incident
	if m.draft.Kind != "incident" {
		t.Fatalf("four spaces chose %q, want incident", m.draft.Kind)
	}
	view := m.View()
	for _, want := range []string{"Red flag", "data compliance", "Severity", "5 grave", "Reported by", "What happened"} {
		if !strings.Contains(view, want) {
			t.Errorf("the incident form lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Direction") {
		t.Errorf("the incident form still asks for a direction:\n%s", view)
	}
	press(m, "space", "space") // agreement edit, then back round to call
	if m.draft.Kind != "call" {
		t.Fatalf("kind %q, want call", m.draft.Kind)
	}
	if !strings.Contains(m.View(), "Asked for a quote on new laptops") {
		t.Errorf("the summary typed as a call was lost:\n%s", m.View())
	}
}

// What is typed is checked as it is typed: a time is echoed back with its
// weekday once it reads, a bad number is named, and a complete entry says
// it is ready.
func TestLogEntryChecksAsTyped(t *testing.T) {
	m := openLogEntry(t)
	focusField(t, m, "at")
	press(m, "2026-11-")
	if !strings.Contains(m.View(), `Still needed: at: "2026-11-" is not a date`) {
		t.Errorf("a half-typed time is not named:\n%s", m.View())
	}
	press(m, "20 14:20")
	// 20 November 2026 was a Friday.
	if !strings.Contains(m.View(), "When  Friday 20 November 2026, 14:20 UTC") {
		t.Errorf("the time is not echoed with its weekday:\n%s", m.View())
	}
	focusField(t, m, "summary")
	press(m, "Agreed the renewal")
	if !strings.Contains(m.View(), "✓ Ready") {
		t.Errorf("a complete call is not ready:\n%s", m.View())
	}
	focusField(t, m, "corrects")
	press(m, "x")
	if !strings.Contains(m.View(), `corrects: "x" is not a record entry's number`) {
		t.Errorf("a bad entry number is not named:\n%s", m.View())
	}
}

// Saving an incomplete entry saves nothing and puts the cursor on the
// field to fix, with the problem as an error.
func TestLogEntrySaveGoesToTheProblem(t *testing.T) {
	m := openLogEntry(t)
	press(m, "space", "space", "space", "space") // incident
	if _, cmd := m.Update(ctrlS); cmd != nil && cmd() != nil {
		t.Fatalf("an empty incident was saved: %#v", cmd())
	}
	if got := m.names[m.fields.focus]; got != "category" {
		t.Errorf("the cursor went to %q, want the red flag", got)
	}
	if !strings.Contains(m.View(), "✗ category: choose the red flag") {
		t.Errorf("no error for the missing red flag:\n%s", m.View())
	}
	press(m, "space") // abuse
	if _, cmd := m.Update(ctrlS); cmd != nil && cmd() != nil {
		t.Fatal("an incident without a severity was saved")
	}
	if got := m.names[m.fields.focus]; got != "severity" {
		t.Errorf("the cursor went to %q, want the severity", got)
	}
}

// esc over typed text asks before throwing it away; any key but y goes
// back to the form with the text kept. An untouched form closes at once.
func TestLogEntryEscAsksBeforeDiscarding(t *testing.T) {
	m := openLogEntry(t)
	if cmd := press(m, "esc"); cmd == nil {
		t.Fatal("esc on an untouched form does not close it")
	} else if _, ok := cmd().(PopMsg); !ok {
		t.Fatalf("esc gave %#v", cmd())
	}
	focusField(t, m, "summary")
	press(m, "Long call about the backup failures")
	if cmd := press(m, "esc"); cmd != nil {
		t.Fatalf("esc threw typed text away: %#v", cmd())
	}
	if !strings.Contains(m.View(), "Throw away what you typed?") {
		t.Errorf("esc does not ask:\n%s", m.View())
	}
	if cmd := press(m, "n"); cmd != nil {
		t.Fatalf("n after esc gave %#v", cmd())
	}
	if m.draft.Summary != "Long call about the backup failures" || strings.Contains(m.View(), "Throw away") {
		t.Errorf("declining to discard lost the text or kept asking: %q\n%s", m.draft.Summary, m.View())
	}
	press(m, "esc")
	if cmd := press(m, "y"); cmd == nil {
		t.Fatal("y does not discard")
	} else if _, ok := cmd().(PopMsg); !ok {
		t.Fatalf("y gave %#v", cmd())
	}
}

// TestLogEntryFlow logs a call and then an abuse incident of severity 4
// for a client the assessment keeps, through the workbench on a private
// copy of the demo: the client is Offboard as soon as the incident is
// saved, both entries are in the record, and the record verifies.
func TestLogEntryFlow(t *testing.T) {
	c := privateDemo(t)
	ctx := context.Background()
	cl, err := c.FindClient(ctx, demo.NameReengaged)
	if err != nil {
		t.Fatal(err)
	}
	if a := assessed(t, c, cl.ID); a.Recommendation != scoring.Keep || a.Score != 0 {
		t.Fatalf("%s starts at %s, score %d; the test needs a client the assessment keeps", cl.Name, a.Recommendation, a.Score)
	}
	tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(goldenWidth, goldenHeight))
	waitFor(t, tm, "60 clients")
	openPlanted(t, tm, demo.NameReengaged)

	tm.Send(keyMsg("n"))
	waitFor(t, tm, "Log an entry for "+demo.NameReengaged)
	for _, k := range []string{"tab", "2026-11-20 10:15", "tab", "h", "tab", "Asked why the invoice went up"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(ctrlS)
	waitFor(t, tm, "Recorded the call of Friday, 20 November 2026 10:15")

	tm.Send(keyMsg("n"))
	waitFor(t, tm, "Log an entry for "+demo.NameReengaged)
	for _, k := range []string{"space", "space", "space", "space", "tab", "2026-11-21 09:00", "tab", "space",
		"tab", "space", "space", "space", "space", "tab", "Priya, helpdesk", "tab", "Screamed at the technician"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(ctrlS)
	waitFor(t, tm, "Recorded the abuse incident of severity 4", "Offboard", "score 100/100", "Zero tolerance: Mistreatment of staff")

	if a := assessed(t, c, cl.ID); a.Recommendation != scoring.Offboard || a.Score != 100 {
		t.Errorf("after the incident %s is at %s, score %d; want Offboard, 100", cl.Name, a.Recommendation, a.Score)
	}
	comms, err := c.Store.Communications(ctx, cl.ID, 1)
	if err != nil || len(comms) != 1 || comms[0].Summary != "Asked why the invoice went up" || comms[0].Channel != "phone" ||
		comms[0].Direction != "inbound" {
		t.Errorf("the call was not logged as typed: %+v, %v", comms, err)
	}
	v, err := c.Desk.Verify(ctx)
	if err != nil || !v.OK() {
		t.Errorf("the record does not verify after hand entries: %+v, %v", v.Problems, err)
	}
	finalView(t, tm)
}

// assessed is the client's assessment as the desk makes it now.
func assessed(t *testing.T, c *Common, id int64) *scoring.Assessment {
	t.Helper()
	p, err := c.Desk.Assess(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Assessments {
		if p.Assessments[i].Client.ID == id {
			return &p.Assessments[i]
		}
	}
	t.Fatalf("client %d is not assessed", id)
	return nil
}

// An entry typed but not recorded when the workbench quits is kept, and
// the form offers it again the next time it opens for the client.
func TestLogEntryKeptWhenQuitting(t *testing.T) {
	st, id := storeWithClient(t, fixtureNow, store.Client{Name: "Healthy A Ltd", Seats: 20, Currency: "USD"})
	c := fixtureCommon()
	c.Store = st
	open := func() *LogEntryScreen {
		m := NewLogEntryScreen(c, ClientTarget{ID: id, Name: "Healthy A Ltd"})
		m.SetSize(80, 20)
		for _, msg := range runCmd(m.Init()) {
			m.Update(msg)
		}
		return m
	}
	m := open()
	if m.Flush() != nil {
		t.Error("an untouched form keeps a draft")
	}
	press(m, "space", "space", "space") // a note
	focusField(t, m, "summary")
	press(m, "Half a thought about the renewal")
	flush := m.Flush()
	if flush == nil {
		t.Fatal("quitting with typed text keeps nothing")
	}
	if msg := flush(); msg != nil {
		t.Fatalf("keeping the draft: %#v", msg)
	}
	if m.Flush() != nil {
		t.Error("a second flush with nothing new saves again")
	}

	again := open()
	if again.draft.Kind != "note" || again.draft.Summary != "Half a thought about the renewal" {
		t.Errorf("the form reopened on %+v, want the note typed before", again.draft)
	}
	if third := open(); third.typed() {
		t.Errorf("the kept entry was offered twice: %+v", third.draft)
	}
}

// runCmd runs cmd and any batch it returns, and gives back the messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
