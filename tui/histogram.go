package tui

import (
	"fmt"
	"math"
	"strings"

	"offboard/scoring"
)

// histogramChart is a histogram laid out for drawing: the bars barWidth
// cells each, rows lines high, values worded by format, one bar selected.
type histogramChart struct {
	h        scoring.Histogram
	rows     int
	barWidth int
	selected int
	format   func(float64) string
	unit     string
}

// yAxisWidth is the width of the count labels left of the bars.
func (c histogramChart) yAxisWidth() int { return len(fmt.Sprint(c.h.MaxCount())) }

// left is the cell where the first bar starts, after the labels and the
// axis line.
func (c histogramChart) left() int { return c.yAxisWidth() + 1 }

// barAt is the bin under cell x of a bar row, if any.
func (c histogramChart) barAt(x int) (int, bool) {
	x -= c.left()
	if x < 0 || x >= len(c.h.Bins)*c.barWidth {
		return 0, false
	}
	return x / c.barWidth, true
}

// column is the cell where value v sits on an axis of cells cells.
func (c histogramChart) column(v float64, cells int) int {
	return max(0, min(cells-1, int(math.Round((v-c.h.Lo)/(c.h.Hi-c.h.Lo)*float64(cells)))))
}

// render draws the bars, the axis with a ▲ under the selected bar, the
// normal range as a bracket and the axis labels. Bars inside the range
// take th.Band, outside it th.Outlier, the selected one th.Selected; the
// bracket and the ▲ carry the meaning without colour.
func (c histogramChart) render(th Theme) string {
	h := c.h
	cells := len(h.Bins) * c.barWidth
	yw, most := c.yAxisWidth(), h.MaxCount()
	var b strings.Builder
	for r := c.rows; r >= 1; r-- {
		label := ""
		if r == c.rows {
			label = fmt.Sprint(most)
		}
		b.WriteString(padLeft(label, yw) + th.Faint.Render("┤"))
		for i, bin := range h.Bins {
			n := len(bin.Clients)
			eighths := 0
			if most > 0 {
				eighths = int(math.Round(float64(n) / float64(most) * float64(c.rows*8)))
			}
			if n > 0 {
				eighths = max(eighths, 1)
			}
			cell := " "
			switch fill := eighths - (r-1)*8; {
			case fill >= 8:
				cell = "█"
			case fill > 0:
				cell = string(sparkBlocks[fill-1])
			}
			bar := strings.Repeat(cell, c.barWidth-1)
			switch {
			case i == c.selected:
				bar = th.Selected.Render(bar)
			case h.InBand(i):
				bar = th.Band.Render(bar)
			default:
				bar = th.Outlier.Render(bar)
			}
			b.WriteString(bar + " ")
		}
		b.WriteByte('\n')
	}
	axis := []rune(strings.Repeat("─", cells))
	if c.selected >= 0 && c.selected < len(h.Bins) {
		axis[c.selected*c.barWidth+(c.barWidth-1)/2] = '▲'
	}
	b.WriteString(padLeft("0", yw) + th.Faint.Render("└"+string(axis)) + "\n")
	pad := strings.Repeat(" ", yw+1)
	if band := h.Band; band.OK() {
		from, to := c.column(max(band.Low, h.Lo), cells), c.column(min(band.High, h.Hi), cells)
		line := []rune(strings.Repeat(" ", cells))
		for x := from; x <= to; x++ {
			line[x] = '─'
		}
		line[from], line[to] = '├', '┤'
		label := []rune(" normal " + c.format(band.Low) + "–" + c.format(band.High) + " ")
		// The label sits inside the bracket when it fits, else beside it.
		switch n := len(label); {
		case to-from > n:
			copy(line[(from+to-n)/2:], label)
		case to+1+n <= cells:
			copy(line[to+1:], label)
		case from-n >= 0:
			copy(line[from-n:], label)
		}
		b.WriteString(pad + th.Band.Render(string(line)) + "\n")
	}
	left, right := c.format(h.Lo), c.format(h.Hi)+" "+c.unit
	if h.ClippedLow {
		left = "≤ " + left
	}
	if h.ClippedHigh {
		right = "≥ " + right
	}
	gap := max(1, cells-len([]rune(left))-len([]rune(right)))
	b.WriteString(pad + th.Subtle.Render(left+strings.Repeat(" ", gap)+right))
	return b.String()
}
