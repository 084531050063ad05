package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// manyKeysScreen has more bindings than fit on one line.
type manyKeysScreen struct{ fakeScreen }

func (m *manyKeysScreen) Update(tea.Msg) (Screen, tea.Cmd) { return m, nil }

func (m *manyKeysScreen) ShortHelp() []key.Binding {
	k := DefaultKeyMap()
	return []key.Binding{k.NextField, k.NextStep, k.PrevStep, k.AddRow, k.RemoveRow, k.Preview, k.Save, k.Export}
}

// The help line never runs past the window, whatever the bindings' widths:
// a line that overflows by less than its ellipsis used to be printed whole.
func TestHelpNeverWiderThanTheWindow(t *testing.T) {
	for width := 80; width <= 140; width++ {
		a := NewApp(&Common{Theme: DefaultTheme(), Keys: DefaultKeyMap()}, &manyKeysScreen{fakeScreen{title: "Form", capturing: true}})
		a.Update(tea.WindowSizeMsg{Width: width, Height: 30})
		if w := lipgloss.Width(a.helpView()); w > width-2 {
			t.Errorf("at %d columns the help is %d wide", width, w)
		}
		if w := lipgloss.Width(a.View()); w > width {
			t.Errorf("at %d columns the workbench is %d wide", width, w)
		}
	}
}

// promptScreen is a prompt that takes esc itself, to cancel.
type promptScreen struct{ fakeScreen }

func (m *promptScreen) ShortHelp() []key.Binding {
	k := DefaultKeyMap()
	cancel := k.Back
	cancel.SetHelp("esc", "cancel")
	return []key.Binding{k.Confirm, cancel}
}

// A prompt's own esc is not listed twice: "esc cancel • esc back" read as
// two meanings for one key.
func TestHelpListsEscOnceUnderAPrompt(t *testing.T) {
	a, _ := newTestApp()
	a.Update(Push(&promptScreen{fakeScreen{title: "Prompt", capturing: true}})())
	got := ansi.Strip(a.helpView())
	if strings.Count(got, "esc") != 1 || !strings.Contains(got, "esc cancel") {
		t.Errorf("help under a prompt = %q, want esc once, as cancel", got)
	}
	a.Update(Pop())
	a.Update(Push(&fakeScreen{title: "Plain"})())
	if got := ansi.Strip(a.helpView()); !strings.Contains(got, "esc back") {
		t.Errorf("help on a pushed screen = %q, want esc back", got)
	}
}
