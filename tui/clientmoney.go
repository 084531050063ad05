package tui

import (
	"fmt"
	"strings"

	"offboard/money"
	"offboard/scoring"
)

// moneyPane is the client's profitability over the assessment window and
// its monthly revenue, margin, hours and tickets as sparklines, from the
// first month with data.
func moneyPane(th Theme, t ClientTarget, width int) string {
	a := t.Assessment
	p := a.Profit
	cur := a.Client.Currency
	var b strings.Builder
	b.WriteString(th.Heading.Render("Profitability") + th.Subtle.Render(" "+a.Window.Phrase()) + "\n")
	// The note wraps under itself rather than losing its last words.
	const noteColumn = 2 + 20 + 16 + 2
	row := func(label, value, note string) {
		lines := wrap(note, width-noteColumn)
		if len(lines) == 0 {
			lines = []string{""}
		}
		b.WriteString("  " + padRight(label, 20) + padLeft(value, 16) + "  " + th.Subtle.Render(lines[0]) + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", noteColumn) + th.Subtle.Render(l) + "\n")
		}
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

	b.WriteString("\n" + trendBlock(th, "Monthly trend", scoring.Monthly(a.Client, t.Snapshot.AsOf, t.Snapshot.LoadedCostPerHour), cur, width))
	return b.String()
}
