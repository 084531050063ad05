package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// recordingScreen is a fakeScreen that also records mouse events and other
// messages.
type recordingScreen struct {
	fakeScreen
	mouse []tea.MouseMsg
	sizes []tea.WindowSizeMsg
	other []tea.Msg
}

func (r *recordingScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseMsg:
		r.mouse = append(r.mouse, msg)
	case tea.KeyMsg:
		r.fakeScreen.Update(msg)
	case tea.WindowSizeMsg:
		r.sizes = append(r.sizes, msg)
	default:
		r.other = append(r.other, msg)
	}
	return r, nil
}

type workDone struct{}

func TestAppRouting(t *testing.T) {
	home := &recordingScreen{fakeScreen: fakeScreen{title: "Home"}}
	top := &recordingScreen{fakeScreen: fakeScreen{title: "Top"}}
	a := NewApp(&Common{Theme: DefaultTheme(), Keys: DefaultKeyMap()}, home)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.Update(PushMsg{Screen: top})

	a.Update(keyMsg("j"))
	if len(top.keys) != 1 || len(home.keys) != 0 {
		t.Errorf("a key reached top %v and home %v; want the top screen only", top.keys, home.keys)
	}
	a.Update(tea.MouseMsg{X: 10, Y: 7, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if len(home.mouse) != 0 || len(top.mouse) != 1 {
		t.Fatalf("mouse reached top %d times and home %d times; want the top screen once", len(top.mouse), len(home.mouse))
	}
	// The body starts below the header line and a blank line, inside one
	// cell of padding: (10, 7) on the terminal is (9, 5) in the screen.
	if got := top.mouse[0]; got.X != 9 || got.Y != 5 {
		t.Errorf("screen got the click at (%d, %d), want (9, 5)", got.X, got.Y)
	}
	// A load started by the home screen finishes while another is on top:
	// every screen on the stack gets it.
	a.Update(workDone{})
	if len(home.other) != 1 || len(top.other) != 1 {
		t.Errorf("a result reached home %d times and top %d times; want both once", len(home.other), len(top.other))
	}
	// A resize reaches every screen after each has its new size, so one
	// drawn from its width (a rendered letter) can draw again.
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if len(home.sizes) != 2 || len(top.sizes) != 1 || top.sizes[0].Width != 120 {
		t.Errorf("resizes reached home %v and top %v; want every screen each time", home.sizes, top.sizes)
	}
}

func TestHelpWhileTyping(t *testing.T) {
	a, home := newTestApp()
	if v := a.View(); !strings.Contains(v, "q quit") {
		t.Fatalf("help lacks q quit:\n%s", v)
	}
	home.capturing = true
	v := a.View()
	if strings.Contains(v, "q quit") || strings.Contains(v, "? help") || !strings.Contains(v, "ctrl+c quit") {
		t.Errorf("while typing, q and ? are text, only ctrl+c quits; the help says:\n%s", v)
	}
}
