package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/demo"
)

// TestRemediationGolden draws the remediation screens on planted clients of
// the demo portfolio at 100×30 and compares them with
// testdata/TestRemediationGolden/<screen>.golden: the walkthrough opened on
// the resource drain (pre-filled from its flags) and on its second step,
// and the tracking and review of the late payer whose review is due.
func TestRemediationGolden(t *testing.T) {
	tests := []struct {
		name, client string
		steps        func(t *testing.T, tm *teatest.TestModel)
	}{
		{"walkthrough", demo.NameResourceDrain, func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Step 1 of 5 · Prepare")
		}},
		{"walkthrough-notes", demo.NameResourceDrain, func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "Step 1 of 5 · Prepare")
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
			waitFor(t, tm, "Step 2 of 5 · Meeting notes")
		}},
		{"tracking", demo.NameLatePayment, func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "review due", "Actions · ")
		}},
		{"review", demo.NameLatePayment, func(t *testing.T, tm *teatest.TestModel) {
			waitFor(t, tm, "review due")
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitFor(t, tm, "Record the review")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := privateDemo(t)
			tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(goldenWidth, goldenHeight))
			waitFor(t, tm, "60 clients")
			openPlanted(t, tm, tt.client)
			tm.Send(keyMsg("r"))
			tt.steps(t, tm)
			requireGolden(t, tm)
		})
	}
}
