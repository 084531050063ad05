package scoring

import "math"

// Histogram is how a metric's values spread across the portfolio: equal
// bins along an axis, each holding its clients, with the normal range
// beside them so the bars outside it can be told apart (seed 002: the
// blood test's normal range).
type Histogram struct {
	// Lo and Hi are the axis. Values beyond it count in the first or last
	// bin, and ClippedLow or ClippedHigh says that some did.
	Lo, Hi                  float64
	ClippedLow, ClippedHigh bool
	Bins                    []Bin
	// Band is the normal range the bins are judged against.
	Band Range
}

// Bin is one bar of a histogram: the values from Lo up to Hi, the last
// bin's Hi included.
type Bin struct {
	Lo, Hi  float64
	Clients []NamedValue
}

// NewHistogram sorts values into n equal bins. The axis runs from zero (or
// the least value when it is negative) to the greatest value; so that one
// enormous client does not squash everyone else into a single bar, it stops
// one band's width beyond the normal range on either side when values run
// further, and the end bins collect the overflow.
func NewHistogram(values []NamedValue, n int, band Range) Histogram {
	h := Histogram{Bins: make([]Bin, max(n, 1)), Band: band, Hi: 1}
	if len(values) > 0 {
		h.Lo, h.Hi = math.Inf(1), math.Inf(-1)
		for _, v := range values {
			h.Lo, h.Hi = min(h.Lo, v.Value), max(h.Hi, v.Value)
		}
		h.Lo = min(h.Lo, 0)
	}
	if width := band.High - band.Low; band.OK() && width > 0 {
		if h.Hi > band.High+width {
			h.Hi, h.ClippedHigh = band.High+width, true
		}
		if h.Lo < band.Low-width {
			h.Lo, h.ClippedLow = band.Low-width, true
		}
	}
	if h.Hi <= h.Lo {
		h.Hi = h.Lo + 1
	}
	step := (h.Hi - h.Lo) / float64(len(h.Bins))
	for i := range h.Bins {
		h.Bins[i].Lo, h.Bins[i].Hi = h.Lo+step*float64(i), h.Lo+step*float64(i+1)
	}
	for _, v := range values {
		i := h.BinOf(v.Value)
		h.Bins[i].Clients = append(h.Bins[i].Clients, v)
	}
	return h
}

// BinOf is the index of the bin x counts in. A value on an edge counts in
// the bin above it, as written; the nudge keeps rounding (0.6 / 0.3 is
// 1.9999999999999998) from putting it below.
func (h Histogram) BinOf(x float64) int {
	i := int(math.Floor((x-h.Lo)/(h.Hi-h.Lo)*float64(len(h.Bins)) + 1e-9))
	return max(0, min(i, len(h.Bins)-1))
}

// MaxCount is the number of clients in the fullest bin.
func (h Histogram) MaxCount() int {
	n := 0
	for _, b := range h.Bins {
		n = max(n, len(b.Clients))
	}
	return n
}

// InBand reports whether bin i lies within the normal range, judged by its
// middle; no bin does when the portfolio is too small for a range.
func (h Histogram) InBand(i int) bool {
	mid := (h.Bins[i].Lo + h.Bins[i].Hi) / 2
	return h.Band.OK() && mid >= h.Band.Low && mid <= h.Band.High
}
