package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The lists of the workbench (the clients, a bar's clients) move a cursor
// over more rows than the window shows; these functions are that movement,
// so every list answers the same keys and the mouse the same way.

// wheelStep is how many rows one notch of the mouse wheel scrolls.
const wheelStep = 3

// navTarget is the row a navigation key moves the cursor to on a list of n
// rows showing page rows at once; ok is false for any other key. The
// caller clamps the row.
func navTarget(k KeyMap, msg tea.KeyMsg, cursor, n, page int) (row int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return cursor - 1, true
	case key.Matches(msg, k.Down):
		return cursor + 1, true
	case key.Matches(msg, k.PageUp):
		return cursor - page, true
	case key.Matches(msg, k.PageDown):
		return cursor + page, true
	case key.Matches(msg, k.Top):
		return 0, true
	case key.Matches(msg, k.Bottom):
		return n - 1, true
	}
	return cursor, false
}

// mouseTarget is the row a wheel notch or a left click moves the cursor
// to: the wheel by wheelStep rows, a click to the row under it, counting
// from the first row shown (offset) below header lines. clicked tells a
// click from the wheel; ok is false when msg moves nothing.
func mouseTarget(msg tea.MouseMsg, cursor, offset, header, shown, n int) (row int, clicked, ok bool) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		return cursor - wheelStep, false, true
	case msg.Button == tea.MouseButtonWheelDown:
		return cursor + wheelStep, false, true
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		r := msg.Y - header
		if r >= 0 && r < shown && offset+r < n {
			return offset + r, true, true
		}
	}
	return cursor, false, false
}

// scrolledTo is the first row to show of n, rows at a time, so that the
// cursor is in view and the window is never left half empty.
func scrolledTo(cursor, offset, rows, n int) int {
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(0, min(offset, n-rows))
}
