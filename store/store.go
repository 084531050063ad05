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
	db       *sql.DB
	path     string
	now      func() time.Time
	readOnly bool
	adopt    bool
	// lockWait is how long a write waits for another process's lock
	// before failing; onWait, when set, is told once a write starts
	// waiting, so a command can say why it pauses.
	lockWait time.Duration
	onWait   func()
	// made lists what Open created for a database that was not there: the
	// file, then the folders it made for it, deepest first.
	made []string
	// provisional: see Provisional.
	provisional bool
}

// Option changes how Open behaves.
type Option func(*Store)

// WithClock makes the store stamp rows with now() instead of the wall clock,
// so tests and the demo produce the same bytes every run.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// ReadOnly opens the database for reading only: nothing is created,
// migrated or locked for writing, so a read-only file or folder will do.
func ReadOnly() Option {
	return func(s *Store) { s.readOnly = true }
}

// Adopt lets Open add offboard's tables to a SQLite database that holds
// another program's tables, which it otherwise refuses.
func Adopt() Option {
	return func(s *Store) { s.adopt = true }
}

// WithLockWait sets how long a write waits while another process holds the
// database's write lock, and what to call once it starts waiting.
func WithLockWait(d time.Duration, onWait func()) Option {
	return func(s *Store) { s.lockWait, s.onWait = d, onWait }
}

// sqliteHeader opens every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// DefaultLockWait is how long a write waits on another process (an import
// and the workbench side by side) before giving up.
const DefaultLockWait = 30 * time.Second

// Open opens the database at path, creating it (mode 0600, its directory
// 0700) and applying migrations as needed. A file that is not a SQLite
// database, one that holds another program's tables (unless Adopt), or one
// whose schema is newer than this binary is refused and left byte for byte
// as it was: the schema is checked on a read-only connection before
// anything is written or any pragma changed. A database Open creates and
// then cannot open is removed again, with the folders made for it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now, lockWait: DefaultLockWait}
	for _, o := range opts {
		o(s)
	}
	var err error
	if s.made, err = prepareFile(path, s.readOnly); err != nil {
		return nil, err
	}
	st, err := s.openPrepared(ctx, opts)
	if err != nil {
		// What Open created holds nothing of the user's yet: a failed open
		// takes it away rather than leave an empty or half-made file.
		_ = s.removeMade()
		return nil, err
	}
	return st, nil
}

// openPrepared opens the database once its file is known to be SQLite or
// empty.
func (s *Store) openPrepared(ctx context.Context, opts []Option) (*Store, error) {
	v, err := s.inspect(ctx)
	if err != nil {
		return nil, err
	}
	if s.readOnly {
		return s.openReadOnly(ctx, v, opts)
	}
	if s.db, err = sql.Open("sqlite", s.dsn("_txlock=immediate")); err != nil {
		return nil, fmt.Errorf("open %s: %w", s.path, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	// WAL is set only once the schema is offboard's and migrated: switching
	// the journal mode rewrites the file header, and a refused file, or one
	// whose migration failed, must stay as it was.
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open %s: set WAL journal: %w", s.path, s.lockErr(err))
	}
	return s, nil
}

// openReadOnly opens a checked database for reading. A database whose
// schema is older than this binary's is first brought up to date by an
// ordinary open, which needs write access once.
func (s *Store) openReadOnly(ctx context.Context, v int, opts []Option) (*Store, error) {
	if v < SchemaVersion() {
		rw, err := Open(ctx, s.path, append(opts[:len(opts):len(opts)], func(o *Store) { o.readOnly = false })...)
		if err != nil {
			return nil, fmt.Errorf("%s has schema version %d and must be upgraded to %d before it can be read, which needs write access: %w",
				s.path, v, SchemaVersion(), err)
		}
		if err := rw.Close(); err != nil {
			return nil, fmt.Errorf("upgrade %s: %w", s.path, err)
		}
	}
	db, err := sql.Open("sqlite", s.dsn(readOnlyMode(s.path)))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.path, err)
	}
	s.db = db
	return s, nil
}

// dsn is the URI the store opens path with, with extra query parameters.
func (s *Store) dsn(extra string) string {
	return fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&%s",
		uriPath.Replace(s.path), s.lockWait.Milliseconds(), extra)
}

// readOnlyMode is the URI parameter that opens path for reading. SQLite
// reading a WAL database creates the -wal and -shm files beside it with
// the database's own permissions and leaves them there, where files of a
// chmod-400 database would stop a later writer. A database nobody may write
// (no owner write bit on it or its folder) and that has no -wal, so no
// write in progress, is opened immutable instead: nothing is created, and
// nothing can change under the reader.
func readOnlyMode(path string) string {
	if !writable(path) || !writable(filepath.Dir(path)) {
		if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
			return "mode=ro&immutable=1"
		}
	}
	return "mode=ro"
}

// writable reports whether the owner write bit of path is set. The bit,
// rather than access(2), decides: root may write anything, but a file
// made read-only is meant to stay that way.
func writable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().Perm()&0o200 != 0
}

// prepareFile refuses a file that is not SQLite and creates a missing one
// with owner-only permissions before SQLite sees it, so the database is
// never readable by other users even for an instant. It returns what it
// created: the file, then the folders it made for it, deepest first. A
// read-only open creates nothing.
func prepareFile(path string, readOnly bool) ([]string, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && readOnly:
		return nil, fmt.Errorf("no database at %s yet: import your data first (offboard import KIND FILE), or try the demo with --demo: %w", path, err)
	case errors.Is(err, os.ErrNotExist):
		dirs := missingDirs(filepath.Dir(path))
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
		// O_EXCL makes the file this open's own: one another process
		// created meanwhile is checked and opened as found, never claimed.
		nf, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, os.ErrExist) {
			return prepareFile(path, readOnly)
		}
		if err != nil {
			removeDirs(dirs)
			return nil, fmt.Errorf("create database %s: %w", path, err)
		}
		return append([]string{path}, dirs...), nf.Close()
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := f.Read(head)
	if n == 0 {
		return nil, nil
	}
	if string(head[:n]) != sqliteHeader {
		return nil, fmt.Errorf("%s is not an offboard database (not a SQLite file); it was left untouched: %w", path, ErrNotSQLite)
	}
	return nil, nil
}

// uriPath escapes the characters that would end the path part of a SQLite
// URI filename.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// ErrNotSQLite reports a database path that holds some other kind of file.
var ErrNotSQLite = errors.New("not a SQLite database")

// Close closes the database; a provisional one that nothing was written
// in is removed (see Provisional).
func (s *Store) Close() error {
	if s.provisional && len(s.made) > 0 {
		return s.closeProvisional()
	}
	return s.db.Close()
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// DB exposes the handle for packages inside store (the importer, the demo).
func (s *Store) DB() *sql.DB { return s.db }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Tx runs fn in one transaction, committing if fn returns nil and rolling
// back otherwise, so a failure half way writes nothing.
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.Begin(ctx, s.db)
	if err != nil {
		return err
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
		return fmt.Errorf("commit: %w", s.lockErr(err))
	}
	return nil
}

// Timestamp formats an instant the way the schema stores it.
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Date formats a calendar date the way the schema stores it.
func Date(t time.Time) string { return t.Format(time.DateOnly) }
