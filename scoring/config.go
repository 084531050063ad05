package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"offboard/calendar"
)

// Config holds every threshold, weight and benchmark the assessment uses.
// DefaultConfig gives values grounded in the seed articles and in published
// MSP benchmarks; a TOML file (ParseConfig) and the database's settings
// (Config.Set) may change any of them. Each key is listed by Params with its
// documentation and allowed values.
type Config struct {
	// LoadedCostPerHour is what an hour of a technician costs us, wages plus
	// taxes, benefits, tools and overhead, in minor units.
	LoadedCostPerHour int64
	// StandardRatePerHour is our published hourly rate, in minor units; the
	// effective hourly rate of each client is compared with it.
	StandardRatePerHour int64
	// TargetMargin is the gross margin we aim for on a client (0–1), against
	// which what each client costs is measured (seeds 000, 002).
	TargetMargin float64
	// Technicians is how many technicians share the work, so a what-if can
	// say how many hours a month each would get back (seed 000: a few
	// clients consume most resources); 0 leaves that unsaid.
	Technicians int

	// Calendar is our business calendar: the region whose public holidays
	// close the business and our own closed days. The letters' effective
	// and due dates fall only on its working days.
	Calendar calendar.Calendar

	// Hours are our business hours; Stats the normal-range method, window
	// and trends; Bench the published benchmarks shown as industry norms.
	Hours BusinessHours
	Stats StatsConfig
	Bench Benchmarks

	// RemediateScore is the score from which a client is recommended for
	// remediation rather than watched (seeds 003, 004: remediate first).
	RemediateScore float64
	// IncidentWindowMonths is how far back incidents count.
	IncidentWindowMonths int

	// The settings of each red flag, in the order of the catalogue.
	LatePayment    LatePaymentConfig
	ResourceDrain  ResourceDrainConfig
	Unprofitable   UnprofitableConfig
	AfterHours     AfterHoursConfig
	StaffAbuse     StaffAbuseConfig
	Security       SecurityConfig
	DataCompliance WeightConfig
	ScopeCreep     ScopeCreepConfig
	Modernization  ModernizationConfig
	Criminal       WeightConfig
}

// BusinessHours says when our staff are on duty; a ticket opened outside
// them, in the client's own time zone, is after hours (seed 000, "Mr.
// Urgent"). Tickets are marked as they are imported, so scoring reads the
// marks; the hours are configured, validated and listed here with every
// other setting.
type BusinessHours struct {
	TimeZone string         // IANA name of our default zone, such as "America/Chicago"
	Start    int            // minutes after midnight
	End      int            // minutes after midnight, after Start
	Days     []time.Weekday // working days
}

// StatsMethod selects how the portfolio's normal range is computed.
type StatsMethod string

// The statistics methods. MethodSD is the seed's "two standard deviations
// from the norm" (seed 002); MethodRobust uses the median and the median
// absolute deviation, which one enormous client cannot stretch.
const (
	MethodSD     StatsMethod = "sd"
	MethodRobust StatsMethod = "robust"
)

// StatsConfig controls the normal ranges, the assessment window and trends.
type StatsConfig struct {
	// Method is sd (mean ± K standard deviations) or robust (median ± K
	// scaled MADs).
	Method StatsMethod
	// K is the half-width of the normal range in spreads (2 in seed 002).
	K float64
	// MinHistoryMonths is the history a client needs before it is judged on
	// rates and counted in the normal ranges.
	MinHistoryMonths int
	// WindowMonths is how many complete months before the assessment date
	// the rates and payment figures cover.
	WindowMonths int
	// TrendMonths is the length of each of the two periods compared for a
	// trend (the last N months against the N before).
	TrendMonths int
	// TrendTolerance is the relative change under which a trend is steady.
	TrendTolerance float64
	// ConcentrationTop is the share of clients, the heaviest users, whose
	// share of all hours is reported as the portfolio's concentration (seed
	// 000: a few clients consume most resources).
	ConcentrationTop float64
}

// Benchmarks are published industry figures shown beside the portfolio's own
// normal range ("your norm" against "industry norm").
type Benchmarks struct {
	// TicketsPerSeatReactive is the monthly tickets per seat of a reactive
	// shop (about 2).
	TicketsPerSeatReactive float64
	// TicketsPerSeatWellRunLow and High bound a well-run shop (0.2–0.5).
	TicketsPerSeatWellRunLow  float64
	TicketsPerSeatWellRunHigh float64 // see TicketsPerSeatWellRunLow
	// ReactiveHoursPerSeat is the reactive support hours per seat per month
	// of a typical shop (about 0.25).
	ReactiveHoursPerSeat float64
	// DaysToPayGood is the days to pay within which a client pays well
	// (published: 30 or fewer).
	DaysToPayGood int
}

// Band is a pair of anchors on one metric: crossing Concern raises a flag at
// severity 25, reaching Severe makes it 100, linearly in between. Concern
// below Severe means higher values are worse and reaching Concern crosses
// it ("48 days or more to pay is bottom quartile"); Concern above Severe
// means lower values are worse and only falling below Concern crosses it
// ("95% or more is compliant").
type Band struct {
	Concern float64 // where the flag is raised, at severity 25
	Severe  float64 // where its severity reaches 100
}

// Severity maps a value onto 0–100 through the band: 0 short of Concern,
// 25 on crossing it, rising linearly to 100 at Severe and beyond.
func (b Band) Severity(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	if b.Concern > b.Severe {
		if x >= b.Concern {
			return 0
		}
		return 25 + 75*math.Min(1, (b.Concern-x)/(b.Concern-b.Severe))
	}
	if x < b.Concern {
		return 0
	}
	return 25 + 75*math.Min(1, (x-b.Concern)/(b.Severe-b.Concern))
}

// WeightConfig holds the weight of a flag that needs no other setting: the
// points it adds to the score at severity 100.
type WeightConfig struct {
	Weight float64 // points at severity 100
}

// LatePaymentConfig tunes the late-payment flag (seeds 001, 003).
type LatePaymentConfig struct {
	Weight float64 // points at severity 100
	// TermsDays are our usual payment terms; days to pay is estimated as
	// terms plus the average days late.
	TermsDays int
	// DaysToPay: 30 or fewer is good, 48 or more is bottom quartile
	// (published MSP cash-flow benchmarks); Concern is the bottom quartile.
	DaysToPay Band
	// SeriouslyLate is the share of paid invoices paid more than 15 days
	// late (seed 003: recurring payment issues).
	SeriouslyLate Band
	// OverdueMonths is the overdue balance in months of recurring revenue
	// (seed 003: a major overdue balance).
	OverdueMonths Band
	// MinInvoices is the number of paid invoices in the window below which
	// the payment rates are not judged (the overdue balance still is).
	MinInvoices int
	// GradeCutoffs are the upper bounds of grades A, B, C and D on the
	// average payment band (0 on time, 1 for 1–7 days late, 2 for 8–15,
	// 3 for 16–30, 4 for over 30); above the last is F.
	GradeCutoffs []float64
}

// ResourceDrainConfig tunes the resource-drain flag (seed 002).
type ResourceDrainConfig struct {
	Weight float64 // points at severity 100
	// SevereZ is the z-score, the smaller of the hours' and the tickets',
	// at which the flag's severity reaches 100; it starts at 50 just
	// outside the normal range.
	SevereZ float64
}

// UnprofitableConfig tunes the unprofitable flag (seeds 000, 002, 004).
type UnprofitableConfig struct {
	Weight float64 // points at severity 100
	// Margin is the gross margin after loaded labour cost.
	Margin Band
}

// AfterHoursConfig tunes the after-hours urgency flag (seed 000).
type AfterHoursConfig struct {
	Weight float64 // points at severity 100
	// Share is the share of tickets opened outside business hours.
	Share Band
	// UrgentShare is the share of tickets opened at urgent priority.
	UrgentShare Band
	// Incidents counts after-hours demand incidents in the incident window.
	Incidents Band
	// MinTickets is the number of tickets in the window below which the
	// shares are not judged: two tickets out of three is no pattern.
	MinTickets int
}

// StaffAbuseConfig tunes the mistreatment-of-staff flag (seeds 000, 001, 003).
type StaffAbuseConfig struct {
	Weight float64 // points at severity 100
	// ZeroToleranceSeverity is the incident severity (1–5) at or above which
	// abuse is zero-tolerance: offboard at once (seed 003).
	ZeroToleranceSeverity int
}

// SecurityConfig tunes the security-noncompliance flag (seeds 000, 001).
type SecurityConfig struct {
	Weight float64 // points at severity 100
	// MFA is the percentage of accounts with multi-factor authentication.
	MFA Band
	// Patch is the patch-compliance percentage; 95% or more is compliant.
	Patch Band
	// EOLShare is the share of devices past their end of life (seed 000:
	// outdated hardware).
	EOLShare Band
}

// ScopeCreepConfig tunes the scope-creep flag (seeds 001, 003).
type ScopeCreepConfig struct {
	Weight float64 // points at severity 100
	// HoursShare is the share of worked hours spent out of scope.
	HoursShare Band
	// MinTickets is the number of out-of-scope tickets in the window below
	// which the share is not judged: scope creep is a favour that became an
	// everyday expectation (seed 003), not one long job.
	MinTickets int
}

// ModernizationConfig tunes the resistance-to-modernization flag (seeds
// 000, 003).
type ModernizationConfig struct {
	Weight float64 // points at severity 100
	// Declined counts declined upgrade recommendations and technological
	// naivete incidents in the incident window.
	Declined Band
}

// DefaultConfig returns the configuration used when nothing is set.
func DefaultConfig() Config {
	return Config{
		LoadedCostPerHour:   6500,
		StandardRatePerHour: 15000,
		TargetMargin:        0.60,
		Hours: BusinessHours{
			TimeZone: "UTC",
			Start:    8 * 60,
			End:      18 * 60,
			Days:     []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		},
		Stats: StatsConfig{
			Method:           MethodSD,
			K:                2,
			MinHistoryMonths: 3,
			WindowMonths:     12,
			TrendMonths:      3,
			TrendTolerance:   0.10,
			ConcentrationTop: 0.10,
		},
		Bench: Benchmarks{
			TicketsPerSeatReactive:    2,
			TicketsPerSeatWellRunLow:  0.2,
			TicketsPerSeatWellRunHigh: 0.5,
			ReactiveHoursPerSeat:      0.25,
			DaysToPayGood:             30,
		},
		RemediateScore:       25,
		IncidentWindowMonths: 24,
		LatePayment: LatePaymentConfig{
			Weight:        35,
			TermsDays:     30,
			DaysToPay:     Band{Concern: 48, Severe: 75},
			SeriouslyLate: Band{Concern: 0.25, Severe: 0.75},
			OverdueMonths: Band{Concern: 2, Severe: 4},
			MinInvoices:   3,
			GradeCutoffs:  []float64{0.25, 0.75, 1.5, 2.5},
		},
		ResourceDrain:  ResourceDrainConfig{Weight: 35, SevereZ: 5},
		Unprofitable:   UnprofitableConfig{Weight: 35, Margin: Band{Concern: 0.35, Severe: -0.20}},
		AfterHours:     AfterHoursConfig{Weight: 30, Share: Band{Concern: 0.25, Severe: 0.60}, UrgentShare: Band{Concern: 0.30, Severe: 0.70}, Incidents: Band{Concern: 1, Severe: 4}, MinTickets: 12},
		StaffAbuse:     StaffAbuseConfig{Weight: 50, ZeroToleranceSeverity: 4},
		Security:       SecurityConfig{Weight: 35, MFA: Band{Concern: 90, Severe: 40}, Patch: Band{Concern: 95, Severe: 70}, EOLShare: Band{Concern: 0.10, Severe: 0.40}},
		DataCompliance: WeightConfig{Weight: 40},
		ScopeCreep:     ScopeCreepConfig{Weight: 30, HoursShare: Band{Concern: 0.15, Severe: 0.40}, MinTickets: 6},
		Modernization:  ModernizationConfig{Weight: 25, Declined: Band{Concern: 3, Severe: 6}},
		Criminal:       WeightConfig{Weight: 100},
	}
}

// Source says where an effective configuration value came from.
type Source string

// The sources of a configuration value, in increasing precedence.
const (
	SourceDefault  Source = "default"
	SourceFile     Source = "file"
	SourceDatabase Source = "database"
)

// Param describes one configuration key.
type Param struct {
	Key     string // dotted key, as in the TOML file and `offboard config set`
	Doc     string // what the value means and where the default comes from
	Allowed string // the values accepted, in words
}

// Setting is the effective value of one key and where it came from.
type Setting struct {
	Param
	Value  string // as Config.Get formats it
	Source Source // default, file or database
}

// KeyError reports a configuration value that is not allowed.
type KeyError struct {
	Key     string // the dotted key
	Value   string // the value rejected, as written
	Allowed string // the values accepted, in words
}

func (e *KeyError) Error() string {
	return fmt.Sprintf("config key %s: %s is not allowed; want %s", e.Key, e.Value, e.Allowed)
}

// UnknownKeysError reports keys that no configuration value has.
type UnknownKeysError struct {
	Keys []string // sorted
}

func (e *UnknownKeysError) Error() string {
	return fmt.Sprintf("unknown config keys: %s (run `offboard config` to list the known keys)", strings.Join(e.Keys, ", "))
}

// param is a Param with the means to read and write its value.
type param struct {
	Param
	get func(*Config) string
	// set accepts a TOML value or a string, as the database stores them.
	set func(*Config, any) error
}

var params = buildParams()

// Params lists every configuration key in a stable order.
func Params() []Param {
	out := make([]Param, len(params))
	for i, p := range params {
		out[i] = p.Param
	}
	return out
}

func lookup(key string) (param, bool) {
	i := slices.IndexFunc(params, func(p param) bool { return p.Key == key })
	if i < 0 {
		return param{}, false
	}
	return params[i], true
}

// Get returns the value of key formatted as Set accepts it.
func (c *Config) Get(key string) (string, error) {
	p, ok := lookup(key)
	if !ok {
		return "", &UnknownKeysError{Keys: []string{key}}
	}
	return p.get(c), nil
}

// Set changes one key from its text form, as stored in the database or typed
// after `offboard config set`, and checks the configuration stays coherent.
// On error c is unchanged.
func (c *Config) Set(key, value string) error {
	p, ok := lookup(key)
	if !ok {
		return &UnknownKeysError{Keys: []string{key}}
	}
	next := c.clone()
	if err := p.set(&next, value); err != nil {
		return err
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*c = next
	return nil
}

func (c Config) clone() Config {
	c.Hours.Days = slices.Clone(c.Hours.Days)
	c.LatePayment.GradeCutoffs = slices.Clone(c.LatePayment.GradeCutoffs)
	c.Calendar.Closed = slices.Clone(c.Calendar.Closed)
	return c
}

// ParseConfig reads a TOML configuration over the defaults. Keys are the
// dotted keys of Params, written as tables or dotted keys. Unknown keys are
// rejected by name, and a bad value names the key, the value and what is
// allowed.
func ParseConfig(data []byte) (Config, error) {
	cfg, _, err := Resolve(data, nil)
	return cfg, err
}

// Resolve builds the effective configuration from the defaults, a TOML file
// (nil for none) and the database's settings (key to text value, keys that
// are not configuration keys ignored, so the same table may hold our company's
// details), and lists every key's effective value and its source.
func Resolve(file []byte, db map[string]string) (Config, []Setting, error) {
	cfg := DefaultConfig()
	src := make(map[string]Source, len(params))
	if len(file) > 0 {
		var raw map[string]any
		if err := toml.Unmarshal(file, &raw); err != nil {
			return Config{}, nil, fmt.Errorf("config file: %w", err)
		}
		// The [keys] table binds the workbench's keys; the workbench reads
		// and checks it.
		delete(raw, "keys")
		flat := map[string]any{}
		flatten("", raw, flat)
		var unknown []string
		for _, k := range sortedKeys(flat) {
			p, ok := lookup(k)
			if !ok {
				unknown = append(unknown, k)
				continue
			}
			if err := p.set(&cfg, flat[k]); err != nil {
				return Config{}, nil, err
			}
			src[k] = SourceFile
		}
		if len(unknown) > 0 {
			return Config{}, nil, &UnknownKeysError{Keys: unknown}
		}
	}
	for _, k := range sortedKeys(db) {
		p, ok := lookup(k)
		if !ok {
			continue
		}
		if err := p.set(&cfg, db[k]); err != nil {
			return Config{}, nil, fmt.Errorf("database setting: %w", err)
		}
		src[k] = SourceDatabase
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, nil, err
	}
	out := make([]Setting, len(params))
	for i, p := range params {
		s := src[p.Key]
		if s == "" {
			s = SourceDefault
		}
		out[i] = Setting{Param: p.Param, Value: p.get(&cfg), Source: s}
	}
	return cfg, out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func flatten(prefix string, m map[string]any, out map[string]any) {
	for k, v := range m {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		if sub, ok := v.(map[string]any); ok {
			flatten(key, sub, out)
			continue
		}
		out[key] = v
	}
}

// Validate checks the rules that tie keys together; single values are
// checked as they are set.
func (c *Config) Validate() error {
	var errs []error
	if c.Bench.TicketsPerSeatWellRunLow > c.Bench.TicketsPerSeatWellRunHigh {
		errs = append(errs, fmt.Errorf("config keys benchmark.tickets_per_seat_well_run_low (%g) and benchmark.tickets_per_seat_well_run_high (%g): low must not exceed high", c.Bench.TicketsPerSeatWellRunLow, c.Bench.TicketsPerSeatWellRunHigh))
	}
	if c.ResourceDrain.SevereZ <= c.Stats.K {
		errs = append(errs, fmt.Errorf("config keys resource_drain.severe_z (%g) and stats.k (%g): the severe z-score must lie beyond the normal range", c.ResourceDrain.SevereZ, c.Stats.K))
	}
	if c.LatePayment.DaysToPay.Concern < float64(c.LatePayment.TermsDays) {
		errs = append(errs, fmt.Errorf("config keys late_payment.days_to_pay_concern (%g) and late_payment.terms_days (%d): paying within terms cannot be a concern", c.LatePayment.DaysToPay.Concern, c.LatePayment.TermsDays))
	}
	return errors.Join(errs...)
}

// buildParams is the one table of configuration keys: their documentation,
// allowed values and the field each reads and writes.
func buildParams() []param {
	ps := []param{
		minorParam("labour.cost_per_hour", "What an hour of a technician costs us, wages plus taxes, benefits, tools and overhead, in minor units (published MSP loaded costs run 50–75 an hour).",
			func(c *Config) *int64 { return &c.LoadedCostPerHour }),
		minorParam("labour.standard_rate_per_hour", "Our standard hourly rate in minor units; each client's effective hourly rate is shown against it (published MSP rates run 100–200 an hour).",
			func(c *Config) *int64 { return &c.StandardRatePerHour }),
		floatParam("margin.target", "Target gross margin per client; published MSP goals range 45–65%. The break-even price brings a client to it.",
			0.01, 0.95, func(c *Config) *float64 { return &c.TargetMargin }),
		intParam("business.technicians", "Technicians who share the work; the what-if shares the hours a client frees among them. 0 leaves the figure out.",
			0, 10000, func(c *Config) *int { return &c.Technicians }),
		textParam("business.time_zone", "Our time zone, for clients without one of their own, when deciding whether a ticket was opened after hours.",
			"an IANA time zone name such as America/Chicago",
			func(c *Config) string { return c.Hours.TimeZone },
			func(c *Config, v any) bool {
				s, ok := v.(string)
				if _, err := time.LoadLocation(s); !ok || err != nil || s == "" || s == "Local" {
					return false
				}
				c.Hours.TimeZone = s
				return true
			}),
		textParam("business.hours", "The working day; tickets opened outside it are after hours.",
			"a span of the day as HH:MM-HH:MM that ends after it starts, such as 08:00-18:00",
			func(c *Config) string { return clock(c.Hours.Start) + "-" + clock(c.Hours.End) },
			func(c *Config, v any) bool {
				s, _ := v.(string)
				from, to, ok := strings.Cut(s, "-")
				start, ok1 := parseClock(from)
				end, ok2 := parseClock(to)
				if !ok || !ok1 || !ok2 || start >= end {
					return false
				}
				c.Hours.Start, c.Hours.End = start, end
				return true
			}),
		textParam("business.days", "The working week; tickets opened on other days are after hours.",
			"weekdays as a range or a list, such as Mon-Fri or Mon,Tue,Thu",
			func(c *Config) string { return formatDays(c.Hours.Days) },
			func(c *Config, v any) bool {
				days, ok := parseDays(v)
				if ok {
					c.Hours.Days = days
				}
				return ok
			}),
		calendarRegionParam(),
		calendarClosedParam(),
		textParam("stats.method", "How normal ranges are computed: sd is mean ± k standard deviations; robust is median ± k × 1.4826 × MAD, which one enormous client cannot stretch.",
			"sd or robust",
			func(c *Config) string { return string(c.Stats.Method) },
			func(c *Config, v any) bool {
				s, _ := v.(string)
				if s != string(MethodSD) && s != string(MethodRobust) {
					return false
				}
				c.Stats.Method = StatsMethod(s)
				return true
			}),
		floatParam("stats.k", "Half-width of the normal range in spreads; 2 is two standard deviations from the norm.", 0.5, 6, func(c *Config) *float64 { return &c.Stats.K }),
		intParam("stats.min_history_months", "Months of history before a client is judged on rates and counted in the normal ranges.", 1, 36, func(c *Config) *int { return &c.Stats.MinHistoryMonths }),
		intParam("stats.window_months", "Complete months before the assessment date that rates and payment figures cover.", 3, 60, func(c *Config) *int { return &c.Stats.WindowMonths }),
		intParam("stats.trend_months", "Length of each period compared for a trend: the last N months against the N before.", 1, 12, func(c *Config) *int { return &c.Stats.TrendMonths }),
		floatParam("stats.trend_tolerance", "Relative change under which a trend is steady.", 0, 1, func(c *Config) *float64 { return &c.Stats.TrendTolerance }),
		floatParam("stats.concentration_top", "Share of clients, the heaviest users, whose share of all hours is the portfolio's concentration.", 0.01, 0.5, func(c *Config) *float64 { return &c.Stats.ConcentrationTop }),
		floatParam("benchmark.tickets_per_seat_reactive", "Monthly tickets per seat of a reactive shop (published: about 2).", 0, 20, func(c *Config) *float64 { return &c.Bench.TicketsPerSeatReactive }),
		floatParam("benchmark.tickets_per_seat_well_run_low", "Lower end of monthly tickets per seat in a well-run shop (published: 0.2).", 0, 20, func(c *Config) *float64 { return &c.Bench.TicketsPerSeatWellRunLow }),
		floatParam("benchmark.tickets_per_seat_well_run_high", "Upper end of monthly tickets per seat in a well-run shop (published: 0.5).", 0, 20, func(c *Config) *float64 { return &c.Bench.TicketsPerSeatWellRunHigh }),
		floatParam("benchmark.reactive_hours_per_seat", "Reactive support hours per seat per month of a typical shop (published: about 0.25).", 0, 20, func(c *Config) *float64 { return &c.Bench.ReactiveHoursPerSeat }),
		intParam("benchmark.days_to_pay_good", "Days to pay within which a client pays well (published: 30 or fewer).", 0, 365, func(c *Config) *int { return &c.Bench.DaysToPayGood }),
		floatParam("score.remediate", "Score (0–100) from which a flagged client is recommended for remediation rather than watched.", 1, 100, func(c *Config) *float64 { return &c.RemediateScore }),
		intParam("incidents.window_months", "Months back that incidents and declined upgrades count.", 1, 120, func(c *Config) *int { return &c.IncidentWindowMonths }),

		weightParam("late_payment", "late payment", func(c *Config) *float64 { return &c.LatePayment.Weight }),
		intParam("late_payment.terms_days", "Our usual payment terms in days; days to pay is estimated as terms plus the average days late.", 0, 120, func(c *Config) *int { return &c.LatePayment.TermsDays }),
	}
	ps = append(ps, bandParams("late_payment.days_to_pay", "average days to pay (published: 30 or fewer is good, 48 or more is bottom quartile)", 0, 365, func(c *Config) *Band { return &c.LatePayment.DaysToPay })...)
	ps = append(ps, bandParams("late_payment.seriously_late_share", "share of paid invoices paid more than 15 days late", 0, 1, func(c *Config) *Band { return &c.LatePayment.SeriouslyLate })...)
	ps = append(ps, bandParams("late_payment.overdue_months", "overdue balance in months of recurring revenue", 0, 24, func(c *Config) *Band { return &c.LatePayment.OverdueMonths })...)
	ps = append(ps,
		intParam("late_payment.min_invoices", "Paid invoices in the window below which payment rates are not judged.", 1, 60, func(c *Config) *int { return &c.LatePayment.MinInvoices }),
		listParam("late_payment.grade_cutoffs", "Upper bounds of payment grades A, B, C and D on the average payment band (0 on time, 1 for 1–7 days late, 2 for 8–15, 3 for 16–30, 4 for over 30); above the last is F, as client payment scorecards grade.",
			"four increasing numbers between 0 and 4, such as 0.25,0.75,1.5,2.5",
			func(c *Config) *[]float64 { return &c.LatePayment.GradeCutoffs },
			func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }, parseCutoffs),
		weightParam("resource_drain", "resource drain", func(c *Config) *float64 { return &c.ResourceDrain.Weight }),
		floatParam("resource_drain.severe_z", "z-score at which a resource drain's severity reaches 100; just outside the normal range it is 50.", 1, 20, func(c *Config) *float64 { return &c.ResourceDrain.SevereZ }),
		weightParam("unprofitable", "unprofitable client", func(c *Config) *float64 { return &c.Unprofitable.Weight }),
	)
	ps = append(ps, bandParams("unprofitable.margin", "gross margin after loaded labour cost, as a fraction (a negative margin loses money)", -5, 1, func(c *Config) *Band { return &c.Unprofitable.Margin })...)
	ps = append(ps, weightParam("after_hours", "after-hours urgency", func(c *Config) *float64 { return &c.AfterHours.Weight }))
	ps = append(ps, bandParams("after_hours.share", "share of tickets opened outside business hours", 0, 1, func(c *Config) *Band { return &c.AfterHours.Share })...)
	ps = append(ps, bandParams("after_hours.urgent_share", "share of tickets opened at urgent priority", 0, 1, func(c *Config) *Band { return &c.AfterHours.UrgentShare })...)
	ps = append(ps, bandParams("after_hours.incidents", "after-hours demand incidents in the incident window", 0, 1000, func(c *Config) *Band { return &c.AfterHours.Incidents })...)
	ps = append(ps, intParam("after_hours.min_tickets", "Tickets in the window below which the after-hours and urgent shares are not judged.", 1, 1000, func(c *Config) *int { return &c.AfterHours.MinTickets }))
	ps = append(ps,
		weightParam("staff_abuse", "mistreatment of staff", func(c *Config) *float64 { return &c.StaffAbuse.Weight }),
		intParam("staff_abuse.zero_tolerance_severity", "Abuse incident severity (1–5) at or above which mistreatment of staff is zero-tolerance: offboard at once.", 1, 5, func(c *Config) *int { return &c.StaffAbuse.ZeroToleranceSeverity }),
		weightParam("security", "security noncompliance", func(c *Config) *float64 { return &c.Security.Weight }),
	)
	ps = append(ps, bandParams("security.mfa_coverage", "percentage of accounts with multi-factor authentication", 0, 100, func(c *Config) *Band { return &c.Security.MFA })...)
	ps = append(ps, bandParams("security.patch_compliance", "patch-compliance percentage (published: 95% or more is compliant)", 0, 100, func(c *Config) *Band { return &c.Security.Patch })...)
	ps = append(ps, bandParams("security.eol_share", "share of devices past their end of life", 0, 1, func(c *Config) *Band { return &c.Security.EOLShare })...)
	ps = append(ps,
		weightParam("data_compliance", "data-compliance violations", func(c *Config) *float64 { return &c.DataCompliance.Weight }),
		weightParam("scope_creep", "scope creep", func(c *Config) *float64 { return &c.ScopeCreep.Weight }),
	)
	ps = append(ps, bandParams("scope_creep.hours_share", "share of worked hours spent out of scope", 0, 1, func(c *Config) *Band { return &c.ScopeCreep.HoursShare })...)
	ps = append(ps, intParam("scope_creep.min_tickets", "Out-of-scope tickets in the window below which their share of hours is not judged: scope creep is a favour that became an everyday expectation, not one long job.", 1, 1000, func(c *Config) *int { return &c.ScopeCreep.MinTickets }))
	ps = append(ps, weightParam("modernization", "resistance to modernization", func(c *Config) *float64 { return &c.Modernization.Weight }))
	ps = append(ps, bandParams("modernization.declined", "declined upgrades and technological-naivete incidents in the incident window", 0, 1000, func(c *Config) *Band { return &c.Modernization.Declined })...)
	ps = append(ps, weightParam("criminal", "criminal activity, which is zero-tolerance whatever its weight", func(c *Config) *float64 { return &c.Criminal.Weight }))
	return ps
}

// textParam makes a key whose value parse reads and stores, reporting
// whether it was allowed.
func textParam(key, doc, allowed string, get func(*Config) string, parse func(*Config, any) bool) param {
	return param{
		Param: Param{Key: key, Doc: doc, Allowed: allowed},
		get:   get,
		set: func(c *Config, v any) error {
			if !parse(c, v) {
				return &KeyError{Key: key, Value: show(v), Allowed: allowed}
			}
			return nil
		},
	}
}

// listParam makes a key holding a list, written as its items formatted
// and joined by commas, and read by parse.
func listParam[T any](key, doc, allowed string, field func(*Config) *[]T, format func(T) string, parse func(any) ([]T, bool)) param {
	return textParam(key, doc, allowed,
		func(c *Config) string {
			parts := make([]string, len(*field(c)))
			for i, x := range *field(c) {
				parts[i] = format(x)
			}
			return strings.Join(parts, ",")
		},
		func(c *Config, v any) bool {
			items, ok := parse(v)
			if ok {
				*field(c) = items
			}
			return ok
		})
}

func floatParam(key, doc string, lo, hi float64, field func(*Config) *float64) param {
	return textParam(key, doc, fmt.Sprintf("a number from %g to %g", lo, hi),
		func(c *Config) string { return strconv.FormatFloat(*field(c), 'g', -1, 64) },
		func(c *Config, v any) bool {
			x, ok := toFloat(v)
			if !ok || x < lo || x > hi {
				return false
			}
			*field(c) = x
			return true
		})
}

func intParam(key, doc string, lo, hi int, field func(*Config) *int) param {
	return textParam(key, doc, fmt.Sprintf("a whole number from %d to %d", lo, hi),
		func(c *Config) string { return strconv.Itoa(*field(c)) },
		func(c *Config, v any) bool {
			x, ok := toFloat(v)
			if !ok || x != math.Trunc(x) || x < float64(lo) || x > float64(hi) {
				return false
			}
			*field(c) = int(x)
			return true
		})
}

func weightParam(flag, what string, field func(*Config) *float64) param {
	return floatParam(flag+".weight", "Points the "+what+" flag adds to the score at severity 100.", 0, 100, field)
}

// bandParams makes the two keys of a Band; which end is worse follows from
// their order, so the only cross-check is that they differ.
func bandParams(prefix, what string, lo, hi float64, field func(*Config) *Band) []param {
	concern := floatParam(prefix+"_concern", "Value of the "+what+" at which the flag is raised (severity 25).", lo, hi, func(c *Config) *float64 { return &field(c).Concern })
	severe := floatParam(prefix+"_severe", "Value of the "+what+" at which the flag's severity reaches 100.", lo, hi, func(c *Config) *float64 { return &field(c).Severe })
	check := func(p param, other string) param {
		set := p.set
		p.set = func(c *Config, v any) error {
			if err := set(c, v); err != nil {
				return err
			}
			if b := field(c); b.Concern == b.Severe {
				return &KeyError{Key: p.Key, Value: show(v), Allowed: p.Allowed + " and different from " + other}
			}
			return nil
		}
		return p
	}
	return []param{check(concern, severe.Key), check(severe, concern.Key)}
}

// minorParam makes a key for an amount of money in minor units (cents), the
// way the database stores every amount.
func minorParam(key, doc string, field func(*Config) *int64) param {
	return textParam(key, doc, "a whole number of minor units above 0, such as 6500 for 65.00",
		func(c *Config) string { return strconv.FormatInt(*field(c), 10) },
		func(c *Config, v any) bool {
			// Only whole numbers: "65.00" would otherwise read as 65 cents.
			var x int64
			switch t := v.(type) {
			case int64:
				x = t
			case string:
				var err error
				if x, err = strconv.ParseInt(strings.TrimSpace(t), 10, 64); err != nil {
					return false
				}
			}
			if x <= 0 {
				return false
			}
			*field(c) = x
			return true
		})
}

func clock(minutes int) string {
	return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60)
}

func parseClock(s string) (int, bool) {
	hh, mm, ok := strings.Cut(strings.TrimSpace(s), ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if !ok || len(hh) != 2 || len(mm) != 2 || err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h*60+m > 24*60 {
		return 0, false
	}
	return h*60 + m, true
}

// week lists the days Monday first, the order ranges such as Mon-Fri follow.
var week = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func dayName(d time.Weekday) string { return d.String()[:3] }

// parseDays reads weekdays written as ranges and names separated by commas
// ("Mon-Fri", "Mon-Wed,Fri"), or as a TOML array of names. The result is in
// week order without repeats; a range may wrap past Sunday.
func parseDays(v any) ([]time.Weekday, bool) {
	items, ok := listItems(v)
	if !ok {
		return nil, false
	}
	index := func(name string) int {
		return slices.IndexFunc(week, func(d time.Weekday) bool { return strings.EqualFold(dayName(d), strings.TrimSpace(name)) })
	}
	var set [7]bool
	for _, it := range items {
		from, to, isRange := strings.Cut(it, "-")
		i, j := index(from), index(from)
		if isRange {
			j = index(to)
		}
		if i < 0 || j < 0 {
			return nil, false
		}
		for k := i; ; k = (k + 1) % 7 {
			set[k] = true
			if k == j {
				break
			}
		}
	}
	var days []time.Weekday
	for i, on := range set {
		if on {
			days = append(days, week[i])
		}
	}
	return days, len(days) > 0
}

// listItems reads a list written as text separated by commas, or as a
// TOML array of strings.
func listItems(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		return strings.Split(x, ","), true
	case []any:
		items := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			items = append(items, s)
		}
		return items, true
	}
	return nil, false
}

// formatDays writes weekdays as parseDays reads them, runs as ranges.
func formatDays(days []time.Weekday) string {
	var on [7]bool
	for _, d := range days {
		on[(int(d)+6)%7] = true
	}
	var parts []string
	for i := 0; i < 7; i++ {
		if !on[i] {
			continue
		}
		j := i
		for j+1 < 7 && on[j+1] {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, dayName(week[i]))
		default:
			parts = append(parts, dayName(week[i])+"-"+dayName(week[j]))
		}
		i = j
	}
	return strings.Join(parts, ",")
}

func parseCutoffs(v any) ([]float64, bool) {
	var items []any
	switch x := v.(type) {
	case string:
		for _, s := range strings.Split(x, ",") {
			items = append(items, strings.TrimSpace(s))
		}
	case []any:
		items = x
	default:
		return nil, false
	}
	if len(items) != 4 {
		return nil, false
	}
	out := make([]float64, 4)
	for i, it := range items {
		f, ok := toFloat(it)
		if !ok || f < 0 || f > 4 || (i > 0 && f <= out[i-1]) {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

// toFloat reads a number from a TOML value or from text.
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	return 0, false
}

// show renders a rejected value as the user wrote it.
func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}
