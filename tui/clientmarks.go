package tui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// toggleMark marks the client under the cursor for a what-if of letting
// several clients go together, or unmarks it.
func (m *ClientList) toggleMark() {
	a := m.Selected()
	if a == nil {
		return
	}
	if m.marked == nil {
		m.marked = map[int64]bool{}
	}
	if m.marked[a.Client.ID] {
		delete(m.marked, a.Client.ID)
		return
	}
	m.marked[a.Client.ID] = true
}

// toggleShownMarks marks every client shown (the list filtered to
// Offboard, say), or unmarks them all when they all are marked already.
func (m *ClientList) toggleShownMarks() {
	all := true
	for _, i := range m.shown {
		all = all && m.marked[m.rows[i].a.Client.ID]
	}
	if m.marked == nil {
		m.marked = map[int64]bool{}
	}
	for _, i := range m.shown {
		if id := m.rows[i].a.Client.ID; all {
			delete(m.marked, id)
		} else {
			m.marked[id] = true
		}
	}
}

// markedIDs lists the marked clients in the list's order, hidden by a
// filter or not: a filter narrows what is shown, not what was chosen.
func (m *ClientList) markedIDs() []int64 {
	var ids []int64
	for _, i := range (listQuery{order: m.query.order}).apply(m.rows) {
		if id := m.rows[i].a.Client.ID; m.marked[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// whatIf opens the what-if of the marked clients, or of the client under
// the cursor when none is marked.
func (m *ClientList) whatIf() tea.Cmd {
	ids := m.markedIDs()
	if len(ids) == 0 {
		a := m.Selected()
		if a == nil {
			return nil
		}
		ids = []int64{a.Client.ID}
	}
	return Push(NewWhatIfScreen(m.c, m.snap, ids...))
}

// pruneMarks forgets the marks of clients a reload no longer lists.
func (m *ClientList) pruneMarks() {
	for id := range m.marked {
		if m.snap.Find(id) == nil {
			delete(m.marked, id)
		}
	}
}
