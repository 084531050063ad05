package tui

import tea "github.com/charmbracelet/bubbletea"

// Flusher is a screen that may hold typed input not yet saved (saves are
// debounced while the owner types). The root asks every Flusher on the
// stack to save before it quits, and Run asks again once the program has
// ended for any reason, a signal or a closed terminal included, so typed
// input is never lost.
type Flusher interface {
	// Flush returns a command that saves what is pending, or nil when
	// nothing is. Running it twice saves once.
	Flush() tea.Cmd
}

func (a *App) flushes() []tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range a.stack {
		if f, ok := s.(Flusher); ok {
			if cmd := f.Flush(); cmd != nil {
				cmds = append(cmds, cmd)
			}
		}
	}
	return cmds
}

// quit saves pending input, then quits.
func (a *App) quit() tea.Cmd { return tea.Sequence(append(a.flushes(), tea.Quit)...) }

// FlushNow runs every pending save synchronously. Run calls it after the
// program ends, when no command can run any more.
func (a *App) FlushNow() {
	for _, cmd := range a.flushes() {
		cmd()
	}
}
