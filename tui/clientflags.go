package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
)

// severityCells is the width of a flag's severity bar; each cell is ten
// points of severity.
const severityCells = 10

// severityBar draws severity 0–100 as filled and empty cells, so it reads
// without colour too.
func (t Theme) severityBar(severity int) string {
	filled := min(severityCells, max(0, (severity+5)/10))
	return t.Bar.Render(strings.Repeat("█", filled)) + t.BarEmpty.Render(strings.Repeat("░", severityCells-filled))
}

// verdictPane is the recommendation with its reasons, the override if the
// owner made one, and every red flag with its severity, points and
// evidence sentence, zero-tolerance flags first and marked.
func verdictPane(th Theme, a *scoring.Assessment, width int) string {
	var b strings.Builder
	b.WriteString(th.Heading.Render("Recommendation") + "  " + th.badge(a))
	if a.Override != nil {
		fmt.Fprintf(&b, "  %s", th.Subtle.Render("owner's override; computed: "+a.Computed.Title()))
	}
	b.WriteByte('\n')
	for _, r := range a.Reasons {
		writeWrapped(&b, r, "  • ", "    ", width)
	}
	if a.Override != nil {
		// The reasons open with the override, its date and its reason.
		b.WriteString(th.Faint.Render("  o changes or clears the override") + "\n")
	}
	b.WriteByte('\n')
	if len(a.Flags) == 0 {
		b.WriteString(th.Good.Render("No red flags.") + "\n")
		return b.String()
	}
	// The sentence stands beside the heading where it fits, else wraps
	// under it: cut, it would stop at "; the".
	heading := fmt.Sprintf("Red flags (%d)", len(a.Flags))
	sentence := "severity 0–100 · " + scoreSentence(a)
	b.WriteString(th.Heading.Render(heading))
	if lipgloss.Width(heading+"  "+sentence) <= width {
		b.WriteString(th.Subtle.Render("  "+sentence) + "\n")
	} else {
		b.WriteByte('\n')
		for _, line := range wrap(sentence, width-2) {
			b.WriteString(th.Subtle.Render("  "+line) + "\n")
		}
	}
	// Title, then the bar, severity and points at the right edge.
	right := severityCells + len(" 100  +100.0 pts")
	for _, f := range a.Flags {
		b.WriteByte('\n')
		title := f.Title
		if f.ZeroTolerance {
			title = th.ZeroTol.Render(zeroMark+"ZERO TOLERANCE") + " " + th.Error.Render(f.Title)
		} else {
			title = th.Heading.Render(title)
		}
		points := fmt.Sprintf(" %3d  %+6.1f pts", f.Severity, f.Points)
		b.WriteString(padRight(title, max(width-right, 10)) + th.severityBar(f.Severity) + points + "\n")
		writeWrapped(&b, f.Evidence, "  ", "  ", width)
	}
	return b.String()
}

// scoreSentence says how the flags' points make the score, true to the
// arithmetic: a zero-tolerance flag sets it to 100 whatever the points, and
// a sum above 100 is capped.
func scoreSentence(a *scoring.Assessment) string {
	sum := scoring.Points(a.Flags)
	for _, f := range a.Flags {
		if f.ZeroTolerance {
			return fmt.Sprintf("zero tolerance sets the score to %d/100; the points add up to %.1f", a.Score, sum)
		}
	}
	if math.Round(sum) > 100 {
		return fmt.Sprintf("the points add up to %.1f, capped at %d/100", sum, a.Score)
	}
	return fmt.Sprintf("the points add up to %.1f, the score %d/100", sum, a.Score)
}

// writeWrapped writes text wrapped to width, the first line after first and
// the others after rest.
func writeWrapped(b *strings.Builder, text, first, rest string, width int) {
	for i, line := range wrap(text, width-lipgloss.Width(first)) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(line + "\n")
	}
}
