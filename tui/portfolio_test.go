package tui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/scoring"
)

// loadedPortfolio is the portfolio screen on the fixture snapshot, sized w×h.
//
// The fixture's hours per seat per month are half of each client's load:
// twelve healthy clients from 0.40 to 0.62 in steps of 0.02, three at
// 0.50, Override Partners at 2.5 and Drain Works at 3.0. Seventeen clients
// make ten bins (two per square root, at least ten) over 0–3.0, each 0.3
// wide: 13 clients in 0.3–0.6, 2 in 0.6–0.9 (0.60 and 0.62), one in
// 2.4–2.7 and one in the last bin.
func loadedPortfolio(t *testing.T, w, h int) *PortfolioScreen {
	t.Helper()
	snap := fixtureSnapshot()
	m := NewPortfolioScreen(fixtureCommon(), snap)
	m.SetSize(w, h)
	return m
}

func barNames(b *scoring.Bin) []string {
	var out []string
	for _, c := range b.Clients {
		out = append(out, c.Name)
	}
	slices.Sort(out)
	return out
}

func TestPortfolioMetricSwitching(t *testing.T) {
	m := loadedPortfolio(t, 100, 30)
	if m.Metric() != scoring.MetricHoursPerSeat {
		t.Fatalf("opens on %s, want hours per seat", m.Metric())
	}
	want := []scoring.Metric{scoring.MetricTicketsPerSeat, scoring.MetricDaysLate, scoring.MetricMargin, scoring.MetricEffectiveRate, scoring.MetricHoursPerSeat}
	titles := []string{"Tickets per seat per month", "Average days late", "Gross margin", "Effective hourly rate", "Hours per seat per month"}
	nextInHelp := []string{"show days late", "show margin", "show rate", "show hours", "show tickets"}
	for i, w := range want {
		press(m, "m")
		if m.Metric() != w {
			t.Errorf("after %d presses: %s, want %s", i+1, m.Metric(), w)
		}
		if view := m.View(); !strings.HasPrefix(view, titles[i]) {
			t.Errorf("after %d presses the heading is not %q:\n%s", i+1, titles[i], view)
		}
		if h := m.ShortHelp()[0].Help(); h.Key != "m" || h.Desc != nextInHelp[i] {
			t.Errorf("after %d presses the help says %q %q, want m %q", i+1, h.Key, h.Desc, nextInHelp[i])
		}
	}
}

func TestPortfolioBarSelection(t *testing.T) {
	m := loadedPortfolio(t, 100, 30)
	// It opens on the fullest bar: 0.3–0.6, the twelve healthy clients
	// below 0.6, less Healthy K and L, plus three at 0.50.
	if b := m.SelectedBar(); b == nil || len(b.Clients) != 13 || m.bar != 1 {
		t.Fatalf("selected bar %d with %v", m.bar, m.SelectedBar())
	}
	steps := []struct {
		key   string
		bar   int
		names []string
	}{
		{"right", 2, []string{"Healthy K Ltd", "Healthy L Ltd"}},
		// Empty bars are passed over.
		{"l", 8, []string{"Override Partners"}},
		{"right", 9, []string{"Drain Works"}},
		{"right", 9, []string{"Drain Works"}}, // the last bar stays
		{"h", 8, []string{"Override Partners"}},
		{"left", 2, []string{"Healthy K Ltd", "Healthy L Ltd"}},
	}
	for _, s := range steps {
		press(m, s.key)
		if m.bar != s.bar || !slices.Equal(barNames(m.SelectedBar()), s.names) {
			t.Errorf("after %s: bar %d with %v, want %d with %v", s.key, m.bar, barNames(m.SelectedBar()), s.bar, s.names)
		}
	}
	if !strings.Contains(m.View(), "▲ 0.60–0.90 h/seat/month: 2 clients, in the normal range") {
		t.Errorf("the selected bar is not described:\n%s", m.View())
	}
	// Switching the metric starts again on the new histogram's fullest bar.
	press(m, "m")
	if b := m.SelectedBar(); b == nil || len(b.Clients) != fullestCount(m) {
		t.Errorf("after switching, bar %d", m.bar)
	}
}

func fullestCount(m *PortfolioScreen) int { return m.chart.h.MaxCount() }

func TestPortfolioDrillDown(t *testing.T) {
	m := loadedPortfolio(t, 100, 30)
	press(m, "l", "l", "l") // the last bar: Drain Works alone
	msg := press(m, "enter")()
	push, ok := msg.(PushMsg)
	if !ok {
		t.Fatalf("enter gave %T, want a pushed screen", msg)
	}
	bar, ok := push.Screen.(*BarClients)
	if !ok {
		t.Fatalf("enter opened %T", push.Screen)
	}
	bar.SetSize(100, 26)
	// The last of ten bins of 0.3 up to 3.0.
	if bar.Title() != "2.70–3.00 h/seat/month" {
		t.Errorf("title %q", bar.Title())
	}
	if a := bar.Selected(); a == nil || a.Client.Name != "Drain Works" {
		t.Fatalf("selected %v", a)
	}
	if view := bar.View(); !strings.Contains(view, "Drain Works") || !strings.Contains(view, "3.00") || !strings.Contains(view, "outside the normal range") {
		t.Errorf("the bar's list:\n%s", view)
	}
	msg = press(bar, "enter")()
	client, ok := msg.(PushMsg).Screen.(*ClientScreen)
	if !ok || client.id != 13 {
		t.Fatalf("enter on Drain Works opened %#v", msg)
	}
}

func TestBarClientsOrderAndKeys(t *testing.T) {
	m := loadedPortfolio(t, 100, 30)
	bar := press(m, "enter")().(PushMsg).Screen.(*BarClients)
	bar.SetSize(100, 26)
	// Furthest from the centre (the mean, 0.77) first: 0.40 is furthest,
	// then 0.42; the three at 0.50 come after 0.48 and 0.46.
	if got := bar.rows[0].Client.Name; got != "Healthy A Ltd" {
		t.Errorf("first %q, want Healthy A Ltd (0.40)", got)
	}
	press(bar, "j", "j")
	if got := bar.Selected().Client.Name; got != "Healthy C Ltd" {
		t.Errorf("two down: %q, want Healthy C Ltd (0.44)", got)
	}
	press(bar, "G")
	if bar.cursor != len(bar.rows)-1 {
		t.Errorf("G left the cursor on %d of %d", bar.cursor, len(bar.rows))
	}
	press(bar, "g")
	if bar.cursor != 0 {
		t.Errorf("g left the cursor on %d", bar.cursor)
	}
	// A click on the third client selects it; a second click opens it.
	click := tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, Y: bar.headerLines() + 2}
	if _, cmd := bar.Update(click); cmd != nil || bar.cursor != 2 {
		t.Errorf("click: cursor %d, command %v", bar.cursor, cmd)
	}
	if _, cmd := bar.Update(click); cmd == nil {
		t.Error("a second click does not open the client")
	}
}

func TestPortfolioMouse(t *testing.T) {
	m := loadedPortfolio(t, 100, 30)
	c := m.chart
	// The ninth bar (Override Partners), on its lowest row.
	click := tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, X: c.left() + 8*c.barWidth, Y: m.chartTop + c.rows - 1}
	if _, cmd := m.Update(click); cmd != nil || m.bar != 8 {
		t.Fatalf("click selected bar %d", m.bar)
	}
	_, cmd := m.Update(click)
	if cmd == nil {
		t.Fatal("a click on the selected bar does not open it")
	}
	if bar, ok := cmd().(PushMsg).Screen.(*BarClients); !ok || bar.rows[0].Client.Name != "Override Partners" {
		t.Errorf("opened %v", bar)
	}
	// An empty bar cannot be selected.
	empty := click
	empty.X = c.left() + 4*c.barWidth
	m.Update(empty)
	if m.bar != 8 {
		t.Errorf("an empty bar was selected: %d", m.bar)
	}
}

// The revenue at risk adds each recommendation's MRR; with two currencies
// the heading says the sum mixes them, wrapped rather than cut.
func TestPortfolioRevenueAtRisk(t *testing.T) {
	m := loadedPortfolio(t, 80, 200)
	view := m.View()
	// Offboard: Zed Shady Corp alone (criminal incident), 3,000 of the
	// 17 clients' MRR: 12 healthy from 2,000 to 3,100 (30,600), Drain
	// Works 1,500, Slowpay 4,000, Zed 3,000, Override 2,500 and Notice
	// Given 2,100: 43,700 in all, Zed's share 7%.
	if !strings.Contains(view, "MRR by recommendation: 43,700 USD a month") {
		t.Errorf("total MRR:\n%s", view)
	}
	if !regexp.MustCompile(`Offboard +1 client +3,000 +7%`).MatchString(view) {
		t.Errorf("the Offboard row:\n%s", view)
	}
	snap := fixtureSnapshot()
	snap.Find(1).Client.Currency = "EUR"
	m.setSnapshot(snap)
	view = m.View()
	if !strings.Contains(view, "several currencies") || strings.Contains(view, "…") {
		t.Errorf("mixed currencies:\n%s", view)
	}
}

// An end bar that also holds the values beyond the axis says so.
func TestBarRange(t *testing.T) {
	pm := portfolioMetrics[0]
	band := scoring.Range{Low: 0, High: 1, N: 3, Spread: 0.5}
	// The axis stops one band's width above the band, at 2: four bars of
	// 0.5, the last holding 40.
	high := scoring.NewHistogram([]scoring.NamedValue{{Value: 0.2}, {Value: 0.9}, {Value: 40}}, 4, band)
	if got := pm.barRange(high, 3); got != "1.50 or more" {
		t.Errorf("last bar %q", got)
	}
	if got := pm.barRange(high, 0); got != "0.00–0.50" {
		t.Errorf("first bar %q", got)
	}
	// It starts one width below, at −1: three bars of 0.5 up to 0.5.
	low := scoring.NewHistogram([]scoring.NamedValue{{Value: -5}, {Value: 0.2}, {Value: 0.5}}, 3, band)
	if got := pm.barRange(low, 0); got != "under -0.50" {
		t.Errorf("first bar %q", got)
	}
}
