package tui

import (
	"offboard/textsafe"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Prompt is a small inline form of labelled text fields that asks for what
// an action needs (an export path, a sign-off name) before it runs. Enter on
// the last field confirms, tab and shift+tab move between fields, esc
// cancels. A pre-filled value behaves as if selected: the first letter
// typed replaces it, while arrows or backspace edit it, so typing your own
// name over a suggested signer never yields "Dana WhitfieldSam".
type Prompt struct {
	title  string
	labels []string
	inputs []textinput.Model
	fresh  []bool // still holding its pre-filled value, untouched
	focus  int
}

// PromptField is one field of a prompt with its starting value.
type PromptField struct {
	Label, Value, Placeholder string
}

// PromptResult says how a key left the prompt.
type PromptResult int

// The outcomes of a key in a prompt.
const (
	PromptOpen PromptResult = iota
	PromptConfirmed
	PromptCancelled
)

// NewPrompt builds a prompt with the first field focused.
func NewPrompt(title string, fields ...PromptField) *Prompt {
	p := &Prompt{title: title}
	for i, f := range fields {
		in := NewInput()
		in.SetValue(textsafe.Line(f.Value))
		in.Placeholder = f.Placeholder
		in.CursorEnd()
		if i == 0 {
			in.Focus()
		}
		p.labels = append(p.labels, f.Label)
		p.inputs = append(p.inputs, in)
		p.fresh = append(p.fresh, f.Value != "")
	}
	return p
}

var (
	promptNext = key.NewBinding(key.WithKeys("tab", "down"))
	promptPrev = key.NewBinding(key.WithKeys("shift+tab", "up"))
)

// Update takes a key, or a message for the focused field (a paste), and
// says whether the prompt is done.
func (p *Prompt) Update(msg tea.Msg, keys KeyMap) (PromptResult, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, keys.Back):
			return PromptCancelled, nil
		case key.Matches(k, keys.Enter):
			if p.focus == len(p.inputs)-1 {
				return PromptConfirmed, nil
			}
			return PromptOpen, p.move(1)
		case key.Matches(k, promptNext):
			return PromptOpen, p.move(1)
		case key.Matches(k, promptPrev):
			return PromptOpen, p.move(-1)
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok && p.fresh[p.focus] {
		p.fresh[p.focus] = false
		if k.Type == tea.KeyRunes || k.Type == tea.KeySpace {
			p.inputs[p.focus].SetValue("")
		}
	}
	var cmd tea.Cmd
	p.inputs[p.focus], cmd = p.inputs[p.focus].Update(msg)
	return PromptOpen, cmd
}

func (p *Prompt) move(by int) tea.Cmd {
	p.inputs[p.focus].Blur()
	p.focus = (p.focus + by + len(p.inputs)) % len(p.inputs)
	return p.inputs[p.focus].Focus()
}

// Value is the text of field i, trimmed.
func (p *Prompt) Value(i int) string { return strings.TrimSpace(p.inputs[i].Value()) }

// Len is the number of fields the prompt asks for.
func (p *Prompt) Len() int { return len(p.inputs) }

// ShortHelp is the prompt's keys for the help line: while it is open esc
// cancels it rather than going back.
func (p *Prompt) ShortHelp(keys KeyMap) []key.Binding {
	confirm, cancel := keys.Enter, keys.Back
	confirm.SetHelp("enter", "confirm")
	cancel.SetHelp("esc", "cancel")
	return []key.Binding{confirm, cancel}
}

// View draws the prompt in a box width cells wide.
func (p *Prompt) View(th Theme, width int) string {
	labelWidth := 0
	for _, l := range p.labels {
		labelWidth = max(labelWidth, lipgloss.Width(l))
	}
	// Titles quote client names and step titles.
	lines := []string{th.Heading.Render(textsafe.Line(p.title))}
	for i, in := range p.inputs {
		in.Width = max(width-labelWidth-8, 10)
		label := th.Subtle.Render(padCells(p.labels[i], labelWidth))
		if i == p.focus {
			label = th.Cursor.Render(padCells(p.labels[i], labelWidth))
		}
		lines = append(lines, label+"  "+in.View())
	}
	lines = append(lines, th.Faint.Render("enter confirm · tab next field · esc cancel"))
	return th.ActiveBox.Width(max(width-2, 20)).Render(strings.Join(lines, "\n"))
}

// padCells pads s with spaces to width cells.
func padCells(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
