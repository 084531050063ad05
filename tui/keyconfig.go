package tui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// keyAction is one binding of the keymap under the name the [keys] table
// of the configuration file gives it.
type keyAction struct {
	name    string
	binding *key.Binding
}

// actions lists every binding of k by its action name, in the order the
// README documents them.
func (k *KeyMap) actions() []keyAction {
	return []keyAction{
		{"up", &k.Up}, {"down", &k.Down}, {"top", &k.Top}, {"bottom", &k.Bottom},
		{"page_up", &k.PageUp}, {"page_down", &k.PageDown}, {"left", &k.Left}, {"right", &k.Right},
		{"enter", &k.Enter}, {"back", &k.Back}, {"next_pane", &k.NextPane}, {"prev_pane", &k.PrevPane},
		{"filter", &k.Filter}, {"keep_filter", &k.KeepFilter}, {"drop_filter", &k.DropFilter},
		{"sort", &k.Sort}, {"status_filter", &k.StatusFilter}, {"rec_filter", &k.RecFilter}, {"clear", &k.Clear},
		{"portfolio", &k.Portfolio}, {"metric", &k.Metric}, {"override", &k.Override}, {"reload", &k.Reload},
		{"choose", &k.Choose}, {"confirm", &k.Confirm},
		{"remediate", &k.Remediate}, {"letter", &k.Letter}, {"checklist", &k.Checklist},
		{"post_mortem", &k.PostMortem}, {"reengage", &k.Reengage}, {"log_entry", &k.LogEntry},
		{"mark", &k.Mark}, {"mark_all", &k.MarkAll}, {"what_if", &k.WhatIf},
		{"edit", &k.Edit}, {"export", &k.Export}, {"copy", &k.Copy}, {"save", &k.Save},
		{"next_step", &k.NextStep}, {"prev_step", &k.PrevStep}, {"toggle", &k.Toggle},
		{"next_field", &k.NextField}, {"prev_field", &k.PrevField}, {"add_row", &k.AddRow}, {"remove_row", &k.RemoveRow},
		{"preview", &k.Preview}, {"settings", &k.Settings}, {"help", &k.Help}, {"quit", &k.Quit}, {"force_quit", &k.ForceQuit},
	}
}

// ActionNames lists the action names a [keys] table may bind.
func ActionNames() []string {
	var k KeyMap
	acts := k.actions()
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = a.name
	}
	return out
}

// LoadKeyMap is the default keymap with the bindings of the [keys] table of
// a configuration file in place of the defaults:
//
//	[keys]
//	portfolio = "P"
//	metric = ["m", "tab"]
//
// An unknown action, a key the workbench cannot read or a key that two
// actions would answer at once is an error naming the file (path) and
// the key. file is nil when there is no configuration file.
func LoadKeyMap(file []byte, path string) (KeyMap, error) {
	k := DefaultKeyMap()
	var doc struct {
		Keys map[string]any `toml:"keys"`
	}
	if err := toml.Unmarshal(file, &doc); err != nil {
		return k, fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Keys) == 0 {
		return k, nil
	}
	acts := k.actions()
	for _, name := range sortedNames(doc.Keys) {
		i := slices.IndexFunc(acts, func(a keyAction) bool { return a.name == name })
		if i < 0 {
			return k, fmt.Errorf("%s: [keys] %s is not an action; the actions are %s", path, name, strings.Join(ActionNames(), ", "))
		}
		keys, err := keyList(doc.Keys[name])
		if err != nil {
			return k, fmt.Errorf("%s: [keys] %s: %w", path, name, err)
		}
		b := acts[i].binding
		*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys(keys), b.Help().Desc))
	}
	if err := checkClashes(&k, doc.Keys); err != nil {
		return k, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

func sortedNames(m map[string]any) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// keyList reads a binding's value: one key, or a list of keys.
func keyList(v any) ([]string, error) {
	var raw []any
	switch v := v.(type) {
	case string:
		raw = []any{v}
	case []any:
		raw = v
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("want a key such as \"p\" or a list such as [\"p\", \"ctrl+p\"], not %v", v)
	}
	keys := make([]string, 0, len(raw))
	for _, r := range raw {
		s, ok := r.(string)
		if !ok {
			return nil, fmt.Errorf("want keys written as strings, not %v", r)
		}
		name, ok := keyName(s)
		if !ok {
			return nil, fmt.Errorf("%q is not a key (a character such as \"p\", or a name such as \"ctrl+p\", \"enter\", \"f2\")", s)
		}
		keys = append(keys, name)
	}
	return keys, nil
}

// keyNames are the names Bubble Tea gives the keys that are not a
// character ("enter", "ctrl+a", "pgdown"), the way key presses are matched.
var keyNames = func() map[string]bool {
	names := map[string]bool{}
	// Key types run from the negative special keys to DEL (127).
	for t := tea.KeyType(-100); t <= 127; t++ {
		if s := t.String(); s != "" && s != "runes" && s != " " {
			names[s] = true
		}
	}
	return names
}()

// keyName checks a key as written in the configuration file and returns it
// as key presses are matched: "space" is the space bar, "alt+" may prefix
// any key.
func keyName(s string) (string, bool) {
	if s == "space" {
		return " ", true
	}
	rest, alt := strings.CutPrefix(s, "alt+")
	prefix := ""
	if alt {
		prefix = "alt+"
	}
	if rest == "space" {
		return prefix + " ", true
	}
	if r, size := utf8.DecodeRuneInString(rest); size == len(rest) && r != utf8.RuneError && unicode.IsGraphic(r) {
		return s, true
	}
	return s, keyNames[rest]
}

// helpKeys shows keys as the help line does: arrows as arrows, the space
// bar by name.
func helpKeys(keys []string) string {
	shown := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", " ": "space", "pgup": "pgup", "pgdown": "pgdn"}
	out := make([]string, len(keys))
	for i, k := range keys {
		if s, ok := shown[k]; ok {
			k = s
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

// checkClashes finds a key that two actions would answer at once. Actions
// that share a key in the default keymap never answer together (enter is
// open, keep filter and save, each on its own screen), so they may keep
// sharing one; any other two must differ. remapped are the actions the
// file set, named first in the error.
func checkClashes(k *KeyMap, remapped map[string]any) error {
	defaults := DefaultKeyMap()
	def, cur := defaults.actions(), k.actions()
	shareByDefault := func(i, j int) bool {
		for _, x := range def[i].binding.Keys() {
			if slices.Contains(def[j].binding.Keys(), x) {
				return true
			}
		}
		return false
	}
	for i := range cur {
		if _, ok := remapped[cur[i].name]; !ok {
			continue
		}
		for j := range cur {
			if i == j || shareByDefault(i, j) {
				continue
			}
			for _, x := range cur[i].binding.Keys() {
				if slices.Contains(cur[j].binding.Keys(), x) {
					return fmt.Errorf("[keys] %s: %q is already the key of %s; give one of them another key", cur[i].name, helpKeys([]string{x}), cur[j].name)
				}
			}
		}
	}
	return nil
}
