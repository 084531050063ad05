package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Billing commitments of a licence, as the licences table stores them.
const (
	BillingAnnual  = "annual"
	BillingMonthly = "monthly"
)

// Licence is a software licence we manage for a client.
type Licence struct {
	ID       int64
	ClientID int64
	// Product names it, for example "Microsoft 365 Business Premium".
	Product  string
	Quantity int
	// TermEnd is the day its current term or commitment ends.
	TermEnd time.Time
	// Billing is BillingAnnual or BillingMonthly.
	Billing string
}

// Licences returns the client's licences, by product.
func (s *Store) Licences(ctx context.Context, clientID int64) ([]Licence, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, product, quantity, term_end, billing FROM licences
        WHERE client_id = ? ORDER BY product, id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("licences of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Licence
	for rows.Next() {
		var l Licence
		var end string
		if err := rows.Scan(&l.ID, &l.ClientID, &l.Product, &l.Quantity, &end, &l.Billing); err != nil {
			return nil, fmt.Errorf("licences of client %d: %w", clientID, err)
		}
		l.TermEnd = parseDate(end)
		out = append(out, l)
	}
	return out, rows.Err()
}

// InsertLicence records a licence we manage for a client inside tx,
// refusing one the letter could not state.
func InsertLicence(ctx context.Context, tx *sql.Tx, l Licence, now time.Time) (int64, error) {
	if err := l.check(); err != nil {
		return 0, fmt.Errorf("add licence for client %d: %w", l.ClientID, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO licences (client_id, product, quantity, term_end, billing, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`, l.ClientID, strings.TrimSpace(l.Product), l.Quantity, Date(l.TermEnd), l.Billing, Timestamp(now))
	if err != nil {
		return 0, fmt.Errorf("add licence for client %d: %w", l.ClientID, err)
	}
	return res.LastInsertId()
}

// check refuses a licence the letter could not state.
func (l Licence) check() error {
	var problems []string
	if strings.TrimSpace(l.Product) == "" {
		problems = append(problems, "the product is empty")
	}
	if l.Quantity <= 0 {
		problems = append(problems, fmt.Sprintf("a quantity of %d", l.Quantity))
	}
	if l.TermEnd.IsZero() {
		problems = append(problems, "no term end")
	}
	if l.Billing != BillingAnnual && l.Billing != BillingMonthly {
		problems = append(problems, fmt.Sprintf("billing %q is not annual or monthly", l.Billing))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
