package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// ticketTable is tickets as a batchTable: keyed by the client and the
// ticket's number, or, for a ticket exported without one, by its content
// key.
type ticketTable struct{}

// queuedTicket is a ticket waiting for its batch, with the values as
// stored.
type queuedTicket struct {
	line     int
	clientID int64
	// ext and hash are the ticket's number and content key, "" when
	// absent; exactly one is set.
	ext, hash                 string
	openedAt, openedTZ        string
	closedAt                  any
	priority, status, summary string
	afterHours                bool
	// outOfScope is nil when the source does not say.
	outOfScope  *bool
	category    string
	userSupport bool
}

// QueueTicket queues a ticket, to be written with others by the inserting
// goroutine, and keeps its client's months current: an error may be that
// of an earlier batch.
func (t *ImportTx) QueueTicket(r TicketRow) error {
	q := queuedTicket{line: r.Line, clientID: r.ClientID, ext: r.ExternalID, openedAt: Timestamp(r.Opened),
		openedTZ: r.OpenedTZ, closedAt: nullTime(r.Closed), priority: r.Priority, status: r.Status,
		summary: r.Summary, afterHours: r.AfterHours, outOfScope: r.OutOfScope, category: r.Category,
		userSupport: r.UserSupport}
	if r.ExternalID == "" {
		q.hash = r.SourceHash
	}
	t.roll.countTicket(1, q.clientID, q.openedAt, q.priority, q.afterHours, q.scope())
	return t.tickets.queue(q)
}

// scope is the ticket's scope as a new ticket has it.
func (q *queuedTicket) scope() TicketScope {
	return TicketScope{OutOfScope: q.outOfScope != nil && *q.outOfScope, UserSupport: q.userSupport}
}

func (ticketTable) name() string { return "tickets" }

func (ticketTable) insert(n int) string {
	return `INSERT INTO tickets (client_id, external_id, opened_at, opened_tz, closed_at, priority, status,
        after_hours, out_of_scope, summary, category, user_support, source_hash) VALUES ` + valueRows(n, 13) +
		" ON CONFLICT DO NOTHING"
}

func (ticketTable) args(q *queuedTicket, args []any) []any {
	return append(args, q.clientID, nullString(q.ext), q.openedAt, q.openedTZ, q.closedAt, q.priority, q.status,
		boolInt(q.afterHours), boolInt(q.outOfScope != nil && *q.outOfScope), q.summary, q.category,
		boolInt(q.userSupport), nullString(q.hash))
}

// ticketKey is a ticket's natural key as one string: the client and the
// number, or the content key, which holds no unit separator.
func ticketKey(clientID int64, ext, hash string) string {
	if ext == "" {
		return "\x1f" + hash
	}
	return strconv.FormatInt(clientID, 10) + "\x1f" + ext
}

func (ticketTable) key(q *queuedTicket) string { return ticketKey(q.clientID, q.ext, q.hash) }

func (ticketTable) line(q *queuedTicket) int { return q.line }

func (ticketTable) insertedSince(t *ImportTx, id int64) (map[string]bool, error) {
	return keysAbove(t, "SELECT client_id, coalesce(external_id, ''), coalesce(source_hash, '') FROM tickets WHERE id > ?", id,
		func(r *sql.Rows) (string, error) {
			var client int64
			var ext, hash string
			err := r.Scan(&client, &ext, &hash)
			return ticketKey(client, ext, hash), err
		})
}

// storedTicket is what the database holds of a ticket, as the import
// compares it.
type storedTicket struct {
	openedAt, openedTZ        string
	closedAt                  sql.NullString
	priority, status, summary string
	afterHours, outOfScope    bool
	category                  string
	userSupport               bool
}

// after is what the database would hold of the ticket once q is written
// over it: a source silent on scope or category keeps the stored ones.
func (q *queuedTicket) after(was storedTicket) storedTicket {
	now := storedTicket{openedAt: q.openedAt, openedTZ: q.openedTZ, priority: q.priority, status: q.status,
		summary: q.summary, afterHours: q.afterHours, outOfScope: was.outOfScope, category: was.category,
		userSupport: was.userSupport}
	if c, ok := q.closedAt.(string); ok {
		now.closedAt = sql.NullString{String: c, Valid: true}
	}
	if q.outOfScope != nil {
		now.outOfScope = *q.outOfScope
	}
	if q.category != "" {
		now.category, now.userSupport = q.category, q.userSupport
	}
	return now
}

// settle compares the tickets whose key was taken with the stored rows,
// read in one query, and updates those that differ. A ticket keyed by
// content whose key is held by another client's ticket is left as it is.
func (ticketTable) settle(t *ImportTx, back *MonthSums, taken []*queuedTicket) error {
	stored, err := t.storedTickets(taken)
	if err != nil {
		return err
	}
	for _, q := range taken {
		back.countTicket(-1, q.clientID, q.openedAt, q.priority, q.afterHours, q.scope())
		k := ticketKey(q.clientID, q.ext, q.hash)
		was, ok := stored[k]
		if !ok || q.after(was) == was {
			t.count(unchanged)
			continue
		}
		keyColumn, keyValue := "external_id", q.ext
		if q.ext == "" {
			keyColumn, keyValue = "source_hash", q.hash
		}
		var oos any
		if q.outOfScope != nil {
			oos = boolInt(*q.outOfScope)
		}
		out, err := t.update(`UPDATE tickets SET opened_at = ?3, opened_tz = ?4, closed_at = ?5, priority = ?6, status = ?7,
        after_hours = ?8, out_of_scope = coalesce(?9, out_of_scope), summary = ?10,
        category = coalesce(nullif(?11, ''), category), user_support = iif(?11 = '', user_support, ?12)
    WHERE client_id = ?1 AND `+keyColumn+` = ?2`,
			[]any{q.clientID, keyValue, q.openedAt, q.openedTZ, q.closedAt, q.priority, q.status,
				boolInt(q.afterHours), oos, q.summary, q.category, boolInt(q.userSupport)})
		if err != nil {
			return fmt.Errorf("line %d: %w", q.line, err)
		}
		if out == updated {
			// Its time entries' out-of-scope and user-support minutes may
			// change with it.
			back.markDirty(q.clientID)
			stored[k] = q.after(was)
		}
		t.count(out)
	}
	return nil
}

// storedTickets reads the stored tickets holding the tickets' keys, those
// keyed by number in one query and those keyed by content in another, so
// that those unchanged cost no statement of their own.
func (t *ImportTx) storedTickets(tickets []*queuedTicket) (map[string]storedTicket, error) {
	var byExt, byHash []any
	for _, q := range tickets {
		if q.ext != "" {
			byExt = append(byExt, q.clientID, q.ext)
		} else {
			byHash = append(byHash, q.clientID, q.hash)
		}
	}
	out := make(map[string]storedTicket, len(tickets))
	for _, by := range []struct {
		column string
		keys   []any
	}{{"external_id", byExt}, {"source_hash", byHash}} {
		if len(by.keys) == 0 {
			continue
		}
		// A join, not a row-value IN: SQLite searches the unique index for
		// each pair of a VALUES list only when it is joined.
		err := t.queryRows(`SELECT t.client_id, coalesce(t.external_id, ''), coalesce(t.source_hash, ''), t.opened_at,
        t.opened_tz, t.closed_at, t.priority, t.status, t.summary, t.after_hours, t.out_of_scope, t.category,
        t.user_support
    FROM (VALUES `+valueRows(len(by.keys)/2, 2)+`) AS k JOIN tickets t ON t.client_id = k.column1 AND t.`+
			by.column+` = k.column2`, by.keys, func(r *sql.Rows) error {
			var client int64
			var ext, hash string
			var s storedTicket
			if err := r.Scan(&client, &ext, &hash, &s.openedAt, &s.openedTZ, &s.closedAt, &s.priority, &s.status,
				&s.summary, &s.afterHours, &s.outOfScope, &s.category, &s.userSupport); err != nil {
				return err
			}
			out[ticketKey(client, ext, hash)] = s
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read stored tickets by %s: %w", strings.TrimSuffix(by.column, "_id"), err)
		}
	}
	return out, nil
}
