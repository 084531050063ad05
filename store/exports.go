package store

import (
	"context"
	"database/sql"
	"fmt"
)

// RecordExport keeps a document written to a file (a checklist receipt, a
// post-mortem) with its SHA-256, and notes the export in the client's
// communications log, in one transaction. publish runs last inside the
// transaction (it writes the file); if it fails, nothing is recorded.
func (s *Store) RecordExport(ctx context.Context, d Document, publish func() error) (int64, error) {
	d.CreatedAt = s.now()
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = RecordDocument(ctx, tx, d); err != nil {
			return err
		}
		if _, err := LogCommunication(ctx, tx, Communication{ClientID: d.ClientID, At: d.CreatedAt, Channel: "other",
			Direction: "internal", Summary: fmt.Sprintf("%s exported to %s", d.Title, d.ExportedPath),
			Body: "sha256 " + SHA256Hex([]byte(d.Markdown)), DocumentID: id}); err != nil {
			return err
		}
		if publish != nil {
			return publish()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("record export of %s: %w", d.Title, err)
	}
	return id, nil
}
