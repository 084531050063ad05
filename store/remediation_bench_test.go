package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// benchPlans writes a portfolio the size of the large demo (2,000 clients,
// 36 months of roll-up), every client with a finished plan of six items,
// a quarter of them due for review.
func benchPlans(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		for i := range 2000 {
			id, err := InsertClient(ctx, tx, Client{Name: fmt.Sprintf("Client %04d", i), Seats: 10 + i%40}, fixedNow)
			if err != nil {
				return err
			}
			review := "2027-01-15"
			if i%4 == 0 {
				review = "2026-10-15"
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO remediation_plans (client_id, status, meeting_at, review_on,
                baseline_from, baseline_to, created_at, updated_at) VALUES (?, 'agreed', '2026-07-15T10:00:00Z', ?,
                '2026-01-01', '2026-06-30', '2026-07-15T10:00:00Z', '2026-07-15T10:00:00Z')`, id, review)
			if err != nil {
				return err
			}
			plan, _ := res.LastInsertId()
			for p := range 6 {
				kind := []string{"topic", "topic", "action", "action", "action", "term"}[p]
				if _, err := tx.ExecContext(ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title)
                    VALUES (?, ?, ?, 'late_payment', 'x')`, plan, p+1, kind); err != nil {
					return err
				}
			}
			for m := range 36 {
				month := time.Date(2023, time.Month(12+m), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
				if _, err := tx.ExecContext(ctx, `INSERT INTO client_months (client_id, month, seconds, tickets,
                    after_hours_tickets, invoices_paid, invoices_late, days_late_sum) VALUES (?, ?, 36000, 20, 3, 2, 1, 9)`,
					id, month); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkReviewsDue lists the reviews due across 2,000 clients: one
// query, whatever the number of plans.
func BenchmarkReviewsDue(b *testing.B) {
	s := benchPlans(b)
	ctx := context.Background()
	for b.Loop() {
		due, err := s.ReviewsDue(ctx, fixedNow)
		if err != nil || len(due) != 500 {
			b.Fatalf("%d due, %v", len(due), err)
		}
	}
}

// BenchmarkLatestPlans reads every client's latest plan for scoring.
func BenchmarkLatestPlans(b *testing.B) {
	s := benchPlans(b)
	ctx := context.Background()
	for b.Loop() {
		if plans, err := s.LatestPlans(ctx); err != nil || len(plans) != 2000 {
			b.Fatalf("%d plans, %v", len(plans), err)
		}
	}
}

// BenchmarkPlanWindowTotals is the database's share of what the review
// screen waits for: a plan, its client and the sums of both windows.
func BenchmarkPlanWindowTotals(b *testing.B) {
	s := benchPlans(b)
	ctx := context.Background()
	before := Window{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)}
	since := Window{From: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), To: fixedNow}
	for b.Loop() {
		p, err := s.Plan(ctx, 1000)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Client(ctx, p.ClientID); err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.PlanWindowTotals(ctx, p.ClientID, before, since, p.Meeting); err != nil {
			b.Fatal(err)
		}
	}
}
