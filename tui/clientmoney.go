package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"offboard/money"
	"offboard/scoring"
)

// moneyPane is the client's profitability over the assessment window and
// the monthly hours and tickets over its whole history as sparklines.
func moneyPane(th Theme, t ClientTarget, width int) string {
	a := t.Assessment
	p := a.Profit
	cur := a.Client.Currency
	var b strings.Builder
	b.WriteString(th.Heading.Render("Profitability") + th.Subtle.Render(" "+a.Window.Phrase()) + "\n")
	row := func(label, value, note string) {
		b.WriteString("  " + padRight(label, 20) + padLeft(value, 16) + "  " + th.Subtle.Render(truncate(note, width-40)) + "\n")
	}
	money := func(minor int64) string { return money.Grouped(minor, "") + " " + cur }
	row("Revenue", money(p.Revenue), fmt.Sprintf("MRR %s", money(a.Client.MRR)))
	row("Labour cost", money(p.LabourCost), fmt.Sprintf("%.1f hours worked", p.Hours))
	margin, rate := "–", "–"
	if p.Revenue > 0 {
		margin = pct(p.Margin)
	}
	if p.EffectiveRate > 0 {
		rate = money(p.EffectiveRate)
	}
	row("Margin", margin, "after loaded labour cost")
	row("Effective rate", rate, "revenue per hour worked")
	breakEven := "–"
	if p.BreakEvenMonthly > 0 {
		breakEven = money(p.BreakEvenMonthly)
	}
	note := "monthly price that reaches the target margin"
	if p.BreakEvenMonthly > a.Client.MRR && a.Client.MRR > 0 {
		note = fmt.Sprintf("%s above today's MRR", pct(float64(p.BreakEvenMonthly-a.Client.MRR)/float64(a.Client.MRR)))
	}
	row("Break-even price", breakEven, note)

	months, hours, tickets := monthlySeries(a.Client, t.Snapshot.AsOf)
	b.WriteString("\n" + th.Heading.Render("Monthly trend"))
	if len(months) == 0 {
		b.WriteString("\n  " + th.Subtle.Render("No monthly history yet."))
		return b.String()
	}
	b.WriteString(th.Subtle.Render(fmt.Sprintf(" %s to %s, a month a bar",
		months[0].Format("Jan 2006"), months[len(months)-1].Format("Jan 2006"))) + "\n")
	lineWidth := max(width-2-16-2, 6)
	// A short history is stretched to up to three cells a month, so the
	// trend is as easy to see for a new client as for an old one.
	cell := max(1, min(3, lineWidth/len(months)))
	spark := func(label string, values []float64, format string) {
		lo, hi, last := summary(values)
		stats := fmt.Sprintf("min "+format+" · max "+format+" · last "+format, lo, hi, last)
		line := sparkline(values, lineWidth/cell)
		if cell > 1 {
			var wide strings.Builder
			for _, r := range line {
				wide.WriteString(strings.Repeat(string(r), cell))
			}
			line = wide.String()
		}
		b.WriteString("  " + padRight(label, 16) + th.Cursor.Render(line) + "\n")
		b.WriteString("  " + padRight("", 16) + th.Subtle.Render(stats) + "\n")
	}
	spark("Hours", hours, "%.1f")
	spark("Tickets", tickets, "%.0f")
	if len(months) > lineWidth {
		b.WriteString(th.Faint.Render(fmt.Sprintf("  the last %d of %d months fit this window", lineWidth, len(months))) + "\n")
	}
	return b.String()
}

// monthlySeries spreads a client's sparse monthly roll-ups over every
// calendar month from its first to the last complete one before asOf, so a
// quiet month shows as zero rather than disappearing.
func monthlySeries(f *scoring.ClientFacts, asOf time.Time) (months []time.Time, hours, tickets []float64) {
	if len(f.Months) == 0 {
		return nil, nil, nil
	}
	start := f.Months[0].Month
	if !f.Since.IsZero() && f.Since.Before(start) {
		start = time.Date(f.Since.Year(), f.Since.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	end := time.Date(asOf.Year(), asOf.Month(), 1, 0, 0, 0, 0, time.UTC)
	byMonth := make(map[time.Time]scoring.MonthFacts, len(f.Months))
	for _, m := range f.Months {
		byMonth[m.Month] = m
	}
	for mo := start; mo.Before(end); mo = mo.AddDate(0, 1, 0) {
		m := byMonth[mo]
		months = append(months, mo)
		hours = append(hours, float64(m.MinutesWorked)/60)
		tickets = append(tickets, float64(m.Tickets))
	}
	return months, hours, tickets
}

// summary returns the least, the greatest and the last of values.
func summary(values []float64) (lo, hi, last float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi, values[len(values)-1]
}
