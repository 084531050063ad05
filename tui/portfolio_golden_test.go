package tui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestPortfolioGolden draws the portfolio screen on the demo portfolio with
// each metric at 80×24 and 140×45, and one bar opened to its clients, and
// compares them with testdata/TestPortfolioGolden/<screen>-<size>.golden;
// run with -update after a deliberate change of layout.
func TestPortfolioGolden(t *testing.T) {
	metric := keyMsg("m")
	tests := []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel)
	}{
		{"hours", func(*testing.T, *teatest.TestModel) {}},
		{"tickets", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(metric)
			waitFor(t, tm, "Tickets per seat per month")
		}},
		{"days-late", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(metric)
			tm.Send(metric)
			waitFor(t, tm, "Average days late")
		}},
		{"margin", func(t *testing.T, tm *teatest.TestModel) {
			for range 3 {
				tm.Send(metric)
			}
			waitFor(t, tm, "Gross margin")
		}},
		{"rate", func(t *testing.T, tm *teatest.TestModel) {
			for range 4 {
				tm.Send(metric)
			}
			waitFor(t, tm, "Effective hourly rate")
		}},
		// The last bar of hours per seat: the planted resource drain.
		{"drilldown", func(t *testing.T, tm *teatest.TestModel) {
			for range 20 {
				tm.Send(tea.KeyMsg{Type: tea.KeyRight})
			}
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, "furthest from the centre first")
		}},
	}
	for _, size := range [][2]int{{80, 24}, {140, 45}} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				c := demoCommon(t)
				tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "60 clients")
				tm.Send(keyMsg("p"))
				waitFor(t, tm, "1 of 5")
				tt.steps(t, tm)
				requireGolden(t, tm)
			})
		}
	}
}
