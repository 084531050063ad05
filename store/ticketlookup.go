package store

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TicketLink is a stored ticket a time entry may be linked to, found by
// Ref: its external id, or its content key when it has none (an offboard
// export writes that key in place of the id).
type TicketLink struct {
	ID, ClientID int64
	Ref          string
	// Scope is the ticket's, which the minutes logged against it take.
	Scope TicketScope
}

// TicketRef is a ticket number a time entry gives, with the client the
// entry names.
type TicketRef struct {
	ClientID int64
	Ref      string
}

// ticketLookupRefs is how many references one search statement takes; a
// shorter list is padded with rows that match nothing, so that one prepared
// statement serves every search.
const ticketLookupRefs = 512

// ticketSearch finds, for each (index, client, reference) row of its
// VALUES list, the client's ticket holding the reference: by number,
// through the UNIQUE (client_id, external_id) index, or by content key,
// through the source_hash one. The tickets found come back as one row of
// text, "index id scope" triples separated by spaces, the scope 1 for out
// of scope plus 2 for user support: a row read through database/sql costs
// far more than the few bytes it carries, and a lookup finds hundreds.
func ticketSearch(on string) string {
	return `SELECT coalesce(group_concat(v.column1 || ' ' || t.id || ' ' || (t.out_of_scope + 2 * t.user_support), ' '), '')
    FROM (VALUES ` + valueRows(ticketLookupRefs, 3) + `) v JOIN tickets t ON ` + on
}

var (
	ticketByNumber  = ticketSearch("t.client_id = v.column2 AND t.external_id = v.column3")
	ticketByContent = ticketSearch("t.source_hash = v.column3 AND t.client_id = v.column2 AND t.external_id IS NULL")
)

// ticketLookups are a time import's ticket lookups. They run on a
// connection of their own, in a read transaction begun once the import's
// transaction holds the write lock: no other writer can commit in between,
// and a time import writes no ticket, so the tickets it reads there are
// those its own transaction sees. On its own connection a lookup does not
// wait for the inserting goroutine's statements, nor they for it, and the
// reader and the inserter each keep a core busy.
type ticketLookups struct {
	conn                *sql.Conn
	tx                  *sql.Tx
	byNumber, byContent *sql.Stmt
	// inRange reads a client's numbered tickets over a range of numbers.
	inRange *sql.Stmt
	// contentKeyed is whether any stored ticket is keyed by content: when
	// none is, the second lookup could never match and is not run.
	contentKeyed bool
}

func (t *ImportTx) ticketLookups() (*ticketLookups, error) {
	if t.lookups != nil {
		return t.lookups, nil
	}
	l := &ticketLookups{}
	err := l.begin(t)
	if err != nil {
		l.end()
		return nil, fmt.Errorf("read tickets: %w", err)
	}
	t.lookups = l
	return l, nil
}

func (l *ticketLookups) begin(t *ImportTx) error {
	var err error
	if l.conn, err = t.s.db.Conn(t.ctx); err != nil {
		return err
	}
	if l.tx, err = l.conn.BeginTx(t.ctx, &sql.TxOptions{ReadOnly: true}); err != nil {
		return err
	}
	if err := l.tx.QueryRowContext(t.ctx, "SELECT EXISTS (SELECT 1 FROM tickets WHERE source_hash IS NOT NULL)").Scan(&l.contentKeyed); err != nil {
		return err
	}
	if l.byNumber, err = l.tx.PrepareContext(t.ctx, ticketByNumber); err != nil {
		return err
	}
	if l.contentKeyed {
		if l.byContent, err = l.tx.PrepareContext(t.ctx, ticketByContent); err != nil {
			return err
		}
	}
	l.inRange, err = l.tx.PrepareContext(t.ctx, ticketRange)
	return err
}

// endLookups ends the ticket lookups, if any began: the file is read.
func (t *ImportTx) endLookups() {
	if t.lookups != nil {
		t.lookups.end()
		t.lookups = nil
	}
}

// end closes the lookups' read transaction, which would otherwise keep
// the commit's checkpoint from copying the import's pages into the
// database, and hands their connection back.
func (l *ticketLookups) end() {
	if l.tx != nil {
		_ = l.tx.Rollback()
	}
	if l.conn != nil {
		_ = l.conn.Close()
	}
}

// TicketLinks returns the tickets of the references' clients that hold
// their numbers or content keys, looked up a batch at a time so that an
// import never holds every ticket.
func (t *ImportTx) TicketLinks(refs []TicketRef) ([]TicketLink, error) {
	l, err := t.ticketLookups()
	if err != nil {
		return nil, err
	}
	// In key order, each search of the index starts near where the last
	// one ended, on pages still in the cache, and a client's references
	// are side by side.
	refs = slices.Clone(refs)
	slices.SortFunc(refs, func(a, b TicketRef) int {
		if c := cmp.Compare(a.ClientID, b.ClientID); c != 0 {
			return c
		}
		return strings.Compare(a.Ref, b.Ref)
	})
	var out, found []TicketLink
	var searched []TicketRef
	for from := 0; from < len(refs); {
		to := from + 1
		for to < len(refs) && refs[to].ClientID == refs[from].ClientID {
			to++
		}
		group := refs[from:to]
		if len(group) < rangeLookupMin {
			searched = append(searched, group...)
		} else if found, group, err = l.walk(t, group); err != nil {
			return nil, err
		} else {
			out = append(out, found...)
			searched = append(searched, group...)
		}
		from = to
	}
	if out, err = l.search(t, l.byNumber, searched, out); err != nil {
		return nil, err
	}
	if l.contentKeyed {
		return l.search(t, l.byContent, refs, out)
	}
	return out, nil
}

// search looks the references up with st, one search of the index each,
// ticketLookupRefs to a statement, and appends the tickets found to out.
func (l *ticketLookups) search(t *ImportTx, st *sql.Stmt, refs []TicketRef, out []TicketLink) ([]TicketLink, error) {
	args := make([]any, 0, 3*ticketLookupRefs)
	for from := 0; from < len(refs); from += ticketLookupRefs {
		chunk := refs[from:min(len(refs), from+ticketLookupRefs)]
		args = args[:0]
		for i, r := range chunk {
			args = append(args, from+i, r.ClientID, r.Ref)
		}
		for range ticketLookupRefs - len(chunk) {
			args = append(args, -1, 0, "")
		}
		var err error
		if out, err = scanTicketLinks(out, refs, st.QueryRowContext(t.ctx, args...)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanTicketLinks appends the tickets a lookup found, as ticketLookup
// writes them, to out.
func scanTicketLinks(out []TicketLink, refs []TicketRef, row *sql.Row) ([]TicketLink, error) {
	var found string
	if err := row.Scan(&found); err != nil {
		return nil, fmt.Errorf("read tickets: %w", err)
	}
	fields := strings.Fields(found)
	if len(fields)%3 != 0 {
		return nil, fmt.Errorf("read tickets: malformed lookup result %q", found)
	}
	for f := 0; f < len(fields); f += 3 {
		i, err1 := strconv.Atoi(fields[f])
		id, err2 := strconv.ParseInt(fields[f+1], 10, 64)
		scope, err3 := strconv.Atoi(fields[f+2])
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("read tickets: %w", err)
		}
		if i >= 0 {
			out = append(out, TicketLink{ID: id, ClientID: refs[i].ClientID, Ref: refs[i].Ref,
				Scope: TicketScope{OutOfScope: scope&1 != 0, UserSupport: scope&2 != 0}})
		}
	}
	return out, nil
}

// AllTicketLinks returns every stored ticket with a number, for entries
// that name a ticket but no client.
func (t *ImportTx) AllTicketLinks() ([]TicketLink, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, client_id, out_of_scope, user_support, coalesce(external_id, source_hash)
    FROM tickets WHERE coalesce(external_id, source_hash) IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("read tickets: %w", err)
	}
	defer rows.Close()
	var out []TicketLink
	for rows.Next() {
		var l TicketLink
		if err := rows.Scan(&l.ID, &l.ClientID, &l.Scope.OutOfScope, &l.Scope.UserSupport, &l.Ref); err != nil {
			return nil, fmt.Errorf("read tickets: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// rangeLookupMin is the fewest references to one client's tickets that are
// looked up by walking the index over their range rather than by a search
// each: an export lists a ticket's entries together, and the tickets of a
// thousand entries are then a few runs of one client's numbers.
const rangeLookupMin = 16

// ticketRange reads, as one row, a client's numbered tickets from ?2 to ?3
// in the index's order, at most ?4 of them, and how many it read: each as
// "length:number id scope", the number's length in bytes first, as a
// number may hold any character.
const ticketRange = `SELECT coalesce(group_concat(octet_length(external_id) || ':' || external_id || ' ' || id || ' ' ||
        (out_of_scope + 2 * user_support), ' '), ''), count(*)
    FROM (SELECT external_id, id, out_of_scope, user_support FROM tickets
        WHERE client_id = ?1 AND external_id BETWEEN ?2 AND ?3 ORDER BY external_id LIMIT ?4)`

// walk looks one client's references up by reading its tickets over their
// range, up to four times as many tickets as references: it returns the
// tickets found and the references to search for one by one, those the
// range did not reach when it held more tickets than that.
func (l *ticketLookups) walk(t *ImportTx, group []TicketRef) ([]TicketLink, []TicketRef, error) {
	limit := 4*len(group) + 64
	var text string
	var n int
	err := l.inRange.QueryRowContext(t.ctx, group[0].ClientID, group[0].Ref, group[len(group)-1].Ref, limit).Scan(&text, &n)
	if err != nil {
		return nil, nil, fmt.Errorf("read the tickets of client %d: %w", group[0].ClientID, err)
	}
	held, err := parseTicketRange(text)
	if err != nil {
		return nil, nil, fmt.Errorf("read the tickets of client %d: %w", group[0].ClientID, err)
	}
	var found []TicketLink
	var rest []TicketRef
	for _, r := range group {
		if tk, ok := held[r.Ref]; ok {
			found = append(found, TicketLink{ID: tk.ID, ClientID: r.ClientID, Ref: r.Ref, Scope: tk.Scope})
		} else if n == limit {
			rest = append(rest, r)
		}
	}
	return found, rest, nil
}

// parseTicketRange reads the tickets ticketRange writes, by number.
func parseTicketRange(text string) (map[string]TicketLink, error) {
	held := map[string]TicketLink{}
	for text != "" {
		colon := strings.IndexByte(text, ':')
		size, err := strconv.Atoi(text[:max(colon, 0)])
		if colon < 0 || err != nil || size > len(text)-colon-1 {
			return nil, fmt.Errorf("malformed ticket range at %.40q", text)
		}
		number := text[colon+1 : colon+1+size]
		fields := strings.SplitN(text[colon+1+size:], " ", 4)
		if len(fields) < 3 || fields[0] != "" {
			return nil, fmt.Errorf("malformed ticket range at %.40q", text)
		}
		id, err1 := strconv.ParseInt(fields[1], 10, 64)
		scope, err2 := strconv.Atoi(fields[2])
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("malformed ticket range: %w", err)
		}
		held[number] = TicketLink{ID: id, Scope: TicketScope{OutOfScope: scope&1 != 0, UserSupport: scope&2 != 0}}
		text = ""
		if len(fields) == 4 {
			text = fields[3]
		}
	}
	return held, nil
}
