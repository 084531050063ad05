package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// ExportDocument writes a generated document to path, creating its folder,
// and records it on the client: a documents row with the Markdown byte for
// byte, its SHA-256 and the absolute path, and an entry in the
// communications log (seed 001: keep records of every communication). The
// file is written to a temporary name and renamed, so a failure never
// leaves half a document at path; it is recorded only once it is on disk.
// d.Kind, d.ClientID, d.Title and d.Markdown must be set; the returned
// Document has its id, hash, path and time filled in.
func (s *Store) ExportDocument(ctx context.Context, d Document, path string) (Document, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return d, fmt.Errorf("export %s: %w", path, err)
	}
	if err := writeFileAtomic(abs, []byte(d.Markdown)); err != nil {
		return d, fmt.Errorf("export %s: %w", path, err)
	}
	d.ExportedPath, d.SHA256, d.CreatedAt = abs, SHA256Hex([]byte(d.Markdown)), s.now()
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		id, err := RecordDocument(ctx, tx, d)
		if err != nil {
			return err
		}
		d.ID = id
		_, err = LogCommunication(ctx, tx, Communication{ClientID: d.ClientID, At: d.CreatedAt, Channel: "letter",
			Direction: "outbound", DocumentID: id,
			Summary: fmt.Sprintf("%s exported to %s (SHA-256 %s)", d.Title, abs, d.SHA256)})
		return err
	})
	if err != nil {
		return d, fmt.Errorf("record the export of %s: %w", path, err)
	}
	return d, nil
}

// writeFileAtomic writes b to path through a temporary file in the same
// folder, synced before it is renamed into place.
func writeFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".offboard-export-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
