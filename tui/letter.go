package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
	"offboard/textsafe"
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
	draft  store.LetterDraft
	loaded bool
	// sent is the notice already sent, when there is one; the screen is
	// then read-only.
	sent *sentNotice

	cursor  int
	offset  int
	editing bool
	input   textinput.Model
	// before is the whole form as it was when editing started, since a
	// changed date moves the dates that follow it.
	before store.LetterDraft
	// previewFocus is true when keys scroll the preview rather than move in
	// the form.
	previewFocus bool

	preview   *MarkdownView
	letter    letters.TerminationInput
	markdown  string
	problem   error
	fieldErrs store.FieldErrors
	gaps      []string
	tone      []letters.ToneWarning

	saver  *draftSaver
	prompt *Prompt
	width  int
	height int
}

// sentNotice is a notice of termination already sent.
type sentNotice struct {
	term store.Termination
	doc  store.Document
}

type letterLoadedMsg struct {
	owner  *LetterScreen
	client store.Client
	draft  store.LetterDraft
	saved  bool
	sent   *sentNotice
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
	return &LetterScreen{c: c, id: id, input: NewInput(), preview: NewMarkdownView(c.MarkdownStyle), saver: &draftSaver{}}
}

// Init loads the client, and its saved draft or a fresh one.
func (m *LetterScreen) Init() tea.Cmd {
	owner, st, id, today := m, m.c.Store, m.id, civilToday(m.c.Now())
	return func() tea.Msg {
		ctx := context.Background()
		cl, err := st.Client(ctx, id)
		if err != nil {
			return letterLoadedMsg{owner: owner, err: err}
		}
		if status := casefile.ClientStatusOf(cl.Status); status == scoring.StatusNotice || status == scoring.StatusOffboarded {
			term, ok, err := st.LatestTermination(ctx, id)
			if err != nil {
				return letterLoadedMsg{owner: owner, err: err}
			}
			// A client put under notice by hand, with no letter on record,
			// gets the form like any other.
			if ok && term.DocumentID != 0 {
				doc, err := st.DocumentByID(ctx, term.DocumentID)
				return letterLoadedMsg{owner: owner, client: cl, sent: &sentNotice{term: term, doc: doc}, err: err}
			}
		}
		d, saved, err := st.LetterDraftFor(ctx, cl, today)
		return letterLoadedMsg{owner: owner, client: cl, draft: d, saved: saved, err: err}
	}
}

// civilToday is the owner's calendar day as a UTC midnight, the form every
// stored date takes.
func civilToday(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// Title names the screen.
func (m *LetterScreen) Title() string { return "Termination letter" }

// Capturing is true while a field or a prompt takes text.
func (m *LetterScreen) Capturing() bool { return m.editing || m.prompt != nil }

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
	}
}

type letterKeys struct {
	edit, done, cancel, toggle, pane, editor, export, copy, regen key.Binding
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
		return []key.Binding{m.c.Keys.Up, m.c.Keys.Down, k.copy}
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
		if msg.err != nil {
			return Fail(msg.err)
		}
		m.loaded, m.client, m.draft, m.sent = true, msg.client, msg.draft, msg.sent
		m.layout()
		if m.sent != nil {
			return m.preview.SetMarkdown(m.sent.doc.Markdown)
		}
		if msg.saved {
			return tea.Batch(m.refresh(), Notify("Resumed the saved draft of this letter"))
		}
		return m.refresh()
	case letterSentMsg:
		if msg.owner != m {
			return nil
		}
		if msg.err != nil {
			return Fail(msg.err)
		}
		text := fmt.Sprintf("Notice sent to %s: exported to %s and recorded; effective %s. Tick the steps off as they are done.",
			m.client.Name, msg.path, letters.FormatDate(msg.term.Effective))
		return tea.Sequence(Pop, Push(NewChecklistScreen(m.c, m.id)), Notify(text), func() tea.Msg { return DataChangedMsg{} })
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
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

func (m *LetterScreen) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k, g := m.keys(), m.c.Keys
	if m.sent != nil {
		if key.Matches(msg, k.copy) {
			return CopyText(m.c.Output, m.c.Getenv, m.sent.doc.Markdown, "the letter as sent")
		}
		m.preview.Scroll(g, msg)
		return nil
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
		f := letterFields[m.cursor]
		if f.kind == letterBool {
			return m.toggle(f)
		}
		m.editing, m.before = true, m.draft
		m.input.SetValue(f.value(&m.draft))
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.editor):
		return EditText(m.c.Getenv, m, m.markdown, "letter.md")
	case key.Matches(msg, k.regen):
		if m.draft.Markdown == "" {
			return Notify("The letter is already generated from the fields")
		}
		m.draft.Markdown = ""
		return tea.Batch(m.refresh(), m.save(), Notify("Regenerated the letter from the fields; your edit was discarded"))
	case key.Matches(msg, k.copy):
		if m.markdown == "" {
			return Fail(m.problem)
		}
		return CopyText(m.c.Output, m.c.Getenv, m.markdown, "the letter")
	case key.Matches(msg, k.export):
		if err := m.sendable(); err != nil {
			return Fail(err)
		}
		m.prompt = NewPrompt("Export the letter and record it as sent to "+m.client.Name,
			PromptField{Label: "File", Value: m.draft.ExportPath})
		m.layout()
	}
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
		m.input.Blur()
		m.draft = m.before
		return tea.Batch(m.refresh(), m.save())
	case key.Matches(msg, k.done):
		m.editing = false
		m.input.Blur()
		return nil
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyDown || key.Matches(msg, g.NextPane):
		m.editing = false
		m.input.Blur()
		if msg.Type == tea.KeyUp {
			m.move(-1)
		} else {
			m.move(1)
		}
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	f := letterFields[m.cursor]
	if f.value(&m.draft) == m.input.Value() {
		return cmd
	}
	f.set(&m.draft, m.input.Value())
	switch f.key {
	case "sent", "notice_days":
		m.draft.Reschedule()
	case "effective":
		m.draft.RescheduleFromEffective()
	}
	return tea.Batch(cmd, m.refresh(), m.save())
}

func (m *LetterScreen) updatePrompt(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.prompt.Update(msg, m.c.Keys)
	switch res {
	case PromptCancelled:
		m.prompt = nil
		m.layout()
		return nil
	case PromptConfirmed:
		path := m.prompt.Value(0)
		m.prompt = nil
		m.layout()
		if path == "" {
			return Fail(errors.New("the export needs a file name"))
		}
		m.draft.ExportPath = path
		return tea.Batch(m.save(), m.send(path))
	}
	return cmd
}

// refresh parses the form, renders the letter and checks it: the fields
// that do not parse, the gaps that stop it being sent, the tone. The
// template runs here because it is pure and quick; glamour runs in the
// command this returns.
func (m *LetterScreen) refresh() tea.Cmd {
	m.problem, m.fieldErrs = nil, nil
	in, err := m.draft.Input(m.client)
	m.letter = in
	if errors.As(err, &m.fieldErrs) {
		m.problem = err
	} else if md, err := m.c.Letters.Termination(in); err != nil {
		m.problem = err
	} else if m.draft.Markdown == "" {
		m.markdown = md
	}
	if m.draft.Markdown != "" {
		m.markdown = m.draft.Markdown
	}
	m.gaps = mergeGaps(in.MissingForSending(), letters.Gaps(m.markdown))
	m.tone = letters.ToneCheck(m.markdown)
	return m.preview.SetMarkdown(m.markdown)
}

// mergeGaps joins two lists of gap labels without repeats, in order.
func mergeGaps(lists ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lists {
		for _, g := range l {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out
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
	saver, seq, st, id, d := m.saver, m.saver.next(), m.c.Store, m.id, m.draft
	return func() tea.Msg {
		if err := saver.save(seq, func() error { return st.SaveLetterDraft(context.Background(), id, d) }); err != nil {
			return ErrMsg{Err: err}
		}
		return nil
	}
}

// draftSaver keeps concurrent saves in order: commands run on goroutines of
// their own, so a save started earlier could otherwise finish last and put
// back an older form.
type draftSaver struct {
	mu     sync.Mutex
	issued int
	saved  int
}

// next numbers a save as it is issued, from Update.
func (s *draftSaver) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.issued++
	return s.issued
}

// save runs write unless a later save has already been written.
func (s *draftSaver) save(seq int, write func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.saved {
		return nil
	}
	s.saved = seq
	return write()
}

func (m *LetterScreen) send(path string) tea.Cmd {
	owner, st, l := m, m.c.Store, store.SentLetterOf(m.id, m.letter, m.markdown, path)
	return func() tea.Msg {
		term, err := st.RecordLetterSent(context.Background(), l)
		return letterSentMsg{owner: owner, term: term, path: path, err: err}
	}
}

// View draws the summary, the form and the preview.
func (m *LetterScreen) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Loading the letter…")
	}
	if m.sent != nil {
		t := m.sent.term
		head := th.Heading.Render(fmt.Sprintf("Notice sent to %s on %s by %s", textsafe.Line(m.client.Name),
			letters.FormatDate(t.Sent), t.Delivery)) + "\n" +
			th.Subtle.Render(fmt.Sprintf("Effective %s · data kept until %s · %s · sha256 %.12s…",
				letters.FormatDate(t.Effective), letters.FormatDate(t.Retention), m.sent.doc.ExportedPath, m.sent.doc.SHA256))
		return lipgloss.JoinVertical(lipgloss.Left, fitLines(head, headerLines, m.width), m.preview.View())
	}
	pw, fw := m.paneWidths()
	var body string
	switch {
	case m.width >= sideBySide:
		body = lipgloss.JoinHorizontal(lipgloss.Top, m.formView(fw, m.bodyHeight()), " ", m.previewView(pw))
	case m.previewFocus:
		body = m.previewView(pw)
	default:
		body = m.formView(fw, m.bodyHeight())
	}
	parts := []string{fitLines(m.summaryView(), headerLines, m.width), body}
	if m.prompt != nil {
		parts = append(parts, m.prompt.View(th, m.width))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// fitLines wraps s at width and pads or cuts it to exactly n lines.
func fitLines(s string, n, width int) string {
	lines := strings.Split(lipgloss.NewStyle().Width(max(width, 1)).Render(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for i := range lines {
		lines[i] = truncate(lines[i], width)
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// summaryView is the notice in one line, then what needs attention: fields
// that do not parse, the gaps that stop the letter being sent, and the
// tone check's findings, each naming its words.
func (m *LetterScreen) summaryView() string {
	th := m.c.Theme
	in := m.letter
	line := th.Heading.Render(textsafe.Line(m.client.Name))
	if !in.Effective.IsZero() && m.fieldErrs["notice_days"] == nil {
		effective := letters.FormatDate(in.Effective)
		if !m.client.TermEnd.IsZero() && store.Date(m.client.TermEnd) == store.Date(in.Effective) {
			effective += " (the term's end)"
		}
		line += th.Subtle.Render(fmt.Sprintf(" · effective %s · %s (the agreement's: %d) · %s",
			effective, noticeOf(in.NoticeDays), m.client.NoticeDays, strings.ToLower(in.Delivery.String())))
	}
	lines := []string{line}
	if m.draft.Markdown != "" {
		lines = append(lines, th.Warning.Render("✎ Your edited text: changes to the fields no longer change it (ctrl+r regenerates)"))
	}
	switch {
	case len(m.fieldErrs) > 0:
		var errs []string
		for _, f := range letterFields {
			if err := m.fieldErrs[f.key]; err != nil {
				errs = append(errs, f.label+": "+err.Error())
			}
		}
		lines = append(lines, th.Error.Render("✗ "+strings.Join(errs, "; ")))
	case m.problem != nil:
		lines = append(lines, th.Error.Render("✗ "+oneLine(m.problem.Error())))
	}
	if len(m.gaps) > 0 {
		lines = append(lines, th.Missing.Render("Missing before it can be sent: "+strings.Join(m.gaps, ", ")))
	}
	if len(m.tone) > 0 {
		words := make([]string, 0, len(m.tone))
		for _, w := range m.tone {
			words = append(words, fmt.Sprintf("%q (%s, line %d)", w.Phrase, w.Kind, w.Line))
		}
		lines = append(lines, th.Warning.Render("Tone: "+strings.Join(words, ", ")+" — "+m.tone[0].Advice))
	}
	if m.problem == nil && len(m.gaps) == 0 && len(m.tone) == 0 {
		lines = append(lines, th.Good.Render("✓ Ready to send: no gaps, and the tone check found nothing"))
	}
	return strings.Join(lines, "\n")
}

// noticeOf writes a notice period: "1 day's notice", "30 days' notice".
func noticeOf(n int) string {
	if n == 1 {
		return "1 day's notice"
	}
	return fmt.Sprintf("%d days' notice", n)
}

// oneLine joins the lines of a multi-line error.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

func (m *LetterScreen) previewView(width int) string {
	return lipgloss.NewStyle().Width(width).MaxHeight(max(m.bodyHeight(), 1)).Render(m.preview.View())
}

// formRow is a line of the form: a group heading or a field.
type formRow struct {
	heading string
	field   int
}

func formRows() []formRow {
	var rows []formRow
	group := ""
	for i, f := range letterFields {
		if f.group != group {
			group = f.group
			rows = append(rows, formRow{heading: group, field: -1})
		}
		rows = append(rows, formRow{field: i})
	}
	return rows
}

// labelWidth is the width of the form's label column.
const labelWidth = 22

func (m *LetterScreen) formView(width, height int) string {
	th := m.c.Theme
	rows := formRows()
	height = max(height, 1)
	gaps := map[string]bool{}
	for _, g := range m.gaps {
		gaps[g] = true
	}
	valueWidth := max(width-labelWidth-3, 8)
	var out []string
	for _, r := range rows[m.offset:min(m.offset+height, len(rows))] {
		if r.field < 0 {
			out = append(out, th.Heading.Render(r.heading))
			continue
		}
		f := letterFields[r.field]
		marker, label := "  ", th.Subtle.Render(padCells(f.label, labelWidth))
		if r.field == m.cursor && !m.previewFocus {
			marker, label = th.Cursor.Render("› "), th.Cursor.Render(padCells(f.label, labelWidth))
		}
		var value string
		switch {
		case r.field == m.cursor && m.editing:
			m.input.Width = valueWidth - 1
			value = m.input.View()
		case f.kind == letterBool:
			value = "[ ]"
			if *f.flag(&m.draft) {
				value = "[x]"
			}
		default:
			v := f.value(&m.draft)
			if f.kind == letterDate {
				if hint := dateHint(v); hint != "" && lipgloss.Width(v)+lipgloss.Width(hint)+2 <= valueWidth {
					v += "  " + th.Faint.Render(hint)
				}
			}
			value = truncate(v, valueWidth)
		}
		switch {
		case m.fieldErrs[f.key] != nil:
			value = th.Error.Render("! ") + value
		case f.gap != "" && gaps[f.gap]:
			value = th.Missing.Render("(missing)") + " " + value
		}
		out = append(out, marker+label+" "+value)
	}
	return lipgloss.NewStyle().Width(width).Render(strings.Join(out, "\n"))
}
