// Package tui is offboard's terminal workbench: a root model that routes
// messages to one model per screen, drawn from one theme and one keymap.
package tui

import (
	"context"
	"io"
	"offboard/casefile"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Common is what every screen shares: the data, the clock, the theme and
// the keymap. Screens hold a pointer; nothing here is a package global.
type Common struct {
	// Desk holds the use cases the screens call: every read and write of
	// the case files goes through it, never straight to the store.
	*casefile.Desk
	// Ctx is the program's context: quitting or a signal cancels it, and
	// with it any query a command is running.
	Ctx   context.Context
	Theme Theme
	Keys  KeyMap
	// MarkdownStyle is the glamour style previews are drawn in: "dark",
	// "light", or "notty" for plain text (NO_COLOR, tests). It is decided
	// once before the program starts, never by querying a running terminal.
	MarkdownStyle string
	// Getenv reads the environment ($EDITOR, $TMUX); os.Getenv in the
	// program.
	Getenv func(string) string
	// Output is the terminal the program draws on, where escape sequences
	// such as the OSC 52 clipboard go.
	Output io.Writer
	// Changes, when set, is polled every few seconds so that what another
	// process writes to the database shows without a restart.
	Changes Changes
}

// Screen is one page of the workbench. The root model owns a stack of
// screens and builds the help line from the top one's key map. Keys and
// mouse events reach the top screen only; every other message (a load's
// result, a spinner tick) reaches every screen on the stack, so a screen
// that started work before another was pushed over it still gets its
// answer. A screen therefore ignores messages that are not its own, and
// tags its results with a request id to drop stale ones.
type Screen interface {
	help.KeyMap
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	// SetSize gives the screen the width and height it may draw in.
	SetSize(width, height int)
	// Title names the screen in the header's breadcrumb.
	Title() string
	// Capturing is true while the screen takes free text (a filter, a form
	// field), so keys such as q and ? reach it instead of the root.
	Capturing() bool
}

// PushMsg opens a screen on top of the current one.
type PushMsg struct{ Screen Screen }

// PopMsg closes the current screen and returns to the one below.
type PopMsg struct{}

// ErrMsg reports a failure to show in the status line; the program goes on.
type ErrMsg struct{ Err error }

// StatusMsg shows a short notice in the status line.
type StatusMsg struct{ Text string }

// DataChangedMsg tells every screen on the stack that the database changed
// (a plan saved, a letter sent), so they reload what they show.
type DataChangedMsg struct{}

// Push returns a command that opens s.
func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushMsg{Screen: s} } }

// Pop returns a command that closes the current screen.
func Pop() tea.Msg { return PopMsg{} }

// DataChanged is a command that tells every screen to reload.
func DataChanged() tea.Msg { return DataChangedMsg{} }

// Fail returns a command that reports err in the status line.
func Fail(err error) tea.Cmd { return func() tea.Msg { return ErrMsg{Err: err} } }

// Notify returns a command that shows text in the status line.
func Notify(text string) tea.Cmd { return func() tea.Msg { return StatusMsg{Text: text} } }

// context is the program's context, or a background one in tests that
// build a Common without it.
func (c *Common) context() context.Context {
	if c.Ctx == nil {
		return context.Background()
	}
	return c.Ctx
}
