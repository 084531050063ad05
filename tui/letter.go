package tui

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
)

// LetterScreen drafts a client's notice of termination (seeds 001, 002):
// a form pre-filled from the client and our settings, every field editable
// and saved as it is typed, beside a live preview rendered by glamour. The
// letter can be edited as text in $EDITOR, copied to the clipboard, and
// exported, which records it as sent and opens the offboarding checklist.
// For a client already given notice it shows the letter as sent.
type LetterScreen struct {
	c      *Common
	id     int64
	client store.Client
	draft  casefile.LetterDraft
	loaded bool
	// sent is the notice already sent, when there is one; the screen is
	// then read-only.
	sent *casefile.Notice
	// facts are the record's facts the letter is drafted with.
	facts casefile.LetterFacts
	// supersede opens the form for a client under notice, for a notice
	// that replaces it.
	supersede bool

	cursor  int
	offset  int
	editing bool
	// edit is the field being typed in while editing: the forms' field,
	// bound to the draft.
	edit *field
	// before is the whole form as it was when editing started, since a
	// changed date moves the dates that follow it.
	before casefile.LetterDraft
	// previewFocus is true when keys scroll the preview rather than move in
	// the form.
	previewFocus bool

	preview   *MarkdownView
	letter    letters.TerminationInput
	markdown  string
	problem   error
	fieldErrs casefile.FieldErrors
	gaps      []string
	tone      []letters.ToneWarning
	warnings  []string

	saver  *draftSaver
	prompt *Prompt
	width  int
	height int

	// decision quotes letting the client go in numbers, for the owner
	// only: it is drawn in the summary and never enters the letter.
	decision string
}

type letterLoadedMsg struct {
	owner  *LetterScreen
	letter casefile.LetterCase
	err    error
}

type letterSentMsg struct {
	owner *LetterScreen
	term  store.Termination
	path  string
	err   error
}

// sideBySide is the width from which the form and the preview stand side
// by side; narrower, tab switches between them.
const sideBySide = 110

// formWidth is the form's width beside the preview.
const formWidth = 52

// NewLetterScreen opens the termination letter of the client with id.
func NewLetterScreen(c *Common, id int64) *LetterScreen {
	return &LetterScreen{c: c, id: id, preview: NewMarkdownView(c.MarkdownStyle), saver: &draftSaver{}}
}

// Init loads the client, and its saved draft or a fresh one.
func (m *LetterScreen) Init() tea.Cmd {
	owner, desk, ctx, id, today, supersede := m, m.c.Desk, m.c.context(), m.id, m.c.Today(), m.supersede
	return func() tea.Msg {
		l, err := desk.OpenLetter(ctx, id, today, supersede)
		return letterLoadedMsg{owner: owner, letter: l, err: err}
	}
}

// Title names the screen.
func (m *LetterScreen) Title() string { return "Termination letter" }

// Capturing is true while a field or a prompt takes text.
func (m *LetterScreen) Capturing() bool { return m.editing || m.prompt != nil }

// Asking reports whether the dialog open asks whether to throw away what
// was typed in it.
func (m *LetterScreen) Asking() bool { return m.prompt != nil && m.prompt.Asking() }

// SetSize lays out the form and the preview; the preview renders again at
// its new width on the next message (Update ends with its Sync).
func (m *LetterScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

// layout gives the preview its share of the screen and keeps the form's
// cursor in view.
func (m *LetterScreen) layout() {
	pw, _ := m.paneWidths()
	m.preview.SetSize(pw, max(m.bodyHeight(), 1))
	m.keepCursorVisible()
}

// keepCursorVisible scrolls the form so the cursor's row, and the heading
// of its group when there is room, are in view.
func (m *LetterScreen) keepCursorVisible() {
	height := max(m.bodyHeight(), 1)
	row := 0
	for i, r := range formRows() {
		if r.field == m.cursor {
			row = i
		}
	}
	if row-1 < m.offset {
		m.offset = max(row-1, 0)
	}
	if row >= m.offset+height {
		m.offset = row - height + 1
	}
}

// paneWidths returns the preview's and the form's widths; one of them is
// the whole width when the window is narrow.
func (m *LetterScreen) paneWidths() (preview, form int) {
	if m.sent != nil {
		return m.width, 0
	}
	if m.width >= sideBySide {
		return m.width - formWidth - 1, formWidth
	}
	return m.width, m.width
}

// headerLines is the summary above the form: the notice line and up to
// three lines of warnings.
const headerLines = 4

func (m *LetterScreen) bodyHeight() int {
	h := m.height - headerLines
	if m.prompt != nil {
		h -= 5
	}
	return h
}

// keys names the screen's bindings with the help this screen gives them.
func (m *LetterScreen) keys() letterKeys {
	k := m.c.Keys
	return letterKeys{
		edit:   rename(k.Enter, "edit"),
		done:   rename(k.Enter, "done"),
		cancel: rename(k.Back, "cancel"),
		toggle: rename(k.Toggle, "toggle"),
		pane:   rename(k.NextPane, "form/preview"),
		editor: rename(k.Edit, "$EDITOR"),
		export: rename(k.Export, "export as sent"),
		copy:   rename(k.Copy, "copy"),
		regen:  rename(k.Reload, "regenerate from fields"),
		// A capital letter, as for re-engaging: a second notice is rare
		// and deliberate.
		supersede: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "new notice superseding this one")),
	}
}

type letterKeys struct {
	edit, done, cancel, toggle, pane, editor, export, copy, regen, supersede key.Binding
}

// rename is b with another description in the help.
func rename(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// ShortHelp lists the main keys for what the screen is doing.
func (m *LetterScreen) ShortHelp() []key.Binding {
	k := m.keys()
	switch {
	case m.prompt != nil:
		return m.prompt.ShortHelp(m.c.Keys)
	case m.editing:
		return []key.Binding{k.done, k.cancel}
	case m.sent != nil:
		return []key.Binding{m.c.Keys.Up, m.c.Keys.Down, k.copy, k.supersede}
	}
	// Moving between fields stays in the full help so the actions and the
	// way back fit on one line.
	return []key.Binding{k.edit, k.editor, k.export, k.copy, k.pane}
}

// FullHelp lists every key of the screen.
func (m *LetterScreen) FullHelp() [][]key.Binding {
	k, g := m.keys(), m.c.Keys
	if m.editing || m.prompt != nil || m.sent != nil {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{g.Up, g.Down, g.Top, g.Bottom, g.PageUp, g.PageDown},
		{k.edit, k.toggle, k.pane},
		{k.editor, k.regen, k.export, k.copy},
	}
}

// Update handles loading, saving, editing and the actions, then renders
// the preview again if its width changed.
func (m *LetterScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.preview.Sync())
}

func (m *LetterScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case letterLoadedMsg:
		if msg.owner != m {
			return nil
		}
		return m.opened(msg)
	case letterSentMsg:
		if msg.owner != m {
			return nil
		}
		return m.sentOff(msg)
	case EditedMsg:
		if msg.Tag != m {
			return nil
		}
		if msg.Err != nil {
			return Fail(msg.Err)
		}
		m.draft.Markdown = msg.Text
		return tea.Batch(m.refresh(), m.save(), Notify("Kept your edit; field changes no longer change the text (ctrl+r regenerates it)"))
	case markdownRenderedMsg:
		return m.preview.Update(msg)
	case tea.KeyMsg:
		switch {
		case !m.loaded:
			return nil
		case m.prompt != nil:
			return m.updatePrompt(msg)
		case m.editing:
			return m.updateEditing(msg)
		}
		return m.updateKeys(msg)
	case tea.MouseMsg:
		return m.preview.Update(msg)
	}
	// Anything else is for the focused field: text pasted with ctrl+v.
	switch {
	case m.prompt != nil:
		_, cmd := m.prompt.Update(msg, m.c.Keys)
		return cmd
	case m.editing:
		return m.edit.updateWidget(msg)
	}
	return nil
}

// opened shows the letter as loaded: the notice as sent, or the form with
// its preview.
func (m *LetterScreen) opened(msg letterLoadedMsg) tea.Cmd {
	if msg.err != nil {
		return Fail(msg.err)
	}
	l := msg.letter
	m.loaded, m.client, m.draft, m.sent, m.facts = true, l.Client, l.Draft, l.Sent, l.Facts
	m.layout()
	if m.sent != nil {
		return m.preview.SetMarkdown(m.sent.Letter.Markdown)
	}
	if err := m.facts.ClauseToAsk(m.draft); err != nil {
		// The clause is asked for, not left to a placeholder in the text.
		return tea.Batch(m.refresh(), m.askField("for_cause_clause"), Notify("Type the for-cause clause: "+err.Error()+"."))
	}
	if l.Saved {
		return tea.Batch(m.refresh(), Notify("Resumed the saved draft of this letter"))
	}
	return m.refresh()
}

// askField puts the cursor on the field with the given key and opens it
// for typing.
func (m *LetterScreen) askField(key string) tea.Cmd {
	for i, f := range letterFields {
		if f.key == key {
			m.cursor = i
			m.keepCursorVisible()
			return m.startEditing()
		}
	}
	return nil
}

// sentOff leaves the sent letter for the checklist it scheduled.
func (m *LetterScreen) sentOff(msg letterSentMsg) tea.Cmd {
	if msg.err != nil {
		return Fail(msg.err)
	}
	text := fmt.Sprintf("Notice sent to %s: exported to %s and recorded; effective %s. Tick the steps off as they are done.",
		m.client.Name, msg.path, letters.FormatDate(msg.term.Effective))
	return tea.Sequence(Pop, Push(NewChecklistScreen(m.c, m.id)), Notify(text), func() tea.Msg { return DataChangedMsg{} })
}

// refresh parses the form, renders the letter and checks it: the fields
// that do not parse, the gaps that stop it being sent, the tone. The
// template runs here because it is pure and quick; glamour runs in the
// command this returns.
func (m *LetterScreen) refresh() tea.Cmd {
	m.fieldErrs = nil
	l, err := m.c.DraftLetter(m.client, m.facts, m.draft)
	m.letter, m.problem = l.Input, err
	errors.As(err, &m.fieldErrs)
	// A form that does not parse keeps the last letter in the preview.
	if l.Markdown != "" {
		m.markdown = l.Markdown
	}
	m.gaps = casefile.LetterGaps(l.Input, m.markdown)
	m.tone = letters.ToneCheck(m.markdown)
	m.warnings = l.Input.Warnings(m.c.Today())
	return m.preview.SetMarkdown(m.markdown)
}

// sendable says why the letter cannot be exported as sent yet, or nil.
func (m *LetterScreen) sendable() error {
	if m.problem != nil {
		return fmt.Errorf("fix the letter first: %w", m.problem)
	}
	if len(m.gaps) > 0 {
		return &letters.MissingFieldsError{Fields: m.gaps}
	}
	return nil
}

// save writes the form as it stands, on every change, so nothing typed is
// lost to a crash or a closed terminal.
func (m *LetterScreen) save() tea.Cmd {
	saver, seq, desk, ctx, id, d := m.saver, m.saver.next(), m.c.Desk, m.c.context(), m.id, m.draft
	return func() tea.Msg {
		if err := saver.save(seq, func() error { return desk.SaveLetterDraft(ctx, id, d) }); err != nil {
			return ErrMsg{Err: err}
		}
		return nil
	}
}

// send exports the letter as sent; acceptTone is the owner's
// acknowledgement of what the tone check found.
func (m *LetterScreen) send(path string, acceptTone bool) tea.Cmd {
	owner, desk, ctx, id, l := m, m.c.Desk, m.c.context(), m.id, casefile.Letter{Input: m.letter, Markdown: m.markdown}
	return func() tea.Msg {
		term, err := desk.SendLetter(ctx, id, l, path, acceptTone)
		return letterSentMsg{owner: owner, term: term, path: path, err: err}
	}
}
