// Package store keeps offboard's data in a single SQLite file and owns every
// SQL statement in the program.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// Store is an open offboard database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// Option changes how Open behaves.
type Option func(*Store)

// WithClock makes the store stamp rows with now() instead of the wall clock,
// so tests and the demo produce the same bytes every run.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// sqliteHeader opens every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// busyTimeout is how long a statement waits on another writer (the TUI and
// an import running side by side) before giving up.
const busyTimeout = 5 * time.Second

// Open opens the database at path, creating it (mode 0600, its directory
// 0700) and applying migrations as needed. A file that is not a SQLite
// database, or whose schema is newer than this binary, is refused and left
// byte for byte as it was.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_txlock=immediate",
		uriPath.Replace(path), busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db = db
	if err := s.checkVersion(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// WAL is set only after the version check: switching the journal mode
	// rewrites the file header, and a refused file must stay untouched.
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: set WAL journal: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepareFile refuses a file that is not SQLite and creates a missing one
// with owner-only permissions before SQLite sees it, so the database is
// never readable by other users even for an instant.
func prepareFile(path string) error {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return fmt.Errorf("create database folder: %w", err)
		}
		nf, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("create database %s: %w", path, err)
		}
		return nf.Close()
	case err != nil:
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := f.Read(head)
	if n == 0 {
		return nil
	}
	if string(head[:n]) != sqliteHeader {
		return fmt.Errorf("%s is not an offboard database (not a SQLite file); it was left untouched: %w", path, ErrNotSQLite)
	}
	return nil
}

// uriPath escapes the characters that would end the path part of a SQLite
// URI filename.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// ErrNotSQLite reports a database path that holds some other kind of file.
var ErrNotSQLite = errors.New("not a SQLite database")

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// DB exposes the handle for packages inside store (the importer, the demo).
func (s *Store) DB() *sql.DB { return s.db }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Tx runs fn in one transaction, committing if fn returns nil and rolling
// back otherwise, so a failure half way writes nothing.
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := s.sealLedger(ctx, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// Timestamp formats an instant the way the schema stores it.
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Date formats a calendar date the way the schema stores it.
func Date(t time.Time) string { return t.Format(time.DateOnly) }
