package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// foreignDB writes a SQLite database of another program at path, in the
// rollback journal mode most programs leave, and returns its bytes.
func foreignDB(t *testing.T, path string, stmts ...string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// assertUntouched fails unless path holds exactly before and nothing was
// created beside it.
func assertUntouched(t *testing.T, path string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("%s was modified", filepath.Base(path))
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + side); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s%s was left beside it", filepath.Base(path), side)
		}
	}
}

// journalByte is the file format version at offset 18 of a SQLite header:
// 1 for a rollback journal, 2 for WAL.
func journalByte(t *testing.T, path string) byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 100 {
		t.Fatalf("read %s: %v", path, err)
	}
	return b[18]
}

func TestRefusesForeignDatabaseUntouched(t *testing.T) {
	ctx := context.Background()
	for name, stmts := range map[string][]string{
		"other tables":                {"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('keep me')"},
		"a schema version of its own": {"CREATE TABLE t (x)", "PRAGMA user_version = 2"},
		"only an index and a view":    {"CREATE TABLE t (x)", "CREATE VIEW v AS SELECT x FROM t"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			before := foreignDB(t, path, stmts...)
			for _, opts := range [][]Option{nil, {ReadOnly()}} {
				_, err := Open(ctx, path, opts...)
				if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), "--adopt") {
					t.Fatalf("err = %v, want ErrForeign saying --adopt", err)
				}
				assertUntouched(t, path, before)
			}
		})
	}
}

func TestAdoptAddsOurTablesAndKeepsTheirs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "other.db")
	foreignDB(t, path, "PRAGMA page_size = 4096", "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('keep me')")
	s, err := Open(ctx, path, Adopt())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var body string
	if err := s.db.QueryRow("SELECT body FROM notes").Scan(&body); err != nil || body != "keep me" {
		t.Errorf("their row = %q, %v", body, err)
	}
	if v, _ := s.userVersion(ctx); v != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
	// Their pages were written before ours: the page size stays theirs.
	var size int
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil || size != 4096 {
		t.Errorf("page_size = %d, %v; want 4096, as the file was made", size, err)
	}
}

// TestFailedMigrationLeavesJournalMode adopts a database whose own
// "clients" table stops the first script, and checks the file is as it
// was: not migrated, and not switched to WAL.
func TestFailedMigrationLeavesJournalMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	before := foreignDB(t, path, "CREATE TABLE clients (who TEXT)", "INSERT INTO clients VALUES ('theirs')")
	if journalByte(t, path) != 1 {
		t.Fatal("the fixture is not in rollback journal mode")
	}
	_, err := Open(context.Background(), path, Adopt())
	if err == nil || !strings.Contains(err.Error(), "migrate") {
		t.Fatalf("err = %v, want a migration failure", err)
	}
	if journalByte(t, path) != 1 {
		t.Error("a failed migration left the database in WAL mode")
	}
	assertUntouched(t, path, before)
}

// closedOffboardDB writes an offboard database with one client, closed so
// that no -wal or -shm is left, and returns its path.
func closedOffboardDB(t *testing.T) string {
	t.Helper()
	s := openTemp(t)
	addClient(t, s, "Acme Dental")
	s.Close()
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(s.Path() + side); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("closing left %s behind", side)
		}
	}
	return s.Path()
}

func TestReadOnlyOpenOfProtectedFileLeavesNothing(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name            string
		fileMode, dirMo os.FileMode
	}{
		{"chmod 400 file", 0o400, 0o700},
		{"read-only folder", 0o600, 0o500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := closedOffboardDB(t)
			dir := filepath.Dir(path)
			before, _ := os.ReadFile(path)
			os.Chmod(path, tc.fileMode)
			os.Chmod(dir, tc.dirMo)
			t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(path, 0o600) })
			s, err := Open(ctx, path, ReadOnly())
			if err != nil {
				t.Fatal(err)
			}
			if n := rowCount(t, s, "SELECT count(*) FROM clients"); n != 1 {
				t.Errorf("read %d clients, want 1", n)
			}
			err = s.Tx(ctx, func(tx *sql.Tx) error {
				_, err := tx.Exec("INSERT INTO settings (key, value) VALUES ('x', 'y')")
				return err
			})
			if err == nil {
				t.Error("a read-only store wrote")
			}
			s.Close()
			assertUntouched(t, path, before)
			// A later writer, the file writable again, is not stopped by
			// anything the reader left.
			os.Chmod(dir, 0o700)
			os.Chmod(path, 0o600)
			w, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			addClient(t, w, "Bayside Clinic")
		})
	}
}

func TestReadOnlyOpenCreatesNoDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "o.db")
	if _, err := Open(context.Background(), path, ReadOnly()); err == nil || !strings.Contains(err.Error(), "no database at") {
		t.Fatalf("err = %v, want no database", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a read-only open created the folder")
	}
}

// TestReadOnlyOpenUpgradesAnOldSchema checks a read-only open of a database
// written by an older offboard brings it up to date first.
func TestReadOnlyOpenUpgradesAnOldSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	scripts, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	foreignDB(t, path, scripts[0], "PRAGMA user_version = 1")
	s, err := Open(ctx, path, ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.userVersion(ctx); v != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
}

// TestWriterWaitsThenSaysWhatToDo holds the write lock on one store and
// checks that every kind of write of a second waits, says so once, and
// fails naming the file, with no raw SQLite message.
func TestWriterWaitsThenSaysWhatToDo(t *testing.T) {
	ctx := context.Background()
	holder := openTemp(t)
	id := addClient(t, holder, "Harbor Dental Group")
	writes := []struct {
		name  string
		write func(s *Store) error
	}{
		{"a transaction", func(s *Store) error { return s.Tx(ctx, func(tx *sql.Tx) error { return nil }) }},
		{"a form's draft", func(s *Store) error { return s.SaveDraft(ctx, id, DraftLetter, map[string]string{"a": "b"}) }},
		{"post-mortem notes", func(s *Store) error { return s.SaveLessons(ctx, id, "bill monthly") }},
		{"a discarded walkthrough", func(s *Store) error { return s.DiscardDraftPlan(ctx, 1) }},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			tx, err := holder.Begin(ctx, holder.db)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var notices atomic.Int32
			s, err := Open(ctx, holder.Path(), WithLockWait(600*time.Millisecond, func() { notices.Add(1) }))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			start := time.Now()
			err = w.write(s)
			waited := time.Since(start)
			if !errors.Is(err, ErrLocked) || !IsLocked(err) {
				t.Fatalf("err = %v, want ErrLocked", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, holder.Path()) || !strings.Contains(msg, "try again") || strings.Contains(msg, "SQLITE_BUSY") {
				t.Errorf("message %q should name the file and what to do, without SQLite's code", msg)
			}
			if n := notices.Load(); n != 1 {
				t.Errorf("told %d times that it waits, want once", n)
			}
			if waited < 500*time.Millisecond || waited > 5*time.Second {
				t.Errorf("waited %s for a 600ms lock wait", waited)
			}
			// Once the lock is released the same store writes.
			tx.Rollback()
			if err := s.Tx(ctx, func(tx *sql.Tx) error { return nil }); err != nil {
				t.Errorf("after the lock was released: %v", err)
			}
		})
	}
}

// TestIsLocked checks both forms of a lock error are recognised: the
// store's own, and SQLite's from a statement outside a store transaction.
func TestIsLocked(t *testing.T) {
	ctx := context.Background()
	holder := openTemp(t)
	tx, err := holder.Begin(ctx, holder.db)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	s, err := Open(ctx, holder.Path(), WithLockWait(50*time.Millisecond, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, raw := s.db.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('a', 'b')")
	if raw == nil || !IsLocked(raw) || errors.Is(raw, ErrLocked) {
		t.Errorf("a plain statement under another's lock: %v, IsLocked %v", raw, IsLocked(raw))
	}
	if IsLocked(errors.New("database is locked")) || IsLocked(nil) {
		t.Error("IsLocked took an error that is not SQLite's for one")
	}
}
