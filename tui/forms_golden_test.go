package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/demo"
)

// The walkthrough reads a meeting's time in this machine's zone, as
// finishing it does, and echoes the zone; the tests pin the zone so that
// the goldens read the same on every machine.
func init() { time.Local = time.UTC }

// TestFormsGolden draws the workbench's forms and dialogs on the demo
// portfolio at 80×24 and 140×45 and compares them with
// testdata/TestFormsGolden/<screen>-<size>.golden: the settings (as they
// open, and with a refused labour cost beside its field), the override,
// the hand entry with a date read back, the sign-off dialog with an
// impossible date refused, the walkthrough and the plan review (as it
// opens, and with Christmas Day typed and moved to a working day). Run with
// -update after a deliberate change of layout.
func TestFormsGolden(t *testing.T) {
	tab := tea.KeyMsg{Type: tea.KeyTab}
	tests := []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel)
	}{
		{"settings", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(keyMsg(","))
			waitFor(t, tm, "Our company", "Bluepeak Managed IT")
		}},
		{"settings-refused", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(keyMsg(","))
			waitFor(t, tm, "Our company")
			for range 6 {
				tm.Send(tab)
			}
			waitFor(t, tm, "› Labour cost per hour")
			tm.Type("65,5O")
			waitFor(t, tm, "is not an amount")
		}},
		{"override", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(keyMsg("o"))
			waitFor(t, tm, "Override the recommendation")
			tm.Send(keyMsg("enter"))
			waitFor(t, tm, "a reason is required")
		}},
		{"log-entry", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(keyMsg("n"))
			waitFor(t, tm, "Log an entry for")
			tm.Send(tab)
			tm.Type("yesterday 16:30")
			waitFor(t, tm, "Sunday 22 November 2026, 16:30")
		}},
		{"sign-off", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameAbuse)
			tm.Send(keyMsg("c"))
			waitFor(t, tm, "steps signed off")
			tm.Send(keyMsg("j")) // the first open step
			tm.Send(keyMsg("space"))
			waitFor(t, tm, "Signed off by")
			tm.Send(tab)
			tm.Type("2026-13-45")
			tm.Send(tab)
			tm.Type("Sent by courier")
			tm.Send(keyMsg("enter"))
			waitFor(t, tm, "there is no month 13")
		}},
		{"walkthrough", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(keyMsg("r"))
			waitFor(t, tm, "Step 1 of 5 · Prepare")
			tm.Type("next tue 10:00")
			waitFor(t, tm, "Tuesday 24 November 2026, 10:00")
		}},
		{"review", openReview},
		{"review-moved", func(t *testing.T, tm *teatest.TestModel) {
			openReview(t, tm)
			tm.Send(tab)
			tm.Type("2026-12-25")
			tm.Send(tab)
			waitFor(t, tm, "(Christmas")
		}},
	}
	for _, size := range [][2]int{{80, 24}, {140, 45}} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				c := privateDemo(t)
				tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "60 clients")
				tt.steps(t, tm)
				golden.RequireEqual(t, []byte(finalView(t, tm)))
			})
		}
	}
}

// openReview opens the review of the demo's plan whose review is due.
func openReview(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	openPlanted(t, tm, demo.NameLatePayment)
	tm.Send(keyMsg("r"))
	waitFor(t, tm, "review due")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "Record the review")
}
