package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/store"
	"offboard/textsafe"
)

// clientPane is one tab of the client screen.
type clientPane int

// The client screen's panes, in tab order.
const (
	paneVerdict clientPane = iota
	paneLab
	paneMoney
	paneActivity
	numPanes
)

func (p clientPane) String() string {
	return [...]string{"Verdict & flags", "Lab panel", "Money & trend", "Activity"}[p]
}

// ClientScreen shows one client: the recommendation and its red flags, the
// lab panel, profitability with the monthly trend, and the record of
// incidents, communications and decisions, one pane at a time in a
// scrolling viewport.
type ClientScreen struct {
	c       *Common
	load    loader
	snap    *Snapshot
	id      int64
	detail  clientDetail
	req     int
	pane    clientPane
	vp      viewport.Model
	actions []ClientAction
	width   int
	height  int
}

// clientDetail is what the client screen reads beyond the scored snapshot:
// the client's row and its audit trail.
type clientDetail struct {
	loaded    bool
	client    store.Client
	comms     []store.Communication
	decisions []store.Decision
}

type clientDetailMsg struct {
	owner  *ClientScreen
	req    int
	detail clientDetail
	err    error
}

// recentCommunications bounds the communications the activity pane shows.
const recentCommunications = 20

// NewClientScreen shows the client with id from snap.
func NewClientScreen(c *Common, snap *Snapshot, id int64) *ClientScreen {
	return &ClientScreen{c: c, load: newLoader(c), snap: snap, id: id, vp: newViewport(), actions: clientActions(c.Keys)}
}

// Init reads the client's record.
func (m *ClientScreen) Init() tea.Cmd { return m.loadDetail() }

func (m *ClientScreen) loadDetail() tea.Cmd {
	m.req++
	owner, req, c, id := m, m.req, m.c, m.id
	return func() tea.Msg {
		cc, err := c.ClientCase(c.context(), id, recentCommunications)
		if err != nil {
			return clientDetailMsg{owner: owner, req: req, err: err}
		}
		d := clientDetail{client: cc.Client, comms: cc.Communications, decisions: cc.Decisions, loaded: true}
		return clientDetailMsg{owner: owner, req: req, detail: d}
	}
}

// Title names the screen after the client.
func (m *ClientScreen) Title() string {
	if t := m.Target(); t.Assessment != nil {
		return t.Name
	}
	return "Client"
}

// Target is the client on screen, for the screens that open from it.
func (m *ClientScreen) Target() ClientTarget {
	t := ClientTarget{ID: m.id, Snapshot: m.snap}
	if m.snap != nil {
		t.Assessment = m.snap.Find(m.id)
	}
	if t.Assessment != nil {
		t.Name = t.Assessment.Client.Name
	}
	return t
}

// Capturing is false: the client screen takes no free text.
func (m *ClientScreen) Capturing() bool { return false }

// maxProseWidth bounds the panes that are mostly sentences.
const maxProseWidth = 120

// clientHeaderLines are the summary lines and the tab bar above the pane.
const clientHeaderLines = 4

// SetSize sizes the viewport and lays the pane out again for the width.
func (m *ClientScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.Width, m.vp.Height = w, max(h-clientHeaderLines, 1)
	m.render()
}

// available lists the actions that apply to this client now.
func (m *ClientScreen) available() []ClientAction {
	t := m.Target()
	var out []ClientAction
	for _, a := range m.actions {
		if t.Assessment != nil && (a.Available == nil || a.Available(t)) {
			out = append(out, a)
		}
	}
	return out
}

// ShortHelp lists the main keys, most important first, with the actions
// available to the client: the footer keeps as many as fit at the width.
func (m *ClientScreen) ShortHelp() []key.Binding {
	k := m.c.Keys
	// Scrolling stays in the full help: j/k are what everyone tries first
	// anyway, and the actions are what the screen is for.
	acts := []key.Binding{k.Override}
	for _, a := range m.available() {
		acts = append(acts, a.Binding)
	}
	// What decides the client's future comes first; a log entry last.
	rank := func(b key.Binding) int {
		i := slices.IndexFunc([]key.Binding{k.Checklist, k.WhatIf, k.Remediate, k.Letter, k.Override},
			func(r key.Binding) bool { return slices.Equal(r.Keys(), b.Keys()) })
		return cmp.Or(i+1, 6)
	}
	slices.SortStableFunc(acts, func(x, y key.Binding) int { return cmp.Compare(rank(x), rank(y)) })
	return append([]key.Binding{rename(k.NextPane, "pane")}, acts...)
}

// FullHelp lists every key of the screen.
func (m *ClientScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	acts := []key.Binding{k.Override}
	for _, a := range m.available() {
		acts = append(acts, a.Binding)
	}
	return [][]key.Binding{
		scrollHelp(k),
		{k.NextPane, k.PrevPane, k.Reload},
		acts,
	}
}

// Update handles loads, pane changes, scrolling and the actions.
func (m *ClientScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if cmd, ok := m.load.update(msg, m.setSnapshot); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case clientDetailMsg:
		if msg.owner != m || msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		m.detail = msg.detail
		m.render()
	case DataChangedMsg:
		return m, tea.Batch(m.load.start(), m.loadDetail())
	case tea.MouseMsg:
		if p, ok := m.tabAt(msg); ok {
			m.setPane(p)
			return m, nil
		}
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *ClientScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.NextPane):
		m.setPane((m.pane + 1) % numPanes)
	case key.Matches(msg, k.PrevPane):
		m.setPane((m.pane + numPanes - 1) % numPanes)
	case scroll(&m.vp, k, msg):
	case key.Matches(msg, k.Reload):
		return tea.Batch(m.load.start(), m.loadDetail())
	case key.Matches(msg, k.Override):
		if t := m.Target(); t.Assessment != nil {
			return Push(NewOverrideScreen(m.c, t))
		}
	default:
		for _, a := range m.available() {
			if key.Matches(msg, a.Binding) {
				return Push(a.Open(m.c, m.Target()))
			}
		}
	}
	return nil
}

func (m *ClientScreen) setPane(p clientPane) {
	m.pane = p
	m.render()
	m.vp.GotoTop()
}

func (m *ClientScreen) setSnapshot(snap *Snapshot) {
	m.snap = snap
	m.render()
}

// render lays the current pane out for the viewport's width. It runs when
// the data, the pane or the size change, never in View.
func (m *ClientScreen) render() {
	t := m.Target()
	if t.Assessment == nil || m.width == 0 {
		return
	}
	th, w := m.c.Theme, m.vp.Width
	// Sentences wrapped across a very wide window are hard to read.
	prose := min(w, maxProseWidth)
	var body string
	switch m.pane {
	case paneVerdict:
		body = verdictPane(th, t.Assessment, prose)
	case paneLab:
		body = labPane(th, t, w)
	case paneMoney:
		body = moneyPane(th, t, w)
	case paneActivity:
		body = activityPane(th, t.Assessment, m.detail, prose)
	}
	m.vp.SetContent(body)
}

// View draws the summary, the tabs and the pane.
func (m *ClientScreen) View() string {
	th := m.c.Theme
	t := m.Target()
	if t.Assessment == nil {
		if m.load.loading {
			return m.load.view("Loading…")
		}
		return th.Error.Render("This client is no longer in the portfolio.")
	}
	return lipgloss.JoinVertical(lipgloss.Left, m.summary(t), m.tabs(), m.vp.View())
}

// summary is two lines: who the client is and what to do about it. In a
// narrow window the first line words the score and status more briefly,
// and the second gives up whole facts from its end, never half of one.
func (m *ClientScreen) summary(t ClientTarget) string {
	th := m.c.Theme
	a := t.Assessment
	f := a.Client
	sep := th.Faint.Render(" · ")
	mk := markerText(t.Snapshot.Markers[f.ID])
	first := func(score, status string) string {
		items := []string{th.Heading.Render(textsafe.Line(f.Name)), th.badge(a), score, status}
		if mk != "" {
			items = append(items, th.Warning.Render(mk))
		}
		return strings.Join(items, sep)
	}
	line1 := fitting(m.width, first(fmt.Sprintf("score %d/100", a.Score), "status "+string(f.Status)),
		first(fmt.Sprintf("score %d", a.Score), string(f.Status)))
	if m.load.loading {
		line1 += " " + m.load.spin.View()
	}
	line2 := []string{plural(f.Seats, "seat"), "MRR " + moneyWhole(f.MRR) + " " + f.Currency}
	d := m.detail
	if d.loaded {
		line2 = append(line2, fmt.Sprintf("%d days' notice", d.client.NoticeDays))
	}
	line2 = append(line2, a.HistoryText())
	if a.PaymentGrade != "" {
		line2 = append(line2, "payment grade "+a.PaymentGrade)
	}
	if d.loaded && d.client.AgreementName != "" {
		line2 = append(line2, textsafe.Line(d.client.AgreementName))
	}
	facts := wrapItems(line2, " · ", m.width)
	if len(facts) > 1 {
		facts[0] += " …"
		if lipgloss.Width(facts[0]) > m.width {
			facts[0] = truncateWords(facts[0], m.width)
		}
	}
	return truncate(line1, m.width) + "\n" + th.Subtle.Render(truncate(facts[0], m.width))
}

// tabLine is the line of the tab bar within the screen.
const tabLine = clientHeaderLines - 1

// tabLabel is a pane's name in the tab bar; the brackets mark the current
// one without colour too.
func (m *ClientScreen) tabLabel(p clientPane) string {
	if p == m.pane {
		return m.c.Theme.ActiveTab.Render("[" + p.String() + "]")
	}
	return m.c.Theme.Tab.Render(" " + p.String() + " ")
}

// tabAt is the pane whose tab a left click landed on.
func (m *ClientScreen) tabAt(msg tea.MouseMsg) (clientPane, bool) {
	if msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionPress || msg.Y != tabLine {
		return 0, false
	}
	x := 0
	for p := range numPanes {
		x += lipgloss.Width(m.tabLabel(p))
		if msg.X < x {
			return p, true
		}
	}
	return 0, false
}

// tabs draws the tab bar, with how far the pane is scrolled at its right.
func (m *ClientScreen) tabs() string {
	th := m.c.Theme
	var bar strings.Builder
	for p := range numPanes {
		bar.WriteString(m.tabLabel(p))
	}
	scroll := ""
	if m.vp.TotalLineCount() > m.vp.Height {
		scroll = th.Faint.Render(fmt.Sprintf("%3.0f%%", m.vp.ScrollPercent()*100))
	}
	gap := max(1, m.width-lipgloss.Width(bar.String())-lipgloss.Width(scroll))
	return "\n" + bar.String() + strings.Repeat(" ", gap) + scroll
}
