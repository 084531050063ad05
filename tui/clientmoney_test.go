package tui

import (
	"strings"
	"testing"

	"offboard/scoring"
)

// A client on the books for years whose records start three months ago
// draws three months of trend, not years of empty bars; its revenue and
// margin are drawn beside its hours and tickets.
func TestMoneyPaneStartsWhereDataStarts(t *testing.T) {
	f := fixtureClient(1, "Late Starter", 200000, 1)
	f.Since = fixtureMonth(60)
	f.Months = f.Months[len(f.Months)-3:] // August, September, October 2026
	p := scoring.Assess([]scoring.ClientFacts{f}, scoring.DefaultConfig(), fixtureNow)
	snap := NewSnapshot(p, nil)
	a := snap.Find(1)
	out := moneyPane(DefaultTheme(), ClientTarget{ID: 1, Name: a.Client.Name, Assessment: a, Snapshot: snap}, 78)
	if !strings.Contains(out, "Aug 2026 to Oct 2026") {
		t.Errorf("the trend does not start at the first month with data:\n%s", out)
	}
	_, trend, _ := strings.Cut(out, "Monthly trend")
	for _, label := range []string{"Revenue", "Margin", "Hours", "Tickets"} {
		line := lineWith(trend, "  "+label+" ")
		// Three months, stretched to three cells each: nine blocks.
		if n := strings.Count(line, "█") + strings.Count(line, "▁"); n != 9 {
			t.Errorf("%s: %d cells of bars, want 9: %q", label, n, line)
		}
	}
	// 2,000.00 a month, 10 hours at the default loaded cost of 65.00: a
	// margin of (2,000 − 650) / 2,000 = 67.5%, shown as 68%.
	if !strings.Contains(out, "min 68% · max 68% · last 68%") {
		t.Errorf("the margin's figures:\n%s", out)
	}
}

// lineWith returns the first line of s containing sub.
func lineWith(s, sub string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, sub) {
			return line
		}
	}
	return ""
}
