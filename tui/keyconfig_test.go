package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Every binding of the keymap can be remapped: a binding added to KeyMap
// without an action name fails here.
func TestEveryBindingHasAnActionName(t *testing.T) {
	var k KeyMap
	named := map[*key.Binding]bool{}
	for _, a := range k.actions() {
		if named[a.binding] {
			t.Errorf("action %s names a binding twice", a.name)
		}
		named[a.binding] = true
	}
	v := reflect.ValueOf(&k).Elem()
	for i := range v.NumField() {
		if !named[v.Field(i).Addr().Interface().(*key.Binding)] {
			t.Errorf("KeyMap.%s has no action name for the [keys] table", v.Type().Field(i).Name)
		}
	}
	if names := ActionNames(); len(names) != v.NumField() {
		t.Errorf("%d action names for %d bindings", len(names), v.NumField())
	}
}

// A remapped key drives the screen and the help; the default key no
// longer does anything.
func TestRemappedKeys(t *testing.T) {
	keys, err := LoadKeyMap([]byte("margin.target = 0.55\n\n[keys]\nportfolio = \"P\"\nmetric = [\"M\", \"i\"]\nup = [\"up\", \"u\"]\n"), "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(keys.Portfolio.Keys(), []string{"P"}) || keys.Portfolio.Help().Key != "P" || keys.Portfolio.Help().Desc != "portfolio" {
		t.Errorf("portfolio binding %v help %+v", keys.Portfolio.Keys(), keys.Portfolio.Help())
	}
	if keys.Up.Help().Key != "↑/u" || keys.Metric.Help().Key != "M/i" {
		t.Errorf("help keys %q and %q, want ↑/u and M/i", keys.Up.Help().Key, keys.Metric.Help().Key)
	}
	// Unchanged actions keep their defaults.
	if !slices.Equal(keys.Sort.Keys(), []string{"s"}) {
		t.Errorf("sort %v", keys.Sort.Keys())
	}

	c := fixtureCommon()
	c.Keys = keys
	list := NewClientList(c)
	app := NewApp(c, list)
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	list.setSnapshot(fixtureSnapshot())
	if !strings.Contains(app.View(), "P portfolio") {
		t.Errorf("the help does not show the new key:\n%s", app.View())
	}
	if strings.Contains(app.View(), "p portfolio") {
		t.Errorf("the help still shows the old key:\n%s", app.View())
	}
	deliver(app, keyMsg("p"))
	if _, ok := app.top().(*PortfolioScreen); ok {
		t.Fatal("the old key still opens the portfolio")
	}
	deliver(app, keyMsg("P"))
	p, ok := app.top().(*PortfolioScreen)
	if !ok {
		t.Fatalf("the new key does not open the portfolio; on top: %T", app.top())
	}
	deliver(app, keyMsg("m"))
	if p.Metric() != portfolioMetrics[0].id {
		t.Errorf("the old metric key switched the metric to %s", p.Metric())
	}
	deliver(app, keyMsg("i"))
	if p.Metric() != portfolioMetrics[1].id {
		t.Errorf("i, bound to metric, left %s", p.Metric())
	}
	if view := app.View(); !strings.Contains(view, "M/i show days late") {
		t.Errorf("the footer does not show the remapped metric key:\n%s", view)
	}
}

func TestBadKeysTable(t *testing.T) {
	tests := []struct {
		name, toml string
		want       []string // in the error
	}{
		{"unknown action", "[keys]\nfrobnicate = \"x\"\n", []string{"config.toml", "frobnicate", "not an action", "portfolio"}},
		{"clash", "[keys]\nmetric = \"s\"\n", []string{"config.toml", "[keys] metric", `"s"`, "sort"}},
		{"clash with a default that moved", "[keys]\nquit = \"p\"\n", []string{"config.toml", "quit", `"p"`, "portfolio"}},
		{"not a key", "[keys]\nup = \"ctrl+banana\"\n", []string{"config.toml", "[keys] up", "ctrl+banana", "not a key"}},
		{"not a string", "[keys]\nup = 3\n", []string{"config.toml", "[keys] up", "want a key"}},
		{"empty list", "[keys]\nup = []\n", []string{"config.toml", "[keys] up", "want a key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadKeyMap([]byte(tt.toml), "config.toml")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// Swapping two keys clashes with nothing, and actions that share a key by
// default (enter opens, keeps the filter and saves) may share a new one.
func TestKeysThatDoNotClash(t *testing.T) {
	for _, doc := range []string{
		"[keys]\nsort = \"o\"\noverride = \"s\"\n",
		"[keys]\nenter = \"l\"\nkeep_filter = \"l\"\nright = \"L\"\n",
		"[keys]\ntoggle = \"space\"\n",
		"[keys]\nportfolio = [\"f2\", \"alt+p\", \"ctrl+g\", \"delete\", \"é\"]\n",
		"",
	} {
		if _, err := LoadKeyMap([]byte(doc), "config.toml"); err != nil {
			t.Errorf("%q: %v", doc, err)
		}
	}
}

// The README lists every action a [keys] table may bind.
func TestReadmeListsEveryAction(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, keys, ok := strings.Cut(string(b), "**Keys.**")
	if !ok {
		t.Fatal("the README has no Keys paragraph")
	}
	for _, name := range ActionNames() {
		if !strings.Contains(keys, "`"+name+"`") {
			t.Errorf("the README does not list the action %s", name)
		}
	}
}
