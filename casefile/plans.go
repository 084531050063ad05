package casefile

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// BaselineMonths is how many whole months before the meeting the review
// compares against.
const BaselineMonths = 6

// Plan is a remediation plan as the domain reads it: the stored row with
// its status typed and its walkthrough decoded. Status shadows the row's
// plain string.
type Plan struct {
	store.Plan
	Status scoring.PlanStatus
	// Form is the walkthrough as typed; empty for a plan recorded without
	// one (written by another tool, or the demo).
	Form PlanForm
}

// ReviewDue reports whether an open plan's review date has come by asOf.
func (p Plan) ReviewDue(asOf time.Time) bool { return reviewDue(p.Status, p.ReviewOn, asOf) }

// reviewDue reports whether a plan in status s, reviewed on review, is
// open and due by asOf.
func reviewDue(s scoring.PlanStatus, review, asOf time.Time) bool {
	return s.Open() && !review.IsZero() && !review.After(CivilDay(asOf))
}

// planOf decodes a stored plan.
func planOf(row store.Plan) (Plan, error) {
	p := Plan{Plan: row, Status: PlanStatusOf(row.Status)}
	f, err := decodePlanForm(row.FormJSON)
	p.Form = f
	return p, err
}

// Plan returns one plan with its items.
func (d *Desk) Plan(ctx context.Context, planID int64) (Plan, error) {
	row, err := d.Store.Plan(ctx, planID)
	if err != nil {
		return Plan{}, err
	}
	return planOf(row)
}

// LatestPlan returns the client's most recent plan that is not a draft;
// ok is false when the client has none.
func (d *Desk) LatestPlan(ctx context.Context, clientID int64) (Plan, bool, error) {
	return decoded(d.Store.LatestPlan(ctx, clientID))
}

// DraftPlan returns the client's walkthrough in progress; ok is false when
// there is none.
func (d *Desk) DraftPlan(ctx context.Context, clientID int64) (Plan, bool, error) {
	return decoded(d.Store.DraftPlan(ctx, clientID))
}

// StartPlan opens the remediation walkthrough for a client: the client's
// open draft if there is one (resumed is true), otherwise a new draft
// holding initial, which is usually pre-filled from the client's red flags.
// A draft saved by a newer offboard gives ErrFormTooNew and is left as it
// was.
func (d *Desk) StartPlan(ctx context.Context, clientID int64, initial PlanForm) (Plan, bool, error) {
	body, err := initial.encode()
	if err != nil {
		return Plan{}, false, fmt.Errorf("start remediation plan for client %d: %w", clientID, err)
	}
	row, resumed, err := d.Store.StartPlan(ctx, clientID, body)
	if err != nil {
		return Plan{}, false, err
	}
	p, err := planOf(row)
	return p, resumed, err
}

func decoded(row store.Plan, ok bool, err error) (Plan, bool, error) {
	if err != nil || !ok {
		return Plan{}, ok, err
	}
	p, err := planOf(row)
	return p, err == nil, err
}

// SavePlan stores the walkthrough as typed. It is called on every pause
// in typing and on quit, possibly from several commands at once, so a save
// whose form.Seq is not above the stored one is stale and dropped (saved
// is false). A plan that is no longer a draft gives store.ErrNotDraft.
func (d *Desk) SavePlan(ctx context.Context, planID int64, form PlanForm) (saved bool, err error) {
	body, err := form.encode()
	if err != nil {
		return false, fmt.Errorf("save walkthrough of plan %d: %w", planID, err)
	}
	return d.Store.SavePlanForm(ctx, planID, form.Seq, body)
}

// FinishPlan ends the walkthrough: it parses the form (returning
// FormErrors, and changing nothing, when it is incomplete), then records
// in one transaction the normalised topics, actions and terms, the plan's
// outcome and review date, the client's move to "remediation", the meeting
// in the communications log and the outcome in the decisions log. A
// refused plan is closed at once; scoring's policy then recommends
// offboarding (seed 004). A meeting still to come cannot be finished: its
// outcome is not known yet.
func (d *Desk) FinishPlan(ctx context.Context, planID int64) (Plan, error) {
	p, err := d.Plan(ctx, planID)
	if err != nil {
		return p, err
	}
	if p.Status != scoring.PlanDraft {
		return p, fmt.Errorf("finish plan %d: %w", planID, store.ErrNotDraft)
	}
	client, err := d.Store.Client(ctx, p.ClientID)
	if err != nil {
		return p, err
	}
	setup, err := d.Setup(ctx)
	if err != nil {
		return p, err
	}
	zone := ClientZone(client, setup.Config)
	details, err := p.Form.Parse(zone)
	if future := p.Form.UnheldMeeting(d.Store.Now(), zone); future != nil {
		var errs FormErrors
		errors.As(err, &errs)
		return p, append(FormErrors{*future}, errs...)
	}
	if err != nil {
		return p, err
	}
	if err := details.OnWorkingDays(setup.Config.Calendar); err != nil {
		return p, err
	}
	p.Form.Finished = store.Date(d.Store.Now())
	finished, err := finishedPlan(p.Form, details)
	if err != nil {
		return p, fmt.Errorf("finish plan %d: %w", planID, err)
	}
	if err := d.Store.FinishPlan(ctx, planID, finished); err != nil {
		return p, err
	}
	return d.Plan(ctx, planID)
}

// finishedPlan is what finishing records: the plan's rows, the baseline
// months before the meeting that its review compares against, and the
// client in remediation from the meeting on, whatever its outcome, until
// the plan is resolved or notice is given.
func finishedPlan(f PlanForm, d PlanDetails) (store.FinishedPlan, error) {
	body, err := f.encode()
	if err != nil {
		return store.FinishedPlan{}, err
	}
	monthStart := time.Date(d.Meeting.Year(), d.Meeting.Month(), 1, 0, 0, 0, 0, time.UTC)
	summary := fmt.Sprintf("Remediation meeting on %s: plan %s", store.Date(d.Meeting), d.Result.Label())
	if d.Result != scoring.PlanRefused {
		summary += fmt.Sprintf(", review on %s", store.Date(d.Review))
	}
	return store.FinishedPlan{
		Plan: store.Plan{Status: string(d.Result), Meeting: d.Meeting, MeetingPlace: d.Place,
			AttendeesOurs: f.Prepare.OurAttendees, AttendeesTheirs: f.Prepare.ClientAttendees, Contributors: f.Prepare.Contributors,
			ReviewOn: d.Review, BaselineFrom: monthStart.AddDate(0, -BaselineMonths, 0), BaselineTo: monthStart.AddDate(0, 0, -1),
			OutcomeNote: d.Note, FormJSON: body, Items: planItems(d)},
		Closed:       d.Result == scoring.PlanRefused,
		ClientStatus: string(scoring.StatusRemediation), Summary: summary, MeetingRecord: meetingRecord(d),
	}, nil
}

// planItems are a finished plan's rows: topics, then actions, then terms.
func planItems(d PlanDetails) []store.PlanItem {
	var out []store.PlanItem
	for _, t := range d.Topics {
		out = append(out, store.PlanItem{Kind: store.ItemTopic, FlagID: t.FlagID, Title: strings.TrimSpace(t.Title),
			Evidence: strings.TrimSpace(t.Evidence), ClientSaid: strings.TrimSpace(t.ClientSaid),
			WeChange: strings.TrimSpace(t.WeChange), Target: strings.TrimSpace(t.Goal)})
	}
	for _, a := range d.Actions {
		out = append(out, store.PlanItem{Kind: store.ItemAction, Title: a.What, OwnerSide: string(a.Side),
			OwnerName: a.Person, Due: a.Due, Target: a.Target})
	}
	for _, t := range d.Terms.Items() {
		out = append(out, store.PlanItem{Kind: store.ItemTerm, Title: t.Title, Due: t.From, Note: t.Note})
	}
	return out
}

// meetingRecord is the body of the communications-log entry for the
// meeting: who was there and what was agreed, so the log alone tells the
// story in a dispute (seed 001).
func meetingRecord(d PlanDetails) string {
	var b strings.Builder
	people := func(label string, ps []letters.Person) {
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
		fmt.Fprintf(&b, "Action (%s, %s, due %s): %s; target: %s\n", a.Side, a.Person, store.Date(a.Due), a.What, a.Target)
	}
	if d.Note != "" {
		fmt.Fprintf(&b, "Outcome: %s\n", d.Note)
	}
	return strings.TrimRight(b.String(), "\n")
}

// PlanExamples returns, for each red flag that has any, a few dated
// examples from the year before asOf, newest first, for a plan to cite
// under "what we have seen".
func (d *Desk) PlanExamples(ctx context.Context, clientID int64, asOf time.Time) (map[string][]ExampleForm, error) {
	rows, err := d.Store.PlanExamples(ctx, clientID, asOf)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]ExampleForm, len(rows))
	for flag, examples := range rows {
		for _, e := range examples {
			out[flag] = append(out[flag], ExampleForm(e))
		}
	}
	return out, nil
}

// RemediationCase is what a client's remediation opens on: an open or
// closed plan to track, or a draft to walk through.
type RemediationCase struct {
	Client store.Client
	// Zone is the zone the meeting's time is typed in (see ClientZone).
	Zone *time.Location
	// Calendar decides the working days the plan's dates fall on.
	Calendar calendar.Calendar
	// Track is the plan to track; 0 when Draft is walked through.
	Track int64
	Draft Plan
	// Resumed is true when Draft was already in progress.
	Resumed bool
}

// OpenRemediation finds what a client's remediation opens on: an open plan
// is tracked; otherwise a draft is resumed; otherwise the last, closed
// plan is shown, or with fresh (or when there is none) a new walkthrough is
// started with the form seed builds.
func (d *Desk) OpenRemediation(ctx context.Context, clientID int64, fresh bool,
	seed func(context.Context, store.Client) (PlanForm, error)) (RemediationCase, error) {
	client, err := d.Store.Client(ctx, clientID)
	if err != nil {
		return RemediationCase{}, err
	}
	setup, err := d.Setup(ctx)
	if err != nil {
		return RemediationCase{}, err
	}
	rc := RemediationCase{Client: client, Zone: ClientZone(client, setup.Config), Calendar: setup.Config.Calendar}
	latest, ok, err := d.LatestPlan(ctx, clientID)
	if err != nil {
		return rc, err
	}
	if ok && latest.Status.Open() {
		rc.Track = latest.ID
		return rc, nil
	}
	draft, hasDraft, err := d.DraftPlan(ctx, clientID)
	switch {
	case err != nil:
		return rc, err
	case hasDraft:
		rc.Draft, rc.Resumed = draft, true
		return rc, nil
	case ok && !fresh:
		rc.Track = latest.ID
		return rc, nil
	}
	form, err := seed(ctx, client)
	if err != nil {
		return rc, err
	}
	rc.Draft, rc.Resumed, err = d.StartPlan(ctx, clientID, form)
	return rc, err
}
