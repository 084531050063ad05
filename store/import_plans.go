package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"offboard/importer"
)

var (
	planStatuses = []string{"draft", "agreed", "partly_agreed", "refused", "extended", "resolved", "failed"}
	itemKinds    = []string{"topic", "action", "term"}
	ownerSides   = []string{"", "us", "client"}
)

// plan writes a remediation plan, keyed by its client and when it was
// started, with its items: a plan whose columns or items differ from the
// stored one is updated and its items replaced.
func (w *importWriter) plan(r importer.PlanRecord) (outcome, error) {
	status := r.Status
	if status == "" {
		status = "draft"
	}
	if !slices.Contains(planStatuses, status) {
		return 0, w.rowErr(r.Line(), "status", "%q is not a plan status (%s)", r.Status, strings.Join(planStatuses, ", "))
	}
	for _, it := range r.Items {
		if !slices.Contains(itemKinds, it.Kind) {
			return 0, w.rowErr(r.Line(), "item_kind", "item %d: %q is not an item kind (topic, action, term)", it.Position, it.Kind)
		}
		if !slices.Contains(ownerSides, it.OwnerSide) {
			return 0, w.rowErr(r.Line(), "item_owner_side", "item %d: %q is not an owner side (us, client)", it.Position, it.OwnerSide)
		}
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	touched := r.Updated
	if touched.IsZero() {
		touched = r.Created
	}
	header := []any{clientID, Timestamp(r.Created), status, nullTime(r.MeetingAt), r.MeetingPlace, r.AttendeesOurs,
		r.AttendeesTheirs, r.Contributors, nullDate(r.ReviewOn), nullDate(r.BaselineFrom), nullDate(r.BaselineTo),
		r.OutcomeNote, Timestamp(touched), nullTime(r.Closed)}
	var planID int64
	err = w.tx.QueryRowContext(w.ctx, "SELECT id FROM remediation_plans WHERE client_id = ? AND created_at = ?",
		clientID, Timestamp(r.Created)).Scan(&planID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := w.tx.ExecContext(w.ctx, `INSERT INTO remediation_plans (client_id, created_at, status, meeting_at,
            meeting_place, attendees_ours, attendees_theirs, contributors, review_on, baseline_from, baseline_to,
            outcome_note, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, header...)
		if err != nil {
			return 0, err
		}
		if planID, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		return inserted, w.insertItems(planID, r.Items)
	case err != nil:
		return 0, err
	}
	res, err := w.tx.ExecContext(w.ctx, `UPDATE remediation_plans SET status = ?3, meeting_at = ?4, meeting_place = ?5,
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
	stored, err := w.planItems(planID)
	if err != nil {
		return 0, err
	}
	if slices.EqualFunc(stored, r.Items, sameItem) {
		if headerChanged > 0 {
			return updated, nil
		}
		return unchanged, nil
	}
	if _, err := w.tx.ExecContext(w.ctx, "DELETE FROM remediation_items WHERE plan_id = ?", planID); err != nil {
		return 0, err
	}
	return updated, w.insertItems(planID, r.Items)
}

func (w *importWriter) insertItems(planID int64, items []importer.PlanItem) error {
	for _, it := range items {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
            evidence, client_said, we_change, owner_side, owner_name, due_on, target, done_on, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			planID, it.Position, it.Kind, it.Flag, it.Title, it.Evidence, it.ClientSaid, it.WeChange, it.OwnerSide,
			it.OwnerName, nullDate(it.Due), it.Target, nullDate(it.Done), it.Note); err != nil {
			return fmt.Errorf("plan item %d: %w", it.Position, err)
		}
	}
	return nil
}

// planItems reads a stored plan's items in the form the parser gives them.
func (w *importWriter) planItems(planID int64) ([]importer.PlanItem, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT position, kind, flag_id, title, evidence, client_said, we_change,
        owner_side, owner_name, coalesce(due_on, ''), target, coalesce(done_on, ''), note
    FROM remediation_items WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []importer.PlanItem
	for rows.Next() {
		var it importer.PlanItem
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
func sameItem(a, b importer.PlanItem) bool {
	if nullDate(a.Due) != nullDate(b.Due) || nullDate(a.Done) != nullDate(b.Done) {
		return false
	}
	a.Due, a.Done, b.Due, b.Done = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a == b
}
