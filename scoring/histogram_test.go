package scoring

import (
	"math"
	"slices"
	"testing"
)

func named(values ...float64) []NamedValue {
	out := make([]NamedValue, len(values))
	for i, v := range values {
		out[i] = NamedValue{ID: int64(i + 1), Name: string(rune('A' + i)), Value: v}
	}
	return out
}

func binCounts(h Histogram) []int {
	out := make([]int, len(h.Bins))
	for i, b := range h.Bins {
		out[i] = len(b.Clients)
	}
	return out
}

func TestHistogramBins(t *testing.T) {
	// Ten values over 0–1 in five bins of 0.2, counted by hand; 1.0, the
	// greatest, closes the last bin.
	band := Range{Low: 0.2, High: 0.6, N: 10, Spread: 0.1}
	h := NewHistogram(named(0.05, 0.1, 0.15, 0.25, 0.45, 0.5, 0.55, 0.6, 0.95, 1.0), 5, band)
	if want := []int{3, 1, 3, 1, 2}; !slices.Equal(binCounts(h), want) {
		t.Errorf("counts %v, want %v", binCounts(h), want)
	}
	if h.MaxCount() != 3 || h.ClippedHigh || h.ClippedLow {
		t.Errorf("max %d clipped %v %v", h.MaxCount(), h.ClippedLow, h.ClippedHigh)
	}
	if b := h.Bins[2]; math.Abs(b.Lo-0.4) > 1e-9 || math.Abs(b.Hi-0.6) > 1e-9 {
		t.Errorf("third bin %g–%g, want 0.4–0.6", b.Lo, b.Hi)
	}
	// The third bin holds 0.45, 0.5 and 0.55: clients E, F and G.
	var names []string
	for _, c := range h.Bins[2].Clients {
		names = append(names, c.Name)
	}
	if want := []string{"E", "F", "G"}; !slices.Equal(names, want) {
		t.Errorf("third bin holds %v, want %v", names, want)
	}
	// Bin middles 0.1, 0.3, 0.5, 0.7, 0.9: only 0.3 and 0.5 lie in 0.2–0.6.
	for i, want := range []bool{false, true, true, false, false} {
		if h.InBand(i) != want {
			t.Errorf("bin %d in band: %v, want %v", i, h.InBand(i), want)
		}
	}
}

// Values on an edge count in the bin above it: 0.6 in 0.6–0.9, though
// 0.6 / 0.3 is a hair under 2 in floating point.
func TestHistogramEdges(t *testing.T) {
	h := NewHistogram(named(0, 0.3, 0.6, 0.9, 1.2), 4, Range{})
	if want := []int{1, 1, 1, 2}; !slices.Equal(binCounts(h), want) {
		t.Errorf("counts %v, want %v", binCounts(h), want)
	}
}

func TestHistogramClipsAnEnormousClient(t *testing.T) {
	// One client at 40 would squash everyone else into the first bin: the
	// axis stops one band's width (0.9) above the band, at 1.9, and the
	// last bin takes it.
	h := NewHistogram(named(0.2, 0.4, 0.6, 0.8, 40), 4, Range{Low: 0.1, High: 1, N: 5, Spread: 0.2})
	if !h.ClippedHigh || h.Hi != 1.9 || h.Lo != 0 {
		t.Fatalf("axis %g–%g clipped %v, want 0–1.9 clipped", h.Lo, h.Hi, h.ClippedHigh)
	}
	// Bins of 0.475: 0.2 and 0.4, then 0.6 and 0.8, then the overflow.
	if want := []int{2, 2, 0, 1}; !slices.Equal(binCounts(h), want) {
		t.Errorf("counts %v, want %v", binCounts(h), want)
	}
}

func TestHistogramClipsBelow(t *testing.T) {
	// Margins: one client at −400% beside a band of −20%–60%. The axis
	// starts one band's width (0.8) below it, at −1.
	h := NewHistogram(named(-4, 0.1, 0.3, 0.5), 4, Range{Low: -0.2, High: 0.6, N: 4, Spread: 0.2})
	if !h.ClippedLow || h.Lo != -1 || h.Hi != 0.5 {
		t.Fatalf("axis %g–%g clipped below %v, want −1–0.5 clipped", h.Lo, h.Hi, h.ClippedLow)
	}
	if h.Bins[0].Clients[0].Value != -4 {
		t.Errorf("the first bin does not hold the overflow: %v", h.Bins[0].Clients)
	}
}

func TestHistogramEmptyAndNoRange(t *testing.T) {
	h := NewHistogram(nil, 5, Range{})
	if h.MaxCount() != 0 || len(h.Bins) != 5 || h.Hi <= h.Lo {
		t.Fatalf("%+v", h)
	}
	// Two clients are too few for a range: nothing is in it, nothing clipped.
	h = NewHistogram(named(1, 50), 5, Range{Low: 0, High: 2, N: 2})
	if h.ClippedHigh || h.InBand(0) || h.Hi != 50 {
		t.Errorf("judged without a range: %+v", h)
	}
}
