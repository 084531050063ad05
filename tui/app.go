package tui

import (
	"fmt"
	"offboard/textsafe"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// MinWidth and MinHeight are the smallest window the workbench lays out in;
// below them it asks for a larger window rather than drawing a broken one.
const (
	MinWidth  = 80
	MinHeight = 24
)

// App is the root model: it owns the screen stack, the header, the status
// line and the help, and routes every message to the screen on top.
type App struct {
	common   *Common
	stack    []Screen
	help     help.Model
	fullHelp bool
	width    int
	height   int
	status   string
	isErr    bool
}

// NewApp builds the root model with home as the bottom screen.
func NewApp(c *Common, home Screen) *App {
	h := help.New()
	h.Styles.ShortKey = c.Theme.Key
	h.Styles.FullKey = c.Theme.Key
	h.Styles.ShortDesc = c.Theme.Subtle
	h.Styles.FullDesc = c.Theme.Subtle
	h.Styles.ShortSeparator = c.Theme.Faint
	h.Styles.FullSeparator = c.Theme.Faint
	return &App{common: c, stack: []Screen{home}, help: h}
}

// Init starts the home screen, and the watch for other processes' changes.
func (a *App) Init() tea.Cmd {
	if a.common.Changes == nil {
		return a.top().Init()
	}
	return tea.Batch(a.top().Init(), watchTick())
}

func (a *App) top() Screen { return a.stack[len(a.stack)-1] }

// Update routes msg: window sizes and navigation are handled here, keys
// reach the top screen unless they are the root's own.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		// Screens have their size already; the message lets one that draws
		// in a command (a glamour preview) draw again at the new width.
		return a, a.broadcast(msg)
	case tea.KeyMsg:
		if cmd, handled := a.handleKey(msg); handled {
			return a, cmd
		}
	case tea.MouseMsg:
		// Screens see coordinates relative to their own top-left corner.
		msg.X -= bodyLeft
		msg.Y -= bodyTop
		var cmd tea.Cmd
		a.stack[len(a.stack)-1], cmd = a.top().Update(msg)
		return a, cmd
	case PushMsg:
		a.stack = append(a.stack, msg.Screen)
		a.status = ""
		a.resize()
		return a, msg.Screen.Init()
	case PopMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
			a.resize()
		}
		return a, nil
	case ErrMsg:
		a.status, a.isErr = msg.Err.Error(), true
		a.resize()
		return a, nil
	case StatusMsg:
		a.status, a.isErr = msg.Text, false
		a.resize()
		return a, nil
	case watchTickMsg:
		return a, a.askChanges()
	case watchedMsg:
		return a, a.watched(msg)
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		var cmd tea.Cmd
		a.stack[len(a.stack)-1], cmd = a.top().Update(msg)
		return a, cmd
	}
	return a, a.broadcast(msg)
}

// broadcast gives msg to every screen on the stack.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, len(a.stack))
	for i, s := range a.stack {
		a.stack[i], cmds[i] = s.Update(msg)
	}
	return tea.Batch(cmds...)
}

func (a *App) handleKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := a.common.Keys
	if key.Matches(msg, k.ForceQuit) {
		return a.quit(), true
	}
	if a.top().Capturing() {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		a.fullHelp = !a.fullHelp
		a.resize()
		return nil, true
	case key.Matches(msg, k.Back) && len(a.stack) > 1:
		a.status = ""
		a.resize()
		return Pop, true
	}
	return nil, false
}

// chrome is the height of the header and the blank line under it.
const chrome = 2

// bodyTop and bodyLeft are where the top screen starts: below the header
// and its blank line, inside the app's one-cell side padding.
const (
	bodyTop  = 2
	bodyLeft = 1
)

func (a *App) resize() {
	if a.width == 0 {
		return
	}
	a.help.Width = a.width - 2
	body := a.bodyHeight()
	for _, s := range a.stack {
		s.SetSize(a.width-2, max(body, 1))
	}
}

// bodyHeight is the room the top screen has: the window less the header,
// the status lines and the help.
func (a *App) bodyHeight() int {
	return a.height - chrome - len(a.statusLines()) - lipgloss.Height(a.helpView())
}

// statusLines are the status message wrapped at word boundaries to the
// window's width: a refusal naming what is missing is read whole, never
// cut mid-word at the edge. A message longer than a quarter of the window
// ends, at a word, with an ellipsis. One blank line when there is none.
func (a *App) statusLines() []string {
	width := a.width - 2
	// Status lines and errors quote names and imported values; wrap shows
	// their escapes and controls as placeholders.
	lines := wrap(a.status, width)
	if len(lines) == 0 {
		return []string{""}
	}
	if most := max(a.height/4, 1); len(lines) > most {
		lines = lines[:most]
		last := lines[most-1]
		for lipgloss.Width(last+" …") > width {
			i := strings.LastIndexByte(last, ' ')
			if i < 0 {
				last = truncate(last, width-2)
				break
			}
			last = last[:i]
		}
		lines[most-1] = last + " …"
	}
	return lines
}

func (a *App) helpView() string {
	a.help.ShowAll = a.fullHelp
	keys := a.helpKeys()
	// help cuts a line that runs past its width, except when not even its
	// ellipsis fits: then it prints every binding. MaxWidth cuts the rest.
	fit := lipgloss.NewStyle().MaxWidth(a.help.Width)
	if a.fullHelp {
		// When the columns do not all fit, the root's keys (back, help,
		// quit) take a line of their own below the screen's, rather than
		// being the column cut off.
		unbounded := a.help
		unbounded.Width = 0
		if lipgloss.Width(unbounded.FullHelpView(keys.FullHelp())) <= a.help.Width {
			return fit.Render(a.help.View(keys))
		}
		return fit.Render(a.help.FullHelpView(keys.screen.FullHelp()) + "\n\n" + a.help.ShortHelpView(keys.global))
	}
	// In a narrow window the screen's keys give way, never the way to more
	// help, back and out: those are drawn first and the screen's keys are
	// cut to the room that is left.
	if len(keys.global) == 0 {
		return fit.Render(a.shortHelpWithin(keys.screen.ShortHelp(), a.help.Width))
	}
	global := a.help.ShortHelpView(keys.global)
	sep := a.help.Styles.ShortSeparator.Render(a.help.ShortSeparator)
	own := a.shortHelpWithin(keys.screen.ShortHelp(), a.help.Width-lipgloss.Width(global)-lipgloss.Width(sep))
	if own == "" {
		return fit.Render(global)
	}
	return fit.Render(own + sep + global)
}

// shortHelpWithin draws the bindings that fit in width cells, marking any
// left out with an ellipsis. Screens list their bindings most important
// first: each is kept if it still fits, so a long one further down gives
// way to shorter ones before it, never a key that matters more. (help.Model
// cuts at the first binding that does not fit, and prints the whole line
// when not even its ellipsis fits.)
func (a *App) shortHelpWithin(bindings []key.Binding, width int) string {
	unbounded := a.help
	unbounded.Width = 0
	ellipsis := " " + a.help.Styles.Ellipsis.Render(a.help.Ellipsis)
	var kept []key.Binding
	cut := false
	for i, b := range bindings {
		if !b.Enabled() {
			continue
		}
		try := append(slices.Clone(kept), b)
		need := unbounded.ShortHelpView(try)
		// The ellipsis must fit too, unless nothing can be left out after.
		if i < len(bindings)-1 || cut {
			need += ellipsis
		}
		if lipgloss.Width(need) > width {
			cut = true
			continue
		}
		kept = try
	}
	if len(kept) == 0 {
		return ""
	}
	line := unbounded.ShortHelpView(kept)
	if cut {
		line += ellipsis
	}
	return line
}

// asker is a screen that may be asking a question whose answer takes
// every key, such as whether to throw away what was typed.
type asker interface{ Asking() bool }

// helpKeys adds the root's own bindings to the top screen's; while the
// screen asks a question, the footer shows only the question's keys.
func (a *App) helpKeys() keyMap {
	if q, ok := a.top().(asker); ok && q.Asking() {
		return keyMap{screen: a.top()}
	}
	k := a.common.Keys
	global := []key.Binding{k.Help, k.Quit}
	if a.top().Capturing() {
		// q and ? are typed into the field; ctrl+c still quits.
		global = []key.Binding{k.ForceQuit}
	}
	// A prompt that takes esc itself says what esc does there (cancel), so
	// the footer does not also promise that it goes back.
	if len(a.stack) > 1 && !bindsKey(a.top().ShortHelp(), "esc") {
		global = append([]key.Binding{k.Back}, global...)
	}
	return keyMap{screen: a.top(), global: global}
}

// bindsKey reports whether one of the enabled bindings answers name.
func bindsKey(bindings []key.Binding, name string) bool {
	for _, b := range bindings {
		if b.Enabled() && slices.Contains(b.Keys(), name) {
			return true
		}
	}
	return false
}

type keyMap struct {
	screen help.KeyMap
	global []key.Binding
}

func (k keyMap) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.screen.ShortHelp()...), k.global...)
}

func (k keyMap) FullHelp() [][]key.Binding {
	if len(k.global) == 0 {
		// A question is asked: its keys are the whole of the help.
		return [][]key.Binding{k.screen.ShortHelp()}
	}
	return append(append([][]key.Binding{}, k.screen.FullHelp()...), k.global)
}

// View draws the header, the top screen, the status line and the help.
func (a *App) View() string {
	if a.width == 0 {
		return ""
	}
	if a.width < MinWidth || a.height < MinHeight {
		msg := fmt.Sprintf("offboard needs a window of at least %d×%d.\nThis one is %d×%d: please make the window larger.\n\nq quits.",
			MinWidth, MinHeight, a.width, a.height)
		return lipgloss.Place(a.width, a.height, lipgloss.Center, lipgloss.Center, msg)
	}
	th := a.common.Theme
	crumbs := make([]string, len(a.stack))
	for i, s := range a.stack {
		// Titles are often a client's name, as imported.
		crumbs[i] = textsafe.Line(s.Title())
	}
	// A deep stack gives up the middle of its trail first, nearest the end
	// first: where the owner started and where they are matter most.
	for i := len(crumbs) - 2; i > 0 && lipgloss.Width("offboard  "+strings.Join(crumbs, " › ")) > a.width-2; i-- {
		if crumbs[i+1] == "…" {
			crumbs = slices.Delete(crumbs, i+1, i+2)
		}
		crumbs[i] = "…"
	}
	header := truncate(th.Title.Render("offboard")+th.Crumb.Render("  "+strings.Join(crumbs, " › ")), a.width-2)
	style := th.StatusLine
	if a.isErr {
		style = th.Error
	}
	lines := a.statusLines()
	for i, l := range lines {
		if l != "" {
			lines[i] = style.Render(l)
		}
	}
	status := strings.Join(lines, "\n")
	body := a.top().View()
	bodyHeight := a.bodyHeight()
	body = lipgloss.NewStyle().Height(bodyHeight).MaxHeight(bodyHeight).Render(body)
	return th.App.Render(lipgloss.JoinVertical(lipgloss.Left, header, "", body, status, a.helpView()))
}

// truncate cuts s to width cells, marking the cut with an ellipsis. It
// keeps styles intact, so it is safe on rendered text.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}
