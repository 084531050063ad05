package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestImportTxWritesNothingWithoutCommit queues more time entries than one
// batch for a client it adds, checks the counts, and closes without
// committing: nothing of it may stay.
func TestImportTxWritesNothingWithoutCommit(t *testing.T) {
	s := openTemp(t)
	tx, err := s.BeginImport(context.Background(), "time")
	if err != nil {
		t.Fatal(err)
	}
	id, err := tx.CreateClient(Client{Name: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	const n = 250
	for i := 0; i < n; i++ {
		// Every tenth entry repeats the key of the one before: an update.
		key := fmt.Sprintf("E-%d", i-boolInt(i%10 == 9))
		if err := tx.QueueTime(TimeRow{Line: i + 2, ClientID: id, Worked: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
			Seconds: 15 + i, Key: key}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := tx.Counts(), (ImportCounts{New: 225, Updated: 25}); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
	tx.Close()
	for _, table := range []string{"clients", "time_entries", "client_months"} {
		if c := rowCount(t, s, "SELECT count(*) FROM "+table); c != 0 {
			t.Errorf("%s has %d rows after an import closed without commit", table, c)
		}
	}
	if _, err := s.BeginImport(context.Background(), "timesheets"); err == nil {
		t.Error("BeginImport took an unknown kind")
	}
}
