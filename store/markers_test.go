package store

import (
	"context"
	"testing"
	"time"
)

func TestClientMarkers(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	due := addClient(t, s, "Review Due Ltd")         // open plan, review yesterday
	later := addClient(t, s, "Review Later Ltd")     // open plan, review next week
	replaced := addClient(t, s, "Replaced Plan Ltd") // old due plan superseded by a resolved one
	steps := addClient(t, s, "Overdue Steps Ltd")    // two steps late, one done, one not yet due
	both := addClient(t, s, "Both Ltd")              // review today and one late step
	addClient(t, s, "Quiet Ltd")

	plan := func(client int64, status, review, created string) {
		t.Helper()
		if _, err := s.db.Exec(`INSERT INTO remediation_plans (client_id, status, review_on, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?)`, client, status, review, created, created); err != nil {
			t.Fatal(err)
		}
	}
	step := func(client int64, key, due string, done any) {
		t.Helper()
		if _, err := s.db.Exec(`INSERT INTO checklist_steps (client_id, position, step_key, title, due_on, done_on)
            VALUES (?, 0, ?, ?, ?, ?)`, client, key, key, due, done); err != nil {
			t.Fatal(err)
		}
	}
	plan(due, "agreed", "2026-11-22", "2026-09-01T10:00:00Z")
	plan(later, "partly_agreed", "2026-11-30", "2026-09-01T10:00:00Z")
	plan(replaced, "agreed", "2026-10-01", "2026-06-01T10:00:00Z")
	plan(replaced, "resolved", "2026-10-01", "2026-10-02T10:00:00Z")
	step(steps, "a", "2026-11-01", nil)
	step(steps, "b", "2026-11-22", nil)
	step(steps, "c", "2026-11-01", "2026-11-02")
	step(steps, "d", "2026-11-23", nil)
	plan(both, "extended", "2026-11-23", "2026-09-01T10:00:00Z")
	step(both, "a", "2026-11-20", nil)
	// A client taken back keeps the steps of its old checklist, open ones
	// included; they are no longer due.
	reengaged := addClient(t, s, "Taken Back Ltd")
	step(reengaged, "a", "2026-11-01", nil)
	if _, err := s.db.Exec("UPDATE clients SET status = 'notice' WHERE id IN (?, ?)", steps, both); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE clients SET status = 're-engaged' WHERE id = ?", reengaged); err != nil {
		t.Fatal(err)
	}

	got, err := s.ClientMarkers(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]Markers{
		due:   {ReviewDue: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)},
		steps: {OverdueSteps: 2},
		both:  {ReviewDue: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), OverdueSteps: 1},
	}
	if len(got) != len(want) {
		t.Errorf("markers for %d clients, want %d: %+v", len(got), len(want), got)
	}
	for id, w := range want {
		g := got[id]
		if !g.ReviewDue.Equal(w.ReviewDue) || g.OverdueSteps != w.OverdueSteps {
			t.Errorf("client %d: markers %+v, want %+v", id, g, w)
		}
		if !g.Any() {
			t.Errorf("client %d: Any() = false", id)
		}
	}
}
