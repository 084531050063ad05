package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// Snapshot is the scored portfolio the triage screens draw from: every
// client's assessment against the same normal ranges, and the review and
// checklist reminders beside them. It is built in one command and never
// changed afterwards, so screens may share it freely.
type Snapshot struct {
	scoring.Portfolio
	Markers map[int64]store.Markers
	// Setup is the configuration it was scored with, for the what-if to
	// weigh options by the same loaded cost and target margin.
	Setup casefile.Setup
	index map[int64]int
}

// NewSnapshot indexes a scored portfolio and its markers by client id.
func NewSnapshot(p scoring.Portfolio, markers map[int64]store.Markers) *Snapshot {
	s := &Snapshot{Portfolio: p, Markers: markers, index: make(map[int64]int, len(p.Assessments))}
	for i := range p.Assessments {
		s.index[p.Assessments[i].Client.ID] = i
	}
	return s
}

// Find returns the assessment of the client with id, or nil.
func (s *Snapshot) Find(id int64) *scoring.Assessment {
	i, ok := s.index[id]
	if !ok {
		return nil
	}
	return &s.Assessments[i]
}

// LoadSnapshot scores the portfolio through the desk. It does I/O: call it
// from a tea.Cmd.
func LoadSnapshot(ctx context.Context, c *Common) (*Snapshot, error) {
	p, err := c.Assess(ctx)
	if err != nil {
		return nil, err
	}
	s := NewSnapshot(p.Portfolio, p.Markers)
	s.Setup = p.Setup
	return s, nil
}

// snapshotMsg carries a finished load back to the loader that asked for it.
type snapshotMsg struct {
	owner *loader
	req   int
	snap  *Snapshot
	err   error
}

// loader runs LoadSnapshot for one screen, shows a spinner meanwhile and
// drops answers to requests that a newer one has replaced (a reload while a
// load was still running) or that belong to another screen.
type loader struct {
	c       *Common
	req     int
	loading bool
	spin    spinner.Model
}

func newLoader(c *Common) loader {
	return loader{c: c, spin: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(c.Theme.Cursor))}
}

// start begins a load; any earlier one still running will be ignored.
func (l *loader) start() tea.Cmd {
	l.req++
	l.loading = true
	owner, req, c := l, l.req, l.c
	load := func() tea.Msg {
		snap, err := LoadSnapshot(c.context(), c)
		return snapshotMsg{owner: owner, req: req, snap: snap, err: err}
	}
	return tea.Batch(load, l.spin.Tick)
}

// update handles the loader's own messages, giving a finished current load
// to use; ok tells whether msg was the loader's.
func (l *loader) update(msg tea.Msg, use func(*Snapshot)) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case snapshotMsg:
		if msg.owner != l {
			return nil, false
		}
		if msg.req != l.req {
			return nil, true
		}
		l.loading = false
		if msg.err != nil {
			return Fail(msg.err), true
		}
		use(msg.snap)
		return nil, true
	case spinner.TickMsg:
		if !l.loading || msg.ID != l.spin.ID() {
			return nil, false
		}
		l.spin, cmd = l.spin.Update(msg)
		return cmd, true
	}
	return nil, false
}

// view is the spinner line shown while loading.
func (l *loader) view(what string) string {
	return l.spin.View() + " " + l.c.Theme.Subtle.Render(what)
}
