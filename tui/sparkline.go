package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
)

// sparkBlocks are the eight heights a sparkline cell can take.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws values as one row of block characters, lowest value at ▁
// and highest at █, so a trend is seen rather than read. With more values
// than width, the most recent width values are kept: the owner cares about
// where a client is heading. NaN values draw as a space.
func sparkline(values []float64, width int) string {
	if width <= 0 || len(values) == 0 {
		return ""
	}
	if len(values) > width {
		values = values[len(values)-width:]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	// The floor is zero for a positive series, so a steady workload draws as
	// a solid bar rather than as nothing at all.
	if lo > 0 {
		lo = 0
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case hi == lo:
			b.WriteRune(sparkBlocks[0])
		default:
			i := int(math.Round((v - lo) / (hi - lo) * float64(len(sparkBlocks)-1)))
			b.WriteRune(sparkBlocks[i])
		}
	}
	return b.String()
}

// trendLabelWidth is the column of a trend line's label.
const trendLabelWidth = 10

// trendBlock draws months as four sparklines, revenue, margin, hours and
// tickets, each with its least, greatest and last value. The months start
// where the data starts; a short history is stretched to up to three cells
// a month, so a new client's trend is as easy to see as an old one's.
func trendBlock(th Theme, title string, months []scoring.MonthPoint, currency string, width int) string {
	var b strings.Builder
	b.WriteString(th.Heading.Render(title))
	if len(months) == 0 {
		b.WriteString("\n  " + th.Subtle.Render("No monthly history yet."))
		return b.String()
	}
	b.WriteString(th.Subtle.Render(truncate(fmt.Sprintf(" %s to %s, a month a bar",
		months[0].Month.Format("Jan 2006"), months[len(months)-1].Month.Format("Jan 2006")), width-lipgloss.Width(title))) + "\n")
	lineWidth := max(width-2-trendLabelWidth, 6)
	cell := max(1, min(3, lineWidth/len(months)))
	series := func(value func(scoring.MonthPoint) float64) []float64 {
		out := make([]float64, len(months))
		for i, m := range months {
			out[i] = value(m)
		}
		return out
	}
	money := func(x float64) string { return moneyWhole(int64(math.Round(x))) }
	if currency != "" {
		money = func(x float64) string { return moneyWhole(int64(math.Round(x))) + " " + currency }
	}
	number := func(format string) func(float64) string {
		return func(x float64) string { return fmt.Sprintf(format, x) }
	}
	lines := []struct {
		label  string
		values []float64
		format func(float64) string
	}{
		{"Revenue", series(func(m scoring.MonthPoint) float64 { return float64(m.Invoiced) }), money},
		{"Margin", series(scoring.MonthPoint.Margin), pct},
		{"Hours", series(func(m scoring.MonthPoint) float64 { return m.Hours }), number("%.1f")},
		{"Tickets", series(func(m scoring.MonthPoint) float64 { return float64(m.Tickets) }), number("%.0f")},
	}
	for _, l := range lines {
		line := sparkline(l.values, lineWidth/cell)
		if cell > 1 {
			var wide strings.Builder
			for _, r := range line {
				wide.WriteString(strings.Repeat(string(r), cell))
			}
			line = wide.String()
		}
		b.WriteString("  " + padRight(l.label, trendLabelWidth) + th.Cursor.Render(line) + "\n")
		b.WriteString("  " + padRight("", trendLabelWidth) + th.Subtle.Render(truncate(summary(l.values, l.format), lineWidth)) + "\n")
	}
	if len(months) > lineWidth {
		b.WriteString(th.Faint.Render(fmt.Sprintf("  the last %d of %d months fit this window", lineWidth, len(months))) + "\n")
	}
	return b.String()
}

// summary words the least, the greatest and the last known of values, or
// says that none is known.
func summary(values []float64, format func(float64) string) string {
	lo, hi, last := math.Inf(1), math.Inf(-1), math.NaN()
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi, last = min(lo, v), max(hi, v), v
		}
	}
	if math.IsNaN(last) {
		return "none known"
	}
	return "min " + format(lo) + " · max " + format(hi) + " · last " + format(last)
}
