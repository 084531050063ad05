package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// PlanRow is a remediation plan as an import writes it, keyed by its client
// and when it was started, with its items.
type PlanRow struct {
	ClientID                                     int64
	Created, Updated, Closed, MeetingAt          time.Time
	ReviewOn, BaselineFrom, BaselineTo           time.Time
	Status, MeetingPlace, OutcomeNote            string
	AttendeesOurs, AttendeesTheirs, Contributors string
	Items                                        []PlanItemRow
}

// PlanItemRow is one topic, action or term of an imported plan.
type PlanItemRow struct {
	Position                           int
	Kind, Flag, Title, Evidence        string
	ClientSaid, WeChange               string
	OwnerSide, OwnerName, Target, Note string
	Due, Done                          time.Time
}

// WritePlan writes a remediation plan with its items: a plan whose columns
// or items differ from the stored one is updated and its items replaced.
func (t *ImportTx) WritePlan(r PlanRow) error {
	out, err := t.plan(r)
	if err == nil {
		t.count(out)
	}
	return err
}

func (t *ImportTx) plan(r PlanRow) (outcome, error) {
	header := []any{r.ClientID, Timestamp(r.Created), r.Status, nullTime(r.MeetingAt), r.MeetingPlace, r.AttendeesOurs,
		r.AttendeesTheirs, r.Contributors, nullDate(r.ReviewOn), nullDate(r.BaselineFrom), nullDate(r.BaselineTo),
		r.OutcomeNote, Timestamp(r.Updated), nullTime(r.Closed)}
	var planID int64
	err := t.tx.QueryRowContext(t.ctx, "SELECT id FROM remediation_plans WHERE client_id = ? AND created_at = ?",
		r.ClientID, Timestamp(r.Created)).Scan(&planID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := t.tx.ExecContext(t.ctx, `INSERT INTO remediation_plans (client_id, created_at, status, meeting_at,
            meeting_place, attendees_ours, attendees_theirs, contributors, review_on, baseline_from, baseline_to,
            outcome_note, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, header...)
		if err != nil {
			return 0, err
		}
		if planID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		return inserted, t.insertItems(planID, r.Items)
	case err != nil:
		return 0, err
	}
	res, err := t.tx.ExecContext(t.ctx, `UPDATE remediation_plans SET status = ?3, meeting_at = ?4, meeting_place = ?5,
        attendees_ours = ?6, attendees_theirs = ?7, contributors = ?8, review_on = ?9, baseline_from = ?10,
        baseline_to = ?11, outcome_note = ?12, updated_at = ?13, closed_at = ?14
    WHERE client_id = ?1 AND created_at = ?2 AND (status IS NOT ?3 OR meeting_at IS NOT ?4 OR meeting_place IS NOT ?5
        OR attendees_ours IS NOT ?6 OR attendees_theirs IS NOT ?7 OR contributors IS NOT ?8 OR review_on IS NOT ?9
        OR baseline_from IS NOT ?10 OR baseline_to IS NOT ?11 OR outcome_note IS NOT ?12 OR updated_at IS NOT ?13
        OR closed_at IS NOT ?14)`, header...)
	if err != nil {
		return 0, err
	}
	headerChanged, _ := res.RowsAffected()
	stored, err := t.planItems(planID)
	if err != nil {
		return 0, err
	}
	if slices.EqualFunc(stored, r.Items, sameItem) {
		if headerChanged > 0 {
			return updated, nil
		}
		return unchanged, nil
	}
	if _, err := t.tx.ExecContext(t.ctx, "DELETE FROM remediation_items WHERE plan_id = ?", planID); err != nil {
		return 0, err
	}
	return updated, t.insertItems(planID, r.Items)
}

func (t *ImportTx) insertItems(planID int64, items []PlanItemRow) error {
	for _, it := range items {
		if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
            evidence, client_said, we_change, owner_side, owner_name, due_on, target, done_on, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, it.Position, it.Kind, it.Flag, it.Title, it.Evidence, it.ClientSaid, it.WeChange, it.OwnerSide,
			it.OwnerName, nullDate(it.Due), it.Target, nullDate(it.Done), it.Note); err != nil {
			return fmt.Errorf("plan item %d: %w", it.Position, err)
		}
	}
	return nil
}

// planItems reads a stored plan's items as rows.
func (t *ImportTx) planItems(planID int64) ([]PlanItemRow, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT position, kind, flag_id, title, evidence, client_said, we_change,
        owner_side, owner_name, coalesce(due_on, ''), target, coalesce(done_on, ''), note
    FROM remediation_items WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanItemRow
	for rows.Next() {
		var it PlanItemRow
		var due, done string
		if err := rows.Scan(&it.Position, &it.Kind, &it.Flag, &it.Title, &it.Evidence, &it.ClientSaid, &it.WeChange,
			&it.OwnerSide, &it.OwnerName, &due, &it.Target, &done, &it.Note); err != nil {
			return nil, err
		}
		it.Due, it.Done = parseDate(due), parseDate(done)
		out = append(out, it)
	}
	return out, rows.Err()
}

// sameItem compares items as the database keeps them: dates by day.
func sameItem(a, b PlanItemRow) bool {
	if nullDate(a.Due) != nullDate(b.Due) || nullDate(a.Done) != nullDate(b.Done) {
		return false
	}
	a.Due, a.Done, b.Due, b.Done = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b
}
