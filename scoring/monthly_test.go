package scoring

import (
	"math"
	"testing"
)

// A client on the books since 2019 whose records start in August 2026 has a
// trend of three months, August to October, not seven years of nothing.
func TestMonthlyStartsWhereDataStarts(t *testing.T) {
	f := ClientFacts{Since: monthsBack(90), Status: StatusActive, Months: []MonthFacts{
		{Month: monthsBack(5)}, // a roll-up row with nothing in it
		{Month: monthsBack(3), MinutesWorked: 120, Tickets: 2, Invoiced: 50000},
		{Month: monthsBack(1), MinutesWorked: 600, Tickets: 5, Invoiced: 100000},
	}}
	got := Monthly(&f, asOf, 6500)
	if len(got) != 3 || !got[0].Month.Equal(monthsBack(3)) || !got[2].Month.Equal(monthsBack(1)) {
		t.Fatalf("months %v", got)
	}
	// September is quiet: a zero, kept in its place.
	if got[1].Hours != 0 || got[1].Invoiced != 0 || !math.IsNaN(got[1].Margin()) {
		t.Errorf("quiet month %+v", got[1])
	}
	// October: 10 hours at 65.00 = 650.00 of 1,000.00 invoiced, margin 35%.
	if got[2].Hours != 10 || got[2].LabourCost != 65000 || math.Abs(got[2].Margin()-0.35) > 1e-9 {
		t.Errorf("October %+v margin %g", got[2], got[2].Margin())
	}
	if Monthly(&ClientFacts{Since: monthsBack(12)}, asOf, 6500) != nil {
		t.Error("a client with no data has a trend")
	}
}

// The portfolio's trend sums the clients we serve, from the first month any
// of them has data.
func TestPortfolioMonthly(t *testing.T) {
	a := client("Old Hand", 20, 24, healthyMonth())
	b := client("Newcomer", 20, 2, healthyMonth())
	gone := client("Gone Co", 20, 30, healthyMonth())
	gone.Status = StatusOffboarded
	p := Assess([]ClientFacts{a, b, gone}, DefaultConfig(), asOf)
	got := p.Monthly()
	if len(got) != 24 {
		t.Fatalf("%d months, want the 24 of the oldest client served", len(got))
	}
	// The last month: 10 hours and 2,000.00 from each of the two served.
	last := got[len(got)-1]
	if last.Hours != 20 || last.Invoiced != 400000 || last.Tickets != 16 {
		t.Errorf("last month %+v", last)
	}
	if first := got[0]; first.Hours != 10 {
		t.Errorf("first month %+v, want the old hand's alone", first)
	}
}
