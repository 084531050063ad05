package tui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
	"offboard/textsafe"
)

// portfolioMetric is one lab metric the portfolio's histogram can show.
type portfolioMetric struct {
	id     scoring.Metric
	title  string // the heading
	short  string // the help line's name for it
	unit   string // after the axis's last label
	format func(float64) string
}

// portfolioMetrics are the metrics the metric key cycles through: the
// workload (seed 002's time spent and number of issues), then the money.
var portfolioMetrics = []portfolioMetric{
	{scoring.MetricHoursPerSeat, "Hours per seat per month", "hours", "h/seat/month", fixed(2)},
	{scoring.MetricTicketsPerSeat, "Tickets per seat per month", "tickets", "tickets/seat/month", fixed(2)},
	{scoring.MetricDaysLate, "Average days late", "days late", "days late", fixed(1)},
	{scoring.MetricMargin, "Gross margin", "margin", "margin", pct},
	{scoring.MetricEffectiveRate, "Effective hourly rate", "rate", "per hour", func(x float64) string { return moneyWhole(int64(math.Round(x))) }},
}

// barRange words bin i of h in the metric's units: "0.49–0.61", or for an
// end bin that also holds the values beyond the axis, "21.2 or more" or
// "under -31%".
func (pm portfolioMetric) barRange(h scoring.Histogram, i int) string {
	b := h.Bins[i]
	switch {
	case i == len(h.Bins)-1 && h.ClippedHigh:
		return pm.format(b.Lo) + " or more"
	case i == 0 && h.ClippedLow:
		return "under " + pm.format(b.Hi)
	}
	return pm.format(b.Lo) + "–" + pm.format(b.Hi)
}

// standing says where bin i of h stands against the normal range.
func standing(h scoring.Histogram, i int) string {
	if h.InBand(i) {
		return "in the normal range"
	}
	return "outside the normal range"
}

// fixed formats a number with n decimals.
func fixed(n int) func(float64) string {
	return func(x float64) string { return fmt.Sprintf("%.*f", n, x) }
}

// PortfolioScreen is the picture of the whole portfolio: how one lab metric
// spreads across clients against the normal range, with the clients
// outside it named and each bar open to its clients; the monthly revenue
// held by each recommendation; how concentrated revenue and work are (seed
// 000: a few clients consume most of the resources); and the portfolio's
// monthly trend.
type PortfolioScreen struct {
	snapshotView
	snap   *Snapshot
	metric int
	// bar is the selected bin of the histogram; chart is the histogram as
	// last drawn and chartTop its first line in the viewport's content, so
	// a click can find its bar.
	bar      int
	chart    histogramChart
	chartTop int
	// overview is the rest of the screen, drawn by drawOverview.
	overview string
}

// NewPortfolioScreen shows snap.
func NewPortfolioScreen(c *Common, snap *Snapshot) *PortfolioScreen {
	return &PortfolioScreen{snapshotView: newSnapshotView(c), snap: snap, bar: -1}
}

// Init starts nothing: the snapshot came with the screen.
func (m *PortfolioScreen) Init() tea.Cmd { return nil }

// Title names the screen.
func (m *PortfolioScreen) Title() string { return "Portfolio" }

// SetSize sizes the viewport and lays the charts out again.
func (m *PortfolioScreen) SetSize(w, h int) {
	m.setSize(w, h)
	m.drawOverview()
	m.render()
}

// Metric is the metric the histogram shows.
func (m *PortfolioScreen) Metric() scoring.Metric { return portfolioMetrics[m.metric].id }

// metricKey is the metric key, its help naming the metric it shows next.
func (m *PortfolioScreen) metricKey() key.Binding {
	next := portfolioMetrics[(m.metric+1)%len(portfolioMetrics)]
	return rename(m.c.Keys.Metric, "show "+next.short)
}

// ShortHelp lists the main keys.
func (m *PortfolioScreen) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{m.metricKey(), pairHelp(k.Left, k.Right, "bar"), rename(k.Enter, "its clients")}
}

// FullHelp lists every key of the screen.
func (m *PortfolioScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{m.metricKey(), k.Left, k.Right, rename(k.Enter, "list the bar's clients"), k.Reload},
		scrollHelp(k),
	}
}

// Update switches the metric, moves between bars and opens one; the
// snapshot view scrolls, reloads and takes the wheel.
func (m *PortfolioScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress {
			return m, m.click(msg)
		}
	case tea.KeyMsg:
		if cmd, ok := m.key(msg); ok {
			return m, cmd
		}
	}
	return m, m.update(msg, m.setSnapshot)
}

// key handles the screen's own keys; ok is false for the others.
func (m *PortfolioScreen) key(msg tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Metric):
		m.metric = (m.metric + 1) % len(portfolioMetrics)
		m.bar = -1
		m.render()
	case key.Matches(msg, k.Left):
		m.moveBar(-1)
	case key.Matches(msg, k.Right):
		m.moveBar(+1)
	case key.Matches(msg, k.Enter):
		return m.openBar(), true
	default:
		return nil, false
	}
	return nil, true
}

// moveBar selects the next bar with clients in direction dir, so enter
// never opens an empty list.
func (m *PortfolioScreen) moveBar(dir int) {
	bins := m.chart.h.Bins
	for i := m.bar + dir; i >= 0 && i < len(bins); i += dir {
		if len(bins[i].Clients) > 0 {
			m.bar = i
			m.render()
			return
		}
	}
}

// SelectedBar is the selected bin of the histogram, or nil when no client
// has a value of the metric.
func (m *PortfolioScreen) SelectedBar() *scoring.Bin {
	if m.bar < 0 || m.bar >= len(m.chart.h.Bins) {
		return nil
	}
	return &m.chart.h.Bins[m.bar]
}

func (m *PortfolioScreen) openBar() tea.Cmd {
	b := m.SelectedBar()
	if b == nil || len(b.Clients) == 0 {
		return nil
	}
	return Push(NewBarClients(m.c, m.snap, portfolioMetrics[m.metric], m.chart.h, m.bar))
}

// click selects the bar under it, or opens the bar already selected.
func (m *PortfolioScreen) click(msg tea.MouseMsg) tea.Cmd {
	line := msg.Y + m.vp.YOffset - m.chartTop
	if line < 0 || line > m.chart.rows {
		return nil
	}
	i, ok := m.chart.barAt(msg.X)
	if !ok || len(m.chart.h.Bins[i].Clients) == 0 {
		return nil
	}
	if i == m.bar {
		return m.openBar()
	}
	m.bar = i
	m.render()
	return nil
}

func (m *PortfolioScreen) setSnapshot(snap *Snapshot) {
	m.snap = snap
	m.drawOverview()
	m.render()
}

// Histogram heights: the bars take what the window leaves beside the
// heading, the axis, the band, the labels and the selected bar's line, so
// the chart and its selection are on screen without scrolling.
const (
	minHistogramRows = 4
	maxHistogramRows = 10
	histogramChrome  = 14
)

func (m *PortfolioScreen) render() {
	if m.snap == nil || m.width == 0 {
		return
	}
	th, p, w := m.c.Theme, &m.snap.Portfolio, m.width
	metric := portfolioMetrics[m.metric]
	var b strings.Builder

	dist := p.Distribution(metric.id)
	norm := p.Norms[metric.id]
	b.WriteString(th.Heading.Render(metric.title) + th.Subtle.Render(fmt.Sprintf(" · %d of %d · ", m.metric+1, len(portfolioMetrics))) +
		th.Key.Render(m.c.Keys.Metric.Help().Key) + th.Subtle.Render(" switches") + "\n")
	writeWrapped(&b, fmt.Sprintf("%s judged %s; normal range %s.", plural(len(dist), "client"), p.Window.Phrase(), norm.Describe()), "", "", w)
	b.WriteByte('\n')

	// About two bins per square root of the clients (a classic rule of
	// thumb) reads well from sixty clients to thousands; each bin takes at
	// least two cells so the bars stand apart.
	yw := len(fmt.Sprint(len(dist)))
	room := w - yw - 2
	bins := max(10, min(room/2, 2*int(math.Ceil(math.Sqrt(float64(len(dist)))))))
	h := scoring.NewHistogram(dist, bins, norm)
	if m.bar < 0 || m.bar >= len(h.Bins) {
		m.bar = fullestBin(h)
	}
	m.chart = histogramChart{
		h: h, rows: max(minHistogramRows, min(maxHistogramRows, m.height-histogramChrome)),
		barWidth: max(2, room/bins), selected: m.bar, format: metric.format, unit: metric.unit,
	}
	m.chartTop = strings.Count(b.String(), "\n")
	b.WriteString(m.chart.render(th) + "\n")
	m.writeSelectedBar(&b, metric, h)
	b.WriteByte('\n')
	writeOutliers(&b, th, dist, norm, metric.format, w)

	b.WriteString("\n" + m.overview)
	m.vp.SetContent(strings.TrimRight(b.String(), "\n"))
}

// drawOverview draws what follows the histogram, which neither the metric
// nor the bar changes: the revenue at risk, the concentration and the
// monthly trend. It runs when the snapshot or the width changes, so moving
// between bars of a large portfolio does not sum every client again.
func (m *PortfolioScreen) drawOverview() {
	if m.snap == nil || m.width == 0 {
		return
	}
	p := &m.snap.Portfolio
	var b strings.Builder
	m.writeRevenueAtRisk(&b)
	b.WriteString("\n")
	m.writeConcentration(&b)
	b.WriteString("\n")
	b.WriteString(trendBlock(m.c.Theme, "Monthly trend of the clients we serve", p.Monthly(), p.RevenueAtRisk().Currency, m.width))
	m.overview = b.String()
}

// fullestBin is the bin with the most clients, the first among equals; -1
// when every bin is empty.
func fullestBin(h scoring.Histogram) int {
	best := -1
	for i, b := range h.Bins {
		if len(b.Clients) > 0 && (best < 0 || len(b.Clients) > len(h.Bins[best].Clients)) {
			best = i
		}
	}
	return best
}

// writeSelectedBar words the selected bar: its range, how many clients it
// holds and where it stands against the normal range, and how to open it.
func (m *PortfolioScreen) writeSelectedBar(b *strings.Builder, metric portfolioMetric, h scoring.Histogram) {
	th := m.c.Theme
	bin := m.SelectedBar()
	if bin == nil {
		b.WriteString(th.Subtle.Render("No client has a value of this metric yet.") + "\n")
		return
	}
	k := m.c.Keys
	text := fmt.Sprintf("▲ %s %s: %s, %s · %s/%s another bar · %s lists them",
		metric.barRange(h, m.bar), metric.unit, plural(len(bin.Clients), "client"), standing(h, m.bar),
		firstHelpKey(k.Left), firstHelpKey(k.Right), k.Enter.Help().Key)
	for _, line := range wrap(text, m.width) {
		b.WriteString(th.Cursor.Render(line) + "\n")
	}
}

// writeOutliers names the clients above and below the normal range, the
// furthest first.
func writeOutliers(b *strings.Builder, th Theme, dist []scoring.NamedValue, norm scoring.Range, format func(float64) string, width int) {
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
			names = append(names, textsafe.Line(v.Name)+" "+format(v.Value))
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

// writeRevenueAtRisk is the monthly revenue each recommendation holds, the
// clients that need a decision first.
func (m *PortfolioScreen) writeRevenueAtRisk(b *strings.Builder) {
	th := m.c.Theme
	r := m.snap.RevenueAtRisk()
	cur := r.Currency
	if cur == "" {
		cur = "(several currencies, added as they are)"
	}
	const title = "Revenue at risk"
	head := fmt.Sprintf("MRR by recommendation: %s %s a month", moneyWhole(r.Total), cur)
	if len(title)+3+lipgloss.Width(head) <= m.width {
		b.WriteString(th.Heading.Render(title) + th.Subtle.Render(" · "+head) + "\n")
	} else {
		b.WriteString(th.Heading.Render(title) + "\n")
		for _, line := range wrap(head, m.width-2) {
			b.WriteString("  " + th.Subtle.Render(line) + "\n")
		}
	}
	const fixedCells = 2 + badgeWidth + 12 + 14 + 6 + 2
	for _, rec := range recFilterOrder[1:] {
		i := slices.IndexFunc(r.ByRecommendation, func(s scoring.RevenueShare) bool { return s.Recommendation == rec })
		s := r.ByRecommendation[i]
		b.WriteString("  " + th.Badge[string(rec)].Render(padRight(rec.Title(), badgeWidth)) +
			padLeft(plural(s.Clients, "client"), 12) + padLeft(moneyWhole(s.MRR), 14) +
			padLeft(pct(s.Share), 6) + "  " + shareBar(th, s.Share, min(40, m.width-fixedCells)) + "\n")
	}
}

// writeConcentration is the share of the monthly revenue and of the hours
// held by the largest client and by the five largest, then the share of
// the hours used by the configured top share of clients.
func (m *PortfolioScreen) writeConcentration(b *strings.Builder) {
	th, p, w := m.c.Theme, &m.snap.Portfolio, m.width
	b.WriteString(th.Heading.Render("Concentration") + "\n")
	const label, share = 7, 12
	b.WriteString(th.Subtle.Render("  "+padRight("", label)+padLeft("top client", share)+padLeft("top 5", share)+"   the largest") + "\n")
	row := func(name string, l scoring.Leaders) {
		top := "–"
		if l.Clients > 0 {
			top = textsafe.Line(l.Top.Name)
		}
		b.WriteString("  " + padRight(name, label) + padLeft(pct(l.TopShare), share) +
			padLeft(pct(l.TopNShare), share) + "   " + truncate(top, w-2-label-2*share-3) + "\n")
	}
	row("MRR", p.MRRLeaders())
	row("Hours", p.HoursLeaders())
	c := p.Concentration
	writeWrapped(b, fmt.Sprintf("The top %s of clients (%d of %d) use %s of all hours: %.0f of %.0f hours %s.",
		pct(c.TopShare), c.TopClients, c.Clients, pct(c.HoursShare), c.TopHours, c.TotalHours, p.Window.Phrase()), "  ", "  ", w)
	b.WriteString("  " + shareBar(th, c.HoursShare, min(50, w-10)) + "\n")
}

// shareBar draws a share of one as a bar of cells cells.
func shareBar(th Theme, share float64, cells int) string {
	cells = max(cells, 5)
	filled := max(0, min(cells, int(share*float64(cells)+0.5)))
	return th.Bar.Render(strings.Repeat("█", filled)) + th.BarEmpty.Render(strings.Repeat("░", cells-filled))
}
