package main

import (
	"strings"
	"testing"
	"time"

	"offboard/demo"
)

// TestPortfolioEndToEnd drives the portfolio screen in a real terminal at
// the smallest supported size (80×24): open it, switch the metric, walk to
// the last bar, where the planted resource drain stands alone above the
// normal range, list its clients and open the client.
func TestPortfolioEndToEnd(t *testing.T) {
	s := startDemo(t, 80, 24)
	s.WaitFor("60 clients", "sorted by score")

	s.Send("p")
	hours := s.WaitFor("Hours per seat per month", "1 of 5", "normal", "m show tickets")
	if !strings.Contains(hours, "Above the normal range (1)") || !strings.Contains(hours, demo.NameResourceDrain) {
		t.Errorf("the drain is not named above the normal range:\n%s", hours)
	}

	s.Send("m")
	tickets := s.WaitFor("Tickets per seat per month", "2 of 5", "m show days late")
	if !strings.Contains(tickets, "tickets/seat/month") {
		t.Errorf("the axis is not in tickets:\n%s", tickets)
	}

	// Right, one press at a time, until the selected bar is the drain's:
	// one client, outside the normal range.
	var bar string
	for range 30 {
		s.Send("Right")
		time.Sleep(50 * time.Millisecond)
		bar = lineWith(s.Capture(), "▲ ")
		if strings.Contains(bar, ": 1 client, outside the normal range") {
			break
		}
	}
	if !strings.Contains(bar, ": 1 client, outside") {
		t.Fatalf("never reached the drain's bar; last: %q\n%s", bar, s.Capture())
	}

	s.Send("Enter")
	list := s.WaitFor("furthest from the centre first", "Portfolio ›")
	if row := lineWith(list, "▸"); !strings.Contains(row, demo.NameResourceDrain) || !strings.Contains(row, "Remediate") {
		t.Errorf("the bar's list does not hold the drain: %q\n%s", row, list)
	}

	s.Send("Enter")
	client := s.WaitFor("[Verdict & flags]", "Resource drain")
	if !strings.Contains(lineWith(client, "offboard"), "Portfolio ›") {
		t.Errorf("the breadcrumb does not show the way in:\n%s", client)
	}

	// Back to the bar's list and the portfolio, still on tickets.
	s.Send("Escape")
	s.WaitFor("furthest from the centre first")
	s.Send("Escape")
	s.WaitFor("Tickets per seat per month")

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}
