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

// BarClients is one bar of the portfolio's histogram opened: the clients
// whose metric falls in it, furthest from the normal range's centre first,
// each with its value, recommendation, score and MRR; enter opens one.
type BarClients struct {
	c      *Common
	snap   *Snapshot
	metric portfolioMetric
	// label is the bar's range in the metric's units; where its standing
	// against the normal range, in words.
	label  string
	where  string
	rows   []*scoring.Assessment
	values []float64
	cursor int
	offset int
	width  int
	height int
}

// NewBarClients lists the clients of bin i of h, a histogram of metric
// drawn from snap.
func NewBarClients(c *Common, snap *Snapshot, metric portfolioMetric, h scoring.Histogram, i int) *BarClients {
	m := &BarClients{c: c, snap: snap, metric: metric, label: metric.barRange(h, i), where: standing(h, i)}
	if h.Band.OK() {
		m.where += " (" + metric.format(h.Band.Low) + "–" + metric.format(h.Band.High) + ")"
	}
	clients := slices.Clone(h.Bins[i].Clients)
	centre := h.Band.Center
	slices.SortFunc(clients, func(x, y scoring.NamedValue) int {
		return cmp.Or(cmp.Compare(math.Abs(y.Value-centre), math.Abs(x.Value-centre)), cmp.Compare(x.Name, y.Name))
	})
	for _, v := range clients {
		if a := snap.Find(v.ID); a != nil {
			m.rows = append(m.rows, a)
			m.values = append(m.values, v.Value)
		}
	}
	return m
}

// Init starts nothing: the clients came with the screen.
func (m *BarClients) Init() tea.Cmd { return nil }

// Title names the bar by its range.
func (m *BarClients) Title() string {
	return m.label + " " + m.metric.unit
}

// Capturing is false: the screen takes no free text.
func (m *BarClients) Capturing() bool { return false }

// SetSize sets the drawing area.
func (m *BarClients) SetSize(w, h int) {
	m.width, m.height = w, h
	m.moveTo(m.cursor)
}

// Selected is the client under the cursor, or nil.
func (m *BarClients) Selected() *scoring.Assessment {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return nil
	}
	return m.rows[m.cursor]
}

// ShortHelp lists the main keys.
func (m *BarClients) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{rename(k.Enter, "open client"), k.Up, k.Down}
}

// FullHelp lists every key of the screen.
func (m *BarClients) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {rename(k.Enter, "open client")}}
}

// Update moves the cursor and opens the client under it.
func (m *BarClients) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case tea.KeyMsg:
		k := m.c.Keys
		if row, ok := navTarget(k, msg, m.cursor, len(m.rows), max(m.tableRows()-1, 1)); ok {
			m.moveTo(row)
		} else if key.Matches(msg, k.Enter) {
			return m, m.open()
		}
	}
	return m, nil
}

func (m *BarClients) open() tea.Cmd {
	a := m.Selected()
	if a == nil {
		return nil
	}
	return Push(NewClientScreen(m.c, m.snap, a.Client.ID))
}

// mouse moves with the wheel; a click selects a client, and a click on the
// selected one opens it.
func (m *BarClients) mouse(msg tea.MouseMsg) tea.Cmd {
	row, clicked, ok := mouseTarget(msg, m.cursor, m.offset, m.headerLines(), m.tableRows(), len(m.rows))
	switch {
	case !ok:
	case clicked && row == m.cursor:
		return m.open()
	default:
		m.moveTo(row)
	}
	return nil
}

func (m *BarClients) moveTo(i int) {
	m.cursor = max(0, min(i, len(m.rows)-1))
	m.offset = scrolledTo(m.cursor, m.offset, m.tableRows(), len(m.rows))
}

// headerLines are the lines above the first client: the description,
// wrapped, a blank line and the column titles.
func (m *BarClients) headerLines() int { return len(m.description()) + 2 }

func (m *BarClients) tableRows() int { return max(m.height-m.headerLines(), 1) }

// description says what the bar holds, against the normal range.
func (m *BarClients) description() []string {
	return wrap(fmt.Sprintf("%s with %s %s, %s; furthest from the centre first.",
		plural(len(m.rows), "client"), strings.ToLower(m.metric.title), m.label, m.where), m.width)
}

// View draws the description and the clients.
func (m *BarClients) View() string {
	th := m.c.Theme
	var b strings.Builder
	for _, line := range m.description() {
		b.WriteString(th.Subtle.Render(line) + "\n")
	}
	// The figures' columns are as wide as their widest cell; the names
	// take the rest.
	valueWidth, mrrWidth, nameNeed := lipgloss.Width(m.metric.short), len("MRR"), 0
	for i, a := range m.rows {
		valueWidth = max(valueWidth, lipgloss.Width(m.metric.format(m.values[i])))
		mrrWidth = max(mrrWidth, lipgloss.Width(moneyWhole(a.Client.MRR)))
		nameNeed = max(nameNeed, lipgloss.Width(textsafe.Line(a.Client.Name)))
	}
	const scoreWidth = len("Score")
	nameWidth := max(minNameWidth, min(nameNeed, m.width-markWidth-valueWidth-badgeWidth-scoreWidth-mrrWidth-4))
	cells := func(mark, name, value, badge, score, mrr string) string {
		return padRight(mark, markWidth) + padRight(name, nameWidth) + " " + padLeft(value, valueWidth) + " " +
			badge + " " + padLeft(score, scoreWidth) + " " + padLeft(mrr, mrrWidth)
	}
	b.WriteString("\n" + th.Heading.Render(cells("", "Client", m.metric.short, padRight("Verdict", badgeWidth), "Score", "MRR")))
	end := min(m.offset+m.tableRows(), len(m.rows))
	for i := m.offset; i < end; i++ {
		a := m.rows[i]
		name, value, score, mrr := textsafe.Line(a.Client.Name), m.metric.format(m.values[i]), fmt.Sprint(a.Score), moneyWhole(a.Client.MRR)
		b.WriteByte('\n')
		if i == m.cursor {
			// The ▸ keeps the selection visible without colour (NO_COLOR).
			b.WriteString(th.Selected.Render(cells("▸", name, value, padRight(badgeText(a), badgeWidth), score, mrr)))
			continue
		}
		b.WriteString(cells("", name, value, padRight(th.badge(a), badgeWidth), score, mrr))
	}
	return b.String()
}
