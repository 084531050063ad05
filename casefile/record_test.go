package casefile

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/store"
)

var recordNow = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// recordDesk opens a fresh database holding one client with a decision, a
// communication and a document exported to a file.
func recordDesk(t *testing.T) (*Desk, string) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "record.db"), store.WithClock(func() time.Time { return recordNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	doc := "# Notice\n\nDear client,\n"
	docPath := filepath.Join(dir, "notice.md")
	if err := os.WriteFile(docPath, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	err = st.Tx(ctx, func(tx *sql.Tx) error {
		id, err := store.InsertClient(ctx, tx, store.Client{Name: "Harborline Freight", ContactName: "Dana Ruiz", Seats: 40, Currency: "USD"}, recordNow)
		if err != nil {
			return err
		}
		if err := store.LogDecision(ctx, tx, store.Decision{ClientID: id, At: recordNow, Kind: "note", Reason: "called about invoices"}); err != nil {
			return err
		}
		docID, err := store.RecordDocument(ctx, tx, store.Document{ClientID: id, Kind: "termination", Title: "Notice",
			Markdown: doc, SHA256: store.SHA256Hex([]byte(doc)), ExportedPath: docPath, CreatedAt: recordNow})
		if err != nil {
			return err
		}
		_, err = store.LogCommunication(ctx, tx, store.Communication{ClientID: id, At: recordNow, Channel: "letter",
			Direction: "outbound", Summary: "Notice of termination sent", DocumentID: docID})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return &Desk{Store: st, Now: func() time.Time { return recordNow }}, docPath
}

func TestVerifyIntactRecord(t *testing.T) {
	d, _ := recordDesk(t)
	v, err := d.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// One client, one decision, one document, one communication.
	if !v.OK() || v.Entries != 4 || v.Documents != 1 || len(v.Warnings) != 0 {
		t.Fatalf("verify of an untouched record = %+v, want 4 entries, 1 document, no problems", v)
	}
}

// Each way of altering the record afterwards with SQL, as someone with the
// file and the sqlite3 shell could, is found and named.
func TestVerifyFindsTampering(t *testing.T) {
	tests := []struct {
		name   string
		sql    string
		file   string // new contents of the exported document, if any
		naming string // what the first problem must say
	}{
		{"a decision edited", "DROP TRIGGER decisions_append_only_update; UPDATE decisions SET reason = 'never called'",
			"", "entry 2 (decisions row 1, insert): the row differs from what was recorded"},
		{"a client's agreement edited", "UPDATE clients SET seats = 12; DELETE FROM ledger WHERE seq = 5",
			"", "the row differs from what was recorded"},
		{"an entry's content rewritten", "DROP TRIGGER ledger_sealed; UPDATE ledger SET content = '[\"x\"]' WHERE seq = 2",
			"", "entry 2 (decisions row 1, insert): its content was changed after it was recorded"},
		{"an entry's hash recomputed over new content", "DROP TRIGGER ledger_sealed; UPDATE ledger SET content_sha256 = 'ab' WHERE seq = 3",
			"", "entry 3 (documents row 1, insert): its content was changed"},
		{"an entry deleted", "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE seq = 2",
			"", "entry 3 (documents row 1, insert): entries 2 to 2 are missing"},
		{"a row slipped in with the triggers dropped", "DROP TRIGGER decisions_record_insert; INSERT INTO decisions (client_id, at, kind, reason) VALUES (1, '2026-01-01T00:00:00Z', 'note', 'backdated')",
			"", "decisions row 2 is in no record entry"},
		{"an entry added by hand", "INSERT INTO ledger (client_id, ref_table, ref_id, action, content) VALUES (1, 'decisions', 9, 'insert', '[]')",
			"", "entry 5 (decisions row 9, insert): never sealed"},
		{"an exported letter edited", "", "# Notice\n\nDear client, you owe us.\n", "termination 1 (" /* path follows */},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, docPath := recordDesk(t)
			if tt.sql != "" {
				// The client edit case deletes the update's entry so that only the row shows the change.
				sqlText := strings.Replace(tt.sql, "DELETE FROM ledger", "DROP TRIGGER ledger_no_delete; DELETE FROM ledger", 1)
				if strings.Count(sqlText, "DROP TRIGGER ledger_no_delete") > 1 {
					sqlText = strings.Replace(sqlText, "DROP TRIGGER ledger_no_delete; ", "", 1)
				}
				if _, err := d.Store.DB().Exec(sqlText); err != nil {
					t.Fatal(err)
				}
			}
			if tt.file != "" {
				if err := os.WriteFile(docPath, []byte(tt.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			v, err := d.Verify(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if v.OK() {
				t.Fatalf("verify found nothing after %s", tt.name)
			}
			if !strings.Contains(v.Problems[0].What, tt.naming) {
				t.Errorf("first problem = %q, want it to say %q", v.Problems[0].What, tt.naming)
			}
		})
	}
}

// The program itself can neither change nor delete a sealed entry, nor
// edit the logs in place.
func TestRecordRefusesChanges(t *testing.T) {
	d, _ := recordDesk(t)
	for _, q := range []string{
		"UPDATE ledger SET content = '[]' WHERE seq = 1",
		"DELETE FROM ledger WHERE seq = 1",
		"UPDATE decisions SET reason = 'x'",
		"UPDATE communications SET summary = 'x'",
		"UPDATE documents SET markdown = 'x'",
	} {
		if _, err := d.Store.DB().Exec(q); err == nil {
			t.Errorf("%s was allowed", q)
		}
	}
}

// A change made through the program appends a sealed entry that chains on,
// and a change that leaves the canonical content as it was appends nothing.
func TestEditsAppendEntries(t *testing.T) {
	d, _ := recordDesk(t)
	ctx := context.Background()
	count := func() (n int) {
		if err := d.Store.DB().QueryRow("SELECT count(*) FROM ledger").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	exec := func(q string) {
		if err := d.Store.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.Exec(q); return err }); err != nil {
			t.Fatal(err)
		}
	}
	exec("UPDATE clients SET updated_at = '2026-11-21T00:00:00Z'")
	if got := count(); got != before {
		t.Errorf("touching updated_at appended %d entries", got-before)
	}
	exec("UPDATE clients SET seats = 42")
	if got := count(); got != before+1 {
		t.Errorf("an agreement edit appended %d entries, want 1", got-before)
	}
	v, err := d.Verify(ctx)
	if err != nil || !v.OK() {
		t.Fatalf("verify after an edit through the program = %+v, %v", v, err)
	}
}
