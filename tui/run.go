package tui

import (
	"context"
	"fmt"
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// RunOptions configure a session of the workbench.
type RunOptions struct {
	// Mouse turns on mouse capture (wheel and clicks). It is optional because
	// capture blocks the terminal's own text selection.
	Mouse  bool
	Input  io.Reader
	Output io.Writer
}

// Run shows the workbench until the user quits.
func Run(ctx context.Context, app *App, opts RunOptions) error {
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx)}
	if opts.Mouse {
		popts = append(popts, tea.WithMouseCellMotion())
	}
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	// Ask the terminal for its background once, before the program reads
	// the input: asked later (by the theme's first adaptive colour, or the
	// preview choosing its glamour style), the answer would arrive while
	// the program reads keys.
	lipgloss.HasDarkBackground()
	_, err := tea.NewProgram(app, popts...).Run()
	app.FlushNow()
	if err != nil {
		return fmt.Errorf("workbench: %w", err)
	}
	return nil
}
