package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ImportCounts tells how many rows an import inserted, updated or found
// already as they are.
type ImportCounts struct {
	New, Updated, Unchanged int
}

// ImportTx writes the rows of one import of one kind in one transaction on
// a connection tuned for a bulk load: all or nothing, and a no-op for rows
// already present with the same values. The caller reads and checks the
// file; ImportTx only turns rows into SQL. Close it when done; without
// Commit it writes nothing.
type ImportTx struct {
	s       *Store
	ctx     context.Context
	conn    *sql.Conn
	tx      *sql.Tx
	restore func()
	stmts   map[string]*sql.Stmt
	// lookups are a time import's ticket lookups, nil until the first.
	lookups *ticketLookups
	roll    *MonthSums
	// batch writes the rows of a kind inserted in batches, as times or
	// tickets; nil for the other kinds.
	batch   batcher
	times   *rowBatch[queuedTime]
	tickets *rowBatch[queuedTicket]
	counts  ImportCounts
	// rebuildIndexes restores indexes dropped for a bulk load.
	rebuildIndexes func() error
}

// outcome is what writing one row did.
type outcome int

const (
	unchanged outcome = iota
	inserted
	updated
)

// BeginImport starts the transaction of an import of one kind (see
// kindTables for the names).
func (s *Store) BeginImport(ctx context.Context, kind string) (*ImportTx, error) {
	table, ok := kindTables[kind]
	if !ok {
		return nil, fmt.Errorf("begin import: unknown kind %q", kind)
	}
	t := &ImportTx{s: s, ctx: ctx, stmts: map[string]*sql.Stmt{}, roll: NewMonthSums(), restore: func() {}}
	if err := t.begin(kind, table); err != nil {
		t.Close()
		return nil, fmt.Errorf("begin import: %w", err)
	}
	return t, nil
}

func (t *ImportTx) begin(kind, table string) error {
	var err error
	if t.conn, err = t.s.db.Conn(t.ctx); err != nil {
		return err
	}
	restore, err := tuneForImport(t.ctx, t.conn)
	if err != nil {
		return err
	}
	t.restore = restore
	if t.tx, err = t.s.Begin(t.ctx, t.conn); err != nil {
		return err
	}
	switch kind {
	case "time":
		if t.times, err = startBatch[queuedTime](t.ctx, t, timeTable{}); err != nil {
			return err
		}
		t.batch = t.times
	case "tickets":
		if t.tickets, err = startBatch[queuedTicket](t.ctx, t, ticketTable{}); err != nil {
			return err
		}
		t.batch = t.tickets
	}
	t.rebuildIndexes, err = deferIndexes(t.ctx, t.tx, table)
	return err
}

// Close ends the import: it stops the writing goroutine, rolls back what
// was not committed and hands the connection back as it was.
func (t *ImportTx) Close() {
	t.endLookups()
	if t.batch != nil {
		_ = t.batch.finish()
	}
	if t.tx != nil {
		_ = t.tx.Rollback()
	}
	t.restore()
	if t.conn != nil {
		_ = t.conn.Close()
	}
}

// Now is the store's clock, for the rows an import stamps.
func (t *ImportTx) Now() time.Time { return t.s.now() }

// Counts returns what the rows written so far did; time entries and
// tickets count once Flush has returned.
func (t *ImportTx) Counts() ImportCounts { return t.counts }

// count adds a row's outcome to the counts.
func (t *ImportTx) count(out outcome) {
	switch out {
	case inserted:
		t.counts.New++
	case updated:
		t.counts.Updated++
	case unchanged:
		t.counts.Unchanged++
	}
}

// Finish rebuilds the indexes dropped for the load, derives paid dates
// from payments when derivePaid, and brings the monthly roll-up up to date.
// It returns how many invoices got a paid date.
func (t *ImportTx) Finish(derivePaid bool) (int, error) {
	if err := t.rebuildIndexes(); err != nil {
		return 0, err
	}
	var derived int
	if derivePaid {
		ids, err := derivePaidDates(t.ctx, t.tx)
		if err != nil {
			return 0, err
		}
		if err := reconcileBalances(t.ctx, t.tx); err != nil {
			return 0, err
		}
		derived = len(ids)
		t.roll.markDirty(ids...)
	}
	return derived, t.roll.Apply(t.ctx, t.tx)
}

// Record adds the import to the imports table, with the state its table
// is left in, and returns when a file with the same content was last
// imported as the same kind, if ever.
func (t *ImportTx) Record(im Import) (time.Time, error) {
	var prev sql.NullString
	var was time.Time
	if err := t.tx.QueryRowContext(t.ctx, "SELECT max(imported_at) FROM imports WHERE sha256 = ? AND kind = ?",
		im.SHA256, im.Kind).Scan(&prev); err != nil {
		return was, fmt.Errorf("read earlier imports: %w", err)
	}
	if prev.Valid {
		was, _ = time.Parse(time.RFC3339, prev.String)
	}
	state, err := t.tableState(im.Kind)
	if err != nil {
		return was, err
	}
	if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO imports (kind, file_name, sha256, preset, rows_total, rows_new,
        rows_unchanged, rows_rejected, imported_at, options_sha256, table_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		im.Kind, im.File, im.SHA256, im.Preset, im.Rows, im.New, im.Unchanged, im.Rejected, Timestamp(im.At),
		im.OptionsSHA256, state); err != nil {
		return was, fmt.Errorf("record the import: %w", err)
	}
	return was, nil
}

// Commit seals the ledger entries the import's rows made and commits.
func (t *ImportTx) Commit() error {
	if err := t.s.sealLedger(t.ctx, t.tx); err != nil {
		return err
	}
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// stmt prepares a statement once per import.
func (t *ImportTx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(t.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	t.stmts[query] = st
	return st, nil
}

// upsert inserts a row or, when its natural key exists, updates it if any
// value differs, and counts what it did. The update's WHERE clause must
// match only a row whose values differ, so that zero rows affected means
// unchanged.
func (t *ImportTx) upsert(insert string, insertArgs []any, update string, updateArgs []any) (outcome, error) {
	ok, err := t.insert(insert, insertArgs)
	if err != nil {
		return 0, err
	}
	out := inserted
	if !ok {
		if out, err = t.update(update, updateArgs); err != nil {
			return 0, err
		}
	}
	t.count(out)
	return out, nil
}

// insert runs an INSERT ... ON CONFLICT DO NOTHING and reports whether it
// wrote a row.
func (t *ImportTx) insert(query string, args []any) (bool, error) {
	st, err := t.stmt(query)
	if err != nil {
		return false, err
	}
	r, err := st.ExecContext(t.ctx, args...)
	if err != nil {
		return false, err
	}
	n, err := r.RowsAffected()
	return n > 0, err
}

// update runs an UPDATE that matches only a row whose values differ.
func (t *ImportTx) update(query string, args []any) (outcome, error) {
	st, err := t.stmt(query)
	if err != nil {
		return 0, err
	}
	r, err := st.ExecContext(t.ctx, args...)
	if err != nil {
		return 0, err
	}
	if n, err := r.RowsAffected(); n == 0 || err != nil {
		return unchanged, err
	}
	return updated, nil
}

// queryRows runs a query prepared once per import and hands each row to
// scan.
func (t *ImportTx) queryRows(query string, args []any, scan func(*sql.Rows) error) error {
	st, err := t.stmt(query)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(t.ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// owner returns the client of the existing row a query selects, before an
// update may move the row to another client.
func (t *ImportTx) owner(query string, args ...any) (int64, error) {
	st, err := t.stmt(query)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := st.QueryRowContext(t.ctx, args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

// reconcileBalances sets the balance of every invoice whose export did not
// state one to its amount less the payments recorded against it, never
// below zero. It reads only stored rows, so invoices and payments imported
// in either order come to the same balance. Drafts, voids and credit notes
// keep theirs.
func reconcileBalances(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
WITH paid AS (
    SELECT invoice_number, sum(amount_minor) AS total FROM payments
    WHERE invoice_number <> '' GROUP BY invoice_number
),
owed AS (
    SELECT i.id, max(i.amount_minor - coalesce(p.total, 0), 0) AS balance
    FROM invoices i LEFT JOIN paid p ON p.invoice_number = i.number
    WHERE i.balance_stated = 0 AND i.amount_minor > 0 AND i.status NOT IN ('draft', 'void')
)
UPDATE invoices SET balance_minor = owed.balance
FROM owed WHERE invoices.id = owed.id AND invoices.balance_minor IS NOT owed.balance`)
	if err != nil {
		return fmt.Errorf("reconcile invoice balances: %w", err)
	}
	return nil
}

// derivePaidDates fills in the paid date of invoices the exports left
// unpaid, as the date of the payment that brought the payments for the
// invoice up to its amount, and returns the clients whose invoices changed.
func derivePaidDates(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `
WITH run AS (
    SELECT invoice_number, paid_on,
           sum(amount_minor) OVER (PARTITION BY invoice_number ORDER BY paid_on, id) AS total
    FROM payments WHERE invoice_number <> ''
),
done AS (
    SELECT r.invoice_number, min(r.paid_on) AS paid_on
    FROM run r JOIN invoices i ON i.number = r.invoice_number
    WHERE i.paid_on IS NULL AND i.amount_minor > 0 AND r.total >= i.amount_minor
      AND i.status NOT IN ('draft', 'void')
    GROUP BY r.invoice_number
)
UPDATE invoices SET paid_on = done.paid_on, balance_minor = 0
FROM done WHERE invoices.number = done.invoice_number
RETURNING invoices.client_id`)
	if err != nil {
		return nil, fmt.Errorf("derive paid dates: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("derive paid dates: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
