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

// PaymentsSince returns the client's payments received on or after from,
// by date: what was settled once notice was given.
func (s *Store) PaymentsSince(ctx context.Context, clientID int64, from time.Time) ([]Payment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT invoice_number, paid_on, amount_minor, currency FROM payments
        WHERE client_id = ? AND paid_on >= ? ORDER BY paid_on, id`, clientID, Date(from))
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
