package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// TickItem marks a plan item done today (done true) or open again, and
// records the change in the decisions log: in a dispute, when the client
// met a target matters.
func (s *Store) TickItem(ctx context.Context, itemID int64, done bool) error {
	now := s.now()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var clientID int64
		var title, doneOn string
		err := tx.QueryRowContext(ctx, `SELECT p.client_id, i.title, coalesce(i.done_on, '') FROM remediation_items i
            JOIN remediation_plans p ON p.id = i.plan_id WHERE i.id = ?`, itemID).Scan(&clientID, &title, &doneOn)
		if err != nil {
			return fmt.Errorf("tick plan item %d: %w", itemID, err)
		}
		if (doneOn != "") == done {
			return nil
		}
		var on any
		from, to := "done", "open"
		if done {
			on, from, to = Date(now), "open", "done"
		}
		if _, err := tx.ExecContext(ctx, "UPDATE remediation_items SET done_on = ? WHERE id = ?", on, itemID); err != nil {
			return fmt.Errorf("tick plan item %d: %w", itemID, err)
		}
		return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "plan", From: from, To: to,
			Reason: "plan item: " + title})
	})
}

// PlanSummary is a client's latest plan in brief.
type PlanSummary struct {
	PlanID   int64
	ClientID int64
	Status   string
	Meeting  time.Time
	ReviewOn time.Time
	Created  time.Time
	Closed   time.Time
}

// LatestPlans returns every client's latest plan (drafts included), keyed
// by client id, in one query.
func (s *Store) LatestPlans(ctx context.Context) (map[int64]PlanSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, status, coalesce(meeting_at, ''), coalesce(review_on, ''),
        created_at, coalesce(closed_at, '') FROM remediation_plans
        WHERE id IN (SELECT max(id) FROM remediation_plans GROUP BY client_id)`)
	if err != nil {
		return nil, fmt.Errorf("read latest plans: %w", err)
	}
	defer rows.Close()
	out := map[int64]PlanSummary{}
	for rows.Next() {
		var p PlanSummary
		var meeting, review, created, closed string
		if err := rows.Scan(&p.PlanID, &p.ClientID, &p.Status, &meeting, &review, &created, &closed); err != nil {
			return nil, fmt.Errorf("read latest plans: %w", err)
		}
		p.Meeting, _ = time.Parse(time.RFC3339, meeting)
		p.ReviewOn = parseDate(review)
		p.Created, _ = time.Parse(time.RFC3339, created)
		p.Closed, _ = time.Parse(time.RFC3339, closed)
		out[p.ClientID] = p
	}
	return out, rows.Err()
}

// DueReview is a client whose plan's review date has come.
type DueReview struct {
	ClientID   int64
	ClientName string
	PlanID     int64
	Status     string
	ReviewOn   time.Time
	// OpenActions counts the agreed actions not yet ticked off.
	OpenActions int
}

// ReviewsDue lists the clients whose open plan's review date is on or
// before asOf, earliest review first, in one aggregate query.
func (s *Store) ReviewsDue(ctx context.Context, asOf time.Time) ([]DueReview, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.name, p.id, p.status, p.review_on,
            (SELECT count(*) FROM remediation_items i WHERE i.plan_id = p.id AND i.kind = 'action' AND i.done_on IS NULL)
        FROM remediation_plans p JOIN clients c ON c.id = p.client_id
        WHERE p.status IN ('agreed', 'partly_agreed', 'extended') AND p.review_on <= ?
          AND p.id = (SELECT max(id) FROM remediation_plans q WHERE q.client_id = p.client_id AND q.status <> 'draft')
        ORDER BY p.review_on, c.name COLLATE NOCASE`, Date(asOf))
	if err != nil {
		return nil, fmt.Errorf("list reviews due: %w", err)
	}
	defer rows.Close()
	var out []DueReview
	for rows.Next() {
		var r DueReview
		var review string
		if err := rows.Scan(&r.ClientID, &r.ClientName, &r.PlanID, &r.Status, &review, &r.OpenActions); err != nil {
			return nil, fmt.Errorf("list reviews due: %w", err)
		}
		r.ReviewOn = parseDate(review)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PlanReview is a decision taken at a plan's review, as the rows record it.
type PlanReview struct {
	// To is the plan's new status: resolved, extended or failed.
	To string
	// ReviewOn is the new review date of an extended plan; zero closes the
	// plan, keeping Note as its outcome note when there is one.
	ReviewOn time.Time
	Note     string
	// Reason is the decisions log's entry.
	Reason string
	// ClientStatus is the client's new status, "" to keep it, with
	// ClientReason given for the change.
	ClientStatus string
	ClientReason string
}

// ReviewPlan records a review decision on a plan whose status is still
// from, in one transaction with the client's status and the decisions log.
// A plan whose status has changed meanwhile gives ErrPlanClosed.
func (s *Store) ReviewPlan(ctx context.Context, planID int64, from string, r PlanReview) error {
	now := s.now()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var clientID int64
		err := tx.QueryRowContext(ctx, "SELECT client_id FROM remediation_plans WHERE id = ?", planID).Scan(&clientID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("review plan %d: %w", planID, ErrNoPlan)
		}
		if err != nil {
			return fmt.Errorf("review plan %d: %w", planID, err)
		}
		var res sql.Result
		if !r.ReviewOn.IsZero() {
			res, err = tx.ExecContext(ctx, `UPDATE remediation_plans SET status = ?, review_on = ?, updated_at = ?
                WHERE id = ? AND status = ?`, r.To, Date(r.ReviewOn), Timestamp(now), planID, from)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE remediation_plans SET status = ?, outcome_note = CASE WHEN ? = '' THEN
                outcome_note ELSE ? END, updated_at = ?, closed_at = ? WHERE id = ? AND status = ?`,
				r.To, r.Note, r.Note, Timestamp(now), Timestamp(now), planID, from)
		}
		if err != nil {
			return fmt.Errorf("review plan %d: %w", planID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("review plan %d: %w", planID, ErrPlanClosed)
		}
		if r.ClientStatus != "" {
			if err := SetStatus(ctx, tx, clientID, r.ClientStatus, r.ClientReason, now); err != nil {
				return err
			}
		}
		return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "plan", From: from, To: r.To, Reason: r.Reason})
	})
}
