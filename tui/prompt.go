package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/textsafe"
)

// Prompt is the workbench's one dialog: a small box of labelled one-line
// fields that asks for what an action needs (a sign-off, an export path,
// new terms, a confirmation) before it runs. Its fields are the forms'
// fields, so they behave alike everywhere: a suggested value is selected
// and replaced by typing, edited by arrows; a date is read back as its
// weekday as it is typed, a refused value says why beside the field. enter
// moves to the next field and on the last one confirms, as the box's last
// line says; a value still refused keeps the dialog open with everything
// typed. esc cancels, asking first when something was typed.
type Prompt struct {
	title  string
	values []string
	// initial are the values as the dialog opened, to tell typed text.
	initial []string
	form    form
	// tried is set by an attempt to confirm: from then on every field's
	// problem shows, not only those of the fields typed in.
	tried   bool
	discard discardGuard
}

// PromptField is one field of a prompt with its starting value.
type PromptField struct {
	Label, Value, Placeholder string
	// Check reads the text as it is typed: a note to show beside it (a
	// date's weekday) or what is wrong with it, which stops the dialog
	// confirming. nil accepts any text.
	Check func(string) (note string, err error)
	// Settle rewrites the text as the cursor leaves the field, as a date
	// field keeps "fri" as the day it meant.
	Settle func(string) string
}

// PromptResult says how a key left the prompt.
type PromptResult int

// The outcomes of a key in a prompt.
const (
	PromptOpen PromptResult = iota
	PromptConfirmed
	PromptCancelled
)

// NewPrompt builds a prompt with the first field focused and its text
// selected.
func NewPrompt(title string, fields ...PromptField) *Prompt {
	p := &Prompt{title: title, values: make([]string, len(fields))}
	fs := make([]*field, len(fields))
	for i, f := range fields {
		p.values[i] = f.Value
		get, set := bind(&p.values[i])
		fs[i] = &field{kind: fieldLine, label: f.Label, hint: f.Placeholder, get: get, set: set, row: -1,
			check: f.Check, settle: f.Settle}
	}
	p.initial = append([]string(nil), p.values...)
	p.form.load(fs, 0, 40, Theme{})
	return p
}

var (
	promptNext = key.NewBinding(key.WithKeys("tab", "down"))
	promptPrev = key.NewBinding(key.WithKeys("shift+tab", "up"))
)

// Update takes a key, or a message for the focused field (a paste), and
// says whether the prompt is done.
func (p *Prompt) Update(msg tea.Msg, keys KeyMap) (PromptResult, tea.Cmd) {
	k, isKey := msg.(tea.KeyMsg)
	if !isKey {
		return PromptOpen, p.form.updateWidget(msg)
	}
	if ok, discard := p.discard.answer(k); ok {
		if discard {
			return PromptCancelled, nil
		}
		return PromptOpen, nil
	}
	switch {
	case key.Matches(k, keys.Back):
		if p.discard.esc(p.typed()) {
			return PromptCancelled, nil
		}
		return PromptOpen, nil
	case key.Matches(k, keys.Enter):
		if !p.form.lastField() {
			cmd, _, _ := p.form.move(1)
			return PromptOpen, cmd
		}
		return p.confirm()
	case key.Matches(k, promptNext):
		return PromptOpen, p.cycle(1)
	case key.Matches(k, promptPrev):
		return PromptOpen, p.cycle(-1)
	}
	var cmds []tea.Cmd
	for _, one := range oneRuneEach(k) {
		_, _, cmd := p.form.focused().update(one, keys)
		cmds = append(cmds, cmd)
	}
	return PromptOpen, tea.Batch(cmds...)
}

// confirm closes the dialog when every value is allowed; otherwise the
// cursor goes to the first one refused and everything typed stays.
func (p *Prompt) confirm() (PromptResult, tea.Cmd) {
	p.form.settle()
	p.tried = true
	if i := p.form.firstInvalid(); i >= 0 {
		return PromptOpen, p.form.goTo(i)
	}
	return PromptConfirmed, nil
}

// cycle moves the cursor round the fields, from the last back to the first.
func (p *Prompt) cycle(by int) tea.Cmd {
	n := len(p.form.fields)
	return p.form.goTo((p.form.focus + by + n) % n)
}

// typed reports whether any field holds text other than it opened with.
func (p *Prompt) typed() bool {
	for i, v := range p.values {
		if v != p.initial[i] {
			return true
		}
	}
	return false
}

// Value is the text of field i, trimmed.
func (p *Prompt) Value(i int) string { return strings.TrimSpace(p.values[i]) }

// Asking reports whether the prompt asks whether to throw away what was
// typed, when its answer takes every key.
func (p *Prompt) Asking() bool { return p.discard.asking }

// Len is the number of fields the prompt asks for.
func (p *Prompt) Len() int { return len(p.values) }

// ShortHelp is the prompt's keys for the help line: enter says what it
// does on the field at hand, and esc cancels the dialog rather than going
// back.
func (p *Prompt) ShortHelp(keys KeyMap) []key.Binding {
	if p.discard.asking {
		return questionKeys()
	}
	enter, cancel := keys.Enter, keys.Back
	enter.SetHelp("enter", p.enterWord())
	cancel.SetHelp("esc", "cancel")
	if len(p.values) == 1 {
		return []key.Binding{enter, cancel}
	}
	next := keys.NextField
	next.SetHelp("tab/shift+tab", "move")
	return []key.Binding{enter, next, cancel}
}

// enterWord is what enter does on the focused field.
func (p *Prompt) enterWord() string {
	if p.form.lastField() {
		return "confirm"
	}
	return "next field"
}

// View draws the prompt in a box width cells wide: the title, one row per
// field with its label, and under a field what its check read or refused.
func (p *Prompt) View(th Theme, width int) string {
	labelWidth := 0
	for _, f := range p.form.fields {
		labelWidth = max(labelWidth, lipgloss.Width(f.label))
	}
	inner := max(width-4, 24)
	valueWidth := max(inner-2-labelWidth-2, 10)
	// Titles quote client names and step titles.
	lines := wrap(textsafe.Line(p.title), inner)
	for i := range lines {
		lines[i] = th.Heading.Render(lines[i])
	}
	for i, f := range p.form.fields {
		focused := i == p.form.focus
		marker, label := "  ", th.Subtle.Render(padCells(f.label, labelWidth))
		if focused {
			marker, label = th.Cursor.Render("› "), th.Cursor.Render(padCells(f.label, labelWidth))
		}
		f.input.Width, f.input.PlaceholderStyle = valueWidth-1, th.Faint
		lines = append(lines, marker+label+"  "+f.inputView(th, focused))
		pad := strings.Repeat(" ", 2+labelWidth+2)
		switch note, err := f.verdict(); {
		case err != nil && (p.tried || p.values[i] != p.initial[i]):
			for _, l := range wrap("✗ "+err.Error(), valueWidth) {
				lines = append(lines, pad+th.Error.Render(l))
			}
		case note != "":
			lines = append(lines, pad+th.Faint.Render(truncate(note, valueWidth)))
		}
	}
	foot := "enter " + p.enterWord() + " · esc cancel"
	if len(p.values) > 1 {
		foot = "enter " + p.enterWord() + " · tab/shift+tab move · esc cancel"
	}
	if p.discard.asking {
		lines = append(lines, th.Warning.Render(truncate(discardQuestion, inner)))
	} else {
		lines = append(lines, th.Faint.Render(truncate(foot, inner)))
	}
	return th.ActiveBox.Width(max(width-2, 20)).Render(strings.Join(lines, "\n"))
}

// padCells pads s with spaces to width cells.
func padCells(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
