package tui

import (
	"testing"

	"offboard/scoring"
)

func TestTrendArrowFollowsTheValue(t *testing.T) {
	cases := []struct {
		trend scoring.Trend
		want  string
	}{
		{scoring.Trend{Direction: scoring.TrendWorsening, Previous: 10, Recent: 30}, "▲ worsening"},   // days late rising
		{scoring.Trend{Direction: scoring.TrendWorsening, Previous: 0.7, Recent: 0.4}, "▼ worsening"}, // margin falling
		{scoring.Trend{Direction: scoring.TrendImproving, Previous: 60, Recent: 95}, "▲ improving"},   // MFA rising
		{scoring.Trend{Direction: scoring.TrendImproving, Previous: 0.4, Recent: 0.1}, "▼ improving"}, // after-hours falling
		{scoring.Trend{Direction: scoring.TrendSteady, Previous: 1, Recent: 1}, "= steady"},
		{scoring.Trend{}, ""},
	}
	for _, c := range cases {
		if got := trendText(c.trend); got != c.want {
			t.Errorf("trendText(%+v) = %q, want %q", c.trend, got, c.want)
		}
	}
}
