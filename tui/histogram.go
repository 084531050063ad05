package tui

import (
	"fmt"
	"math"
	"strings"
)

// histogram is a vertical bar chart of how many values fall in each of a
// row of equal bins, with a band (the normal range) drawn under the axis.
type histogram struct {
	lo, hi   float64 // the axis; values above hi count in the last bin
	counts   []int
	clipped  bool // some values lay beyond hi
	bandLo   float64
	bandHi   float64
	hasBand  bool
	maxCount int
}

// newHistogram bins values into bins bins from zero (or the smallest value
// when it is negative) up. So that one enormous client does not squash the
// rest into a single bar, the axis stops at twice the band's upper edge
// when values run beyond it, and the last bin collects the overflow.
func newHistogram(values []float64, bins int, bandLo, bandHi float64, hasBand bool) histogram {
	h := histogram{counts: make([]int, max(bins, 1)), bandLo: bandLo, bandHi: bandHi, hasBand: hasBand}
	if len(values) == 0 {
		h.hi = 1
		return h
	}
	h.lo, h.hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		h.lo, h.hi = min(h.lo, v), max(h.hi, v)
	}
	h.lo = min(h.lo, 0)
	if hasBand && bandHi > h.lo && h.hi > 2*bandHi {
		h.hi, h.clipped = 2*bandHi, true
	}
	if h.hi <= h.lo {
		h.hi = h.lo + 1
	}
	for _, v := range values {
		h.counts[h.bin(v)]++
	}
	for _, c := range h.counts {
		h.maxCount = max(h.maxCount, c)
	}
	return h
}

// bin is the index of the bin v falls in.
func (h histogram) bin(v float64) int {
	i := int((v - h.lo) / (h.hi - h.lo) * float64(len(h.counts)))
	return max(0, min(i, len(h.counts)-1))
}

// edge is the lower edge of bin i.
func (h histogram) edge(i int) float64 {
	return h.lo + (h.hi-h.lo)*float64(i)/float64(len(h.counts))
}

// inBand reports whether bin i lies within the band (by its middle).
func (h histogram) inBand(i int) bool {
	mid := (h.edge(i) + h.edge(i+1)) / 2
	return h.hasBand && mid >= h.bandLo && mid <= h.bandHi
}

// column is the cell where value v sits on an axis of cells cells.
func (h histogram) column(v float64, cells int) int {
	return max(0, min(cells-1, int(math.Round((v-h.lo)/(h.hi-h.lo)*float64(cells)))))
}

// render draws the chart in rows lines of bars, each bin barWidth cells
// wide, then the axis, the band and the axis labels. Bars inside the band
// take th.Band, outside th.Outlier; the band's brackets carry the meaning
// without colour.
func (h histogram) render(th Theme, rows, barWidth int, unit string) string {
	cells := len(h.counts) * barWidth
	yw := len(fmt.Sprint(h.maxCount))
	var b strings.Builder
	for r := rows; r >= 1; r-- {
		label := ""
		if r == rows {
			label = fmt.Sprint(h.maxCount)
		}
		b.WriteString(padLeft(label, yw) + th.Faint.Render("┤"))
		for i, c := range h.counts {
			eighths := 0
			if h.maxCount > 0 {
				eighths = int(math.Round(float64(c) / float64(h.maxCount) * float64(rows*8)))
			}
			if c > 0 {
				eighths = max(eighths, 1)
			}
			cell := " "
			switch fill := eighths - (r-1)*8; {
			case fill >= 8:
				cell = "█"
			case fill > 0:
				cell = string(sparkBlocks[fill-1])
			}
			bar := strings.Repeat(cell, barWidth-1) + " "
			if h.inBand(i) {
				bar = th.Band.Render(bar)
			} else {
				bar = th.Outlier.Render(bar)
			}
			b.WriteString(bar)
		}
		b.WriteByte('\n')
	}
	b.WriteString(padLeft("0", yw) + th.Faint.Render("└"+strings.Repeat("─", cells)) + "\n")
	pad := strings.Repeat(" ", yw+1)
	if h.hasBand {
		from, to := h.column(max(h.bandLo, h.lo), cells), h.column(min(h.bandHi, h.hi), cells)
		band := []rune(strings.Repeat(" ", cells))
		for x := from; x <= to; x++ {
			band[x] = '─'
		}
		band[from], band[to] = '├', '┤'
		label := []rune(fmt.Sprintf(" normal %.2f–%.2f ", h.bandLo, h.bandHi))
		// The label sits inside the band when it fits, else beside it.
		switch n := len(label); {
		case to-from > n:
			copy(band[(from+to-n)/2:], label)
		case to+1+n <= cells:
			copy(band[to+1:], label)
		case from-n >= 0:
			copy(band[from-n:], label)
		}
		b.WriteString(pad + th.Band.Render(string(band)) + "\n")
	}
	left := fmt.Sprintf("%.2f", h.lo)
	right := fmt.Sprintf("%.2f %s", h.hi, unit)
	if h.clipped {
		right = "≥ " + right
	}
	b.WriteString(pad + th.Subtle.Render(left+strings.Repeat(" ", max(1, cells-len(left)-len([]rune(right))))+right))
	return b.String()
}
