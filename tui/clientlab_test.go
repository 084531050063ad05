package tui

import (
	"strings"
	"testing"

	"offboard/scoring"
)

func TestTrendArrowFollowsTheValue(t *testing.T) {
	cases := []struct {
		trend scoring.Trend
		want  string
	}{
		{scoring.Trend{Direction: scoring.TrendWorsening, Previous: 10, Recent: 30}, "▲ worsening"},   // days late rising
		{scoring.Trend{Direction: scoring.TrendWorsening, Previous: 0.7, Recent: 0.4}, "▼ worsening"}, // margin falling
		{scoring.Trend{Direction: scoring.TrendImproving, Previous: 60, Recent: 95}, "▲ improving"},   // MFA rising
		{scoring.Trend{Direction: scoring.TrendImproving, Previous: 0.4, Recent: 0.1}, "▼ improving"}, // after-hours falling
		{scoring.Trend{Direction: scoring.TrendSteady, Previous: 1, Recent: 1}, "= steady"},
		{scoring.Trend{}, ""},
	}
	for _, c := range cases {
		if got := trendText(c.trend); got != c.want {
			t.Errorf("trendText(%+v) = %q, want %q", c.trend, got, c.want)
		}
	}
}

// An archive's client with years of history but no seat count is shown
// with that reason: never "too little history" beside its 86 months.
func TestLabSaysWhyRatesAreNotJudged(t *testing.T) {
	archived := fixtureClient(30, "Archive Holdings", 200000, 1)
	archived.Seats = 0
	archived.Since = fixtureMonth(86)
	newcomer := fixtureClient(31, "Newcomer Ltd", 200000, 1)
	newcomer.Since, newcomer.Months = fixtureMonth(2), newcomer.Months[22:]
	p := scoring.Assess(append(fixturePortfolio(), archived, newcomer), scoring.DefaultConfig(), fixtureNow)
	snap := NewSnapshot(p, nil)
	tests := []struct {
		id          int64
		want, never string
	}{
		{30, "No seat count: hours and tickets per seat are not judged.", "Too little history"},
		{31, "Too little history (2 months) to judge this client on rates.", "No seat count"},
		{1, "", "not judged."},
	}
	for _, tc := range tests {
		a := snap.Find(tc.id)
		out := labPane(DefaultTheme(), ClientTarget{ID: tc.id, Assessment: a, Snapshot: snap, Name: a.Client.Name}, 140)
		flat := strings.Join(strings.Fields(out), " ")
		if !strings.Contains(flat, tc.want) || strings.Contains(flat, tc.never) {
			t.Errorf("%s: lab panel should say %q and never %q:\n%s", a.Client.Name, tc.want, tc.never, out)
		}
	}
}

// A client of years whose records begin three months ago is shown with
// those three months, in its summary and under its lab panel, never with
// its 86 months as a client.
func TestClientScreenSaysWhereRecordsBegin(t *testing.T) {
	old := fixtureClient(30, "Longtime Partners", 200000, 1)
	old.Since, old.Months = fixtureMonth(86), old.Months[21:]
	clients := append(fixturePortfolio(), old)
	for i := range clients {
		clients[i].Records = scoring.Coverage{Tickets: fixtureMonth(3), Time: fixtureMonth(3), Invoices: fixtureMonth(3)}
	}
	snap := NewSnapshot(scoring.Assess(clients, scoring.DefaultConfig(), fixtureNow), nil)
	m := NewClientScreen(fixtureCommon(), snap, 30)
	m.SetSize(80, 24)
	if view := m.View(); !strings.Contains(view, "3 months of records") || strings.Contains(view, "86 months") {
		t.Errorf("summary should give the 3 months of records:\n%s", view)
	}
	a := snap.Find(30)
	out := labPane(DefaultTheme(), ClientTarget{ID: 30, Assessment: a, Snapshot: snap, Name: a.Client.Name}, 80)
	want := "Records begin in August 2026, the client in September 2019: rates are over the 3 months of records, not diluted by the unrecorded months before."
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, want) || strings.Contains(flat, "Too little history") {
		t.Errorf("lab panel should say %q:\n%s", want, out)
	}
}
