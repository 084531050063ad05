package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// TestEveryScreenFitsTheWindow draws every screen and pane at the smallest
// supported window, a common one and a large one, and checks that the frame
// is exactly the window: no line wider (it would wrap and push the layout
// down), no line more or fewer.
func TestEveryScreenFitsTheWindow(t *testing.T) {
	screens := []struct {
		name string
		keys []string // pressed on the client list
	}{
		{"list", nil},
		{"list help", []string{"?"}},
		{"list filter", []string{"/", "healthy"}},
		{"client verdict", []string{"enter"}},
		{"client lab", []string{"enter", "tab"}},
		{"client money", []string{"enter", "tab", "tab"}},
		{"client activity", []string{"enter", "shift+tab"}},
		{"client of an override", []string{"j", "j", "enter"}},
		{"override form", []string{"enter", "o"}},
		{"override form of a long name", []string{"/", "notice", "enter", "enter", "o"}},
		{"portfolio", []string{"p"}},
		{"portfolio by margin", []string{"p", "m", "m", "m"}},
		{"portfolio bar's clients", []string{"p", "right", "enter"}},
		{"list with marks", []string{"space", "j", "space"}},
		{"what if", []string{"enter", "w"}},
		{"what if together", []string{"space", "j", "space", "w"}},
		{"log entry form", []string{"enter", "n"}},
		{"log entry of an incident", []string{"enter", "n", "space", "space", "space", "space"}},
		{"log entry of an agreement edit", []string{"enter", "n", "space", "space", "space", "space", "space"}},
		{"log entry of a long name", []string{"/", "notice", "enter", "enter", "n"}},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {200, 60}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s %dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				c := fixtureCommon()
				list := NewClientList(c)
				app := NewApp(c, list)
				app.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				snap := fixtureSnapshot()
				// Long names must be cut, in the breadcrumb as everywhere.
				snap.Find(17).Client.Name = "Notice Given Company of Greater Springfield and the Tri-County Area"
				list.setSnapshot(snap)
				for _, k := range sc.keys {
					deliver(app, keyMsg(k))
				}
				view := app.View()
				lines := strings.Split(view, "\n")
				if len(lines) != size[1] {
					t.Errorf("%d lines, want %d:\n%s", len(lines), size[1], view)
				}
				for i, line := range lines {
					if w := lipgloss.Width(line); w > size[0] {
						t.Errorf("line %d is %d cells wide, the window %d: %q", i+1, w, size[0], line)
					}
				}
			})
		}
	}
}

// deliver gives msg to the app and then the messages its commands return
// at once (a pushed screen, a pop), without running any I/O: commands
// that would read the store are not run.
func deliver(app *App, msg tea.Msg) {
	_, cmd := app.Update(msg)
	if cmd == nil {
		return
	}
	switch next := cmd().(type) {
	case PushMsg, PopMsg:
		app.Update(next)
	}
}
