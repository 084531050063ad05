package store

import (
	"database/sql"
	"fmt"
	"time"
)

// timeTable is time_entries as a batchTable: keyed by source_hash.
type timeTable struct{}

func (timeTable) name() string { return "time_entries" }

func (timeTable) insert(n int) string {
	return "INSERT INTO time_entries (client_id, ticket_id, ticket_ref, worked_on, seconds, billable, technician, notes, source_hash) VALUES " +
		valueRows(n, 9) + " ON CONFLICT (source_hash) DO NOTHING"
}

func (timeTable) args(q *queuedTime, args []any) []any { return q.appendArgs(args) }

func (timeTable) key(q *queuedTime) string { return q.key }

func (timeTable) line(q *queuedTime) int { return q.line }

func (timeTable) insertedSince(t *ImportTx, id int64) (map[string]bool, error) {
	return keysAbove(t, "SELECT source_hash FROM time_entries WHERE id > ?", id, func(r *sql.Rows) (string, error) {
		var k string
		return k, r.Scan(&k)
	})
}

// TimeRow is a time entry as an import writes it, keyed by Key.
type TimeRow struct {
	// Line is where the entry is in its file, for errors.
	Line     int
	ClientID int64
	// TicketID is the ticket the entry is linked to, 0 for none; TicketRef
	// is the source's ticket number either way.
	TicketID  int64
	TicketRef string
	Worked    time.Time
	// Seconds is the time worked, to the second.
	Seconds    int
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
	seconds    int
	billable   bool
	technician string
	notes      string
	key        string
	scope      TicketScope
}

func (q *queuedTime) appendArgs(args []any) []any {
	return append(args, q.clientID, q.ticketID, q.ticketRef, q.workedOn, q.seconds, boolInt(q.billable), q.technician, q.notes, q.key)
}

// QueueTime queues a time entry, to be written with others by the
// inserting goroutine: an error may be that of an earlier batch.
func (t *ImportTx) QueueTime(r TimeRow) error {
	q := queuedTime{line: r.Line, clientID: r.ClientID, ticketRef: r.TicketRef, workedOn: Date(r.Worked),
		seconds: r.Seconds, billable: r.Billable, technician: r.Technician, notes: r.Notes, key: r.Key,
		scope: r.Scope}
	if r.TicketID != 0 {
		q.ticketID = r.TicketID
	}
	t.roll.AddTime(q.clientID, q.workedOn, q.seconds, q.billable, q.scope)
	return t.times.queue(q)
}

// settle compares the entries whose key was taken with the stored rows,
// read in one query, and updates those that differ.
func (timeTable) settle(t *ImportTx, back *MonthSums, taken []*queuedTime) error {
	stored, err := t.storedTimes(taken)
	if err != nil {
		return err
	}
	for _, q := range taken {
		back.AddTime(q.clientID, q.workedOn, -q.seconds, q.billable, q.scope)
		was, ok := stored[q.key]
		if ok && was == q.stored() {
			t.count(unchanged)
			continue
		}
		out, err := t.update(`UPDATE time_entries SET client_id = ?1, ticket_id = ?2, ticket_ref = ?3, worked_on = ?4, seconds = ?5,
        billable = ?6, technician = ?7, notes = ?8
    WHERE source_hash = ?9 AND (client_id IS NOT ?1 OR ticket_id IS NOT ?2 OR ticket_ref IS NOT ?3
        OR worked_on IS NOT ?4 OR seconds IS NOT ?5 OR billable IS NOT ?6 OR technician IS NOT ?7 OR notes IS NOT ?8)`,
			q.appendArgs(nil))
		if err != nil {
			return fmt.Errorf("line %d: %w", q.line, err)
		}
		if out == updated {
			// The entry may have moved from another client, whose months
			// change too.
			back.markDirty(q.clientID, was.clientID)
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
	seconds             int
	billable            bool
	technician, notes   string
}

// stored is what the database would hold of the entry.
func (q *queuedTime) stored() storedTime {
	t := storedTime{clientID: q.clientID, ticketRef: q.ticketRef, workedOn: q.workedOn, seconds: q.seconds,
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
	out := make(map[string]storedTime, len(keys))
	err := t.queryRows(`SELECT source_hash, client_id, ticket_id, ticket_ref, worked_on, seconds, billable,
        technician, notes FROM time_entries WHERE source_hash IN `+valueRows(1, len(keys)), keys, func(r *sql.Rows) error {
		var key string
		var t storedTime
		if err := r.Scan(&key, &t.clientID, &t.ticketID, &t.ticketRef, &t.workedOn, &t.seconds, &t.billable,
			&t.technician, &t.notes); err != nil {
			return err
		}
		out[key] = t
		return nil
	})
	return out, err
}
