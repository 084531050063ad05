package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
)

// Lab panel column widths; the normal range takes what is left.
const (
	labTestWidth   = 27
	labResultWidth = 9
	labFlagWidth   = 5
	labTrendWidth  = 11
	// labRangeWidth fits "109.70–617.83 over 2000 clients [1]".
	labRangeWidth       = 36
	labMinIndustryWidth = 40
)

// labPane lays the client's metrics out like a blood-test report: the test,
// the result, an H or L flag outside the normal range, the portfolio's own
// normal range and the trend; under each, the published industry norm. The
// method the ranges were drawn with closes the report.
func labPane(th Theme, t ClientTarget, width int) string {
	a := t.Assessment
	// Wide windows give the industry norm a column of its own; narrower
	// ones put it on a line under each test.
	rangeWidth := max(12, width-labTestWidth-labResultWidth-labFlagWidth-labTrendWidth-4)
	industryWidth := 0
	if rangeWidth >= labRangeWidth+labMinIndustryWidth {
		rangeWidth = labRangeWidth
		industryWidth = width - labTestWidth - labResultWidth - labFlagWidth - labTrendWidth - rangeWidth - 5
	}
	line := func(test, result, flag, norm, trend, industry string) string {
		cells := []string{
			padRight(test, labTestWidth), padLeft(result, labResultWidth), padRight(" "+flag, labFlagWidth),
			padRight(norm, rangeWidth), padRight(trend, labTrendWidth),
		}
		if industryWidth > 0 {
			cells = append(cells, truncate(industry, industryWidth))
		}
		return strings.TrimRight(strings.Join(cells, " "), " ")
	}
	var b strings.Builder
	b.WriteString(th.Heading.Render(line("Test", "Result", "Flag", "Your normal range", "Trend", "Industry norm")) + "\n")
	methods := map[string]int{}
	var order []string
	for _, r := range a.Lab {
		flag := r.Marker
		switch {
		case !r.Known:
		case !r.Judged:
			flag = "·"
		}
		norm := r.YourNorm
		if lipgloss.Width(norm)+4 > rangeWidth {
			norm, _, _ = strings.Cut(norm, " over ")
		}
		if r.Method != "" {
			if _, seen := methods[r.Method]; !seen {
				methods[r.Method] = len(order) + 1
				order = append(order, r.Method)
			}
			norm = fmt.Sprintf("%s %s", norm, footnote(methods[r.Method]))
		}
		row := line(r.Label, r.Display, flag, norm, trendText(r.Trend), r.IndustryNorm)
		switch r.Marker {
		case "H":
			row = th.High.Render(row)
		case "L":
			row = th.Low.Render(row)
		}
		b.WriteString(row + "\n")
		if r.IndustryNorm != "" && industryWidth == 0 {
			writeWrapped(&b, "industry: "+r.IndustryNorm, th.Faint.Render("  "), "  ", width)
		}
	}
	b.WriteByte('\n')
	for i, m := range order {
		writeWrapped(&b, fmt.Sprintf("%s Normal range: %s with k = %g, over the clients we serve with enough history, %s.",
			footnote(i+1), m, t.Snapshot.K, strings.TrimPrefix(t.Snapshot.Window.Phrase(), "in ")), "", "    ", width)
	}
	// The key to the markers wraps at the window like the notes above it:
	// at 80 columns it is one word too long for a line.
	legend := "H above, L below the normal range · a dot: shown, not judged"
	if a.Unrated != "" {
		legend += " (see below)"
	}
	key := wrap(legend, width)
	for i, line := range key {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(th.Subtle.Render(line))
	}
	for _, line := range wrap(a.UnratedNote(), width) {
		b.WriteString("\n" + th.Warning.Render(line))
	}
	for _, line := range wrap(a.RecordsNote(), width) {
		b.WriteString("\n" + th.Subtle.Render(line))
	}
	return b.String()
}

// footnote marks the n-th method note.
func footnote(n int) string { return fmt.Sprintf("[%d]", n) }

// trendText words a trend with an arrow for the way the value moved; the
// word says whether that is better or worse, since for a margin or MFA
// coverage a rise is good news and for days late it is bad.
func trendText(t scoring.Trend) string {
	arrow := "▼"
	if t.Recent > t.Previous {
		arrow = "▲"
	}
	switch t.Direction {
	case scoring.TrendWorsening, scoring.TrendImproving:
		return arrow + " " + string(t.Direction)
	case scoring.TrendSteady:
		return "= steady"
	}
	return ""
}
