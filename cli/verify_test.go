package cli

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Editing any row of the record with SQL, as someone with the file and the
// sqlite3 shell could (dropping an append-only trigger where one is in the
// way), makes verify fail and name the row, hand entries included.
func TestVerifyNamesAnyRowEditedWithSQL(t *testing.T) {
	env, pristine := demoDB(t)
	name := keepClient(t, env, pristine)
	for _, args := range [][]string{
		{"--kind", "call", "--direction", "inbound", "--summary", "Asked about the renewal"},
		{"--kind", "incident", "--category", "abuse", "--severity", "2", "--who", "Priya", "--summary", "Rude on the phone"},
	} {
		if code, _, errs := run(t, env, append([]string{"log", name, "--at", "2026-11-20 10:15", "--db", pristine}, args...)...); code != 0 {
			t.Fatalf("log: %s", errs)
		}
	}
	if code, out, errs := run(t, env, "verify", "--db", pristine); code != 0 {
		t.Fatalf("the untouched record does not verify: %s%s", out, errs)
	}
	raw, err := os.ReadFile(pristine)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		table, trigger, set string
	}{
		{"clients", "", "seats = seats + 1"},
		{"decisions", "decisions_append_only_update", "reason = 'never decided'"},
		{"communications", "communications_append_only_update", "summary = 'never said'"},
		{"incidents", "", "severity = 1, description = 'nothing happened'"},
		{"documents", "documents_append_only_update", "title = 'Another title'"},
		{"terminations", "", "effective_on = '2030-01-01'"},
		{"checklist_steps", "", "done_on = NULL, signed_off_by = ''"},
		// The record itself: an entry's content rewritten.
		{"ledger", "ledger_sealed", "content = '{}'"},
	}
	for _, tt := range tests {
		t.Run(tt.table, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "tampered.db")
			if err := os.WriteFile(db, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			id := tamper(t, db, tt.table, tt.trigger, tt.set)
			code, out, errs := run(t, env, "verify", "--db", db)
			row := fmt.Sprintf("%s row %d", tt.table, id)
			if tt.table == "ledger" {
				row = fmt.Sprintf("entry %d (", id)
			}
			_, broken, _ := strings.Cut(out, "broken: ")
			first, _, _ := strings.Cut(broken, "\n")
			if code != 1 || !strings.Contains(first, row) {
				t.Errorf("after an SQL edit of %s: exit %d, first problem %q, want it to name %q\n%s%s", row, code, first, row, out, errs)
			}
			if !strings.Contains(errs, "was altered") || !strings.Contains(errs, row) {
				t.Errorf("verify's error does not name %s: %q", row, errs)
			}
		})
	}
}

// tamper edits the last row of table in the database file with SQL alone,
// first dropping trigger when one forbids the edit, and returns its key.
func tamper(t *testing.T, path, table, trigger, set string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if trigger != "" {
		if _, err := db.Exec("DROP TRIGGER " + trigger); err != nil {
			t.Fatal(err)
		}
	}
	key := "id"
	if table == "ledger" {
		key = "seq"
	}
	var id int64
	if err := db.QueryRow(fmt.Sprintf("SELECT max(%s) FROM %s", key, table)).Scan(&id); err != nil {
		t.Fatalf("no row in %s: %v", table, err)
	}
	if _, err := db.Exec(fmt.Sprintf("UPDATE %s SET %s WHERE %s = ?", table, set, key), id); err != nil {
		t.Fatal(err)
	}
	return id
}
