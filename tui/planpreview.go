package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
)

// previewKinds are the plan's two documents, in the order tab cycles.
var previewKinds = []letters.Kind{letters.KindAgenda, letters.KindRemediationPlan}

// previewDoc is one document as generated or as the owner edited it,
// drawn in its own view so switching documents keeps each one's place.
type previewDoc struct {
	markdown string
	edited   bool
	err      error
	view     *MarkdownView
}

// PlanPreview shows the meeting agenda and the written plan as they will
// read, rendered with glamour in a scrollable view: `e` edits the Markdown
// in $EDITOR and keeps the edit, `x` exports it to a file (recorded with
// its SHA-256 and logged), ctrl+r drops an edit and generates afresh.
type PlanPreview struct {
	c      *Common
	client store.Client
	planID int64
	kind   int
	docs   map[letters.Kind]*previewDoc
	// exporting is the dialog asking where to export, while it is open.
	exporting *Prompt
	req       int
	width     int
	height    int
}

type docsLoadedMsg struct {
	req  int
	docs map[letters.Kind]*previewDoc
	err  error
}

// editTag marks the editor's answer as this preview's, for one document.
type editTag struct {
	preview *PlanPreview
	kind    letters.Kind
}

type docExportedMsg struct {
	doc store.Document
	err error
}

// newPlanPreview shows the plan's documents, starting with kind.
func newPlanPreview(c *Common, client store.Client, planID int64, kind letters.Kind) *PlanPreview {
	m := &PlanPreview{c: c, client: client, planID: planID}
	for i, k := range previewKinds {
		if k == kind {
			m.kind = i
		}
	}
	return m
}

// editKey names a document's kept edit.
func (m *PlanPreview) editKey(kind letters.Kind) string { return casefile.EditKey(kind, m.planID) }

func (m *PlanPreview) current() letters.Kind { return previewKinds[m.kind] }

// load generates both documents, preferring the owner's kept edits.
func (m *PlanPreview) load() tea.Cmd {
	m.req++
	req, c, id := m.req, m.c, m.planID
	return func() tea.Msg {
		docs := map[letters.Kind]*previewDoc{}
		for _, k := range previewKinds {
			d := &previewDoc{}
			d.markdown, d.edited, d.err = c.PlanMarkdown(c.context(), id, k, c.Letters)
			docs[k] = d
		}
		return docsLoadedMsg{req: req, docs: docs}
	}
}

// show draws each generated document in its own view.
func (m *PlanPreview) show(docs map[letters.Kind]*previewDoc) tea.Cmd {
	m.docs = docs
	var cmds []tea.Cmd
	for _, d := range docs {
		if d.err == nil {
			d.view = NewMarkdownView(m.c.MarkdownStyle)
			d.view.SetSize(m.width, m.viewHeight())
			cmds = append(cmds, d.view.SetMarkdown(d.markdown))
		}
	}
	return tea.Batch(cmds...)
}

// viewHeight leaves room for the tabs and the export prompt.
func (m *PlanPreview) viewHeight() int { return max(m.height-2, 1) }

// Init generates the documents.
func (m *PlanPreview) Init() tea.Cmd { return m.load() }

// Title names the screen.
func (m *PlanPreview) Title() string { return "Preview" }

// Capturing is true while the export path is typed.
func (m *PlanPreview) Capturing() bool { return m.exporting != nil }

// Asking reports whether the dialog open asks whether to throw away what
// was typed in it.
func (m *PlanPreview) Asking() bool { return m.exporting != nil && m.exporting.Asking() }

// SetSize sizes the viewport; the document is re-rendered for a new width.
func (m *PlanPreview) SetSize(w, h int) {
	m.width, m.height = w, h
	for _, d := range m.docs {
		if d.view != nil {
			d.view.SetSize(w, m.viewHeight())
		}
	}
}

// keys are the preview's own actions, beside the keys that scroll.
func (m *PlanPreview) keys() []key.Binding {
	k := m.c.Keys
	next, fresh := k.NextPane, k.Reload
	next.SetHelp("tab", "agenda/plan")
	fresh.SetHelp("ctrl+r", "regenerate")
	if d := m.docs[m.current()]; d == nil || !d.edited {
		fresh.SetEnabled(false)
	}
	return []key.Binding{next, k.Edit, k.Export, fresh}
}

// ShortHelp lists the preview's keys.
func (m *PlanPreview) ShortHelp() []key.Binding {
	if m.exporting != nil {
		return m.exporting.ShortHelp(m.c.Keys)
	}
	// Most important first: the footer keeps those that fit.
	return append(m.keys(), m.c.Keys.Up, m.c.Keys.Down)
}

// FullHelp lists the preview's keys, with every key that scrolls.
func (m *PlanPreview) FullHelp() [][]key.Binding {
	if m.exporting != nil {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{scrollHelp(m.c.Keys), m.keys()}
}

// Update handles generation, rendering, editing and exporting, then draws
// again any document whose width changed.
func (m *PlanPreview) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmds := []tea.Cmd{m.update(msg)}
	for _, d := range m.docs {
		if d.view != nil {
			cmds = append(cmds, d.view.Sync())
		}
	}
	return m, tea.Batch(cmds...)
}

func (m *PlanPreview) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case docsLoadedMsg:
		if msg.req != m.req {
			return nil
		}
		if msg.err != nil {
			return Fail(msg.err)
		}
		return m.show(msg.docs)
	case markdownRenderedMsg:
		var cmds []tea.Cmd
		for _, d := range m.docs {
			if d.view != nil {
				cmds = append(cmds, d.view.Update(msg))
			}
		}
		return tea.Batch(cmds...)
	case EditedMsg:
		tag, ok := msg.Tag.(editTag)
		if !ok || tag.preview != m {
			return nil
		}
		if msg.Err != nil {
			return Fail(msg.Err)
		}
		return m.keepEdit(tag.kind, msg.Text)
	case docExportedMsg:
		if msg.err != nil {
			return Fail(msg.err)
		}
		sum := store.SHA256Hex([]byte(msg.doc.Markdown))
		return tea.Batch(Notify(fmt.Sprintf("Exported %s · SHA-256 %s… · logged", msg.doc.ExportedPath, sum[:12])),
			func() tea.Msg { return DataChangedMsg{} })
	case tea.KeyMsg:
		if m.exporting != nil {
			return m.exportKey(msg)
		}
		return m.handleKey(msg)
	case tea.MouseMsg:
		if d := m.docs[m.current()]; d != nil && d.view != nil {
			return d.view.Update(msg)
		}
	}
	return nil
}

func (m *PlanPreview) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	d := m.docs[m.current()]
	switch {
	case key.Matches(msg, k.NextPane):
		m.kind = (m.kind + 1) % len(previewKinds)
		return nil
	case key.Matches(msg, k.Edit) && d != nil && d.err == nil:
		kind := m.current()
		return EditText(m.c.Getenv, editTag{preview: m, kind: kind}, d.markdown, string(kind)+".md")
	case key.Matches(msg, k.Export) && d != nil && d.err == nil:
		title := "Export the meeting agenda"
		if m.current() == letters.KindRemediationPlan {
			title = "Export the written plan"
		}
		m.exporting = NewPrompt(title, PromptField{Label: "Export to",
			Value: letters.DefaultExportPath(m.current(), m.client.Name, m.c.Now()),
			Check: required(nil, "the export needs a file name")})
		return nil
	case key.Matches(msg, k.Reload) && d != nil && d.edited:
		c, clientID, editKey := m.c, m.client.ID, m.editKey(m.current())
		return tea.Sequence(func() tea.Msg {
			if err := c.DropEdit(c.context(), clientID, editKey); err != nil {
				return ErrMsg{Err: err}
			}
			return nil
		}, m.load())
	}
	if d != nil && d.view != nil {
		d.view.Scroll(k, msg)
	}
	return nil
}

// keepEdit keeps the owner's edit of a document, in the database too, and
// draws it.
func (m *PlanPreview) keepEdit(kind letters.Kind, text string) tea.Cmd {
	d := m.docs[kind]
	if d == nil || d.view == nil || text == d.markdown {
		return Notify("No changes.")
	}
	d.markdown, d.edited = text, true
	c, clientID, editKey := m.c, m.client.ID, m.editKey(kind)
	return tea.Batch(d.view.SetMarkdown(text), func() tea.Msg {
		if err := c.KeepEdit(c.context(), clientID, editKey, text); err != nil {
			return ErrMsg{Err: err}
		}
		return StatusMsg{Text: "Edit kept: it is what gets exported; ctrl+r drops it."}
	})
}

func (m *PlanPreview) exportKey(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.exporting.Update(msg, m.c.Keys)
	if res == PromptOpen {
		return cmd
	}
	path := m.exporting.Value(0)
	m.exporting = nil
	if res == PromptCancelled {
		return nil
	}
	kind := m.current()
	c, client, plan, markdown := m.c, m.client, m.planID, m.docs[kind].markdown
	return func() tea.Msg {
		doc, err := c.ExportPlanDocument(c.context(), client, plan, kind, markdown, path)
		return docExportedMsg{doc: doc, err: err}
	}
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
	body := th.Subtle.Render("Generating…")
	percent := 0.0
	switch d := m.docs[m.current()]; {
	case d == nil:
	case d.err != nil:
		body = th.Error.Render("This document cannot be drawn yet:\n\n"+d.err.Error()) + "\n\n" +
			th.Subtle.Render("Fill in what is missing in the walkthrough, then preview again.")
	default:
		body, percent = d.view.View(), d.view.ScrollPercent()
	}
	head := strings.Join(tabs, " ") + th.Faint.Render(fmt.Sprintf("  %3.0f%%", percent*100))
	if m.exporting == nil {
		return lipgloss.JoinVertical(lipgloss.Left, head, body, "")
	}
	// The dialog takes the bottom of the document's room.
	foot := m.exporting.View(th, m.width)
	lines := strings.Split(body, "\n")
	lines = lines[:min(len(lines), max(m.height-1-lipgloss.Height(foot), 1))]
	return lipgloss.JoinVertical(lipgloss.Left, head, strings.Join(lines, "\n"), foot)
}
