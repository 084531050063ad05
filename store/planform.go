package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
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
// typed; FinishPlan parses and validates it and writes the normalised rows.
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

// decodePlanForm reads form_json, refusing a newer version.
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

// FieldError is one problem with the form, placed at its step so the
// walkthrough can take the owner to it.
type FieldError struct {
	Step  Step
	Field string
	Msg   string
}

func (e FieldError) Error() string { return fmt.Sprintf("%s: %s %s", e.Step, e.Field, e.Msg) }

// FormErrors lists every problem found in a form at once, so the owner
// fixes them in one pass.
type FormErrors []FieldError

func (es FormErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return "the walkthrough is not complete: " + strings.Join(msgs, "; ")
}

// Person is someone named in a plan.
type Person struct {
	Name string
	Role string
}

// PlanDetails is a PlanForm parsed and validated: dates are dates, people
// are people, blank rows are gone.
type PlanDetails struct {
	Meeting         time.Time
	Place           string
	OurAttendees    []Person
	ClientAttendees []Person
	Contributors    []Person
	Topics          []TopicForm
	Actions         []Action
	Support         []string
	Terms           Terms
	Result          PlanStatus
	Review          time.Time
	Note            string
}

// Action is an agreed action, parsed.
type Action struct {
	Side   Side
	Person string
	What   string
	Due    time.Time
	Target string
}

// Side is the party that owns an action.
type Side string

// The two parties to a plan.
const (
	SideUs     Side = "us"
	SideClient Side = "client"
)

// Terms are the standard terms, parsed.
type Terms struct {
	Autopay        bool
	AutopayFrom    time.Time
	Scope          string // empty when not restated
	PriceChange    bool
	NewPriceMinor  int64
	PriceFrom      time.Time
	CurrentMinor   int64
	BreakEvenMinor int64
	Currency       string
}

// meetingLayouts are the forms a meeting date may be typed in.
var meetingLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", time.DateOnly}

// ParseMeeting reads a meeting date as typed, in loc.
func ParseMeeting(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range meetingLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD, optionally followed by HH:MM", s)
}

// ParseDay reads a calendar date as typed ("2027-01-15").
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: write YYYY-MM-DD", strings.TrimSpace(s))
	}
	return t, nil
}

// ParseMinor reads an amount typed as "4800", "4,800.00" or "4800.5" into
// minor units (two decimals).
func ParseMinor(s string) (int64, error) {
	clean := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	whole, frac, _ := strings.Cut(clean, ".")
	if whole == "" || len(frac) > 2 {
		return 0, fmt.Errorf("%q is not an amount: write it like 4,800.00", s)
	}
	w, err := strconv.ParseUint(whole, 10, 62)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount: write it like 4,800.00", s)
	}
	f := uint64(0)
	if frac != "" {
		if f, err = strconv.ParseUint(frac+strings.Repeat("0", 2-len(frac)), 10, 8); err != nil {
			return 0, fmt.Errorf("%q is not an amount: write it like 4,800.00", s)
		}
	}
	return int64(w*100 + f), nil
}

// ParsePeople reads one person per line, "Name, Role" or "Name".
func ParsePeople(s string) []Person {
	var out []Person
	for _, line := range strings.Split(s, "\n") {
		name, role, _ := strings.Cut(line, ",")
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, Person{Name: name, Role: strings.TrimSpace(role)})
		}
	}
	return out
}

// Lines splits text into its non-blank lines, trimmed.
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Parse validates the form for finishing the walkthrough and returns it
// parsed. Dates are read in loc. Every problem is reported at once as
// FormErrors. A refused plan needs only the meeting date: there is nothing
// to review.
func (f PlanForm) Parse(loc *time.Location) (PlanDetails, error) {
	var errs FormErrors
	bad := func(step Step, field, format string, args ...any) {
		errs = append(errs, FieldError{Step: step, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	d := PlanDetails{
		Place:           strings.TrimSpace(f.Prepare.Place),
		OurAttendees:    ParsePeople(f.Prepare.OurAttendees),
		ClientAttendees: ParsePeople(f.Prepare.ClientAttendees),
		Contributors:    ParsePeople(f.Prepare.Contributors),
		Support:         Lines(f.Support),
		Note:            strings.TrimSpace(f.Outcome.Note),
	}
	if isBlank(f.Prepare.MeetingDate) {
		bad(StepPrepare, "meeting date", "is not set")
	} else if t, err := ParseMeeting(f.Prepare.MeetingDate, loc); err != nil {
		bad(StepPrepare, "meeting date", "%v", err)
	} else {
		d.Meeting = t
	}
	for _, t := range f.Topics {
		if !isBlank(t.Title) {
			d.Topics = append(d.Topics, t)
		}
	}
	if len(d.Topics) == 0 {
		bad(StepPrepare, "agenda", "has no topics")
	}
	switch PlanStatus(f.Outcome.Result) {
	case PlanAgreed, PlanPartlyAgreed:
		d.Result = PlanStatus(f.Outcome.Result)
		if isBlank(f.Outcome.ReviewDate) {
			bad(StepOutcome, "review date", "is not set")
		} else if t, err := ParseDay(f.Outcome.ReviewDate); err != nil {
			bad(StepOutcome, "review date", "%v", err)
		} else if !d.Meeting.IsZero() && !t.After(civilDay(d.Meeting)) {
			bad(StepOutcome, "review date", "%s is not after the meeting", Date(t))
		} else {
			d.Review = t
		}
	case PlanRefused:
		d.Result = PlanRefused
	default:
		bad(StepOutcome, "outcome", "is not chosen: agreed, partly agreed or refused")
	}
	n := 0
	for _, a := range f.Actions {
		if a.blank() {
			continue
		}
		n++
		field := func(name string) string { return fmt.Sprintf("action %d %s", n, name) }
		act := Action{Side: Side(a.Owner), Person: strings.TrimSpace(a.Person), What: strings.TrimSpace(a.What),
			Target: strings.TrimSpace(a.Target)}
		if act.Side != SideUs && act.Side != SideClient {
			bad(StepActions, field("owner"), "must be us or the client")
		}
		if act.What == "" {
			bad(StepActions, field("description"), "is empty")
		}
		if act.Person == "" {
			bad(StepActions, field("person"), "is not named")
		}
		if t, err := ParseDay(a.Due); err != nil {
			bad(StepActions, field("due date"), "%v", err)
		} else {
			act.Due = t
		}
		if d.Result != PlanRefused && act.Target == "" {
			bad(StepActions, field("target"), "is empty: say how success is measured")
		}
		d.Actions = append(d.Actions, act)
	}
	if (d.Result == PlanAgreed || d.Result == PlanPartlyAgreed) && len(d.Actions) == 0 {
		bad(StepActions, "actions", "none agreed: an agreed plan needs at least one action")
	}
	d.Terms = f.Terms.parse(bad)
	if len(errs) > 0 {
		return d, errs
	}
	return d, nil
}

func (t TermsForm) parse(bad func(Step, string, string, ...any)) Terms {
	out := Terms{Autopay: t.Autopay, PriceChange: t.PriceChange, CurrentMinor: t.CurrentMinor,
		BreakEvenMinor: t.BreakEvenMinor, Currency: t.Currency}
	optionalDay := func(field, s string) time.Time {
		if isBlank(s) {
			return time.Time{}
		}
		d, err := ParseDay(s)
		if err != nil {
			bad(StepTerms, field, "%v", err)
		}
		return d
	}
	if t.Autopay {
		out.AutopayFrom = optionalDay("autopay start", t.AutopayFrom)
	}
	if t.RestateScope {
		if out.Scope = strings.TrimSpace(t.Scope); out.Scope == "" {
			bad(StepTerms, "scope", "is empty: write the scope to restate, or untick it")
		}
	}
	if t.PriceChange {
		if m, err := ParseMinor(t.NewPrice); err != nil {
			bad(StepTerms, "new price", "%v", err)
		} else {
			out.NewPriceMinor = m
		}
		out.PriceFrom = optionalDay("price start", t.PriceFrom)
	}
	return out
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// civilDay is t's calendar day at midnight UTC, for comparing days typed in
// different layouts.
func civilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
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
