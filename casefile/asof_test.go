package casefile

import (
	"context"
	"testing"
	"time"

	"offboard/importer"
	"offboard/scoring"
)

// TestAsOfJudgesTheArchiveAsItStood imports an archive of 2024 and judges
// it as of three days: what happened after each is left out. Every
// expected value is worked out by hand from the files below.
func TestAsOfJudgesTheArchiveAsItStood(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	// C-001's January invoice is paid 14 days late, on 14 February, in two
	// payments; its February invoice is never paid. Its tickets fall in
	// January and in June; a security incident comes in May.
	importString(t, s, importer.KindInvoices, "number,client_id,issued,due,paid_date,amount,balance,currency\n"+
		"A-1,C-001,2024-01-01,2024-01-31,2024-02-14,1000.00,0.00,USD\n"+
		"A-2,C-001,2024-02-01,2024-02-29,,500.00,500.00,USD\n", ImportOptions{})
	importString(t, s, importer.KindPayments, "external_id,client_id,invoice,date,amount,currency\n"+
		"P-1,C-001,A-1,2024-02-05,400.00,USD\nP-2,C-001,A-1,2024-02-14,600.00,USD\n", ImportOptions{})
	importString(t, s, importer.KindTickets, "external_id,client_id,opened,summary\n"+
		"T-1,C-001,2024-01-10T10:00:00Z,January\nT-2,C-001,2024-06-10T10:00:00Z,June\n", ImportOptions{})
	importString(t, s, importer.KindIncidents, "external_id,client_id,occurred,category,severity,description\n"+
		"I-1,C-001,2024-05-02,security,3,Shared an admin password by email\n", ImportOptions{})

	tests := []struct {
		asOf string
		// overdue in cents and invoices; paid late and paid on time in
		// the months before the as-of month; tickets in those months;
		// incidents known.
		overdue           int64
		overdueInvoices   int
		paidLate, onTime  int
		tickets, incident int
	}{
		// 10 February: A-1 is overdue less the 400.00 paid on the 5th,
		// and not yet paid, so not counted as paid late.
		{"2024-02-10", 60000, 1, 0, 0, 1, 0},
		// 31 March: A-1 was paid 14 days late; A-2 is overdue.
		{"2024-03-31", 50000, 1, 1, 0, 1, 0},
		// The end of the year: June's ticket and May's incident count.
		{"2024-12-31", 50000, 1, 1, 0, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.asOf, func(t *testing.T) {
			day, _ := time.Parse(time.DateOnly, tc.asOf)
			d := &Desk{Store: s.Store, Now: s.Now, AsOf: day}
			setup, err := d.Setup(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if want := day.AddDate(0, 0, 1); !setup.AsOf.Equal(want) {
				t.Fatalf("assessed as of %v, want the start of the next day %v", setup.AsOf, want)
			}
			facts, err := d.Store.PortfolioFacts(context.Background(), setup.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			var f scoring.ClientFacts
			for _, c := range scoringFacts(facts) {
				if c.Name == "Acme Dental, Inc." {
					f = c
				}
			}
			var late, onTime, tickets int
			for _, m := range f.Months {
				// The months scoring reads: those before the assessment's.
				if m.Month.Before(time.Date(setup.AsOf.Year(), setup.AsOf.Month(), 1, 0, 0, 0, 0, time.UTC)) {
					late += m.PaidLate8to15 + m.PaidLate1to7 + m.PaidLate16to30 + m.PaidLateOver30
					onTime += m.PaidOnTime
					tickets += m.Tickets
				}
			}
			if f.Overdue != tc.overdue || f.OverdueInvoices != tc.overdueInvoices || late != tc.paidLate || onTime != tc.onTime ||
				tickets != tc.tickets || len(f.Incidents) != tc.incident {
				t.Errorf("overdue %d on %d, paid late %d, on time %d, tickets %d, incidents %d; want %d on %d, %d, %d, %d, %d",
					f.Overdue, f.OverdueInvoices, late, onTime, tickets, len(f.Incidents),
					tc.overdue, tc.overdueInvoices, tc.paidLate, tc.onTime, tc.tickets, tc.incident)
			}
		})
	}
	// Judged as of now, nothing is left out: the same as the end of 2024.
	p, err := s.Assess(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Find("Acme Dental")
	if err != nil {
		t.Fatal(err)
	}
	if a.Client.Overdue != 50000 || len(a.Client.Incidents) != 1 {
		t.Errorf("as of now: overdue %d, %d incidents; want 50000 and 1", a.Client.Overdue, len(a.Client.Incidents))
	}
}
