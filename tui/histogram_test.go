package tui

import (
	"strings"
	"testing"

	"offboard/scoring"
)

func TestHistogramChart(t *testing.T) {
	// Five clients; the axis stops one band's width (0.9) above the band
	// 0.1–1.0, at 1.9, in four bins of 0.475: 0.2 and 0.4, then 0.6 and
	// 0.8, nothing, then 2.0 beyond the axis.
	values := []scoring.NamedValue{{ID: 1, Value: 0.2}, {ID: 2, Value: 0.4}, {ID: 3, Value: 0.6}, {ID: 4, Value: 0.8}, {ID: 5, Value: 2}}
	h := scoring.NewHistogram(values, 4, scoring.Range{Low: 0.1, High: 1, N: 5, Spread: 0.2})
	c := histogramChart{h: h, rows: 4, barWidth: 10, selected: 3, format: fixed(1), unit: "h"}
	out := c.render(DefaultTheme())
	lines := strings.Split(out, "\n")
	if len(lines) != 4+3 {
		t.Fatalf("%d lines, want 4 rows of bars, the axis, the band and the labels:\n%s", len(lines), out)
	}
	// The ▲ sits under the middle of the fourth bar: the count column (1)
	// and the axis corner (1), three bars of 10, then 4 cells in.
	axis := []rune(lines[4])
	if i := strings.IndexRune(lines[4], '▲'); i < 0 || axis[1+1+30+4] != '▲' {
		t.Errorf("the selected bar is not marked on the axis: %q", lines[4])
	}
	if !strings.Contains(lines[5], "normal 0.1–1.0") || !strings.HasSuffix(lines[6], "≥ 1.9 h") {
		t.Errorf("band or labels:\n%s", out)
	}
	// Clicks: cell 2 is the first bar, cell 41 the last; the axis column is none.
	for x, want := range map[int]int{2: 0, 11: 0, 12: 1, 41: 3} {
		if got, ok := c.barAt(x); !ok || got != want {
			t.Errorf("barAt(%d) = %d %v, want %d", x, got, ok, want)
		}
	}
	if _, ok := c.barAt(1); ok {
		t.Error("the axis is a bar")
	}
	if _, ok := c.barAt(42); ok {
		t.Error("past the last bar is a bar")
	}
}

func TestHistogramChartEmpty(t *testing.T) {
	c := histogramChart{h: scoring.NewHistogram(nil, 5, scoring.Range{}), rows: 3, barWidth: 2, selected: -1, format: fixed(2), unit: "h"}
	if out := c.render(DefaultTheme()); strings.Contains(out, "█") || strings.Contains(out, "▲") {
		t.Errorf("bars drawn for no values:\n%s", out)
	}
}
