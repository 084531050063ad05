package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A suggested value is replaced by what is typed over it, and edited by
// the keys that edit.
func TestPromptPrefilledValueIsReplacedByTyping(t *testing.T) {
	keys := DefaultKeyMap()
	cases := []struct {
		name string
		keys []tea.KeyMsg
		want string
	}{
		{"typing replaces", []tea.KeyMsg{runes("Sam")}, "Sam"},
		{"backspace edits", []tea.KeyMsg{{Type: tea.KeyBackspace}}, "Dana Whitfiel"},
		{"moving, then typing, inserts", []tea.KeyMsg{{Type: tea.KeyHome}, runes("Dr ")}, "Dr Dana Whitfield"},
		{"typing twice keeps both", []tea.KeyMsg{runes("Sa"), runes("m")}, "Sam"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := NewPrompt("Sign off", PromptField{Label: "Signed off by", Value: "Dana Whitfield"},
				PromptField{Label: "Exception"})
			for _, k := range c.keys {
				p.Update(k, keys)
			}
			if got := p.Value(0); got != c.want {
				t.Errorf("value %q, want %q", got, c.want)
			}
		})
	}
	p := NewPrompt("Sign off", PromptField{Label: "Signed off by", Value: "Dana Whitfield"})
	if res, _ := p.Update(tea.KeyMsg{Type: tea.KeyEnter}, keys); res != PromptConfirmed || p.Value(0) != "Dana Whitfield" {
		t.Errorf("enter on the suggestion: %v %q", res, p.Value(0))
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
