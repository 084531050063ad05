package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// batch inserts rows of one table many at a time through prepared
// multi-row statements, so a million rows cost thousands of statement runs,
// not a million; rows are streamed, so memory stays flat whatever the size.
// Statements exist for every power of two up to the full size, so an early
// flush of a part-filled batch runs a few prepared statements instead of
// parsing a new one.
type batch struct {
	ctx    context.Context
	tx     *sql.Tx
	table  string
	cols   int
	head   string
	rows   int         // rows per full statement, a power of two
	stmts  []*sql.Stmt // stmts[i] inserts 1<<i rows
	args   []any
	n      int    // rows waiting in args
	total  int    // rows written so far
	before *batch // rows this table references, flushed first
}

// maxArgs stays under SQLite's limit on bound parameters per statement.
const maxArgs = 30000

func newBatch(ctx context.Context, tx *sql.Tx, table string, columns []string, before *batch) (*batch, error) {
	b := &batch{ctx: ctx, tx: tx, table: table, cols: len(columns), before: before,
		head: "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "}
	for size := 1; size <= 512 && size*len(columns) <= maxArgs; size *= 2 {
		st, err := tx.PrepareContext(ctx, b.statement(size))
		if err != nil {
			b.close()
			return nil, fmt.Errorf("prepare insert into %s: %w", table, err)
		}
		b.stmts = append(b.stmts, st)
		b.rows = size
	}
	b.args = make([]any, 0, b.rows*b.cols)
	return b, nil
}

func (b *batch) statement(rows int) string {
	one := "(" + strings.Repeat("?, ", b.cols-1) + "?)"
	var sb strings.Builder
	sb.Grow(len(b.head) + rows*(len(one)+2))
	sb.WriteString(b.head)
	for i := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(one)
	}
	return sb.String()
}

// add queues one row; its values must be in column order.
func (b *batch) add(values ...any) error {
	if len(values) != b.cols {
		return fmt.Errorf("insert into %s: %d values for %d columns", b.table, len(values), b.cols)
	}
	b.args = append(b.args, values...)
	b.n++
	if b.n == b.rows {
		return b.flush()
	}
	return nil
}

// flush writes the queued rows.
func (b *batch) flush() error {
	if b.n == 0 {
		return nil
	}
	if b.before != nil {
		if err := b.before.flush(); err != nil {
			return err
		}
	}
	args := b.args
	for i := len(b.stmts) - 1; i >= 0; i-- {
		size := 1 << i
		for len(args) >= size*b.cols {
			if _, err := b.stmts[i].ExecContext(b.ctx, args[:size*b.cols]...); err != nil {
				return fmt.Errorf("insert into %s: %w", b.table, err)
			}
			args = args[size*b.cols:]
		}
	}
	b.total += b.n
	b.n = 0
	clear(b.args)
	b.args = b.args[:0]
	return nil
}

func (b *batch) close() {
	for _, st := range b.stmts {
		st.Close()
	}
}

// writer holds the batches of the high-volume tables.
type writer struct {
	tickets, entries, invoices, payments, snapshots, upgrades *batch
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{}
	var err error
	mk := func(table string, before *batch, cols ...string) *batch {
		if err != nil {
			return nil
		}
		var b *batch
		b, err = newBatch(ctx, tx, table, cols, before)
		return b
	}
	w.tickets = mk("tickets", nil, "id", "client_id", "external_id", "opened_at", "opened_tz", "closed_at",
		"priority", "status", "after_hours", "out_of_scope", "summary", "category", "user_support")
	w.entries = mk("time_entries", w.tickets, "client_id", "ticket_id", "ticket_ref", "worked_on", "seconds",
		"billable", "technician", "notes")
	w.invoices = mk("invoices", nil, "client_id", "number", "issued_on", "due_on", "paid_on", "amount_minor",
		"balance_minor", "currency", "status")
	w.payments = mk("payments", nil, "client_id", "invoice_number", "paid_on", "amount_minor", "currency",
		"method", "reference")
	w.snapshots = mk("security_snapshots", nil, "client_id", "taken_on", "mfa_pct", "patch_pct", "eol_devices",
		"total_devices", "backup_status")
	w.upgrades = mk("upgrade_recommendations", nil, "client_id", "title", "proposed_on", "decided_on", "decision",
		"estimate_minor", "note")
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *writer) all() []*batch {
	return []*batch{w.tickets, w.entries, w.invoices, w.payments, w.snapshots, w.upgrades}
}

func (w *writer) flush() error {
	for _, b := range w.all() {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) close() {
	for _, b := range w.all() {
		if b != nil {
			b.close()
		}
	}
}
