package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkWalkthroughKeystroke is one key typed into a topic's evidence
// in the walkthrough's first step, drawn at 100×30: Update (the debounced
// save only scheduled, not run) plus View. Keys alternate between a
// character and backspace so the text keeps its length.
func BenchmarkWalkthroughKeystroke(b *testing.B) {
	h, id := newRemHarness(b)
	h.open(id)
	w := h.walk()
	w.SetSize(100, 26)
	for w.fields.focused().label != "Evidence" {
		w.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'x'}}, {Type: tea.KeyBackspace}}
	i := 0
	for b.Loop() {
		w.Update(keys[i%2])
		_ = w.View()
		i++
	}
}
