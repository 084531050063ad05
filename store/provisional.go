package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Provisional makes a database that Open has to create provisional: Close
// removes it again, with the folders Open made for it, unless a row was
// written in it. A command that fails before writing, or that only looks,
// then leaves no empty database where there was none. A database that was
// there before Open, even an empty file, is never removed.
func Provisional() Option {
	return func(s *Store) { s.provisional = true }
}

// closeProvisional closes a database this store created and removes it
// when no table holds a row and no other process has it open. The check
// takes the write lock, so a process writing in the new file meanwhile is
// waited for and its rows keep the file; any doubt keeps it too.
func (s *Store) closeProvisional() error {
	written, err := s.written(context.Background())
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil || written {
		return err
	}
	// SQLite removes the -wal file when the last connection to a database
	// closes: one still there is another process's, which may yet write.
	if _, err := os.Lstat(s.path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return s.removeMade()
}

// written reports whether any table of the database holds a row.
func (s *Store) written(ctx context.Context) (bool, error) {
	tx, err := s.Begin(ctx, s.db)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_stat%' ESCAPE '\'`)
	if err != nil {
		return false, fmt.Errorf("list the tables of %s: %w", s.path, err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return false, err
		}
		tables = append(tables, name)
	}
	if err := rows.Close(); err != nil {
		return false, err
	}
	for _, t := range tables {
		var has bool
		q := `SELECT EXISTS (SELECT 1 FROM "` + strings.ReplaceAll(t, `"`, `""`) + `")`
		if err := tx.QueryRowContext(ctx, q).Scan(&has); err != nil {
			return false, fmt.Errorf("read table %s of %s: %w", t, s.path, err)
		}
		if has {
			return true, nil
		}
	}
	return false, nil
}

// removeMade removes what Open created: the database with the files SQLite
// keeps beside it, then the folders made for it while they are empty.
func (s *Store) removeMade() error {
	made := s.made
	s.made = nil
	if len(made) == 0 {
		return nil
	}
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(made[0] + side); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove the unused database %s: %w", made[0]+side, err)
		}
	}
	removeDirs(made[1:])
	return nil
}

// missingDirs lists dir and those of its parents that do not exist, deepest
// first: the folders MkdirAll(dir) is about to make.
func missingDirs(dir string) []string {
	var out []string
	for {
		if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
			return out
		}
		out = append(out, dir)
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}

// removeDirs removes folders, deepest first, stopping at the first that is
// not empty: something else was put there.
func removeDirs(dirs []string) {
	for _, d := range dirs {
		if os.Remove(d) != nil {
			return
		}
	}
}
