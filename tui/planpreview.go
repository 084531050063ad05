package tui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"offboard/letters"
	"offboard/store"
)

// previewKinds are the plan's two documents, in the order tab cycles.
var previewKinds = []letters.Kind{letters.KindAgenda, letters.KindRemediationPlan}

// previewDoc is one document as generated or as the owner edited it.
type previewDoc struct {
	markdown string
	edited   bool
	err      error
	// rendered is markdown drawn by glamour at width; re-rendered on resize
	// from the cached Markdown.
	rendered string
	width    int
}

// PlanPreview shows the meeting agenda and the written plan as they will
// read, rendered with glamour in a scrollable viewport: `e` edits the
// Markdown in $EDITOR and keeps the edit, `x` exports it to a file
// (recorded with its SHA-256 and logged), ctrl+r drops an edit and
// generates afresh.
type PlanPreview struct {
	c      *Common
	client store.Client
	planID int64
	kind   int
	docs   map[letters.Kind]*previewDoc
	vp     viewport.Model
	// exporting shows the path prompt.
	exporting bool
	path      textinput.Model
	req       int
	width     int
	height    int
}

type docsLoadedMsg struct {
	req  int
	docs map[letters.Kind]*previewDoc
	err  error
}

type docRenderedMsg struct {
	kind     letters.Kind
	width    int
	markdown string
	out      string
}

type editorDoneMsg struct {
	kind letters.Kind
	path string
	err  error
}

type docExportedMsg struct {
	doc store.Document
	err error
}

// newPlanPreview shows the plan's documents, starting with kind.
func newPlanPreview(c *Common, client store.Client, planID int64, kind letters.Kind) *PlanPreview {
	m := &PlanPreview{c: c, client: client, planID: planID, vp: viewport.New(0, 0)}
	for i, k := range previewKinds {
		if k == kind {
			m.kind = i
		}
	}
	return m
}

// editKey names a document's kept edit.
func (m *PlanPreview) editKey(kind letters.Kind) string { return store.EditKey(kind, m.planID) }

func (m *PlanPreview) current() letters.Kind { return previewKinds[m.kind] }

// load generates both documents, preferring the owner's kept edits.
func (m *PlanPreview) load() tea.Cmd {
	m.req++
	req, st, id := m.req, m.c.Store, m.planID
	return func() tea.Msg {
		r, err := letters.New(nil)
		if err != nil {
			return docsLoadedMsg{req: req, err: err}
		}
		docs := map[letters.Kind]*previewDoc{}
		for _, k := range previewKinds {
			d := &previewDoc{}
			d.markdown, d.edited, d.err = st.PlanMarkdown(context.Background(), id, k, r)
			docs[k] = d
		}
		return docsLoadedMsg{req: req, docs: docs}
	}
}

// glamourStyle follows the theme's decision: plain without colour, else
// the terminal's background.
func glamourStyle() string {
	switch {
	case lipgloss.ColorProfile() == termenv.Ascii:
		return "notty"
	case lipgloss.HasDarkBackground():
		return "dark"
	default:
		return "light"
	}
}

// render draws the current document with glamour in a command, at the
// viewport's width, unless it is already drawn at that width.
func (m *PlanPreview) render() tea.Cmd {
	kind := m.current()
	d := m.docs[kind]
	width := m.vp.Width
	if d == nil || d.err != nil || width <= 0 || (d.rendered != "" && d.width == width) {
		m.showCurrent()
		return nil
	}
	md, style := d.markdown, glamourStyle()
	return func() tea.Msg {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
		out := md
		if err == nil {
			if s, err := r.Render(md); err == nil {
				out = s
			}
		}
		return docRenderedMsg{kind: kind, width: width, markdown: md, out: out}
	}
}

// showCurrent puts the current document into the viewport.
func (m *PlanPreview) showCurrent() {
	d := m.docs[m.current()]
	switch {
	case d == nil:
		m.vp.SetContent(m.c.Theme.Subtle.Render("Generating…"))
	case d.err != nil:
		m.vp.SetContent(m.c.Theme.Error.Render("This document cannot be drawn yet:\n\n"+d.err.Error()) +
			"\n\n" + m.c.Theme.Subtle.Render("Fill in what is missing in the walkthrough, then preview again."))
	case d.rendered == "":
		m.vp.SetContent(m.c.Theme.Subtle.Render("Rendering…"))
	default:
		m.vp.SetContent(d.rendered)
	}
}

// Init generates the documents.
func (m *PlanPreview) Init() tea.Cmd { return m.load() }

// Title names the screen.
func (m *PlanPreview) Title() string { return "Preview" }

// Capturing is true while the export path is typed.
func (m *PlanPreview) Capturing() bool { return m.exporting }

// SetSize sizes the viewport; the document is re-rendered for a new width.
func (m *PlanPreview) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.Width, m.vp.Height = w, max(h-2, 1)
	m.path.Width = max(w-16, 10)
}

func (m *PlanPreview) keys() []key.Binding {
	k := m.c.Keys
	next, fresh := k.NextPane, k.Reload
	next.SetHelp("tab", "agenda/plan")
	fresh.SetHelp("ctrl+r", "regenerate")
	if d := m.docs[m.current()]; d == nil || !d.edited {
		fresh.SetEnabled(false)
	}
	return []key.Binding{k.Up, k.Down, next, k.Edit, k.Export, fresh}
}

// ShortHelp lists the preview's keys.
func (m *PlanPreview) ShortHelp() []key.Binding {
	if m.exporting {
		enter := m.c.Keys.Enter
		enter.SetHelp("enter", "export")
		cancel := m.c.Keys.Back
		cancel.SetHelp("esc", "cancel")
		return []key.Binding{enter, cancel}
	}
	return m.keys()
}

// FullHelp lists the preview's keys.
func (m *PlanPreview) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Update handles generation, rendering, editing and exporting.
func (m *PlanPreview) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case docsLoadedMsg:
		if msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		m.docs = msg.docs
		return m, m.render()
	case docRenderedMsg:
		d := m.docs[msg.kind]
		if d == nil || d.markdown != msg.markdown {
			return m, nil // the document changed while it was drawn
		}
		d.rendered, d.width = msg.out, msg.width
		if msg.kind == m.current() {
			if msg.width != m.vp.Width {
				return m, m.render()
			}
			m.showCurrent()
		}
		return m, nil
	case editorDoneMsg:
		return m, m.keepEdit(msg)
	case docExportedMsg:
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		sum := store.SHA256Hex([]byte(msg.doc.Markdown))
		return m, tea.Batch(Notify(fmt.Sprintf("Exported %s · SHA-256 %s… · logged", msg.doc.ExportedPath, sum[:12])),
			func() tea.Msg { return DataChangedMsg{} })
	case tea.WindowSizeMsg:
		// SetSize has run; draw again at the new width from the cached
		// Markdown.
		return m, m.render()
	case tea.KeyMsg:
		if m.exporting {
			return m, m.exportKey(msg)
		}
		return m, m.handleKey(msg)
	}
	if m.exporting {
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

func (m *PlanPreview) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	d := m.docs[m.current()]
	switch {
	case key.Matches(msg, k.NextPane):
		m.kind = (m.kind + 1) % len(previewKinds)
		m.vp.GotoTop()
		return m.render()
	case key.Matches(msg, k.Edit) && d != nil && d.err == nil:
		return m.edit(d.markdown)
	case key.Matches(msg, k.Export) && d != nil && d.err == nil:
		m.exporting = true
		m.path = textinput.New()
		m.path.Prompt = "Export to: "
		m.path.Cursor.SetMode(cursor.CursorStatic)
		m.path.Width = max(m.width-16, 10)
		m.path.SetValue(letters.DefaultExportPath(m.current(), m.client.Name, m.c.Now()))
		return m.path.Focus()
	case key.Matches(msg, k.Reload) && d != nil && d.edited:
		st, clientID, editKey := m.c.Store, m.client.ID, m.editKey(m.current())
		return tea.Sequence(func() tea.Msg {
			if err := st.DropEditedDocument(context.Background(), clientID, editKey); err != nil {
				return ErrMsg{Err: err}
			}
			return nil
		}, m.load())
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return cmd
}

// edit writes the Markdown to a temporary file and opens the editor on
// it; the terminal is handed over until the editor exits.
func (m *PlanPreview) edit(markdown string) tea.Cmd {
	kind := m.current()
	f, err := os.CreateTemp("", "offboard-*.md")
	if err != nil {
		return Fail(fmt.Errorf("edit: %w", err))
	}
	_, werr := f.WriteString(markdown)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return Fail(fmt.Errorf("edit: %w", werr))
	}
	path := f.Name()
	return tea.ExecProcess(editorCommand(path, os.Getenv),
		func(err error) tea.Msg { return editorDoneMsg{kind: kind, path: path, err: err} })
}

// editorCommand opens path in $VISUAL, else $EDITOR, else vi; the variable
// may carry arguments ("code --wait").
func editorCommand(path string, getenv func(string) string) *exec.Cmd {
	editor := strings.Fields(getenv("VISUAL"))
	if len(editor) == 0 {
		editor = strings.Fields(getenv("EDITOR"))
	}
	if len(editor) == 0 {
		editor = []string{"vi"}
	}
	return exec.Command(editor[0], append(editor[1:], path)...)
}

// keepEdit reads the edited file back and keeps it when it changed.
func (m *PlanPreview) keepEdit(msg editorDoneMsg) tea.Cmd {
	defer os.Remove(msg.path)
	if msg.err != nil {
		return Fail(fmt.Errorf("the editor failed, the document is unchanged: %w", msg.err))
	}
	b, err := os.ReadFile(msg.path)
	if err != nil {
		return Fail(fmt.Errorf("read the edited document: %w", err))
	}
	d := m.docs[msg.kind]
	if d == nil || string(b) == d.markdown {
		return Notify("No changes.")
	}
	d.markdown, d.edited, d.rendered = string(b), true, ""
	st, clientID, editKey, md := m.c.Store, m.client.ID, m.editKey(msg.kind), d.markdown
	return tea.Batch(m.render(), func() tea.Msg {
		if err := st.SaveEditedDocument(context.Background(), clientID, editKey, md); err != nil {
			return ErrMsg{Err: err}
		}
		return StatusMsg{Text: "Edit kept: it is what gets exported; ctrl+r drops it."}
	})
}

func (m *PlanPreview) exportKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.exporting = false
		return nil
	case tea.KeyEnter:
		path := strings.TrimSpace(m.path.Value())
		if path == "" {
			return Fail(fmt.Errorf("export: the path is empty"))
		}
		m.exporting = false
		kind := m.current()
		doc := store.PlanDocument(m.client.ID, m.planID, kind, m.docs[kind].markdown)
		doc.ExportedPath = path
		st := m.c.Store
		return func() tea.Msg {
			_, err := st.RecordExport(context.Background(), doc)
			return docExportedMsg{doc: doc, err: err}
		}
	}
	var cmds []tea.Cmd
	for _, k := range oneRuneEach(msg) {
		var cmd tea.Cmd
		m.path, cmd = m.path.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// View draws the document tabs, the viewport and the export prompt.
func (m *PlanPreview) View() string {
	th := m.c.Theme
	var tabs []string
	for i, k := range previewKinds {
		name := "Meeting agenda"
		if k == letters.KindRemediationPlan {
			name = "Written plan"
		}
		if d := m.docs[k]; d != nil && d.edited {
			name += " (edited)"
		}
		if i == m.kind {
			tabs = append(tabs, th.Selected.Render(" "+name+" "))
		} else {
			tabs = append(tabs, th.Subtle.Render(" "+name+" "))
		}
	}
	head := strings.Join(tabs, " ") + th.Faint.Render(fmt.Sprintf("  %3.0f%%", m.vp.ScrollPercent()*100))
	foot := ""
	if m.exporting {
		foot = m.path.View()
	}
	return lipgloss.JoinVertical(lipgloss.Left, head, m.vp.View(), foot)
}
