package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/calendar"
	"offboard/demo"
	"offboard/internal/tmuxtest"
	"offboard/letters"
)

// TestRemediationEndToEnd builds offboard and walks a planted client of
// the demo portfolio (the resource drain, recommended for remediation with
// no plan yet) through the remediation walkthrough in a real terminal
// (tmux, 100×30): prepare the meeting, quit half way and come back to find
// every value kept, take notes, agree an action, record the outcome,
// preview the plan and export it, then check the exported file.
func TestRemediationEndToEnd(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data, work := t.TempDir(), t.TempDir()
	opts := tmuxtest.Options{Width: 100, Height: 30, Dir: work,
		Env: []string{"XDG_DATA_HOME=" + data, "HOME=" + data, "EDITOR=true"}}

	s := tmuxtest.Start(t, opts, bin, "--demo")
	openRemediation(s, "cobalt")
	// The note arrives as a message after the walkthrough's first frame, so
	// it is waited for, not expected on that frame.
	s.WaitFor("Step 1 of 5 · Prepare", "Agenda topic 1 of", "pre-filled from the red flags")
	s.Type("2026-11-30 10:00")
	s.WaitFor("2026-11-30 10:00")
	s.Send("Tab")
	s.Type("Cobalt Creek, front office")
	s.WaitFor("Cobalt Creek, front office")
	s.Send("C-n")
	s.WaitFor("Step 2 of 5 · Meeting notes")
	s.Type("The new clinic opened in March and nobody told us.")
	s.WaitFor("nobody told us.")
	// Quit half way, with the last keystrokes perhaps not saved yet: the
	// quit saves them.
	s.Send("C-c")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("offboard exited with %d", code)
	}

	s = tmuxtest.Start(t, opts, bin, "--demo")
	openRemediation(s, "cobalt")
	resumed := s.WaitFor("Resumed the walkthrough", "Step 2 of 5 · Meeting notes", "nobody told us.")
	if !strings.Contains(resumed, "✓ Prepare") {
		t.Errorf("the step bar forgot the first step:\n%s", resumed)
	}
	s.Send("C-p")
	s.WaitFor("2026-11-30 10:00", "Cobalt Creek, front office")
	s.Send("C-n")
	s.WaitFor("Step 2 of 5 · Meeting notes")

	// The agreed action: owner us, named person, due date, target.
	s.Send("C-n")
	s.WaitFor("Step 3 of 5 · Agreed actions", "Action 1 of 1")
	s.Send("Space")
	s.WaitFor("(•) us")
	s.Send("Tab")
	s.Type("Priya Shah")
	s.WaitFor("Priya Shah")
	s.Send("Tab")
	s.Type("Report support hours per seat each month")
	s.WaitFor("each month")
	s.Send("Tab")
	s.Type("2026-12-31")
	s.WaitFor("2026-12-31")
	s.Send("Tab")
	s.Type("Under 1.5 hours per seat per month by March")
	s.WaitFor("by March")

	// Terms skipped; the outcome: agreed, review date as pre-filled, 90
	// days on a Sunday moved to the Monday.
	s.Send("C-n")
	s.WaitFor("Step 4 of 5 · Terms")
	s.Send("C-n")
	s.WaitFor("Step 5 of 5 · Outcome", "2027-03-01", "moved from Sunday, 28 February 2027")
	s.Send("Space")
	s.WaitFor("(•) agreed")
	s.Send("Tab")
	s.WaitFor("› Review date")
	s.Send("Tab")
	s.WaitFor("› Note")
	s.Send("Tab")
	s.WaitFor("› [ Finish and record the plan ]")
	s.Send("Enter")
	tracking := s.WaitFor("Plan agreed · meeting 2026-11-30 · review on 2027-03-01", "Actions · 0 of 1 done")
	if !strings.Contains(tracking, "due 2026-12-31 · Report support hours per seat each month · Priya Shah (us)") {
		t.Errorf("the tracking screen lacks the action:\n%s", tracking)
	}

	// Preview the plan, then the agenda, and export the plan.
	// The plan opens on its status; the areas to work on follow below it.
	s.Send("C-o")
	s.WaitFor("Service improvement plan: "+demo.NameResourceDrain, "Status: Agreed, in progress")
	for range 12 {
		s.Send("j")
	}
	preview := s.WaitFor("Support time against the agreement")
	if strings.Contains(preview, "z = ") {
		t.Errorf("the plan for the client shows statistics jargon:\n%s", preview)
	}
	s.Send("g")
	s.Send("Tab")
	s.WaitFor("Meeting agenda: " + demo.NameResourceDrain)
	s.Send("Tab")
	s.WaitFor("Service improvement plan: " + demo.NameResourceDrain)
	s.Send("x")
	path := letters.DefaultExportPath(letters.KindRemediationPlan, demo.NameResourceDrain, time.Now())
	s.WaitFor("Export the written plan", "Export to  "+path)
	s.Send("Enter")
	s.WaitFor("Exported " + path)

	b, err := os.ReadFile(filepath.Join(work, path))
	if err != nil {
		t.Fatalf("the exported plan: %v", err)
	}
	plan := string(b)
	for _, want := range []string{
		"# Service improvement plan: " + demo.NameResourceDrain,
		"When we met on Monday, 30 November 2026",
		"### 1. Support time against the agreement",
		"| Priya Shah, ",
		"| Report support hours per seat each month | Thursday, 31 December 2026 | Under 1.5 hours per seat per month by March |",
		"**If the goals are met** by Monday, 1 March 2027",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("the exported plan lacks %q:\n%s", want, plan)
		}
	}

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}

// openRemediation filters the client list to the one client whose name
// contains filter, opens it, and presses r.
func openRemediation(s *tmuxtest.Session, filter string) {
	s.WaitFor("60 clients")
	s.Send("/")
	s.WaitFor("/ client name")
	s.Type(filter)
	s.WaitFor("/ " + filter)
	s.Send("Enter")
	s.WaitFor("showing 1 of 60")
	s.Send("Enter")
	s.WaitFor("[Verdict & flags]")
	s.Send("r")
}

// TestRemediationReviewEndToEnd reviews the demo's late payer, whose plan's
// review date has come, in the real binary: the figures before and since,
// then the plan extended with a note.
func TestRemediationReviewEndToEnd(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data := t.TempDir()
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: []string{"XDG_DATA_HOME=" + data, "HOME=" + data}},
		bin, "--demo")
	openRemediation(s, "kessler")
	tracking := s.WaitFor("Plan agreed", "review due", "Before the meeting", "Average days late")
	if !strings.Contains(tracking, "Actions · 1 of 4 done") {
		t.Errorf("the tracking screen does not count the actions done:\n%s", tracking)
	}
	s.Send("Enter")
	// Three of the four actions are open: the review suggests extending, and
	// says why.
	s.WaitFor("Record the review", "(•) extend", "1 of 4 actions done")
	// 30 days from the client's today (Kessler is in Chicago, whatever zone
	// this machine is in), on a working day of the demo's US calendar.
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(chicago)
	day := calendar.Calendar{Region: "US"}.NextWorkingDay(time.Date(now.Year(), now.Month(), now.Day()+30, 0, 0, 0, 0, time.UTC))
	review := day.Format(time.DateOnly)
	s.Send("Enter")
	s.WaitFor("› New review date", review)
	s.Send("Tab")
	s.Type("Autopay was set up late; one more month.")
	s.WaitFor("one more month.")
	s.Send("Tab")
	s.WaitFor("› [ Record the review ]")
	s.Send("Enter")
	s.WaitFor("Review extended to "+letters.FormatDate(day), "Plan extended", "review on "+review)
	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}
