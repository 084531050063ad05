package scoring

import "math"

// WhatIfOption is one of the choices the owner weighs for a client before a
// remediation meeting or a letter (seed 002: whether it is worth it to pay
// to keep a client).
type WhatIfOption string

// The options, in the order they are shown.
const (
	// OptionKeep keeps the client on its current fee and scope.
	OptionKeep WhatIfOption = "keep"
	// OptionReprice raises the fee to the break-even price for the target
	// margin, the scope unchanged.
	OptionReprice WhatIfOption = "reprice"
	// OptionNarrow keeps the fee and narrows the agreement to the systems
	// (seed 002's re-engagement): the work that would leave with what is
	// excluded goes, the out-of-scope tickets and the user-support tickets
	// with their hours, a ticket that is both once.
	OptionNarrow WhatIfOption = "narrow"
	// OptionLetGo offboards the client: its fee, hours and tickets leave.
	OptionLetGo WhatIfOption = "let_go"
)

// Title is the option as the owner reads it.
func (o WhatIfOption) Title() string {
	switch o {
	case OptionKeep:
		return "Keep as is"
	case OptionReprice:
		return "Re-price to target"
	case OptionNarrow:
		return "Narrow the scope"
	case OptionLetGo:
		return "Let go"
	}
	return string(o)
}

// Load is what a client, or the whole portfolio, brings in and costs in an
// average month of the assessment window: the fee (MRR) against the loaded
// cost of the hours worked. Money is in minor units.
type Load struct {
	MRR int64 `json:"mrr"`
	// AnnualRevenue is twelve months of MRR.
	AnnualRevenue int64 `json:"annual_revenue"`
	// LabourHours and LabourCost are per month, averaged over the window.
	LabourHours float64 `json:"labour_hours"`
	LabourCost  int64   `json:"labour_cost"`
	// Margin is (MRR − labour cost) / MRR; 0 without a fee.
	Margin            float64 `json:"margin"`
	Tickets           float64 `json:"tickets"`             // per month
	AfterHoursTickets float64 `json:"after_hours_tickets"` // per month
}

// PortfolioLoad is the serviced portfolio's Load with its concentration:
// the share of the window's hours used by its heaviest clients.
type PortfolioLoad struct {
	Load
	Concentration Concentration `json:"concentration"`
}

// Outcome is the business after one option.
type Outcome struct {
	Option WhatIfOption `json:"option"`
	// Client is the client's Load after the option; all zero when let go.
	Client Load `json:"client"`
	// Increase is the fee's change in money and as a fraction of the old fee
	// (re-pricing only; 0 elsewhere, and 0 when the fee already meets the
	// target margin).
	Increase        int64   `json:"increase"`
	IncreasePercent float64 `json:"increase_percent"`
	// Portfolio is the serviced portfolio after the option.
	Portfolio PortfolioLoad `json:"portfolio"`
	// MRRChange is the portfolio's MRR change as a fraction of today's;
	// MarginChange the change of its margin in points (0.042 is +4.2 points).
	MRRChange    float64 `json:"mrr_change"`
	MarginChange float64 `json:"margin_change"`
	// HoursFreed is the technician hours a month that leave, and
	// HoursFreedPerTechnician the same shared among business.technicians
	// (0 when that is not set).
	HoursFreed              float64 `json:"hours_freed"`
	HoursFreedPerTechnician float64 `json:"hours_freed_per_technician"`
	// TicketsRemoved is the tickets a month that leave. AfterHoursRemoved
	// is the after-hours tickets a month that leave, nil when unknown (the
	// excluded tickets are not counted by time of day);
	// AfterHoursShare is them as a fraction of the portfolio's.
	TicketsRemoved    float64  `json:"tickets_removed"`
	AfterHoursRemoved *float64 `json:"after_hours_removed"`
	AfterHoursShare   *float64 `json:"after_hours_share"`
	// Excluded is what narrowing takes away, by kind; nil for the other
	// options.
	Excluded *Excluded `json:"excluded,omitempty"`
}

// Excluded is the work a month that narrowing the agreement to the systems
// leaves out: the out-of-scope tickets, the user-support tickets, and the
// tickets that are both, which HoursFreed and TicketsRemoved count once
// (out of scope + user support − both).
type Excluded struct {
	OutOfScopeHours    float64 `json:"out_of_scope_hours"`
	OutOfScopeTickets  float64 `json:"out_of_scope_tickets"`
	UserSupportHours   float64 `json:"user_support_hours"`
	UserSupportTickets float64 `json:"user_support_tickets"`
	BothHours          float64 `json:"both_hours"`
	BothTickets        float64 `json:"both_tickets"`
}

// ClientWhatIf is the four options for one client side by side.
type ClientWhatIf struct {
	Client *ClientFacts `json:"client"`
	// Months is the window the monthly averages cover; 0 without history.
	Months int `json:"months"`
	// Now is the client today; Before the portfolio today.
	Now     Load          `json:"now"`
	Before  PortfolioLoad `json:"before"`
	Options []Outcome     `json:"options"`
}

// clientMonthly is one client's window, summed, as the what-if needs it.
type clientMonthly struct {
	months              int
	minutes             int64
	tickets, afterHours int
	// oos, us and both are the out-of-scope tickets, the user-support
	// tickets and those that are both, with their minutes.
	oos, us, both excludedWork
	mrr           int64
	serviced      bool
}

// excludedWork is tickets of one kind narrowing excludes, and the minutes
// logged against them.
type excludedWork struct {
	tickets int
	minutes int64
}

// monthlyOf sums a client's roll-ups over its assessment window.
func monthlyOf(a *Assessment) clientMonthly {
	m := clientMonthly{months: a.Window.Months, mrr: a.Client.MRR, serviced: a.Client.Status.Serviced()}
	for _, f := range a.Client.Months {
		if f.Month.Before(a.Window.From) || !f.Month.Before(a.Window.To) {
			continue
		}
		m.minutes += f.MinutesWorked
		m.tickets += f.Tickets
		m.afterHours += f.AfterHoursTickets
		m.oos.add(f.OutOfScopeTickets, f.OutOfScopeMinutes)
		m.us.add(f.UserSupportTickets, f.UserSupportMinutes)
		m.both.add(f.OutOfScopeUserSupportTickets, f.OutOfScopeUserSupportMinutes)
	}
	return m
}

func (w *excludedWork) add(tickets int, minutes int64) {
	w.tickets += tickets
	w.minutes += minutes
}

// narrowed is the client without its out-of-scope and user-support work,
// a ticket that is both taken away once.
func (m clientMonthly) narrowed() clientMonthly {
	n := m
	n.minutes = max(0, m.minutes-(m.oos.minutes+m.us.minutes-m.both.minutes))
	n.tickets = max(0, m.tickets-(m.oos.tickets+m.us.tickets-m.both.tickets))
	n.oos, n.us, n.both = excludedWork{}, excludedWork{}, excludedWork{}
	return n
}

// excluded is the client's out-of-scope and user-support work a month.
func (m clientMonthly) excluded() *Excluded {
	hours := func(w excludedWork) float64 { return m.perMonth(float64(w.minutes) / 60) }
	tickets := func(w excludedWork) float64 { return m.perMonth(float64(w.tickets)) }
	return &Excluded{
		OutOfScopeHours: hours(m.oos), OutOfScopeTickets: tickets(m.oos),
		UserSupportHours: hours(m.us), UserSupportTickets: tickets(m.us),
		BothHours: hours(m.both), BothTickets: tickets(m.both),
	}
}

// perMonth averages a window total over the window's months.
func (m clientMonthly) perMonth(total float64) float64 {
	if m.months == 0 {
		return 0
	}
	return total / float64(m.months)
}

// load is the client's average month at a fee.
func (m clientMonthly) load(cfg *Config) Load {
	l := Load{
		MRR:               m.mrr,
		AnnualRevenue:     12 * m.mrr,
		LabourHours:       m.perMonth(float64(m.minutes) / 60),
		Tickets:           m.perMonth(float64(m.tickets)),
		AfterHoursTickets: m.perMonth(float64(m.afterHours)),
	}
	l.LabourCost = int64(math.Round(l.LabourHours * float64(cfg.LoadedCostPerHour)))
	l.Margin = marginOf(l.MRR, l.LabourCost)
	return l
}

func marginOf(revenue, cost int64) float64 {
	if revenue == 0 {
		return 0
	}
	return float64(revenue-cost) / float64(revenue)
}

// windowHours is the client's hours over its window, as the portfolio's
// concentration counts them.
func (m clientMonthly) windowHours() float64 { return float64(m.minutes) / 60 }

// portfolioOf sums the serviced clients' months, with each client's month
// replaced by change where it has one, and the concentration of what is left.
func portfolioOf(ms []clientMonthly, change map[int]clientMonthly, cfg *Config) PortfolioLoad {
	var p PortfolioLoad
	hours := make([]float64, 0, len(ms))
	for i, m := range ms {
		if c, ok := change[i]; ok {
			m = c
		}
		if !m.serviced {
			continue
		}
		l := m.load(cfg)
		p.MRR += l.MRR
		p.LabourHours += l.LabourHours
		p.LabourCost += l.LabourCost
		p.Tickets += l.Tickets
		p.AfterHoursTickets += l.AfterHoursTickets
		if m.months > 0 {
			hours = append(hours, m.windowHours())
		}
	}
	p.AnnualRevenue = 12 * p.MRR
	p.Margin = marginOf(p.MRR, p.LabourCost)
	p.Concentration = ConcentrationOf(hours, cfg.Stats.ConcentrationTop)
	return p
}

// WhatIf puts the four options for the client at index i of the portfolio
// side by side, each with the portfolio it would leave. The figures are an
// average month of the window: the fee against the loaded cost of the hours.
func WhatIf(p *Portfolio, i int, cfg *Config) ClientWhatIf {
	ms := monthliesOf(p)
	m := ms[i]
	w := ClientWhatIf{Client: p.Assessments[i].Client, Months: m.months, Now: m.load(cfg), Before: portfolioOf(ms, nil, cfg)}

	repriced := m
	if be := p.Assessments[i].Profit.BreakEvenMonthly; be > m.mrr {
		repriced.mrr = be
	}
	narrowed := m.narrowed()
	gone := clientMonthly{}

	for _, o := range []struct {
		option WhatIfOption
		after  clientMonthly
	}{{OptionKeep, m}, {OptionReprice, repriced}, {OptionNarrow, narrowed}, {OptionLetGo, gone}} {
		out := outcome(o.option, ms, map[int]clientMonthly{i: o.after}, w.Before, cfg)
		out.Client = o.after.load(cfg)
		if o.option == OptionNarrow {
			out.AfterHoursRemoved, out.AfterHoursShare = nil, nil
			out.Excluded = m.excluded()
		}
		if o.option == OptionReprice {
			out.Increase = repriced.mrr - m.mrr
			if m.mrr > 0 {
				out.IncreasePercent = float64(out.Increase) / float64(m.mrr)
			}
		}
		w.Options = append(w.Options, out)
	}
	return w
}

// LetGo is the portfolio after letting every client at the given indexes
// go at once.
func LetGo(p *Portfolio, indexes []int, cfg *Config) Outcome {
	ms := monthliesOf(p)
	change := make(map[int]clientMonthly, len(indexes))
	for _, i := range indexes {
		change[i] = clientMonthly{}
	}
	return outcome(OptionLetGo, ms, change, portfolioOf(ms, nil, cfg), cfg)
}

func monthliesOf(p *Portfolio) []clientMonthly {
	ms := make([]clientMonthly, len(p.Assessments))
	for i := range p.Assessments {
		ms[i] = monthlyOf(&p.Assessments[i])
	}
	return ms
}

// outcome compares the portfolio after change with before.
func outcome(option WhatIfOption, ms []clientMonthly, change map[int]clientMonthly, before PortfolioLoad, cfg *Config) Outcome {
	after := portfolioOf(ms, change, cfg)
	o := Outcome{
		Option:         option,
		Portfolio:      after,
		MarginChange:   after.Margin - before.Margin,
		HoursFreed:     before.LabourHours - after.LabourHours,
		TicketsRemoved: before.Tickets - after.Tickets,
	}
	if before.MRR != 0 {
		o.MRRChange = float64(after.MRR-before.MRR) / float64(before.MRR)
	}
	if cfg.Technicians > 0 {
		o.HoursFreedPerTechnician = o.HoursFreed / float64(cfg.Technicians)
	}
	removed := before.AfterHoursTickets - after.AfterHoursTickets
	share := 0.0
	if before.AfterHoursTickets > 0 {
		share = removed / before.AfterHoursTickets
	}
	o.AfterHoursRemoved, o.AfterHoursShare = &removed, &share
	return o
}
