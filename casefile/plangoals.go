package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// goalTarget turns a red flag's goal into a number: one review metric and
// the figure it must reach by the review, taken from the owner's own
// settings where they set one, so that every target in a plan is traceable to them (the goal
// wordings of seeds 000, 001 and 003: every invoice within terms, MFA on
// every account, patches at 95%, out-of-scope work quoted first).
type goalTarget struct {
	flag   string
	metric string // the review metric's label
	atMost bool   // the figure must not exceed value; else not fall below it
	value  func(c scoring.Config) float64
}

func fixed(v float64) func(scoring.Config) float64 { return func(scoring.Config) float64 { return v } }

var goalTargets = []goalTarget{
	{flagLatePayment, "Invoices late", true, fixed(0)},
	{flagResourceDrain, "Tickets per seat per month", true,
		func(c scoring.Config) float64 { return c.Bench.TicketsPerSeatWellRunHigh }},
	{flagUnprofitable, "Effective hourly rate", false,
		func(c scoring.Config) float64 { return float64(c.StandardRatePerHour) }},
	// Seed 000's "Mr. Urgent": after-hours requests the exception, one
	// ticket in ten at most, well inside the flag's concern threshold.
	{flagAfterHours, "After-hours tickets", true, fixed(0.10)},
	{flagStaffAbuse, "Incidents of abuse", true, fixed(0)},
	{flagSecurity, "MFA coverage", false, fixed(100)},
	{flagSecurity, "Patch compliance", false, func(c scoring.Config) float64 { return c.Security.Patch.Concern }},
	{flagDataCompliance, "Data-compliance incidents", true, fixed(0)},
	{flagScopeCreep, "Out-of-scope hours", true, func(c scoring.Config) float64 { return c.ScopeCreep.HoursShare.Concern }},
	{flagModernization, "Declined upgrades", true, fixed(0)},
	{flagCriminal, "Criminal incidents", true, fixed(0)},
}

// goalFor returns the goal set on a flag's metric, if any.
func goalFor(flag, metric string) (goalTarget, bool) {
	for _, g := range goalTargets {
		if g.flag == flag && g.metric == metric {
			return g, true
		}
	}
	return goalTarget{}, false
}

// goalTargetsOf lists the goals set on a flag, in order.
func goalTargetsOf(flag string) []goalTarget {
	var out []goalTarget
	for _, g := range goalTargets {
		if g.flag == flag {
			out = append(out, g)
		}
	}
	return out
}

// metricNamed is the review metric with the given flag and label.
func metricNamed(flag, label string) (reviewMetric, bool) {
	for _, m := range reviewMetrics {
		if m.flag == flag && m.label == label {
			return m, true
		}
	}
	return reviewMetric{}, false
}

// text words the target as the plan prints it: "none", "0%", "at most
// 25%", "at least 95%".
func (g goalTarget) text(cfg scoring.Config) string {
	v := g.value(cfg)
	m, _ := metricNamed(g.flag, g.metric)
	s := m.format(v, windowTotals{months: 1})
	if count, ok := strings.CutSuffix(s, " in 1 month"); ok {
		if v == 0 {
			return "none"
		}
		s = count + " a month"
	}
	switch {
	case g.atMost && v == 0, !g.atMost && s == "100%":
		return s
	case g.atMost:
		return "at most " + s
	}
	return "at least " + s
}

// state judges a metric's figure since the meeting against the target.
func (g goalTarget) state(cfg scoring.Config, mc MetricChange) letters.GoalState {
	if !mc.SinceKnown {
		return letters.GoalNotMeasured
	}
	const eps = 1e-9
	v := g.value(cfg)
	if (g.atMost && mc.Since <= v+eps) || (!g.atMost && mc.Since >= v-eps) {
		return letters.GoalMet
	}
	return letters.GoalNotMet
}

// monthSpan names the whole months from from to to: "March to August
// 2026", "November 2026 to January 2027", "October 2026".
func monthSpan(from, to time.Time) string {
	switch {
	case to.Before(from):
		return "no months yet"
	case from.Year() == to.Year() && from.Month() == to.Month():
		return from.Format("January 2006")
	case from.Year() == to.Year():
		return from.Format("January") + " to " + to.Format("January 2006")
	}
	return from.Format("January 2006") + " to " + to.Format("January 2006")
}

// measure adds to the plan's gaps their goals as numbers and, for a plan
// agreed or closed, where it stands as of asOf: the figures behind each
// goal over the baseline months and since the meeting, each goal met or
// not, the actions done, the reviews that extended it and notes on the
// checkpoints passed. topics are the plan's topics in the order of its
// gaps.
func (d *Desk) measure(ctx context.Context, p Plan, cfg scoring.Config, topics []TopicForm, meeting time.Time, in *letters.PlanInput) error {
	if meeting.IsZero() {
		// Before the meeting is set the targets stand, and their
		// baselines wait for it.
		addTargets(in, topics, cfg, nil)
		return nil
	}
	// The goals are judged at the review: a plan read after it, or closed,
	// is read as it stood then.
	asOf := CivilDay(d.Store.Now())
	if !p.ClosedAt.IsZero() && CivilDay(p.ClosedAt).Before(asOf) {
		asOf = CivilDay(p.ClosedAt)
	}
	if review := in.Review(); !review.IsZero() && review.Before(asOf) {
		asOf = review
	}
	cmp, err := d.compare(ctx, p, meeting, asOf)
	if err != nil {
		return err
	}
	addTargets(in, topics, cfg, &cmp)
	before := monthSpan(cmp.Before.From, cmp.Before.To)
	progress := &letters.PlanProgress{AsOf: asOf, Status: statusWords(p.Status)}
	if !p.Status.Open() && !p.ClosedAt.IsZero() {
		progress.Closed = CivilDay(p.ClosedAt)
	}
	in.Progress = progress
	if p.Status == scoring.PlanDraft || p.Status == scoring.PlanRefused {
		return nil // nothing was agreed, so nothing is followed
	}
	progress.BeforeWindow = before
	progress.SinceWindow = monthSpan(cmp.Since.From, time.Date(asOf.Year(), asOf.Month(), 1, 0, 0, 0, 0, time.UTC))
	// A few days of a first month are no measure of a habit: the figures
	// are compared once a whole month since the meeting has passed.
	firstMonthEnds := cmp.Since.From.AddDate(0, 1, -1)
	measured := false
	for _, mc := range cmp.Metrics {
		measured = measured || mc.SinceKnown
	}
	if measured = measured && !asOf.Before(firstMonthEnds); !measured {
		progress.FirstFigures = firstMonthEnds
	}
	for _, mc := range cmp.Metrics {
		if !measured {
			break
		}
		tm := letters.TrackedMetric{Name: mc.Label, Before: mc.BeforeText, Since: mc.SinceText, Change: string(mc.Direction)}
		if g, ok := goalFor(mc.FlagID, mc.Label); ok {
			tm.Target, tm.State = g.text(cfg), g.state(cfg, mc)
		}
		progress.Metrics = append(progress.Metrics, tm)
	}
	for _, a := range p.Actions() {
		if !a.Due.IsZero() && !a.Due.After(asOf) {
			progress.ActionsDue++
			if a.Done() && !a.DoneOn.After(asOf) {
				progress.ActionsDone++
			}
		}
	}
	if progress.Extensions, err = d.extensions(ctx, p); err != nil {
		return err
	}
	in.Checkpoints = checkpointNotes(in.AllCheckpoints(), p.Actions(), asOf)
	return nil
}

// addTargets sets on each gap the goals of its topic's red flag, with the
// baseline from cmp; nil cmp (no meeting yet) leaves the baselines to it.
func addTargets(in *letters.PlanInput, topics []TopicForm, cfg scoring.Config, cmp *PlanComparison) {
	var before, window string
	byFlag := map[string][]MetricChange{}
	if cmp != nil {
		before = monthSpan(cmp.Before.From, cmp.Before.To)
		window = "the months from " + cmp.Since.From.Format("January 2006") + " to the review"
		for _, mc := range cmp.Metrics {
			byFlag[mc.FlagID] = append(byFlag[mc.FlagID], mc)
		}
	}
	for i, t := range topics {
		if i >= len(in.Gaps) {
			break
		}
		for _, g := range goalTargetsOf(t.FlagID) {
			gt := letters.GoalTarget{Measure: g.metric, BaselineWindow: before, Target: g.text(cfg), By: in.Review(),
				Window: window}
			for _, mc := range byFlag[t.FlagID] {
				if mc.Label == g.metric && mc.BeforeKnown {
					gt.Baseline = mc.BeforeText
				}
			}
			in.Gaps[i].Targets = append(in.Gaps[i].Targets, gt)
		}
	}
}

// statusWords is a plan's status as the client reads it.
func statusWords(s scoring.PlanStatus) string {
	switch s {
	case scoring.PlanAgreed:
		return "Agreed, in progress"
	case scoring.PlanPartlyAgreed:
		return "Partly agreed, in progress"
	case scoring.PlanExtended:
		return "Extended, in progress"
	case scoring.PlanResolved:
		return "Closed as resolved"
	case scoring.PlanFailed:
		return "Closed as not resolved"
	case scoring.PlanDraft:
		return "Proposed, not yet agreed"
	case scoring.PlanRefused:
		return "Proposed, and refused by the client"
	}
	label := s.Label()
	return strings.ToUpper(label[:1]) + label[1:]
}

// checkpointNotes writes, on each checkpoint passed by asOf, what the
// record shows of the actions due by then: how many were done, and which
// were not, with their owners. Every word of it is traceable to the
// plan's rows.
func checkpointNotes(cps []letters.Checkpoint, actions []store.PlanItem, asOf time.Time) []letters.Checkpoint {
	out := make([]letters.Checkpoint, len(cps))
	for i, c := range cps {
		out[i] = c
		if c.Date.After(asOf) {
			continue
		}
		var due, done int
		var open []string
		for _, a := range actions {
			if a.Due.IsZero() || a.Due.After(c.Date) {
				continue
			}
			due++
			if a.Done() && !a.DoneOn.After(c.Date) {
				done++
				continue
			}
			open = append(open, fmt.Sprintf("%s (%s, due %s)", a.Title, a.OwnerName, letters.FormatDate(a.Due)))
		}
		switch {
		case due == 0:
			out[i].Notes = "No action was due by this checkpoint."
		case len(open) == 0:
			out[i].Notes = fmt.Sprintf("All %d actions due by this checkpoint were done.", due)
			if due == 1 {
				out[i].Notes = "The one action due by this checkpoint was done."
			}
		default:
			out[i].Notes = fmt.Sprintf("%d of %d actions due by this checkpoint done. Still open: %s.", done, due,
				strings.Join(open, "; "))
		}
	}
	return out
}

// nextReviewOn introduces the new review date in the decisions log's
// entry for an extension, from which the plan's history is read back.
const nextReviewOn = ", next review on "

// extensions reads back from the decisions log the reviews that extended
// the plan, oldest first.
func (d *Desk) extensions(ctx context.Context, p Plan) ([]letters.PlanExtension, error) {
	decisions, err := d.Store.Decisions(ctx, p.ClientID)
	if err != nil {
		return nil, err
	}
	var out []letters.PlanExtension
	for i := len(decisions) - 1; i >= 0; i-- {
		dec := decisions[i]
		if dec.Kind != "plan" || dec.To != string(scoring.PlanExtended) || dec.At.Before(p.CreatedAt) ||
			(!p.ClosedAt.IsZero() && dec.At.After(p.ClosedAt)) {
			continue
		}
		_, rest, ok := strings.Cut(dec.Reason, nextReviewOn)
		if !ok || len(rest) < len(time.DateOnly) {
			continue
		}
		review, err := ParseDay(rest[:len(time.DateOnly)])
		if err != nil {
			continue
		}
		out = append(out, letters.PlanExtension{On: CivilDay(dec.At), Review: review})
	}
	return out, nil
}
