package casefile

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// FormError is one problem with the walkthrough, placed at its step so the
// walkthrough can take the owner to it.
type FormError struct {
	Step  Step
	Field string
	Msg   string
}

// Error names the step, the field and the problem.
func (e FormError) Error() string { return fmt.Sprintf("%s: %s %s", e.Step, e.Field, e.Msg) }

// FormErrors lists every problem found in a form at once, so the owner
// fixes them in one pass.
type FormErrors []FormError

// Error lists every problem in one sentence.
func (es FormErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return "the walkthrough is not complete: " + strings.Join(msgs, "; ")
}

// PlanDetails is a PlanForm parsed and validated: dates are dates, people
// are people, blank rows are gone.
type PlanDetails struct {
	Meeting         time.Time
	Place           string
	OurAttendees    []letters.Person
	ClientAttendees []letters.Person
	Contributors    []letters.Person
	Topics          []TopicForm
	Actions         []Action
	Support         []string
	Terms           Terms
	Result          scoring.PlanStatus
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

// Side is the party that owns an action, as the plan's rows keep it.
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
func ParsePeople(s string) []letters.Person {
	var out []letters.Person
	for _, line := range strings.Split(s, "\n") {
		name, role, _ := strings.Cut(line, ",")
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, letters.Person{Name: name, Role: strings.TrimSpace(role)})
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

// formParser collects the problems of one form as its parts are read.
type formParser struct{ errs FormErrors }

func (p *formParser) bad(step Step, field, format string, args ...any) {
	p.errs = append(p.errs, FormError{Step: step, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Parse validates the form for finishing the walkthrough and returns it
// parsed. Dates are read in loc. Every problem is reported at once as
// FormErrors, in the order of the steps. A refused plan needs only the
// meeting date: there is nothing to review.
func (f PlanForm) Parse(loc *time.Location) (PlanDetails, error) {
	var p formParser
	d := PlanDetails{
		Place:           strings.TrimSpace(f.Prepare.Place),
		OurAttendees:    ParsePeople(f.Prepare.OurAttendees),
		ClientAttendees: ParsePeople(f.Prepare.ClientAttendees),
		Contributors:    ParsePeople(f.Prepare.Contributors),
		Support:         Lines(f.Support),
		Note:            strings.TrimSpace(f.Outcome.Note),
	}
	d.Meeting = p.meeting(f.Prepare.MeetingDate, loc)
	d.Topics = p.topics(f.Topics)
	d.Result, d.Review = p.outcome(f.Outcome, d.Meeting)
	d.Actions = p.actions(f.Actions, d.Result)
	p.afterMeeting(d.Actions, d.Meeting)
	d.Terms = p.terms(f.Terms)
	if len(p.errs) > 0 {
		return d, p.errs
	}
	return d, nil
}

// meeting reads the meeting date, which every outcome needs.
func (p *formParser) meeting(typed string, loc *time.Location) time.Time {
	if isBlank(typed) {
		p.bad(StepPrepare, "meeting date", "is not set")
		return time.Time{}
	}
	t, err := ParseMeeting(typed, loc)
	if err != nil {
		p.bad(StepPrepare, "meeting date", "%v", err)
	}
	return t
}

// topics keeps the agenda topics that have a title.
func (p *formParser) topics(typed []TopicForm) []TopicForm {
	var out []TopicForm
	for _, t := range typed {
		if !isBlank(t.Title) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		p.bad(StepPrepare, "agenda", "has no topics")
	}
	return out
}

// outcome reads the result chosen and, for a plan agreed in whole or in
// part, its review date, which must follow the meeting.
func (p *formParser) outcome(o OutcomeForm, meeting time.Time) (scoring.PlanStatus, time.Time) {
	result := scoring.PlanStatus(o.Result)
	switch result {
	case scoring.PlanAgreed, scoring.PlanPartlyAgreed:
	case scoring.PlanRefused:
		return result, time.Time{}
	default:
		p.bad(StepOutcome, "outcome", "is not chosen: agreed, partly agreed or refused")
		return "", time.Time{}
	}
	if isBlank(o.ReviewDate) {
		p.bad(StepOutcome, "review date", "is not set")
		return result, time.Time{}
	}
	t, err := ParseDay(o.ReviewDate)
	switch {
	case err != nil:
		p.bad(StepOutcome, "review date", "%v", err)
	case !meeting.IsZero() && !t.After(CivilDay(meeting)):
		p.bad(StepOutcome, "review date", "%s is not after the meeting", store.Date(t))
	default:
		return result, t
	}
	return result, time.Time{}
}

// actions reads the agreed actions, skipping the rows left blank; an
// agreed plan needs at least one, and each a target unless refused.
func (p *formParser) actions(typed []ActionForm, result scoring.PlanStatus) []Action {
	var out []Action
	for _, a := range typed {
		if !a.blank() {
			out = append(out, p.action(a, len(out)+1, result))
		}
	}
	if (result == scoring.PlanAgreed || result == scoring.PlanPartlyAgreed) && len(out) == 0 {
		p.bad(StepActions, "actions", "none agreed: an agreed plan needs at least one action")
	}
	return out
}

// action reads the n-th action typed.
func (p *formParser) action(a ActionForm, n int, result scoring.PlanStatus) Action {
	field := func(name string) string { return fmt.Sprintf("action %d %s", n, name) }
	act := Action{Side: Side(a.Owner), Person: strings.TrimSpace(a.Person), What: strings.TrimSpace(a.What),
		Target: strings.TrimSpace(a.Target)}
	if act.Side != SideUs && act.Side != SideClient {
		p.bad(StepActions, field("owner"), "must be us or the client")
	}
	if act.What == "" {
		p.bad(StepActions, field("description"), "is empty")
	}
	if act.Person == "" {
		p.bad(StepActions, field("person"), "is not named")
	}
	if t, err := ParseDay(a.Due); err != nil {
		p.bad(StepActions, field("due date"), "%v", err)
	} else {
		act.Due = t
	}
	if result != scoring.PlanRefused && act.Target == "" {
		p.bad(StepActions, field("target"), "is empty: say how success is measured")
	}
	return act
}

// afterMeeting refuses an action due before the meeting that agreed it:
// the plan starts the day after the meeting, and its date cannot be right.
func (p *formParser) afterMeeting(actions []Action, meeting time.Time) {
	if meeting.IsZero() {
		return
	}
	day := CivilDay(meeting)
	for i, a := range actions {
		if !a.Due.IsZero() && a.Due.Before(day) {
			p.bad(StepActions, fmt.Sprintf("action %d due date", i+1), "%s is before the meeting on %s",
				letters.FormatDate(a.Due), letters.FormatDate(day))
		}
	}
}

// OnWorkingDays refuses actions due, and a review set, on a day the
// business is closed, naming the working days either side, so that every
// date in the plan is one on which the work can be done and checked. The
// walkthrough suggests the review on a working day and moves one typed on
// a closed day (OnWorkingDay), so this only stops a form written elsewhere.
func (d PlanDetails) OnWorkingDays(cal calendar.Calendar) error {
	var p formParser
	for i, a := range d.Actions {
		p.workingDay(cal, StepActions, fmt.Sprintf("action %d due date", i+1), a.Due)
	}
	p.workingDay(cal, StepOutcome, "review date", d.Review)
	if len(p.errs) > 0 {
		return p.errs
	}
	return nil
}

// workingDay refuses day, when set, if the business is closed on it.
func (p *formParser) workingDay(cal calendar.Calendar, step Step, field string, day time.Time) {
	if day.IsZero() {
		return
	}
	why := cal.ClosedBecause(day)
	if why == "" {
		return
	}
	if why == day.Weekday().String() {
		why = "" // the date already names the weekday
	} else {
		why = " (" + why + ")"
	}
	p.bad(step, field, "%s is not a working day%s: choose %s or %s",
		letters.FormatDate(day), why, store.Date(cal.PreviousWorkingDay(day)), store.Date(cal.NextWorkingDay(day)))
}

// terms reads the standard terms ticked.
func (p *formParser) terms(t TermsForm) Terms {
	out := Terms{Autopay: t.Autopay, PriceChange: t.PriceChange, CurrentMinor: t.CurrentMinor,
		BreakEvenMinor: t.BreakEvenMinor, Currency: t.Currency}
	if t.Autopay {
		out.AutopayFrom = p.optionalDay("autopay start", t.AutopayFrom)
	}
	if t.RestateScope {
		if out.Scope = strings.TrimSpace(t.Scope); out.Scope == "" {
			p.bad(StepTerms, "scope", "is empty: write the scope to restate, or untick it")
		}
	}
	if t.PriceChange {
		if m, err := ParseMinor(t.NewPrice); err != nil {
			p.bad(StepTerms, "new price", "%v", err)
		} else {
			out.NewPriceMinor = m
		}
		out.PriceFrom = p.optionalDay("price start", t.PriceFrom)
	}
	return out
}

// optionalDay reads a term's start date, which may be left blank.
func (p *formParser) optionalDay(field, s string) time.Time {
	if isBlank(s) {
		return time.Time{}
	}
	d, err := ParseDay(s)
	if err != nil {
		p.bad(StepTerms, field, "%v", err)
	}
	return d
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// Filled reports, step by step, whether the walkthrough's step is really
// filled in, for its progress bar to tick: no problem finishing would
// report on it, and what it is for is written. The prepare step needs a
// valid meeting date, a titled topic and people on both sides; the notes
// what the client said and a goal for every topic; the actions one complete
// action; the terms, which are optional, only that each term ticked is
// complete; the outcome a result with its review date.
func (f PlanForm) Filled(loc *time.Location) [NumSteps]bool {
	_, err := f.Parse(loc)
	var errs FormErrors
	errors.As(err, &errs)
	var out [NumSteps]bool
	for s := range out {
		out[s] = true
	}
	for _, e := range errs {
		out[e.Step] = false
	}
	titled := 0
	for _, t := range f.Topics {
		if isBlank(t.Title) {
			continue
		}
		titled++
		if isBlank(t.ClientSaid) || isBlank(t.Goal) {
			out[StepNotes] = false
		}
	}
	out[StepPrepare] = out[StepPrepare] && len(ParsePeople(f.Prepare.OurAttendees)) > 0 && len(ParsePeople(f.Prepare.ClientAttendees)) > 0
	out[StepNotes] = out[StepNotes] && titled > 0
	actions := 0
	for _, a := range f.Actions {
		if !a.blank() {
			actions++
		}
	}
	// Finishing asks targets only of a plan not refused; a filled step has
	// them whatever the outcome.
	for _, a := range f.Actions {
		if !a.blank() && isBlank(a.Target) {
			out[StepActions] = false
		}
	}
	out[StepActions] = out[StepActions] && actions > 0
	return out
}

// UnheldMeeting reports a meeting still to come at now, as the problem
// that stops its outcome being recorded: a meeting can be scheduled ahead,
// never recorded as held before its time. nil when the meeting date has
// passed or does not read.
func (f PlanForm) UnheldMeeting(now time.Time, loc *time.Location) *FormError {
	t, err := ParseMeeting(f.Prepare.MeetingDate, loc)
	if err != nil || !t.After(now) {
		return nil
	}
	return &FormError{Step: StepPrepare, Field: "meeting date",
		Msg: fmt.Sprintf("is %s, still to come: record the outcome once the meeting is held; until then the draft keeps it scheduled",
			t.Format("Monday 2 January 2006 15:04"))}
}
