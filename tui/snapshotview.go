package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// snapshotView is the part of a read-only page drawn from the scored
// portfolio that every such page shares: a scrolling viewport, and a loader
// that scores the portfolio again when the data changes or on ctrl+r. A
// screen embeds it and lays its content out whenever the snapshot or the
// size changes.
type snapshotView struct {
	c      *Common
	load   loader
	vp     viewport.Model
	width  int
	height int
}

func newSnapshotView(c *Common) snapshotView {
	return snapshotView{c: c, load: newLoader(c), vp: newViewport()}
}

// Capturing is false: the page takes no free text.
func (v *snapshotView) Capturing() bool { return false }

// ShortHelp lists the main keys.
func (v *snapshotView) ShortHelp() []key.Binding {
	k := v.c.Keys
	return []key.Binding{k.Down, k.Up}
}

// FullHelp lists every key of the page.
func (v *snapshotView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{scrollHelp(k), {k.Reload}}
}

// View draws the viewport.
func (v *snapshotView) View() string { return v.vp.View() }

// setSize gives the viewport the whole page.
func (v *snapshotView) setSize(w, h int) {
	v.width, v.height = w, h
	v.vp.Width, v.vp.Height = w, h
}

// update scrolls and reloads, handing a new snapshot to use.
func (v *snapshotView) update(msg tea.Msg, use func(*Snapshot)) tea.Cmd {
	if cmd, ok := v.load.update(msg, use); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case DataChangedMsg:
		return v.load.start()
	case tea.MouseMsg:
		var cmd tea.Cmd
		v.vp, cmd = v.vp.Update(msg)
		return cmd
	case tea.KeyMsg:
		k := v.c.Keys
		if !scroll(&v.vp, k, msg) && key.Matches(msg, k.Reload) {
			return v.load.start()
		}
	}
	return nil
}
