package store

import (
	"fmt"
	"time"
)

// TicketRow is a ticket as an import writes it, keyed by its client and its
// external id, or by its content key when the source gave no id.
type TicketRow struct {
	// Line is where the ticket is in its file, for errors.
	Line       int
	ClientID   int64
	ExternalID string
	SourceHash string
	Opened     time.Time
	// OpenedTZ is the zone the ticket was opened in: an IANA name or an
	// offset such as -05:00.
	OpenedTZ                  string
	Closed                    time.Time
	Priority, Status, Summary string
	AfterHours                bool
	// OutOfScope is nil when the source does not say: a stored ticket keeps
	// its flag, a new one is in scope.
	OutOfScope *bool
	// Category is the ticket's category as exported, and UserSupport
	// whether it is user support; an empty category leaves a stored
	// ticket's pair as it was, so an export without the column clears
	// nothing.
	Category    string
	UserSupport bool
}

// InvoiceRow is an invoice as an import writes it, keyed by its number.
type InvoiceRow struct {
	Number            string
	ClientID          int64
	Issued, Due, Paid time.Time
	AmountMinor       int64
	Currency, Status  string
	// BalanceMinor is nil when the source does not say: a new invoice owes
	// its whole amount, a stored one keeps its balance.
	BalanceMinor *int64
	// BalanceStated is false when the export said nothing of the balance,
	// which payments then settle (see reconcileInvoices).
	BalanceStated bool
}

// NeverDue reports whether an invoice status, as imports store it, bills
// nothing: a draft or a void invoice is never late.
func NeverDue(status string) bool { return status == "draft" || status == "void" }

// PaymentRow is a payment as an import writes it, keyed by Key.
type PaymentRow struct {
	ClientID                         int64
	Invoice                          string
	Paid                             time.Time
	AmountMinor                      int64
	Currency, Method, Reference, Key string
}

// IncidentRow is an incident as an import writes it, keyed by Key.
type IncidentRow struct {
	ClientID                     int64
	Occurred                     time.Time
	Kind                         string
	Severity                     int
	Description, ReportedBy, Key string
}

// UpgradeRow is an upgrade recommendation as an import writes it, keyed by
// Key.
type UpgradeRow struct {
	ClientID          int64
	Title             string
	Proposed, Decided time.Time
	Decision          string
	EstimateMinor     int64
	Note, Key         string
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return Timestamp(t)
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func nullBool(b *bool) any {
	if b == nil {
		return nil
	}
	return boolInt(*b)
}

// CreateClient adds a client an import's rows name, not counted as a row
// of the import.
func (t *ImportTx) CreateClient(c Client) (int64, error) {
	return InsertClient(t.ctx, t.tx, c, t.s.now())
}

// WriteClient adds the client of a clients file, or, with an id, updates
// that client, and returns its id. Values c leaves empty (external id, currency, time zone,
// status, notice days, dates) keep what the database has: a status moved
// on in offboard is not reset by an export that has none.
func (t *ImportTx) WriteClient(id int64, c Client) (int64, error) {
	if id == 0 {
		id, err := t.CreateClient(c)
		if err == nil {
			t.count(inserted)
		}
		return id, err
	}
	out, err := t.update(`UPDATE clients SET external_id = coalesce(?2, external_id), name = ?3, name_key = ?4,
        contact_name = ?5, contact_email = ?6, address = ?7, seats = ?8, mrr_minor = ?9,
        currency = coalesce(nullif(?10, ''), currency), agreement_name = ?11,
        agreement_signed_on = coalesce(?12, agreement_signed_on), termination_clause = ?13,
        notice_days = coalesce(?14, notice_days), term_end_on = coalesce(?15, term_end_on),
        time_zone = coalesce(nullif(?16, ''), time_zone), status = coalesce(nullif(?17, ''), status),
        client_since_on = coalesce(?18, client_since_on), updated_at = ?19,
        payment_terms = coalesce(nullif(?20, ''), payment_terms), phone = coalesce(nullif(?21, ''), phone)
    WHERE id = ?1 AND (external_id IS NOT coalesce(?2, external_id) OR name IS NOT ?3 OR contact_name IS NOT ?5
        OR contact_email IS NOT ?6 OR address IS NOT ?7 OR seats IS NOT ?8 OR mrr_minor IS NOT ?9
        OR currency IS NOT coalesce(nullif(?10, ''), currency) OR agreement_name IS NOT ?11
        OR agreement_signed_on IS NOT coalesce(?12, agreement_signed_on) OR termination_clause IS NOT ?13
        OR notice_days IS NOT coalesce(?14, notice_days) OR term_end_on IS NOT coalesce(?15, term_end_on)
        OR time_zone IS NOT coalesce(nullif(?16, ''), time_zone) OR status IS NOT coalesce(nullif(?17, ''), status)
        OR client_since_on IS NOT coalesce(?18, client_since_on)
        OR payment_terms IS NOT coalesce(nullif(?20, ''), payment_terms) OR phone IS NOT coalesce(nullif(?21, ''), phone))`,
		[]any{id, nullString(c.ExternalID), c.Name, c.NameKey, c.ContactName, c.ContactEmail, c.Address,
			c.Seats, c.MRRMinor, c.Currency, c.AgreementName, nullDate(c.AgreementSigned), c.TerminationClause,
			nullInt(c.NoticeDays), nullDate(c.TermEnd), c.TimeZone, string(c.Status), nullDate(c.ClientSince),
			Timestamp(t.s.now()), c.PaymentTerms, c.Phone})
	if err != nil {
		return 0, fmt.Errorf("update client %q: %w", c.Name, err)
	}
	t.count(out)
	return id, nil
}

// WriteInvoice writes an invoice and keeps its client's months current.
func (t *ImportTx) WriteInvoice(r InvoiceRow) error {
	var balance any
	if r.BalanceMinor != nil {
		balance = *r.BalanceMinor
	}
	issued, due := Date(r.Issued), Date(r.Due)
	var paid string
	if !r.Paid.IsZero() {
		paid = Date(r.Paid)
	}
	args := []any{r.Number, r.ClientID, issued, due, nullString(paid), r.AmountMinor, balance, r.Currency, r.Status,
		boolInt(r.BalanceStated)}
	ok, err := t.insert(`INSERT INTO invoices (number, client_id, issued_on, due_on, paid_on, amount_minor,
        balance_minor, currency, status, balance_stated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ?6), ?8, ?9, ?10)
        ON CONFLICT (number) DO NOTHING`, args)
	if err != nil {
		return err
	}
	if ok {
		t.count(inserted)
		if NeverDue(r.Status) {
			return nil
		}
		return t.roll.AddInvoice(r.ClientID, issued, due, paid, r.AmountMinor)
	}
	// The invoice may move to another client, whose months change too.
	was, err := t.owner(`SELECT client_id FROM invoices WHERE number = ?`, r.Number)
	if err != nil {
		return err
	}
	out, err := t.update(`UPDATE invoices SET client_id = ?2, issued_on = ?3, due_on = ?4, paid_on = coalesce(?5, paid_on),
        amount_minor = ?6, balance_minor = coalesce(?7, balance_minor), currency = ?8, status = ?9,
        balance_stated = ?10
    WHERE number = ?1 AND (client_id IS NOT ?2 OR issued_on IS NOT ?3 OR due_on IS NOT ?4
        OR paid_on IS NOT coalesce(?5, paid_on) OR amount_minor IS NOT ?6
        OR balance_minor IS NOT coalesce(?7, balance_minor) OR currency IS NOT ?8 OR status IS NOT ?9
        OR balance_stated IS NOT ?10)`, args)
	if err != nil {
		return err
	}
	if out == updated {
		t.roll.markDirty(r.ClientID, was)
	}
	t.count(out)
	return nil
}

// WritePayment writes a payment.
func (t *ImportTx) WritePayment(r PaymentRow) error {
	args := []any{r.ClientID, r.Invoice, Date(r.Paid), r.AmountMinor, r.Currency, r.Method, r.Reference, r.Key}
	_, err := t.upsert(`INSERT INTO payments (client_id, invoice_number, paid_on, amount_minor, currency, method,
        reference, source_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE payments SET client_id = ?1, invoice_number = ?2, paid_on = ?3, amount_minor = ?4, currency = ?5,
        method = ?6, reference = ?7
    WHERE source_hash = ?8 AND (client_id IS NOT ?1 OR invoice_number IS NOT ?2 OR paid_on IS NOT ?3
        OR amount_minor IS NOT ?4 OR currency IS NOT ?5 OR method IS NOT ?6 OR reference IS NOT ?7)`, args)
	return err
}

// WriteIncident writes an incident.
func (t *ImportTx) WriteIncident(r IncidentRow) error {
	args := []any{r.ClientID, Timestamp(r.Occurred), r.Kind, r.Severity, r.Description, r.ReportedBy, r.Key}
	_, err := t.upsert(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description, reported_by,
        source_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE incidents SET client_id = ?1, occurred_at = ?2, kind = ?3, severity = ?4, description = ?5,
        reported_by = ?6
    WHERE source_hash = ?7 AND (client_id IS NOT ?1 OR occurred_at IS NOT ?2 OR kind IS NOT ?3
        OR severity IS NOT ?4 OR description IS NOT ?5 OR reported_by IS NOT ?6)`, args)
	return err
}

// WriteUpgrade writes an upgrade recommendation.
func (t *ImportTx) WriteUpgrade(r UpgradeRow) error {
	args := []any{r.ClientID, r.Title, Date(r.Proposed), nullDate(r.Decided), r.Decision, r.EstimateMinor, r.Note, r.Key}
	_, err := t.upsert(`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision,
        estimate_minor, note, source_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE upgrade_recommendations SET client_id = ?1, title = ?2, proposed_on = ?3, decided_on = ?4,
        decision = ?5, estimate_minor = ?6, note = ?7
    WHERE source_hash = ?8 AND (client_id IS NOT ?1 OR title IS NOT ?2 OR proposed_on IS NOT ?3
        OR decided_on IS NOT ?4 OR decision IS NOT ?5 OR estimate_minor IS NOT ?6 OR note IS NOT ?7)`, args)
	return err
}

// WriteSetting writes one of our settings.
func (t *ImportTx) WriteSetting(key, value string) error {
	_, err := t.upsert(`INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING`, []any{key, value},
		`UPDATE settings SET value = ?2 WHERE key = ?1 AND value IS NOT ?2`, []any{key, value})
	return err
}
