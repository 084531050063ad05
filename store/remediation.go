package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PlanStatus is where a remediation plan stands.
type PlanStatus string

// The plan statuses of the remediation_plans table. A draft is a
// walkthrough in progress; agreed, partly agreed and extended plans are
// open and await their review; resolved, refused and failed plans are
// closed. Refused and failed are seed 004's "no resolution", after which
// offboarding may be recommended.
const (
	PlanDraft        PlanStatus = "draft"
	PlanAgreed       PlanStatus = "agreed"
	PlanPartlyAgreed PlanStatus = "partly_agreed"
	PlanRefused      PlanStatus = "refused"
	PlanExtended     PlanStatus = "extended"
	PlanResolved     PlanStatus = "resolved"
	PlanFailed       PlanStatus = "failed"
)

// Open reports whether the plan is agreed and awaiting its review.
func (s PlanStatus) Open() bool {
	return s == PlanAgreed || s == PlanPartlyAgreed || s == PlanExtended
}

// Label is the status in words: "partly agreed".
func (s PlanStatus) Label() string { return strings.ReplaceAll(string(s), "_", " ") }

// ItemKind is the kind of a row of a finished plan.
type ItemKind string

// The kinds of plan items.
const (
	ItemTopic  ItemKind = "topic"
	ItemAction ItemKind = "action"
	ItemTerm   ItemKind = "term"
)

// Plan is a remediation plan: while a draft, its Form is the walkthrough
// as typed; once finished, the columns and Items hold the normalised plan.
type Plan struct {
	ID           int64
	ClientID     int64
	Status       PlanStatus
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
	Form         PlanForm
	OutcomeNote  string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	ClosedAt     time.Time
	Items        []PlanItem
}

// ReviewDue reports whether an open plan's review date has come by asOf.
func (p Plan) ReviewDue(asOf time.Time) bool { return reviewDue(p.Status, p.ReviewOn, asOf) }

func reviewDue(s PlanStatus, review, asOf time.Time) bool {
	return s.Open() && !review.IsZero() && !review.After(civilDay(asOf))
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
	OwnerSide  Side
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
	var meeting, review, from, to, form, created, updated, closed string
	if err := r.Scan(&p.ID, &p.ClientID, &p.Status, &meeting, &p.MeetingPlace, &p.AttendeesOurs, &p.AttendeesTheirs,
		&p.Contributors, &review, &from, &to, &form, &p.OutcomeNote, &created, &updated, &closed); err != nil {
		return p, err
	}
	if meeting != "" {
		t, _ := time.Parse(time.RFC3339, meeting)
		p.Meeting = t.In(time.Local)
	}
	p.ReviewOn, p.BaselineFrom, p.BaselineTo = parseDate(review), parseDate(from), parseDate(to)
	p.CreatedAt, _ = time.Parse(time.RFC3339, created)
	p.UpdatedAt, _ = time.Parse(time.RFC3339, updated)
	p.ClosedAt, _ = time.Parse(time.RFC3339, closed)
	f, err := decodePlanForm(form)
	p.Form = f
	return p, err
}

// StartPlan opens the remediation walkthrough for a client: the client's
// open draft if there is one (resumed is true), otherwise a new draft
// holding initial, which is usually pre-filled from the client's red flags.
func (s *Store) StartPlan(ctx context.Context, clientID int64, initial PlanForm) (p Plan, resumed bool, err error) {
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		p, err = scanPlan(tx.QueryRowContext(ctx, draftQuery, clientID))
		if err == nil {
			resumed = true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("open remediation draft of client %d: %w", clientID, err)
		}
		initial.Version = PlanFormVersion
		body, err := json.Marshal(initial)
		if err != nil {
			return fmt.Errorf("start remediation plan for client %d: %w", clientID, err)
		}
		now := Timestamp(s.now())
		res, err := tx.ExecContext(ctx, `INSERT INTO remediation_plans (client_id, status, form_json, created_at, updated_at)
            VALUES (?, 'draft', ?, ?, ?)`, clientID, string(body), now, now)
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

// SavePlanForm stores the walkthrough as typed. It is called on every
// pause in typing and on quit, possibly from several commands at once, so
// a save whose form.Seq is not above the stored one is stale and dropped
// (saved is false). A plan that is no longer a draft gives ErrNotDraft.
func (s *Store) SavePlanForm(ctx context.Context, planID int64, form PlanForm) (saved bool, err error) {
	form.Version = PlanFormVersion
	body, err := json.Marshal(form)
	if err != nil {
		return false, fmt.Errorf("save walkthrough of plan %d: %w", planID, err)
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		var status string
		var seq int64
		err := tx.QueryRowContext(ctx, `SELECT status, coalesce(json_extract(form_json, '$.seq'), 0)
            FROM remediation_plans WHERE id = ?`, planID).Scan(&status, &seq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, ErrNoPlan)
		case err != nil:
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, err)
		case status != string(PlanDraft):
			return fmt.Errorf("save walkthrough of plan %d: %w", planID, ErrNotDraft)
		case form.Seq <= seq:
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE remediation_plans SET form_json = ?, updated_at = ? WHERE id = ?",
			string(body), Timestamp(s.now()), planID); err != nil {
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
	res, err := s.db.ExecContext(ctx, "DELETE FROM remediation_plans WHERE id = ? AND status = 'draft'", planID)
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

// BaselineMonths is how many whole months before the meeting the review
// compares against.
const BaselineMonths = 6

// FinishPlan ends the walkthrough: it parses the form (returning
// FormErrors, and changing nothing, when it is incomplete), writes the
// normalised topics, actions and terms, sets the plan's outcome and review
// date, moves the client to "remediation", and logs the meeting in the
// communications log and the outcome in the decisions log, all in one
// transaction. A refused plan is closed at once; scoring's policy then
// recommends offboarding (seed 004).
func (s *Store) FinishPlan(ctx context.Context, planID int64) (Plan, error) {
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return p, err
	}
	if p.Status != PlanDraft {
		return p, fmt.Errorf("finish plan %d: %w", planID, ErrNotDraft)
	}
	d, err := p.Form.Parse(time.Local)
	if err != nil {
		return p, err
	}
	now := s.now()
	p.Form.Finished = Date(now)
	form, err := json.Marshal(p.Form)
	if err != nil {
		return p, fmt.Errorf("finish plan %d: %w", planID, err)
	}
	monthStart := time.Date(d.Meeting.Year(), d.Meeting.Month(), 1, 0, 0, 0, 0, time.UTC)
	baseFrom := monthStart.AddDate(0, -BaselineMonths, 0)
	baseTo := monthStart.AddDate(0, 0, -1)
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		var closed any
		if d.Result == PlanRefused {
			closed = Timestamp(now)
		}
		res, err := tx.ExecContext(ctx, `UPDATE remediation_plans SET status = ?, meeting_at = ?, meeting_place = ?,
            attendees_ours = ?, attendees_theirs = ?, contributors = ?, review_on = ?, baseline_from = ?,
            baseline_to = ?, outcome_note = ?, form_json = ?, updated_at = ?, closed_at = ? WHERE id = ? AND status = 'draft'`,
			string(d.Result), Timestamp(d.Meeting), d.Place, p.Form.Prepare.OurAttendees, p.Form.Prepare.ClientAttendees,
			p.Form.Prepare.Contributors, nullDate(d.Review), Date(baseFrom), Date(baseTo), d.Note, string(form),
			Timestamp(now), closed, planID)
		if err != nil {
			return fmt.Errorf("finish plan %d: %w", planID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("finish plan %d: %w", planID, ErrNotDraft)
		}
		if err := insertItems(ctx, tx, planID, d); err != nil {
			return err
		}
		summary := fmt.Sprintf("Remediation meeting on %s: plan %s", Date(d.Meeting), d.Result.Label())
		if d.Result != PlanRefused {
			summary += fmt.Sprintf(", review on %s", Date(d.Review))
		}
		// The client is in remediation from the meeting on, whatever its
		// outcome, until the plan is resolved or notice is given.
		if err := SetStatus(ctx, tx, p.ClientID, StatusRemediation, summary, now); err != nil {
			return err
		}
		if _, err := LogCommunication(ctx, tx, Communication{ClientID: p.ClientID, At: now, Channel: "meeting",
			Direction: "outbound", Summary: summary, Body: meetingRecord(d)}); err != nil {
			return err
		}
		return LogDecision(ctx, tx, Decision{ClientID: p.ClientID, At: now, Kind: "plan", From: string(PlanDraft),
			To: string(d.Result), Reason: d.Note})
	})
	if err != nil {
		return p, err
	}
	return s.Plan(ctx, planID)
}

// insertItems writes a finished plan's rows: topics, then actions, then
// terms, numbered in that order.
func insertItems(ctx context.Context, tx *sql.Tx, planID int64, d PlanDetails) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
        evidence, client_said, we_change, owner_side, owner_name, due_on, target, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("write items of plan %d: %w", planID, err)
	}
	defer stmt.Close()
	pos := 0
	add := func(it PlanItem) error {
		pos++
		_, err := stmt.ExecContext(ctx, planID, pos, string(it.Kind), it.FlagID, it.Title, it.Evidence,
			it.ClientSaid, it.WeChange, string(it.OwnerSide), it.OwnerName, nullDate(it.Due), it.Target, it.Note)
		if err != nil {
			return fmt.Errorf("write item %d of plan %d: %w", pos, planID, err)
		}
		return nil
	}
	for _, t := range d.Topics {
		if err := add(PlanItem{Kind: ItemTopic, FlagID: t.FlagID, Title: strings.TrimSpace(t.Title),
			Evidence: strings.TrimSpace(t.Evidence), ClientSaid: strings.TrimSpace(t.ClientSaid),
			WeChange: strings.TrimSpace(t.WeChange), Target: strings.TrimSpace(t.Goal)}); err != nil {
			return err
		}
	}
	for _, a := range d.Actions {
		if err := add(PlanItem{Kind: ItemAction, Title: a.What, OwnerSide: a.Side, OwnerName: a.Person, Due: a.Due,
			Target: a.Target}); err != nil {
			return err
		}
	}
	for _, t := range d.Terms.Items() {
		if err := add(PlanItem{Kind: ItemTerm, Title: t.Title, Due: t.From, Note: t.Note}); err != nil {
			return err
		}
	}
	return nil
}

// TermItem is a standard term as one line of the plan.
type TermItem struct {
	Title string
	From  time.Time
	Note  string
}

// Items lists the terms that apply, as the plan states them.
func (t Terms) Items() []TermItem {
	var out []TermItem
	if t.Autopay {
		out = append(out, TermItem{Title: "Invoices are paid by automatic collection (autopay)", From: t.AutopayFrom})
	}
	if t.Scope != "" {
		out = append(out, TermItem{Title: "Scope of work as the agreement states it", Note: t.Scope})
	}
	if t.PriceChange {
		note := "from " + FormatMinor(t.CurrentMinor, t.Currency)
		if t.BreakEvenMinor > 0 {
			note += "; break-even " + FormatMinor(t.BreakEvenMinor, t.Currency)
		}
		out = append(out, TermItem{Title: "Monthly fee of " + FormatMinor(t.NewPriceMinor, t.Currency),
			From: t.PriceFrom, Note: note})
	}
	return out
}

// FormatMinor writes an amount of minor units as "USD 4,800.00".
func FormatMinor(minor int64, currency string) string {
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	whole := fmt.Sprint(minor / 100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	s := fmt.Sprintf("%s%s.%02d", sign, b.String(), minor%100)
	if currency == "" {
		return s
	}
	return currency + " " + s
}

// meetingRecord is the body of the communications-log entry for the
// meeting: who was there and what was agreed, so the log alone tells the
// story in a dispute (seed 001).
func meetingRecord(d PlanDetails) string {
	var b strings.Builder
	people := func(label string, ps []Person) {
		if len(ps) == 0 {
			return
		}
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = p.Name
			if p.Role != "" {
				names[i] += " (" + p.Role + ")"
			}
		}
		fmt.Fprintf(&b, "%s: %s\n", label, strings.Join(names, ", "))
	}
	if d.Place != "" {
		fmt.Fprintf(&b, "Place: %s\n", d.Place)
	}
	people("Our side", d.OurAttendees)
	people("Client side", d.ClientAttendees)
	people("Contributors", d.Contributors)
	for _, t := range d.Topics {
		fmt.Fprintf(&b, "Topic: %s\n", strings.TrimSpace(t.Title))
	}
	for _, a := range d.Actions {
		fmt.Fprintf(&b, "Action (%s, %s, due %s): %s; target: %s\n", a.Side, a.Person, Date(a.Due), a.What, a.Target)
	}
	if d.Note != "" {
		fmt.Fprintf(&b, "Outcome: %s\n", d.Note)
	}
	return strings.TrimRight(b.String(), "\n")
}

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

// PlanSummary is a client's latest plan in brief, for the client list and
// for scoring's policy.
type PlanSummary struct {
	PlanID   int64
	ClientID int64
	Status   PlanStatus
	Meeting  time.Time
	ReviewOn time.Time
	Created  time.Time
	Closed   time.Time
}

// ReviewDue reports whether the plan is open and its review date has come.
func (p PlanSummary) ReviewDue(asOf time.Time) bool { return reviewDue(p.Status, p.ReviewOn, asOf) }

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
	Status     PlanStatus
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

// ResolvePlan closes an open plan as resolved at its review: the client
// goes back to "active", and the note is kept in both logs.
func (s *Store) ResolvePlan(ctx context.Context, planID int64, note string) error {
	return s.reviewPlan(ctx, planID, PlanResolved, time.Time{}, note)
}

// ExtendPlan keeps an open plan going until a new review date, after the
// current one.
func (s *Store) ExtendPlan(ctx context.Context, planID int64, review time.Time, note string) error {
	if review.IsZero() {
		return fmt.Errorf("extend plan %d: the new review date is not set", planID)
	}
	return s.reviewPlan(ctx, planID, PlanExtended, review, note)
}

// FailPlan closes an open plan as failed at its review. The client keeps
// its status until notice is given; scoring's policy then recommends
// offboarding (seed 004: if there is no resolution, thank the client and
// fulfil the contract).
func (s *Store) FailPlan(ctx context.Context, planID int64, note string) error {
	return s.reviewPlan(ctx, planID, PlanFailed, time.Time{}, note)
}

func (s *Store) reviewPlan(ctx context.Context, planID int64, to PlanStatus, review time.Time, note string) error {
	now := s.now()
	note = strings.TrimSpace(note)
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var clientID int64
		var from, oldReview string
		err := tx.QueryRowContext(ctx, "SELECT client_id, status, coalesce(review_on, '') FROM remediation_plans WHERE id = ?",
			planID).Scan(&clientID, &from, &oldReview)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("review plan %d: %w", planID, ErrNoPlan)
		}
		if err != nil {
			return fmt.Errorf("review plan %d: %w", planID, err)
		}
		if !PlanStatus(from).Open() {
			return fmt.Errorf("review plan %d (%s): %w", planID, PlanStatus(from).Label(), ErrPlanClosed)
		}
		summary := "reviewed: " + to.Label()
		if to == PlanExtended {
			if !review.After(parseDate(oldReview)) {
				return fmt.Errorf("extend plan %d: the new review date %s must be after the current one, %s",
					planID, Date(review), oldReview)
			}
			summary += ", next review on " + Date(review)
			_, err = tx.ExecContext(ctx, "UPDATE remediation_plans SET status = ?, review_on = ?, updated_at = ? WHERE id = ?",
				string(to), Date(review), Timestamp(now), planID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE remediation_plans SET status = ?, outcome_note = CASE WHEN ? = '' THEN
                outcome_note ELSE ? END, updated_at = ?, closed_at = ? WHERE id = ?`,
				string(to), note, note, Timestamp(now), Timestamp(now), planID)
		}
		if err != nil {
			return fmt.Errorf("review plan %d: %w", planID, err)
		}
		if to == PlanResolved {
			if err := SetStatus(ctx, tx, clientID, StatusActive, "remediation plan resolved at its review", now); err != nil {
				return err
			}
		}
		reason := summary
		if note != "" {
			reason += ": " + note
		}
		return LogDecision(ctx, tx, Decision{ClientID: clientID, At: now, Kind: "plan", From: from, To: string(to), Reason: reason})
	})
}
