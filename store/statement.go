package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// OpenInvoice is an invoice not paid in full: what a letter lists on the
// client's account.
type OpenInvoice struct {
	Number   string
	Issued   time.Time
	Due      time.Time
	Open     int64 // minor units still unpaid
	Currency string
}

// Querier runs a query on the database or inside a transaction.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// OpenInvoices returns the client's invoices issued on or before asOf with
// an amount still unpaid, by pay-by date, and the credits on its account:
// invoices whose balance is negative (credit notes, overpayments), as a
// positive amount in minor units.
func (s *Store) OpenInvoices(ctx context.Context, clientID int64, asOf time.Time) (open []OpenInvoice, credits int64, err error) {
	return OpenInvoicesIn(ctx, s.db, clientID, asOf)
}

// OpenInvoicesIn is OpenInvoices through q, such as the transaction that
// writes the demo.
func OpenInvoicesIn(ctx context.Context, q Querier, clientID int64, asOf time.Time) (open []OpenInvoice, credits int64, err error) {
	rows, err := q.QueryContext(ctx, `SELECT number, issued_on, due_on, balance_minor, currency FROM invoices
        WHERE client_id = ? AND issued_on <= ? AND balance_minor <> 0 ORDER BY due_on, number`, clientID, Date(asOf))
	if err != nil {
		return nil, 0, fmt.Errorf("open invoices of client %d: %w", clientID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var inv OpenInvoice
		var issued, due string
		if err := rows.Scan(&inv.Number, &issued, &due, &inv.Open, &inv.Currency); err != nil {
			return nil, 0, fmt.Errorf("open invoices of client %d: %w", clientID, err)
		}
		if inv.Open < 0 {
			credits -= inv.Open
			continue
		}
		inv.Issued, inv.Due = parseDate(issued), parseDate(due)
		open = append(open, inv)
	}
	return open, credits, rows.Err()
}

// Payment is money received from a client.
type Payment struct {
	Invoice  string // the invoice it pays, "" when unallocated
	On       time.Time
	Amount   int64
	Currency string
}

// PaymentsSince returns the client's payments received on or after from
// for invoices issued on or before issuedBy, and those allocated to no
// invoice received by issuedBy, by date: what was settled under an
// agreement once notice was given, leaving out what a later agreement
// billed.
func (s *Store) PaymentsSince(ctx context.Context, clientID int64, from, issuedBy time.Time) ([]Payment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.invoice_number, p.paid_on, p.amount_minor, p.currency FROM payments p
        WHERE p.client_id = ?1 AND p.paid_on >= ?2 AND (
            EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = p.client_id AND i.number = p.invoice_number
                AND i.issued_on <= ?3)
            OR (p.paid_on <= ?3 AND NOT EXISTS (SELECT 1 FROM invoices i
                WHERE i.client_id = p.client_id AND i.number = p.invoice_number)))
        ORDER BY p.paid_on, p.id`, clientID, Date(from), Date(issuedBy))
	if err != nil {
		return nil, fmt.Errorf("payments of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		var p Payment
		var on string
		if err := rows.Scan(&p.Invoice, &on, &p.Amount, &p.Currency); err != nil {
			return nil, fmt.Errorf("payments of client %d: %w", clientID, err)
		}
		p.On = parseDate(on)
		out = append(out, p)
	}
	return out, rows.Err()
}
