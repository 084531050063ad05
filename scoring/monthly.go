package scoring

import (
	"math"
	"time"
)

// MonthPoint is one calendar month of a client's (or the portfolio's) work
// and money, for the monthly trend.
type MonthPoint struct {
	Month      time.Time // first day of the month, UTC
	Hours      float64
	Tickets    int
	Invoiced   int64 // minor units
	LabourCost int64 // the hours at the loaded labour cost, minor units
}

// Margin is the month's margin after the loaded labour cost, NaN when
// nothing was invoiced that month.
func (m MonthPoint) Margin() float64 {
	if m.Invoiced == 0 {
		return math.NaN()
	}
	return float64(m.Invoiced-m.LabourCost) / float64(m.Invoiced)
}

// Monthly spreads a client's monthly roll-ups over every calendar month from
// the first that holds any work or invoice to the last complete one before
// asOf, so a quiet month shows as zero rather than disappearing, and the
// months before any data exists (a client on the books since 2019 whose
// records start in 2025) show as nothing at all.
func Monthly(f *ClientFacts, asOf time.Time, costPerHour int64) []MonthPoint {
	return monthly([]*ClientFacts{f}, asOf, costPerHour)
}

// Monthly sums the monthly trend of every client we serve, from the first
// month any of them has data.
func (p *Portfolio) Monthly() []MonthPoint {
	clients := make([]*ClientFacts, 0, len(p.Assessments))
	for i := range p.Assessments {
		if f := p.Assessments[i].Client; f.Status.Serviced() {
			clients = append(clients, f)
		}
	}
	return monthly(clients, p.AsOf, p.LoadedCostPerHour)
}

func monthly(clients []*ClientFacts, asOf time.Time, costPerHour int64) []MonthPoint {
	end, first := monthIndex(asOf), math.MaxInt
	for _, f := range clients {
		for _, m := range f.Months {
			if m.MinutesWorked != 0 || m.Tickets != 0 || m.Invoiced != 0 {
				first = min(first, monthIndex(m.Month))
			}
		}
	}
	if first >= end {
		return nil
	}
	out := make([]MonthPoint, end-first)
	minutes := make([]int64, end-first)
	for i := range out {
		out[i].Month = monthStart(first + i)
	}
	for _, f := range clients {
		for _, m := range f.Months {
			i := monthIndex(m.Month) - first
			if i < 0 || i >= len(out) {
				continue
			}
			minutes[i] += m.MinutesWorked
			out[i].Tickets += m.Tickets
			out[i].Invoiced += m.Invoiced
		}
	}
	for i := range out {
		out[i].Hours = float64(minutes[i]) / 60
		out[i].LabourCost = int64(math.Round(out[i].Hours * float64(costPerHour)))
	}
	return out
}
