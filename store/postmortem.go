package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Kinds of FlagSign besides the incident kinds.
const (
	// SignDeclinedUpgrade is an upgrade recommendation the client declined.
	SignDeclinedUpgrade = "declined_upgrade_recommendation"
	// SignLatePayment is an invoice paid, or still open, more than
	// LatePaymentOnsetDays after its due date.
	SignLatePayment = "late_payment"
)

// FlagSign is the first record of one kind that may show a red flag, with
// how many records of that kind there are.
type FlagSign struct {
	// Kind is the incident kind ("abuse", "after_hours", …), or
	// SignDeclinedUpgrade or SignLatePayment.
	Kind string
	// FirstSeen is the day of the first record.
	FirstSeen time.Time
	// Count is how many records of the kind there are.
	Count int
	// Detail is the first record's own words: the incident's description,
	// the declined upgrade's title or the late invoice's number.
	Detail string
	// DaysLate and StillOpen describe the first late invoice; only
	// SignLatePayment has them.
	DaysLate  int
	StillOpen bool
}

// PostMortemFacts is what the post-mortem of a client let go is built from
// (seed 002: take stock of how you got there): the first sign of each kind
// in its records, when action was taken, and the owner's lessons.
type PostMortemFacts struct {
	Client Client
	// Signs are the first records of each kind, in no particular order.
	Signs []FlagSign
	// PlanCreated is when the first remediation plan was started, and
	// PlanStatus where the latest one ended; zero and "" when there was none.
	PlanCreated time.Time
	PlanStatus  string
	// Termination is the latest notice; zero when none was sent.
	Termination Termination
	// Lessons are the owner's notes on what to change.
	Lessons string
	// LessonsUpdated is when they were last saved; zero when never.
	LessonsUpdated time.Time
}

// LatePaymentOnsetDays is how late an invoice must be paid for the
// post-mortem to count it as the first sign of late payment: later than the
// 30 days published payment scorecards treat as the worst band (seed 003:
// recurring payment issues).
const LatePaymentOnsetDays = 30

// PostMortem gathers the facts of a client's post-mortem in a few queries:
// the first incident of each kind, the first declined upgrade
// recommendation, the first invoice paid, or still open, more than
// LatePaymentOnsetDays after its due date, the remediation plans, the
// latest notice and the owner's lessons.
func (s *Store) PostMortem(ctx context.Context, clientID int64) (PostMortemFacts, error) {
	var f PostMortemFacts
	var err error
	if f.Client, err = s.Client(ctx, clientID); err != nil {
		return f, err
	}
	if err := s.postMortemSigns(ctx, clientID, &f); err != nil {
		return f, fmt.Errorf("post-mortem of client %d: %w", clientID, err)
	}
	if err := s.firstPlan(ctx, clientID, &f); err != nil {
		return f, fmt.Errorf("post-mortem of client %d: %w", clientID, err)
	}
	if f.Termination, _, err = s.LatestTermination(ctx, clientID); err != nil {
		return f, err
	}
	if err := s.lessons(ctx, clientID, &f); err != nil {
		return f, fmt.Errorf("post-mortem of client %d: %w", clientID, err)
	}
	return f, nil
}

// postMortemSigns reads the first sign of each kind into f.Signs.
func (s *Store) postMortemSigns(ctx context.Context, clientID int64, f *PostMortemFacts) error {
	incidents, err := s.incidentSigns(ctx, clientID)
	if err != nil {
		return err
	}
	f.Signs = incidents
	for _, read := range []func(context.Context, int64) (FlagSign, bool, error){s.declinedUpgradeSign, s.latePaymentSign} {
		sign, ok, err := read(ctx, clientID)
		if err != nil {
			return err
		}
		if ok {
			f.Signs = append(f.Signs, sign)
		}
	}
	return nil
}

// incidentSigns is the first incident of each kind, with its description.
func (s *Store) incidentSigns(ctx context.Context, clientID int64) ([]FlagSign, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*), min(occurred_at),
            (SELECT description FROM incidents j WHERE j.client_id = i.client_id AND j.kind = i.kind
             ORDER BY occurred_at, id LIMIT 1)
        FROM incidents i WHERE client_id = ? GROUP BY kind`, clientID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FlagSign
	for rows.Next() {
		var sign FlagSign
		var first string
		if err := rows.Scan(&sign.Kind, &sign.Count, &first, &sign.Detail); err != nil {
			return nil, err
		}
		at, _ := time.Parse(time.RFC3339, first)
		sign.FirstSeen = utcDay(at)
		out = append(out, sign)
	}
	return out, rows.Err()
}

// declinedUpgradeSign is the first upgrade recommendation declined, with
// its title; ok is false when none was.
func (s *Store) declinedUpgradeSign(ctx context.Context, clientID int64) (sign FlagSign, ok bool, err error) {
	var declinedOn sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), min(decided_on),
            coalesce((SELECT title FROM upgrade_recommendations WHERE client_id = ?1 AND decision = 'declined'
                      ORDER BY decided_on, id LIMIT 1), '')
        FROM upgrade_recommendations WHERE client_id = ?1 AND decision = 'declined'`, clientID).
		Scan(&sign.Count, &declinedOn, &sign.Detail); err != nil {
		return sign, false, err
	}
	if sign.Count == 0 || !declinedOn.Valid {
		return sign, false, nil
	}
	sign.Kind, sign.FirstSeen = SignDeclinedUpgrade, parseDate(declinedOn.String)
	return sign, true, nil
}

// latePaymentSign is the first invoice more than LatePaymentOnsetDays
// late, dated the day it became so, whether it was paid later or is still
// open today; ok is false when there is none.
func (s *Store) latePaymentSign(ctx context.Context, clientID int64) (sign FlagSign, ok bool, err error) {
	var due sql.NullString
	err = s.db.QueryRowContext(ctx, `WITH late AS (
            SELECT number, due_on, paid_on IS NULL AS open,
                   CAST(julianday(coalesce(paid_on, ?2)) - julianday(due_on) AS INTEGER) AS days
            FROM invoices WHERE client_id = ?1 AND status NOT IN ('draft', 'void')
                AND (paid_on IS NOT NULL OR balance_minor > 0))
        SELECT (SELECT count(*) FROM late WHERE days > ?3),
               number, due_on, days, open
        FROM late WHERE days > ?3 ORDER BY due_on, number LIMIT 1`,
		clientID, Date(s.now()), LatePaymentOnsetDays).Scan(&sign.Count, &sign.Detail, &due, &sign.DaysLate, &sign.StillOpen)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !due.Valid) {
		return sign, false, nil
	}
	if err != nil {
		return sign, false, err
	}
	sign.Kind, sign.FirstSeen = SignLatePayment, parseDate(due.String).AddDate(0, 0, LatePaymentOnsetDays+1)
	return sign, true, nil
}

// firstPlan reads when the first remediation plan was started and where
// the latest one ended.
func (s *Store) firstPlan(ctx context.Context, clientID int64, f *PostMortemFacts) error {
	var planCreated, planStatus sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(created_at),
            (SELECT status FROM remediation_plans WHERE client_id = ?1 ORDER BY `+latestPlanOrder+` LIMIT 1)
        FROM remediation_plans WHERE client_id = ?1`, clientID).Scan(&planCreated, &planStatus); err != nil {
		return err
	}
	if planCreated.Valid {
		at, _ := time.Parse(time.RFC3339, planCreated.String)
		f.PlanCreated, f.PlanStatus = utcDay(at), planStatus.String
	}
	return nil
}

// lessons reads the owner's notes and when they were saved, if ever.
func (s *Store) lessons(ctx context.Context, clientID int64, f *PostMortemFacts) error {
	var updated string
	err := s.db.QueryRowContext(ctx, "SELECT lessons, updated_at FROM postmortems WHERE client_id = ?", clientID).
		Scan(&f.Lessons, &updated)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	f.LessonsUpdated, _ = time.Parse(time.RFC3339, updated)
	return nil
}

// SaveLessons stores the owner's notes on what to change after letting a
// client go, replacing earlier notes.
func (s *Store) SaveLessons(ctx context.Context, clientID int64, lessons string) error {
	_, err := s.exec(ctx, `INSERT INTO postmortems (client_id, lessons, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (client_id) DO UPDATE SET lessons = excluded.lessons, updated_at = excluded.updated_at`,
		clientID, lessons, Timestamp(s.now()))
	if err != nil {
		return fmt.Errorf("save post-mortem notes of client %d: %w", clientID, err)
	}
	return nil
}

// utcDay is the UTC calendar day of an instant, at midnight.
func utcDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
