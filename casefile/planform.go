package casefile

import (
	"encoding/json"
	"errors"
	"fmt"
)

// PlanFormVersion is the version of PlanForm this binary writes into
// remediation_plans.form_json. A draft written by a newer binary is refused
// rather than misread, and left as it was.
const PlanFormVersion = 1

// ErrFormTooNew reports a draft saved by a newer offboard.
var ErrFormTooNew = errors.New("the draft was saved by a newer offboard")

// Step is one step of the remediation walkthrough (seeds 003, 004): prepare
// the meeting, note what was said, agree actions, restate terms, record the
// outcome.
type Step int

// The walkthrough's steps, in order.
const (
	StepPrepare Step = iota
	StepNotes
	StepActions
	StepTerms
	StepOutcome
	NumSteps = 5
)

// String names the step as the walkthrough shows it.
func (s Step) String() string {
	switch s {
	case StepPrepare:
		return "Prepare"
	case StepNotes:
		return "Meeting notes"
	case StepActions:
		return "Agreed actions"
	case StepTerms:
		return "Terms"
	case StepOutcome:
		return "Outcome"
	}
	return fmt.Sprintf("step %d", int(s)+1)
}

// PlanForm is the remediation walkthrough exactly as the owner typed it,
// kept as JSON in remediation_plans.form_json so that a half-typed date or
// an unfinished sentence survives a closed terminal. Every field is text as
// typed; Desk.FinishPlan parses and validates it and records the normalised rows.
type PlanForm struct {
	// Version is PlanFormVersion when written.
	Version int `json:"version"`
	// Seq increases with every save; a save carrying a lower Seq than the
	// stored one is stale (it raced a newer save) and is dropped.
	Seq int64 `json:"seq"`
	// Step is where the owner was, so reopening resumes there.
	Step Step `json:"step"`
	// Visited has bit 1<<s set for each step s the owner has been on, for
	// the progress bar.
	Visited uint `json:"visited"`
	// Finished is the day the outcome was recorded ("YYYY-MM-DD"), the
	// date the written plan is issued on; empty while a draft.
	Finished string `json:"finished,omitempty"`

	Prepare PrepareForm `json:"prepare"`
	// Topics are the agenda, one per red flag or added by hand; their
	// meeting notes are typed in the notes step.
	Topics []TopicForm `json:"topics"`
	// Actions are the agreed actions, in the order typed.
	Actions []ActionForm `json:"actions"`
	// Support lists the support we will provide, one item per line.
	Support string      `json:"support"`
	Terms   TermsForm   `json:"terms"`
	Outcome OutcomeForm `json:"outcome"`
}

// PrepareForm is the first step: when, where and who (seed 004: include
// everyone in the plan that contributes to the issues at hand).
type PrepareForm struct {
	// MeetingDate is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", local time.
	MeetingDate string `json:"meeting_date"`
	Place       string `json:"place"`
	// OurAttendees, ClientAttendees and Contributors hold one person per
	// line, "Name, Role" or just "Name". Contributors are people on our side
	// who contribute to the problem, whether or not they attend.
	OurAttendees    string `json:"our_attendees"`
	ClientAttendees string `json:"client_attendees"`
	Contributors    string `json:"contributors"`
}

// TopicForm is one agenda topic with its evidence and, after the meeting,
// what was said about it.
type TopicForm struct {
	// FlagID is the red flag the topic comes from ("late_payment"); empty
	// for a topic added by hand.
	FlagID string `json:"flag_id,omitempty"`
	Title  string `json:"title"`
	// Evidence is the flag's evidence sentence, editable.
	Evidence string `json:"evidence"`
	// Measures are the numbers behind it with their normal ranges, as the
	// lab panel showed them when the walkthrough began.
	Measures []MeasureForm `json:"measures,omitempty"`
	// Examples are dated instances ("2026-09-14: invoice 2291 paid 47 days
	// late").
	Examples []ExampleForm `json:"examples,omitempty"`
	// Question is what we would like to understand or agree at the meeting.
	Question string `json:"question"`
	// ClientSaid is what the client said about it at the meeting.
	ClientSaid string `json:"client_said"`
	// WeChange is what we will start or stop doing ourselves (seed 004).
	WeChange string `json:"we_change"`
	// Goal is the measurable goal that closes the gap.
	Goal string `json:"goal"`
}

// MeasureForm is one number behind a topic beside its normal range.
type MeasureForm struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Normal string `json:"normal,omitempty"`
}

// ExampleForm is a dated example of a gap; Date is "YYYY-MM-DD".
type ExampleForm struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// ActionForm is one agreed action: who does what by when, measured how.
type ActionForm struct {
	// Owner is "us" or "client".
	Owner  string `json:"owner"`
	Person string `json:"person"`
	What   string `json:"what"`
	// Due is "YYYY-MM-DD".
	Due    string `json:"due"`
	Target string `json:"target"`
}

// blank reports whether the owner typed nothing into the row, so the
// walkthrough's spare empty row is not an error.
func (a ActionForm) blank() bool {
	return isBlank(a.Person) && isBlank(a.What) && isBlank(a.Due) && isBlank(a.Target)
}

// TermsForm holds the optional standard terms (seed 003: clear expectations
// in the agreement; make autopay the standard).
type TermsForm struct {
	Autopay     bool   `json:"autopay"`
	AutopayFrom string `json:"autopay_from"`
	// RestateScope restates the agreement's scope of work in the plan.
	RestateScope bool   `json:"restate_scope"`
	Scope        string `json:"scope"`
	PriceChange  bool   `json:"price_change"`
	// NewPrice is the proposed monthly fee as typed ("4,800.00").
	NewPrice  string `json:"new_price"`
	PriceFrom string `json:"price_from"`
	// CurrentMinor and BreakEvenMinor are the fee and the break-even fee
	// when the walkthrough began, kept so the plan states the figures that
	// were discussed.
	CurrentMinor   int64  `json:"current_minor"`
	BreakEvenMinor int64  `json:"break_even_minor"`
	Currency       string `json:"currency"`
	// WhatIf is re-pricing to the target margin in numbers when the
	// walkthrough began, for the owner; it never reaches the plan.
	WhatIf string `json:"what_if,omitempty"`
}

// OutcomeForm is the last step: what was agreed and when to review.
type OutcomeForm struct {
	// Result is "agreed", "partly_agreed" or "refused"; empty until chosen.
	Result string `json:"result"`
	// ReviewDate is "YYYY-MM-DD".
	ReviewDate string `json:"review_date"`
	Note       string `json:"note"`
}

// NewPlanForm returns an empty form of the current version.
func NewPlanForm() PlanForm { return PlanForm{Version: PlanFormVersion} }

// decodePlanForm reads the stored walkthrough, refusing a newer version.
func decodePlanForm(s string) (PlanForm, error) {
	var f PlanForm
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return f, fmt.Errorf("read walkthrough draft: %w", err)
	}
	if f.Version > PlanFormVersion {
		return f, fmt.Errorf("walkthrough draft version %d, this offboard knows up to %d: %w", f.Version, PlanFormVersion, ErrFormTooNew)
	}
	if f.Version == 0 {
		f.Version = PlanFormVersion
	}
	return f, nil
}

// encode writes the form as stored, stamped with the current version.
func (f PlanForm) encode() (string, error) {
	f.Version = PlanFormVersion
	b, err := json.Marshal(f)
	if err != nil {
		return "", fmt.Errorf("encode walkthrough: %w", err)
	}
	return string(b), nil
}

// Clone returns a deep copy, so a save running in the background never
// reads a form the walkthrough is still changing.
func (f PlanForm) Clone() PlanForm {
	c := f
	c.Topics = make([]TopicForm, len(f.Topics))
	for i, t := range f.Topics {
		t.Measures = append([]MeasureForm(nil), t.Measures...)
		t.Examples = append([]ExampleForm(nil), t.Examples...)
		c.Topics[i] = t
	}
	c.Actions = append([]ActionForm(nil), f.Actions...)
	return c
}
