package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"offboard/scoring"
)

// Period is a stretch of months a review compares. Months counts the
// calendar months in it, the last one as the fraction that has passed, so
// per-month rates are fair to a review held mid-month.
type Period struct {
	From, To time.Time
	Months   float64
}

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

// windowTotals sums one period of a client's roll-up and records.
type windowTotals struct {
	months                               float64
	seats                                int
	minutes, tickets, afterHours, urgent float64
	oosTickets, oosMinutes, invoiced     float64
	settled, late, daysLate              float64
	incidents                            map[string]float64
	declined                             float64
	mfa, patch, eol                      float64
	hasSnapshot                          bool
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
			n += w.incidents[k]
		}
		return div(n, w.months)
	}
}

var reviewMetrics = []reviewMetric{
	{flagLatePayment, "Average days late", true,
		func(w windowTotals) (float64, bool) { return div(w.daysLate, w.settled) }, fmtDays},
	{flagLatePayment, "Invoices late", true,
		func(w windowTotals) (float64, bool) { return div(w.late, w.settled) }, fmtPercent},
	{flagResourceDrain, "Hours per seat per month", true,
		func(w windowTotals) (float64, bool) { return div(w.minutes/60, float64(w.seats)*w.months) }, fmtFixed2},
	{flagResourceDrain, "Tickets per seat per month", true,
		func(w windowTotals) (float64, bool) { return div(w.tickets, float64(w.seats)*w.months) }, fmtFixed2},
	{flagUnprofitable, "Effective hourly rate", false,
		func(w windowTotals) (float64, bool) { return div(w.invoiced, w.minutes/60) }, fmtMoney},
	{flagAfterHours, "After-hours tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.afterHours, w.tickets) }, fmtPercent},
	{flagAfterHours, "Urgent tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.urgent, w.tickets) }, fmtPercent},
	{flagAfterHours, "After-hours demands", true, incidentRate("after_hours"), fmtCount},
	{flagScopeCreep, "Out-of-scope hours", true,
		func(w windowTotals) (float64, bool) { return div(w.oosMinutes, w.minutes) }, fmtPercent},
	{flagScopeCreep, "Out-of-scope tickets", true,
		func(w windowTotals) (float64, bool) { return div(w.oosTickets, w.months) }, fmtCount},
	{flagSecurity, "MFA coverage", false,
		func(w windowTotals) (float64, bool) { return w.mfa, w.hasSnapshot }, fmtPoints},
	{flagSecurity, "Patch compliance", false,
		func(w windowTotals) (float64, bool) { return w.patch, w.hasSnapshot }, fmtPoints},
	{flagSecurity, "End-of-life devices", true,
		func(w windowTotals) (float64, bool) { return w.eol, w.hasSnapshot },
		func(v float64, _ windowTotals) string { return fmt.Sprintf("%.0f", v) }},
	{flagSecurity, "Security incidents", true, incidentRate("security"), fmtCount},
	{flagStaffAbuse, "Incidents of abuse", true, incidentRate("abuse"), fmtCount},
	{flagDataCompliance, "Data-compliance incidents", true, incidentRate("data_compliance"), fmtCount},
	{flagCriminal, "Criminal incidents", true, incidentRate("criminal"), fmtCount},
	{flagModernization, "Declined upgrades", true,
		func(w windowTotals) (float64, bool) { return div(w.declined, w.months) }, fmtCount},
	{flagModernization, "Naivete incidents", true, incidentRate("naivete"), fmtCount},
}

// ComparePlan compares each metric behind the plan's red flags over the
// baseline months before the meeting (BaselineMonths whole months) with
// the months since: from the first month after the meeting's month to
// asOf, the current month counted as the fraction that has passed. The
// meeting's own month is in neither, because the roll-up cannot split it.
// Security figures are the latest snapshot on or before the meeting
// against the latest one since.
func (s *Store) ComparePlan(ctx context.Context, planID int64, asOf time.Time) (PlanComparison, error) {
	p, err := s.Plan(ctx, planID)
	if err != nil {
		return PlanComparison{}, err
	}
	if p.Meeting.IsZero() {
		return PlanComparison{}, fmt.Errorf("compare plan %d: the meeting has not been recorded", planID)
	}
	c, err := s.Client(ctx, p.ClientID)
	if err != nil {
		return PlanComparison{}, err
	}
	meetingMonth := time.Date(p.Meeting.Year(), p.Meeting.Month(), 1, 0, 0, 0, 0, time.UTC)
	cmp := PlanComparison{PlanID: planID, ClientID: p.ClientID, Meeting: p.Meeting,
		Before: baselinePeriod(p, meetingMonth),
		Since:  sincePeriod(meetingMonth.AddDate(0, 1, 0), civilDay(asOf)),
	}
	before, since, err := s.windowTotals(ctx, p.ClientID, cmp.Before, cmp.Since, civilDay(p.Meeting))
	if err != nil {
		return cmp, fmt.Errorf("compare plan %d: %w", planID, err)
	}
	before.seats, since.seats = c.Seats, c.Seats
	for _, flag := range planFlags(p) {
		for _, m := range reviewMetrics {
			if m.flag == flag {
				cmp.Metrics = append(cmp.Metrics, m.compare(before, since))
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
	if p.Status == PlanDraft {
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

// windowTotals sums the roll-up, incidents and declined upgrades of both
// periods in one query each, and reads the security snapshot that closes
// each.
func (s *Store) windowTotals(ctx context.Context, clientID int64, before, since Period, meeting time.Time) (windowTotals, windowTotals, error) {
	w := [2]windowTotals{{months: before.Months, incidents: map[string]float64{}},
		{months: since.Months, incidents: map[string]float64{}}}
	bf, bt := before.From.Format("2006-01"), before.To.Format("2006-01")
	sf, st := since.From.Format("2006-01"), since.To.Format("2006-01")
	// ?2..?5 bound the two windows as months; a row belongs to the first
	// window when it is not after ?3.
	if err := scanWindows(ctx, s.db, w[:], func(t *windowTotals) []*float64 {
		return []*float64{&t.minutes, &t.tickets, &t.afterHours, &t.urgent, &t.oosTickets, &t.oosMinutes, &t.invoiced}
	}, `SELECT month > ?3, sum(minutes), sum(tickets), sum(after_hours_tickets), sum(urgent_tickets),
            sum(oos_tickets), sum(oos_minutes), sum(invoiced_minor)
        FROM client_months WHERE client_id = ?1 AND (month BETWEEN ?2 AND ?3 OR month BETWEEN ?4 AND ?5)
        GROUP BY 1`, clientID, bf, bt, sf, st); err != nil {
		return w[0], w[1], err
	}
	// Lateness is read from the invoices, not the roll-up, which knows only
	// paid invoices: a client who stops paying after the meeting must look
	// worse, not unknown. An invoice is as late as it was paid, or if still
	// unpaid as it is at the end of the period since; invoices not yet due
	// and unpaid are left out.
	if err := scanWindows(ctx, s.db, w[:], func(t *windowTotals) []*float64 {
		return []*float64{&t.settled, &t.late, &t.daysLate}
	}, `SELECT substr(issued_on, 1, 7) > ?3, count(*), sum(days > 0), sum(max(days, 0))
        FROM (SELECT issued_on, CAST(julianday(coalesce(paid_on, ?6)) - julianday(due_on) AS INTEGER) AS days
              FROM invoices WHERE client_id = ?1 AND (paid_on IS NOT NULL OR due_on <= ?6)
                AND (substr(issued_on, 1, 7) BETWEEN ?2 AND ?3 OR substr(issued_on, 1, 7) BETWEEN ?4 AND ?5))
        GROUP BY 1`, clientID, bf, bt, sf, st, Date(since.To)); err != nil {
		return w[0], w[1], err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT substr(occurred_at, 1, 7) > ?3, kind, count(*) FROM incidents
        WHERE client_id = ?1 AND (substr(occurred_at, 1, 7) BETWEEN ?2 AND ?3 OR substr(occurred_at, 1, 7) BETWEEN ?4 AND ?5)
        GROUP BY 1, 2
        UNION ALL
        SELECT substr(decided_on, 1, 7) > ?3, '', count(*) FROM upgrade_recommendations
        WHERE client_id = ?1 AND decision = 'declined'
          AND (substr(decided_on, 1, 7) BETWEEN ?2 AND ?3 OR substr(decided_on, 1, 7) BETWEEN ?4 AND ?5)
        GROUP BY 1`, clientID, bf, bt, sf, st)
	if err != nil {
		return w[0], w[1], err
	}
	for rows.Next() {
		var i int
		var kind string
		var n float64
		if err := rows.Scan(&i, &kind, &n); err != nil {
			rows.Close()
			return w[0], w[1], err
		}
		if kind == "" {
			w[i].declined += n // the union's second part: declined upgrade recommendations
		} else {
			w[i].incidents[kind] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return w[0], w[1], err
	}
	for i, q := range []struct {
		cond string
		arg  []any
	}{
		{"taken_on <= ?2", []any{clientID, Date(meeting)}},
		{"taken_on > ?2 AND taken_on <= ?3", []any{clientID, Date(meeting), Date(since.To)}},
	} {
		err := s.db.QueryRowContext(ctx, `SELECT mfa_pct, patch_pct, eol_devices FROM security_snapshots
            WHERE client_id = ?1 AND `+q.cond+` ORDER BY taken_on DESC LIMIT 1`, q.arg...).
			Scan(&w[i].mfa, &w[i].patch, &w[i].eol)
		switch {
		case err == nil:
			w[i].hasSnapshot = true
		case !errors.Is(err, sql.ErrNoRows):
			return w[0], w[1], err
		}
	}
	return w[0], w[1], nil
}

// scanWindows runs a query whose rows are 0 (the baseline) or 1 (the
// period since) followed by the columns that cols points to in that
// window's totals.
func scanWindows(ctx context.Context, db *sql.DB, w []windowTotals, cols func(*windowTotals) []*float64, query string, args ...any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		vals := make([]float64, len(cols(&w[0])))
		dest := []any{&i}
		for j := range vals {
			dest = append(dest, &vals[j])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for j, p := range cols(&w[i]) {
			*p = vals[j]
		}
	}
	return rows.Err()
}
