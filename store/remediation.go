package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ItemKind is the kind of a row of a finished plan.
type ItemKind string

// The kinds of plan items.
const (
	ItemTopic  ItemKind = "topic"
	ItemAction ItemKind = "action"
	ItemTerm   ItemKind = "term"
)

// Plan is one row of remediation_plans with its items: while a draft,
// FormJSON holds the walkthrough as typed; once finished, the columns and
// Items hold the normalised plan.
type Plan struct {
	ID       int64
	ClientID int64
	// Status is the plan's status as stored: draft, agreed, partly_agreed,
	// extended, resolved, refused or failed.
	Status       string
	Meeting      time.Time // local time as typed; zero while a draft
	MeetingPlace string
	// AttendeesOurs, AttendeesTheirs and Contributors are one "Name, Role"
	// per line.
	AttendeesOurs   string
	AttendeesTheirs string
	Contributors    string
	ReviewOn        time.Time
	// BaselineFrom and BaselineTo bound the months before the meeting that
	// the review compares against.
	BaselineFrom time.Time
	BaselineTo   time.Time
	// FormJSON is the walkthrough as typed, as the domain wrote it.
	FormJSON    string
	OutcomeNote string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	ClosedAt    time.Time
	Items       []PlanItem
}

// Actions are the plan's agreed actions, in order.
func (p Plan) Actions() []PlanItem { return p.itemsOf(ItemAction) }

// Topics are the plan's agenda topics, in order.
func (p Plan) Topics() []PlanItem { return p.itemsOf(ItemTopic) }

// Terms are the plan's standard terms, in order.
func (p Plan) Terms() []PlanItem { return p.itemsOf(ItemTerm) }

func (p Plan) itemsOf(k ItemKind) []PlanItem {
	var out []PlanItem
	for _, it := range p.Items {
		if it.Kind == k {
			out = append(out, it)
		}
	}
	return out
}

// PlanItem is one row of a finished plan: a topic with its meeting notes,
// an agreed action with its owner, due date and target, or a term.
type PlanItem struct {
	ID         int64
	PlanID     int64
	Position   int
	Kind       ItemKind
	FlagID     string
	Title      string
	Evidence   string
	ClientSaid string
	WeChange   string
	OwnerSide  string // "us" or "client" for an action
	OwnerName  string
	Due        time.Time
	Target     string
	DoneOn     time.Time // zero while open
	Note       string
}

// Done reports whether the item has been ticked off.
func (it PlanItem) Done() bool { return !it.DoneOn.IsZero() }

// ErrNoPlan reports a plan id that matches nothing.
var ErrNoPlan = errors.New("no such remediation plan")

// planDraft is the status of a plan whose walkthrough is in progress: the
// only one whose form may still change.
const planDraft = "draft"

// ErrNotDraft reports an attempt to change the walkthrough of a plan that
// is already finished.
var ErrNotDraft = errors.New("the plan is no longer a draft")

// ErrPlanClosed reports a review action on a plan that is not open.
var ErrPlanClosed = errors.New("the plan is not open for review")

const planColumns = `id, client_id, status, coalesce(meeting_at, ''), meeting_place, attendees_ours, attendees_theirs,
    contributors, coalesce(review_on, ''), coalesce(baseline_from, ''), coalesce(baseline_to, ''), form_json,
    outcome_note, created_at, updated_at, coalesce(closed_at, '')`

// draftQuery reads a client's walkthrough in progress.
const draftQuery = "SELECT " + planColumns + ` FROM remediation_plans
    WHERE client_id = ? AND status = 'draft' ORDER BY id DESC LIMIT 1`

func scanPlan(r scanner) (Plan, error) {
	var p Plan
	var meeting, review, from, to, created, updated, closed string
	if err := r.Scan(&p.ID, &p.ClientID, &p.Status, &meeting, &p.MeetingPlace, &p.AttendeesOurs, &p.AttendeesTheirs,
		&p.Contributors, &review, &from, &to, &p.FormJSON, &p.OutcomeNote, &created, &updated, &closed); err != nil {
		return p, err
	}
	if meeting != "" {
		p.Meeting, _ = time.Parse(time.RFC3339, meeting)
	}
	p.ReviewOn, p.BaselineFrom, p.BaselineTo = parseDate(review), parseDate(from), parseDate(to)
	p.CreatedAt, _ = time.Parse(time.RFC3339, created)
	p.UpdatedAt, _ = time.Parse(time.RFC3339, updated)
	p.ClosedAt, _ = time.Parse(time.RFC3339, closed)
	return p, nil
}

// StartPlan opens the remediation walkthrough for a client: the client's
// open draft if there is one (resumed is true), otherwise a new draft
// holding initialJSON, the walkthrough as the domain encodes it.
func (s *Store) StartPlan(ctx context.Context, clientID int64, initialJSON string) (p Plan, resumed bool, err error) {
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		p, err = scanPlan(tx.QueryRowContext(ctx, draftQuery, clientID))
		if err == nil {
			resumed = true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("open remediation draft of client %d: %w", clientID, err)
		}
		now := Timestamp(s.now())
		res, err := tx.ExecContext(ctx, `INSERT INTO remediation_plans (client_id, status, form_json, created_at, updated_at)
            VALUES (?, 'draft', ?, ?, ?)`, clientID, initialJSON, now, now)
		if err != nil {
			return fmt.Errorf("start remediation plan for client %d: %w", clientID, err)
		}
		id, _ := res.LastInsertId()
		p, err = scanPlan(tx.QueryRowContext(ctx, "SELECT "+planColumns+" FROM remediation_plans WHERE id = ?", id))
		return err
	})
	return p, resumed, err
}

// DraftPlan returns the client's walkthrough in progress; ok is false when
// there is none.
func (s *Store) DraftPlan(ctx context.Context, clientID int64) (p Plan, ok bool, err error) {
	p, err = scanPlan(s.db.QueryRowContext(ctx, draftQuery, clientID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("open remediation draft of client %d: %w", clientID, err)
	}
	return p, true, nil
}

// SavePlanForm stores the walkthrough as typed, formJSON carrying its
// save number seq at "$.seq". It is called on every pause in typing and on
// quit, possibly from several commands at once, so a save whose seq is not
// above the stored one is stale and dropped (saved is false). A plan that
// is no longer a draft gives ErrNotDraft.
func (s *Store) SavePlanForm(ctx context.Context, planID, seq int64, formJSON string) (saved bool, err error) {
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		var status string
		var stored int64
		err := tx.QueryRowContext(ctx, `SELECT status, coalesce(json_extract(form_json, '$.seq'), 0)
            FROM remediation_plans WHERE id = ?`, planID).Scan(&status, &stored)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, ErrNoPlan)
		case err != nil:
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, err)
		case status != planDraft:
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, ErrNotDraft)
		case seq <= stored:
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE remediation_plans SET form_json = ?, updated_at = ? WHERE id = ?",
			formJSON, Timestamp(s.now()), planID); err != nil {
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, err)
		}
		saved = true
		return nil
	})
	return saved, err
}

// DiscardDraftPlan deletes a client's walkthrough in progress, for an owner
// who wants to start again from the red flags. Finished plans are never
// deleted: they are part of the record.
func (s *Store) DiscardDraftPlan(ctx context.Context, planID int64) error {
	res, err := s.exec(ctx, "DELETE FROM remediation_plans WHERE id = ? AND status = 'draft'", planID)
	if err != nil {
		return fmt.Errorf("discard walkthrough of plan %d: %w", planID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("discard walkthrough of plan %d: %w", planID, ErrNotDraft)
	}
	return nil
}

// Plan returns one plan with its items.
func (s *Store) Plan(ctx context.Context, planID int64) (Plan, error) {
	p, err := scanPlan(s.db.QueryRowContext(ctx, "SELECT "+planColumns+" FROM remediation_plans WHERE id = ?", planID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("plan %d: %w", planID, ErrNoPlan)
	}
	if err != nil {
		return p, fmt.Errorf("read plan %d: %w", planID, err)
	}
	p.Items, err = s.planItems(ctx, planID)
	return p, err
}

// LatestPlan returns the client's most recent plan that is not a draft;
// ok is false when the client has none.
func (s *Store) LatestPlan(ctx context.Context, clientID int64) (p Plan, ok bool, err error) {
	var id int64
	err = s.db.QueryRowContext(ctx, `SELECT id FROM remediation_plans WHERE client_id = ? AND status <> 'draft'
        ORDER BY id DESC LIMIT 1`, clientID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, fmt.Errorf("latest plan of client %d: %w", clientID, err)
	}
	p, err = s.Plan(ctx, id)
	return p, err == nil, err
}

func (s *Store) planItems(ctx context.Context, planID int64) ([]PlanItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, plan_id, position, kind, flag_id, title, evidence, client_said,
        we_change, owner_side, owner_name, coalesce(due_on, ''), target, coalesce(done_on, ''), note
        FROM remediation_items WHERE plan_id = ? ORDER BY position`, planID)
	if err != nil {
		return nil, fmt.Errorf("read items of plan %d: %w", planID, err)
	}
	defer rows.Close()
	var out []PlanItem
	for rows.Next() {
		var it PlanItem
		var due, done string
		if err := rows.Scan(&it.ID, &it.PlanID, &it.Position, &it.Kind, &it.FlagID, &it.Title, &it.Evidence,
			&it.ClientSaid, &it.WeChange, &it.OwnerSide, &it.OwnerName, &due, &it.Target, &done, &it.Note); err != nil {
			return nil, fmt.Errorf("read items of plan %d: %w", planID, err)
		}
		it.Due, it.DoneOn = parseDate(due), parseDate(done)
		out = append(out, it)
	}
	return out, rows.Err()
}

// FinishedPlan is the outcome of a walkthrough as the rows record it:
// what FinishPlan writes in one transaction.
type FinishedPlan struct {
	// Plan holds the columns written: Status (the outcome: agreed,
	// partly_agreed or refused), the meeting, its place and people, the
	// review date, the baseline, the outcome note and the form; and Items,
	// the topics, actions and terms, numbered here in this order.
	Plan
	// Closed closes the plan at once (a refused plan has nothing to review).
	Closed bool
	// ClientStatus is the client's status from the meeting on; Summary is
	// the reason given for it and the communication's summary.
	ClientStatus string
	Summary      string
	// MeetingRecord is the body of the communications-log entry for the
	// meeting.
	MeetingRecord string
}

// FinishPlan records the end of a draft's walkthrough in one transaction:
// the plan's outcome, meeting and review date, its items, the client's new
// status, the meeting in the communications log and the outcome in the
// decisions log. A plan that is no longer a draft gives ErrNotDraft and
// changes nothing.
func (s *Store) FinishPlan(ctx context.Context, planID int64, f FinishedPlan) error {
	now := s.now()
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var clientID int64
		if err := tx.QueryRowContext(ctx, "SELECT client_id FROM remediation_plans WHERE id = ?", planID).Scan(&clientID); err != nil {
			return fmt.Errorf("finish plan %d: %w", planID, err)
		}
		var closed any
		if f.Closed {
			closed = Timestamp(now)
		}
		res, err := tx.ExecContext(ctx, `UPDATE remediation_plans SET status = ?, meeting_at = ?, meeting_place = ?,
            attendees_ours = ?, attendees_theirs = ?, contributors = ?, review_on = ?, baseline_from = ?,
            baseline_to = ?, outcome_note = ?, form_json = ?, updated_at = ?, closed_at = ? WHERE id = ? AND status = 'draft'`,
			f.Status, Timestamp(f.Meeting), f.MeetingPlace, f.AttendeesOurs, f.AttendeesTheirs, f.Contributors,
			nullDate(f.ReviewOn), Date(f.BaselineFrom), Date(f.BaselineTo), f.OutcomeNote, f.FormJSON,
			Timestamp(now), closed, planID)
		if err != nil {
			return fmt.Errorf("finish plan %d: %w", planID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("finish plan %d: %w", planID, ErrNotDraft)
		}
		if err := insertItems(ctx, tx, planID, f.Items); err != nil {
			return err
		}
		if err := SetStatus(ctx, tx, clientID, f.ClientStatus, f.Summary, now); err != nil {
			return err
		}
		if _, err := LogCommunication(ctx, tx, Communication{ClientID: clientID, At: now, Channel: "meeting",
			Direction: "outbound", Summary: f.Summary, Body: f.MeetingRecord}); err != nil {
			return err
		}
		return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "plan", From: planDraft,
			To: f.Status, Reason: f.OutcomeNote})
	})
}

// insertItems writes a finished plan's rows, numbered in order.
func insertItems(ctx context.Context, tx *sql.Tx, planID int64, items []PlanItem) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
        evidence, client_said, we_change, owner_side, owner_name, due_on, target, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("write items of plan %d: %w", planID, err)
	}
	defer stmt.Close()
	for i, it := range items {
		_, err := stmt.ExecContext(ctx, planID, i+1, string(it.Kind), it.FlagID, it.Title, it.Evidence,
			it.ClientSaid, it.WeChange, it.OwnerSide, it.OwnerName, nullDate(it.Due), it.Target, it.Note)
		if err != nil {
			return fmt.Errorf("write item %d of plan %d: %w", i+1, planID, err)
		}
	}
	return nil
}
