package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
	"offboard/textsafe"
)

// PlanTracking follows a finished plan: its actions ticked off as they
// are done, its terms, and each flagged metric before the meeting and
// since, so the owner sees whether things improved.
type PlanTracking struct {
	c      *Common
	client store.Client
	planID int64
	plan   casefile.Plan
	cmp    casefile.PlanComparison
	cmpErr error
	// review is the client's zone and our calendar the plan's dates are
	// read and shown in, and the extension a review suggests.
	review casefile.ReviewSetting
	loaded bool
	cursor int
	// req numbers loads; a result from an older load is dropped.
	req    int
	width  int
	height int
}

type trackingLoadedMsg struct {
	req    int
	plan   casefile.Plan
	cmp    casefile.PlanComparison
	cmpErr error
	review casefile.ReviewSetting
	err    error
}

type itemTickedMsg struct{ err error }

// newPlanTracking shows the plan with the given id.
func newPlanTracking(c *Common, client store.Client, planID int64) *PlanTracking {
	return &PlanTracking{c: c, client: client, planID: planID}
}

func (m *PlanTracking) load() tea.Cmd {
	m.req++
	req, c, id, now := m.req, m.c, m.planID, m.c.Now()
	return func() tea.Msg {
		ctx := c.context()
		p, err := c.Plan(ctx, id)
		if err != nil {
			return trackingLoadedMsg{req: req, err: err}
		}
		msg := trackingLoadedMsg{req: req, plan: p}
		if msg.review, err = c.OpenReview(ctx, id); err != nil {
			return trackingLoadedMsg{req: req, err: err}
		}
		if p.Status != scoring.PlanRefused {
			msg.cmp, msg.cmpErr = c.ComparePlan(ctx, id, now)
		}
		return msg
	}
}

// Init loads the plan.
func (m *PlanTracking) Init() tea.Cmd { return m.load() }

// Title names the screen.
func (m *PlanTracking) Title() string { return "Remediation plan" }

// Capturing is false: the screen takes no free text.
func (m *PlanTracking) Capturing() bool { return false }

// SetSize sets the drawing area.
func (m *PlanTracking) SetSize(w, h int) { m.width, m.height = w, h }

func (m *PlanTracking) keys() []key.Binding {
	k := m.c.Keys
	tick, review, again := k.Toggle, k.Enter, k.Remediate
	tick.SetEnabled(m.plan.Status.Open() && len(m.plan.Actions()) > 0)
	review.SetHelp("enter", "review")
	review.SetEnabled(m.plan.Status.Open())
	again.SetHelp("r", "new plan")
	again.SetEnabled(m.loaded && !m.plan.Status.Open())
	preview := k.Preview
	preview.SetHelp("ctrl+o/e/x", "preview, edit, export")
	// Most important first: the footer keeps those that fit.
	return []key.Binding{tick, review, preview, again, k.Up, k.Down}
}

// ShortHelp lists the screen's keys that apply to this plan.
func (m *PlanTracking) ShortHelp() []key.Binding { return m.keys() }

// FullHelp lists the same keys.
func (m *PlanTracking) FullHelp() [][]key.Binding { return [][]key.Binding{m.keys()} }

// Update handles ticks, loads and the keys.
func (m *PlanTracking) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case trackingLoadedMsg:
		if msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		m.plan, m.cmp, m.cmpErr, m.review, m.loaded = msg.plan, msg.cmp, msg.cmpErr, msg.review, true
		m.review.Zone = zoneOr(m.review.Zone)
		m.cursor = min(m.cursor, max(len(m.plan.Actions())-1, 0))
	case itemTickedMsg:
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		return m, func() tea.Msg { return DataChangedMsg{} }
	case DataChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				m.cursor = max(m.cursor-1, 0)
			case tea.MouseButtonWheelDown:
				m.cursor = min(m.cursor+1, max(len(m.plan.Actions())-1, 0))
			}
		}
	}
	return m, nil
}

func (m *PlanTracking) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	actions := m.plan.Actions()
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(actions)-1, 0))
	case key.Matches(msg, k.Toggle) && m.plan.Status.Open() && m.cursor < len(actions):
		it, c := actions[m.cursor], m.c
		return func() tea.Msg { return itemTickedMsg{err: c.TickPlanItem(c.context(), it.ID, !it.Done())} }
	case key.Matches(msg, k.Enter) && m.plan.Status.Open():
		return Push(newPlanReview(m.c, m.client, m.plan, m.cmp, m.review))
	case key.Matches(msg, k.Preview), key.Matches(msg, k.Edit), key.Matches(msg, k.Export):
		return Push(newPlanPreview(m.c, m.client, m.planID, letters.KindRemediationPlan))
	case key.Matches(msg, k.Remediate) && m.loaded && !m.plan.Status.Open():
		return func() tea.Msg { return newPlanMsg{} }
	}
	return nil
}

// newPlanMsg asks the remediation screen to start a new walkthrough.
type newPlanMsg struct{}

// View draws the plan's state, the review figures, its terms and its
// actions last, scrolled so the action under the cursor shows.
func (m *PlanTracking) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Loading the plan…")
	}
	p := m.plan
	head := fmt.Sprintf("Plan %s · meeting %s", p.Status.Label(), store.Date(p.Meeting.In(m.review.Zone)))
	if !p.ReviewOn.IsZero() {
		head += " · review on " + store.Date(p.ReviewOn)
	}
	lines := []string{th.Heading.Render(head)}
	if p.ReviewDue(m.c.Now()) {
		lines[0] += "  " + th.Warning.Render("review due")
	}
	// wrap keeps sentences whole at any width.
	wrap := func(style lipgloss.Style, text string) {
		lines = append(lines, strings.Split(style.Width(max(m.width, 20)).Render(text), "\n")...)
	}
	switch p.Status {
	case scoring.PlanRefused:
		wrap(th.Error, "The client refused the plan: scoring now recommends offboarding. Thank the client and fulfil the contract.")
	case scoring.PlanFailed:
		wrap(th.Error, "The plan failed its review: scoring now recommends offboarding.")
	case scoring.PlanResolved:
		wrap(th.Good, "The plan was resolved: the client is back to active.")
	}
	if p.OutcomeNote != "" {
		wrap(th.Subtle, textsafe.Text(p.OutcomeNote))
	}
	if p.Status != scoring.PlanRefused {
		lines = append(lines, "")
		lines = append(lines, strings.Split(strings.TrimRight(comparisonView(th, m.cmp, m.cmpErr, m.width), "\n"), "\n")...)
	}
	if terms := p.Terms(); len(terms) > 0 {
		lines = append(lines, "", th.Title.Render("Terms"))
		for _, t := range terms {
			line := textsafe.Line(t.Title)
			if !t.Due.IsZero() {
				line += " from " + store.Date(t.Due)
			}
			lines = append(lines, "  "+truncate(line, m.width-2))
		}
	}
	actions := p.Actions()
	done := 0
	for _, a := range actions {
		if a.Done() {
			done++
		}
	}
	lines = append(lines, "", th.Title.Render(fmt.Sprintf("Actions · %d of %d done", done, len(actions))))
	cursorTop := len(lines)
	for i, a := range actions {
		box := "[ ]"
		if a.Done() {
			box = "[x]"
		}
		line := truncate(fmt.Sprintf("%s due %s · %s · %s (%s)", box, store.Date(a.Due), textsafe.Line(a.Title), textsafe.Line(a.OwnerName), a.OwnerSide), m.width-2)
		if i == m.cursor {
			cursorTop = len(lines)
			line = th.Selected.Render(line)
		}
		lines = append(lines, "  "+line, th.Subtle.Render("      target: "+truncate(a.Target, m.width-16)))
	}
	// The action under the cursor and its target line show.
	top := max(0, min(cursorTop+2-m.height, len(lines)-m.height))
	return strings.Join(lines[top:], "\n")
}

// comparisonView draws the flagged metrics before the meeting and since.
func comparisonView(th Theme, cmp casefile.PlanComparison, err error, width int) string {
	if err != nil {
		return th.Error.Render("Before and since: " + err.Error())
	}
	var b strings.Builder
	since := fmt.Sprintf("since (%s to %s)", cmp.Since.From.Format("Jan 2006"), store.Date(cmp.Since.To))
	if cmp.Since.Months == 0 {
		since = fmt.Sprintf("since (from %s)", cmp.Since.From.Format("Jan 2006"))
	}
	title := fmt.Sprintf("Before the meeting (%s to %s) → %s", cmp.Before.From.Format("Jan 2006"),
		cmp.Before.To.Format("Jan 2006"), since)
	b.WriteString(th.Title.Render(truncate(title, width)) + "\n")
	if cmp.Since.Months == 0 {
		b.WriteString(th.Subtle.Render("  The months since the meeting start after its own month: no figures yet.") + "\n")
	}
	for _, mc := range cmp.Metrics {
		dir := th.Faint.Render("no data")
		// The arrow follows the value, as on the lab panel; the word says
		// whether that is good news (fewer days late is, a lower margin is not).
		arrow := "▼"
		if mc.Since > mc.Before {
			arrow = "▲"
		}
		switch mc.Direction {
		case casefile.DirectionImproved:
			dir = th.Good.Render(arrow + " improved")
		case casefile.DirectionWorse:
			dir = th.Error.Render(arrow + " worse")
		case casefile.DirectionSteady:
			dir = th.Subtle.Render("= steady")
		}
		fmt.Fprintf(&b, "  %-28s %16s → %-16s %s\n", truncate(mc.Label, 28), mc.BeforeText, mc.SinceText, dir)
	}
	return b.String()
}
