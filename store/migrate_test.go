package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"
)

// TestMigrateFromVersion1 opens a database written by the first schema,
// with a client and a time entry, and checks the later scripts keep its
// rows and drop the time entries' client index.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	writeAtVersion(t, path, 1,
		`INSERT INTO clients (id, name, name_key, created_at, updated_at) VALUES (1, 'Acme', 'acme', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
		`INSERT INTO time_entries (client_id, worked_on, minutes, source_hash) VALUES (1, '2024-01-05', 90, 'E-1')`,
		`INSERT INTO client_months (client_id, month, minutes, billable_minutes, oos_minutes) VALUES (1, '2024-01', 90, 60, 30)`)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.userVersion(ctx); err != nil || v != SchemaVersion() {
		t.Fatalf("user_version = %d, %v; want %d", v, err, SchemaVersion())
	}
	// Whole minutes become seconds, in the entries and in their roll-up.
	if got := rowCount(t, s, "SELECT seconds FROM time_entries WHERE source_hash = 'E-1'"); got != 5400 {
		t.Errorf("time entry seconds = %d after migrating, want 5400", got)
	}
	if got := rowCount(t, s, "SELECT seconds * 1000000 + billable_seconds * 100 + oos_seconds / 100 FROM client_months"); got != 5400*1000000+3600*100+1800/100 {
		t.Errorf("roll-up seconds, billable, out of scope packed = %d after migrating, want 5400 3600 1800", got)
	}
	if n := rowCount(t, s, "SELECT count(*) FROM sqlite_schema WHERE name = 'time_entries_client_worked'"); n != 0 {
		t.Error("time_entries_client_worked is still there")
	}
}

// writeAtVersion writes a database at path as the first version scripts
// left it, then runs rows in it: a file written by an older offboard.
func writeAtVersion(t *testing.T, path string, version int, rows ...string) {
	t.Helper()
	scripts, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := append(append(scripts[:version:version], "PRAGMA user_version = "+strconv.Itoa(version)), rows...)
	for _, q := range stmts {
		if _, err := db.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
}
