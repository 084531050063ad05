package casefile

import (
	"testing"
	"time"

	"offboard/letters"
	"offboard/scoring"
)

// Each goal's target and whether a figure since the meeting meets it, with
// the default settings: terms of 30 days (no invoice late), 0.5 tickets per
// seat per month (the well-run benchmark), our standard rate of 150.00, at
// most 10% of tickets after hours, MFA on every account, patching at 95%,
// at most 15% of hours out of scope, and no incident of any kind.
func TestGoalTargetsAndWhetherTheyAreMet(t *testing.T) {
	cfg := scoring.DefaultConfig()
	tests := []struct {
		flag, metric string
		since        float64
		known        bool
		text         string
		want         letters.GoalState
	}{
		{flagLatePayment, "Invoices late", 0, true, "0%", letters.GoalMet},
		{flagLatePayment, "Invoices late", 1.0 / 12, true, "0%", letters.GoalNotMet},
		{flagResourceDrain, "Tickets per seat per month", 0.5, true, "at most 0.50", letters.GoalMet},
		{flagResourceDrain, "Tickets per seat per month", 0.51, true, "at most 0.50", letters.GoalNotMet},
		{flagUnprofitable, "Effective hourly rate", 15000, true, "at least 150.00", letters.GoalMet},
		{flagUnprofitable, "Effective hourly rate", 14999, true, "at least 150.00", letters.GoalNotMet},
		{flagAfterHours, "After-hours tickets", 0.10, true, "at most 10%", letters.GoalMet},
		{flagAfterHours, "After-hours tickets", 4.0 / 33, true, "at most 10%", letters.GoalNotMet},
		{flagSecurity, "MFA coverage", 100, true, "100%", letters.GoalMet},
		{flagSecurity, "MFA coverage", 96, true, "100%", letters.GoalNotMet},
		{flagSecurity, "Patch compliance", 95, true, "at least 95%", letters.GoalMet},
		{flagSecurity, "Patch compliance", 94, true, "at least 95%", letters.GoalNotMet},
		{flagScopeCreep, "Out-of-scope hours", 0.10, true, "at most 15%", letters.GoalMet},
		{flagScopeCreep, "Out-of-scope hours", 0.20, true, "at most 15%", letters.GoalNotMet},
		{flagStaffAbuse, "Incidents of abuse", 0, true, "none", letters.GoalMet},
		{flagStaffAbuse, "Incidents of abuse", 1.0 / 3, true, "none", letters.GoalNotMet},
		{flagCriminal, "Criminal incidents", 0, true, "none", letters.GoalMet},
		{flagDataCompliance, "Data-compliance incidents", 0, true, "none", letters.GoalMet},
		{flagModernization, "Declined upgrades", 0.5, true, "none", letters.GoalNotMet},
		// No figure since the meeting: neither met nor missed.
		{flagLatePayment, "Invoices late", 0, false, "0%", letters.GoalNotMeasured},
	}
	for _, tt := range tests {
		g, ok := goalFor(tt.flag, tt.metric)
		if !ok {
			t.Fatalf("no goal on %s %q", tt.flag, tt.metric)
		}
		if _, ok := metricNamed(tt.flag, tt.metric); !ok {
			t.Fatalf("the goal on %s %q names no review metric", tt.flag, tt.metric)
		}
		if got := g.text(cfg); got != tt.text {
			t.Errorf("%s: target %q, want %q", tt.metric, got, tt.text)
		}
		if got := g.state(cfg, MetricChange{Since: tt.since, SinceKnown: tt.known}); got != tt.want {
			t.Errorf("%s at %g: %s, want %s", tt.metric, tt.since, got, tt.want)
		}
	}
	// Every red flag a plan can be about has a goal as a number.
	for _, f := range scoring.Catalogue() {
		if len(goalTargetsOf(string(f.ID))) == 0 {
			t.Errorf("flag %s has no measurable goal", f.ID)
		}
	}
}

func TestMonthSpan(t *testing.T) {
	day := func(y, m int) time.Time { return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		from, to time.Time
		want     string
	}{
		{day(2026, 3), day(2026, 8), "March to August 2026"},
		{day(2026, 11), day(2027, 1), "November 2026 to January 2027"},
		{day(2026, 10), day(2026, 10), "October 2026"},
		{day(2026, 10), day(2026, 9), "no months yet"},
	}
	for _, tt := range tests {
		if got := monthSpan(tt.from, tt.to); got != tt.want {
			t.Errorf("monthSpan(%s, %s) = %q, want %q", tt.from.Format("2006-01"), tt.to.Format("2006-01"), got, tt.want)
		}
	}
}
