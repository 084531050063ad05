package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew reports a database written by a newer offboard.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

// migrations returns the embedded migration scripts in order; the schema
// version of a database is the number of scripts applied to it.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	scripts := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		scripts[i] = string(b)
	}
	return scripts, nil
}

// SchemaVersion is the schema version this binary writes.
func SchemaVersion() int {
	m, err := migrations()
	if err != nil {
		panic(err) // the scripts are embedded at build time
	}
	return len(m)
}

// ErrForeign reports a SQLite database that holds another program's tables.
var ErrForeign = errors.New("not an offboard database")

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w", s.path, err)
	}
	return v, nil
}

// offboardTables are tables every version of the schema has; a database
// with a schema version but without them was written by something else.
var offboardTables = []string{"settings", "clients", "time_entries"}

// inspect reads the schema version and checks the database is offboard's,
// or empty, on a connection of its own that writes nothing: read-only, and
// immutable unless a -wal file shows a write may be under way, so that not
// even a -wal or -shm file appears beside a database that is refused.
func (s *Store) inspect(ctx context.Context) (int, error) {
	mode := "mode=ro"
	if _, err := os.Stat(s.path + "-wal"); errors.Is(err, os.ErrNotExist) {
		mode += "&immutable=1"
	}
	db, err := sql.Open("sqlite", s.dsn(mode))
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", s.path, err)
	}
	defer db.Close()
	var v, tables, ours int
	err = db.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
        (SELECT count(*) FROM sqlite_schema),
        (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (?, ?, ?))`,
		offboardTables[0], offboardTables[1], offboardTables[2]).Scan(&v, &tables, &ours)
	if err != nil {
		return 0, fmt.Errorf("read the schema of %s: %w", s.path, s.lockErr(err))
	}
	switch want := SchemaVersion(); {
	case v > 0 && ours < len(offboardTables), v == 0 && tables > 0 && !s.adopt:
		return 0, fmt.Errorf("%s is a SQLite database of another program, not offboard's; it was left untouched. "+
			"Choose another --db file, or pass --adopt to add offboard's tables to it: %w", s.path, ErrForeign)
	case v > want:
		return 0, fmt.Errorf("%s has schema version %d but this offboard knows only up to %d; upgrade offboard (the file was left untouched): %w",
			s.path, v, want, ErrSchemaTooNew)
	}
	return v, nil
}

// pageSize is the page size of a new database: four times SQLite's
// default, which a first import of a million rows writes about a sixth
// faster (fewer pages to find, split and log), while the workbench's reads
// are scans of the monthly roll-up and searches of a few pages either
// way. The page cache is sized in bytes, so it holds as much as before.
const pageSize = 16384

// migrate applies the missing scripts in one transaction, so a failure
// leaves the database at its old version rather than half way.
func (s *Store) migrate(ctx context.Context) error {
	scripts, err := migrations()
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	v, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	if v == len(scripts) {
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if v == 0 {
		// SQLite fixes the page size when the file's first page is read
		// in a transaction, so it is set on the migrating connection before
		// its transaction begins; a file that already has pages (one
		// adopted, or made before) keeps its own.
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
			return fmt.Errorf("migrate %s: set page size: %w", s.path, err)
		}
	}
	tx, err := s.Begin(ctx, conn)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	for i := v; i < len(scripts); i++ {
		if _, err := tx.ExecContext(ctx, scripts[i]); err != nil {
			return fmt.Errorf("migrate %s to version %d: %w", s.path, i+1, err)
		}
	}
	// PRAGMA takes no bound parameters; the value is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(scripts))); err != nil {
		return fmt.Errorf("migrate %s: set version: %w", s.path, err)
	}
	if err := s.sealLedger(ctx, tx); err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, s.lockErr(err))
	}
	return nil
}
