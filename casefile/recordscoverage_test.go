package casefile

import (
	"context"
	"math"
	"testing"
	"time"

	"offboard/importer"
	"offboard/scoring"
)

// TestImportedMonthsAreTheHistory imports three months of tickets and time
// (August to October 2026) and six months of invoices (May to October) for
// Acme Dental, a client since May 2019, and assesses it in November: it is
// judged on the three months every source covers, not on a year of which
// nine months were never imported. Every expected value is worked out by
// hand from the files below.
func TestImportedMonthsAreTheHistory(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	importString(t, s, importer.KindTickets, "external_id,client_id,opened,summary\n"+
		"T-1,C-001,2026-08-04T10:00:00Z,Printer\nT-2,C-001,2026-08-19T10:00:00Z,Mail\n"+
		"T-3,C-001,2026-09-02T10:00:00Z,VPN\nT-4,C-001,2026-09-15T10:00:00Z,Mail\n"+
		"T-5,C-001,2026-09-28T10:00:00Z,Laptop\nT-6,C-001,2026-10-07T10:00:00Z,Backup\n", ImportOptions{})
	importString(t, s, importer.KindTime, "external_id,client_id,ticket,date,minutes\n"+
		"E-1,C-001,T-1,2026-08-04,120\nE-2,C-001,T-4,2026-09-15,60\nE-3,C-001,T-6,2026-10-07,90\n", ImportOptions{})
	invoices := "number,client_id,issued,due,paid_date,amount,balance,currency\n"
	for _, month := range []string{"05", "06", "07", "08", "09", "10"} {
		invoices += "A-" + month + ",C-001,2026-" + month + "-01,2026-" + month + "-28,2026-" + month + "-20,2160.00,0.00,USD\n"
	}
	importString(t, s, importer.KindInvoices, invoices, ImportOptions{})

	ctx := context.Background()
	setup, err := s.Setup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Store.PortfolioFacts(ctx, setup.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	aug, may := time.Date(2026, time.August, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, time.May, 1, 0, 0, 0, 0, time.UTC)
	want := scoring.Coverage{Tickets: aug, Time: aug, Invoices: may}
	for _, f := range scoringFacts(rows) {
		if f.Records != want {
			t.Errorf("%s: records %+v, want %+v", f.Name, f.Records, want)
		}
	}

	p, err := s.Assess(ctx)
	if err != nil {
		t.Fatal(err)
	}
	acme := mustAssessment(t, p, "Acme Dental")
	if acme.HistoryMonths != 3 || acme.Window.Months != 3 || !acme.Window.From.Equal(aug) || !acme.RecordsFrom.Equal(aug) {
		t.Errorf("Acme: history %d, window %+v, records from %v; want 3 months from August 2026",
			acme.HistoryMonths, acme.Window, acme.RecordsFrom)
	}
	// 6 tickets and 4.5 hours over 3 months of 18 seats; three invoices of
	// 2,160.00 in those months. Over twelve months counted from 2019 the
	// tickets would be 0.03 a seat.
	lab := map[scoring.Metric]float64{}
	for _, r := range acme.Lab {
		lab[r.Metric] = r.Value
	}
	for m, want := range map[scoring.Metric]float64{
		scoring.MetricTicketsPerSeat: 6.0 / 54, scoring.MetricHoursPerSeat: 4.5 / 54, scoring.MetricEffectiveRate: 648000 / 4.5,
	} {
		if math.Abs(lab[m]-want) > 1e-9 {
			t.Errorf("Acme %s = %v, want %v", m, lab[m], want)
		}
	}
	if acme.Profit.Revenue != 648000 || acme.Profit.Months != 3 {
		t.Errorf("Acme profit %d over %d months, want 648000 over 3", acme.Profit.Revenue, acme.Profit.Months)
	}
	if got, want := acme.HistoryText(), "3 months of records"; got != want {
		t.Errorf("Acme history %q, want %q", got, want)
	}
	if got, want := acme.RecordsNote(), "Records begin in August 2026, the client in May 2019: rates are over the 3 months of records, "+
		"not diluted by the unrecorded months before. Invoice records reach back to May 2026, but the rates start with the "+
		"ticket and time records, as they weigh one against the other."; got != want {
		t.Errorf("Acme note\n got %q\nwant %q", got, want)
	}
	// Baker & Sons, a client since 2016 with nothing imported, is as
	// unknown before August as Acme: its three months are quiet ones.
	if baker := mustAssessment(t, p, "Baker"); baker.HistoryMonths != 3 || !baker.RecordsFrom.Equal(aug) {
		t.Errorf("Baker: history %d, records from %v; want 3 months from August 2026", baker.HistoryMonths, baker.RecordsFrom)
	}

	// Judged as of the end of September, the records hold two complete
	// months: too few to judge on rates, and the note says why.
	d := &Desk{Store: s.Store, Now: s.Now, AsOf: time.Date(2026, time.September, 30, 0, 0, 0, 0, time.UTC)}
	archive, err := d.Assess(ctx)
	if err != nil {
		t.Fatal(err)
	}
	early := mustAssessment(t, archive, "Acme Dental")
	if early.HistoryMonths != 2 || early.Unrated != "too little history (2 months of records)" {
		t.Errorf("as of September: history %d, unrated %q; want 2, too little history (2 months of records)",
			early.HistoryMonths, early.Unrated)
	}
}

func mustAssessment(t *testing.T, p *Portfolio, name string) *scoring.Assessment {
	t.Helper()
	a, err := p.Find(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
