package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is the workbench's one keymap. Every screen matches keys against
// these bindings and builds its help from them, so a key and its help text
// can never disagree.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Enter, Back, NextPane, PrevPane, Filter key.Binding
	KeepFilter, DropFilter                  key.Binding
	Sort, StatusFilter, RecFilter, Clear    key.Binding
	Portfolio, Override, Reload             key.Binding
	Choose, Confirm                         key.Binding
	Remediate, Letter, Checklist            key.Binding
	PostMortem, Reengage                    key.Binding
	LogEntry                                key.Binding
	Edit, Export, Copy, Save                key.Binding
	NextStep, PrevStep, Toggle              key.Binding
	NextField, PrevField, AddRow, RemoveRow key.Binding
	Preview, Mark, MarkAll, WhatIf          key.Binding
	Metric, Left, Right, Settings           key.Binding
	Help, Quit, ForceQuit                   key.Binding
}

// DefaultKeyMap is the keymap with vim and arrow keys.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:           b("↑/k", "up", "up", "k"),
		Down:         b("↓/j", "down", "down", "j"),
		Top:          b("g/home", "top", "g", "home"),
		Bottom:       b("G/end", "bottom", "G", "end"),
		PageUp:       b("ctrl+u/pgup", "page up", "ctrl+u", "pgup"),
		PageDown:     b("ctrl+d/pgdn", "page down", "ctrl+d", "pgdown"),
		Enter:        b("enter", "open", "enter"),
		Back:         b("esc", "back", "esc"),
		NextPane:     b("tab", "next pane", "tab"),
		PrevPane:     b("shift+tab", "previous pane", "shift+tab"),
		Filter:       b("/", "filter", "/"),
		KeepFilter:   b("enter", "keep filter", "enter"),
		DropFilter:   b("esc", "clear filter", "esc"),
		Sort:         b("s", "sort", "s"),
		StatusFilter: b("f", "status", "f"),
		RecFilter:    b("v", "verdict", "v"),
		Clear:        b("esc", "clear filters", "esc"),
		Portfolio:    b("p", "portfolio", "p"),
		Override:     b("o", "override", "o"),
		Reload:       b("ctrl+r", "reload", "ctrl+r"),
		Choose:       b("↑/↓", "choose", "up", "down"),
		Confirm:      b("enter", "save", "enter"),
		Remediate:    b("r", "remediation", "r"),
		Letter:       b("t", "letter", "t"),
		Checklist:    b("c", "checklist", "c"),
		PostMortem:   b("m", "post-mortem", "m"),
		Reengage:     b("R", "re-engage", "R"),
		LogEntry:     b("n", "log entry", "n"),
		Edit:         b("e", "edit in $EDITOR", "e"),
		Export:       b("x", "export", "x"),
		Copy:         b("y", "copy", "y"),
		Save:         b("ctrl+s", "save", "ctrl+s"),
		NextStep:     b("ctrl+n", "next step", "ctrl+n"),
		PrevStep:     b("ctrl+p", "previous step", "ctrl+p"),
		Toggle:       b("space", "tick", " "),
		NextField:    b("tab", "next field", "tab"),
		PrevField:    b("shift+tab", "previous field", "shift+tab"),
		AddRow:       b("ctrl+t", "add row", "ctrl+t"),
		RemoveRow:    b("ctrl+x", "remove row", "ctrl+x"),
		Preview:      b("ctrl+o", "preview", "ctrl+o"),
		Mark:         b("space", "mark", " "),
		MarkAll:      b("a", "mark all shown", "a"),
		WhatIf:       b("w", "what if", "w"),
		Metric:       b("m", "next metric", "m"),
		Settings:     b(",", "settings", ","),
		Left:         b("←/h", "previous bar", "left", "h"),
		Right:        b("→/l", "next bar", "right", "l"),
		Help:         b("?", "help", "?"),
		Quit:         b("q", "quit", "q"),
		ForceQuit:    b("ctrl+c", "quit", "ctrl+c"),
	}
}

// firstHelpKey is the first of the keys a binding's help shows ("←" of
// "←/h"), for sentences and pairs that name one key.
func firstHelpKey(b key.Binding) string {
	first, _, _ := strings.Cut(b.Help().Key, "/")
	return first
}

// pairHelp is one help entry for two bindings that go opposite ways, such
// as "←/→ bar". It answers the keys of both, but screens match the two
// bindings themselves; this one is for the help.
func pairHelp(a, b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(firstHelpKey(a)+"/"+firstHelpKey(b), desc))
}
