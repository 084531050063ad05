package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Watcher notices commits made to the database by other connections:
// another offboard process, or another part of this one. It holds one
// connection of its own, because SQLite's data_version is counted per
// connection.
type Watcher struct {
	conn *sql.Conn
	last int64
}

// Watch starts watching the database for changes made from now on.
func (s *Store) Watch(ctx context.Context) (*Watcher, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", s.path, err)
	}
	w := &Watcher{conn: conn}
	if w.last, err = w.version(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

// Changed reports whether anything was committed since the last call (or
// since Watch). It reads one counter and costs no more than a query.
func (w *Watcher) Changed(ctx context.Context) (bool, error) {
	v, err := w.version(ctx)
	if err != nil {
		return false, err
	}
	changed := v != w.last
	w.last = v
	return changed, nil
}

func (w *Watcher) version(ctx context.Context) (int64, error) {
	var v int64
	if err := w.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read the database's change counter: %w", err)
	}
	return v, nil
}

// Close releases the watcher's connection.
func (w *Watcher) Close() error { return w.conn.Close() }
