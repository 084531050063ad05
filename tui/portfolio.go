package tui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/scoring"
	"offboard/textsafe"
)

// PortfolioScreen is the picture of the whole portfolio: how hours per
// seat spread across clients against the normal range, who lies outside
// it, how concentrated the work is (seed 000: a few clients consume most
// of the resources), and how many clients each recommendation holds.
type PortfolioScreen struct {
	snapshotView
	snap *Snapshot
}

// NewPortfolioScreen shows snap.
func NewPortfolioScreen(c *Common, snap *Snapshot) *PortfolioScreen {
	return &PortfolioScreen{snapshotView: newSnapshotView(c), snap: snap}
}

// Init starts nothing: the snapshot came with the screen.
func (m *PortfolioScreen) Init() tea.Cmd { return nil }

// Title names the screen.
func (m *PortfolioScreen) Title() string { return "Portfolio" }

// SetSize sizes the viewport and lays the charts out again.
func (m *PortfolioScreen) SetSize(w, h int) {
	m.setSize(w, h)
	m.render()
}

// Update scrolls and reloads.
func (m *PortfolioScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	return m, m.update(msg, m.setSnapshot)
}

// histogramRows is the height of the bars; the chart takes three more
// lines for the axis, the band and the labels.
const histogramRows = 8

func (m *PortfolioScreen) setSnapshot(snap *Snapshot) {
	m.snap = snap
	m.render()
}

func (m *PortfolioScreen) render() {
	if m.snap == nil || m.width == 0 {
		return
	}
	th, p, w := m.c.Theme, &m.snap.Portfolio, m.width
	var b strings.Builder

	dist := p.Distribution(scoring.MetricHoursPerSeat)
	norm := p.Norms[scoring.MetricHoursPerSeat]
	b.WriteString(truncate(th.Heading.Render("Hours per seat per month")+
		th.Subtle.Render(fmt.Sprintf(" · %s judged %s · %s", plural(len(dist), "client"), p.Window.Phrase(), norm.Describe())), w) + "\n\n")
	values := make([]float64, len(dist))
	for i, d := range dist {
		values[i] = d.Value
	}
	// About two bins per square root of the clients (a classic rule of
	// thumb) reads well from sixty clients to thousands; each bin takes at
	// least two cells so the bars stand apart.
	room := w - 8
	bins := max(10, min(room/2, 2*int(math.Ceil(math.Sqrt(float64(len(values)))))))
	barWidth := max(2, room/bins)
	h := newHistogram(values, bins, norm.Low, norm.High, norm.OK())
	b.WriteString(h.render(th, histogramRows, barWidth, "h/seat/month") + "\n\n")
	writeOutliers(&b, th, dist, norm, w)

	b.WriteString("\n" + th.Heading.Render("Concentration") + "\n")
	c := p.Concentration
	writeWrapped(&b, fmt.Sprintf("The top %s of clients (%d of %d) use %s of all hours: %.0f of %.0f hours %s.",
		pct(c.TopShare), c.TopClients, c.Clients, pct(c.HoursShare), c.TopHours, c.TotalHours, p.Window.Phrase()), "  ", "  ", w)
	b.WriteString("  " + shareBar(th, c.HoursShare, min(50, w-10)) + "\n")

	b.WriteString("\n" + th.Heading.Render("Recommendations") + "\n")
	total := len(p.Assessments)
	for _, r := range recFilterOrder[1:] {
		n := p.Counts[r]
		share := 0.0
		if total > 0 {
			share = float64(n) / float64(total)
		}
		b.WriteString("  " + th.Badge[string(r)].Render(padRight(r.Title(), badgeWidth)) +
			padLeft(fmt.Sprint(n), 5) + padLeft(pct(share), 6) + "  " + shareBar(th, share, min(40, w-30)) + "\n")
	}
	m.vp.SetContent(strings.TrimRight(b.String(), "\n"))
}

// writeOutliers names the clients above and below the normal range, the
// furthest first.
func writeOutliers(b *strings.Builder, th Theme, dist []scoring.NamedValue, norm scoring.Range, width int) {
	if !norm.OK() {
		b.WriteString(th.Subtle.Render(fmt.Sprintf("Too few clients (%d) for a normal range.", norm.N)) + "\n")
		return
	}
	var above, below []scoring.NamedValue
	for _, d := range dist {
		switch norm.Marker(d.Value) {
		case "H":
			above = append(above, d)
		case "L":
			below = append(below, d)
		}
	}
	slices.SortFunc(above, func(x, y scoring.NamedValue) int { return cmp.Compare(y.Value, x.Value) })
	slices.SortFunc(below, func(x, y scoring.NamedValue) int { return cmp.Compare(x.Value, y.Value) })
	list := func(label string, vs []scoring.NamedValue) {
		if len(vs) == 0 {
			b.WriteString(th.Subtle.Render(label+": none") + "\n")
			return
		}
		names := make([]string, 0, maxOutliersNamed+1)
		for _, v := range vs[:min(len(vs), maxOutliersNamed)] {
			names = append(names, fmt.Sprintf("%s %.2f", textsafe.Line(v.Name), v.Value))
		}
		if len(vs) > maxOutliersNamed {
			names = append(names, fmt.Sprintf("and %d more", len(vs)-maxOutliersNamed))
		}
		b.WriteString(th.Outlier.Render(fmt.Sprintf("%s (%d)", label, len(vs))) + "\n")
		for _, line := range wrapItems(names, " · ", width-2) {
			b.WriteString("  " + truncate(line, width-2) + "\n")
		}
	}
	list("Above the normal range", above)
	list("Below the normal range", below)
}

// maxOutliersNamed bounds the names listed on each side of the range; the
// client list filtered by recommendation shows the rest.
const maxOutliersNamed = 24

// shareBar draws a share of one as a bar of cells cells.
func shareBar(th Theme, share float64, cells int) string {
	cells = max(cells, 5)
	filled := max(0, min(cells, int(share*float64(cells)+0.5)))
	return th.Bar.Render(strings.Repeat("█", filled)) + th.BarEmpty.Render(strings.Repeat("░", cells-filled))
}
