package tui

import (
	"offboard/textsafe"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
)

// MarkdownView shows a Markdown document rendered by glamour in a scrolling
// viewport. Rendering runs in a command, never in Update or View; the
// Markdown is cached so a resize renders again at the new width, and
// results of an older request are dropped.
type MarkdownView struct {
	style    string
	markdown string
	rendered bool
	// width is the width to draw in; renderWidth the width of the latest
	// rendering asked for.
	width       int
	renderWidth int
	req         int
	vp          viewport.Model
}

// maxMeasure is the longest line a document wraps at, however wide the
// window: prose past a hundred columns is hard to follow.
const maxMeasure = 100

// glamourMargin is the width of the standard styles' document margins.
const glamourMargin = 4

// markdownRenderedMsg carries a rendering back to the view that asked.
type markdownRenderedMsg struct {
	owner *MarkdownView
	req   int
	text  string
	err   error
}

// NewMarkdownView makes an empty view drawn in a glamour standard style
// ("dark", "light", or "notty" for plain text).
func NewMarkdownView(style string) *MarkdownView {
	return &MarkdownView{style: style, vp: newViewport()}
}

// SetMarkdown changes the document and returns the command that renders it.
func (m *MarkdownView) SetMarkdown(md string) tea.Cmd {
	m.markdown = md
	return m.render()
}

// Markdown is the document shown.
func (m *MarkdownView) Markdown() string { return m.markdown }

// SetSize sets the area. It starts nothing: Sync, called from the screen's
// Update, renders again when the width changed.
func (m *MarkdownView) SetSize(width, height int) {
	m.width, m.vp.Width, m.vp.Height = width, max(width, 1), max(height, 1)
}

// Sync returns the command that renders the document again when the width
// changed since it was last rendered, and nil otherwise.
func (m *MarkdownView) Sync() tea.Cmd {
	if m.width == m.renderWidth {
		return nil
	}
	return m.render()
}

func (m *MarkdownView) render() tea.Cmd {
	m.renderWidth = m.width
	if m.width <= 0 || m.markdown == "" {
		return nil
	}
	m.req++
	owner, req, md, style, width := m, m.req, m.markdown, m.style, m.width
	return func() tea.Msg {
		// Preserved newlines keep the letters' hard line breaks (the
		// letterhead and addresses), which glamour otherwise joins.
		wrap := min(max(width-2, 20), maxMeasure)
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(wrap),
			glamour.WithPreservedNewLines())
		if err != nil {
			return markdownRenderedMsg{owner: owner, req: req, err: err}
		}
		// Documents quote imported text (names, incident descriptions),
		// which glamour would pass through to the terminal as it is. The
		// document's margins take glamourMargin of the wrap width.
		out, err := r.Render(stackTables(textsafe.Text(md), wrap-glamourMargin))
		return markdownRenderedMsg{owner: owner, req: req, text: out, err: err}
	}
}

// Scroll moves the document by the workbench's navigation keys and reports
// whether msg was one of them.
func (m *MarkdownView) Scroll(k KeyMap, msg tea.KeyMsg) bool { return scroll(&m.vp, k, msg) }

// Update takes renderings and the mouse wheel; keys go through Scroll, so
// the viewport's own keymap never applies.
func (m *MarkdownView) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(markdownRenderedMsg); ok {
		if r.owner != m || r.req != m.req {
			return nil
		}
		if r.err != nil {
			m.vp.SetContent(m.markdown)
			return Fail(r.err)
		}
		m.rendered = true
		m.vp.SetContent(r.text)
		return nil
	}
	if _, ok := msg.(tea.MouseMsg); !ok {
		return nil
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return cmd
}

// View draws the visible part of the document.
func (m *MarkdownView) View() string {
	if !m.rendered {
		return "Rendering…"
	}
	return m.vp.View()
}

// ScrollPercent is how far down the document the view is, 0 to 1.
func (m *MarkdownView) ScrollPercent() float64 { return m.vp.ScrollPercent() }
