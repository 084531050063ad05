package store

import (
	"context"
	"fmt"
)

// ZeroToleranceIncidents counts the client's incidents that call for ending
// the agreement for cause: any criminal activity, and abuse of staff at or
// above abuseSeverity.
func (s *Store) ZeroToleranceIncidents(ctx context.Context, clientID int64, abuseSeverity int) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM incidents WHERE client_id = ?
        AND (kind = 'criminal' OR (kind = 'abuse' AND severity >= ?))`, clientID, abuseSeverity).Scan(&n); err != nil {
		return 0, fmt.Errorf("zero-tolerance incidents of client %d: %w", clientID, err)
	}
	return n, nil
}
