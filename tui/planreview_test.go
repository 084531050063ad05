package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/calendar"
	"offboard/casefile"
	"offboard/internal/farzone"
	"offboard/scoring"
	"offboard/store"
)

// The review's new date is read in the client's zone and moved onto a
// working day as the cursor leaves it, the field saying from where; the
// machine is in Pacific/Kiritimati, a day ahead of the Chicago client.
// The clock reads 06:00 on Monday 23 November 2026 in Chicago.
func TestReviewDateIsTheClientsAndFallsOnAWorkingDay(t *testing.T) {
	farzone.Set(t)
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	c := &Common{Desk: &casefile.Desk{Now: func() time.Time { return now }}, Theme: DefaultTheme(), Keys: DefaultKeyMap()}
	plan := casefile.Plan{Status: scoring.PlanAgreed, Plan: store.Plan{ID: 7, Status: string(scoring.PlanAgreed),
		Meeting: time.Date(2026, 7, 16, 2, 0, 0, 0, time.UTC), ReviewOn: time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC)}}
	setting := casefile.ReviewSetting{Zone: chicago, Calendar: calendar.Calendar{Region: "US"},
		Suggested: casefile.ReviewDay{Typed: time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC), Day: time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC),
			Moved: "moved from Friday, 25 December 2026 (Christmas Day), not a working day"}}

	tests := []struct {
		name, typed string
		// while is what the field says while the typed text is in it;
		// then its value and what it says once the cursor left, and the
		// day sent to be recorded: as typed, for the record to say why
		// it moved.
		while, value, then, recorded string
	}{
		{"the suggestion keeps saying it moved", "", "Monday 28 December 2026 · moved from Friday, 25 December 2026 (Christmas Day), not a working day",
			"2026-12-28", "Monday 28 December 2026 · moved from Friday, 25 December 2026 (Christmas Day), not a working day", "2026-12-25"},
		{"a Saturday", "2027-01-16", "Saturday, 16 January 2027 is not a working day: it moves to Tuesday, 19 January 2027",
			"2027-01-19", "Tuesday 19 January 2027 · moved from Saturday, 16 January 2027, not a working day", "2027-01-16"},
		{"a working day stays", "2027-01-12", "Tuesday 12 January 2027", "2027-01-12", "Tuesday 12 January 2027", "2027-01-12"},
		{"tomorrow is Chicago's", "tomorrow", "Tuesday 24 November 2026", "2026-11-24", "Tuesday 24 November 2026", "2026-11-24"},
		{"+30d from Chicago's today", "+30d", "Wednesday 23 December 2026", "2026-12-23", "Wednesday 23 December 2026", "2026-12-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newPlanReview(c, store.Client{Name: "Acme"}, plan, casefile.PlanComparison{}, setting)
			m.SetSize(80, 24)
			var s Screen = m
			s, _ = s.Update(namedKey("tab")) // to the date, selected: typing replaces it
			date := m.fields.focused()
			if date.label != "New review date" {
				t.Fatalf("tab went to %q", date.label)
			}
			for _, r := range tt.typed {
				s, _ = s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			if note, err := date.verdict(); err != nil || note != tt.while {
				t.Errorf("while typed the field says %q (%v), want %q", note, err, tt.while)
			}
			s.Update(namedKey("tab"))
			if m.date != tt.value {
				t.Errorf("the date kept is %q, want %q", m.date, tt.value)
			}
			if note, err := date.verdict(); err != nil || note != tt.then {
				t.Errorf("after leaving the field it says %q (%v), want %q", note, err, tt.then)
			}
			if got := m.typedDate(); got != tt.recorded {
				t.Errorf("recorded as typed %q, want %q", got, tt.recorded)
			}
		})
	}

	// The meeting is shown on the client's day: 02:00 UTC on 16 July is
	// still 15 July in Chicago.
	m := newPlanReview(c, store.Client{Name: "Acme"}, plan, casefile.PlanComparison{}, setting)
	m.SetSize(80, 24)
	if v := m.View(); !strings.Contains(v, "agreed on 2026-07-15 with Acme") {
		t.Errorf("the meeting is not on the client's day:\n%s", v)
	}
	// Once recorded, the status line names the date and why it moved.
	_, cmd := m.Update(planReviewedMsg{outcome: reviewExtend, review: casefile.ReviewDay{
		Typed: time.Date(2027, 1, 16, 0, 0, 0, 0, time.UTC), Day: time.Date(2027, 1, 19, 0, 0, 0, 0, time.UTC),
		Moved: "moved from Saturday, 16 January 2027, not a working day"}})
	want := "Review extended to Tuesday, 19 January 2027, moved from Saturday, 16 January 2027, not a working day."
	if got := statusOf(cmd); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

// statusOf runs cmd, and the commands it sequences, and returns the status
// line it sets.
func statusOf(cmd tea.Cmd) string {
	if cmd == nil {
		return ""
	}
	msg := cmd()
	if st, ok := msg.(StatusMsg); ok {
		return st.Text
	}
	if cmds, ok := asCmds(msg); ok {
		for _, c := range cmds {
			if s := statusOf(c); s != "" {
				return s
			}
		}
	}
	return ""
}
