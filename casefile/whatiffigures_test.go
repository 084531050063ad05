package casefile

import (
	"testing"

	"offboard/scoring"
)

func TestSignedFigures(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{SignedPercent(-0.061), "−6.1%"},
		{SignedPercent(0.021), "+2.1%"},
		// −0.04% rounds to nothing: no change, never "−0.0%".
		{SignedPercent(-0.0004), "+0.0%"},
		{Points(0.042), "+4.2 pts"},
		{Points(-0.0049), "−0.5 pts"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestLetGoSummaryReadsLikeTheIssue words the issue's example: the
// clients recommended Offboard cost 6.1% of MRR and 19% of after-hours
// tickets, add 4.2 points of margin and free 31 hours among 4 technicians.
func TestLetGoSummaryReadsLikeTheIssue(t *testing.T) {
	share := 0.19
	o := scoring.Outcome{MRRChange: -0.061, AfterHoursShare: &share, MarginChange: 0.042, HoursFreed: 31, HoursFreedPerTechnician: 31.0 / 4}
	got := LetGoSummary(o, &scoring.Config{Technicians: 4})
	// 31 / 4 = 7.75, shown to one decimal.
	want := "−6.1% MRR, −19.0% of after-hours tickets, +4.2 pts of portfolio margin, 31.0 technician hours a month freed (7.8 each of 4)"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := LetGoSummary(o, &scoring.Config{}); got != "−6.1% MRR, −19.0% of after-hours tickets, +4.2 pts of portfolio margin, 31.0 technician hours a month freed" {
		t.Errorf("without technicians: %q", got)
	}
}

func TestRepriceSummary(t *testing.T) {
	now := scoring.Load{MRR: 190400, Margin: -0.323}
	// Break-even 629,625: an increase of 439,225, 230.7% of 190,400.
	o := scoring.Outcome{Option: scoring.OptionReprice, Client: scoring.Load{MRR: 629625}, Increase: 439225,
		IncreasePercent: 439225.0 / 190400, Portfolio: scoring.PortfolioLoad{Load: scoring.Load{Margin: 0.781}}, MarginChange: 0.005}
	want := "6,296.25 a month instead of 1,904.00, +4,392.25 (+230.7%); portfolio margin 78.1% (+0.5 pts)"
	if got := RepriceSummary(o, now); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := RepriceSummary(scoring.Outcome{}, scoring.Load{MRR: 204800, Margin: 0.815}); got != "the fee of 2,048.00 already meets the target margin (81.5%)" {
		t.Errorf("at target: %q", got)
	}
}
