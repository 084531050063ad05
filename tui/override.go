package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/scoring"
	"offboard/textsafe"
)

// OverrideScreen lets the owner replace a client's computed recommendation
// with their own, or clear an earlier override. A reason is required: it
// goes into the decisions log, so the audit trail says why (seed 001: keep
// records).
type OverrideScreen struct {
	c       *Common
	target  ClientTarget
	choices []scoring.Recommendation // "" clears the override
	choice  int
	reason  textinput.Model
	problem string
	saving  bool
	width   int
}

type overrideSavedMsg struct {
	owner *OverrideScreen
	err   error
}

// NewOverrideScreen opens the override form for t, starting on the
// recommendation in force.
func NewOverrideScreen(c *Common, t ClientTarget) *OverrideScreen {
	ti := textinput.New()
	ti.Prompt = "Reason: "
	ti.Placeholder = "why the assessment is not the whole story"
	ti.PromptStyle = c.Theme.Key
	ti.CharLimit = 500
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Focus()
	choices := scoring.Recommendations()
	// The reason starts empty even over an earlier override: each decision
	// in the record gives its own reason, never one carried over.
	if t.Assessment.Override != nil {
		choices = append(choices, "")
	}
	m := &OverrideScreen{c: c, target: t, choices: choices, reason: ti}
	for i, r := range choices {
		if r == t.Assessment.Recommendation {
			m.choice = i
		}
	}
	return m
}

// Init starts nothing: the form waits for the owner.
func (m *OverrideScreen) Init() tea.Cmd { return nil }

// Title names the screen.
func (m *OverrideScreen) Title() string { return "Override" }

// Capturing is true: the reason is free text, so q and ? are typed.
func (m *OverrideScreen) Capturing() bool { return true }

// SetSize sets the drawing area.
func (m *OverrideScreen) SetSize(w, _ int) {
	m.width = w
	m.reason.Width = max(w-len(m.reason.Prompt)-2, 10)
}

// ShortHelp lists the form's keys.
func (m *OverrideScreen) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Choose, k.Confirm}
}

// FullHelp lists the form's keys.
func (m *OverrideScreen) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Update chooses, types and saves.
func (m *OverrideScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case overrideSavedMsg:
		if msg.owner != m {
			return m, nil
		}
		m.saving = false
		if msg.err != nil {
			m.problem = msg.err.Error()
			return m, nil
		}
		note := "Override saved for " + m.target.Name
		if m.choices[m.choice] == "" {
			note = "Override cleared for " + m.target.Name
		}
		return m, tea.Sequence(Pop, DataChanged, Notify(note))
	case tea.KeyMsg:
		switch {
		case m.saving:
			return m, nil
		case key.Matches(msg, m.c.Keys.Back):
			return m, Pop
		case msg.Type == tea.KeyUp:
			m.choice = (m.choice + len(m.choices) - 1) % len(m.choices)
			return m, nil
		case msg.Type == tea.KeyDown:
			m.choice = (m.choice + 1) % len(m.choices)
			return m, nil
		case key.Matches(msg, m.c.Keys.Confirm):
			return m, m.save()
		}
		var cmd tea.Cmd
		m.reason, cmd = m.reason.Update(msg)
		m.problem = ""
		return m, cmd
	}
	return m, nil
}

func (m *OverrideScreen) save() tea.Cmd {
	reason := strings.TrimSpace(m.reason.Value())
	if reason == "" {
		m.problem = "A reason is required: it is kept in the decisions log."
		return nil
	}
	m.saving = true
	owner, desk, ctx, id, rec := m, m.c.Desk, m.c.context(), m.target.ID, string(m.choices[m.choice])
	return func() tea.Msg {
		return overrideSavedMsg{owner: owner, err: desk.Override(ctx, id, rec, reason)}
	}
}

// View draws the choices and the reason.
func (m *OverrideScreen) View() string {
	th := m.c.Theme
	a := m.target.Assessment
	var b strings.Builder
	b.WriteString(th.Heading.Render(truncate("Override the recommendation for "+textsafe.Line(m.target.Name), m.width)) + "\n")
	for _, line := range wrap(fmt.Sprintf("The assessment says %s (score %d). Your choice replaces it everywhere until cleared.",
		a.Computed.Title(), a.Score), m.width) {
		b.WriteString(th.Subtle.Render(line) + "\n")
	}
	b.WriteByte('\n')
	for i, r := range m.choices {
		label := r.Title()
		if r == "" {
			label = "Clear the override (back to " + a.Computed.Title() + ")"
		}
		if r == a.Computed {
			label += th.Faint.Render("  (computed)")
		}
		if i == m.choice {
			b.WriteString(th.Cursor.Render("▸ ") + th.Badge[string(r)].Render(label) + "\n")
		} else {
			b.WriteString("  " + label + "\n")
		}
	}
	b.WriteString("\n" + m.reason.View() + "\n")
	switch {
	case m.saving:
		b.WriteString(th.Subtle.Render("Saving…"))
	case m.problem != "":
		b.WriteString(th.Error.Render(truncate(m.problem, m.width)))
	}
	return b.String()
}
