package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

func TestProgressView(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	canceled := false
	m := progressModel{
		bar:  progress.New(progress.WithColorProfile(termenv.Ascii), progress.WithWidth(20)),
		file: "time.csv", size: 1000, start: t0,
		now:    func() time.Time { return t0.Add(10 * time.Second) },
		cancel: context.CancelFunc(func() { canceled = true }),
	}
	next, _ := m.Update(progressMsg{rows: 5000, bytes: 500})
	view := next.View()
	if !strings.Contains(view, "50%") || !strings.Contains(view, "5,000 rows  500 rows/s  ETA 0:10") {
		t.Errorf("view = %q", view)
	}
	if view := must(next.Update(progressMsg{rows: 9000, bytes: 1000})).View(); !strings.Contains(view, "finishing") {
		t.Errorf("at the end of the file: %q", view)
	}
	stopped, cmd := next.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !canceled || cmd == nil || stopped.View() != "" {
		t.Error("ctrl+c should cancel the import and clear the bar")
	}
	if _, cmd := next.Update(importDoneMsg{}); cmd == nil {
		t.Error("the bar should quit when the import is done")
	}
}

func must(m tea.Model, _ tea.Cmd) tea.Model { return m }
