package tui

import (
	"slices"
	"strings"
	"testing"
)

func TestHistogramBins(t *testing.T) {
	// Ten values over 0–1 in five bins of 0.2: counted by hand.
	values := []float64{0.05, 0.1, 0.15, 0.25, 0.45, 0.5, 0.55, 0.6, 0.95, 1.0}
	h := newHistogram(values, 5, 0.2, 0.6, true)
	if want := []int{3, 1, 3, 1, 2}; !slices.Equal(h.counts, want) {
		t.Errorf("counts %v, want %v", h.counts, want)
	}
	if h.maxCount != 3 || h.clipped {
		t.Errorf("max %d clipped %v", h.maxCount, h.clipped)
	}
	// Bin middles 0.1, 0.3, 0.5, 0.7, 0.9: only 0.3 and 0.5 lie in 0.2–0.6.
	for i, want := range []bool{false, true, true, false, false} {
		if h.inBand(i) != want {
			t.Errorf("bin %d in band: %v, want %v", i, h.inBand(i), want)
		}
	}
}

func TestHistogramClipsAnEnormousClient(t *testing.T) {
	// One client at 40 would squash everyone else into the first bin; the
	// axis stops at twice the band's top and the last bin takes it.
	h := newHistogram([]float64{0.2, 0.4, 0.6, 0.8, 40}, 4, 0.1, 1, true)
	if !h.clipped || h.hi != 2 {
		t.Fatalf("axis 0–%g clipped %v, want 0–2 clipped", h.hi, h.clipped)
	}
	// Bins of 0.5: 0.2 and 0.4, then 0.6 and 0.8, then the overflow.
	if want := []int{2, 2, 0, 1}; !slices.Equal(h.counts, want) {
		t.Errorf("counts %v, want %v", h.counts, want)
	}
	out := h.render(DefaultTheme(), 4, 10, "h")
	if !strings.Contains(out, "≥ 2.00 h") || !strings.Contains(out, "normal 0.10–1.00") {
		t.Errorf("axis or band not labelled:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 4+3 {
		t.Errorf("%d lines, want 4 rows of bars, the axis, the band and the labels:\n%s", len(lines), out)
	}
}

func TestHistogramEmpty(t *testing.T) {
	h := newHistogram(nil, 5, 0, 0, false)
	if h.maxCount != 0 || len(h.counts) != 5 {
		t.Fatalf("%+v", h)
	}
	if out := h.render(DefaultTheme(), 3, 2, "h"); strings.Contains(out, "█") {
		t.Errorf("bars drawn for no values:\n%s", out)
	}
}
