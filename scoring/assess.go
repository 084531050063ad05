package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Assessment is the verdict on one client with everything behind it.
type Assessment struct {
	// Client points at the facts assessed; in JSON only its identity shows.
	Client *ClientFacts `json:"client"`
	// Window is the span of this client's rates: the configured window, or
	// its whole history when that is shorter.
	Window Window `json:"window"`
	// HistoryMonths counts complete months of history. Rated is false when
	// some of the client's rates are not judged, and Unrated then says why:
	// too few months of history (no rate is judged, though incidents,
	// payments and security still count), or no seat count (the per-seat
	// rates are not judged). The two causes are told apart here, once, so
	// that no screen guesses one from the other.
	HistoryMonths int `json:"history_months"`
	// RecordsFrom is the first month of the records when they begin after
	// the client's start, and so where HistoryMonths are counted from;
	// zero when the history starts with the client.
	RecordsFrom time.Time `json:"records_from,omitzero"`
	Rated       bool      `json:"rated"`
	Unrated     string    `json:"unrated,omitempty"`
	// Flags are the red flags raised, heaviest first.
	Flags []Flag `json:"flags"`
	// Score is 0–100 from the flags' points; 100 with a zero-tolerance flag.
	Score int `json:"score"`
	// Computed is the policy's recommendation; Recommendation the one in
	// force, which is the owner's override when there is one.
	Computed       Recommendation `json:"computed"`
	Recommendation Recommendation `json:"recommendation"`
	// Reasons say why in sentences, the owner's override first.
	Reasons  []string  `json:"reasons"`
	Override *Override `json:"override"` // nil when the owner has not overridden
	// PaymentGrade is A–F, or "" with too few paid invoices.
	PaymentGrade string `json:"payment_grade"`
	Profit       Profit `json:"profit"`
	// Lab is the lab panel, one row per metric in a fixed order.
	Lab []LabRow `json:"lab"`
}

// Portfolio is the assessment of every client against the same normal ranges.
type Portfolio struct {
	AsOf time.Time `json:"as_of"` // the moment of the assessment
	// Window is the span of the normal ranges; a client with a shorter
	// history has a shorter window of its own.
	Window Window `json:"window"`
	// Method and K say how the normal ranges in Norms were drawn.
	Method        StatsMethod      `json:"method"`
	K             float64          `json:"k"`
	Norms         map[Metric]Range `json:"norms"`
	Concentration Concentration    `json:"concentration"`
	// Counts has every recommendation, in force after overrides, as a key.
	Counts map[Recommendation]int `json:"counts"`
	// Assessments are sorted by score, highest first, then by name.
	Assessments []Assessment `json:"clients"`
	// LoadedCostPerHour is the labour cost the profits were computed at,
	// for the monthly margins of the trend; the JSON schema has it in the
	// configuration.
	LoadedCostPerHour int64 `json:"-"`
}

// Find returns the assessment of the client whose name matches, ignoring
// case: an exact match first, else the one client whose name contains it.
func (p *Portfolio) Find(name string) (*Assessment, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	var partial []int
	for i := range p.Assessments {
		got := strings.ToLower(p.Assessments[i].Client.Name)
		if got == want {
			return &p.Assessments[i], nil
		}
		if strings.Contains(got, want) {
			partial = append(partial, i)
		}
	}
	switch len(partial) {
	case 0:
		return nil, fmt.Errorf("no client named %q", name)
	case 1:
		return &p.Assessments[partial[0]], nil
	}
	names := make([]string, 0, 5)
	for _, i := range partial[:min(5, len(partial))] {
		names = append(names, p.Assessments[i].Client.Name)
	}
	more := ""
	if len(partial) > 5 {
		more = fmt.Sprintf(" and %d more", len(partial)-5)
	}
	return nil, fmt.Errorf("%q matches %d clients: %s%s", name, len(partial), strings.Join(names, ", "), more)
}

// NamedValue is one client's value of a metric.
type NamedValue struct {
	ID    int64   // the client's
	Name  string  // the client's
	Value float64 // the metric's
}

// Distribution lists the values of a metric of the clients we serve that
// are judged on it, the clients the normal range was drawn from, for a
// histogram of the portfolio.
func (p *Portfolio) Distribution(m Metric) []NamedValue {
	var out []NamedValue
	for i := range p.Assessments {
		a := &p.Assessments[i]
		if !a.Client.Status.Serviced() {
			continue
		}
		for _, row := range a.Lab {
			if row.Metric == m && row.Known && row.Judged {
				out = append(out, NamedValue{a.Client.ID, a.Client.Name, row.Value})
			}
		}
	}
	return out
}

// portfolioCtx is what every client's assessment shares.
type portfolioCtx struct {
	cfg            *Config
	asOf           time.Time
	norms          [numMetrics]Range
	notes          [numMetrics]labNotes
	incidentsFrom  time.Time
	incidentPhrase string
}

// clientCalc is one client's intermediate figures.
type clientCalc struct {
	f      *ClientFacts
	span   span
	window Window
	// enough is true when the history is long enough for rates to be
	// judged; rated when, besides, the seats are known, so every rate is.
	enough, rated              bool
	values, recent, previous   metricValues
	profit                     Profit
	incidentsFrom, incidentsTo time.Time
}

// unratedNoSeats is Assessment.Unrated for a client whose seats are not
// known.
const unratedNoSeats = "no seat count"

// UnratedNote is a sentence for the foot of the lab panel saying why some
// rates are not judged, "" when every one is.
func (a Assessment) UnratedNote() string {
	switch a.Unrated {
	case "":
		return ""
	case unratedNoSeats:
		return "No seat count: hours and tickets per seat are not judged. Import the clients' seats to judge them."
	}
	return fmt.Sprintf("Too little history (%s) to judge this client on rates.", a.historyCount(true))
}

// HistoryText words the client's history for a summary line: "24 months
// of history", or "3 months of records" when the records begin after the
// client did (RecordsNote says when).
func (a Assessment) HistoryText() string {
	if a.RecordsFrom.IsZero() {
		return count(a.HistoryMonths, "month") + " of history"
	}
	return a.historyCount(false)
}

// RecordsNote is a sentence for the foot of the lab panel when the records
// begin after the client did, saying which months its rates are drawn
// from; "" when its history starts with it.
func (a Assessment) RecordsNote() string {
	if a.RecordsFrom.IsZero() {
		return ""
	}
	s := "Records begin in " + monthName(a.RecordsFrom)
	if since := a.Client.Since; !since.IsZero() {
		s += ", the client in " + monthName(since)
	}
	switch {
	case a.HistoryMonths == 0:
		s += ": no complete month of records yet, so no rates."
	case a.Window.Months == a.HistoryMonths:
		s += fmt.Sprintf(": rates are over the %s of records, not diluted by the unrecorded months before.", count(a.HistoryMonths, "month"))
	default:
		s += ": history is counted from the records."
	}
	if reach := a.Client.Records.reachNote(); reach != "" {
		s += " " + reach
	}
	return s
}

// historyCount is the history in months, "of records" when the records
// cut it short, with their first month when long says so.
func (a Assessment) historyCount(long bool) string {
	switch {
	case a.RecordsFrom.IsZero():
		return count(a.HistoryMonths, "month")
	case a.HistoryMonths == 0 && long:
		return "no complete month of records: they begin in " + monthName(a.RecordsFrom)
	case a.HistoryMonths == 0:
		return "no complete month of records"
	case long:
		return count(a.HistoryMonths, "month") + " of records from " + monthName(a.RecordsFrom)
	}
	return count(a.HistoryMonths, "month") + " of records"
}

// monthName writes a month as a reader says it: "March 2026".
func monthName(t time.Time) string { return t.Format("January 2006") }

// unjudged says why a metric of the client is not compared with the
// normal range, "" when it is.
func (c *clientCalc) unjudged(d metricDef) string {
	switch {
	case d.period == nil:
		return ""
	case !c.enough:
		return "too little history"
	case d.perSeat && c.f.Seats <= 0:
		return "no seat count"
	}
	return ""
}

// incidents counts the client's incidents of a kind in the incident window
// and returns the worst, the most recent among equals.
func (c *clientCalc) incidents(kind IncidentKind) (n int, worst Incident) {
	for _, in := range c.f.Incidents {
		if in.Kind != kind || in.At.Before(c.incidentsFrom) || in.At.After(c.incidentsTo) {
			continue
		}
		n++
		if in.Severity > worst.Severity || (in.Severity == worst.Severity && in.At.After(worst.At)) {
			worst = in
		}
	}
	return n, worst
}

// Assess assesses a portfolio as of a moment: the normal ranges are drawn
// once from the serviced clients with enough history, then every client is
// judged against them. cfg should come from DefaultConfig, ParseConfig or
// Resolve.
func Assess(clients []ClientFacts, cfg Config, asOf time.Time) Portfolio {
	end := monthIndex(asOf)
	p := &portfolioCtx{
		cfg:            &cfg,
		asOf:           asOf,
		incidentsFrom:  asOf.AddDate(0, -cfg.IncidentWindowMonths, 0),
		incidentPhrase: fmt.Sprintf("the last %d months", cfg.IncidentWindowMonths),
	}
	calcs := make([]clientCalc, len(clients))
	for i := range clients {
		f := &clients[i]
		c := &calcs[i]
		c.f = f
		c.span = summarize(f, &cfg, end)
		c.window = Window{From: monthStart(end - c.span.window.months), To: monthStart(end), Months: c.span.window.months}
		c.enough = c.span.history >= cfg.Stats.MinHistoryMonths
		c.rated = c.enough && f.Seats > 0
		c.values, c.recent, c.previous = computeValues(f, c.span, &cfg)
		c.profit = ProfitOf(c.span.window.Invoiced, c.span.window.MinutesWorked, c.span.window.months, &cfg)
		c.incidentsFrom, c.incidentsTo = p.incidentsFrom, asOf
	}

	vals := make([]float64, 0, len(calcs))
	hours := make([]float64, 0, len(calcs))
	for m, d := range metricDefs {
		vals = vals[:0]
		for i := range calcs {
			c := &calcs[i]
			if c.f.Status.Serviced() && c.unjudged(d) == "" {
				vals = append(vals, c.values[m])
			}
		}
		p.norms[m] = NormalRange(vals, cfg.Stats.Method, cfg.Stats.K)
		if !d.signed {
			p.norms[m].Low = max(0, p.norms[m].Low)
		}
		if d.ceiling != 0 {
			p.norms[m].High = min(d.ceiling, p.norms[m].High)
		}
		p.notes[m] = newLabNotes(d, p.norms[m], &cfg)
	}
	for i := range calcs {
		if c := &calcs[i]; c.f.Status.Serviced() && c.span.window.months > 0 {
			hours = append(hours, c.span.window.hours())
		}
	}

	out := Portfolio{
		AsOf:          asOf,
		Window:        portfolioWindow(clients, &cfg, end),
		Method:        cfg.Stats.Method,
		K:             cfg.Stats.K,
		Norms:         make(map[Metric]Range, numMetrics),
		Concentration: ConcentrationOf(hours, cfg.Stats.ConcentrationTop),
		Counts:        make(map[Recommendation]int, 4),
		Assessments:   make([]Assessment, len(calcs)),

		LoadedCostPerHour: cfg.LoadedCostPerHour,
	}
	for m, d := range metricDefs {
		out.Norms[d.id] = p.norms[m]
	}
	for _, r := range Recommendations() {
		out.Counts[r] = 0
	}
	for i := range calcs {
		out.Assessments[i] = assessOne(&calcs[i], p)
		out.Counts[out.Assessments[i].Recommendation]++
	}
	slices.SortStableFunc(out.Assessments, func(a, b Assessment) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return cmp.Compare(a.Client.Name, b.Client.Name)
	})
	return out
}

// portfolioWindow is the span of the normal ranges: the configured window,
// cut short where the records of every client begin later.
func portfolioWindow(clients []ClientFacts, cfg *Config, end int) Window {
	months := 0
	for i := range clients {
		from := clients[i].Records.From()
		if from.IsZero() {
			months = cfg.Stats.WindowMonths
			break
		}
		months = max(months, end-monthIndex(from))
	}
	if len(clients) == 0 {
		months = cfg.Stats.WindowMonths
	}
	months = min(max(0, months), cfg.Stats.WindowMonths)
	return Window{From: monthStart(end - months), To: monthStart(end), Months: months}
}

func assessOne(c *clientCalc, p *portfolioCtx) Assessment {
	flags := raiseFlags(c, p)
	slices.SortStableFunc(flags, func(a, b Flag) int {
		if a.ZeroTolerance != b.ZeroTolerance {
			if a.ZeroTolerance {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Points, a.Points)
	})
	score := Score(flags)
	rec, reasons := Recommend(flags, score, c.f.Plan, p.asOf, p.cfg)
	a := Assessment{
		Client:         c.f,
		Window:         c.window,
		HistoryMonths:  c.span.history,
		RecordsFrom:    c.span.recordsFrom,
		Rated:          c.rated,
		Flags:          flags,
		Score:          score,
		Computed:       rec,
		Recommendation: rec,
		Reasons:        reasons,
		PaymentGrade:   paymentGrade(c.span.window, p.cfg),
		Profit:         c.profit,
		Lab:            labPanel(c, p),
	}
	switch {
	case !c.enough:
		a.Unrated = fmt.Sprintf("too little history (%s)", a.historyCount(false))
		a.Reasons = append(a.Reasons, fmt.Sprintf("Too little history (%s) to judge on rates; incidents, payments and security still count.", a.historyCount(true)))
	case !c.rated:
		a.Unrated = unratedNoSeats
		a.Reasons = append(a.Reasons, "No seat count, so hours and tickets per seat are not judged; the other rates, incidents, payments and security still count.")
	}
	if o := c.f.Override; o != nil && o.Recommendation != "" {
		a.Override = o
		a.Recommendation = o.Recommendation
		a.Reasons = append([]string{fmt.Sprintf("Owner's override on %s: %s. Their reason: %s. The assessment alone says %s.",
			o.At.Format(time.DateOnly), o.Recommendation.Title(), strings.TrimSuffix(strings.TrimSpace(o.Reason), "."), rec.Title())}, a.Reasons...)
	}
	return a
}
