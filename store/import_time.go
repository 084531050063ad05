package store

import (
	"context"
	"database/sql"
	"fmt"

	"offboard/importer"
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

// queuedTime is a time entry read and checked, waiting for its batch.
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
	// outOfScope is the flag of the ticket the entry is linked to.
	outOfScope bool
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
// the writer's statements and result counts, and keeps its own roll-up
// corrections in back; the transaction serialises its statements with the
// reader's (clients added by CreateClients).
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
func (w *importWriter) insertBatches() {
	b := w.times
	defer close(b.done)
	for batch := range b.full {
		if b.err == nil {
			if b.err = w.insertTimes(batch); b.err != nil {
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
func (w *importWriter) sendTimes() error {
	b := w.times
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

func (w *importWriter) timeEntry(r importer.TimeRecord) (outcome, error) {
	var clientID int64
	var err error
	if !r.Client.IsZero() {
		if clientID, err = w.resolveClient(r.Client, r.Line()); err != nil {
			return 0, err
		}
	}
	q := queuedTime{line: r.Line(), ticketRef: r.Ticket, workedOn: Date(r.Worked), minutes: r.Minutes,
		billable: r.Billable, technician: r.Technician, notes: r.Notes, key: r.Key()}
	if r.Ticket != "" {
		links := w.tickets[r.Ticket]
		var match []ticketLink
		for _, l := range links {
			if clientID == 0 || l.clientID == clientID {
				match = append(match, l)
			}
		}
		switch {
		case len(match) == 1:
			q.ticketID = match[0].id
			q.outOfScope = match[0].outOfScope
			clientID = match[0].clientID
		case clientID == 0 && len(match) == 0:
			return 0, w.rowErr(r.Line(), "", "ticket %q is not in the database and the row names no client; import the tickets first", r.Ticket)
		case clientID == 0:
			return 0, w.rowErr(r.Line(), "", "ticket %q belongs to %d clients; add a client column", r.Ticket, len(match))
		}
	}
	q.clientID = clientID
	next := w.times.next
	next.rows = append(next.rows, q)
	next.args = q.appendArgs(next.args)
	w.roll.AddTime(q.clientID, q.workedOn, q.minutes, q.billable, q.outOfScope)
	return queued, nil
}

// insertTimes inserts a batch of time entries in one statement, then
// updates those whose natural key was already taken, in file order, so the
// outcome is that of writing them one by one.
func (w *importWriter) insertTimes(batch *timeRows) error {
	b, rows := w.times, batch.rows
	query := fullTimeInsert
	if len(rows) < timeBatchRows {
		query = timeInsert(len(rows))
	}
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	lines := fmt.Sprintf("import %s lines %d-%d", w.file, rows[0].line, rows[len(rows)-1].line)
	res, err := st.ExecContext(w.ctx, batch.args...)
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	var fresh map[string]bool
	if int(n) < len(rows) {
		if fresh, err = w.insertedSince(b.lastID); err != nil {
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
			w.count(inserted)
			continue
		}
		taken = append(taken, q)
	}
	if len(taken) == 0 {
		return nil
	}
	stored, err := w.storedTimes(taken)
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	for _, q := range taken {
		b.back.AddTime(q.clientID, q.workedOn, -q.minutes, q.billable, q.outOfScope)
		was, ok := stored[q.key]
		if ok && was == q.stored() {
			w.count(unchanged)
			continue
		}
		out, err := w.update(`UPDATE time_entries SET client_id = ?1, ticket_id = ?2, ticket_ref = ?3, worked_on = ?4, minutes = ?5,
        billable = ?6, technician = ?7, notes = ?8
    WHERE source_hash = ?9 AND (client_id IS NOT ?1 OR ticket_id IS NOT ?2 OR ticket_ref IS NOT ?3
        OR worked_on IS NOT ?4 OR minutes IS NOT ?5 OR billable IS NOT ?6 OR technician IS NOT ?7 OR notes IS NOT ?8)`,
			q.appendArgs(nil))
		if err != nil {
			return fmt.Errorf("import %s line %d: %w", w.file, q.line, err)
		}
		if out == updated {
			// The entry may have moved from another client, whose months
			// change too.
			b.back.markDirty(q.clientID, was.clientID)
			stored[q.key] = q.stored()
		}
		w.count(out)
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
func (w *importWriter) storedTimes(entries []*queuedTime) (map[string]storedTime, error) {
	keys := make([]any, len(entries))
	for i, q := range entries {
		keys[i] = q.key
	}
	st, err := w.stmt(`SELECT source_hash, client_id, ticket_id, ticket_ref, worked_on, minutes, billable,
        technician, notes FROM time_entries WHERE source_hash IN ` + valueRows(1, len(keys)))
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(w.ctx, keys...)
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
func (w *importWriter) insertedSince(id int64) (map[string]bool, error) {
	rows, err := w.tx.QueryContext(w.ctx, "SELECT source_hash FROM time_entries WHERE id > ?", id)
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
