package store

import (
	"context"
	"fmt"
	"time"
)

// Import is one row of the imports table.
type Import struct {
	Kind, File, SHA256, Preset     string
	Rows, New, Unchanged, Rejected int
	At                             time.Time
	// OptionsSHA256 fingerprints the options the file was read with; ""
	// when they could not be, and the import is never repeated unread.
	OptionsSHA256 string
}

// Imports lists the recorded imports, newest first, so the owner can see
// what data a score stands on.
func (s *Store) Imports(ctx context.Context) ([]Import, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, file_name, sha256, preset, rows_total, rows_new, rows_unchanged,
        rows_rejected, imported_at FROM imports ORDER BY imported_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list imports: %w", err)
	}
	defer rows.Close()
	var out []Import
	for rows.Next() {
		var im Import
		var at string
		if err := rows.Scan(&im.Kind, &im.File, &im.SHA256, &im.Preset, &im.Rows, &im.New, &im.Unchanged, &im.Rejected, &at); err != nil {
			return nil, fmt.Errorf("list imports: %w", err)
		}
		im.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, im)
	}
	return out, rows.Err()
}
