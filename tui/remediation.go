package tui

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// Remediation is what `r` opens on a client (seeds 003, 004: exhaust the
// options first): the walkthrough of the meeting and plan, resumed where
// it was left if one is in progress, or the plan being tracked when one
// was agreed. Finishing the walkthrough turns the screen into the plan's
// tracking; `r` on a closed plan starts a new walkthrough.
type Remediation struct {
	c        *Common
	clientID int64
	client   store.Client
	seed     SeedFunc
	inner    Screen
	width    int
	height   int
}

// SeedFunc builds the pre-filled form of a new walkthrough; it runs inside
// a command, so it may read the database.
type SeedFunc func(ctx context.Context, d *casefile.Desk, client store.Client) (casefile.PlanForm, error)

// remediationLoadedMsg carries what the screen opens on.
type remediationLoadedMsg struct {
	casefile.RemediationCase
	err error
}

// SeedFromAssessment pre-fills a new walkthrough from the client's
// assessment (see casefile.PlanSeed); a may be nil.
func SeedFromAssessment(a *scoring.Assessment) SeedFunc {
	return func(ctx context.Context, d *casefile.Desk, client store.Client) (casefile.PlanForm, error) {
		return d.SeedPlan(ctx, client, a)
	}
}

// NewRemediation opens remediation for the client with the given id; seed
// pre-fills a new walkthrough (see SeedFromAssessment) and is not called
// when a draft is resumed.
func NewRemediation(c *Common, clientID int64, seed SeedFunc) *Remediation {
	return &Remediation{c: c, clientID: clientID, seed: seed}
}

// open loads what the screen opens on (see casefile.Desk.OpenRemediation);
// with fresh a closed plan gives way to a new walkthrough.
func (m *Remediation) open(fresh bool) tea.Cmd {
	c, id, seed := m.c, m.clientID, m.seed
	return func() tea.Msg {
		rc, err := c.OpenRemediation(c.context(), id, fresh, func(ctx context.Context, client store.Client) (casefile.PlanForm, error) {
			return seed(ctx, c.Desk, client)
		})
		return remediationLoadedMsg{RemediationCase: rc, err: err}
	}
}

// Init loads the client's plans.
func (m *Remediation) Init() tea.Cmd { return m.open(false) }

// Title names the screen after what it shows.
func (m *Remediation) Title() string {
	if m.inner == nil {
		return "Remediation"
	}
	return m.inner.Title()
}

// Capturing is the inner screen's.
func (m *Remediation) Capturing() bool { return m.inner != nil && m.inner.Capturing() }

// SetSize passes the size on.
func (m *Remediation) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.inner != nil {
		m.inner.SetSize(w, h)
	}
}

// ShortHelp is the inner screen's.
func (m *Remediation) ShortHelp() []key.Binding {
	if m.inner == nil {
		return nil
	}
	return m.inner.ShortHelp()
}

// FullHelp is the inner screen's.
func (m *Remediation) FullHelp() [][]key.Binding {
	if m.inner == nil {
		return nil
	}
	return m.inner.FullHelp()
}

// Flush saves the walkthrough's pending input.
func (m *Remediation) Flush() tea.Cmd {
	if f, ok := m.inner.(Flusher); ok {
		return f.Flush()
	}
	return nil
}

// show makes s the inner screen.
func (m *Remediation) show(s Screen) tea.Cmd {
	m.inner = s
	if m.width > 0 {
		s.SetSize(m.width, m.height)
	}
	return s.Init()
}

// Update switches between the walkthrough and the tracking, and passes
// everything else to the one shown.
func (m *Remediation) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case remediationLoadedMsg:
		if msg.err != nil {
			return m, tea.Batch(Fail(msg.err), Pop)
		}
		m.client = msg.Client
		if msg.Track != 0 {
			return m, m.show(newPlanTracking(m.c, m.client, msg.Track))
		}
		note := "New remediation walkthrough, pre-filled from the red flags."
		if msg.Resumed {
			// In the zone the walkthrough's times are typed in, named.
			note = fmt.Sprintf("Resumed the walkthrough saved %s.", msg.Draft.UpdatedAt.In(zoneOr(msg.Zone)).Format("2 Jan 15:04 MST"))
		}
		return m, tea.Batch(m.show(newWalkthrough(m.c, msg.RemediationCase)), Notify(note))
	case planFinishedMsg:
		if msg.err == nil {
			words := fmt.Sprintf("Plan %s and recorded.", msg.plan.Status.Label())
			return m, tea.Batch(m.show(newPlanTracking(m.c, m.client, msg.plan.ID)), Notify(words),
				func() tea.Msg { return DataChangedMsg{} })
		}
	case newPlanMsg:
		return m, m.open(true)
	}
	if m.inner == nil {
		return m, nil
	}
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, cmd
}

// View is the inner screen's.
func (m *Remediation) View() string {
	if m.inner == nil {
		return m.c.Theme.Subtle.Render("Opening the remediation plan…")
	}
	return m.inner.View()
}
