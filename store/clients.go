package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Client is one row of the clients table. Dates are zero when unknown.
type Client struct {
	ID         int64
	ExternalID string
	Name       string
	// NameKey is the name reduced to the key clients are matched on
	// (importer.NormalizeName), set by whoever writes the client; it is
	// written, never read back.
	NameKey           string
	ContactName       string
	ContactEmail      string
	Address           string
	Seats             int
	MRRMinor          int64
	Currency          string
	AgreementName     string
	AgreementSigned   time.Time
	TerminationClause string
	NoticeDays        int
	TermEnd           time.Time
	TimeZone          string
	Status            string // see clientStatuses
	ClientSince       time.Time
	// PaymentTerms is the client's default terms label, such as "Net 30",
	// written by imports and read by the invoices' import; "" keeps the
	// stored terms on update.
	PaymentTerms   string
	Override       string
	OverrideReason string
	OverrideAt     time.Time
}

const clientColumns = `id, coalesce(external_id, ''), name, contact_name, contact_email, address, seats,
    mrr_minor, currency, agreement_name, coalesce(agreement_signed_on, ''), termination_clause, notice_days,
    coalesce(term_end_on, ''), time_zone, status, coalesce(client_since_on, ''),
    coalesce(override_recommendation, ''), override_reason, coalesce(override_at, '')`

type scanner interface{ Scan(dest ...any) error }

func scanClient(r scanner) (Client, error) {
	var c Client
	var signed, termEnd, since, overrideAt string
	err := r.Scan(&c.ID, &c.ExternalID, &c.Name, &c.ContactName, &c.ContactEmail, &c.Address, &c.Seats,
		&c.MRRMinor, &c.Currency, &c.AgreementName, &signed, &c.TerminationClause, &c.NoticeDays,
		&termEnd, &c.TimeZone, &c.Status, &since, &c.Override, &c.OverrideReason, &overrideAt)
	if err != nil {
		return c, err
	}
	c.AgreementSigned = parseDate(signed)
	c.TermEnd = parseDate(termEnd)
	c.ClientSince = parseDate(since)
	c.OverrideAt, _ = time.Parse(time.RFC3339, overrideAt)
	return c, nil
}

// parseDate reads a stored date; the schema only ever holds valid ones or
// NULL, so an empty string is the only other case.
func parseDate(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return Date(t)
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// InsertClient adds a client inside tx and returns its id.
func InsertClient(ctx context.Context, tx *sql.Tx, c Client, now time.Time) (int64, error) {
	if c.Status == "" {
		c.Status = statusActive
	}
	if c.Currency == "" {
		c.Currency = "USD"
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO clients (external_id, name, name_key, contact_name, contact_email,
        address, seats, mrr_minor, currency, agreement_name, agreement_signed_on, termination_clause, notice_days,
        term_end_on, time_zone, status, client_since_on, payment_terms, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullString(c.ExternalID), c.Name, c.NameKey, c.ContactName, c.ContactEmail, c.Address, c.Seats,
		c.MRRMinor, c.Currency, c.AgreementName, nullDate(c.AgreementSigned), c.TerminationClause, c.NoticeDays,
		nullDate(c.TermEnd), c.TimeZone, c.Status, nullDate(c.ClientSince), c.PaymentTerms, Timestamp(now), Timestamp(now))
	if err != nil {
		return 0, fmt.Errorf("add client %q: %w", c.Name, err)
	}
	return res.LastInsertId()
}

// Clients returns every client, by name.
func (s *Store) Clients(ctx context.Context) ([]Client, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+clientColumns+" FROM clients ORDER BY name COLLATE NOCASE")
	if err != nil {
		return nil, fmt.Errorf("list clients: %w", err)
	}
	defer rows.Close()
	var out []Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, fmt.Errorf("list clients: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Client returns one client by id.
func (s *Store) Client(ctx context.Context, id int64) (Client, error) {
	c, err := scanClient(s.db.QueryRowContext(ctx, "SELECT "+clientColumns+" FROM clients WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("client %d: %w", id, ErrNoClient)
	}
	if err != nil {
		return c, fmt.Errorf("read client %d: %w", id, err)
	}
	return c, nil
}

// ErrNoClient reports a client name or id that matches nothing.
var ErrNoClient = errors.New("no such client")
