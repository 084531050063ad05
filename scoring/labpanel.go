package scoring

import (
	"fmt"
	"math"
	"offboard/money"
	"time"
)

// Metric names one line of the lab panel.
type Metric string

// The metrics of the lab panel.
const (
	MetricHoursPerSeat    Metric = "hours_per_seat_month"
	MetricTicketsPerSeat  Metric = "tickets_per_seat_month"
	MetricAfterHoursShare Metric = "after_hours_share"
	MetricUrgentShare     Metric = "urgent_share"
	MetricOutOfScopeShare Metric = "out_of_scope_share"
	MetricDaysLate        Metric = "days_late"
	MetricEffectiveRate   Metric = "effective_hourly_rate"
	MetricMargin          Metric = "margin"
	MetricMFACoverage     Metric = "mfa_coverage"
	MetricPatchCompliance Metric = "patch_compliance"
	MetricEOLShare        Metric = "eol_share"
)

// Indices into a client's metric values, in lab-panel order.
const (
	mHoursPerSeat = iota
	mTicketsPerSeat
	mAfterHoursShare
	mUrgentShare
	mOutOfScopeShare
	mDaysLate
	mEffectiveRate
	mMargin
	mMFACoverage
	mPatchCompliance
	mEOLShare
	numMetrics
)

// metricDef says how one metric is computed, shown and judged.
type metricDef struct {
	id    Metric
	label string
	// higherIsWorse orients the trend: a rising value is worsening.
	higherIsWorse bool
	// signed metrics can fall below zero; the normal range of the others
	// is cut off at zero.
	signed bool
	// ceiling, when not zero, is the highest value the metric can take (1
	// for a share, 100 for a percentage); the normal range is cut off there.
	ceiling float64
	format  func(float64) string
	// period computes the metric over summed roll-ups; nil for metrics read
	// from the security snapshots.
	period func(t totals, seats int, cfg *Config) float64
	// perSeat metrics divide by the client's seats, and are not judged
	// without a seat count.
	perSeat bool
	// snapshot reads the metric from a security snapshot, with the day it
	// was reported; NaN when no report gave it.
	snapshot func(s *SecuritySnapshot) (float64, time.Time)
	industry func(cfg *Config) string
}

var metricDefs = [numMetrics]metricDef{
	mHoursPerSeat: {
		id: MetricHoursPerSeat, label: "Hours per seat per month", higherIsWorse: true, format: fixed2, perSeat: true,
		period: func(t totals, seats int, _ *Config) float64 { return ratio(t.hours(), float64(seats*t.months)) },
		industry: func(c *Config) string {
			return fmt.Sprintf("reactive support ≈%.2f", c.Bench.ReactiveHoursPerSeat)
		},
	},
	mTicketsPerSeat: {
		id: MetricTicketsPerSeat, label: "Tickets per seat per month", higherIsWorse: true, format: fixed2, perSeat: true,
		period: func(t totals, seats int, _ *Config) float64 {
			return ratio(float64(t.Tickets), float64(seats*t.months))
		},
		industry: func(c *Config) string {
			return fmt.Sprintf("well-run %.1f–%.1f, reactive ≈%.0f", c.Bench.TicketsPerSeatWellRunLow, c.Bench.TicketsPerSeatWellRunHigh, c.Bench.TicketsPerSeatReactive)
		},
	},
	mAfterHoursShare: shareMetric(MetricAfterHoursShare, "After-hours tickets",
		func(t totals) (int64, int64) { return int64(t.AfterHoursTickets), int64(t.Tickets) },
		func(c *Config) Band { return c.AfterHours.Share }),
	mUrgentShare: shareMetric(MetricUrgentShare, "Urgent tickets",
		func(t totals) (int64, int64) { return int64(t.UrgentTickets), int64(t.Tickets) },
		func(c *Config) Band { return c.AfterHours.UrgentShare }),
	mOutOfScopeShare: shareMetric(MetricOutOfScopeShare, "Out-of-scope hours",
		func(t totals) (int64, int64) { return t.OutOfScopeMinutes, t.MinutesWorked },
		func(c *Config) Band { return c.ScopeCreep.HoursShare }),
	mDaysLate: {
		id: MetricDaysLate, label: "Average days late", higherIsWorse: true, format: fixed1,
		period: func(t totals, _ int, _ *Config) float64 { return ratio(float64(t.DaysLateSum), float64(t.paid())) },
		industry: func(c *Config) string {
			terms := c.LatePayment.TermsDays
			return fmt.Sprintf("days to pay ≤%d good, ≥%.0f bottom quartile: ≤%d and ≥%.0f days late on %d-day terms",
				c.Bench.DaysToPayGood, c.LatePayment.DaysToPay.Concern, c.Bench.DaysToPayGood-terms, c.LatePayment.DaysToPay.Concern-float64(terms), terms)
		},
	},
	mEffectiveRate: {
		id: MetricEffectiveRate, label: "Effective hourly rate", format: moneyFloat,
		period: func(t totals, _ int, _ *Config) float64 { return ratio(float64(t.Invoiced), t.hours()) },
		industry: func(c *Config) string {
			return "standard " + money.Grouped(c.StandardRatePerHour, "") + ", loaded cost " + money.Grouped(c.LoadedCostPerHour, "")
		},
	},
	mMargin: {
		id: MetricMargin, ceiling: 1, label: "Gross margin", format: percentOf1, signed: true,
		period: func(t totals, _ int, c *Config) float64 {
			return ratio(float64(t.Invoiced)-t.hours()*float64(c.LoadedCostPerHour), float64(t.Invoiced))
		},
		industry: func(c *Config) string { return "target " + percentOf1(c.TargetMargin) + " (published 45–65%)" },
	},
	mMFACoverage: {
		id: MetricMFACoverage, ceiling: 100, label: "MFA coverage", format: percent,
		snapshot: (*SecuritySnapshot).mfa,
		industry: func(c *Config) string { return "every account; concern under " + percent(c.Security.MFA.Concern) },
	},
	mPatchCompliance: {
		id: MetricPatchCompliance, ceiling: 100, label: "Patch compliance", format: percent,
		snapshot: (*SecuritySnapshot).patch,
		industry: func(c *Config) string { return "compliant from " + percent(c.Security.Patch.Concern) },
	},
	mEOLShare: {
		id: MetricEOLShare, ceiling: 1, label: "End-of-life devices", higherIsWorse: true, format: percentOf1,
		snapshot: (*SecuritySnapshot).eolShare,
		industry: func(c *Config) string { return "concern from " + percentOf1(c.Security.EOLShare.Concern) },
	},
}

// shareMetric is a metric that is a part of a whole, where more is worse,
// shown against the concern threshold of the flag it feeds.
func shareMetric(id Metric, label string, split func(totals) (part, whole int64), band func(*Config) Band) metricDef {
	return metricDef{
		id: id, label: label, ceiling: 1, higherIsWorse: true, format: percentOf1,
		period: func(t totals, _ int, _ *Config) float64 {
			part, whole := split(t)
			return ratio(float64(part), float64(whole))
		},
		industry: func(c *Config) string { return "concern from " + percentOf1(band(c).Concern) },
	}
}

// ratio divides, giving NaN when there is nothing to divide by.
func ratio(num, den float64) float64 {
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

func fixed1(x float64) string     { return fmt.Sprintf("%.1f", x) }
func fixed2(x float64) string     { return fmt.Sprintf("%.2f", x) }
func percent(x float64) string    { return fmt.Sprintf("%.0f%%", x) }
func percentOf1(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }
func moneyFloat(x float64) string { return money.Grouped(int64(math.Round(x)), "") }

// Trend direction words.
const (
	TrendWorsening = "worsening"
	TrendImproving = "improving"
	TrendSteady    = "steady"
)

// Trend compares a metric's recent value with an earlier one: the last
// TrendMonths months against the ones before, or for security metrics the
// latest snapshot against the earliest.
type Trend struct {
	Direction string  `json:"direction"` // worsening, improving or steady; "" when unknown
	Previous  float64 `json:"previous"`  // the earlier period's value
	Recent    float64 `json:"recent"`    // the later period's value
}

// LabRow is one line of the lab panel, laid out like a blood-test result.
type LabRow struct {
	Metric Metric `json:"metric"`
	Label  string `json:"label"` // "Hours per seat per month"
	// Known is false when the client has no data for the metric; Value is
	// then 0 and Display "–".
	Known   bool    `json:"known"`
	Value   float64 `json:"value"`
	Display string  `json:"display"`
	// Judged is false when the value is not compared with the normal
	// range; Unjudged then says why: "too little history" or "no seat
	// count".
	Judged   bool   `json:"judged"`
	Unjudged string `json:"unjudged,omitempty"`
	Range    Range  `json:"range"`
	// RangeText is the normal range formatted like the value ("0.21–1.10"),
	// "" when the portfolio is too small for one.
	RangeText string  `json:"range_text"`
	Marker    string  `json:"marker"` // "H", "L" or ""
	Z         float64 `json:"z"`
	// YourNorm is the portfolio's own normal range in words; IndustryNorm the
	// published benchmark it can be read against.
	YourNorm     string `json:"your_norm"`
	IndustryNorm string `json:"industry_norm"`
	Method       string `json:"method"`
	Trend        Trend  `json:"trend"`
}

// metricValues holds one client's metric values, NaN where unknown.
type metricValues [numMetrics]float64

func computeValues(f *ClientFacts, s span, cfg *Config) (window, recent, previous metricValues) {
	for i, d := range metricDefs {
		if d.period != nil {
			window[i] = d.period(s.window, f.Seats, cfg)
			recent[i] = d.period(s.recent, f.Seats, cfg)
			previous[i] = d.period(s.previous, f.Seats, cfg)
			continue
		}
		window[i], recent[i], previous[i] = math.NaN(), math.NaN(), math.NaN()
		if f.Security == nil {
			continue
		}
		var now time.Time
		window[i], now = d.snapshot(f.Security)
		recent[i] = window[i]
		// The earliest report of the part, when earlier than the latest,
		// shows the direction of travel.
		if f.FirstSecurity != nil {
			if v, then := d.snapshot(f.FirstSecurity); then.Before(now) {
				previous[i] = v
			}
		}
	}
	return window, recent, previous
}

// trendOf classifies the change from previous to recent for a metric.
// The change is relative to the earlier value (or the later one when the
// earlier is zero), so a tolerance of 0.10 means a 10% move; it must also
// exceed floor, so that 3% of tickets after hours becoming 5% is not
// called a worsening.
func trendOf(d metricDef, previous, recent, tolerance, floor float64) Trend {
	if math.IsNaN(previous) || math.IsNaN(recent) {
		return Trend{}
	}
	t := Trend{Previous: previous, Recent: recent, Direction: TrendSteady}
	base := math.Abs(previous)
	if base == 0 {
		base = math.Abs(recent)
	}
	if base == 0 {
		return t
	}
	if math.Abs(recent-previous) <= floor {
		return t
	}
	change := (recent - previous) / base
	if !d.higherIsWorse {
		change = -change
	}
	switch {
	case change > tolerance:
		t.Direction = TrendWorsening
	case change < -tolerance:
		t.Direction = TrendImproving
	}
	return t
}

// trendFloor is the smallest change, in spreads of the portfolio's normal
// range, that counts as a trend: moves well inside the range's own width
// are noise.
const trendFloor = 0.5

// labNotes are the words of one lab-panel line that every client shares.
type labNotes struct {
	rangeText, yourNorm, industryNorm, method string
}

func newLabNotes(d metricDef, r Range, cfg *Config) labNotes {
	n := labNotes{industryNorm: d.industry(cfg), method: r.Describe()}
	if r.OK() {
		n.rangeText = d.format(r.Low) + "–" + d.format(r.High)
		n.yourNorm = fmt.Sprintf("%s over %d clients", n.rangeText, r.N)
	} else if r.N == 0 {
		n.yourNorm = "no client has data"
	} else {
		n.yourNorm = fmt.Sprintf("too few clients (%d) for a range", r.N)
	}
	return n
}

// labPanel builds the lab panel of one client against the portfolio's norms.
func labPanel(c *clientCalc, p *portfolioCtx) []LabRow {
	rows := make([]LabRow, numMetrics)
	for i, d := range metricDefs {
		v, r, notes := c.values[i], p.norms[i], p.notes[i]
		row := LabRow{
			Metric: d.id, Label: d.label, Display: "–",
			Range: r, RangeText: notes.rangeText, Method: notes.method, YourNorm: notes.yourNorm, IndustryNorm: notes.industryNorm,
		}
		row.Unjudged = c.unjudged(d)
		row.Judged = row.Unjudged == ""
		if !math.IsNaN(v) {
			row.Known, row.Value, row.Display = true, v, d.format(v)
			if row.Judged {
				row.Marker, row.Z = r.Marker(v), r.Z(v)
			}
		}
		if d.period == nil || c.span.trendKnown(p.cfg) {
			row.Trend = trendOf(d, c.previous[i], c.recent[i], p.cfg.Stats.TrendTolerance, trendFloor*r.Spread)
		}
		rows[i] = row
	}
	return rows
}
