package casefile

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"offboard/store"
)

var fixedNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// planDesk is a desk over a fresh database, with the database at hand for
// planting rows by hand.
type planDesk struct {
	*Desk
	db *sql.DB
}

func openTemp(t *testing.T) *planDesk {
	t.Helper()
	now := func() time.Time { return fixedNow }
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "sub", "o.db"), store.WithClock(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &planDesk{Desk: &Desk{Store: s, Now: now}, db: s.DB()}
}

func addClient(t *testing.T, s *planDesk, name string) int64 {
	t.Helper()
	var id int64
	err := s.Store.Tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		id, err = store.InsertClient(context.Background(), tx, store.Client{Name: name, Seats: 10}, fixedNow)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// mustExec returns a function that runs a statement on s and fails the
// test on any error, for tests that plant rows by hand.
func mustExec(t testing.TB, s *planDesk) func(q string, args ...any) {
	return func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
}
