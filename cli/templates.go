package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"offboard/letters"
)

// TemplateDir is the folder whose templates replace the built-in ones:
// $XDG_CONFIG_HOME/offboard/templates, else ~/.config/offboard/templates. A
// file there named after a document (termination.md.tmpl,
// offboarding-receipt.md.tmpl, post-mortem.md.tmpl, remediation-agenda.md.tmpl,
// remediation-plan.md.tmpl) is used instead of the built-in template; see
// README.md for the fields each receives.
func TemplateDir(getenv func(string) string) string {
	if d := getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "offboard", "templates")
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "offboard", "templates")
	}
	return ""
}

// newRenderer parses the document templates, with the user's template
// folder, when there is one, overriding the built-in templates.
func newRenderer(env Env) (*letters.Renderer, error) {
	dir := TemplateDir(env.Getenv)
	if dir == "" {
		return letters.New(nil)
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return letters.New(nil)
	}
	return letters.New(os.DirFS(dir))
}
