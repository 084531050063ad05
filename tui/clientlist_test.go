package tui

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
)

// shownNames lists the names the list shows, in order.
func shownNames(m *ClientList) []string {
	out := make([]string, len(m.shown))
	for i, r := range m.shown {
		out[i] = m.rows[r].a.Client.Name
	}
	return out
}

func selectedName(m *ClientList) string {
	if a := m.Selected(); a != nil {
		return a.Client.Name
	}
	return ""
}

func TestClientListNavigation(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want int // cursor row; the fixture has 17 clients and 10 table rows
	}{
		{"starts on top", nil, 0},
		{"down twice", []string{"j", "down"}, 2},
		{"up stops at the top", []string{"k", "up"}, 0},
		{"bottom", []string{"G"}, 16},
		{"down stops at the bottom", []string{"G", "j"}, 16},
		{"top after bottom", []string{"G", "g"}, 0},
		{"page down moves a page less one row", []string{"ctrl+d"}, 9},
		{"page up from the bottom", []string{"G", "ctrl+u"}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := loadedList(t, 100, 16) // 16 lines: 3 of headings, 10 rows, 3 of detail
			press(m, tt.keys...)
			if m.cursor != tt.want {
				t.Errorf("cursor = %d, want %d", m.cursor, tt.want)
			}
			if m.cursor < m.offset || m.cursor >= m.offset+m.tableRows() {
				t.Errorf("cursor %d outside the visible rows %d–%d", m.cursor, m.offset, m.offset+m.tableRows()-1)
			}
			if !strings.Contains(m.View(), "▸ "+selectedName(m)) {
				t.Errorf("the view does not mark %q as selected:\n%s", selectedName(m), m.View())
			}
		})
	}
}

func TestClientListSort(t *testing.T) {
	m := loadedList(t, 100, 30)
	// By score: the zero-tolerance client (100) first, then by points;
	// ties (the healthy clients at 0) by name.
	if got := shownNames(m)[:4]; !slices.Equal(got, []string{"Zed Shady Corp", "Drain Works", "Override Partners", "Slowpay Inc"}) {
		t.Errorf("by score: %v", got)
	}
	press(m, "s") // MRR, highest first: Slowpay pays 4,000.
	if got := shownNames(m)[0]; got != "Slowpay Inc" {
		t.Errorf("by MRR: first %q, want Slowpay Inc", got)
	}
	press(m, "s") // margin, worst first: Drain Works works 6× a healthy load for 1,500.
	if got := shownNames(m)[0]; got != "Drain Works" {
		t.Errorf("by margin: first %q, want Drain Works", got)
	}
	press(m, "s") // name
	names := shownNames(m)
	if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("by name: not in order: %v", names)
	}
	press(m, "s")
	if m.query.order != byScore {
		t.Errorf("sort did not cycle back to score: %v", m.query.order)
	}
	if !strings.Contains(m.View(), "sorted by score") {
		t.Error("the view does not say how the list is sorted")
	}
}

func TestClientListSortKeepsSelection(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "j", "j", "j") // Slowpay Inc
	if selectedName(m) != "Slowpay Inc" {
		t.Fatalf("selected %q", selectedName(m))
	}
	press(m, "s")
	if selectedName(m) != "Slowpay Inc" || m.cursor != 0 {
		t.Errorf("after sorting by MRR selected %q at row %d, want Slowpay Inc at row 0", selectedName(m), m.cursor)
	}
}

func TestClientListFilterAsYouType(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "/")
	if !m.Capturing() {
		t.Fatal("/ did not start the filter")
	}
	// q and ? are typed, not quit or help, while the filter has the keys.
	press(m, "h", "e", "a")
	if got := len(m.shown); got != 12 {
		t.Errorf("\"hea\" shows %d clients, want the 12 Healthy ones", got)
	}
	press(m, "l", "t", "h", "y", " ", "c")
	if got := shownNames(m); !slices.Equal(got, []string{"Healthy C Ltd"}) {
		t.Errorf("\"healthy c\" shows %v", got)
	}
	press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	if got := len(m.shown); got != 17 {
		t.Errorf("after erasing the filter %d clients shown, want 17", got)
	}
	press(m, "S", "H", "A", "D", "Y")
	if got := shownNames(m); !slices.Equal(got, []string{"Zed Shady Corp"}) {
		t.Errorf("the filter is not case-insensitive: %v", got)
	}
	press(m, "enter")
	if m.Capturing() {
		t.Error("enter did not leave the filter")
	}
	if !strings.Contains(m.View(), `name contains "SHADY"`) || !strings.Contains(m.View(), "showing 1 of 17") {
		t.Errorf("the view does not show the kept filter:\n%s", m.View())
	}
	press(m, "esc")
	if got := len(m.shown); got != 17 {
		t.Errorf("esc did not clear the filter: %d shown", got)
	}
}

// / starts a new filter: what is typed after a kept filter is a search of
// its own, not the old one run on.
func TestClientListSlashStartsAFreshFilter(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "/", "s", "h", "a", "d", "y", "enter")
	if got := shownNames(m); !slices.Equal(got, []string{"Zed Shady Corp"}) {
		t.Fatalf("kept filter shows %v", got)
	}
	press(m, "/")
	if m.filter.Value() != "" || len(m.shown) != 17 {
		t.Errorf("/ kept %q, %d shown", m.filter.Value(), len(m.shown))
	}
	press(m, "h", "e", "a", "l", "t", "h", "y", " ", "c")
	if got := shownNames(m); !slices.Equal(got, []string{"Healthy C Ltd"}) {
		t.Errorf("the second filter shows %v, filter %q", got, m.filter.Value())
	}
}

func TestClientListFilterNoMatch(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "/", "x", "y", "z")
	if len(m.shown) != 0 || m.Selected() != nil {
		t.Fatalf("shown %v", shownNames(m))
	}
	if !strings.Contains(m.View(), "No client matches") {
		t.Error("an empty result says nothing")
	}
	if cmd := press(m, "enter", "enter"); cmd != nil {
		t.Error("enter on an empty list opened something")
	}
	press(m, "esc")
	if len(m.shown) != 17 {
		t.Errorf("esc did not clear: %d shown", len(m.shown))
	}
}

func TestClientListStatusAndRecommendationFilters(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "v") // Offboard
	if got := shownNames(m); !slices.Equal(got, []string{"Zed Shady Corp"}) {
		t.Errorf("only Offboard: %v", got)
	}
	press(m, "v") // Remediate
	if got := shownNames(m); !slices.Equal(got, []string{"Drain Works", "Slowpay Inc"}) {
		t.Errorf("only Remediate: %v", got)
	}
	press(m, "v", "v") // Keep: the override counts as the recommendation in force.
	if got := shownNames(m); !slices.Contains(got, "Override Partners") || len(got) != 14 {
		t.Errorf("only Keep: %v", got)
	}
	press(m, "v") // back to all
	if m.query.rec != "" || len(m.shown) != 17 {
		t.Errorf("recommendation filter did not cycle back: %q, %d shown", m.query.rec, len(m.shown))
	}
	// Status cycles in store order: active, watch, remediation, notice.
	press(m, "f", "f", "f", "f")
	if m.query.status != scoring.StatusNotice {
		t.Fatalf("status filter %q, want notice", m.query.status)
	}
	if got := shownNames(m); !slices.Equal(got, []string{"Notice Given Co"}) {
		t.Errorf("only notice: %v", got)
	}
	if !strings.Contains(m.View(), "status notice") {
		t.Error("the view does not show the status filter")
	}
}

func TestClientListCountsAndMarkers(t *testing.T) {
	m := loadedList(t, 100, 30)
	view := m.View()
	for _, want := range []string{"17 clients", "1 Offboard", "2 Remediate", "14 Keep", "review due", "checklist overdue", "Keep*", "✖ criminal"} {
		if !strings.Contains(view, want) {
			t.Errorf("the list does not show %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Watch") {
		t.Error("a recommendation with no client is counted")
	}
}

func TestClientListEnterOpensClient(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "j")
	cmd := press(m, "enter")
	if cmd == nil {
		t.Fatal("enter returned no command")
	}
	push, ok := cmd().(PushMsg)
	if !ok {
		t.Fatalf("enter gave %T, want PushMsg", cmd())
	}
	cs, ok := push.Screen.(*ClientScreen)
	if !ok || cs.Target().Name != "Drain Works" {
		t.Errorf("enter opened %#v, want the client screen of Drain Works", push.Screen)
	}
}

func TestClientListMouse(t *testing.T) {
	m := loadedList(t, 100, 16)
	click := func(y int) {
		m.Update(tea.MouseMsg{X: 5, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	}
	click(listHeaderLines + 2)
	if m.cursor != 2 {
		t.Errorf("click on the third row: cursor %d", m.cursor)
	}
	click(0) // the counts line selects nothing
	if m.cursor != 2 {
		t.Errorf("click on the heading moved the cursor to %d", m.cursor)
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.cursor != 2+wheelStep {
		t.Errorf("wheel down: cursor %d, want %d", m.cursor, 2+wheelStep)
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.cursor != 0 {
		t.Errorf("wheel up twice: cursor %d, want 0", m.cursor)
	}
}

func TestClientListDropsStaleLoads(t *testing.T) {
	m := NewClientList(fixtureCommon())
	m.SetSize(100, 30)
	m.load.req = 2
	m.load.loading = true
	stale := NewSnapshot(scoring.Portfolio{}, nil)
	m.Update(snapshotMsg{owner: &m.load, req: 1, snap: stale})
	if m.snap != nil {
		t.Fatal("a stale load replaced the snapshot")
	}
	other := NewClientList(fixtureCommon())
	m.Update(snapshotMsg{owner: &other.load, req: 2, snap: stale})
	if m.snap != nil {
		t.Fatal("another screen's load replaced the snapshot")
	}
	m.Update(snapshotMsg{owner: &m.load, req: 2, snap: fixtureSnapshot()})
	if m.snap == nil || len(m.shown) != 17 || m.load.loading {
		t.Fatalf("the current load was not taken: %d shown, loading %v", len(m.shown), m.load.loading)
	}
}

func TestClientListLoadErrorGoesToTheStatusLine(t *testing.T) {
	m := NewClientList(fixtureCommon())
	m.SetSize(100, 30)
	m.load.req, m.load.loading = 1, true
	_, cmd := m.Update(snapshotMsg{owner: &m.load, req: 1, err: errors.New("database is locked")})
	if cmd == nil {
		t.Fatal("a failed load reported nothing")
	}
	if msg, ok := cmd().(ErrMsg); !ok || !strings.Contains(msg.Err.Error(), "database is locked") {
		t.Errorf("a failed load gave %#v, want an ErrMsg", cmd())
	}
	if m.load.loading || !strings.Contains(m.View(), "ctrl+r tries again") {
		t.Errorf("after a failed load the list shows:\n%s", m.View())
	}
}

// While the filter has the keys, the help says what enter and esc do there:
// enter keeps the filter (it opens nothing) and esc clears it.
func TestClientListFilterHelpSaysWhatKeysDo(t *testing.T) {
	m := loadedList(t, 100, 30)
	press(m, "/", "s", "h", "a", "d", "y")
	var help []string
	for _, b := range m.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if want := []string{"enter keep filter", "esc clear filter"}; !slices.Equal(help, want) {
		t.Errorf("help while filtering is %q, want %q", help, want)
	}
	if cmd := press(m, "enter"); cmd != nil || m.Capturing() || len(m.shown) != 1 {
		t.Errorf("enter did not keep the filter: capturing %v, %d shown", m.Capturing(), len(m.shown))
	}
}

// The columns drop by priority and only for want of room: the widths of
// the demo portfolio's cells (a 39-cell name, "notice · checklist overdue",
// "security, modernization") at the window widths of 80, 100 and 140
// columns and between. Expected widths are worked out by hand: each column
// at its smallest (name 15, verdict 10, score 5, status "remediation !" 13,
// MRR 6, margin 6, flag "data compliance" 15, rate 6) with the mark (2) and
// a space between columns take 85 cells.
func TestListColumns(t *testing.T) {
	var n listNeeds
	n.cell = [numListCols]int{colName: 39, colVerdict: 10, colScore: 5, colStatus: 26, colMRR: 6, colMargin: 6, colFlags: 23, colRate: 6}
	n.flag, n.flagAlone, n.statusShort, n.statusGlyph = 17, 15, 20, 13
	type w = [numListCols]int
	tests := []struct {
		name  string
		width int
		order sortKey
		want  w
	}{
		// 85 cells do not fit in 78: the rate gives way, and the 78 left
		// are taken exactly.
		{"80 columns", 78, byScore, w{colName: 15, colVerdict: 10, colScore: 5, colStatus: 13, colMRR: 6, colMargin: 6, colFlags: 15}},
		{"80 columns sorted by MRR", 78, byMRR, w{colName: 15, colVerdict: 10, colScore: 5, colStatus: 13, colMRR: 6, colMargin: 6, colFlags: 15}},
		// 13 to spare: the status takes 7 to word its reminder, the flags
		// 2 to count the others; the 4 left cannot bring the whole
		// reminder (6), so they widen the names.
		{"100 columns", 98, byScore, w{colName: 19, colVerdict: 10, colScore: 5, colStatus: 20, colMRR: 6, colMargin: 6, colFlags: 17, colRate: 6}},
		// 53 to spare: every cell whole (7+2+6+24+6 = 45), 8 left over.
		{"140 columns", 138, byScore, w{colName: 39, colVerdict: 10, colScore: 5, colStatus: 26, colMRR: 6, colMargin: 6, colFlags: 23, colRate: 6}},
		// 70: without the rate 78 still do not fit; without the flags
		// 62 do, and the 8 to spare bring the rate back (7); the last
		// cell widens the names.
		{"70 cells", 70, byScore, w{colName: 16, colVerdict: 10, colScore: 5, colStatus: 13, colMRR: 6, colMargin: 6, colRate: 6}},
		// Sorted by margin, the margin stays and the MRR gives way: 55
		// cells, and the 5 to spare widen the names.
		{"60 cells sorted by margin", 60, byMargin, w{colName: 20, colVerdict: 10, colScore: 5, colStatus: 13, colMargin: 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := listColumns(tt.width, n, tt.order)
			if c.width != tt.want {
				t.Errorf("widths %v, want %v", c.width, tt.want)
			}
			if c.used() > tt.width {
				t.Errorf("the columns take %d cells of %d", c.used(), tt.width)
			}
		})
	}
}

// The header names exactly the columns shown, and every line of the list
// fits the width, at 80 columns sorted by margin as by score.
func TestClientListHeaderAtEightyColumns(t *testing.T) {
	m := loadedList(t, 78, 20)
	for _, keys := range [][]string{nil, {"s", "s"}} {
		press(m, keys...)
		lines := strings.Split(m.View(), "\n")
		header := lines[listHeaderLines-1]
		for _, title := range []string{"Client", "Verdict", "Score", "MRR", "Margin", "Top flags", "Status"} {
			if !strings.Contains(header, title) {
				t.Errorf("sorted by %v the header %q lacks %s", m.query.order, header, title)
			}
		}
		for _, line := range lines {
			if w := lipgloss.Width(line); w > 78 {
				t.Errorf("a line is %d wide: %q", w, line)
			}
		}
	}
}

// At 80 columns the query line keeps the filter and its count; the
// reminders stand beside them only where there is room.
func TestClientListQueryLineKeepsTheFilterAtEightyColumns(t *testing.T) {
	m := loadedList(t, 78, 20)
	press(m, "/", "h", "e", "a", "l", "t", "h", "y", "enter")
	line := strings.Split(m.View(), "\n")[1]
	if !strings.Contains(line, `name contains "healthy" · showing 12 of 17`) {
		t.Errorf("the query line is %q", line)
	}
}

// An archive judged as of a past day says so first on the counts line,
// where 80 columns do not cut it off.
func TestListSaysItsAsOfDate(t *testing.T) {
	c := fixtureCommon()
	c.Desk.AsOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	m := NewClientList(c)
	m.SetSize(80, 24)
	m.setSnapshot(fixtureSnapshot())
	if line := strings.Split(m.View(), "\n")[0]; !strings.HasPrefix(strings.TrimSpace(line), "as of 2025-06-30 · ") {
		t.Errorf("counts line %q does not begin with the as-of date", line)
	}
	if line := strings.Split(loadedList(t, 80, 24).View(), "\n")[0]; strings.Contains(line, "as of") {
		t.Errorf("counts line %q names a date when judging as of now", line)
	}
}
