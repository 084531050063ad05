package main

import (
	"regexp"
	"strings"
	"testing"

	"offboard/demo"
)

// TestWhatIfEndToEnd drives the what-if in a real terminal at the smallest
// window (80×24): a client's four options, the two that did not fit
// scrolled into view, back to the list, two clients marked and the
// portfolio after letting both go.
func TestWhatIfEndToEnd(t *testing.T) {
	s := startDemo(t, 80, 24)
	s.WaitFor("60 clients", "sorted by score")

	// Each step waits for the screen to show the last key was taken: keys
	// that arrive together reach the program as one message.
	s.Send("/")
	s.WaitFor("/ client name")
	s.Type("cobalt")
	s.WaitFor("/ cobalt")
	s.Send("Enter")
	s.WaitFor("showing 1 of 60")
	s.Send("Enter")
	s.WaitFor("[Verdict & flags]")

	s.Send("w")
	top := s.WaitFor(demo.NameResourceDrain, "Keep as is", "Re-price to target", "Monthly fee (MRR)", "per technician (8)")
	if !regexp.MustCompile(`increase\s+\+[\d,]+\.\d\d \(\+\d+\.\d%\)`).MatchString(top) {
		t.Errorf("re-pricing does not show its increase in money and percent:\n%s", top)
	}
	s.Send("G")
	end := s.WaitFor("left out: user support", "Let go", "technician hours a month freed", "not known")
	if !regexp.MustCompile(`Portfolio margin .*\(\+\d+\.\d pts\)`).MatchString(lineWith(end, "Portfolio margin")) {
		t.Errorf("letting an unprofitable client go does not raise the portfolio's margin:\n%s", end)
	}

	// Back to the client, then the list; two escapes in a row would reach
	// the program as one alt+escape.
	s.Send("Escape")
	s.WaitFor("[Verdict & flags]")
	s.Send("Escape")
	s.WaitFor("showing 1 of 60")
	s.Send("Escape")
	s.WaitGone("showing 1 of 60")

	// The cursor is still on the client just weighed; mark it and the next.
	s.Send("Space")
	s.WaitFor("1 marked", "▸✓")
	s.Send("j")
	s.WaitGone("▸✓")
	s.Send("Space")
	list := s.WaitFor("2 marked")
	if n := strings.Count(list, "✓"); n != 2 {
		t.Errorf("%d marks on the list, want 2:\n%s", n, list)
	}
	s.Send("w")
	together := s.WaitFor("Letting 2 clients go at once", "All 2 together", "The portfolio after", "technician hours a month freed")
	if !regexp.MustCompile(`All 2 together\s+−\d+\.\d%`).MatchString(together) {
		t.Errorf("letting both go does not lower the MRR:\n%s", together)
	}

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}
