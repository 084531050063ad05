package main

import (
	"strings"
	"testing"
	"time"

	"offboard/demo"
)

// TestPortfolioEndToEnd drives the portfolio drill-down in a real terminal
// at the smallest supported size (80×24), as a person would: open the
// portfolio, switch the metric, walk to the last bar, where the planted
// resource drain stands alone above the normal range, list its clients,
// open the client and look at its lab panel, then come back the way in,
// finding each screen as it was left.
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
	if foot := s.Capture(); !strings.Contains(lastLine(foot), "enter its clients") {
		t.Errorf("the footer does not say how to open the bar:\n%s", foot)
	}

	s.Send("Enter")
	list := s.WaitFor("furthest from the centre first", "Portfolio ›")
	// At 80 columns the bar's list keeps every column and the whole name.
	head := lineWith(list, "Verdict")
	for _, col := range []string{"Client", "tickets", "Verdict", "Score", "MRR"} {
		if !strings.Contains(head, col) {
			t.Errorf("the bar's list has no %s column: %q", col, head)
		}
	}
	if row := lineWith(list, "▸"); !strings.Contains(row, demo.NameResourceDrain) || !strings.Contains(row, "Remediate") {
		t.Errorf("the bar's list does not hold the drain, whole: %q\n%s", row, list)
	}

	s.Send("Enter")
	client := s.WaitFor("[Verdict & flags]", "Resource drain")
	if !strings.Contains(lineWith(client, "offboard"), "Portfolio ›") {
		t.Errorf("the breadcrumb does not show the way in:\n%s", client)
	}
	// The footer keeps the what-if among the client's keys at 80 columns.
	if foot := lastLine(client); !strings.Contains(foot, "w what if") || !strings.Contains(foot, "esc back") {
		t.Errorf("the client's footer lacks the what-if or the way back: %q", foot)
	}

	s.Send("Tab")
	lab := s.WaitFor("[Lab panel]", "Tickets per seat per month")
	if row := lineWith(lab, "Tickets per seat per month"); !strings.Contains(row, " H ") {
		t.Errorf("the lab panel does not mark the drain's tickets high: %q", row)
	}

	// Back to the bar's list, still on the drain, then to the portfolio,
	// still on tickets and on the drain's bar, then to the client list.
	s.Send("Escape")
	back := s.WaitFor("furthest from the centre first")
	if row := lineWith(back, "▸"); !strings.Contains(row, demo.NameResourceDrain) {
		t.Errorf("back on the bar's list the selection moved: %q", row)
	}
	s.Send("Escape")
	portfolio := s.WaitFor("Tickets per seat per month", "2 of 5")
	if bar := lineWith(portfolio, "▲ "); !strings.Contains(bar, ": 1 client, outside") {
		t.Errorf("back on the portfolio the selected bar moved: %q", bar)
	}
	s.Send("Escape")
	s.WaitFor("60 clients", "sorted by score")

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Errorf("offboard exited with %d", code)
	}
}

// lastLine is the last line of screen that holds anything: the footer.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, " \n"), "\n")
	return lines[len(lines)-1]
}
