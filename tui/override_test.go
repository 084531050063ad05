package tui

import (
	"context"
	"strings"
	"testing"

	"offboard/scoring"
	"offboard/store"
)

// An override asks for a new reason every time: over an earlier override
// the reason starts empty, and clearing it needs its own reason, kept in
// the record as a clearing.
func TestOverrideReasonIsNeverReused(t *testing.T) {
	ctx := context.Background()
	st, id := storeWithClient(t, fixtureNow, store.Client{Name: "Override Partners", Seats: 20})
	const first = "New office move explains the hours"
	if err := st.SetOverride(ctx, id, string(scoring.Keep), first); err != nil {
		t.Fatal(err)
	}
	c := fixtureCommon()
	c.Store = st
	snap := fixtureSnapshot()
	a := *snap.Find(16) // overridden to Keep with the reason above
	o := NewOverrideScreen(c, ClientTarget{ID: id, Name: "Override Partners", Assessment: &a, Snapshot: snap})
	o.SetSize(100, 20)
	if got := o.reason; got != "" {
		t.Errorf("the reason starts as %q, want empty", got)
	}
	if strings.Contains(o.View(), first) {
		t.Errorf("the earlier reason is offered again:\n%s", o.View())
	}

	press(o, "up") // the last choice: clear the override
	if o.choices[o.choice] != "" {
		t.Fatalf("up chose %q, want the clearing", o.choices[o.choice])
	}
	if cmd := press(o, "enter"); cmd != nil {
		t.Error("cleared without a reason")
	}
	const second = "The move is over and the hours stayed high"
	press(o, second)
	cmd := press(o, "enter")
	if cmd == nil {
		t.Fatal("enter did not save")
	}
	o.Update(cmd())

	got, err := st.Client(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Override != "" {
		t.Errorf("the override is still %q", got.Override)
	}
	decisions, err := st.Decisions(ctx, id)
	if err != nil || len(decisions) != 2 {
		t.Fatalf("decisions log %+v, %v", decisions, err)
	}
	if d := decisions[0]; d.Kind != "override" || d.From != "keep" || d.To != "" || d.Reason != second {
		t.Errorf("the clearing was logged as %+v", d)
	}
	var entries int
	if err := st.DB().QueryRow("SELECT count(*) FROM ledger WHERE ref_table = 'decisions'").Scan(&entries); err != nil || entries != 2 {
		t.Errorf("%d decisions in the record (%v), want the override and its clearing", entries, err)
	}
	view := activityPane(c.Theme, &a, clientDetail{loaded: true, decisions: decisions}, 120)
	if !strings.Contains(view, "cleared, back to the assessment (was keep): "+second) {
		t.Errorf("the activity pane does not show the clearing:\n%s", view)
	}
}
