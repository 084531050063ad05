package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"offboard/store"
)

// benchAsOf follows the last month of the synthetic portfolio.
var benchAsOf = time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)

// syntheticPortfolio writes n clients with the given months of roll-ups
// ending October 2026, plus incidents, snapshots, upgrades and plans, all
// in SQL so that thousands of clients take well under a second.
func syntheticPortfolio(tb testing.TB, n, months int) *store.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(tb.TempDir(), "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	stmts := []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO clients (name, name_key, seats, mrr_minor, status, client_since_on, created_at, updated_at)
         SELECT 'Client ' || i, 'client ' || i, 5 + i % 60, (5 + i % 60) * 9000, 'active',
                date('2026-11-01', '-' || ?2 || ' months'), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n`,
		`WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < ?2)
         INSERT INTO client_months (client_id, month, seconds, billable_seconds, tickets, after_hours_tickets,
             urgent_tickets, oos_tickets, oos_seconds, invoiced_minor, invoices, invoices_paid, invoices_late,
             days_late_sum, paid_on_time, late_1_7, late_8_15, late_16_30, late_over_30)
         SELECT c.id, strftime('%Y-%m', date('2026-11-01', '-' || k || ' months')),
                c.seats * (20 + (c.id * 7 + k * 13) % 20) * 60, c.seats * 5 * 60, c.seats * 4 / 10 + k % 3, 1, 1,
                (c.id % 13 = 0), (c.id % 13 = 0) * 120 * 60, c.mrr_minor, 1, 1, (c.id % 17 = 0),
                (c.id % 17 = 0) * 35, (c.id % 17 <> 0), 0, 0, 0, (c.id % 17 = 0)
         FROM clients c, m`,
		`INSERT INTO incidents (client_id, occurred_at, kind, severity, description)
         SELECT id, '2026-0' || (1 + id % 9) || '-10T10:00:00Z',
                CASE id % 5 WHEN 0 THEN 'abuse' WHEN 1 THEN 'scope' WHEN 2 THEN 'after_hours' WHEN 3 THEN 'security' ELSE 'naivete' END,
                1 + id % 3, 'Incident of client ' || id
         FROM clients WHERE id % 10 = 0`,
		`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status)
         SELECT id, '2025-06-30', 80, 90, 2, seats, 'ok' FROM clients
         UNION ALL SELECT id, '2026-09-30', 100 - id % 7, 99 - id % 5, id % 2, seats, 'ok' FROM clients`,
		`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision)
         SELECT id, 'Firewall refresh', '2026-01-10', '2026-02-10', CASE WHEN id % 2 = 0 THEN 'declined' ELSE 'accepted' END
         FROM clients WHERE id % 5 = 0`,
		`INSERT INTO remediation_plans (client_id, status, review_on, created_at, updated_at)
         SELECT id, 'agreed', '2026-12-01', '2026-09-01T10:00:00Z', '2026-09-01T10:00:00Z' FROM clients WHERE id % 20 = 0`,
	}
	for _, q := range stmts {
		if _, err := s.DB().ExecContext(ctx, q, n, months); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// Loading the facts allocates per client, not per month of history.
func TestPortfolioFactsAllocationsDoNotGrowWithHistory(t *testing.T) {
	ctx := context.Background()
	allocs := func(months int) float64 {
		s := syntheticPortfolio(t, 200, months)
		return testing.AllocsPerRun(3, func() {
			if _, err := s.PortfolioFacts(ctx, benchAsOf); err != nil {
				t.Fatal(err)
			}
		})
	}
	short, long := allocs(12), allocs(36)
	if long > short*1.05 {
		t.Errorf("%v allocations with 12 months of history, %v with 36", short, long)
	}
}
