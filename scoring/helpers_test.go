package scoring

import (
	"strings"
	"testing"
	"time"
)

// asOf is the assessment date of the tests: the last complete month is
// October 2026.
var asOf = time.Date(2026, time.November, 15, 9, 0, 0, 0, time.UTC)

// monthsBack is the first day of the month k months before November 2026.
func monthsBack(k int) time.Time {
	return time.Date(2026, time.November-time.Month(k), 1, 0, 0, 0, 0, time.UTC)
}

// healthyMonth is a month of a well-behaved 20-seat client: 10 hours (0.5
// an hour per seat), 8 tickets (0.4 per seat), one invoice of 2,000.00
// paid on time.
func healthyMonth() MonthFacts {
	return MonthFacts{
		MinutesWorked: 600, BillableMinutes: 120, Tickets: 8, AfterHoursTickets: 1, UrgentTickets: 1,
		Invoiced: 200000, InvoicesIssued: 1, PaidOnTime: 1,
	}
}

// client builds a client with the same month repeated over the last n
// complete months.
func client(name string, seats, n int, m MonthFacts) ClientFacts {
	c := ClientFacts{
		ID: int64(len(name)), Name: name, Status: StatusActive, Seats: seats,
		MRR: 200000, Currency: "USD", Since: monthsBack(n),
		Security: &SecuritySnapshot{At: monthsBack(1), MFACoverage: 100, PatchCompliance: 98, EOLDevices: 0, Devices: 20, Backup: BackupOK},
	}
	for k := n; k >= 1; k-- {
		mm := m
		mm.Month = monthsBack(k)
		c.Months = append(c.Months, mm)
	}
	return c
}

// scaled returns a healthy month with work scaled by f, so a portfolio has
// some spread.
func scaled(f float64) MonthFacts {
	m := healthyMonth()
	m.MinutesWorked = int64(float64(m.MinutesWorked) * f)
	m.Tickets = int(float64(m.Tickets)*f + 0.5)
	return m
}

// healthyPortfolio is n healthy clients whose work ranges from 0.8 to 1.2
// times the healthy month.
func healthyPortfolio(n int) []ClientFacts {
	out := make([]ClientFacts, n)
	for i := range out {
		out[i] = client("Healthy "+string(rune('A'+i)), 20, 24, scaled(0.8+0.4*float64(i)/float64(n-1)))
	}
	return out
}

func findFlag(a *Assessment, id FlagID) *Flag {
	for i := range a.Flags {
		if a.Flags[i].ID == id {
			return &a.Flags[i]
		}
	}
	return nil
}

func mustFind(t *testing.T, p *Portfolio, name string) *Assessment {
	t.Helper()
	a, err := p.Find(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func flagIDs(a *Assessment) string {
	ids := make([]string, len(a.Flags))
	for i, f := range a.Flags {
		ids[i] = string(f.ID)
	}
	return strings.Join(ids, ",")
}
