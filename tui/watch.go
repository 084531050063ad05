package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Changes tells whether the database changed since it was last asked:
// another offboard process imported, or a command logged a call.
// store.Watcher is the program's.
type Changes interface {
	Changed(ctx context.Context) (bool, error)
}

// watchInterval is how often the workbench asks whether the database
// changed: a cheap counter read, often enough that another process's
// import shows within moments.
const watchInterval = 2 * time.Second

// watchTickMsg is the moment to ask Changes again.
type watchTickMsg struct{}

// watchedMsg is what Changes answered.
type watchedMsg struct {
	changed bool
	err     error
}

// watchTick waits watchInterval, then asks.
func watchTick() tea.Cmd {
	return tea.Tick(watchInterval, func(time.Time) tea.Msg { return watchTickMsg{} })
}

// askChanges reads the counter in a command, off the update loop.
func (a *App) askChanges() tea.Cmd {
	ctx, changes := a.common.context(), a.common.Changes
	return func() tea.Msg {
		changed, err := changes.Changed(ctx)
		return watchedMsg{changed: changed, err: err}
	}
}

// watched turns an answer into a reload of every screen when the data
// changed, and asks again after the interval either way; a failed read is
// shown once in the status line and asked again, since the file may only
// be busy.
func (a *App) watched(msg watchedMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return tea.Batch(Fail(msg.err), watchTick())
	case msg.changed:
		return tea.Batch(DataChanged, watchTick())
	}
	return watchTick()
}
