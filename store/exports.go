package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// RecordExport writes a document (a checklist receipt, a post-mortem) to
// d.ExportedPath and keeps it with its SHA-256, noting the export in the
// client's communications log, all or nothing: the rows in one
// transaction, the file written last inside it and removed again if the
// commit fails. An existing file is never replaced.
func (s *Store) RecordExport(ctx context.Context, d Document) (int64, error) {
	d.CreatedAt = s.now()
	var id int64
	err := s.exportTx(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = RecordDocument(ctx, tx, d); err != nil {
			return err
		}
		if _, err := LogCommunication(ctx, tx, Communication{ClientID: d.ClientID, At: d.CreatedAt, Channel: "other",
			Direction: "internal", Summary: fmt.Sprintf("%s exported to %s", d.Title, d.ExportedPath),
			Body: "sha256 " + SHA256Hex([]byte(d.Markdown)), DocumentID: id}); err != nil {
			return err
		}
		return WriteExportFile(d.ExportedPath, d.Markdown, false)
	}, d.ExportedPath)
	if err != nil {
		return 0, fmt.Errorf("record export of %s: %w", d.Title, err)
	}
	return id, nil
}

// exportTx runs fn, which ends by writing the file at path, in one
// transaction. When the commit fails after the file was written, the file
// is removed, so the disk never shows an export the database does not hold.
func (s *Store) exportTx(ctx context.Context, fn func(tx *sql.Tx) error, path string) error {
	wrote := false
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		wrote = true
		return nil
	})
	if err != nil && wrote {
		if rmErr := os.Remove(path); rmErr != nil {
			return errors.Join(err, fmt.Errorf("remove %s after the failed commit: %w", path, rmErr))
		}
	}
	return err
}

// DocumentByID reads one kept document.
func (s *Store) DocumentByID(ctx context.Context, id int64) (Document, error) {
	var d Document
	var plan sql.NullInt64
	var created string
	err := s.db.QueryRowContext(ctx, `SELECT id, client_id, plan_id, kind, title, markdown, sha256, exported_path, sent,
        created_at FROM documents WHERE id = ?`, id).Scan(&d.ID, &d.ClientID, &plan, &d.Kind, &d.Title, &d.Markdown,
		&d.SHA256, &d.ExportedPath, &d.Sent, &created)
	if err != nil {
		return d, fmt.Errorf("read document %d: %w", id, err)
	}
	d.PlanID = plan.Int64
	d.CreatedAt, _ = time.Parse(time.RFC3339, created)
	return d, nil
}
