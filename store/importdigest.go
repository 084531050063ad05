package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// unchangedDepends names, for each kind whose import may be recorded
// without reading its rows again, the kinds of import whose writes change
// what it would write: its own table, the clients its rows are resolved
// to, and for time entries the tickets they are linked to. Other kinds are
// small, or change other tables as they go (payments settle invoices), and
// are always read.
var unchangedDepends = map[string][]string{
	"tickets": {"tickets", "clients"},
	"time":    {"time", "tickets", "clients"},
}

// tableState describes a table as an import left it: its row count and
// highest id, and the last entry of the record about clients or purges
// (every change to a client, its time zone or its data goes through the
// record). Two equal states with no import between them that changed
// rows mean the database holds what the first import wrote.
// It is "" for the kinds always read.
func (t *ImportTx) tableState(kind string) (string, error) {
	if _, ok := unchangedDepends[kind]; !ok {
		return "", nil
	}
	table := kindTables[kind]
	var rows, maxID, seq int64
	if err := t.tx.QueryRowContext(t.ctx, "SELECT count(*), coalesce(max(id), 0) FROM "+table).Scan(&rows, &maxID); err != nil {
		return "", fmt.Errorf("read the state of %s: %w", table, err)
	}
	if err := t.tx.QueryRowContext(t.ctx, "SELECT coalesce(max(seq), 0) FROM ledger WHERE ref_table IN ('clients', 'purges')").Scan(&seq); err != nil {
		return "", fmt.Errorf("read the record: %w", err)
	}
	return fmt.Sprintf("rows %d, last id %d, record %d", rows, maxID, seq), nil
}

// Unchanged returns the import that a new import of a file of kind, with
// the file's SHA-256 and its options' fingerprint, would repeat exactly: the
// last import of that file with those options, if it rejected no row, and if
// since then no import of a kind it depends on changed a row, nothing
// changed a client or purged data, and its table is as that import left
// it. ok is false when the file must be read.
func (t *ImportTx) Unchanged(kind, sha256, options string) (im Import, ok bool, err error) {
	deps, known := unchangedDepends[kind]
	if !known || options == "" {
		return im, false, nil
	}
	var id int64
	var at, state string
	err = t.tx.QueryRowContext(t.ctx, `SELECT id, kind, file_name, sha256, preset, rows_total, rows_new, rows_unchanged,
        rows_rejected, imported_at, table_state FROM imports
    WHERE kind = ? AND sha256 = ? AND options_sha256 = ? ORDER BY id DESC LIMIT 1`, kind, sha256, options).Scan(
		&id, &im.Kind, &im.File, &im.SHA256, &im.Preset, &im.Rows, &im.New, &im.Unchanged, &im.Rejected, &at, &state)
	if errors.Is(err, sql.ErrNoRows) {
		return im, false, nil
	}
	if err != nil {
		return im, false, fmt.Errorf("read earlier imports: %w", err)
	}
	im.At, _ = time.Parse(time.RFC3339, at)
	if im.Rejected > 0 || state == "" {
		return im, false, nil
	}
	// An import that changed rows counts new or updated ones: those it
	// found unchanged and rejected are not all of its rows.
	var changed bool
	err = t.tx.QueryRowContext(t.ctx, `SELECT EXISTS (SELECT 1 FROM imports WHERE id > ? AND kind IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(deps)), ", ")+`) AND rows_total > rows_unchanged + rows_rejected)`,
		append([]any{id}, stringsAsArgs(deps)...)...).Scan(&changed)
	if err != nil {
		return im, false, fmt.Errorf("read later imports: %w", err)
	}
	if changed {
		return im, false, nil
	}
	now, err := t.tableState(kind)
	if err != nil {
		return im, false, err
	}
	return im, now == state, nil
}

func stringsAsArgs(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
