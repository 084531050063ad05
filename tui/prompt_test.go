package tui

import (
	"strings"
	"testing"
	"time"

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

// signOffPrompt is the sign-off dialog as the checklist opens it, on
// Wednesday 2 December 2026.
func signOffPrompt() (*Prompt, KeyMap) {
	now := func() time.Time { return time.Date(2026, time.December, 2, 15, 0, 0, 0, time.UTC) }
	check, settle := dateInput(now, time.UTC, false)
	return NewPrompt("Sign off “Export the data”",
		PromptField{Label: "Signed off by", Value: "Dana Whitfield", Check: required(nil, "enter a name")},
		PromptField{Label: "On", Value: "2026-12-02", Check: required(check, "enter a day"), Settle: settle},
		PromptField{Label: "Exception"}), DefaultKeyMap()
}

func typeInto(p *Prompt, keys KeyMap, s string) {
	for _, r := range s {
		p.Update(runes(string(r)), keys)
	}
}

// enter does what the dialog's last line says: the next field, then, on
// the last field, confirm.
func TestPromptEnterMovesThenConfirms(t *testing.T) {
	p, keys := signOffPrompt()
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	for i, want := range []struct {
		foot string
		res  PromptResult
	}{{"enter next field", PromptOpen}, {"enter next field", PromptOpen}, {"enter confirm", PromptConfirmed}} {
		if !strings.Contains(p.View(DefaultTheme(), 80), want.foot) {
			t.Errorf("field %d: the dialog does not say %q:\n%s", i, want.foot, p.View(DefaultTheme(), 80))
		}
		if res, _ := p.Update(enter, keys); res != want.res {
			t.Fatalf("enter on field %d: %v, want %v", i, res, want.res)
		}
	}
	// A one-field dialog confirms at once.
	one := NewPrompt("Export", PromptField{Label: "File", Value: "receipt.md"})
	if !strings.Contains(one.View(DefaultTheme(), 80), "enter confirm") {
		t.Errorf("one field: %s", one.View(DefaultTheme(), 80))
	}
	if res, _ := one.Update(enter, keys); res != PromptConfirmed {
		t.Errorf("one field: enter gave %v", res)
	}
}

// The date is read as it is typed and echoed as a weekday; a date that
// does not exist is refused beside the field, and confirming with it
// keeps the dialog open with every character typed.
func TestPromptDateValidatedAsTyped(t *testing.T) {
	p, keys := signOffPrompt()
	p.Update(tea.KeyMsg{Type: tea.KeyTab}, keys)
	typeInto(p, keys, "fri")
	if v := p.View(DefaultTheme(), 80); !strings.Contains(v, "Friday 4 December 2026") {
		t.Errorf("fri is not echoed as its date:\n%s", v)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyBackspace}, keys)
	p.Update(tea.KeyMsg{Type: tea.KeyBackspace}, keys)
	p.Update(tea.KeyMsg{Type: tea.KeyBackspace}, keys)
	typeInto(p, keys, "2026-13-45")
	p.Update(tea.KeyMsg{Type: tea.KeyTab}, keys)
	typeInto(p, keys, "Data sent by courier, not upload")
	res, _ := p.Update(tea.KeyMsg{Type: tea.KeyEnter}, keys)
	if res != PromptOpen {
		t.Fatalf("an impossible date confirmed the dialog")
	}
	v := p.View(DefaultTheme(), 80)
	if !strings.Contains(v, "✗ \"2026-13-45\" is not a date: there is no month 13") {
		t.Errorf("the refusal is not beside the field:\n%s", v)
	}
	if p.Value(1) != "2026-13-45" || p.Value(2) != "Data sent by courier, not upload" || p.form.focus != 1 {
		t.Errorf("after the refusal: date %q, exception %q, cursor on field %d", p.Value(1), p.Value(2), p.form.focus)
	}
	// The date is selected again: typing a good one replaces it.
	typeInto(p, keys, "last fri")
	if res, _ := p.Update(tea.KeyMsg{Type: tea.KeyEnter}, keys); res != PromptOpen || p.Value(1) != "2026-11-27" {
		t.Errorf("last fri: %v, kept as %q", res, p.Value(1))
	}
	if res, _ := p.Update(tea.KeyMsg{Type: tea.KeyEnter}, keys); res != PromptConfirmed {
		t.Errorf("a good date did not confirm: %v", res)
	}
}

// j and k are text in a field, never a move; q and ? too.
func TestPromptTakesJAndKAsText(t *testing.T) {
	p, keys := signOffPrompt()
	p.Update(tea.KeyMsg{Type: tea.KeyTab}, keys)
	p.Update(tea.KeyMsg{Type: tea.KeyTab}, keys)
	typeInto(p, keys, "jkq?")
	if p.Value(2) != "jkq?" || p.form.focus != 2 {
		t.Errorf("typed jkq?: value %q, cursor on field %d", p.Value(2), p.form.focus)
	}
}

// The suggested value is edited, not replaced, by the keys that move:
// ctrl+a goes to its start, ctrl+e to its end.
func TestPromptSuggestionEditedByMovingKeys(t *testing.T) {
	p, keys := signOffPrompt()
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlA}, keys)
	typeInto(p, keys, "Ms ")
	p.Update(tea.KeyMsg{Type: tea.KeyCtrlE}, keys)
	typeInto(p, keys, " (ops)")
	if p.Value(0) != "Ms Dana Whitfield (ops)" {
		t.Errorf("value %q", p.Value(0))
	}
}

// esc over typed text asks before throwing it away; over untouched
// suggestions it cancels at once.
func TestPromptEscAsksWhenTyped(t *testing.T) {
	esc := tea.KeyMsg{Type: tea.KeyEsc}
	p, keys := signOffPrompt()
	if res, _ := p.Update(esc, keys); res != PromptCancelled {
		t.Errorf("esc on an untouched dialog: %v", res)
	}
	p, _ = signOffPrompt()
	typeInto(p, keys, "Sam")
	if res, _ := p.Update(esc, keys); res != PromptOpen || !strings.Contains(p.View(DefaultTheme(), 80), "Throw away what you typed?") {
		t.Fatalf("esc over typed text: %v\n%s", res, p.View(DefaultTheme(), 80))
	}
	if res, _ := p.Update(runes("n"), keys); res != PromptOpen || p.Value(0) != "Sam" {
		t.Errorf("any other key: %v, value %q", res, p.Value(0))
	}
	p.Update(esc, keys)
	if res, _ := p.Update(runes("y"), keys); res != PromptCancelled {
		t.Errorf("y: %v", res)
	}
}
