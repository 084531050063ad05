package tui

import (
	"fmt"
	"io"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// CopyText puts text on the system clipboard with an OSC 52 escape
// sequence written to the terminal, which works over SSH and, wrapped for
// it, inside tmux and screen. Terminals that do not support OSC 52 ignore
// it, so the notice says so rather than promising.
func CopyText(out io.Writer, getenv func(string) string, text, what string) tea.Cmd {
	return func() tea.Msg {
		seq := osc52.New(text)
		switch {
		case getenv("TMUX") != "":
			seq = seq.Tmux()
		case getenv("STY") != "":
			seq = seq.Screen()
		}
		if _, err := seq.WriteTo(out); err != nil {
			return ErrMsg{Err: fmt.Errorf("copy %s to the clipboard: %w", what, err)}
		}
		return StatusMsg{Text: fmt.Sprintf("Copied %s to the clipboard (%d bytes) over OSC 52, where the terminal allows it", what, len(text))}
	}
}
