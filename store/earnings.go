package store

import (
	"context"
	"fmt"
	"time"
)

// Earnings is what a client was invoiced and the time worked for it over
// a span of days, for the post-mortem's look at what it brought in.
type Earnings struct {
	// Invoiced is the total of the invoices issued, in minor units.
	Invoiced int64
	// Seconds is the time worked, billable or not.
	Seconds int64
	// First is the earliest day an invoice was issued or time worked in
	// the span; zero when there is none.
	First time.Time
}

// EarningsBetween adds up the client's invoices issued and the time
// worked from from to to, both days included.
func (s *Store) EarningsBetween(ctx context.Context, clientID int64, from, to time.Time) (Earnings, error) {
	var e Earnings
	var first string
	end := Date(to.AddDate(0, 0, 1))
	err := s.db.QueryRowContext(ctx, `SELECT
        (SELECT coalesce(sum(amount_minor), 0) FROM invoices WHERE client_id = ?1 AND issued_on >= ?2 AND issued_on < ?3),
        (SELECT coalesce(sum(seconds), 0) FROM time_entries WHERE client_id = ?1 AND worked_on >= ?2 AND worked_on < ?3),
        coalesce(min(
            (SELECT min(issued_on) FROM invoices WHERE client_id = ?1 AND issued_on >= ?2 AND issued_on < ?3),
            (SELECT min(substr(worked_on, 1, 10)) FROM time_entries WHERE client_id = ?1 AND worked_on >= ?2 AND worked_on < ?3)),
          (SELECT min(issued_on) FROM invoices WHERE client_id = ?1 AND issued_on >= ?2 AND issued_on < ?3),
          (SELECT min(substr(worked_on, 1, 10)) FROM time_entries WHERE client_id = ?1 AND worked_on >= ?2 AND worked_on < ?3), '')`,
		clientID, Date(from), end).Scan(&e.Invoiced, &e.Seconds, &first)
	if err != nil {
		return e, fmt.Errorf("earnings of client %d: %w", clientID, err)
	}
	e.First = parseDate(first)
	return e, nil
}
