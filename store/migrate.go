package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
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

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w", s.path, err)
	}
	return v, nil
}

func (s *Store) checkVersion(ctx context.Context) error {
	v, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	if want := SchemaVersion(); v > want {
		return fmt.Errorf("%s has schema version %d but this offboard knows only up to %d; upgrade offboard (the file was left untouched): %w",
			s.path, v, want, ErrSchemaTooNew)
	}
	return nil
}

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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", s.path, err)
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
		return fmt.Errorf("migrate %s: %w", s.path, err)
	}
	return nil
}
