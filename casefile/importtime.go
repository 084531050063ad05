package casefile

import (
	"offboard/importer"
	"offboard/store"
)

// timeLookupBatch is how many time entries wait for their tickets to be
// looked up together: one query a batch instead of one an entry, and
// instead of holding every ticket of the database.
const timeLookupBatch = 1024

// timeQueue holds the time entries read since the last lookup.
type timeQueue struct {
	pending []pendingTime
	// everyTicket is every numbered ticket, loaded the first time an entry
	// names a ticket but no client: only the whole set can say which
	// client it belongs to.
	everyTicket map[string][]store.TicketLink
}

// pendingTime is a time entry checked and resolved but for its ticket,
// which is looked up when lookup is set.
type pendingTime struct {
	row    store.TimeRow
	lookup bool
}

func (w *recordWriter) timeEntry(r importer.TimeRecord) error {
	var clientID int64
	var err error
	if !r.Client.IsZero() {
		if clientID, err = w.resolveClient(r.Client, r.Line()); err != nil {
			return err
		}
	}
	row := store.TimeRow{Line: r.Line(), ClientID: clientID, TicketRef: r.Ticket, Worked: r.Worked, Seconds: r.Seconds,
		Billable: r.Billable, Technician: r.Technician, Notes: r.Notes, Key: r.Key()}
	if r.Ticket != "" && clientID == 0 {
		if w.times.everyTicket == nil {
			if w.times.everyTicket, err = w.everyTicket(); err != nil {
				return err
			}
		}
		match := w.times.everyTicket[r.Ticket]
		switch len(match) {
		case 0:
			return w.rowErr(r.Line(), "", "ticket %q is not in the database and the row names no client; import the tickets first", r.Ticket)
		case 1:
			link(&row, match[0])
		default:
			return w.rowErr(r.Line(), "", "ticket %q belongs to %d clients; add a client column", r.Ticket, len(match))
		}
	}
	w.times.pending = append(w.times.pending, pendingTime{row: row, lookup: r.Ticket != "" && clientID != 0})
	return nil
}

// link ties a time entry to its ticket, whose client it is.
func link(row *store.TimeRow, l store.TicketLink) {
	row.TicketID, row.ClientID, row.Scope = l.ID, l.ClientID, l.Scope
}

func (w *recordWriter) everyTicket() (map[string][]store.TicketLink, error) {
	links, err := w.tx.AllTicketLinks()
	if err != nil {
		return nil, err
	}
	out := make(map[string][]store.TicketLink, len(links))
	for _, l := range links {
		out[l.Ref] = append(out[l.Ref], l)
	}
	return out, nil
}

// sendTimes looks up the tickets of the entries waiting, links each entry
// to the one ticket of its client holding its number (none if several do),
// and queues the entries in file order.
func (w *recordWriter) sendTimes() error {
	q := w.times
	// Each reference and each ticket once: a ticket found twice would read
	// as two tickets.
	var refs []store.TicketRef
	seen := map[store.TicketRef]bool{}
	for _, p := range q.pending {
		ref := store.TicketRef{ClientID: p.row.ClientID, Ref: p.row.TicketRef}
		if p.lookup && !seen[ref] {
			seen[ref] = true
			refs = append(refs, ref)
		}
	}
	matches := map[store.TicketRef][]store.TicketLink{}
	if len(refs) > 0 {
		links, err := w.tx.TicketLinks(refs)
		if err != nil {
			return err
		}
		found := map[int64]bool{}
		for _, l := range links {
			if found[l.ID] {
				continue
			}
			found[l.ID] = true
			k := store.TicketRef{ClientID: l.ClientID, Ref: l.Ref}
			matches[k] = append(matches[k], l)
		}
	}
	for _, p := range q.pending {
		if m := matches[store.TicketRef{ClientID: p.row.ClientID, Ref: p.row.TicketRef}]; p.lookup && len(m) == 1 {
			link(&p.row, m[0])
		}
		if err := w.tx.QueueTime(p.row); err != nil {
			return err
		}
	}
	q.pending = q.pending[:0]
	return nil
}
