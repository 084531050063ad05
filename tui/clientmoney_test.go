package tui

import (
	"regexp"
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
		// Three months, stretched to three cells each: nine blocks.
		bars := regexp.MustCompile(`(?m)^  ` + label + ` +([▁-█]*)`).FindStringSubmatch(trend)
		if bars == nil || len([]rune(bars[1])) != 9 {
			t.Errorf("%s: bars %q, want nine cells:\n%s", label, bars, trend)
		}
	}
	// 2,000.00 a month, 10 hours at the default loaded cost of 65.00: a
	// margin of (2,000 − 650) / 2,000 = 67.5%, shown as 68%.
	if !strings.Contains(out, "min 68% · max 68% · last 68%") {
		t.Errorf("the margin's figures:\n%s", out)
	}
}
