package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
	"offboard/textsafe"
)

// ClientList is the home screen: every client with its recommendation,
// score, money and top red flags, sorted by score so the clients that need
// a decision come first.
type ClientList struct {
	c      *Common
	load   loader
	snap   *Snapshot
	rows   []listRow
	shown  []int // indexes into rows, filtered and sorted
	query  listQuery
	filter textinput.Model
	// filtering is true while the name filter has the keyboard.
	filtering bool
	cursor    int
	offset    int
	// selected is the client under the cursor, kept across reloads and
	// re-sorts so the owner's place is never lost.
	selected int64
	// marked holds the clients marked for a what-if of letting them go
	// together (clientmarks.go).
	marked map[int64]bool
	width  int
	height int
}

// NewClientList builds the home screen; it loads the portfolio in Init.
func NewClientList(c *Common) *ClientList {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "client name"
	ti.PromptStyle = c.Theme.Key
	ti.Cursor.SetMode(cursor.CursorStatic)
	return &ClientList{c: c, load: newLoader(c), filter: ti}
}

// Init loads and scores the portfolio.
func (m *ClientList) Init() tea.Cmd { return m.load.start() }

// Title names the screen.
func (m *ClientList) Title() string { return "Clients" }

// Capturing is true while the name filter is being typed.
func (m *ClientList) Capturing() bool { return m.filtering }

// SetSize sets the drawing area.
func (m *ClientList) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.Width = max(w-20, 10)
	m.scrollToCursor()
}

// Selected is the assessment under the cursor, or nil when the list is
// empty.
func (m *ClientList) Selected() *scoring.Assessment {
	if m.cursor < 0 || m.cursor >= len(m.shown) {
		return nil
	}
	return m.rows[m.shown[m.cursor]].a
}

// ShortHelp lists the main keys, most important first: the footer keeps
// as many as fit at the width.
func (m *ClientList) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.filtering {
		return []key.Binding{k.KeepFilter, k.DropFilter}
	}
	return []key.Binding{k.Filter, k.Sort, k.Portfolio, k.WhatIf, k.Mark, k.StatusFilter, k.RecFilter}
}

// FullHelp lists every key of the screen.
func (m *ClientList) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		scrollHelp(k),
		{k.Enter, k.Filter, k.Sort, k.StatusFilter, k.RecFilter, k.Clear},
		{k.Portfolio, k.Mark, k.MarkAll, k.WhatIf, k.Reload, k.Settings},
	}
}

// Update handles loads, keys and the mouse.
func (m *ClientList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if cmd, ok := m.load.update(msg, m.setSnapshot); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case DataChangedMsg:
		return m, m.load.start()
	case tea.MouseMsg:
		m.mouse(msg)
		return m, nil
	case tea.KeyMsg:
		if m.filtering {
			return m, m.filterKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

func (m *ClientList) setSnapshot(snap *Snapshot) {
	m.snap = snap
	m.rows = newListRows(snap)
	m.pruneMarks()
	m.refresh()
}

// refresh re-applies the query and puts the cursor back on the selected
// client when it is still shown.
func (m *ClientList) refresh() {
	m.shown = m.query.apply(m.rows)
	m.cursor = min(m.cursor, max(len(m.shown)-1, 0))
	for i, r := range m.shown {
		if m.rows[r].a.Client.ID == m.selected {
			m.cursor = i
			break
		}
	}
	m.moveTo(m.cursor)
}

// moveTo puts the cursor on row i of what is shown.
func (m *ClientList) moveTo(i int) {
	m.cursor = max(0, min(i, len(m.shown)-1))
	if a := m.Selected(); a != nil {
		m.selected = a.Client.ID
	}
	m.scrollToCursor()
}

func (m *ClientList) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if row, ok := navTarget(k, msg, m.cursor, len(m.shown), max(m.tableRows()-1, 1)); ok {
		m.moveTo(row)
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		// A new search starts from nothing: typing after a kept filter
		// must not run on from it ("cob" then "pine" is not "cobpine").
		m.filtering = true
		m.filter.SetValue("")
		m.query.name = ""
		m.refresh()
		return m.filter.Focus()
	case key.Matches(msg, k.Clear):
		// The home screen has nowhere to go back to: esc clears the filters.
		m.filter.SetValue("")
		m.query = listQuery{order: m.query.order}
		m.refresh()
	case key.Matches(msg, k.Sort):
		m.query.order = (m.query.order + 1) % numSortKeys
		m.refresh()
	case key.Matches(msg, k.StatusFilter):
		m.query.status = nextOf(append([]scoring.ClientStatus{""}, scoring.ClientStatuses...), m.query.status)
		m.refresh()
	case key.Matches(msg, k.RecFilter):
		m.query.rec = nextOf(recFilterOrder, m.query.rec)
		m.refresh()
	case key.Matches(msg, k.Reload):
		return m.load.start()
	case key.Matches(msg, k.Portfolio):
		if m.snap != nil {
			return Push(NewPortfolioScreen(m.c, m.snap))
		}
	case key.Matches(msg, k.Settings):
		return Push(NewSettingsScreen(m.c))
	case key.Matches(msg, k.Enter):
		return m.open()
	case key.Matches(msg, k.Mark):
		m.toggleMark()
	case key.Matches(msg, k.MarkAll):
		m.toggleShownMarks()
	case key.Matches(msg, k.WhatIf):
		return m.whatIf()
	}
	return nil
}

// recFilterOrder is the order the recommendation filter cycles through:
// the clients that need a decision first.
var recFilterOrder = []scoring.Recommendation{"", scoring.Offboard, scoring.Remediate, scoring.Watch, scoring.Keep}

// nextOf returns the element after cur in cycle, wrapping around.
func nextOf[T comparable](cycle []T, cur T) T {
	for i, v := range cycle {
		if v == cur {
			return cycle[(i+1)%len(cycle)]
		}
	}
	return cycle[0]
}

func (m *ClientList) open() tea.Cmd {
	a := m.Selected()
	if a == nil {
		return nil
	}
	return Push(NewClientScreen(m.c, m.snap, a.Client.ID))
}

// filterKey edits the name filter; the list follows as the owner types.
func (m *ClientList) filterKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.KeepFilter):
		m.filtering = false
		m.filter.Blur()
		return nil
	case key.Matches(msg, k.DropFilter):
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
	// Arrows still move through the matches while typing.
	case msg.Type == tea.KeyUp:
		m.moveTo(m.cursor - 1)
		return nil
	case msg.Type == tea.KeyDown:
		m.moveTo(m.cursor + 1)
		return nil
	default:
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(msg)
		m.query.name = m.filter.Value()
		m.refresh()
		return cmd
	}
	m.query.name = ""
	m.refresh()
	return nil
}

func (m *ClientList) mouse(msg tea.MouseMsg) {
	if row, _, ok := mouseTarget(msg, m.cursor, m.offset, listHeaderLines, m.tableRows(), len(m.shown)); ok {
		m.moveTo(row)
	}
}

// listHeaderLines are the lines above the first client: the counts, the
// query line and the column titles; listDetailLines those below the last,
// the selected client in full, under a blank line.
const (
	listHeaderLines = 3
	listDetailLines = 2
)

func (m *ClientList) tableRows() int { return max(m.height-listHeaderLines-1-listDetailLines, 1) }

func (m *ClientList) scrollToCursor() {
	m.offset = scrolledTo(m.cursor, m.offset, m.tableRows(), len(m.shown))
}

// View draws the counts, the query and the visible rows.
func (m *ClientList) View() string {
	th := m.c.Theme
	if m.snap == nil {
		if m.load.loading {
			return m.load.view("Loading and scoring the portfolio…")
		}
		return th.Subtle.Render("No portfolio loaded. ctrl+r tries again.")
	}
	var b strings.Builder
	b.WriteString(m.countsLine())
	b.WriteByte('\n')
	b.WriteString(m.queryLine())
	b.WriteByte('\n')
	// The columns fit the rows in view: a column the top of the list has
	// no room for shows where the rows below leave it room.
	end := min(m.offset+m.tableRows(), len(m.shown))
	cols := listColumns(m.width, measure(m.rows, m.shown[m.offset:end]), m.query.order)
	if len(m.marked) > 0 {
		cols = cols.withMarks()
	}
	b.WriteString(th.Heading.Render(cols.header()))
	if len(m.shown) == 0 {
		b.WriteString("\n" + th.Subtle.Render("  No client matches. esc clears the filter."))
	}
	for i := m.offset; i < end; i++ {
		b.WriteByte('\n')
		r := &m.rows[m.shown[i]]
		b.WriteString(cols.row(th, r, i == m.cursor, m.marked[r.a.Client.ID]))
	}
	if m.cursor < len(m.shown) {
		// The detail sits at the foot of the body, however few rows show.
		b.WriteString(strings.Repeat("\n", m.tableRows()-(end-m.offset)+2))
		b.WriteString(m.detail(&m.rows[m.shown[m.cursor]], cols))
	}
	return b.String()
}

// detail gives the selected client in full, in listDetailLines lines below
// the list: what its row cuts (the name, the flags beyond the top two, the
// status's reminder) and the figures of any column given up for room.
func (m *ClientList) detail(r *listRow, cols columns) string {
	th := m.c.Theme
	a := r.a
	status := r.statusText
	if mk := m.snap.Markers[a.Client.ID]; mk.OverdueSteps > 0 {
		status += " (" + plural(mk.OverdueSteps, "step") + ")"
	}
	items := []string{th.Heading.Render(textsafe.Line(a.Client.Name)), fmt.Sprintf("%s, score %d", badgeText(a), a.Score), status}
	switch {
	case len(a.Flags) == 0:
		items = append(items, "no red flag")
	case a.Flags[0].ZeroTolerance:
		items = append(items, th.High.Render(plural(len(a.Flags), "flag")+": "+flagNames(a.Flags)))
	default:
		items = append(items, plural(len(a.Flags), "flag")+": "+flagNames(a.Flags))
	}
	if !cols.shown(colMRR) {
		items = append(items, "MRR "+r.mrr)
	}
	if !cols.shown(colMargin) {
		items = append(items, "margin "+r.margin)
	}
	if !cols.shown(colRate) {
		items = append(items, "rate "+r.rate+"/h")
	}
	sep := th.Faint.Render(" · ")
	lines := wrapItems(items, sep, m.width)
	if len(lines) > listDetailLines {
		lines[listDetailLines-1] = truncate(strings.Join(lines[listDetailLines-1:], sep), m.width)
		lines = lines[:listDetailLines]
	}
	return strings.Join(lines, "\n")
}

// countsLine is "62 clients · 4 Offboard · 7 Remediate · …", most urgent
// first, each count in its recommendation's colour, then the reminders when
// they fit beside the counts (else the query line carries them).
func (m *ClientList) countsLine() string {
	th := m.c.Theme
	parts := []string{th.Heading.Render(plural(len(m.rows), "client"))}
	// An archive judged in the past says so first, on every frame.
	if asOf := m.c.Desk.AsOf; !asOf.IsZero() {
		parts = append([]string{th.Warning.Render("as of " + asOf.Format(time.DateOnly))}, parts...)
	}
	for _, r := range recFilterOrder[1:] {
		if n := m.snap.Counts[r]; n > 0 {
			parts = append(parts, th.Badge[string(r)].Render(fmt.Sprintf("%d %s", n, r.Title())))
		}
	}
	sep := th.Faint.Render(" · ")
	line := strings.Join(parts, sep)
	if rem := m.remindersLine(); rem != "" && lipgloss.Width(line+sep+rem) <= m.width-2 {
		line += sep + rem
	}
	line = truncate(line, m.width-2)
	if m.load.loading {
		line += " " + m.load.spin.View()
	}
	return line
}

// remindersLine counts the clients with a plan review due and with an
// overdue checklist step.
func (m *ClientList) remindersLine() string {
	th := m.c.Theme
	var due, overdue int
	for _, mk := range m.snap.Markers {
		if !mk.ReviewDue.IsZero() {
			due++
		}
		if mk.OverdueSteps > 0 {
			overdue++
		}
	}
	var parts []string
	if due > 0 {
		parts = append(parts, th.Warning.Render(fmt.Sprintf("%d review due", due)))
	}
	if overdue > 0 {
		parts = append(parts, th.Warning.Render(fmt.Sprintf("%d checklist overdue", overdue)))
	}
	return strings.Join(parts, th.Faint.Render(" · "))
}

// queryLine shows the filter being typed, or the active order and filters.
func (m *ClientList) queryLine() string {
	th := m.c.Theme
	if m.filtering {
		return truncate(m.filter.View()+th.Subtle.Render(fmt.Sprintf("   %d of %d", len(m.shown), len(m.rows))), m.width)
	}
	parts := []string{"sorted by " + m.query.order.String()}
	if m.query.name != "" {
		parts = append(parts, fmt.Sprintf("name contains %q", m.query.name))
	}
	if m.query.status != "" {
		parts = append(parts, "status "+string(m.query.status))
	}
	if m.query.rec != "" {
		parts = append(parts, "only "+m.query.rec.Title())
	}
	if len(m.shown) != len(m.rows) {
		parts = append(parts, fmt.Sprintf("showing %d of %d", len(m.shown), len(m.rows)))
	}
	if len(m.marked) > 0 {
		parts = append(parts, fmt.Sprintf("%d marked", len(m.marked)))
	}
	left := strings.Join(parts, " · ")
	// Where the cursor is, at the right, when the list is longer than the
	// window; before it the reminders the counts line had no room for, if
	// they fit beside the query, which matters more.
	pos := ""
	if len(m.shown) > m.tableRows() {
		pos = th.Subtle.Render(fmt.Sprintf("%d/%d", m.cursor+1, len(m.shown)))
	}
	r := pos
	if rem := m.remindersLine(); rem != "" && !strings.Contains(m.countsLine(), rem) {
		withRem := strings.TrimSpace(rem + "  " + pos)
		if lipgloss.Width(left)+1+lipgloss.Width(withRem) <= m.width {
			r = withRem
		}
	}
	left = truncate(th.Subtle.Render(left), m.width-lipgloss.Width(r)-1)
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(r))
	return left + strings.Repeat(" ", gap) + r
}
