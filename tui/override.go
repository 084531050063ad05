package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/textsafe"
)

// OverrideScreen lets the owner replace a client's computed recommendation
// with their own, or clear an earlier override. A reason is required: it
// goes into the decisions log, so the audit trail says why (seed 001: keep
// records). The reason is a field of the workbench's one form, so it types
// and checks as every other; ↑/↓ choose at any time, and enter, the form
// having one field, saves.
type OverrideScreen struct {
	c       *Common
	target  ClientTarget
	choices []scoring.Recommendation // "" clears the override
	choice  int
	reason  string
	fields  form
	// tried is set by an attempt to save: an empty reason is then refused
	// beside its field.
	tried   bool
	problem string
	saving  bool
	discard discardGuard
	width   int
}

type overrideSavedMsg struct {
	owner *OverrideScreen
	err   error
}

// NewOverrideScreen opens the override form for t, starting on the
// recommendation in force.
func NewOverrideScreen(c *Common, t ClientTarget) *OverrideScreen {
	choices := scoring.Recommendations()
	// The reason starts empty even over an earlier override: each decision
	// in the record gives its own reason, never one carried over.
	if t.Assessment.Override != nil {
		choices = append(choices, "")
	}
	m := &OverrideScreen{c: c, target: t, choices: choices}
	for i, r := range choices {
		if r == t.Assessment.Recommendation {
			m.choice = i
		}
	}
	reason := line("Reason", "why the assessment is not the whole story", &m.reason)
	reason.check = func(s string) (string, error) {
		if m.tried && strings.TrimSpace(s) == "" {
			return "", casefile.ErrNoReason
		}
		return "", nil
	}
	m.fields.load([]*field{reason}, 0, 60, c.Theme)
	return m
}

// Init starts nothing: the form waits for the owner.
func (m *OverrideScreen) Init() tea.Cmd { return m.fields.focused().focus() }

// Title names the screen.
func (m *OverrideScreen) Title() string { return "Override" }

// Capturing is true: the reason is free text, so q and ? are typed.
func (m *OverrideScreen) Capturing() bool { return true }

// Asking reports whether the screen asks whether to throw away the reason.
func (m *OverrideScreen) Asking() bool { return m.discard.asking }

// SetSize sets the drawing area.
func (m *OverrideScreen) SetSize(w, _ int) {
	m.width = w
	m.fields.resize(max(min(w-4, 96), 20))
}

// ShortHelp lists the form's keys.
func (m *OverrideScreen) ShortHelp() []key.Binding {
	if m.discard.asking {
		return questionKeys()
	}
	k := m.c.Keys
	return []key.Binding{k.Choose, k.Confirm, rename(k.Back, "cancel")}
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
		return m, m.key(msg)
	}
	return m, m.fields.updateWidget(msg)
}

// key chooses with ↑/↓, saves with enter and types the reason; esc over a
// typed reason asks first.
func (m *OverrideScreen) key(msg tea.KeyMsg) tea.Cmd {
	if m.saving {
		return nil
	}
	if handled, cmd := m.discard.guard(msg, m.c.Keys.Back, strings.TrimSpace(m.reason) != ""); handled {
		return cmd
	}
	switch {
	case msg.Type == tea.KeyUp:
		m.choice = (m.choice + len(m.choices) - 1) % len(m.choices)
		return nil
	case msg.Type == tea.KeyDown:
		m.choice = (m.choice + 1) % len(m.choices)
		return nil
	case key.Matches(msg, m.c.Keys.Confirm):
		return m.save()
	}
	_, _, cmd := m.fields.key(msg, m.c.Keys)
	m.problem = ""
	return cmd
}

func (m *OverrideScreen) save() tea.Cmd {
	m.tried = true
	reason := strings.TrimSpace(m.reason)
	if reason == "" {
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
	b.WriteString("\n" + m.fields.view(th, m.width, 3, nil) + "\n")
	switch {
	case m.discard.asking:
		b.WriteString(th.Warning.Render(truncate(discardQuestion, m.width)))
	case m.saving:
		b.WriteString(th.Subtle.Render("Saving…"))
	case m.problem != "":
		b.WriteString(th.Error.Render(truncate(m.problem, m.width)))
	}
	return b.String()
}
