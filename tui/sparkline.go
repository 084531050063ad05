package tui

import (
	"math"
	"strings"
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
