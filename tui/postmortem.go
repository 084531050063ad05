package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/letters"
	"offboard/textsafe"
)

// PostMortemScreen is the owner's look back at a client let go (seed 002:
// take stock of how you got there): when each red flag first appeared and
// how long it took to act, with the owner's notes on what to change, edited
// in $EDITOR, previewed with glamour and exported as Markdown.
type PostMortemScreen struct {
	c      *Common
	id     int64
	req    int
	loaded bool
	// note is the post-mortem as last loaded.
	note    casefile.PostMortemNote
	preview *MarkdownView
	prompt  *Prompt
	width   int
	height  int
}

type postMortemLoadedMsg struct {
	owner *PostMortemScreen
	req   int
	note  casefile.PostMortemNote
	err   error
}

type postMortemDoneMsg struct {
	owner *PostMortemScreen
	text  string
	err   error
}

// lessonsGuide heads the notes in the editor; lines starting with # are
// dropped when the notes are saved.
const lessonsGuide = `# What should we change, so this path has warning signs next time?
# Lines starting with - are changes to make; other lines are notes.
# Lines starting with # are ignored.
`

// NewPostMortemScreen opens the post-mortem of the client with id.
func NewPostMortemScreen(c *Common, id int64) *PostMortemScreen {
	return &PostMortemScreen{c: c, id: id, preview: NewMarkdownView(c.MarkdownStyle)}
}

// Init loads and renders the note.
func (m *PostMortemScreen) Init() tea.Cmd { return m.load() }

func (m *PostMortemScreen) load() tea.Cmd {
	m.req++
	owner, req, desk, ctx, id, today := m, m.req, m.c.Desk, m.c.context(), m.id, m.c.Today()
	return func() tea.Msg {
		note, err := desk.PostMortem(ctx, id, today)
		return postMortemLoadedMsg{owner: owner, req: req, note: note, err: err}
	}
}

// Title names the screen.
func (m *PostMortemScreen) Title() string { return "Post-mortem" }

// Capturing is true while the export prompt takes text.
func (m *PostMortemScreen) Capturing() bool { return m.prompt != nil }

// Asking reports whether the dialog open asks whether to throw away what
// was typed in it.
func (m *PostMortemScreen) Asking() bool { return m.prompt != nil && m.prompt.Asking() }

// SetSize sets the drawing area; the note renders again at a new width.
func (m *PostMortemScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

func (m *PostMortemScreen) layout() {
	h := m.height - 1
	if m.prompt != nil {
		h -= 5
	}
	m.preview.SetSize(m.width, max(h, 1))
}

func (m *PostMortemScreen) keys() (edit, export, copy key.Binding) {
	k := m.c.Keys
	return rename(k.Edit, "edit lessons"), rename(k.Export, "export"), rename(k.Copy, "copy")
}

// ShortHelp lists the main keys.
func (m *PostMortemScreen) ShortHelp() []key.Binding {
	if m.prompt != nil {
		return m.prompt.ShortHelp(m.c.Keys)
	}
	edit, export, copy := m.keys()
	return []key.Binding{edit, export, copy, m.c.Keys.Up, m.c.Keys.Down}
}

// FullHelp lists every key of the screen.
func (m *PostMortemScreen) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Update handles loading, editing, exporting and scrolling.
func (m *PostMortemScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.preview.Sync())
}

func (m *PostMortemScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case postMortemLoadedMsg:
		if msg.owner != m || msg.req != m.req {
			return nil
		}
		if msg.err != nil {
			return Fail(msg.err)
		}
		m.loaded, m.note = true, msg.note
		return m.preview.SetMarkdown(m.note.Document.Markdown)
	case postMortemDoneMsg:
		if msg.owner != m {
			return nil
		}
		if msg.err != nil {
			return Fail(msg.err)
		}
		return tea.Batch(m.load(), Notify(msg.text))
	case EditedMsg:
		if msg.Tag != m {
			return nil
		}
		if msg.Err != nil {
			return Fail(msg.Err)
		}
		owner, desk, ctx, id, lessons := m, m.c.Desk, m.c.context(), m.id, dropGuide(msg.Text)
		return func() tea.Msg {
			err := desk.SaveLessons(ctx, id, lessons)
			return postMortemDoneMsg{owner: owner, text: "Saved your notes", err: err}
		}
	case markdownRenderedMsg, tea.MouseMsg:
		return m.preview.Update(msg)
	case tea.KeyMsg:
		if !m.loaded {
			return nil
		}
		if m.prompt != nil {
			return m.updatePrompt(msg)
		}
		edit, export, copy := m.keys()
		switch {
		case key.Matches(msg, edit):
			return EditText(m.c.Getenv, m, lessonsGuide+m.note.Lessons, "lessons.md")
		case key.Matches(msg, export):
			m.prompt = NewPrompt("Export the post-mortem",
				PromptField{Label: "File", Value: letters.DefaultExportPath(letters.KindPostMortem, m.note.Client.Name, m.c.Today())})
			m.layout()
			return nil
		case key.Matches(msg, copy):
			return CopyText(m.c.Output, m.c.Getenv, m.note.Document.Markdown, "the post-mortem")
		}
		m.preview.Scroll(m.c.Keys, msg)
		return nil
	}
	if m.prompt != nil {
		_, cmd := m.prompt.Update(msg, m.c.Keys)
		return cmd
	}
	return nil
}

func (m *PostMortemScreen) updatePrompt(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.prompt.Update(msg, m.c.Keys)
	if res == PromptOpen {
		return cmd
	}
	path := m.prompt.Value(0)
	m.prompt = nil
	m.layout()
	if res == PromptCancelled {
		return nil
	}
	owner, desk, ctx, doc := m, m.c.Desk, m.c.context(), m.note.Document
	return func() tea.Msg {
		err := desk.Export(ctx, doc, path)
		return postMortemDoneMsg{owner: owner, text: "Post-mortem exported to " + path, err: err}
	}
}

// dropGuide removes the editor's guide lines from the owner's notes.
func dropGuide(text string) string {
	var keep []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			keep = append(keep, l)
		}
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

// View draws the note.
func (m *PostMortemScreen) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Loading the post-mortem…")
	}
	edit, _, _ := m.keys()
	name := textsafe.Line(m.note.Client.Name)
	head := th.Subtle.Render(fitting(m.width, fmt.Sprintf("Internal note on %s · %s to write what we will change", name, firstHelpKey(edit)),
		"Internal note on "+name))
	parts := []string{truncate(head, m.width), m.preview.View()}
	if m.prompt != nil {
		parts = append(parts, m.prompt.View(th, m.width))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}
