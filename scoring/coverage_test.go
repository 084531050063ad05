package scoring

import (
	"math"
	"testing"
	"time"
)

func TestCoverageFromIsTheLatestStartHeld(t *testing.T) {
	tests := []struct {
		name string
		c    Coverage
		want time.Time
	}{
		{"nothing held", Coverage{}, time.Time{}},
		{"tickets only", Coverage{Tickets: monthsBack(3)}, monthsBack(3)},
		{"invoices reach further back than tickets", Coverage{Tickets: monthsBack(6), Time: monthsBack(6), Invoices: monthsBack(12)}, monthsBack(6)},
		{"time is the latest", Coverage{Tickets: monthsBack(9), Time: monthsBack(2), Invoices: monthsBack(12)}, monthsBack(2)},
	}
	for _, tc := range tests {
		if got := tc.c.From(); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestReachNoteNamesTheSourcesThatBeginEarlier(t *testing.T) {
	tests := []struct {
		c    Coverage
		want string
	}{
		{Coverage{}, ""},
		{Coverage{Tickets: monthsBack(3), Time: monthsBack(3), Invoices: monthsBack(3)}, ""},
		{Coverage{Tickets: monthsBack(3), Invoices: monthsBack(12)},
			"Invoice records reach back to November 2025, but the rates start with the ticket records, as they weigh one against the other."},
		{Coverage{Tickets: monthsBack(9), Time: monthsBack(3), Invoices: monthsBack(12)},
			"Ticket records reach back to February 2026 and invoice records to November 2025, but the rates start with the time records, as they weigh one against the other."},
	}
	for _, tc := range tests {
		if got := tc.c.reachNote(); got != tc.want {
			t.Errorf("%+v:\n got %q\nwant %q", tc.c, got, tc.want)
		}
	}
}

// since2019 is the start of a client of years: May 2019, 90 months before
// November 2026.
var since2019 = time.Date(2019, time.May, 1, 0, 0, 0, 0, time.UTC)

// withRecords gives every client of a portfolio the same coverage, as the
// records of a portfolio are loaded.
func withRecords(clients []ClientFacts, c Coverage) []ClientFacts {
	for i := range clients {
		clients[i].Records = c
	}
	return clients
}

// History starts where the records do when they begin after the client:
// a client of years whose last months were imported is judged on those
// months, its rates not diluted by years counted as empty. Every expected
// value is worked out by hand from the healthy month: 10 hours, 8 tickets
// and 2,000.00 invoiced a month for 20 seats, so 0.5 hours and 0.4 tickets
// a seat and 200.00 an hour.
func TestHistoryStartsWithTheRecords(t *testing.T) {
	sixAndTwelve := func() ClientFacts {
		// Invoices for the last 12 months; tickets and time for the last 6.
		c := client("Subject", 20, 12, scaled(1))
		for i := range c.Months[:6] {
			c.Months[i].MinutesWorked, c.Months[i].Tickets, c.Months[i].AfterHoursTickets, c.Months[i].UrgentTickets = 0, 0, 0, 0
		}
		return c
	}
	tests := []struct {
		name    string
		subject ClientFacts
		records Coverage
		// history and window in months; recordsFrom is zero when the
		// history starts with the client.
		history, window int
		recordsFrom     time.Time
		// hoursPerSeat, ticketsPerSeat and rate are the window's lab values;
		// revenue what the profit counts as invoiced in the window.
		hoursPerSeat, ticketsPerSeat, rate float64
		revenue                            int64
		trend                              string // of hours per seat
		unrated, historyText, note         string
	}{
		{
			name:    "a client since 2019 with 3 months of records",
			subject: func() ClientFacts { c := client("Subject", 20, 3, scaled(1)); c.Since = since2019; return c }(),
			records: Coverage{Tickets: monthsBack(3), Time: monthsBack(3), Invoices: monthsBack(3)},
			history: 3, window: 3, recordsFrom: monthsBack(3),
			// Over a 12-month window counted from 2019 these would be
			// 0.125, 0.1 and 6,000.00 of revenue.
			hoursPerSeat: 0.5, ticketsPerSeat: 0.4, rate: 20000, revenue: 600000,
			historyText: "3 months of records",
			note:        "Records begin in August 2026, the client in May 2019: rates are over the 3 months of records, not diluted by the unrecorded months before.",
		},
		{
			name:    "a client whose records start with it",
			subject: client("Subject", 20, 24, scaled(1)),
			records: Coverage{Tickets: monthsBack(36), Time: monthsBack(36), Invoices: monthsBack(30)},
			history: 24, window: 12,
			hoursPerSeat: 0.5, ticketsPerSeat: 0.4, rate: 20000, revenue: 2400000, trend: TrendSteady,
			historyText: "24 months of history",
		},
		{
			name:    "tickets and time cover 6 months, invoices 12",
			subject: sixAndTwelve(),
			records: Coverage{Tickets: monthsBack(6), Time: monthsBack(6), Invoices: monthsBack(12)},
			history: 6, window: 6, recordsFrom: monthsBack(6),
			// The invoices of the six months without time are left out:
			// counted, the rate would be 400.00 an hour and the margin
			// twice what the work earned.
			hoursPerSeat: 0.5, ticketsPerSeat: 0.4, rate: 20000, revenue: 1200000, trend: TrendSteady,
			historyText: "6 months of records",
			note: "Records begin in May 2026, the client in November 2025: rates are over the 6 months of records, not diluted by the unrecorded months before. " +
				"Invoice records reach back to November 2025, but the rates start with the ticket and time records, as they weigh one against the other.",
		},
		{
			name:    "records longer than the window",
			subject: func() ClientFacts { c := client("Subject", 20, 20, scaled(1)); c.Since = since2019; return c }(),
			records: Coverage{Tickets: monthsBack(20), Invoices: monthsBack(20)},
			history: 20, window: 12, recordsFrom: monthsBack(20),
			hoursPerSeat: 0.5, ticketsPerSeat: 0.4, rate: 20000, revenue: 2400000, trend: TrendSteady,
			historyText: "20 months of records",
			note:        "Records begin in March 2025, the client in May 2019: history is counted from the records.",
		},
		{
			name:    "too few months of records",
			subject: func() ClientFacts { c := client("Subject", 20, 2, scaled(1)); c.Since = since2019; return c }(),
			records: Coverage{Tickets: monthsBack(2), Time: monthsBack(2), Invoices: monthsBack(2)},
			history: 2, window: 2, recordsFrom: monthsBack(2),
			hoursPerSeat: 0.5, ticketsPerSeat: 0.4, rate: 20000, revenue: 400000,
			unrated:     "too little history (2 months of records)",
			historyText: "2 months of records",
			note:        "Records begin in September 2026, the client in May 2019: rates are over the 2 months of records, not diluted by the unrecorded months before.",
		},
		{
			name:    "records that begin in the assessment month",
			subject: func() ClientFacts { c := client("Subject", 20, 0, scaled(1)); c.Since = since2019; return c }(),
			records: Coverage{Tickets: monthsBack(0)},
			history: 0, window: 0, recordsFrom: monthsBack(0),
			hoursPerSeat: math.NaN(), ticketsPerSeat: math.NaN(), rate: math.NaN(),
			unrated:     "too little history (no complete month of records)",
			historyText: "no complete month of records",
			note:        "Records begin in November 2026, the client in May 2019: no complete month of records yet, so no rates.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clients := withRecords(append(healthyPortfolio(10), tc.subject), tc.records)
			p := Assess(clients, DefaultConfig(), asOf)
			a := mustFind(t, &p, "Subject")
			if a.HistoryMonths != tc.history || a.Window.Months != tc.window || !a.RecordsFrom.Equal(tc.recordsFrom) {
				t.Errorf("history %d, window %d, records from %v; want %d, %d, %v",
					a.HistoryMonths, a.Window.Months, a.RecordsFrom, tc.history, tc.window, tc.recordsFrom)
			}
			if !a.Window.From.Equal(monthsBack(tc.window)) || !a.Window.To.Equal(monthsBack(0)) {
				t.Errorf("window %v–%v, want %v–%v", a.Window.From, a.Window.To, monthsBack(tc.window), monthsBack(0))
			}
			rows := map[Metric]LabRow{}
			for _, r := range a.Lab {
				rows[r.Metric] = r
			}
			for m, want := range map[Metric]float64{MetricHoursPerSeat: tc.hoursPerSeat, MetricTicketsPerSeat: tc.ticketsPerSeat,
				MetricEffectiveRate: tc.rate} {
				r := rows[m]
				if math.IsNaN(want) != !r.Known || (r.Known && math.Abs(r.Value-want) > 1e-9) {
					t.Errorf("%s = %v (known %v), want %v", m, r.Value, r.Known, want)
				}
			}
			if a.Profit.Revenue != tc.revenue || a.Profit.Months != tc.window {
				t.Errorf("profit over %d months on %d invoiced, want %d on %d", a.Profit.Months, a.Profit.Revenue, tc.window, tc.revenue)
			}
			if got := rows[MetricHoursPerSeat].Trend.Direction; got != tc.trend {
				t.Errorf("trend %q, want %q", got, tc.trend)
			}
			if a.Unrated != tc.unrated || a.Rated != (tc.unrated == "") {
				t.Errorf("rated %v, unrated %q; want %q", a.Rated, a.Unrated, tc.unrated)
			}
			if got := a.HistoryText(); got != tc.historyText {
				t.Errorf("history text %q, want %q", got, tc.historyText)
			}
			if got := a.RecordsNote(); got != tc.note {
				t.Errorf("records note %q, want %q", got, tc.note)
			}
		})
	}
}

// The notes that say why a client is not judged name the records when they
// are what cut its history short.
func TestTooLittleHistoryOfRecordsSaysSo(t *testing.T) {
	tests := []struct {
		months       int       // of the subject's roll-ups
		records      time.Time // where the portfolio's records begin
		note, reason string
	}{
		{2, monthsBack(2),
			"Too little history (2 months of records from September 2026) to judge this client on rates.",
			"Too little history (2 months of records from September 2026) to judge on rates; incidents, payments and security still count."},
		{0, monthsBack(0),
			"Too little history (no complete month of records: they begin in November 2026) to judge this client on rates.",
			"Too little history (no complete month of records: they begin in November 2026) to judge on rates; incidents, payments and security still count."},
	}
	for _, tc := range tests {
		c := client("Subject", 20, tc.months, scaled(1))
		c.Since = since2019
		p := Assess(withRecords(append(healthyPortfolio(10), c), Coverage{Tickets: tc.records}), DefaultConfig(), asOf)
		a := mustFind(t, &p, "Subject")
		if got := a.UnratedNote(); got != tc.note {
			t.Errorf("note %q, want %q", got, tc.note)
		}
		if a.Reasons[len(a.Reasons)-1] != tc.reason {
			t.Errorf("reasons %q, want the last %q", a.Reasons, tc.reason)
		}
	}
}

// The normal ranges span the months the records cover: with three months
// of records they are not said to be drawn over twelve.
func TestPortfolioWindowFollowsTheRecords(t *testing.T) {
	tests := []struct {
		name    string
		records []Coverage // one per client; the rest have none
		months  int
	}{
		{"no records held", nil, 12},
		{"three months of records", []Coverage{{Tickets: monthsBack(3)}, {Tickets: monthsBack(3)}}, 3},
		{"records older than the window", []Coverage{{Invoices: monthsBack(30)}, {Invoices: monthsBack(30)}}, 12},
		{"the longest client's records", []Coverage{{Tickets: monthsBack(2)}, {Tickets: monthsBack(5)}}, 5},
		{"a client with no records bound", []Coverage{{Tickets: monthsBack(3)}, {}}, 12},
	}
	for _, tc := range tests {
		clients := []ClientFacts{client("A", 20, 24, scaled(1)), client("B", 20, 24, scaled(1))}
		for i, c := range tc.records {
			clients[i].Records = c
		}
		p := Assess(clients, DefaultConfig(), asOf)
		if p.Window.Months != tc.months || !p.Window.From.Equal(monthsBack(tc.months)) {
			t.Errorf("%s: window %+v, want %d months", tc.name, p.Window, tc.months)
		}
	}
}
