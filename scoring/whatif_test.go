package scoring

import (
	"math"
	"testing"
)

// whatIfPortfolio is three clients with two years of the same month each:
// Alpha 2,000.00 a month for 10 hours, Bravo 1,000.00 for 30 hours of which
// 10 are out of scope, Charlie 3,000.00 for 20 hours.
func whatIfPortfolio(t *testing.T, technicians int) (*Portfolio, *Config) {
	t.Helper()
	month := func(minutes int64, tickets, afterHours, oosTickets int, oosMinutes int64) MonthFacts {
		m := healthyMonth()
		m.MinutesWorked, m.Tickets, m.AfterHoursTickets = minutes, tickets, afterHours
		m.OutOfScopeTickets, m.OutOfScopeMinutes = oosTickets, oosMinutes
		return m
	}
	clients := []ClientFacts{
		client("Alpha", 20, 24, month(600, 8, 1, 0, 0)),
		client("Bravo", 20, 24, month(1800, 12, 4, 3, 600)),
		client("Charlie", 20, 24, month(1200, 10, 2, 0, 0)),
	}
	clients[1].MRR, clients[2].MRR = 100000, 300000
	cfg := DefaultConfig()
	cfg.Technicians = technicians
	p := Assess(clients, cfg, asOf)
	return &p, &cfg
}

func indexOf(t *testing.T, p *Portfolio, name string) int {
	t.Helper()
	for i := range p.Assessments {
		if p.Assessments[i].Client.Name == name {
			return i
		}
	}
	t.Fatalf("no client %s", name)
	return -1
}

func TestWhatIfOptions(t *testing.T) {
	p, cfg := whatIfPortfolio(t, 2)
	w := WhatIf(p, indexOf(t, p, "Bravo"), cfg)
	// Today: 6,000.00 a month against 60 hours at 65.00 = 3,900.00.
	if w.Months != 12 || w.Before.MRR != 600000 || w.Before.LabourCost != 390000 || !near(w.Before.Margin, 0.35) {
		t.Fatalf("before = %+v over %d months", w.Before, w.Months)
	}
	afterHours := func(x float64) *float64 { return &x }
	cases := []struct {
		option                     WhatIfOption
		mrr, increase              int64
		increasePct                float64
		hours, margin              float64
		portfolioMRR, portfolioLab int64
		freed, tickets             float64
		afterHours, afterHoursShr  *float64
		topHoursShare              float64
	}{
		{OptionKeep, 100000, 0, 0, 30, (100000.0 - 195000) / 100000, 600000, 390000, 0, 0, afterHours(0), afterHours(0), 360.0 / 720},
		// Break-even: 195,000 / (1 − 0.6) = 487,500, an increase of 387,500.
		{OptionReprice, 487500, 387500, 3.875, 30, 0.6, 987500, 390000, 0, 0, afterHours(0), afterHours(0), 360.0 / 720},
		// The 10 out-of-scope hours and 3 tickets a month leave; after-hours unknown.
		{OptionNarrow, 100000, 0, 0, 20, (100000.0 - 130000) / 100000, 600000, 325000, 10, 3, nil, nil, 240.0 / 600},
		{OptionLetGo, 0, 0, 0, 0, 0, 500000, 195000, 30, 12, afterHours(4), afterHours(4.0 / 7), 240.0 / 360},
	}
	if len(w.Options) != len(cases) {
		t.Fatalf("%d options, want %d", len(w.Options), len(cases))
	}
	for i, tc := range cases {
		t.Run(string(tc.option), func(t *testing.T) {
			o := w.Options[i]
			if o.Option != tc.option {
				t.Fatalf("option %d is %s", i, o.Option)
			}
			if o.Client.MRR != tc.mrr || o.Client.AnnualRevenue != 12*tc.mrr || o.Increase != tc.increase || !near(o.IncreasePercent, tc.increasePct) {
				t.Errorf("fee %d (annual %d), increase %d (%.4f); want %d, %d (%.4f)", o.Client.MRR, o.Client.AnnualRevenue, o.Increase, o.IncreasePercent, tc.mrr, tc.increase, tc.increasePct)
			}
			if !near(o.Client.LabourHours, tc.hours) || !near(o.Client.Margin, tc.margin) {
				t.Errorf("client %.2f hours at %.4f margin; want %.2f at %.4f", o.Client.LabourHours, o.Client.Margin, tc.hours, tc.margin)
			}
			wantMargin := float64(tc.portfolioMRR-tc.portfolioLab) / float64(tc.portfolioMRR)
			if o.Portfolio.MRR != tc.portfolioMRR || o.Portfolio.LabourCost != tc.portfolioLab || !near(o.Portfolio.Margin, wantMargin) || !near(o.MarginChange, wantMargin-0.35) {
				t.Errorf("portfolio %d − %d at %.4f (%+.4f); want %d − %d at %.4f", o.Portfolio.MRR, o.Portfolio.LabourCost, o.Portfolio.Margin, o.MarginChange, tc.portfolioMRR, tc.portfolioLab, wantMargin)
			}
			if !near(o.MRRChange, float64(tc.portfolioMRR-600000)/600000) {
				t.Errorf("MRR change %.4f", o.MRRChange)
			}
			if !near(o.HoursFreed, tc.freed) || !near(o.HoursFreedPerTechnician, tc.freed/2) || !near(o.TicketsRemoved, tc.tickets) {
				t.Errorf("freed %.2f (%.2f each), tickets %.2f; want %.2f, %.2f", o.HoursFreed, o.HoursFreedPerTechnician, o.TicketsRemoved, tc.freed, tc.tickets)
			}
			if (o.AfterHoursRemoved == nil) != (tc.afterHours == nil) || (tc.afterHours != nil && (!near(*o.AfterHoursRemoved, *tc.afterHours) || !near(*o.AfterHoursShare, *tc.afterHoursShr))) {
				t.Errorf("after hours removed %v (%v); want %v (%v)", o.AfterHoursRemoved, o.AfterHoursShare, tc.afterHours, tc.afterHoursShr)
			}
			if (o.Excluded != nil) != (tc.option == OptionNarrow) {
				t.Errorf("excluded work %+v for %s", o.Excluded, tc.option)
			}
			if !near(o.Portfolio.Concentration.HoursShare, tc.topHoursShare) {
				t.Errorf("concentration after %.4f, want %.4f", o.Portfolio.Concentration.HoursShare, tc.topHoursShare)
			}
		})
	}
}

// TestRepriceReachesTarget checks the break-even fee leaves the target
// margin to within a minor unit of rounding, on hours that do not divide.
func TestRepriceReachesTarget(t *testing.T) {
	for _, minutes := range []int64{1, 77, 1234, 5999, 100003} {
		for _, target := range []float64{0.45, 0.6, 0.65} {
			m := healthyMonth()
			m.MinutesWorked = minutes
			cfg := DefaultConfig()
			cfg.TargetMargin = target
			p := Assess([]ClientFacts{client("Odd", 20, 24, m)}, cfg, asOf)
			p.Assessments[0].Client.MRR = 1
			o := WhatIf(&p, 0, &cfg).Options[1]
			cost := float64(minutes) / 60 * float64(cfg.LoadedCostPerHour)
			if fee := float64(o.Client.MRR); math.Abs(fee*(1-target)-cost) > 1 {
				t.Errorf("%d minutes at %.2f: fee %v leaves cost %v, not %v", minutes, target, fee, fee*(1-target), cost)
			}
		}
	}
}

func TestWhatIfTechniciansUnset(t *testing.T) {
	p, cfg := whatIfPortfolio(t, 0)
	if o := WhatIf(p, indexOf(t, p, "Bravo"), cfg).Options[3]; o.HoursFreed != 30 || o.HoursFreedPerTechnician != 0 {
		t.Errorf("freed %.2f, %.2f each; want 30 and 0 without technicians", o.HoursFreed, o.HoursFreedPerTechnician)
	}
}

// TestLetGoSeveral checks letting clients go together removes the sum of
// what letting each go removes.
func TestLetGoSeveral(t *testing.T) {
	p, cfg := whatIfPortfolio(t, 2)
	b, c := indexOf(t, p, "Bravo"), indexOf(t, p, "Charlie")
	both := LetGo(p, []int{b, c}, cfg)
	one, other := LetGo(p, []int{b}, cfg), LetGo(p, []int{c}, cfg)
	if both.Portfolio.MRR != 600000-100000-300000 || both.Portfolio.LabourCost != 65000 {
		t.Errorf("left %d − %d, want Alpha's 200000 − 65000", both.Portfolio.MRR, both.Portfolio.LabourCost)
	}
	sums := []struct {
		name             string
		both, one, other float64
	}{
		{"MRR change", both.MRRChange, one.MRRChange, other.MRRChange},
		{"hours freed", both.HoursFreed, one.HoursFreed, other.HoursFreed},
		{"per technician", both.HoursFreedPerTechnician, one.HoursFreedPerTechnician, other.HoursFreedPerTechnician},
		{"tickets", both.TicketsRemoved, one.TicketsRemoved, other.TicketsRemoved},
		{"after hours", *both.AfterHoursRemoved, *one.AfterHoursRemoved, *other.AfterHoursRemoved},
		{"after-hours share", *both.AfterHoursShare, *one.AfterHoursShare, *other.AfterHoursShare},
	}
	for _, s := range sums {
		if !near(s.both, s.one+s.other) {
			t.Errorf("%s: together %.4f, one by one %.4f + %.4f", s.name, s.both, s.one, s.other)
		}
	}
	if !near(both.HoursFreed, 50) || !near(*both.AfterHoursRemoved, 6) {
		t.Errorf("freed %.2f hours and %.2f after-hours tickets, want 50 and 6", both.HoursFreed, *both.AfterHoursRemoved)
	}
	if w := WhatIf(p, b, cfg).Options[3]; w.Portfolio.MRR != one.Portfolio.MRR || w.HoursFreed != one.HoursFreed {
		t.Errorf("letting Bravo go alone differs from the client what-if: %+v vs %+v", one, w)
	}
}

// TestNarrowRemovesExcludedWorkOnce checks narrowing takes away the
// out-of-scope and the user-support work, a ticket that is both once. Bravo
// works 1,800 minutes on 12 tickets every month of a 12-month window.
func TestNarrowRemovesExcludedWorkOnce(t *testing.T) {
	cases := []struct {
		name                         string
		oosTickets, usTickets, both  int
		oosMinutes, usMinutes, bothM int64
		freed, tickets               float64
	}{
		{"out of scope only", 3, 0, 0, 600, 0, 0, 600.0 / 60, 3},
		{"user support only", 0, 4, 0, 0, 480, 0, 480.0 / 60, 4},
		{"apart", 3, 4, 0, 600, 480, 0, (600.0 + 480) / 60, 3 + 4},
		// One ticket of 180 minutes is both: counted once.
		{"overlapping", 3, 4, 1, 600, 480, 180, (600.0 + 480 - 180) / 60, 3 + 4 - 1},
		{"every ticket both", 12, 12, 12, 1800, 1800, 1800, 1800.0 / 60, 12},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, cfg := whatIfPortfolio(t, 0)
			b := indexOf(t, p, "Bravo")
			for j := range p.Assessments[b].Client.Months {
				m := &p.Assessments[b].Client.Months[j]
				m.OutOfScopeTickets, m.OutOfScopeMinutes = tc.oosTickets, tc.oosMinutes
				m.UserSupportTickets, m.UserSupportMinutes = tc.usTickets, tc.usMinutes
				m.OutOfScopeUserSupportTickets, m.OutOfScopeUserSupportMinutes = tc.both, tc.bothM
			}
			o := WhatIf(p, b, cfg).Options[2]
			if o.Option != OptionNarrow {
				t.Fatalf("option 2 is %s", o.Option)
			}
			if !near(o.HoursFreed, tc.freed) || !near(o.TicketsRemoved, tc.tickets) {
				t.Errorf("freed %.4f hours and %.4f tickets; want %.4f and %.4f", o.HoursFreed, o.TicketsRemoved, tc.freed, tc.tickets)
			}
			// Before: 60 hours a month over the three clients.
			if !near(o.Client.LabourHours, 30-tc.freed) || !near(o.Portfolio.LabourHours, 60-tc.freed) || !near(o.Client.Tickets, 12-tc.tickets) {
				t.Errorf("client %.4f hours, %.4f tickets, portfolio %.4f hours; want %.4f, %.4f, %.4f",
					o.Client.LabourHours, o.Client.Tickets, o.Portfolio.LabourHours, 30-tc.freed, 12-tc.tickets, 60-tc.freed)
			}
			want := Excluded{
				OutOfScopeHours: float64(tc.oosMinutes) / 60, OutOfScopeTickets: float64(tc.oosTickets),
				UserSupportHours: float64(tc.usMinutes) / 60, UserSupportTickets: float64(tc.usTickets),
				BothHours: float64(tc.bothM) / 60, BothTickets: float64(tc.both),
			}
			if got := o.Excluded; got == nil || !near(got.OutOfScopeHours, want.OutOfScopeHours) || !near(got.OutOfScopeTickets, want.OutOfScopeTickets) ||
				!near(got.UserSupportHours, want.UserSupportHours) || !near(got.UserSupportTickets, want.UserSupportTickets) ||
				!near(got.BothHours, want.BothHours) || !near(got.BothTickets, want.BothTickets) {
				t.Errorf("excluded %+v, want %+v", got, want)
			}
		})
	}
}
