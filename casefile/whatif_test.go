package casefile

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/store"
)

// whatIfDesk opens a database of three clients paying 1,000.00, 2,000.00
// and 4,000.00 a month, and returns their ids in that order.
func whatIfDesk(t *testing.T) (*Desk, []int64) {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return recordNow }
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "whatif.db"), store.WithClock(now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var ids []int64
	err = st.Tx(ctx, func(tx *sql.Tx) error {
		for i, name := range []string{"One", "Two", "Four"} {
			id, err := store.InsertClient(ctx, tx, store.Client{Name: name, Seats: 10, Currency: "USD", MRRMinor: 100000 << i}, recordNow)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return &Desk{Store: st, Now: now}, ids
}

func TestWhatIfClientsInOrderAndTogether(t *testing.T) {
	d, ids := whatIfDesk(t)
	w, err := d.WhatIf(context.Background(), ids[2], ids[0], ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Clients) != 2 || w.Clients[0].Client.Name != "Four" || w.Clients[1].Client.Name != "One" {
		t.Fatalf("clients %+v, want Four then One, once each", w.Clients)
	}
	if w.Together == nil || w.Together.Portfolio.MRR != 200000 || w.Clients[0].Before.MRR != 700000 {
		t.Errorf("together leaves %+v of 700000, want Two's 200000", w.Together)
	}
	one, err := d.WhatIf(context.Background(), ids[1])
	if err != nil || one.Together != nil || one.Clients[0].Options[3].Portfolio.MRR != 500000 {
		t.Errorf("one client: %+v, %v; want no together and 500000 left", one, err)
	}
}

func TestWhatIfErrors(t *testing.T) {
	d, _ := whatIfDesk(t)
	for _, ids := range [][]int64{nil, {999}} {
		if _, err := d.WhatIf(context.Background(), ids...); err == nil || !strings.Contains(err.Error(), "what-if: no client") {
			t.Errorf("WhatIf(%v) = %v, want a what-if error", ids, err)
		}
	}
}
