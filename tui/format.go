package tui

import (
	"fmt"
	"math"
	"offboard/money"
	"offboard/textsafe"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// moneyWhole formats minor units as whole currency units with thousands
// separators ("3,250"), for columns where cents are noise.
func moneyWhole(minor int64) string {
	rounded := int64(math.Round(float64(minor)/100)) * 100
	s := money.Grouped(rounded, "")
	return strings.TrimSuffix(s, ".00")
}

// pct formats a share of one as a whole percentage ("61%").
func pct(share float64) string { return fmt.Sprintf("%.0f%%", 100*share) }

// padRight pads or cuts s to exactly width cells, left aligned.
func padRight(s string, width int) string {
	s = truncate(s, width)
	return s + strings.Repeat(" ", max(0, width-lipgloss.Width(s)))
}

// padLeft pads or cuts s to exactly width cells, right aligned.
func padLeft(s string, width int) string {
	s = truncate(s, width)
	return strings.Repeat(" ", max(0, width-lipgloss.Width(s))) + s
}

// wrap breaks text into lines of at most width cells at spaces. The text
// is plain, often imported, so escapes and controls in it are shown as
// placeholders rather than sent to the terminal.
func wrap(text string, width int) []string {
	if width <= 0 {
		return nil
	}
	var lines []string
	var line strings.Builder
	for _, word := range strings.Fields(textsafe.Text(text)) {
		w := lipgloss.Width(word)
		switch {
		case line.Len() == 0:
		case lipgloss.Width(line.String())+1+w <= width:
			line.WriteByte(' ')
		default:
			lines = append(lines, line.String())
			line.Reset()
		}
		line.WriteString(truncate(word, width))
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// wrapItems lays items out in lines of at most width cells, joined by sep,
// never breaking an item across lines.
func wrapItems(items []string, sep string, width int) []string {
	var lines []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case lipgloss.Width(line)+lipgloss.Width(sep)+lipgloss.Width(it) <= width:
			line += sep + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// plural returns "1 client" or "3 clients".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// truncateWords cuts plain text s to width cells at the end of a word,
// marking the cut with an ellipsis; a first word too long for the width is
// cut inside, still with the ellipsis.
func truncateWords(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	cut := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cut != "" {
			next = cut + " " + word
		}
		if lipgloss.Width(next)+1 > width {
			break
		}
		cut = next
	}
	if cut == "" {
		return truncate(s, width)
	}
	return strings.TrimRight(cut, ",;:·-–") + "…"
}
