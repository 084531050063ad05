package cli

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"offboard/casefile"
)

// progressEvery is how often the bar is redrawn at most.
const progressEvery = 100 * time.Millisecond

type progressMsg struct {
	rows  int
	bytes int64
}

type importDoneMsg struct{}

// progressModel shows an import's progress: a bar by bytes read, rows read,
// rows per second and the time left.
type progressModel struct {
	bar    progress.Model
	file   string
	size   int64
	start  time.Time
	now    func() time.Time
	rows   int
	bytes  int64
	cancel context.CancelFunc
	done   bool
}

func (m progressModel) Init() tea.Cmd { return nil }

func (m progressModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.bar.Width = max(10, min(50, msg.Width-len(m.file)-50))
	case tea.KeyMsg:
		if msg.String() == "ctrl+c" {
			m.cancel()
			m.done = true
			return m, tea.Quit
		}
	case progressMsg:
		m.rows, m.bytes = msg.rows, msg.bytes
	case importDoneMsg:
		m.done = true
		return m, tea.Quit
	}
	return m, nil
}

func (m progressModel) View() string {
	if m.done {
		return ""
	}
	pct := 0.0
	if m.size > 0 {
		pct = min(1, float64(m.bytes)/float64(m.size))
	}
	elapsed := m.now().Sub(m.start).Seconds()
	rate, eta := 0.0, "--:--"
	if elapsed > 0 && m.rows > 0 {
		rate = float64(m.rows) / elapsed
		if pct > 0 {
			left := time.Duration(elapsed * (1 - pct) / pct * float64(time.Second))
			eta = fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
		}
	}
	if pct >= 1 {
		// Read to the end; indexes, the roll-up and the commit remain.
		return fmt.Sprintf("%s %s  %s rows  finishing: indexes, monthly roll-up, commit\n", m.file, m.bar.ViewAs(pct), thousands(m.rows))
	}
	return fmt.Sprintf("%s %s  %s rows  %s rows/s  ETA %s\n", m.file, m.bar.ViewAs(pct), thousands(m.rows), thousands(int(rate)), eta)
}

// runWithProgress runs an import while a progress bar shows how far it has
// read. Ctrl+C cancels the import, which then writes nothing.
func runWithProgress(ctx context.Context, env Env, file string, size int64, read *atomic.Int64,
	run func(ctx context.Context, onRecord func(int)) (*casefile.ImportResult, error)) (*casefile.ImportResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opts := []progress.Option{progress.WithDefaultGradient()}
	if env.Getenv("NO_COLOR") != "" {
		opts = append(opts, progress.WithColorProfile(termenv.Ascii))
	}
	m := progressModel{bar: progress.New(opts...), file: file, size: size, start: env.Now(), now: env.Now, cancel: cancel}
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout))
	var res *casefile.ImportResult
	var err error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		last := time.Time{}
		res, err = run(ctx, func(rows int) {
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				p.Send(progressMsg{rows: rows, bytes: read.Load()})
			}
		})
		p.Send(importDoneMsg{})
	}()
	// A display that fails or is stopped does not stop the import; Ctrl+C
	// and the command's context do, through ctx.
	_, _ = p.Run()
	<-finished
	return res, err
}
