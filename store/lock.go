package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
)

// ErrLocked reports a write that gave up waiting for another process to
// release the database.
var ErrLocked = errors.New("database locked by another process")

// waitNotice is how long a write waits quietly before onWait is told: an
// ordinary commit of the other process ends well within it.
const waitNotice = 300 * time.Millisecond

// beginner starts transactions: the store's pool, or one connection of it.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// Begin starts a write transaction on b (the store's handle or one of its
// connections), taking the write lock at once. While another process holds
// it, Begin waits up to the lock wait, telling onWait once it has waited a
// moment, and then fails with ErrLocked and what to do.
func (s *Store) Begin(ctx context.Context, b beginner) (*sql.Tx, error) {
	if s.onWait != nil {
		t := time.AfterFunc(waitNotice, s.onWait)
		defer t.Stop()
	}
	tx, err := b.BeginTx(ctx, nil)
	if isBusy(err) {
		return nil, s.lockErr(err)
	}
	if err != nil {
		return nil, fmt.Errorf("begin transaction: %w", err)
	}
	return tx, nil
}

// lockErr turns SQLite's "database is locked" into a message that names the
// file and says what to do; other errors pass through.
func (s *Store) lockErr(err error) error {
	if !isBusy(err) {
		return err
	}
	return fmt.Errorf("%s is in use by another offboard process (an import, or a workbench saving), "+
		"which held it for more than %s; let it finish, or close it, and try again: %w", s.path, s.lockWait, ErrLocked)
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, in any of its
// extended forms.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 5
}

// IsLocked reports whether err is a write that could not get the database
// from another process, wrapped by the store or straight from SQLite.
func IsLocked(err error) bool { return errors.Is(err, ErrLocked) || isBusy(err) }

// exec runs one write statement in a transaction of its own begun with
// Begin, so that it waits for another process like every other write and,
// when it cannot, fails with the same message naming the file.
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	tx, err := s.Begin(ctx, s.db)
	if err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		_ = tx.Rollback()
		return nil, s.lockErr(err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", s.lockErr(err))
	}
	return res, nil
}
