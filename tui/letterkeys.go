package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/textsafe"
)

// updateKeys moves in the form, scrolls the preview and starts the
// actions; the letter as sent only scrolls and copies.
func (m *LetterScreen) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k, g := m.keys(), m.c.Keys
	if m.sent != nil {
		return m.updateSentKeys(msg)
	}
	if m.previewFocus && m.preview.Scroll(g, msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.pane):
		m.previewFocus = !m.previewFocus
	case key.Matches(msg, g.Up):
		m.move(-1)
	case key.Matches(msg, g.Down):
		m.move(1)
	case key.Matches(msg, g.Top):
		m.move(-len(letterFields))
	case key.Matches(msg, g.Bottom):
		m.move(len(letterFields))
	case key.Matches(msg, g.PageUp, g.PageDown):
		m.preview.Scroll(g, msg)
	case key.Matches(msg, k.toggle):
		if f := letterFields[m.cursor]; f.kind == letterBool {
			return m.toggle(f)
		}
	case key.Matches(msg, k.edit):
		return m.startEditing()
	case key.Matches(msg, k.editor):
		return EditText(m.c.Getenv, m, m.markdown, "letter.md")
	case key.Matches(msg, k.regen):
		return m.regenerate()
	case key.Matches(msg, k.copy):
		if m.markdown == "" {
			return Fail(m.problem)
		}
		return CopyText(m.c.Output, m.c.Getenv, m.markdown, "the letter")
	case key.Matches(msg, k.export):
		return m.askExport()
	}
	return nil
}

// updateSentKeys scrolls and copies the letter as sent, and starts a
// notice superseding it once the owner confirms.
func (m *LetterScreen) updateSentKeys(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys().copy):
		return CopyText(m.c.Output, m.c.Getenv, m.sent.Letter.Markdown, "the letter as sent")
	case key.Matches(msg, m.keys().supersede):
		if casefile.ClientStatusOf(m.client.Status) != scoring.StatusNotice {
			return Fail(errors.New("only a notice still running can be superseded; re-engage the client first"))
		}
		t := m.sent.Termination
		m.prompt = NewPrompt(fmt.Sprintf("Write a new notice superseding the notice of %s, effective %s? Its dates will be withdrawn.",
			letters.FormatDate(t.Sent), letters.FormatDate(t.Effective)), PromptField{Label: "Type yes to confirm", Placeholder: "yes"})
		m.layout()
		return nil
	}
	m.preview.Scroll(m.c.Keys, msg)
	return nil
}

// startEditing opens the field under the cursor for typing, or flips it
// when it is a yes/no field.
func (m *LetterScreen) startEditing() tea.Cmd {
	f := letterFields[m.cursor]
	if f.kind == letterBool {
		return m.toggle(f)
	}
	m.editing, m.before = true, m.draft
	m.edit = m.editField(f)
	return m.edit.focus()
}

// editField is the form field that types into letter field f. A date is
// read as every date field reads it ("fri", "+30d") and kept in the draft
// as its ISO form as soon as it reads, so the letter and the dates that
// follow from it move as it is typed.
func (m *LetterScreen) editField(f letterField) *field {
	fl := &field{kind: fieldLine, label: f.label, row: -1,
		get: func() string { return f.value(&m.draft) },
		set: func(v string) { f.set(&m.draft, v) }}
	if f.kind == letterDate {
		loc := m.c.Today().Location()
		fl.check, _ = dateInput(m.c.Now, loc, false)
		fl.set = func(v string) {
			if d, err := casefile.ReadDate(v, m.c.Now(), loc, false); err == nil {
				v = d.ISO()
			}
			f.set(&m.draft, v)
		}
	}
	fl.load(formWidth, m.c.Theme)
	return fl
}

// regenerate discards the owner's edited text for the letter rendered from
// the fields.
func (m *LetterScreen) regenerate() tea.Cmd {
	if m.draft.Markdown == "" {
		return Notify("The letter is already generated from the fields")
	}
	m.draft.Markdown = ""
	return tea.Batch(m.refresh(), m.save(), Notify("Regenerated the letter from the fields; your edit was discarded"))
}

// askExport asks where to export the letter as sent, once it can be sent;
// when the tone check found something, the owner must also acknowledge it.
func (m *LetterScreen) askExport() tea.Cmd {
	if err := m.sendable(); err != nil {
		return Fail(err)
	}
	fields := []PromptField{{Label: "File", Value: m.draft.ExportPath}}
	if phrases := casefile.TonePhrases(m.markdown); len(phrases) > 0 {
		fields = append(fields, PromptField{Label: "Tone check: " + textsafe.Line(strings.Join(phrases, ", ")) + ". Send as it is? Type yes", Placeholder: "yes"})
	}
	m.prompt = NewPrompt("Export the letter and record it as sent to "+m.client.Name, fields...)
	m.layout()
	return nil
}

func (m *LetterScreen) move(by int) {
	m.cursor = min(max(m.cursor+by, 0), len(letterFields)-1)
	m.keepCursorVisible()
}

func (m *LetterScreen) toggle(f letterField) tea.Cmd {
	p := f.flag(&m.draft)
	*p = !*p
	return tea.Batch(m.refresh(), m.save())
}

func (m *LetterScreen) updateEditing(msg tea.KeyMsg) tea.Cmd {
	k, g := m.keys(), m.c.Keys
	switch {
	case key.Matches(msg, k.cancel):
		m.editing = false
		m.edit.blur()
		m.draft = m.before
		return tea.Batch(m.refresh(), m.save())
	case key.Matches(msg, k.done):
		m.editing = false
		m.edit.blur()
		return nil
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyDown || key.Matches(msg, g.NextPane):
		m.editing = false
		m.edit.blur()
		if msg.Type == tea.KeyUp {
			m.move(-1)
		} else {
			m.move(1)
		}
		return nil
	}
	var cmds []tea.Cmd
	changed := false
	for _, one := range oneRuneEach(msg) {
		c, _, cmd := m.edit.update(one, g)
		changed = changed || c
		cmds = append(cmds, cmd)
	}
	if !changed {
		return tea.Batch(cmds...)
	}
	switch letterFields[m.cursor].key {
	case "sent", "notice_days":
		m.draft.Reschedule(m.facts.Calendar)
	case "effective":
		m.draft.RescheduleFromEffective(m.facts.Calendar)
	}
	return tea.Batch(append(cmds, m.refresh(), m.save())...)
}

func (m *LetterScreen) updatePrompt(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.prompt.Update(msg, m.c.Keys)
	switch res {
	case PromptCancelled:
		m.prompt = nil
		m.layout()
		return nil
	case PromptConfirmed:
		p := m.prompt
		m.prompt = nil
		m.layout()
		if m.sent != nil {
			return m.confirmSupersede(p.Value(0))
		}
		return m.confirmExport(p)
	}
	return cmd
}

// confirmSupersede opens the form for a notice superseding the one sent,
// when the owner typed yes.
func (m *LetterScreen) confirmSupersede(answer string) tea.Cmd {
	if !isYes(answer) {
		return Notify("The notice stands; nothing was changed")
	}
	m.supersede, m.sent, m.loaded = true, nil, false
	return m.Init()
}

// confirmExport sends the letter to the file the prompt names, once the
// tone check, if it asked, is acknowledged.
func (m *LetterScreen) confirmExport(p *Prompt) tea.Cmd {
	path := p.Value(0)
	if path == "" {
		return Fail(errors.New("the export needs a file name"))
	}
	acceptTone := p.Len() > 1 && isYes(p.Value(1))
	if p.Len() > 1 && !acceptTone {
		return Fail(errors.New("not sent: type yes to acknowledge the tone check, or reword the letter"))
	}
	m.draft.ExportPath = path
	return tea.Batch(m.save(), m.send(path, acceptTone))
}

// isYes reports whether a typed confirmation is yes.
func isYes(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "yes") }
