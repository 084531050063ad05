package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	tea "github.com/charmbracelet/bubbletea"
)

// EditedMsg carries text back from the owner's editor. Err is set when the
// editor could not be started or the file could not be read; the text is
// then empty and the caller keeps what it had.
type EditedMsg struct {
	// Tag says which screen and which text the edit was for.
	Tag  any
	Text string
	Err  error
}

// chosenEditor is the owner's editor: $VISUAL, then $EDITOR, then vi.
func chosenEditor(getenv func(string) string) string {
	for _, k := range []string{"VISUAL", "EDITOR"} {
		if e := getenv(k); e != "" {
			return e
		}
	}
	return "vi"
}

// EditText opens text in the owner's editor through tea.ExecProcess, which
// hands the terminal over and takes it back, then reads the saved file. The
// text goes to a private temporary file inside the command, not in Update;
// the editor's command line is run by the shell, so EDITOR="code --wait"
// works. name ends the temporary file's name, so the editor picks its mode
// from the extension.
func EditText(getenv func(string) string, tag any, text, name string) tea.Cmd {
	editor := chosenEditor(getenv)
	return func() tea.Msg {
		f, err := os.CreateTemp("", "offboard-*-"+name)
		if err != nil {
			return EditedMsg{Tag: tag, Err: fmt.Errorf("open the editor: %w", err)}
		}
		path := f.Name()
		_, werr := f.WriteString(text)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(path)
			return EditedMsg{Tag: tag, Err: fmt.Errorf("open the editor: %w", werr)}
		}
		cmd := exec.Command("sh", "-c", editor+` "$1"`, "sh", path)
		// Running ExecProcess's command here hands its message to the program,
		// which suspends itself and runs the editor.
		return tea.ExecProcess(cmd, func(err error) tea.Msg {
			defer os.Remove(path)
			if err != nil {
				return EditedMsg{Tag: tag, Err: fmt.Errorf("editor %s: %w", editor, err)}
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return EditedMsg{Tag: tag, Err: fmt.Errorf("read the edited text: %w", err)}
			}
			if len(b) == 0 && text != "" {
				return EditedMsg{Tag: tag, Err: errors.New("the editor left an empty file; the text was kept as it was")}
			}
			return EditedMsg{Tag: tag, Text: string(b)}
		})()
	}
}
