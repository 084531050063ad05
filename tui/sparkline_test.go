package tui

import (
	"math"
	"testing"
)

func TestSparkline(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		values []float64
		width  int
		want   string
	}{
		{"empty", nil, 10, ""},
		{"no room", []float64{1, 2}, 0, ""},
		// Floor 0, ceiling 7: each value is its own block index.
		{"one step per block", []float64{0, 1, 2, 3, 4, 5, 6, 7}, 8, "▁▂▃▄▅▆▇█"},
		{"steady positive is a solid bar", []float64{4, 4, 4}, 5, "███"},
		{"all zero sits on the floor", []float64{0, 0}, 5, "▁▁"},
		{"keeps the latest values", []float64{7, 0, 7}, 2, "▁█"},
		{"gap for unknown", []float64{0, nan, 14}, 3, "▁ █"},
		// Floor is the minimum when values go below zero: -2..2, 2 is index 7,
		// 0 is index 3.5 rounded to 4.
		{"negative values", []float64{-2, 0, 2}, 3, "▁▅█"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sparkline(tt.values, tt.width); got != tt.want {
				t.Errorf("sparkline(%v, %d) = %q, want %q", tt.values, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapItems(t *testing.T) {
	items := []string{"Acme 2.10", "Bolt & Sons 1.90", "Cobalt Creek 1.80"}
	got := wrapItems(items, " · ", 30)
	want := []string{"Acme 2.10 · Bolt & Sons 1.90", "Cobalt Creek 1.80"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("wrapItems = %q, want %q", got, want)
	}
	if got := wrapItems(nil, " · ", 30); got != nil {
		t.Errorf("no items gave %q", got)
	}
}
