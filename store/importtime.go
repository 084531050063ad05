package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// timeBatchRows is how many time entries one INSERT writes (see
// valueRows); 100 rows of 9 values stay well inside SQLite's limit on
// parameters.
const timeBatchRows = 100

// timeInsert inserts n time entries, skipping those whose key is taken,
// with the values in the order queuedTime.appendArgs gives them.
func timeInsert(n int) string {
	return "INSERT INTO time_entries (client_id, ticket_id, ticket_ref, worked_on, minutes, billable, technician, notes, source_hash) VALUES " +
		valueRows(n, 9) + " ON CONFLICT (source_hash) DO NOTHING"
}

// fullTimeInsert is the statement of a full batch, built once.
var fullTimeInsert = timeInsert(timeBatchRows)

// TimeRow is a time entry as an import writes it, keyed by Key.
type TimeRow struct {
	// Line is where the entry is in its file, for errors.
	Line     int
	ClientID int64
	// TicketID is the ticket the entry is linked to, 0 for none; TicketRef
	// is the source's ticket number either way.
	TicketID   int64
	TicketRef  string
	Worked     time.Time
	Minutes    int
	Billable   bool
	Technician string
	Notes      string
	Key        string
	// Scope is that of the ticket the entry is linked to.
	Scope TicketScope
}

// queuedTime is a time entry waiting for its batch, with the values as
// stored.
type queuedTime struct {
	line       int
	clientID   int64
	ticketID   any
	ticketRef  string
	workedOn   string
	minutes    int
	billable   bool
	technician string
	notes      string
	key        string
	scope      TicketScope
}

func (q *queuedTime) appendArgs(args []any) []any {
	return append(args, q.clientID, q.ticketID, q.ticketRef, q.workedOn, q.minutes, boolInt(q.billable), q.technician, q.notes, q.key)
}

// timeRows is a batch of time entries with the statement's arguments.
type timeRows struct {
	rows []queuedTime
	args []any
}

// timeBatch queues time entries and hands them a batch at a time to a
// goroutine that inserts them, so that reading the file and writing the
// database take a core each: the reader does all it can before a batch
// leaves (checks, arguments, the roll-up's sums, as if every entry were
// new). Until the batches are finished, the inserting goroutine alone uses
// the ImportTx's prepared statements and counts, and keeps its own roll-up
// corrections in back; the transaction serialises its statements with the
// reader's (clients added by CreateClient, ticket lookups).
type timeBatch struct {
	// next is the batch being filled by the reader.
	next *timeRows
	// full carries batches to the inserting goroutine; spare brings them
	// back for reuse.
	full, spare chan *timeRows
	// back takes back the sums of entries that were not new, and marks the
	// clients of updated ones dirty.
	back *MonthSums
	// failed is closed when an insert fails, done when the goroutine ends;
	// err is set before either.
	failed, done chan struct{}
	err          error
	finished     bool
	// lastID is the highest time_entries id before the next batch: SQLite
	// numbers new rows upwards from the highest id, so the rows a batch
	// inserted are those above it.
	lastID int64
}

func newTimeBatch(ctx context.Context, tx *sql.Tx) (*timeBatch, error) {
	b := &timeBatch{next: newTimeRows(), full: make(chan *timeRows, 2), spare: make(chan *timeRows, 4),
		back: NewMonthSums(), failed: make(chan struct{}), done: make(chan struct{})}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM time_entries").Scan(&b.lastID); err != nil {
		return nil, fmt.Errorf("read time entries: %w", err)
	}
	return b, nil
}

func newTimeRows() *timeRows {
	return &timeRows{rows: make([]queuedTime, 0, timeBatchRows), args: make([]any, 0, 9*timeBatchRows)}
}

// insertBatches is the inserting goroutine. After a failure it only drains
// the batches, so the reader never blocks.
func (t *ImportTx) insertBatches() {
	b := t.times
	defer close(b.done)
	for batch := range b.full {
		if b.err == nil {
			if b.err = t.insertTimes(batch); b.err != nil {
				close(b.failed)
			}
		}
		batch.rows, batch.args = batch.rows[:0], batch.args[:0]
		select {
		case b.spare <- batch:
		default:
		}
	}
}

// sendTimes hands the queued entries to the inserting goroutine.
func (t *ImportTx) sendTimes() error {
	b := t.times
	if len(b.next.rows) == 0 {
		return nil
	}
	select {
	case b.full <- b.next:
	case <-b.failed:
		return b.err
	}
	select {
	case b.next = <-b.spare:
	default:
		b.next = newTimeRows()
	}
	return nil
}

// finish waits for the inserting goroutine to write every batch sent;
// it may be called more than once.
func (b *timeBatch) finish() error {
	if !b.finished {
		b.finished = true
		close(b.full)
		<-b.done
	}
	return b.err
}

// QueueTime queues a time entry, to be written with others by the
// inserting goroutine: an error may be that of an earlier batch.
func (t *ImportTx) QueueTime(r TimeRow) error {
	q := queuedTime{line: r.Line, clientID: r.ClientID, ticketRef: r.TicketRef, workedOn: Date(r.Worked),
		minutes: r.Minutes, billable: r.Billable, technician: r.Technician, notes: r.Notes, key: r.Key,
		scope: r.Scope}
	if r.TicketID != 0 {
		q.ticketID = r.TicketID
	}
	next := t.times.next
	next.rows = append(next.rows, q)
	next.args = q.appendArgs(next.args)
	t.roll.AddTime(q.clientID, q.workedOn, q.minutes, q.billable, q.scope)
	if len(next.rows) == timeBatchRows {
		return t.sendTimes()
	}
	return nil
}

// Flush writes the time entries still queued and waits until every one is
// written and counted.
func (t *ImportTx) Flush() error {
	if t.times == nil {
		return nil
	}
	if err := t.sendTimes(); err != nil {
		return err
	}
	if err := t.times.finish(); err != nil {
		return err
	}
	t.roll.merge(t.times.back)
	return nil
}

// insertTimes inserts a batch of time entries in one statement, then
// updates those whose natural key was already taken, in file order, so the
// outcome is that of writing them one by one.
func (t *ImportTx) insertTimes(batch *timeRows) error {
	b, rows := t.times, batch.rows
	query := fullTimeInsert
	if len(rows) < timeBatchRows {
		query = timeInsert(len(rows))
	}
	st, err := t.stmt(query)
	if err != nil {
		return err
	}
	lines := fmt.Sprintf("lines %d-%d", rows[0].line, rows[len(rows)-1].line)
	res, err := st.ExecContext(t.ctx, batch.args...)
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	var fresh map[string]bool
	if int(n) < len(rows) {
		if fresh, err = t.insertedSince(b.lastID); err != nil {
			return fmt.Errorf("%s: %w", lines, err)
		}
	}
	if n > 0 {
		if b.lastID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("%s: %w", lines, err)
		}
	}
	var taken []*queuedTime
	for i := range rows {
		q := &rows[i]
		// Of rows sharing a key, the first was inserted; the rest update it.
		if fresh == nil || fresh[q.key] {
			delete(fresh, q.key)
			t.count(inserted)
			continue
		}
		taken = append(taken, q)
	}
	if len(taken) == 0 {
		return nil
	}
	stored, err := t.storedTimes(taken)
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	for _, q := range taken {
		b.back.AddTime(q.clientID, q.workedOn, -q.minutes, q.billable, q.scope)
		was, ok := stored[q.key]
		if ok && was == q.stored() {
			t.count(unchanged)
			continue
		}
		out, err := t.update(`UPDATE time_entries SET client_id = ?1, ticket_id = ?2, ticket_ref = ?3, worked_on = ?4, minutes = ?5,
        billable = ?6, technician = ?7, notes = ?8
    WHERE source_hash = ?9 AND (client_id IS NOT ?1 OR ticket_id IS NOT ?2 OR ticket_ref IS NOT ?3
        OR worked_on IS NOT ?4 OR minutes IS NOT ?5 OR billable IS NOT ?6 OR technician IS NOT ?7 OR notes IS NOT ?8)`,
			q.appendArgs(nil))
		if err != nil {
			return fmt.Errorf("line %d: %w", q.line, err)
		}
		if out == updated {
			// The entry may have moved from another client, whose months
			// change too.
			b.back.markDirty(q.clientID, was.clientID)
			stored[q.key] = q.stored()
		}
		t.count(out)
	}
	return nil
}

// storedTime is what the database holds of a time entry.
type storedTime struct {
	clientID            int64
	ticketID            sql.NullInt64
	ticketRef, workedOn string
	minutes             int
	billable            bool
	technician, notes   string
}

// stored is what the database would hold of the entry.
func (q *queuedTime) stored() storedTime {
	t := storedTime{clientID: q.clientID, ticketRef: q.ticketRef, workedOn: q.workedOn, minutes: q.minutes,
		billable: q.billable, technician: q.technician, notes: q.notes}
	if id, ok := q.ticketID.(int64); ok {
		t.ticketID = sql.NullInt64{Int64: id, Valid: true}
	}
	return t
}

// storedTimes reads, in one query, the time entries holding the entries'
// keys, so that those unchanged cost no statement of their own.
func (t *ImportTx) storedTimes(entries []*queuedTime) (map[string]storedTime, error) {
	keys := make([]any, len(entries))
	for i, q := range entries {
		keys[i] = q.key
	}
	st, err := t.stmt(`SELECT source_hash, client_id, ticket_id, ticket_ref, worked_on, minutes, billable,
        technician, notes FROM time_entries WHERE source_hash IN ` + valueRows(1, len(keys)))
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(t.ctx, keys...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]storedTime, len(keys))
	for rows.Next() {
		var key string
		var t storedTime
		if err := rows.Scan(&key, &t.clientID, &t.ticketID, &t.ticketRef, &t.workedOn, &t.minutes, &t.billable,
			&t.technician, &t.notes); err != nil {
			return nil, err
		}
		out[key] = t
	}
	return out, rows.Err()
}

// insertedSince returns the keys of the time entries with ids above id.
func (t *ImportTx) insertedSince(id int64) (map[string]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT source_hash FROM time_entries WHERE id > ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		out[key] = true
	}
	return out, rows.Err()
}
