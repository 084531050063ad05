package casefile

import (
	"context"
	"fmt"
	"math"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// Period is a stretch of months a review compares. Months counts the
// calendar months in it, the last one as the fraction that has passed, so
// per-month rates are fair to a review held mid-month.
type Period struct {
	From, To time.Time
	Months   float64
}

func (p Period) window() store.Window { return store.Window{From: p.From, To: p.To} }

// Direction says which way a metric moved since the meeting.
type Direction string

// The directions of a metric; DirectionUnknown when either side has no data.
const (
	DirectionImproved Direction = "improved"
	DirectionWorse    Direction = "worse"
	DirectionSteady   Direction = "steady"
	DirectionUnknown  Direction = ""
	steadyTolerance             = 0.05 // relative change below which a metric is steady
)

// MetricChange is one flagged metric before the meeting and since:
// "Average days late 41 → 12".
type MetricChange struct {
	FlagID      string
	Label       string
	Before      float64
	Since       float64
	BeforeKnown bool
	SinceKnown  bool
	// BeforeText and SinceText are the values as shown, "–" when unknown.
	BeforeText string
	SinceText  string
	Direction  Direction
}

// String is the change in one line, as the review screen shows it.
func (m MetricChange) String() string { return m.Label + " " + m.BeforeText + " → " + m.SinceText }

// PlanComparison is what the review of a plan shows: each metric behind
// the plan's red flags over the baseline months before the meeting and
// over the months since.
type PlanComparison struct {
	PlanID   int64
	ClientID int64
	Meeting  time.Time
	Before   Period
	Since    Period
	Metrics  []MetricChange
}

// Improved counts the metrics that improved.
func (c PlanComparison) Improved() int { return c.count(DirectionImproved) }

// Worse counts the metrics that got worse.
func (c PlanComparison) Worse() int { return c.count(DirectionWorse) }

func (c PlanComparison) count(d Direction) int {
	n := 0
	for _, m := range c.Metrics {
		if m.Direction == d {
			n++
		}
	}
	return n
}

// windowTotals is one period of a client's roll-up and records, summed,
// with the months it spans and the client's seats to make rates of them.
type windowTotals struct {
	store.WindowTotals
	months float64
	seats  int
}

// reviewMetric computes one metric of the review; ok is false when the
// period holds nothing to compute it from.
type reviewMetric struct {
	flag          string
	label         string
	higherIsWorse bool
	value         func(w windowTotals) (v float64, ok bool)
	format        func(v float64, w windowTotals) string
}

// The flag ids of the plan's topics, as strings (TopicForm.FlagID).
const (
	flagLatePayment    = string(scoring.FlagLatePayment)
	flagResourceDrain  = string(scoring.FlagResourceDrain)
	flagUnprofitable   = string(scoring.FlagUnprofitable)
	flagAfterHours     = string(scoring.FlagAfterHours)
	flagStaffAbuse     = string(scoring.FlagStaffAbuse)
	flagSecurity       = string(scoring.FlagSecurity)
	flagDataCompliance = string(scoring.FlagDataCompliance)
	flagScopeCreep     = string(scoring.FlagScopeCreep)
	flagModernization  = string(scoring.FlagModernization)
	flagCriminal       = string(scoring.FlagCriminal)
)

// defaultReviewFlags are compared when a plan's topics name no red flag.
var defaultReviewFlags = []string{flagLatePayment, flagResourceDrain, flagAfterHours}

func div(num, den float64) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return num / den, true
}

var (
	fmtDays    = func(v float64, _ windowTotals) string { return fmt.Sprintf("%.0f", v) }
	fmtPercent = func(v float64, _ windowTotals) string { return fmt.Sprintf("%.0f%%", 100*v) }
	fmtFixed2  = func(v float64, _ windowTotals) string { return fmt.Sprintf("%.2f", v) }
	fmtMoney   = func(v float64, _ windowTotals) string { return FormatMinor(int64(math.Round(v)), "") }
	fmtPoints  = func(v float64, _ windowTotals) string { return fmt.Sprintf("%.0f%%", v) }
	fmtCount   = func(v float64, w windowTotals) string {
		return fmt.Sprintf("%.0f in %s", v*w.months, monthsPhrase(w.months))
	}
)

func monthsPhrase(m float64) string {
	if m == 1 {
		return "1 month"
	}
	if m == math.Trunc(m) {
		return fmt.Sprintf("%.0f months", m)
	}
	return fmt.Sprintf("%.1f months", m)
}

// incidentRate is a count of incidents of the given kinds per month.
func incidentRate(kinds ...string) func(w windowTotals) (float64, bool) {
	return func(w windowTotals) (float64, bool) {
		var n float64
		for _, k := range kinds {
			n += w.Incidents[k]
		}
		return div(n, w.months)
	}
}

var reviewMetrics = []reviewMetric{
	{flagLatePayment, "Average days late", true,
		func(w windowTotals) (float64, bool) { return div(w.DaysLate, w.Settled) }, fmtDays},
	{flagLatePayment, "Invoices late", true,
		func(w windowTotals) (float64, bool) { return div(w.Late, w.Settled) }, fmtPercent},
	{flagResourceDrain, "Hours per seat per month", true,
		func(w windowTotals) (float64, bool) { return div(w.Minutes/60, float64(w.seats)*w.months) }, fmtFixed2},
	{flagResourceDrain, "Tickets per seat per month", true,
		func(w windowTotals) (float64, bool) { return div(w.Tickets, float64(w.seats)*w.months) }, fmtFixed2},
	{flagUnprofitable, "Effective hourly rate", false,
		func(w windowTotals) (float64, bool) { return div(w.Invoiced, w.Minutes/60) }, fmtMoney},
	{flagAfterHours, "After-hours tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.AfterHours, w.Tickets) }, fmtPercent},
	{flagAfterHours, "Urgent tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.Urgent, w.Tickets) }, fmtPercent},
	{flagAfterHours, "After-hours demands", true, incidentRate("after_hours"), fmtCount},
	{flagScopeCreep, "Out-of-scope hours", true,
		func(w windowTotals) (float64, bool) { return div(w.OOSMinutes, w.Minutes) }, fmtPercent},
	{flagScopeCreep, "Out-of-scope tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.OOSTickets, w.months) }, fmtCount},
	{flagSecurity, "MFA coverage", false,
		func(w windowTotals) (float64, bool) { return w.MFA, w.HasMFA }, fmtPoints},
	{flagSecurity, "Patch compliance", false,
		func(w windowTotals) (float64, bool) { return w.Patch, w.HasPatch }, fmtPoints},
	{flagSecurity, "End-of-life devices", true,
		func(w windowTotals) (float64, bool) { return w.EOL, w.HasEOL },
		func(v float64, _ windowTotals) string { return fmt.Sprintf("%.0f", v) }},
	{flagSecurity, "Security incidents", true, incidentRate("security"), fmtCount},
	{flagStaffAbuse, "Incidents of abuse", true, incidentRate("abuse"), fmtCount},
	{flagDataCompliance, "Data-compliance incidents", true, incidentRate("data_compliance"), fmtCount},
	{flagCriminal, "Criminal incidents", true, incidentRate("criminal"), fmtCount},
	{flagModernization, "Declined upgrades", true,
		func(w windowTotals) (float64, bool) { return div(w.Declined, w.months) }, fmtCount},
	{flagModernization, "Naivete incidents", true, incidentRate("naivete"), fmtCount},
}

// ComparePlan compares each metric behind the plan's red flags over the
// baseline months before the meeting (BaselineMonths whole months) with
// the months since: from the first month after the meeting's month to
// asOf, the current month counted as the fraction that has passed. The
// meeting's own month is in neither, because the roll-up cannot split it.
// Security figures are the latest snapshot on or before the meeting
// against the latest one since.
func (d *Desk) ComparePlan(ctx context.Context, planID int64, asOf time.Time) (PlanComparison, error) {
	p, err := d.Plan(ctx, planID)
	if err != nil {
		return PlanComparison{}, err
	}
	if p.Meeting.IsZero() {
		return PlanComparison{}, fmt.Errorf("compare plan %d: the meeting has not been recorded", planID)
	}
	return d.compare(ctx, p, p.Meeting, asOf)
}

// compare is ComparePlan for a meeting given apart from the plan's row: a
// draft's meeting as typed, which the row does not hold yet.
func (d *Desk) compare(ctx context.Context, p Plan, meeting, asOf time.Time) (PlanComparison, error) {
	planID := p.ID
	c, err := d.Store.Client(ctx, p.ClientID)
	if err != nil {
		return PlanComparison{}, err
	}
	setup, err := d.Setup(ctx)
	if err != nil {
		return PlanComparison{}, err
	}
	// The meeting's month and day are the client's, where it was held.
	meeting = meeting.In(ClientZone(c, setup.Config))
	meetingMonth := time.Date(meeting.Year(), meeting.Month(), 1, 0, 0, 0, 0, time.UTC)
	cmp := PlanComparison{PlanID: planID, ClientID: p.ClientID, Meeting: meeting,
		Before: baselinePeriod(p, meetingMonth),
		Since:  sincePeriod(meetingMonth.AddDate(0, 1, 0), CivilDay(asOf)),
	}
	before, since, err := d.Store.PlanWindowTotals(ctx, p.ClientID, cmp.Before.window(), cmp.Since.window(), CivilDay(meeting))
	if err != nil {
		return cmp, fmt.Errorf("compare plan %d: %w", planID, err)
	}
	b := windowTotals{WindowTotals: before, months: cmp.Before.Months, seats: c.Seats}
	s := windowTotals{WindowTotals: since, months: cmp.Since.Months, seats: c.Seats}
	for _, flag := range planFlags(p) {
		for _, m := range reviewMetrics {
			if m.flag == flag {
				cmp.Metrics = append(cmp.Metrics, m.compare(b, s))
			}
		}
	}
	return cmp, nil
}

// baselinePeriod is the whole months inside the plan's recorded baseline
// that end before the meeting's month: the BaselineMonths months before it
// when the plan records none. A baseline recorded by day (another tool, the
// demo) loses its part months, which the monthly roll-up cannot split.
func baselinePeriod(p Plan, meetingMonth time.Time) Period {
	from, to := p.BaselineFrom, p.BaselineTo
	if from.IsZero() || to.IsZero() {
		from, to = meetingMonth.AddDate(0, -BaselineMonths, 0), meetingMonth.AddDate(0, 0, -1)
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if from.Day() != 1 {
		first = first.AddDate(0, 1, 0)
	}
	last := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
	if to.AddDate(0, 0, 1).Month() == to.Month() {
		last = last.AddDate(0, -1, 0) // to is not its month's last day
	}
	if !last.Before(meetingMonth) {
		last = meetingMonth.AddDate(0, -1, 0)
	}
	months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	return Period{From: first, To: last.AddDate(0, 1, -1), Months: float64(max(months, 0))}
}

// sincePeriod runs from the first day of from's month to asOf, counting
// whole months plus the passed fraction of asOf's month.
func sincePeriod(from, asOf time.Time) Period {
	p := Period{From: from, To: asOf}
	if asOf.Before(from) {
		return p
	}
	whole := (asOf.Year()-from.Year())*12 + int(asOf.Month()-from.Month())
	daysIn := time.Date(asOf.Year(), asOf.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	p.Months = float64(whole) + float64(asOf.Day())/float64(daysIn)
	return p
}

// planFlags are the distinct red flags of the plan's topics, in order:
// the finished topics, or the draft's while it is a draft.
func planFlags(p Plan) []string {
	var ids []string
	for _, it := range p.Topics() {
		ids = append(ids, it.FlagID)
	}
	if p.Status == scoring.PlanDraft {
		for _, t := range p.Form.Topics {
			ids = append(ids, t.FlagID)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) == 0 {
		return defaultReviewFlags
	}
	return out
}

func (m reviewMetric) compare(before, since windowTotals) MetricChange {
	mc := MetricChange{FlagID: m.flag, Label: m.label, BeforeText: "–", SinceText: "–"}
	if mc.Before, mc.BeforeKnown = m.value(before); mc.BeforeKnown {
		mc.BeforeText = m.format(mc.Before, before)
	}
	if mc.Since, mc.SinceKnown = m.value(since); mc.SinceKnown {
		mc.SinceText = m.format(mc.Since, since)
	}
	if !mc.BeforeKnown || !mc.SinceKnown {
		return mc
	}
	delta := mc.Since - mc.Before
	if math.Abs(delta) <= steadyTolerance*math.Max(math.Abs(mc.Before), math.Abs(mc.Since)) {
		mc.Direction = DirectionSteady
	} else if (delta > 0) == m.higherIsWorse {
		mc.Direction = DirectionWorse
	} else {
		mc.Direction = DirectionImproved
	}
	return mc
}
