package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
	"offboard/textsafe"
)

// columns are the client list's column widths for one window width. The
// name, flags and status columns share what the fixed ones leave; on narrow
// windows the effective rate, then the margin, give their room to them.
type columns struct {
	name, flags, status int
	margin, rate        bool
	// marks widens the mark column by one for the clients marked for a
	// what-if, while any is.
	marks bool
}

// Fixed column widths: the cursor mark, score, MRR, margin, rate.
const (
	markWidth      = 2
	scoreWidth     = 5
	mrrWidth       = 8
	marginWidth    = 6
	rateWidth      = 7
	rateFrom       = 110
	marginFrom     = 90
	minStatusWidth = len("remediation")
	minNameWidth   = 18
	maxNameWidth   = 40
	maxFlagsWidth  = 44
)

// listColumns fits the columns to width. need and needMarker are the widest
// status cell with its reminder and the widest reminder alone: the status
// column grows to show both where there is room, and never shrinks below
// the reminder, which matters more than the status it implies. The list
// sorted by margin always shows the margin it is sorted by.
func listColumns(width, need, needMarker int, order sortKey) columns {
	c := columns{margin: width >= marginFrom || order == byMargin, rate: width >= rateFrom}
	// One space between columns: mark+name, badge, score, MRR, (margin),
	// (rate), flags, status.
	fixed := markWidth + badgeWidth + scoreWidth + mrrWidth + 5
	if c.margin {
		fixed += marginWidth + 1
	}
	if c.rate {
		fixed += rateWidth + 1
	}
	flex := max(width-fixed, minNameWidth+minStatusWidth+10)
	c.status = min(need, max(needMarker, minStatusWidth, flex/3))
	c.name = max(minNameWidth, min(maxNameWidth, (flex-c.status)*3/5))
	c.flags = max(1, min(maxFlagsWidth, flex-c.status-c.name))
	return c
}

// withMarks makes room for the marks of the clients marked for a what-if,
// taking the cell from the name.
func (c columns) withMarks() columns {
	c.marks = true
	c.name--
	return c
}

// cells lays one row's cells out in column order.
func (c columns) cells(mark, name, badge, score, mrr, margin, rate, flags, status string) string {
	markCells := markWidth
	if c.marks {
		markCells++
	}
	parts := []string{
		padRight(mark, markCells) + padRight(textsafe.Line(name), c.name),
		badge,
		padLeft(score, scoreWidth),
		padLeft(mrr, mrrWidth),
	}
	if c.margin {
		parts = append(parts, padLeft(margin, marginWidth))
	}
	if c.rate {
		parts = append(parts, padLeft(rate, rateWidth))
	}
	parts = append(parts, padRight(flags, c.flags), padRight(status, c.status))
	return strings.Join(parts, " ")
}

func (c columns) header() string {
	return c.cells("", "Client", padRight("Verdict", badgeWidth), "Score", "MRR", "Margin", "Rate/h", "Top flags", "Status")
}

// row draws one client. The selected row carries a ▸ mark as well as the
// highlight, so it stays visible without colour (NO_COLOR); a client marked
// for a what-if carries a ✓ beside it.
func (c columns) row(th Theme, r *listRow, selected, marked bool) string {
	mark := ""
	if selected {
		mark = "▸"
	}
	if marked {
		mark = padRight(mark, 1) + "✓"
	}
	status := r.statusText
	if r.marker != "" && lipgloss.Width(status) > c.status {
		status = r.marker
	}
	flags := r.flags
	if lipgloss.Width(flags) > c.flags {
		flags = r.flag
	}
	if selected {
		line := c.cells(mark, r.a.Client.Name, padRight(badgeText(r.a), badgeWidth), r.score, r.mrr, r.margin, r.rate, flags, status)
		return th.Selected.Render(line)
	}
	if r.status == scoring.StatusOffboarded {
		// Nothing is left to decide about a client already let go: its
		// row stays, for the record, but recedes.
		return th.Faint.Render(c.cells(mark, r.a.Client.Name, padRight(badgeText(r.a), badgeWidth), r.score, r.mrr, r.margin, r.rate, flags, status))
	}
	if r.marker != "" {
		status = th.Warning.Render(padRight(status, c.status))
	}
	return c.cells(mark, r.a.Client.Name, padRight(th.badge(r.a), badgeWidth), r.score, r.mrr, r.margin, r.rate, flags, status)
}
