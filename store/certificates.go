package store

import (
	"context"
	"fmt"
	"time"
)

// Certificate is a certificate of destruction written by a purge.
type Certificate struct {
	At     time.Time
	Path   string
	SHA256 string
}

// Certificates returns the certificates of destruction written for the
// client's finished purges, oldest first.
func (s *Store) Certificates(ctx context.Context, clientID int64) ([]Certificate, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, certificate_path, certificate_sha256 FROM purges
        WHERE client_id = ? AND state = 'done' AND certificate_sha256 <> '' ORDER BY at, id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("certificates of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Certificate
	for rows.Next() {
		var c Certificate
		var at string
		if err := rows.Scan(&at, &c.Path, &c.SHA256); err != nil {
			return nil, fmt.Errorf("certificates of client %d: %w", clientID, err)
		}
		c.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, c)
	}
	return out, rows.Err()
}
