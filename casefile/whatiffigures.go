package casefile

import (
	"fmt"
	"math"
	"strings"

	"offboard/money"
	"offboard/scoring"
)

// WhatIfFigure is one labelled line of the what-if, worded once so the
// command line, the workbench and the internal notes read the same.
type WhatIfFigure struct {
	Label string
	Cell  func(scoring.Outcome) string
}

// ClientFigures are the lines about the client after an option: its fee,
// the increase when re-pricing, its revenue, hours, the work narrowing
// leaves out by kind, and margin.
func ClientFigures() []WhatIfFigure {
	return []WhatIfFigure{
		{"Monthly fee (MRR)", func(o scoring.Outcome) string { return money.Grouped(o.Client.MRR, "") }},
		{"  increase", func(o scoring.Outcome) string {
			if o.Option != scoring.OptionReprice {
				return ""
			}
			if o.Increase == 0 {
				return "none: at or above target"
			}
			return increase(o)
		}},
		{"Annual revenue", func(o scoring.Outcome) string { return money.Grouped(o.Client.AnnualRevenue, "") }},
		{"Labour hours a month", func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.Client.LabourHours) }},
		excludedFigure("  left out: out of scope", func(e *scoring.Excluded) (float64, float64) { return e.OutOfScopeHours, e.OutOfScopeTickets }),
		excludedFigure("  left out: user support", func(e *scoring.Excluded) (float64, float64) { return e.UserSupportHours, e.UserSupportTickets }),
		excludedFigure("  both, counted once", func(e *scoring.Excluded) (float64, float64) { return e.BothHours, e.BothTickets }),
		{"Client margin", func(o scoring.Outcome) string {
			if o.Client.MRR == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f%%", o.Client.Margin*100)
		}},
	}
}

// excludedFigure is one kind of the work narrowing leaves out, in hours
// and tickets a month; blank for the other options.
func excludedFigure(label string, of func(*scoring.Excluded) (hours, tickets float64)) WhatIfFigure {
	return WhatIfFigure{label, func(o scoring.Outcome) string {
		if o.Excluded == nil {
			return ""
		}
		h, t := of(o.Excluded)
		return fmt.Sprintf("%.1f h, %.1f tickets", h, t)
	}}
}

// PortfolioFigures are the lines about the whole business after an option.
// The hours freed per technician need business.technicians; without it
// that line is left out (TechniciansHint says how to add it).
func PortfolioFigures(cfg *scoring.Config) []WhatIfFigure {
	rows := []WhatIfFigure{
		{"Portfolio MRR", func(o scoring.Outcome) string {
			return fmt.Sprintf("%s (%s)", money.Grouped(o.Portfolio.MRR, ""), SignedPercent(o.MRRChange))
		}},
		{"Portfolio margin", func(o scoring.Outcome) string {
			return fmt.Sprintf("%.1f%% (%s)", o.Portfolio.Margin*100, Points(o.MarginChange))
		}},
		{"Hours freed a month", func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.HoursFreed) }},
	}
	if cfg.Technicians > 0 {
		rows = append(rows, WhatIfFigure{fmt.Sprintf("  per technician (%d)", cfg.Technicians), func(o scoring.Outcome) string {
			return fmt.Sprintf("%.1f", o.HoursFreedPerTechnician)
		}})
	}
	return append(rows,
		WhatIfFigure{"Tickets removed a month", func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.TicketsRemoved) }},
		WhatIfFigure{"After-hours tickets removed", func(o scoring.Outcome) string {
			if o.AfterHoursRemoved == nil {
				return "not known"
			}
			return fmt.Sprintf("%.1f a month (%.0f%%)", *o.AfterHoursRemoved, *o.AfterHoursShare*100)
		}},
		WhatIfFigure{"Concentration after", func(o scoring.Outcome) string {
			c := o.Portfolio.Concentration
			return fmt.Sprintf("top %d use %.0f%% of hours", c.TopClients, c.HoursShare*100)
		}},
	)
}

// TechniciansHint says how to see the hours freed per technician, or is
// empty when business.technicians is set.
func TechniciansHint(cfg *scoring.Config) string {
	if cfg.Technicians > 0 {
		return ""
	}
	return "Set business.technicians (offboard config set business.technicians 4) to see the hours freed per technician."
}

// NarrowingCaveat is what narrowing the scope counts as leaving.
const NarrowingCaveat = "Narrowing the scope leaves out the out-of-scope tickets and those whose category is user support, with their hours, a ticket that is both once; the after-hours tickets among them are not counted."

// LetGoSummary is letting go in one sentence, as the example
// reads: "−6.1% MRR, −19% of after-hours tickets, +4.2 points of portfolio
// margin, 31.0 technician hours a month freed".
func LetGoSummary(o scoring.Outcome, cfg *scoring.Config) string {
	parts := []string{SignedPercent(o.MRRChange) + " MRR"}
	if o.AfterHoursShare != nil {
		parts = append(parts, SignedPercent(-*o.AfterHoursShare)+" of after-hours tickets")
	}
	parts = append(parts, Points(o.MarginChange)+" of portfolio margin")
	freed := fmt.Sprintf("%.1f technician hours a month freed", o.HoursFreed)
	if cfg.Technicians > 0 {
		freed += fmt.Sprintf(" (%.1f each of %d)", o.HoursFreedPerTechnician, cfg.Technicians)
	}
	return strings.Join(append(parts, freed), ", ")
}

// RepriceSummary is re-pricing to the target margin in one sentence: the
// new fee, the increase and the portfolio's margin after.
func RepriceSummary(o scoring.Outcome, now scoring.Load) string {
	if o.Increase == 0 {
		return fmt.Sprintf("the fee of %s already meets the target margin (%.1f%%)", money.Grouped(now.MRR, ""), now.Margin*100)
	}
	return fmt.Sprintf("%s a month instead of %s, %s; portfolio margin %.1f%% (%s)",
		money.Grouped(o.Client.MRR, ""), money.Grouped(now.MRR, ""), increase(o), o.Portfolio.Margin*100, Points(o.MarginChange))
}

func increase(o scoring.Outcome) string {
	return fmt.Sprintf("+%s (%s)", money.Grouped(o.Increase, ""), SignedPercent(o.IncreasePercent))
}

// SignedPercent writes a fraction as a signed percentage with a true minus
// sign, and a change too small to show as +0.0% rather than −0.0%.
func SignedPercent(f float64) string { return signed(f*100) + "%" }

// Points writes a change of margin in percentage points.
func Points(f float64) string { return signed(f*100) + " pts" }

func signed(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		// A loss too small to show is no change: never "−0.0".
		v = 0
	}
	if v < 0 {
		return fmt.Sprintf("−%.1f", -v)
	}
	return fmt.Sprintf("+%.1f", v)
}
