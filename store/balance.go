package store

import (
	"context"
	"fmt"
)

// OutstandingBalance is what the client owes today, in minor units of its
// currency: the open balance of all its invoices.
func (s *Store) OutstandingBalance(ctx context.Context, clientID int64) (int64, error) {
	var minor int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(sum(balance_minor), 0) FROM invoices WHERE client_id = ?",
		clientID).Scan(&minor); err != nil {
		return 0, fmt.Errorf("outstanding balance of client %d: %w", clientID, err)
	}
	return minor, nil
}
