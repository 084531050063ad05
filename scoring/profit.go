package scoring

import "math"

// Profit is what a client brought in and what serving it cost over the
// assessment window (seeds 000, 002: measure the cost of each client).
// Money is in minor units.
type Profit struct {
	Months     int     `json:"months"`
	Revenue    int64   `json:"revenue"` // invoiced in the window
	Hours      float64 `json:"hours"`   // worked in the window
	LabourCost int64   `json:"labour_cost"`
	// Margin is (revenue − labour cost) / revenue; 0 when nothing was
	// invoiced.
	Margin float64 `json:"margin"`
	// EffectiveRate is revenue per hour worked; 0 when no hours were worked.
	EffectiveRate int64 `json:"effective_rate"`
	// BreakEvenMonthly is the monthly price at which the window's labour
	// would leave the target margin.
	BreakEvenMonthly int64 `json:"break_even_monthly"`
}

// ProfitOf computes a client's profitability from the revenue invoiced and
// the minutes worked over a number of months, at the configured loaded
// labour cost and target margin.
func ProfitOf(revenue, minutes int64, months int, cfg *Config) Profit {
	hours := float64(minutes) / 60
	p := Profit{
		Months:     months,
		Revenue:    revenue,
		Hours:      hours,
		LabourCost: int64(math.Round(hours * float64(cfg.LoadedCostPerHour))),
	}
	if revenue > 0 {
		p.Margin = float64(revenue-p.LabourCost) / float64(revenue)
	}
	if hours > 0 {
		p.EffectiveRate = int64(math.Round(float64(revenue) / hours))
	}
	if months > 0 {
		p.BreakEvenMonthly = int64(math.Round(float64(p.LabourCost) / float64(months) / (1 - cfg.TargetMargin)))
	}
	return p
}
