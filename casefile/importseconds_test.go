package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"testing"

	"offboard/importer"
	"offboard/store"
)

// monthFigure is one client's month as the tests below read it: the
// seconds summed in the roll-up, and the minutes and billable minutes the
// scoring reads from it.
type monthFigure struct {
	seconds           int
	minutes, billable int64
}

// shortEntryMonths reads every client's months: seconds from client_months,
// minutes as the facts the scoring judges by.
func shortEntryMonths(t *testing.T, s *Desk) map[string]monthFigure {
	t.Helper()
	ctx := context.Background()
	facts, err := s.Store.PortfolioFacts(ctx, importNow)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]monthFigure{}
	for _, f := range facts {
		for _, m := range f.Months {
			key := f.Name + " " + m.Month.Format("2006-01")
			secs := importRowCount(t, s, "SELECT seconds FROM client_months WHERE client_id = ? AND month = ?", f.ID, m.Month.Format("2006-01"))
			out[key] = monthFigure{seconds: secs, minutes: m.MinutesWorked, billable: m.BillableMinutes}
		}
	}
	return out
}

func TestShortEntriesKeepTheirSeconds(t *testing.T) {
	tests := []struct {
		fixture string
		// entries and seconds are the rows stored and their seconds summed.
		entries, seconds int
		months           map[string]monthFigure
	}{
		// Thirty entries of 0:00:40 in January are 1,200 s: 20 minutes,
		// a third of an hour. February's lone 20 s rounds to no minute;
		// Baker & Sons' three 50 s entries are 2.5 minutes, rounded up to 3.
		{"toggl/short-entries.csv", 35, 30*40 + 3*50 + 20 + 3601, map[string]monthFigure{
			"Acme Dental 2024-01":  {seconds: 1200, minutes: 20, billable: 20},
			"Acme Dental 2024-02":  {seconds: 20, minutes: 0, billable: 0},
			"Acme Dental 2024-03":  {seconds: 3601, minutes: 60, billable: 60},
			"Baker & Sons 2024-01": {seconds: 150, minutes: 3, billable: 0},
		}},
		// Twelve entries of 0:00:45 are 540 s, 9 minutes; the export's
		// decimal column (0.01 h, 36 s each) would make them 7.2.
		{"clockify/short-entries.csv", 12, 12 * 45, map[string]monthFigure{
			"Acme Dental 2024-01": {seconds: 540, minutes: 9, billable: 9},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			s := openImportDesk(t)
			res := mustImport(t, s, importer.KindTime, tt.fixture, ImportOptions{CreateClients: true})
			if res.New != tt.entries || res.Rejected != 0 {
				t.Fatalf("new %d rejected %d, want %d new", res.New, res.Rejected, tt.entries)
			}
			if got := importRowCount(t, s, "SELECT sum(seconds) FROM time_entries"); got != tt.seconds {
				t.Errorf("stored seconds = %d, want %d", got, tt.seconds)
			}
			got := shortEntryMonths(t, s)
			if fmt.Sprint(got) != fmt.Sprint(tt.months) {
				t.Errorf("months:\n got %v\nwant %v", got, tt.months)
			}
			checkRollupExact(t, s, "first import")
			again := mustImport(t, s, importer.KindTime, tt.fixture, ImportOptions{})
			if again.New != 0 || again.Updated != 0 {
				t.Errorf("imported again: %d new, %d updated", again.New, again.Updated)
			}
		})
	}
}

func TestHoursOfShortEntries(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindTime, "toggl/short-entries.csv", ImportOptions{CreateClients: true})
	var acme int64
	if err := s.Store.DB().QueryRow("SELECT id FROM clients WHERE name = 'Acme Dental'").Scan(&acme); err != nil {
		t.Fatal(err)
	}
	// January against February to March: 1,200 s then 20 + 3,601 s.
	jan := store.Window{From: day("2024-01-01"), To: day("2024-01-31")}
	later := store.Window{From: day("2024-02-01"), To: day("2024-03-31")}
	before, since, err := s.Store.PlanWindowTotals(context.Background(), acme, jan, later, day("2024-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(before.Minutes/60-1200.0/3600) > 1e-12 || math.Abs(since.Minutes/60-3621.0/3600) > 1e-12 {
		t.Errorf("hours %v then %v, want %v then %v", before.Minutes/60, since.Minutes/60, 1200.0/3600, 3621.0/3600)
	}
}

// A file imported while entries were kept in whole minutes holds rows whose
// seconds were rounded away; imported again, it puts them back in place.
func TestReimportRestoresSecondsRoundedAway(t *testing.T) {
	s := openImportDesk(t)
	ctx := context.Background()
	mustImport(t, s, importer.KindTime, "toggl/short-entries.csv", ImportOptions{CreateClients: true})
	// The database as the upgrade leaves one such import: whole minutes
	// as seconds, the roll-up summing them, the import to be read again.
	if err := s.Store.Tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"UPDATE time_entries SET seconds = (seconds + 30) / 60 * 60",
			"UPDATE imports SET table_state = '' WHERE kind = 'time'"} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return store.RebuildRollup(ctx, tx, nil)
	}); err != nil {
		t.Fatal(err)
	}
	// By hand: 30 x 60 + 3 x 60 + 0 + 3600 seconds, January's 30 minutes.
	if got := importRowCount(t, s, "SELECT sum(seconds) FROM time_entries"); got != 30*60+3*60+3600 {
		t.Fatalf("rounded seconds = %d", got)
	}
	res := mustImport(t, s, importer.KindTime, "toggl/short-entries.csv", ImportOptions{})
	// Every entry changes: 60 s back to 40, 50 or 20, 3,600 s to 3,601.
	if res.Updated != 35 || res.New != 0 || res.Unchanged != 0 {
		t.Errorf("updated %d new %d unchanged %d, want 35, 0, 0", res.Updated, res.New, res.Unchanged)
	}
	if got := importRowCount(t, s, "SELECT count(*) * 100000 + sum(seconds) FROM time_entries"); got != 35*100000+30*40+3*50+20+3601 {
		t.Errorf("entries and seconds packed = %d, want 35 entries of %d s", got, 30*40+3*50+20+3601)
	}
	if got := importRowCount(t, s, "SELECT seconds FROM client_months WHERE month = '2024-01' AND client_id = (SELECT id FROM clients WHERE name = 'Acme Dental')"); got != 1200 {
		t.Errorf("Acme Dental January = %d s, want 1200", got)
	}
	checkRollupExact(t, s, "import again")
}
