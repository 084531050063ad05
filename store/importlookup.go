package store

import (
	"database/sql"
	"fmt"
)

// ClientKey is what an import matches a client on, with the defaults its
// rows take from the client.
type ClientKey struct {
	ID                                int64
	ExternalID, NameKey, ContactEmail string
	TimeZone, Currency                string
	// PaymentTerms dates the client's invoices that come without a due
	// date or terms of their own.
	PaymentTerms string
}

// ClientKeys lists every client as the import's transaction sees it.
func (t *ImportTx) ClientKeys() ([]ClientKey, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT id, coalesce(external_id, ''), name_key, contact_email, time_zone, currency, payment_terms FROM clients")
	if err != nil {
		return nil, fmt.Errorf("read clients: %w", err)
	}
	defer rows.Close()
	var out []ClientKey
	for rows.Next() {
		var k ClientKey
		if err := rows.Scan(&k.ID, &k.ExternalID, &k.NameKey, &k.ContactEmail, &k.TimeZone, &k.Currency, &k.PaymentTerms); err != nil {
			return nil, fmt.Errorf("read clients: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// HasInvoice reports whether an invoice with the number is stored, as the
// import's transaction sees it.
func (t *ImportTx) HasInvoice(number string) (bool, error) {
	st, err := t.stmt(`SELECT EXISTS (SELECT 1 FROM invoices WHERE number = ?)`)
	if err != nil {
		return false, err
	}
	var ok bool
	if err := st.QueryRowContext(t.ctx, number).Scan(&ok); err != nil {
		return false, fmt.Errorf("look up invoice %q: %w", number, err)
	}
	return ok, nil
}

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

// ticketLookupRefs is how many references one lookup statement takes; a
// shorter list is padded with its last reference, so that one prepared
// statement serves every lookup.
const ticketLookupRefs = 256

// ticketLookup finds tickets by (client, external id), through the
// UNIQUE (client_id, external_id) index, or by content key. UNION drops
// the repeats of the padding.
var ticketLookup = `SELECT t.id, t.client_id, t.out_of_scope, t.user_support, t.external_id
    FROM (VALUES ` + valueRows(ticketLookupRefs, 2) + `) v JOIN tickets t ON t.client_id = v.column1 AND t.external_id = v.column2
UNION
SELECT id, client_id, out_of_scope, user_support, source_hash FROM tickets
    WHERE external_id IS NULL AND source_hash IN ` + valueRows(1, ticketLookupRefs)

// TicketLinks returns the tickets of the references' clients that hold
// their numbers, looked up a batch at a time so that an import never holds
// every ticket. Tickets found by content key may belong to other clients.
func (t *ImportTx) TicketLinks(refs []TicketRef) ([]TicketLink, error) {
	var out []TicketLink
	for len(refs) > 0 {
		n := min(len(refs), ticketLookupRefs)
		pairs := make([]any, 0, 2*ticketLookupRefs)
		keys := make([]any, 0, ticketLookupRefs)
		for i := range ticketLookupRefs {
			r := refs[min(i, n-1)]
			pairs = append(pairs, r.ClientID, r.Ref)
			keys = append(keys, r.Ref)
		}
		if t.lookup == nil {
			var err error
			if t.lookup, err = t.tx.PrepareContext(t.ctx, ticketLookup); err != nil {
				return nil, fmt.Errorf("read tickets: %w", err)
			}
		}
		links, err := scanTicketLinks(t.lookup.QueryContext(t.ctx, append(pairs, keys...)...))
		if err != nil {
			return nil, err
		}
		out = append(out, links...)
		refs = refs[n:]
	}
	return out, nil
}

// AllTicketLinks returns every stored ticket with a number, for entries
// that name a ticket but no client.
func (t *ImportTx) AllTicketLinks() ([]TicketLink, error) {
	return t.ticketLinks(`SELECT id, client_id, out_of_scope, user_support, coalesce(external_id, source_hash) FROM tickets
        WHERE coalesce(external_id, source_hash) IS NOT NULL`)
}

// ticketLinks runs a ticket query without the statement cache, which the
// inserting goroutine of a time import owns.
func (t *ImportTx) ticketLinks(query string, args ...any) ([]TicketLink, error) {
	return scanTicketLinks(t.tx.QueryContext(t.ctx, query, args...))
}

// scanTicketLinks reads the rows of a ticket query.
func scanTicketLinks(rows *sql.Rows, err error) ([]TicketLink, error) {
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
