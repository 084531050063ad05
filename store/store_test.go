package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var fixedNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// mustExec returns a function that runs a statement on s and fails the
// test on any error, for tests that plant rows by hand.
func mustExec(t testing.TB, s *Store) func(q string, args ...any) {
	return func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
}

func rowCount(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "o.db"), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesPrivateMigratedDatabase(t *testing.T) {
	s := openTemp(t)
	st, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("database mode = %o, want 600", got)
	}
	dir, _ := os.Stat(filepath.Dir(s.Path()))
	if got := dir.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode = %o, want 700", got)
	}
	v, err := s.userVersion(context.Background())
	if err != nil || v != SchemaVersion() || v < 1 {
		t.Fatalf("user_version = %d, %v; want %d", v, err, SchemaVersion())
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var size int
	s.db.QueryRow("PRAGMA page_size").Scan(&size)
	if size != 16384 {
		t.Errorf("page_size = %d, want 16384 for a new database", size)
	}
	var fk int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
	for _, table := range []string{"clients", "tickets", "time_entries", "invoices", "payments", "incidents",
		"security_snapshots", "upgrade_recommendations", "communications", "decisions", "remediation_plans",
		"remediation_items", "documents", "terminations", "checklist_steps", "postmortems", "drafts", "imports",
		"settings", "client_months"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
}

func TestReopenIsIdempotent(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	s.Close()
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s2.Close()
}

func TestRefusesNewerSchemaUntouched(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	// Fold the WAL back so the file alone is the database we compare.
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("err = %v, want ErrSchemaTooNew", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused database was modified")
	}
}

func TestRefusesNonSQLiteUntouched(t *testing.T) {
	for name, content := range map[string]string{
		"text":  "name,mrr\nAcme,100\n",
		"short": "SQL",
		"zip":   "PK\x03\x04 not a database at all, but long enough to read a header",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			os.WriteFile(path, []byte(content), 0o644)
			_, err := Open(context.Background(), path)
			if !errors.Is(err, ErrNotSQLite) {
				t.Fatalf("err = %v, want ErrNotSQLite", err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != content {
				t.Error("a refused file was modified")
			}
			if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
				t.Error("a refused file got a WAL beside it")
			}
		})
	}
}

func TestEmptyFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func addClient(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	var id int64
	err := s.Tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		id, err = InsertClient(context.Background(), tx, Client{Name: name, Seats: 10}, fixedNow)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	ctx := context.Background()
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return SetStatus(ctx, tx, id, "remediation", "plan agreed", fixedNow)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE decisions SET reason = 'rewritten'"); err == nil {
		t.Error("decisions could be rewritten")
	}
	ds, err := s.Decisions(ctx, id)
	if err != nil || len(ds) != 1 || ds[0].From != "active" || ds[0].To != "remediation" || ds[0].Reason != "plan agreed" {
		t.Errorf("decisions = %+v, %v", ds, err)
	}
	if err := s.SetOverride(ctx, id, "keep", ""); err == nil {
		t.Error("override without a reason was accepted")
	}
}

func TestRebuildRollup(t *testing.T) {
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	other := addClient(t, s, "Other")
	ctx := context.Background()
	exec := mustExec(t, s)
	exec(`INSERT INTO tickets (id, client_id, opened_at, priority, after_hours, out_of_scope) VALUES
        (1, ?1, '2026-03-02T10:00:00Z', 'urgent', 1, 0),
        (2, ?1, '2026-03-05T10:00:00Z', 'normal', 0, 1),
        (3, ?1, '2026-04-01T10:00:00Z', 'normal', 1, 0)`, id)
	exec(`INSERT INTO time_entries (client_id, ticket_id, worked_on, seconds, billable) VALUES
        (?1, 1, '2026-03-02', 5400, 1), (?1, 2, '2026-03-06', 2700, 0), (?1, 2, '2026-03-07', 40, 0),
        (?1, NULL, '2026-04-10', 1800, 1), (?2, NULL, '2026-03-10', 36000, 1)`, id, other)
	// Due 31 March: paid 3 days early, 5 late, 40 late; one unpaid.
	exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor) VALUES
        (?1, 'A1', '2026-03-01', '2026-03-31', '2026-03-28', 10000),
        (?1, 'A2', '2026-03-01', '2026-03-31', '2026-04-05', 20000),
        (?1, 'A3', '2026-03-01', '2026-03-31', '2026-05-10', 30000),
        (?1, 'A4', '2026-04-01', '2026-05-01', NULL, 5000)`, id)
	if err := s.Tx(ctx, func(tx *sql.Tx) error { return RebuildRollup(ctx, tx, []int64{id}) }); err != nil {
		t.Fatal(err)
	}
	type row struct {
		month                                               string
		seconds, billable, tickets, ah, urgent, oos, oosSec int
		invoiced, invoices, paid, late, daysLate, onTime    int
		l1, l8, l16, l30                                    int
	}
	want := []row{
		{"2026-03", 8140, 5400, 2, 1, 1, 1, 2740, 60000, 3, 3, 2, 45, 1, 1, 0, 0, 1},
		{"2026-04", 1800, 1800, 1, 1, 0, 0, 0, 5000, 1, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	rows, err := s.db.Query(`SELECT month, seconds, billable_seconds, tickets, after_hours_tickets, urgent_tickets,
        oos_tickets, oos_seconds, invoiced_minor, invoices, invoices_paid, invoices_late, days_late_sum, paid_on_time,
        late_1_7, late_8_15, late_16_30, late_over_30 FROM client_months WHERE client_id = ? ORDER BY month`, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []row
	for rows.Next() {
		var r row
		rows.Scan(&r.month, &r.seconds, &r.billable, &r.tickets, &r.ah, &r.urgent, &r.oos, &r.oosSec, &r.invoiced,
			&r.invoices, &r.paid, &r.late, &r.daysLate, &r.onTime, &r.l1, &r.l8, &r.l16, &r.l30)
		got = append(got, r)
	}
	rows.Close()
	if len(got) != len(want) {
		t.Fatalf("got %d months, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("month %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM client_months WHERE client_id = ?", other).Scan(&n)
	if n != 0 {
		t.Errorf("a client outside the scope was rolled up")
	}
	if err := s.Tx(ctx, func(tx *sql.Tx) error { return RebuildRollup(ctx, tx, nil) }); err != nil {
		t.Fatal(err)
	}
	s.db.QueryRow("SELECT seconds FROM client_months WHERE client_id = ?", other).Scan(&n)
	if n != 36000 {
		t.Errorf("full rebuild: other client's seconds = %d, want 36000", n)
	}
}

func TestResolvePath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"x.db", map[string]string{"OFFBOARD_DB": "y.db"}, "x.db"},
		{"", map[string]string{"OFFBOARD_DB": "y.db", "HOME": "/h"}, "y.db"},
		{"", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/offboard/offboard.db"},
		{"", map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/h"}, "/h/.local/share/offboard/offboard.db"},
		{"", map[string]string{"HOME": "/h"}, "/h/.local/share/offboard/offboard.db"},
	}
	for _, c := range cases {
		got, err := ResolvePath(c.flag, env(c.env))
		if err != nil || got != c.want {
			t.Errorf("ResolvePath(%q, %v) = %q, %v; want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := ResolvePath("", env(nil)); err == nil {
		t.Error("no HOME and no XDG_DATA_HOME should be an error")
	}
}
