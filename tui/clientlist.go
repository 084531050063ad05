package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/store"
)

// ClientList is the home screen: every client, one per row.
type ClientList struct {
	c       *Common
	clients []store.Client
	cursor  int
	offset  int
	width   int
	height  int
	loading bool
}

type clientsLoadedMsg struct {
	clients []store.Client
	err     error
}

// NewClientList builds the home screen; it loads its rows in Init.
func NewClientList(c *Common) *ClientList { return &ClientList{c: c, loading: true} }

func (m *ClientList) load() tea.Msg {
	cs, err := m.c.Store.Clients(context.Background())
	return clientsLoadedMsg{clients: cs, err: err}
}

// Init loads the clients.
func (m *ClientList) Init() tea.Cmd { return m.load }

// Title names the screen.
func (m *ClientList) Title() string { return "Clients" }

// Capturing is false: the list takes no free text.
func (m *ClientList) Capturing() bool { return false }

// SetSize sets the drawing area.
func (m *ClientList) SetSize(w, h int) { m.width, m.height = w, h }

// ShortHelp lists the main keys.
func (m *ClientList) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down}
}

// FullHelp lists every key of the screen.
func (m *ClientList) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}}
}

// Update moves the cursor.
func (m *ClientList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case clientsLoadedMsg:
		m.loading = false
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		m.clients = msg.clients
	case DataChangedMsg:
		return m, m.load
	case tea.KeyMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, max(len(m.clients)-1, 0))
		case key.Matches(msg, k.Top):
			m.cursor = 0
		case key.Matches(msg, k.Bottom):
			m.cursor = max(len(m.clients)-1, 0)
		}
	}
	rows := max(m.height-1, 1)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	return m, nil
}

// View draws the visible rows.
func (m *ClientList) View() string {
	th := m.c.Theme
	if m.loading {
		return th.Subtle.Render("Loading clients…")
	}
	var b strings.Builder
	b.WriteString(th.Heading.Render(fmt.Sprintf("%-40s %-12s %6s", "Client", "Status", "Seats")))
	end := min(m.offset+max(m.height-1, 1), len(m.clients))
	for i := m.offset; i < end; i++ {
		c := m.clients[i]
		line := fmt.Sprintf("%-40s %-12s %6d", truncate(c.Name, 40), c.Status, c.Seats)
		if i == m.cursor {
			line = th.Selected.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}
