package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Incident is an incident as the owner writes it down by hand.
type Incident struct {
	ClientID    int64
	OccurredAt  time.Time
	Kind        string // abuse, security, data_compliance, criminal, scope, declined_upgrade, naivete, after_hours, other
	Severity    int    // 1 (minor) to 5 (grave)
	Description string
	ReportedBy  string
	// CorrectsSeq is the record entry this one corrects, 0 for none.
	CorrectsSeq int64
}

// InsertIncident adds an incident inside tx and returns its id.
func InsertIncident(ctx context.Context, tx *sql.Tx, in Incident) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO incidents (client_id, occurred_at, kind, severity, description, reported_by,
        corrects_seq) VALUES (?, ?, ?, ?, ?, ?, ?)`, in.ClientID, Timestamp(in.OccurredAt), in.Kind, in.Severity,
		in.Description, in.ReportedBy, nullInt(int(in.CorrectsSeq)))
	if err != nil {
		return 0, fmt.Errorf("record incident for client %d: %w", in.ClientID, err)
	}
	return res.LastInsertId()
}

// ClientEdit is a change to a client and its agreement; nil fields stay as
// they are.
type ClientEdit struct {
	Seats             *int
	MRRMinor          *int64
	NoticeDays        *int
	TerminationClause *string
	TermEnd           *time.Time
	ContactName       *string
	ContactEmail      *string
	Phone             *string
}

// EditClient applies e to the client inside tx. The record's trigger keeps
// the agreement as it stood before and after.
func EditClient(ctx context.Context, tx *sql.Tx, clientID int64, e ClientEdit, now time.Time) error {
	var termEnd any
	if e.TermEnd != nil {
		termEnd = Date(*e.TermEnd)
	}
	res, err := tx.ExecContext(ctx, `UPDATE clients SET seats = coalesce(?, seats), mrr_minor = coalesce(?, mrr_minor),
        notice_days = coalesce(?, notice_days), termination_clause = coalesce(?, termination_clause),
        term_end_on = coalesce(?, term_end_on), contact_name = coalesce(?, contact_name),
        contact_email = coalesce(?, contact_email), phone = coalesce(?, phone), updated_at = ? WHERE id = ?`,
		e.Seats, e.MRRMinor, e.NoticeDays, e.TerminationClause, termEnd, e.ContactName, e.ContactEmail, e.Phone,
		Timestamp(now), clientID)
	if err != nil {
		return fmt.Errorf("edit client %d: %w", clientID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("edit client %d: no such client", clientID)
	}
	return nil
}

// TakeDraft reads the client's draft of the given kind into v and removes
// it: the form that asked now holds it. ok is false, and v untouched, when
// there is none.
func (s *Store) TakeDraft(ctx context.Context, clientID int64, kind string, v any) (ok bool, err error) {
	if ok, err = s.LoadDraft(ctx, clientID, kind, v); err != nil || !ok {
		return ok, err
	}
	return true, s.Tx(ctx, func(tx *sql.Tx) error { return deleteDraft(ctx, tx, clientID, kind) })
}
