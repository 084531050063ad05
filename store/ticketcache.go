package store

import (
	"database/sql"
	"fmt"
)

// ticketCacheMax is how many tickets a time import keeps in memory, about
// 40 bytes each: a client's tickets are read in one pass over the
// (client_id, external_id) index the first time an entry names it, several
// times cheaper than looking each entry's ticket up, and a file's entries
// usually name each client's tickets many times. Past the cap, the tickets
// of further clients are looked up an entry at a time, so memory stays
// bounded on any database.
const ticketCacheMax = 1 << 20

// cachedTicket is a ticket as the cache holds it.
type cachedTicket struct {
	id    int64
	scope TicketScope
	// twice is set when two of the client's tickets hold the reference:
	// the entry is then linked to neither.
	twice bool
}

// ticketCache holds, by client, the tickets of the clients read so far, by
// number or, for tickets without one, content key; a nil map marks a client
// whose tickets did not fit.
type ticketCache struct {
	clients map[int64]map[string]cachedTicket
	// held counts the tickets held, max caps them.
	held, max int
	// read reads a client's tickets: keyed by number, or for those without
	// one by content, which is the reference an offboard export writes.
	read *sql.Stmt
}

// tickets returns the client's tickets, reading them on first use, and
// false when they are not held.
func (c *ticketCache) tickets(t *ImportTx, client int64) (map[string]cachedTicket, bool, error) {
	if m, ok := c.clients[client]; ok {
		return m, m != nil, nil
	}
	room := c.max - c.held
	if room <= 0 {
		return nil, false, nil
	}
	rows, err := c.read.QueryContext(t.ctx, client, room+1)
	if err != nil {
		return nil, false, fmt.Errorf("read the tickets of client %d: %w", client, err)
	}
	defer rows.Close()
	m := map[string]cachedTicket{}
	n := 0
	for rows.Next() {
		n++
		var ref string
		var tk cachedTicket
		if err := rows.Scan(&ref, &tk.id, &tk.scope.OutOfScope, &tk.scope.UserSupport); err != nil {
			return nil, false, fmt.Errorf("read the tickets of client %d: %w", client, err)
		}
		if _, dup := m[ref]; dup {
			tk.twice = true
		}
		m[ref] = tk
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("read the tickets of client %d: %w", client, err)
	}
	if n > room {
		m = nil
	}
	if c.clients == nil {
		c.clients = map[int64]map[string]cachedTicket{}
	}
	c.clients[client] = m
	c.held += len(m)
	return m, m != nil, nil
}
