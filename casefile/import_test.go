package casefile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/importer"
	"offboard/store"
)

// importNow is the clock of the import tests' databases.
var importNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// openImportDesk opens a desk on a new database with the clock at importNow.
func openImportDesk(t *testing.T) *Desk {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "sub", "o.db"), store.WithClock(func() time.Time { return importNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Desk{Store: st, Now: func() time.Time { return importNow }}
}

func importFixture(t *testing.T, s *Desk, kind importer.Kind, rel string, opt ImportOptions) (*ImportResult, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "import", rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opt.Kind = kind
	return s.Import(context.Background(), filepath.Base(rel), f, opt)
}

func mustImport(t *testing.T, s *Desk, kind importer.Kind, rel string, opt ImportOptions) *ImportResult {
	t.Helper()
	res, err := importFixture(t, s, kind, rel, opt)
	if err != nil {
		t.Fatalf("import %s: %v", rel, err)
	}
	return res
}

func importRowCount(t *testing.T, s *Desk, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.Store.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func importQueryString(t *testing.T, s *Desk, query string, args ...any) string {
	t.Helper()
	var v string
	if err := s.Store.DB().QueryRow(query, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

// importGeneric loads every kind of the generic offboard fixtures.
func importGeneric(t *testing.T, s *Desk) map[importer.Kind]*ImportResult {
	out := map[importer.Kind]*ImportResult{}
	for _, k := range importer.Kinds() {
		out[k] = mustImport(t, s, k, "offboard/"+string(k)+".csv", ImportOptions{})
	}
	return out
}

func TestImportEveryKindThenAgain(t *testing.T) {
	s := openImportDesk(t)
	first := importGeneric(t, s)
	wantNew := map[importer.Kind]int{"settings": 5, "clients": 2, "tickets": 2, "time": 2, "invoices": 2, "payments": 1, "incidents": 2, "security": 2, "upgrades": 2, "plans": 2}
	for k, want := range wantNew {
		if r := first[k]; r.New != want || r.Updated != 0 || r.Unchanged != 0 || !r.Written {
			t.Errorf("%s first import: new %d updated %d unchanged %d written %v; want %d new", k, r.New, r.Updated, r.Unchanged, r.Written, want)
		}
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM imports"); n != 10 {
		t.Errorf("%d imports recorded, want 10", n)
	}
	second := importGeneric(t, s)
	for k, want := range wantNew {
		if r := second[k]; r.New != 0 || r.Updated != 0 || r.Unchanged != want {
			t.Errorf("%s second import: new %d updated %d unchanged %d; want %d unchanged", k, r.New, r.Updated, r.Unchanged, want)
		}
		if second[k].PreviousImport.IsZero() {
			t.Errorf("%s second import should know the file was imported before", k)
		}
	}
	for table, want := range map[string]int{"settings": 5, "clients": 2, "tickets": 2, "time_entries": 2, "invoices": 2, "payments": 1, "incidents": 2, "security_snapshots": 2, "upgrade_recommendations": 2, "remediation_plans": 2, "remediation_items": 2} {
		if n := importRowCount(t, s, "SELECT count(*) FROM "+table); n != want {
			t.Errorf("%s has %d rows, want %d", table, n, want)
		}
	}
	// Values as written, computed by hand from the fixtures.
	if got := importQueryString(t, s, "SELECT opened_at || ' ' || opened_tz || ' ' || after_hours || ' ' || priority FROM tickets WHERE external_id = 'T-1'"); got != "2024-01-05T23:42:10Z -05:00 1 high" {
		t.Errorf("ticket T-1 = %q", got)
	}
	if got := importRowCount(t, s, "SELECT seconds FROM time_entries WHERE source_hash = 'E-2'"); got != 75*60 {
		t.Errorf("E-2 seconds = %d, want %d", got, 75*60)
	}
	if got := importQueryString(t, s, "SELECT kind || ' ' || severity FROM incidents WHERE source_hash = 'I-2'"); got != "declined_upgrade 2" {
		t.Errorf("incident I-2 = %q", got)
	}
	if got := importQueryString(t, s, "SELECT p.status || ' ' || p.review_on || ' ' || i.position || ' ' || i.note FROM remediation_plans p JOIN remediation_items i ON i.plan_id = p.id ORDER BY i.position DESC LIMIT 1"); got != "agreed 2024-05-05 2 Quote sent\nwith three options" {
		t.Errorf("plan = %q", got)
	}
	if got := importQueryString(t, s, "SELECT decision || ' ' || decided_on || ' ' || estimate_minor FROM upgrade_recommendations WHERE source_hash = 'U-1'"); got != "declined 2023-10-02 840000" {
		t.Errorf("upgrade U-1 = %q", got)
	}
	if got := importQueryString(t, s, "SELECT mfa_pct || ' ' || backup_status FROM security_snapshots s JOIN clients c ON c.id = s.client_id WHERE c.external_id = 'C-002'"); got != "20.0 failing" {
		t.Errorf("security C-002 = %q", got)
	}
	noOrphans(t, s)
	// The roll-up is kept current: 90 + 75 minutes in January 2024.
	if got := importRowCount(t, s, "SELECT sum(seconds) FROM client_months WHERE month = '2024-01'"); got != 165*60 {
		t.Errorf("roll-up seconds = %d, want %d", got, 165*60)
	}
}

func TestOneBadRowWritesNothing(t *testing.T) {
	s := openImportDesk(t)
	res, err := importFixture(t, s, importer.KindInvoices, "pitfalls/bad-date.csv", ImportOptions{CreateClients: true})
	var failed *ImportFailedError
	if !errors.As(err, &failed) {
		t.Fatalf("err = %v, want an ImportFailedError", err)
	}
	if !strings.Contains(err.Error(), `bad-date.csv:3: column "Due Date": cannot read "31/02/2024" as a date`) {
		t.Errorf("error should name the bad value:\n%v", err)
	}
	if res.Written {
		t.Error("result says written")
	}
	for _, table := range []string{"invoices", "clients", "imports", "client_months"} {
		if n := importRowCount(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}
}

func TestSkipBadWritesTheGoodRows(t *testing.T) {
	s := openImportDesk(t)
	res := mustImport(t, s, importer.KindInvoices, "pitfalls/bad-date.csv", ImportOptions{CreateClients: true, SkipBad: true})
	if res.New != 1 || res.Rejected != 1 || len(res.Parse.Rejects) != 1 || res.Parse.Rejects[0].Line != 3 {
		t.Errorf("new %d rejected %d rejects %+v", res.New, res.Rejected, res.Parse.Rejects)
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM invoices WHERE number = 'INV-1'"); n != 1 {
		t.Error("the good invoice was not written")
	}
	if got := importRowCount(t, s, "SELECT rows_rejected FROM imports"); got != 1 {
		t.Errorf("imports.rows_rejected = %d", got)
	}
}

func TestUnknownClient(t *testing.T) {
	s := openImportDesk(t)
	_, err := importFixture(t, s, importer.KindTime, "toggl/detailed.csv", ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `detailed.csv:2: unknown client "Acme Dental"`) {
		t.Fatalf("err = %v", err)
	}
	res := mustImport(t, s, importer.KindTime, "toggl/detailed.csv", ImportOptions{CreateClients: true})
	if strings.Join(res.CreatedClients, "|") != "Acme Dental|Baker & Sons" {
		t.Errorf("created %q", res.CreatedClients)
	}
	// A later file naming "ACME DENTAL, INC." matches by normalised name.
	in := "client,date,hours\n\"ACME DENTAL, INC.\",2024-02-01,1\n"
	res, err = s.Import(context.Background(), "x.csv", strings.NewReader(in), ImportOptions{Kind: importer.KindTime})
	if err != nil || res.New != 1 {
		t.Fatalf("normalised match: %v %+v", err, res)
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM clients"); n != 2 {
		t.Errorf("%d clients, want 2", n)
	}
}

func TestAfterHoursFromBusinessHours(t *testing.T) {
	s := openImportDesk(t)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	hours := store.DefaultBusinessHours()
	hours.Zone = ny
	res := mustImport(t, s, importer.KindTickets, "itflow/Acme Dental-Tickets-2024-03-01.csv", ImportOptions{CreateClients: true, Hours: &hours})
	if res.New != 3 {
		t.Fatalf("new %d", res.New)
	}
	// Friday 18:42, Monday 09:15 and Saturday 23:05, New York time.
	for ext, want := range map[string]int{"TCK-101": 1, "TCK-102": 0, "TCK-103": 1} {
		if got := importRowCount(t, s, "SELECT after_hours FROM tickets WHERE external_id = ?", ext); got != want {
			t.Errorf("%s after_hours = %d, want %d", ext, got, want)
		}
	}
	if got := importQueryString(t, s, "SELECT opened_at || ' ' || opened_tz FROM tickets WHERE external_id = 'TCK-101'"); got != "2024-01-05T23:42:10Z America/New_York" {
		t.Errorf("opened = %q", got)
	}
	if got := importQueryString(t, s, "SELECT priority FROM tickets WHERE external_id = 'TCK-103'"); got != "urgent" {
		t.Errorf("Critical read as %q", got)
	}
}

func TestPaidDateFromPayments(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindInvoices, "invoiceninja/invoices.csv", ImportOptions{CreateClients: true})
	if n := importRowCount(t, s, "SELECT count(*) FROM invoices WHERE paid_on IS NOT NULL"); n != 0 {
		t.Fatalf("%d invoices paid before payments arrive", n)
	}
	res := mustImport(t, s, importer.KindPayments, "invoiceninja/payments.csv", ImportOptions{})
	if res.DerivedPaid != 1 {
		t.Errorf("derived %d paid dates, want 1", res.DerivedPaid)
	}
	if got := importQueryString(t, s, "SELECT paid_on FROM invoices WHERE number = '0001'"); got != "2021-02-20" {
		t.Errorf("paid_on = %q", got)
	}
	if got := importRowCount(t, s, "SELECT invoices_paid FROM client_months WHERE month = '2021-01'"); got != 1 {
		t.Errorf("roll-up invoices_paid = %d", got)
	}
}

func TestChangedRowIsUpdated(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	in := "external_id,client_id,date,minutes\nE-9,C-001,2024-01-05,30\n"
	ctx := context.Background()
	if _, err := s.Import(ctx, "t.csv", strings.NewReader(in), ImportOptions{Kind: importer.KindTime}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, "t.csv", strings.NewReader(strings.Replace(in, ",30", ",45", 1)), ImportOptions{Kind: importer.KindTime})
	if err != nil || res.Updated != 1 || res.New != 0 {
		t.Fatalf("updated %d new %d: %v", res.Updated, res.New, err)
	}
	if got := importRowCount(t, s, "SELECT seconds FROM client_months WHERE month = '2024-01'"); got != 45*60 {
		t.Errorf("roll-up seconds = %d after the update, want %d", got, 45*60)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	s := openImportDesk(t)
	res := mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{DryRun: true})
	if res.New != 2 || res.Written {
		t.Errorf("dry run: new %d written %v", res.New, res.Written)
	}
	for _, table := range []string{"clients", "imports"} {
		if n := importRowCount(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s has %d rows after a dry run", table, n)
		}
	}
}

func TestImportsAreListed(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	list, err := s.Store.Imports(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	im := list[0]
	if im.File != "clients.csv" || im.Kind != "clients" || im.Preset != "offboard-clients" || im.Rows != 2 || im.New != 2 || len(im.SHA256) != 64 || !im.At.Equal(importNow) {
		t.Errorf("import = %+v", im)
	}
}

// noOrphans checks that imports, which write with foreign keys unchecked
// for speed, left every reference intact, and that the indexes dropped for a
// first bulk load are all back.
func noOrphans(t *testing.T, s *Desk) {
	t.Helper()
	rows, err := s.Store.DB().Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("an import left a dangling reference (PRAGMA foreign_key_check)")
	}
	indexes := func(s *Desk) string {
		return importQueryString(t, s, "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)")
	}
	if got, want := indexes(s), indexes(openImportDesk(t)); got != want {
		t.Errorf("indexes after imports:\n%s\nwant:\n%s", got, want)
	}
}

func TestDemoSettingsAreNotImported(t *testing.T) {
	s := openImportDesk(t)
	in := "key,value\ndemo.seed,42\nbusiness.hours,09:00-17:00\n"
	_, err := s.Import(context.Background(), "settings.csv", strings.NewReader(in), ImportOptions{Kind: importer.KindSettings})
	if err == nil || !strings.Contains(err.Error(), `settings.csv:2: column "key": "demo.seed" belongs to the demo`) {
		t.Fatalf("err = %v", err)
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM settings"); n != 0 {
		t.Errorf("%d settings written by a failed import", n)
	}
}

func TestPlanItemsUpdated(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	data, err := os.ReadFile(filepath.Join("..", "testdata", "import", "offboard", "plans.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Import(ctx, "plans.csv", strings.NewReader(string(data)), ImportOptions{Kind: importer.KindPlans}); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "No abuse incidents", "No abuse at all", 1)
	res, err := s.Import(ctx, "plans.csv", strings.NewReader(changed), ImportOptions{Kind: importer.KindPlans})
	if err != nil || res.Updated != 1 || res.Unchanged != 1 {
		t.Fatalf("updated %d unchanged %d: %v", res.Updated, res.Unchanged, err)
	}
	if got := importQueryString(t, s, "SELECT group_concat(target, '|') FROM (SELECT target FROM remediation_items ORDER BY position)"); got != "No abuse at all|0 end-of-life devices" {
		t.Errorf("targets = %q", got)
	}
}
