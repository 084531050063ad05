package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
	"offboard/textsafe"
)

// listCol is a column of the client list. The order of the constants is
// the columns' priority: when the window is too narrow for all of them at
// their smallest, the last ones give way first.
type listCol int

const (
	colName listCol = iota
	colVerdict
	colScore
	colStatus
	colMRR
	colMargin
	colFlags
	colRate
	numListCols
)

// listColTitles are the columns' headings.
var listColTitles = [numListCols]string{"Client", "Verdict", "Score", "Status", "MRR", "Margin", "Top flags", "Rate/h"}

// listColOrder is the order the shown columns are drawn in, left to right.
var listColOrder = []listCol{colName, colVerdict, colScore, colMRR, colMargin, colRate, colFlags, colStatus}

// rightAligned is true of the columns of figures.
func (c listCol) rightAligned() bool {
	return c == colScore || c == colMRR || c == colMargin || c == colRate
}

// Width bounds of the text columns. A name or a flag cut to its column is
// ended with an ellipsis, and the selected row is given in full below the
// list, so these minimums only keep a cell recognisable.
const (
	markWidth     = 2
	minNameWidth  = 15
	maxNameWidth  = 40
	maxFlagWidth  = 15
	maxFlagsWidth = 44
)

// listNeeds are the widths the list's cells ask for: the widest cell of
// each column, and of the shorter forms the flags and status cells fall
// back to in a narrow column.
type listNeeds struct {
	cell [numListCols]int
	// flag and flagAlone are the widest top flag with and without the count
	// of the others; statusShort and statusGlyph the widest status with its
	// reminder in a word and as a mark.
	flag, flagAlone, statusShort, statusGlyph int
}

// measure returns what the rows at indexes ask of each column; no column
// is narrower than its heading.
func measure(rows []listRow, indexes []int) listNeeds {
	var n listNeeds
	for c := range numListCols {
		n.cell[c] = lipgloss.Width(listColTitles[c])
	}
	n.cell[colVerdict] = badgeWidth
	n.flag, n.flagAlone = n.cell[colFlags], n.cell[colFlags]
	n.statusShort, n.statusGlyph = n.cell[colStatus], n.cell[colStatus]
	for _, i := range indexes {
		r := &rows[i]
		cells := [numListCols]string{colName: textsafe.Line(r.a.Client.Name), colScore: r.score, colMRR: r.mrr,
			colMargin: r.margin, colRate: r.rate, colFlags: r.flags, colStatus: r.statusText}
		for c, s := range cells {
			n.cell[c] = max(n.cell[c], lipgloss.Width(s))
		}
		n.flag = max(n.flag, lipgloss.Width(r.flag))
		n.flagAlone = max(n.flagAlone, lipgloss.Width(r.flagAlone))
		n.statusShort = max(n.statusShort, lipgloss.Width(r.statusShort))
		n.statusGlyph = max(n.statusGlyph, lipgloss.Width(r.statusGlyph))
	}
	return n
}

// minWidth is the narrowest a column may be drawn: figures, the verdict and
// the status with its reminder mark are never cut; names and flags may be.
func (n listNeeds) minWidth(c listCol) int {
	switch c {
	case colName:
		return min(n.cell[c], minNameWidth)
	case colFlags:
		return min(n.flagAlone, maxFlagWidth)
	case colStatus:
		return n.statusGlyph
	}
	return n.cell[c]
}

// columns is the client list's layout for one window width: the width of
// each column shown, zero for a column given up for room.
type columns struct {
	width [numListCols]int
	// marks widens the mark column by one for the clients marked for a
	// what-if, while any is.
	marks bool
}

// shown reports whether column c is drawn.
func (c columns) shown(col listCol) bool { return c.width[col] > 0 }

// listColumns fits the columns to width cells. Every column starts at its
// smallest; while they do not fit, the column of lowest priority gives way,
// except the one the list is sorted by (an order by a column not shown is a
// puzzle), and any given up that then fits comes back. The room left widens the status to show its reminder in words,
// the flags to count the others, the status to its whole reminder, the
// names, then the flags to name two, each up to what its cells ask.
func listColumns(width int, n listNeeds, order sortKey) columns {
	var c columns
	keep := map[sortKey]listCol{byMRR: colMRR, byMargin: colMargin, byScore: colScore, byName: colName}[order]
	for col := range numListCols {
		c.width[col] = n.minWidth(col)
	}
	for col := numListCols - 1; col > colVerdict && c.used() > width; col-- {
		if col != keep {
			c.width[col] = 0
		}
	}
	// A wide column given up may leave room for a narrower one of lower
	// priority given up before it: that one comes back.
	for col := colScore; col < numListCols; col++ {
		if !c.shown(col) && c.used()+n.minWidth(col)+1 <= width {
			c.width[col] = n.minWidth(col)
		}
	}
	// A status or flags cell only reads better once its next form fits
	// whole, so those columns widen to a form or not at all.
	step := func(col listCol, to int) {
		if c.shown(col) && to > c.width[col] && to-c.width[col] <= width-c.used() {
			c.width[col] = to
		}
	}
	step(colStatus, n.statusShort)
	step(colFlags, n.flag)
	step(colStatus, n.cell[colStatus])
	if c.shown(colName) {
		c.width[colName] = max(c.width[colName], min(n.cell[colName], maxNameWidth, c.width[colName]+width-c.used()))
	}
	step(colFlags, min(n.cell[colFlags], maxFlagsWidth))
	return c
}

// used is the width the columns take, with the mark and one space between
// columns.
func (c columns) used() int {
	total := markWidth
	if c.marks {
		total++
	}
	n := 0
	for _, w := range c.width {
		if w > 0 {
			total += w
			n++
		}
	}
	return total + max(n-1, 0)
}

// withMarks makes room for the marks of the clients marked for a what-if,
// taking the cell from the name.
func (c columns) withMarks() columns {
	c.marks = true
	c.width[colName]--
	return c
}

// cells lays one row's cells out in column order; cell holds each
// column's text, already chosen to fit.
func (c columns) cells(mark string, cell [numListCols]string) string {
	markCells := markWidth
	if c.marks {
		markCells++
	}
	var b strings.Builder
	b.WriteString(padRight(mark, markCells))
	first := true
	for _, col := range listColOrder {
		if !c.shown(col) {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		if col.rightAligned() {
			b.WriteString(padLeft(cell[col], c.width[col]))
		} else {
			b.WriteString(padRight(cell[col], c.width[col]))
		}
	}
	return b.String()
}

func (c columns) header() string {
	return c.cells("", listColTitles)
}

// row draws one client. The selected row carries a ▸ mark as well as the
// highlight, so it stays visible without colour (NO_COLOR); a client marked
// for a what-if carries a ✓ beside it. The flags and the status take the
// longest of their forms that fits the column.
func (c columns) row(th Theme, r *listRow, selected, marked bool) string {
	mark := ""
	if selected {
		mark = "▸"
	}
	if marked {
		mark = padRight(mark, 1) + "✓"
	}
	cell := [numListCols]string{
		colName:    textsafe.Line(r.a.Client.Name),
		colVerdict: padRight(badgeText(r.a), badgeWidth),
		colScore:   r.score,
		colMRR:     r.mrr,
		colMargin:  r.margin,
		colRate:    r.rate,
		colFlags:   fitting(c.width[colFlags], r.flags, r.flag, r.flagAlone),
		colStatus:  fitting(c.width[colStatus], r.statusText, r.statusShort, r.statusGlyph),
	}
	switch {
	case selected:
		return th.Selected.Render(c.cells(mark, cell))
	case r.status == scoring.StatusOffboarded:
		// Nothing is left to decide about a client already let go: its
		// row stays, for the record, but recedes.
		return th.Faint.Render(c.cells(mark, cell))
	}
	cell[colVerdict] = padRight(th.badge(r.a), badgeWidth)
	if r.marker != "" && c.shown(colStatus) {
		cell[colStatus] = th.Warning.Render(padRight(cell[colStatus], c.width[colStatus]))
	}
	return c.cells(mark, cell)
}

// fitting is the first of forms, longest first, that fits width cells; the
// last is cut with an ellipsis when none does.
func fitting(width int, forms ...string) string {
	for _, f := range forms {
		if lipgloss.Width(f) <= width {
			return f
		}
	}
	return forms[len(forms)-1]
}
