package letters

import (
	"fmt"
	"strings"
	"time"
)

// GoalTarget is a gap's goal as a number: a measure with its baseline
// before the meeting, the figure to reach and by when, and the window it is
// measured over, for example "Invoices paid late: 75% (March to August
// 2026) → 0% by Monday, 30 November 2026, measured over the months since
// the meeting".
type GoalTarget struct {
	// Measure names what is measured, for example "Invoices paid late".
	Measure string
	// Baseline is the figure before the meeting, as shown; "" when the
	// record holds none.
	Baseline string
	// BaselineWindow names the months the baseline covers, for example
	// "March to August 2026"; "" while the meeting, from which the months
	// are counted, is not set.
	BaselineWindow string
	// Target is the figure to reach, comparison included, for example "at
	// most 25%" or "none".
	Target string
	// By is the day by which the target is to be reached: the review.
	By time.Time
	// Window says what the target is measured over, for example "the
	// months from October 2026 to the review"; "" while the meeting is not
	// set.
	Window string
}

// GoalState says whether a goal's target is met.
type GoalState int

// The states of a goal at a given day.
const (
	GoalNotMeasured GoalState = iota
	GoalMet
	GoalNotMet
)

// String words the state for the plan's status table.
func (s GoalState) String() string {
	switch s {
	case GoalMet:
		return "Met"
	case GoalNotMet:
		return "Not met"
	}
	return "No figure yet"
}

// TrackedMetric is one figure the plan follows, before the meeting and
// since, with the goal's target and state when a goal is set on it.
type TrackedMetric struct {
	Name   string
	Before string
	Since  string
	// Target is the goal's target, as in GoalTarget; "" when the figure is
	// followed without a goal, and Change then says which way it moved.
	Target string
	State  GoalState
	// Change is "improved", "worse", "steady" or "".
	Change string
}

// PlanExtension is a review that moved the plan's review date.
type PlanExtension struct {
	// On is the day the extension was decided.
	On time.Time
	// Review is the new review date.
	Review time.Time
}

// PlanProgress is where an agreed plan stands on a given day: its status,
// the reviews that extended it, what has been done, and the figures
// against their goals.
type PlanProgress struct {
	// AsOf is the day the figures are read.
	AsOf time.Time
	// Status words the plan's status, for example "Agreed", "Extended",
	// "Resolved" or "Failed".
	Status string
	// Closed is the day the plan was closed at its review; zero while open.
	Closed time.Time
	// Extensions are the reviews that moved the review date, oldest first.
	Extensions []PlanExtension
	// ActionsDone and ActionsDue count the agreed actions done and those
	// due by AsOf.
	ActionsDone, ActionsDue int
	// BeforeWindow and SinceWindow name the months compared, for example
	// "March to August 2026" and "October to November 2026".
	BeforeWindow, SinceWindow string
	// Metrics are the figures followed; empty until a month since the
	// meeting has been measured.
	Metrics []TrackedMetric
	// FirstFigures is the last day of the first whole month after the
	// meeting, when the figures are first compared; set while Metrics is
	// empty for want of a month since.
	FirstFigures time.Time
}

// GoalsMet counts the tracked metrics with a goal and those of them met.
func (p PlanProgress) GoalsMet() (met, goals int) {
	for _, m := range p.Metrics {
		if m.Target == "" {
			continue
		}
		goals++
		if m.State == GoalMet {
			met++
		}
	}
	return met, goals
}

// GoalSummary says how many goals are met, for the status: "1 of 2 goals
// met", with those not yet measured named apart; "" when no goal has a
// figure yet.
func (p PlanProgress) GoalSummary() string {
	met, goals := p.GoalsMet()
	unmeasured := 0
	for _, m := range p.Metrics {
		if m.Target != "" && m.State == GoalNotMeasured {
			unmeasured++
		}
	}
	if goals == 0 || unmeasured == goals {
		return ""
	}
	s := fmt.Sprintf("%d of %d %s met", met, goals, pluralWord(goals, "goal", "goals"))
	if unmeasured > 0 {
		s += fmt.Sprintf(" (%d without a figure yet)", unmeasured)
	}
	return s
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// MissingField is a part of a plan that must be filled in before the plan
// is sent: which item, and what it lacks.
type MissingField struct {
	// Item names the item, for example `action 2 "Settle the overdue
	// balance"`, or "the plan".
	Item string
	// Field is what it lacks: "owner", "due date", "target", ...
	Field string
	// Problem says what is wrong with the field when it is set but
	// cannot be right; "" means it is missing.
	Problem string
}

// String reads `action 2 "Settle the overdue balance": owner missing`.
func (m MissingField) String() string {
	if m.Problem != "" {
		return m.Item + ": " + m.Field + " " + m.Problem
	}
	return m.Item + ": " + m.Field + " missing"
}

// IncompleteError refuses to send a plan with parts missing; it names each.
type IncompleteError struct {
	Client  string
	Missing []MissingField
}

// Error lists every missing part on one line.
func (e *IncompleteError) Error() string {
	parts := make([]string, len(e.Missing))
	for i, m := range e.Missing {
		parts[i] = m.String()
	}
	return fmt.Sprintf("the plan for %s is not ready to send: %s", displayName(e.Client), strings.Join(parts, "; "))
}

// Missing lists what the plan lacks before it can be sent: the start, each
// gap's measurable target, each action's description, owner, due date and
// target, our own commitments and each checkpoint's date. An action due
// before the meeting is listed too: its date cannot be right.
func (in PlanInput) Missing() []MissingField {
	var out []MissingField
	add := func(item, field string) { out = append(out, MissingField{Item: item, Field: field}) }
	wrong := func(item, field, problem string) {
		out = append(out, MissingField{Item: item, Field: field, Problem: problem})
	}
	if in.Start.IsZero() {
		add("the plan", "meeting date")
	}
	if len(in.Gaps) == 0 {
		add("the plan", "areas to work on")
	}
	for i, g := range in.Gaps {
		item := fmt.Sprintf("goal %d %q", i+1, strings.TrimSpace(g.Title))
		if isBlank(g.Title) {
			add(fmt.Sprintf("goal %d", i+1), "area")
		}
		if !g.Measurable() {
			add(item, "measurable target")
		}
	}
	for i, a := range in.Actions {
		item := fmt.Sprintf("action %d %q", i+1, strings.TrimSpace(a.What))
		if isBlank(a.What) {
			item = fmt.Sprintf("action %d", i+1)
			add(item, "description")
		}
		if isBlank(a.Person) {
			add(item, "owner")
		}
		switch {
		case a.Due.IsZero():
			add(item, "due date")
		case !in.MeetingHeld.IsZero() && DaysBetween(in.MeetingHeld, a.Due) < 0:
			wrong(item, "due date", "is "+FormatDate(a.Due)+", before the meeting on "+FormatDate(in.MeetingHeld))
		}
		if isBlank(a.Target) {
			add(item, "target")
		}
	}
	if len(in.OurChanges) == 0 && len(in.OurActions()) == 0 {
		add("our side", "commitments")
	}
	for i, c := range in.Checkpoints {
		if c.Date.IsZero() {
			add(fmt.Sprintf("checkpoint %d", i+1), "date")
		}
	}
	return out
}

// Complete returns an IncompleteError naming every missing part, or nil.
func (in PlanInput) Complete() error {
	if m := in.Missing(); len(m) > 0 {
		return &IncompleteError{Client: in.Client.Name, Missing: m}
	}
	return nil
}

// Measurable reports whether the gap's goal is a number: a target from the
// record, or a figure in the goal as written.
func (g PlanGap) Measurable() bool { return len(g.Targets) > 0 || hasDigit(g.Goal) }

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
