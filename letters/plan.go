package letters

import (
	"offboard/calendar"
	"offboard/money"

	"sort"
	"time"
)

// Side says which party owns an action in a plan.
type Side int

// The two parties to a plan.
const (
	SideUs Side = iota
	SideClient
)

// CheckpointKind is the form a plan checkpoint takes.
type CheckpointKind int

// Checkpoints are calls, written memos or meetings.
const (
	CheckpointCall CheckpointKind = iota
	CheckpointMemo
	CheckpointMeeting
)

// String names the kind in the plan: "Call", "Written memo", "Meeting".
func (k CheckpointKind) String() string {
	switch k {
	case CheckpointMemo:
		return "Written memo"
	case CheckpointMeeting:
		return "Meeting"
	default:
		return "Call"
	}
}

// PlanGap is one area where the relationship falls short, with the dated
// examples and numbers that show it and the measurable goal that closes it.
type PlanGap struct {
	// Title names the area in neutral words, for example "Invoice
	// payment times".
	Title string
	// Summary is the evidence in one sentence, as the owner worded it;
	// optional.
	Summary string
	// Examples are dated instances, for example {2026-09-14, "Invoice 2291
	// paid 47 days after its due date"}.
	Examples []DatedNote
	// Evidence are the numbers, each with its normal range.
	Evidence []Measure
	// Goal is the goal in words, for example "Every invoice paid within
	// 30 days of issue".
	Goal string
	// Targets are the goal as numbers, baseline to target; a gap with none
	// needs a number in Goal before the plan is sent.
	Targets []GoalTarget
}

// PlanAction is one agreed action: who does what by when, and how success
// is measured, for example "invoices paid within 30 days of issue".
type PlanAction struct {
	// Side is the party that owns it.
	Side Side
	// Person is the named person responsible.
	Person string
	// What is the action.
	What string
	// Due is the day it is due.
	Due time.Time
	// Target is the measurable target that shows it is done.
	Target string
}

// Checkpoint is a dated review of progress.
type Checkpoint struct {
	// Date is the day of the checkpoint.
	Date time.Time
	// Kind is its form.
	Kind CheckpointKind
	// Notes are written at or after the checkpoint; empty leaves room for them.
	Notes string
}

// PriceChange is a change to the recurring fee, with the break-even price
// beside it so the reason for the change is a number, not an opinion.
type PriceChange struct {
	// Current is the fee today.
	Current money.Money
	// Proposed is the new fee.
	Proposed money.Money
	// BreakEven is the fee at which the work meets the target margin (the
	// break-even price of scoring); zero omits it.
	BreakEven money.Money
	// Period is what the fee is charged per, for example "month".
	Period string
	// From is the day the new fee applies.
	From time.Time
}

// PlanTerms are the optional standard terms a plan may restate or add
// (seed 003: clear expectations in the agreement; autopay as the standard).
type PlanTerms struct {
	// Autopay adds payment by automatic collection.
	Autopay bool
	// AutopayFrom is the day autopay starts.
	AutopayFrom time.Time
	// Scope restates the agreement's scope of work; empty omits it.
	Scope string
	// Price is a change to the fee; nil omits it.
	Price *PriceChange
}

// Any reports whether any term is set.
func (t PlanTerms) Any() bool { return t.Autopay || !isBlank(t.Scope) || t.Price != nil }

// PlanInput is a remediation plan: the written game plan of seed 004, with
// what good improvement plans have: each gap with dated examples and numbers,
// a measurable goal per gap, a 30/60/90-day timeline, the support offered,
// dated checkpoints, and the consequences either way.
type PlanInput struct {
	// Our is our company.
	Our Company
	// Client is the client.
	Client Client
	// Agreement is the agreement the plan works within.
	Agreement Agreement
	// Issued is the day the plan is issued.
	Issued time.Time
	// MeetingHeld is the day of the meeting the plan comes from; optional.
	MeetingHeld time.Time
	// Start is day 1 of the 30/60/90-day timeline: the day after the
	// meeting, whatever the review date, so that no review decision can
	// move it past the actions agreed.
	Start time.Time
	// ReviewOn is the day the goals are judged, as the record holds it
	// now (an extension moves it); zero is day 90.
	ReviewOn time.Time
	// Gaps are the areas to improve, each with a measurable goal.
	Gaps []PlanGap
	// OurChanges are what we will start or stop doing ourselves (seed 004:
	// "you may realize ... there is something you need to do or stop doing").
	OurChanges []string
	// Support is the support we will provide.
	Support []string
	// Actions are the agreed actions.
	Actions []PlanAction
	// Checkpoints are the dated reviews; when empty the plan uses
	// DefaultCheckpointsOn(Calendar, Start).
	Checkpoints []Checkpoint
	// Calendar decides the working days the default checkpoints fall on;
	// the zero value closes weekends only.
	Calendar calendar.Calendar
	// Terms are optional standard terms.
	Terms PlanTerms
	// FollowUp says how progress is followed up; empty uses the standard
	// paragraph.
	FollowUp string
	// Progress is where the plan stands on the day it is exported; nil for
	// a plan as first issued, or not agreed.
	Progress *PlanProgress
	// Proposed marks a plan not agreed (yet): written before the outcome
	// was recorded, or kept as the record of a plan the client refused. It
	// then proposes rather than states what was agreed.
	Proposed bool
}

// Review is the day by which the goals are judged: ReviewOn, or day 90.
func (in PlanInput) Review() time.Time {
	if !in.ReviewOn.IsZero() || in.Start.IsZero() {
		return in.ReviewOn
	}
	return planDay(in.Start, 90)
}

// Days is the length of the plan in days, from Start to Review inclusive.
func (in PlanInput) Days() int { return DaysBetween(in.Start, in.Review()) + 1 }

// planDay returns day n of a plan that starts (day 1) on start.
func planDay(start time.Time, n int) time.Time { return AddDays(start, n-1) }

// SideName names the organisation on side s.
func (in PlanInput) SideName(s Side) string {
	if s == SideClient {
		return in.Client.Name
	}
	return in.Our.Name
}

// PlanPhase is one stretch of the 30/60/90-day timeline with the actions
// due and the checkpoints held in it.
type PlanPhase struct {
	// Title is "Days 1 to 30", "Days 31 to 60", "Days 61 to 90" or "After day 90".
	Title string
	// From and To are the first and last days of the phase; To is zero for
	// the open-ended last phase.
	From, To time.Time
	// Actions are due in the phase, by due date.
	Actions []PlanAction
	// Checkpoints fall in the phase, by date.
	Checkpoints []Checkpoint
}

// Phases splits the plan into days 1 to 30, 31 to 60, 61 to 90 and after
// day 90, day 1 being Start, leaving out any phase in which no action falls
// due and no checkpoint is held: the plan prints no empty blocks.
func (in PlanInput) Phases() []PlanPhase {
	if in.Start.IsZero() {
		// No day 1 yet: the actions in one block, by due date.
		if len(in.Actions) == 0 {
			return nil
		}
		p := PlanPhase{Title: "Timeline", Actions: append([]PlanAction(nil), in.Actions...)}
		sort.SliceStable(p.Actions, func(i, j int) bool { return p.Actions[i].Due.Before(p.Actions[j].Due) })
		return []PlanPhase{p}
	}
	phases := []PlanPhase{
		{Title: "Days 1 to 30", From: planDay(in.Start, 1), To: planDay(in.Start, 30)},
		{Title: "Days 31 to 60", From: planDay(in.Start, 31), To: planDay(in.Start, 60)},
		{Title: "Days 61 to 90", From: planDay(in.Start, 61), To: planDay(in.Start, 90)},
		{Title: "After day 90", From: planDay(in.Start, 91)},
	}
	// A day before the start, or not yet set, is shown in the first
	// phase, where its marker or date stands out rather than vanishing.
	phaseOf := func(t time.Time) int {
		if t.IsZero() || in.Start.IsZero() {
			return 0
		}
		return max(min(DaysBetween(in.Start, t)/30, 3), 0)
	}
	actions := append([]PlanAction(nil), in.Actions...)
	sort.SliceStable(actions, func(i, j int) bool { return actions[i].Due.Before(actions[j].Due) })
	for _, a := range actions {
		p := &phases[phaseOf(a.Due)]
		p.Actions = append(p.Actions, a)
	}
	for _, c := range in.AllCheckpoints() {
		p := &phases[phaseOf(c.Date)]
		p.Checkpoints = append(p.Checkpoints, c)
	}
	var out []PlanPhase
	for _, p := range phases {
		if len(p.Actions) > 0 || len(p.Checkpoints) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// OurActions are the actions we own, by due date: with OurChanges, the
// commitments on our side that every plan states (seed 004: "there is
// something you need to do or stop doing").
func (in PlanInput) OurActions() []PlanAction {
	var out []PlanAction
	for _, a := range in.Actions {
		if a.Side == SideUs {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// CheckpointNotes are the checkpoints that have notes, numbered as in
// AllCheckpoints.
func (in PlanInput) CheckpointNotes() []NumberedCheckpoint {
	var out []NumberedCheckpoint
	for i, c := range in.AllCheckpoints() {
		if !isBlank(c.Notes) {
			out = append(out, NumberedCheckpoint{Number: i + 1, Checkpoint: c})
		}
	}
	return out
}

// NumberedCheckpoint is a checkpoint with its place in the plan's order.
type NumberedCheckpoint struct {
	// Number counts from 1.
	Number int
	Checkpoint
}

// AllCheckpoints returns the checkpoints the plan uses, by date: those
// given, or DefaultCheckpointsOn(Calendar, Start) when none are, with a
// review meeting on the review date when it falls after day 90; none
// while Start is not set.
func (in PlanInput) AllCheckpoints() []Checkpoint {
	if len(in.Checkpoints) == 0 {
		if in.Start.IsZero() {
			return nil // dated from the meeting, which is not set
		}
		cps := DefaultCheckpointsOn(in.Calendar, in.Start)
		if review := in.Review(); !in.Start.IsZero() && DaysBetween(planDay(in.Start, 90), review) > 0 {
			cps = append(cps, Checkpoint{Date: in.Calendar.PreviousWorkingDay(review), Kind: CheckpointMeeting})
		}
		return cps
	}
	cps := append([]Checkpoint(nil), in.Checkpoints...)
	sort.SliceStable(cps, func(i, j int) bool { return cps[i].Date.Before(cps[j].Date) })
	return cps
}

// DefaultCheckpoints is a call on day 30, a written memo on day 60 and a
// review meeting on day 90, each moved back to the Friday before when it
// falls on a weekend, so that it stays inside its phase.
func DefaultCheckpoints(start time.Time) []Checkpoint {
	return DefaultCheckpointsOn(calendar.Calendar{}, start)
}

// DefaultCheckpointsOn is DefaultCheckpoints on a business calendar: a
// checkpoint that falls on a weekend, a public holiday or a closed day
// moves to the working day before.
func DefaultCheckpointsOn(cal calendar.Calendar, start time.Time) []Checkpoint {
	return []Checkpoint{
		{Date: cal.PreviousWorkingDay(planDay(start, 30)), Kind: CheckpointCall},
		{Date: cal.PreviousWorkingDay(planDay(start, 60)), Kind: CheckpointMemo},
		{Date: cal.PreviousWorkingDay(planDay(start, 90)), Kind: CheckpointMeeting},
	}
}

// RemediationPlan renders the remediation plan. A part left blank is
// marked where it belongs, so a preview shows what is missing beside its
// item; Complete says whether the plan may be sent.
func (r *Renderer) RemediationPlan(in PlanInput) (string, error) {
	return r.render(KindRemediationPlan, in)
}
