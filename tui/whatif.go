package tui

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// WhatIf weighs the options for the clients with ids against this
// snapshot, with the configuration it was scored with. It only computes,
// so a screen may call it in Update.
func (s *Snapshot) WhatIf(ids ...int64) (*casefile.WhatIf, error) {
	p := casefile.Portfolio{Portfolio: s.Portfolio, Setup: s.Setup, Markers: s.Markers}
	return p.WhatIf(ids...)
}

// WhatIfScreen is the decision in numbers before the letter (seed 002:
// whether it is worth it to pay to keep a client). For one client it puts
// keep, re-price to target, narrow the scope and let go side by side; for
// several marked in the list, the portfolio after letting all of them go
// at once beside what each one alone would do. The figures are the
// owner's: nothing here reaches a client-facing document.
type WhatIfScreen struct {
	snapshotView
	snap *Snapshot
	ids  []int64
	what *casefile.WhatIf
	err  error
}

// NewWhatIfScreen weighs the options for the clients with ids in snap.
func NewWhatIfScreen(c *Common, snap *Snapshot, ids ...int64) *WhatIfScreen {
	m := &WhatIfScreen{snapshotView: newSnapshotView(c), ids: ids}
	m.setSnapshot(snap)
	return m
}

// Init starts nothing: the figures come from the snapshot.
func (m *WhatIfScreen) Init() tea.Cmd { return nil }

// Title names the screen after what it weighs.
func (m *WhatIfScreen) Title() string {
	if len(m.ids) == 1 {
		return "What if"
	}
	return fmt.Sprintf("What if %d go", len(m.ids))
}

// SetSize sizes the viewport and lays the figures out again.
func (m *WhatIfScreen) SetSize(w, h int) {
	m.setSize(w, h)
	m.render()
}

// Update scrolls, and weighs the options again when the data changes.
func (m *WhatIfScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	return m, m.update(msg, m.setSnapshot)
}

func (m *WhatIfScreen) setSnapshot(snap *Snapshot) {
	m.snap = snap
	m.what, m.err = snap.WhatIf(m.ids...)
	m.render()
}

// render lays the figures out for the width; it runs when the data or the
// size change, never in View.
func (m *WhatIfScreen) render() {
	if m.width == 0 {
		return
	}
	var b strings.Builder
	switch {
	case m.err != nil:
		b.WriteString(m.c.Theme.Error.Render(truncate(m.err.Error(), m.width)))
	case m.what.Together != nil:
		m.writeTogether(&b)
	default:
		m.writeOptions(&b, &m.what.Clients[0])
	}
	m.vp.SetContent(strings.TrimRight(b.String(), "\n"))
}

// writeOptions draws one client's four options as columns beside the
// figures' labels; where the window is too narrow for all four, the
// columns that do not fit continue below, under the labels again.
func (m *WhatIfScreen) writeOptions(b *strings.Builder, c *scoring.ClientWhatIf) {
	th, w, cfg := m.c.Theme, m.width, &m.snap.Setup.Config
	m.writeProse(b, th.Heading, c.Client.Name)
	m.writeProse(b, th.Subtle, fmt.Sprintf("An average month of the last %s, money in %s. Today the portfolio's MRR is %s at a %.1f%% margin (target %.0f%%).",
		plural(c.Months, "month"), c.Client.Currency, money.Grouped(c.Before.MRR, ""), c.Before.Margin*100, cfg.TargetMargin*100))
	b.WriteString("\n")

	figures := append(casefile.ClientFigures(), casefile.PortfolioFigures(cfg)...)
	labelWidth := 0
	for _, f := range figures {
		labelWidth = max(labelWidth, lipgloss.Width(f.Label))
	}
	widths := make([]int, len(c.Options))
	for i, o := range c.Options {
		widths[i] = lipgloss.Width(o.Option.Title())
		for _, f := range figures {
			widths[i] = max(widths[i], lipgloss.Width(f.Cell(o)))
		}
	}
	for n, group := range columnGroups(widths, labelWidth, w) {
		if n > 0 {
			b.WriteString("\n")
		}
		head := padRight("", labelWidth)
		for _, i := range group {
			head += "  " + th.Heading.Render(padRight(c.Options[i].Option.Title(), widths[i]))
		}
		b.WriteString(truncate(head, w) + "\n")
		for _, f := range figures {
			cells, blank := "", true
			for _, i := range group {
				cell := f.Cell(c.Options[i])
				cells += "  " + padRight(cell, widths[i])
				blank = blank && cell == ""
			}
			// The increase belongs to re-pricing: below the other options
			// it is a blank line the small window cannot spare.
			if blank {
				continue
			}
			line := th.Subtle.Render(padRight(f.Label, labelWidth)) + cells
			b.WriteString(truncate(strings.TrimRight(line, " "), w) + "\n")
		}
	}
	b.WriteString("\n")
	m.writeProse(b, lipgloss.NewStyle(), "Let go: "+casefile.LetGoSummary(c.Options[3], cfg)+".")
	m.writeProse(b, lipgloss.NewStyle(), "Re-price to target: "+casefile.RepriceSummary(c.Options[1], c.Now)+".")
	notes := []string{casefile.NarrowingCaveat}
	if !c.Client.Status.Serviced() {
		notes = append([]string{"Already offboarded: outside the serviced portfolio, so no option changes the business."}, notes...)
	}
	m.writeNotes(b, notes...)
}

// columnGroups splits the columns of widths into runs that fit beside a
// label column in width cells, two cells apart; a column wider than the
// room is a run of its own.
func columnGroups(widths []int, labelWidth, width int) [][]int {
	var groups [][]int
	var group []int
	used := labelWidth
	for i, w := range widths {
		if len(group) > 0 && used+2+w > width {
			groups = append(groups, group)
			group, used = nil, labelWidth
		}
		group = append(group, i)
		used += 2 + w
	}
	return append(groups, group)
}

// togetherColumn is one figure of the table of clients let go: a title, a
// width and how an outcome shows in it.
type togetherColumn struct {
	title string
	width int
	cell  func(scoring.Outcome) string
}

// togetherColumns are the figures that add up client by client (all but
// the margin, a ratio, which the table shows for reference).
func togetherColumns(cfg *scoring.Config) []togetherColumn {
	cols := []togetherColumn{
		{"MRR", 7, func(o scoring.Outcome) string { return casefile.SignedPercent(o.MRRChange) }},
		{"Margin", 9, func(o scoring.Outcome) string { return casefile.Points(o.MarginChange) }},
		{"Hours", 6, func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.HoursFreed) }},
	}
	if cfg.Technicians > 0 {
		cols = append(cols, togetherColumn{"Each", 5, func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.HoursFreedPerTechnician) }})
	}
	return append(cols,
		togetherColumn{"Tickets", 7, func(o scoring.Outcome) string { return fmt.Sprintf("%.1f", o.TicketsRemoved) }},
		togetherColumn{"After hours", 12, func(o scoring.Outcome) string {
			return fmt.Sprintf("%.1f (%.0f%%)", *o.AfterHoursRemoved, *o.AfterHoursShare*100)
		}},
	)
}

// writeTogether draws letting several clients go at once: the sentence,
// each client alone and all together in a table, then the portfolio after.
func (m *WhatIfScreen) writeTogether(b *strings.Builder) {
	th, w, cfg := m.c.Theme, m.width, &m.snap.Setup.Config
	t, before := m.what.Together, m.what.Clients[0].Before
	m.writeProse(b, th.Heading, fmt.Sprintf("Letting %d clients go at once, each alone and all together", len(m.what.Clients)))
	m.writeProse(b, lipgloss.NewStyle(), casefile.LetGoSummary(*t, cfg)+".")
	gone := before.MRR - t.Portfolio.MRR
	m.writeProse(b, th.Subtle, fmt.Sprintf("An average month of the last %s: %s a month (%s a year) and %.1f labour hours a month leave.",
		plural(m.what.Clients[0].Months, "month"), money.Grouped(gone, ""), money.Grouped(12*gone, ""), t.HoursFreed))
	b.WriteString("\n")

	cols := togetherColumns(cfg)
	nameWidth := w
	for _, col := range cols {
		nameWidth -= col.width + 1
	}
	// Beyond the list's widest name the figures would drift away from it.
	nameWidth = max(min(nameWidth, maxNameWidth), 10)
	// A name too long for its column wraps, its figures on its last line.
	row := func(name string, o scoring.Outcome) string {
		lines := wrap(name, nameWidth)
		last := padRight(lines[len(lines)-1], nameWidth)
		for _, col := range cols {
			last += " " + padLeft(col.cell(o), col.width)
		}
		lines[len(lines)-1] = truncate(last, w)
		return strings.Join(lines, "\n")
	}
	head := padRight("Let go", nameWidth)
	for _, col := range cols {
		head += " " + padLeft(col.title, col.width)
	}
	b.WriteString(th.Heading.Render(truncate(head, w)) + "\n")
	for i := range m.what.Clients {
		c := &m.what.Clients[i]
		name := c.Client.Name
		if !c.Client.Status.Serviced() {
			// Marked or recommended, it is gone already: its zeros say so.
			name += " (already offboarded)"
		}
		b.WriteString(row(name, c.Options[3]) + "\n")
	}
	b.WriteString(th.Heading.Render(row(fmt.Sprintf("All %d together", len(m.what.Clients)), *t)) + "\n\n")

	b.WriteString(th.Heading.Render("The portfolio after") + "\n")
	figures := casefile.PortfolioFigures(cfg)
	labelWidth := 0
	for _, f := range figures {
		labelWidth = max(labelWidth, lipgloss.Width(f.Label))
	}
	for _, f := range figures {
		b.WriteString(truncate(th.Subtle.Render(padRight(f.Label, labelWidth))+"  "+f.Cell(*t), w) + "\n")
	}
	b.WriteString("\n")
	m.writeNotes(b, "Each column adds up client by client except the margin, a ratio: it moves with what is left.")
}

// writeProse wraps text to the width in style; wrap shows imported text
// (a client's name) through textsafe.
func (m *WhatIfScreen) writeProse(b *strings.Builder, style lipgloss.Style, text string) {
	for _, line := range wrap(text, m.width) {
		b.WriteString(style.Render(line) + "\n")
	}
}

// writeNotes adds the caveats, and how to see the hours per technician
// where that is not set, faint below the figures.
func (m *WhatIfScreen) writeNotes(b *strings.Builder, notes ...string) {
	if hint := casefile.TechniciansHint(&m.snap.Setup.Config); hint != "" {
		notes = append(notes, hint)
	}
	for _, n := range notes {
		m.writeProse(b, m.c.Theme.Faint, n)
	}
}

// whatIfNote is one of the client's options in a sentence for a screen
// that quotes it to the owner (the remediation plan's price terms, the
// termination letter's summary), or "" when the client is not in the
// snapshot.
func whatIfNote(t ClientTarget, note func(*scoring.ClientWhatIf, *scoring.Config) string) string {
	if t.Snapshot == nil {
		return ""
	}
	w, err := t.Snapshot.WhatIf(t.ID)
	if err != nil {
		return ""
	}
	return note(&w.Clients[0], &t.Snapshot.Setup.Config)
}

// repriceNote quotes re-pricing to the target margin.
func repriceNote(c *scoring.ClientWhatIf, _ *scoring.Config) string {
	return "What if we re-price to target: " + casefile.RepriceSummary(c.Options[1], c.Now) + "."
}

// letGoNote quotes letting the client go.
func letGoNote(c *scoring.ClientWhatIf, cfg *scoring.Config) string {
	return "For you only, not in the letter: letting go means " + casefile.LetGoSummary(c.Options[3], cfg) + "."
}

// seedWithWhatIf adds the re-pricing option in numbers to the price terms
// a seed pre-fills, for the owner to argue a new fee from.
func seedWithWhatIf(seed SeedFunc, t ClientTarget) SeedFunc {
	note := whatIfNote(t, repriceNote)
	return func(ctx context.Context, d *casefile.Desk, client store.Client) (casefile.PlanForm, error) {
		f, err := seed(ctx, d, client)
		f.Terms.WhatIf = note
		return f, err
	}
}

// appendIfRoom adds extra to lines when, wrapped at width, both fit in n
// lines: a note that would be cut is better left out whole.
func appendIfRoom(lines []string, extra string, n, width int) []string {
	wrapped := lipgloss.NewStyle().Width(max(width, 1))
	with := append(lines[:len(lines):len(lines)], extra)
	if lipgloss.Height(wrapped.Render(strings.Join(with, "\n"))) > n {
		return lines
	}
	return with
}
