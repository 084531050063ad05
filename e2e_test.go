package main

import (
	"regexp"
	"strings"
	"testing"

	"offboard/demo"
	"offboard/internal/tmuxtest"
)

// TestTriageEndToEnd builds offboard and drives it in a real terminal
// (tmux, 100×30) on the demo portfolio as a new user would: open a planted
// client, read its flags and normal ranges, go back, filter, open the help
// and quit.
func TestTriageEndToEnd(t *testing.T) {
	s := startDemo(t, 100, 30)

	// Names are cut to the column at this width, never to fewer than 14
	// letters and an ellipsis; their start is enough.
	drain := demo.NameResourceDrain[:14]
	list := s.WaitFor("60 clients", "sorted by score", "Verdict", drain)
	if !regexp.MustCompile(`\d+ Offboard · \d+ Remediate`).MatchString(list) {
		t.Errorf("the list does not count recommendations:\n%s", list)
	}

	// Open the planted resource drain through the filter.
	// Keys that arrive together reach the program as one message, so each
	// step waits for the screen to show the last one was taken.
	s.Send("/")
	s.WaitFor("/ client name")
	s.Type("cobalt")
	s.WaitFor("/ cobalt", drain)
	s.Send("Enter")
	s.WaitFor("name contains \"cobalt\"", "showing 1 of 60")
	s.Send("Enter")
	verdict := s.WaitFor("[Verdict & flags]", "Resource drain", "hours per seat per month")
	for _, want := range []string{demo.NameResourceDrain, "Remediate", "pts", "above the normal range"} {
		if !strings.Contains(verdict, want) {
			t.Errorf("the client screen lacks %q:\n%s", want, verdict)
		}
	}

	s.Send("Tab")
	lab := s.WaitFor("[Lab panel]", "Your normal range")
	hours := lineWith(lab, "Hours per seat per month")
	if !regexp.MustCompile(`\d\.\d\d\s+H\s+.*over \d+ clients`).MatchString(hours) {
		t.Errorf("the drain's hours are not flagged H against a normal range: %q\n%s", hours, lab)
	}

	// Back to the list, still filtered; esc again clears the filter.
	// Two escapes in a row would reach the program as one alt+escape.
	s.Send("Escape")
	s.WaitGone("[Lab panel]")
	s.WaitFor("showing 1 of 60")
	s.Send("Escape")
	s.WaitGone("showing 1 of 60")

	s.Send("/")
	s.WaitFor("/ client name")
	s.Type("kessler")
	filtered := s.WaitFor("/ kessler", demo.NameLatePayment[:20])
	if strings.Contains(filtered, drain) {
		t.Errorf("the filter still shows other clients:\n%s", filtered)
	}
	s.Send("Enter")
	s.WaitFor("showing 1 of 60")

	s.Send("?")
	help := s.WaitFor("page down", "portfolio", "quit")
	if !strings.Contains(help, "sort") || !strings.Contains(help, "filter") {
		t.Errorf("full help lacks the list's keys:\n%s", help)
	}

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}

// startDemo builds offboard and runs it on the demo portfolio in a
// terminal of the given size, with a home of its own.
func startDemo(t *testing.T, width, height int) *tmuxtest.Session {
	t.Helper()
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data := t.TempDir()
	return tmuxtest.Start(t, tmuxtest.Options{Width: width, Height: height, Env: []string{"XDG_DATA_HOME=" + data, "HOME=" + data}},
		bin, "--demo")
}

// lineWith returns the first line of screen containing s.
func lineWith(screen, s string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
