package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"offboard/scoring"
	"offboard/store"
)

// listRow is one client of the client list with its cells formatted once
// per load, so drawing and filtering never format or score anything.
type listRow struct {
	a         *scoring.Assessment
	lowerName string
	status    scoring.ClientStatus
	score     string
	mrr       string
	margin    string
	rate      string
	// flags names the top two flags; flag the top one with the count of
	// the others and flagAlone the top one alone, for narrower columns.
	flags, flag, flagAlone string
	// statusText is the status with its reminder ("remediation · review
	// due"); statusShort words the reminder in one word ("notice ·
	// overdue") and statusGlyph marks it ("notice !"), for narrower
	// columns. The status itself is never left out for its reminder.
	statusText, statusShort, statusGlyph string
	// marker is the reminder alone, "" when there is none.
	marker string
}

func newListRows(snap *Snapshot) []listRow {
	rows := make([]listRow, len(snap.Assessments))
	for i := range snap.Assessments {
		a := &snap.Assessments[i]
		r := listRow{
			a:         a,
			lowerName: strings.ToLower(a.Client.Name),
			status:    a.Client.Status,
			score:     fmt.Sprint(a.Score),
			mrr:       moneyWhole(a.Client.MRR),
			margin:    "–",
			rate:      "–",
			flags:     topFlags(a, 2),
			flag:      topFlags(a, 1),
			flagAlone: flagNames(a.Flags[:min(1, len(a.Flags))]),
		}
		if a.Profit.Revenue > 0 {
			r.margin = pct(a.Profit.Margin)
		}
		if a.Profit.EffectiveRate > 0 {
			r.rate = moneyWhole(a.Profit.EffectiveRate)
		}
		mk := snap.Markers[a.Client.ID]
		r.marker = markerText(mk)
		r.statusText, r.statusShort, r.statusGlyph = string(r.status), string(r.status), string(r.status)
		if r.marker != "" {
			r.statusText += " · " + r.marker
			r.statusShort += " · " + markerWord(mk)
			r.statusGlyph += " !"
		}
		rows[i] = r
	}
	return rows
}

// markerText words a client's reminders.
func markerText(m store.Markers) string { return reminders(m, "review due", "checklist overdue") }

// markerWord words a client's reminders in a word each, for a narrow status
// column.
func markerWord(m store.Markers) string { return reminders(m, "review", "overdue") }

// reminders joins the words of the reminders m holds.
func reminders(m store.Markers, review, overdue string) string {
	var parts []string
	if !m.ReviewDue.IsZero() {
		parts = append(parts, review)
	}
	if m.OverdueSteps > 0 {
		parts = append(parts, overdue)
	}
	return strings.Join(parts, ", ")
}

// sortKey is an order of the client list.
type sortKey int

// The orders the list cycles through with the sort key.
const (
	byScore sortKey = iota
	byMRR
	byMargin
	byName
	numSortKeys
)

// String names the order as the list header shows it.
func (k sortKey) String() string {
	return [...]string{"score ↓", "MRR ↓", "margin ↑", "name"}[k]
}

// less compares two rows in order k; ties fall back to the name so the
// order is total and the list never jumps between loads.
func (k sortKey) compare(a, b *listRow) int {
	var c int
	switch k {
	case byScore:
		c = cmp.Compare(b.a.Score, a.a.Score)
	case byMRR:
		c = cmp.Compare(b.a.Client.MRR, a.a.Client.MRR)
	case byMargin:
		c = compareMargin(a.a, b.a)
	}
	if c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.lowerName, b.lowerName), cmp.Compare(a.a.Client.ID, b.a.Client.ID))
}

// compareMargin puts the worst margin first and clients with no revenue
// (no margin to speak of) last.
func compareMargin(a, b *scoring.Assessment) int {
	ka, kb := a.Profit.Revenue > 0, b.Profit.Revenue > 0
	if ka != kb {
		if ka {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.Profit.Margin, b.Profit.Margin)
}

// listQuery is what the list shows of all its rows: a name filter, a status
// and a recommendation ("" for any), in an order.
type listQuery struct {
	name   string
	status scoring.ClientStatus
	rec    scoring.Recommendation
	order  sortKey
}

// apply returns the indexes of rows that match q, in q's order.
func (q listQuery) apply(rows []listRow) []int {
	needle := strings.ToLower(strings.TrimSpace(q.name))
	out := make([]int, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if (needle == "" || strings.Contains(r.lowerName, needle)) &&
			(q.status == "" || r.status == q.status) &&
			(q.rec == "" || r.a.Recommendation == q.rec) {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(i, j int) int { return q.order.compare(&rows[i], &rows[j]) })
	return out
}
