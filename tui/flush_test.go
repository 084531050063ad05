package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// flushingScreen counts the saves asked of it.
type flushingScreen struct {
	fakeScreen
	pending bool
	saves   int
}

type savedMsg struct{}

func (f *flushingScreen) Flush() tea.Cmd {
	if !f.pending {
		return nil
	}
	return func() tea.Msg { f.pending = false; f.saves++; return savedMsg{} }
}

// Quitting saves what every screen on the stack holds before the program
// ends; FlushNow, which Run calls after the program ends, saves what is
// left and nothing twice.
func TestQuitFlushesEveryScreenFirst(t *testing.T) {
	a, _ := newTestApp()
	below := &flushingScreen{fakeScreen: fakeScreen{title: "Below"}, pending: true}
	top := &flushingScreen{fakeScreen: fakeScreen{title: "Top", capturing: true}, pending: true}
	a.Update(PushMsg{Screen: below})
	a.Update(PushMsg{Screen: top})
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	// The quit is a sequence: every save, then tea.Quit.
	var msgs []tea.Msg
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		msg := c()
		if seq, ok := asCmds(msg); ok {
			for _, c := range seq {
				run(c)
			}
			return
		}
		msgs = append(msgs, msg)
	}
	run(cmd)
	if len(msgs) != 3 || below.saves != 1 || top.saves != 1 {
		t.Fatalf("messages %v, saves %d and %d", msgs, below.saves, top.saves)
	}
	if _, ok := msgs[2].(tea.QuitMsg); !ok {
		t.Errorf("last message %T, want the quit after the saves", msgs[2])
	}
	top.pending = true
	a.FlushNow()
	a.FlushNow()
	if top.saves != 2 || below.saves != 1 {
		t.Errorf("after FlushNow: saves %d and %d", below.saves, top.saves)
	}
}
