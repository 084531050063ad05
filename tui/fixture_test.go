package tui

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// storeWithClient opens a temporary database whose clock stands at now,
// holding the one client c; it is closed when the test ends.
func storeWithClient(t testing.TB, now time.Time, c store.Client) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "o.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var id int64
	if err := st.Tx(ctx, func(tx *sql.Tx) error {
		id, err = store.InsertClient(ctx, tx, c, now)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return st, id
}

// fixtureNow is the clock of the tests that need no database.
var fixtureNow = time.Date(2026, time.November, 23, 9, 0, 0, 0, time.UTC)

// fixtureMonth is the first day of the month k months before November 2026.
func fixtureMonth(k int) time.Time {
	return time.Date(2026, time.November-time.Month(k), 1, 0, 0, 0, 0, time.UTC)
}

// fixtureClient is a 20-seat client with the same month over the last 24
// months, its work scaled by load.
func fixtureClient(id int64, name string, mrr int64, load float64) scoring.ClientFacts {
	c := scoring.ClientFacts{
		ID: id, Name: name, Status: scoring.StatusActive, Seats: 20, MRR: mrr, Currency: "USD",
		Since:    fixtureMonth(24),
		Security: &scoring.SecuritySnapshot{At: fixtureMonth(1), MFACoverage: 100, PatchCompliance: 98, Devices: 20, Backup: scoring.BackupOK},
	}
	for k := 24; k >= 1; k-- {
		c.Months = append(c.Months, scoring.MonthFacts{
			Month: fixtureMonth(k), MinutesWorked: int64(600 * load), Tickets: int(8*load + 0.5),
			AfterHoursTickets: 1, UrgentTickets: 1, Invoiced: mrr, InvoicesIssued: 1, PaidOnTime: 1,
		})
	}
	return c
}

// fixturePortfolio is twelve healthy clients and four troubled ones: a
// resource drain, a late payer, a client with a criminal incident and one
// the owner overrode. Names are chosen so every sort gives another order.
func fixturePortfolio() []scoring.ClientFacts {
	var out []scoring.ClientFacts
	for i := range 12 {
		out = append(out, fixtureClient(int64(i+1), fmt.Sprintf("Healthy %c Ltd", 'A'+i), int64(200000+i*10000), 0.8+0.04*float64(i)))
	}
	drain := fixtureClient(13, "Drain Works", 150000, 6)
	late := fixtureClient(14, "Slowpay Inc", 400000, 1)
	for i := range late.Months {
		if i >= 12 {
			late.Months[i].PaidOnTime, late.Months[i].PaidLateOver30, late.Months[i].InvoicesPaidLate = 0, 1, 1
			late.Months[i].DaysLateSum = 45
		}
	}
	late.Overdue, late.OverdueInvoices = 800000, 2
	crook := fixtureClient(15, "Zed Shady Corp", 300000, 1)
	crook.Incidents = []scoring.Incident{
		{Kind: scoring.IncidentCriminal, Severity: 5, At: fixtureMonth(2), Description: "Asked a technician to wipe logs before an audit."},
		{Kind: scoring.IncidentAbuse, Severity: 2, At: fixtureMonth(5), Description: "Shouted at the help desk."},
	}
	kept := fixtureClient(16, "Override Partners", 250000, 5)
	kept.Override = &scoring.Override{Recommendation: scoring.Keep, Reason: "New office move explains the hours", At: fixtureMonth(0)}
	quiet := fixtureClient(17, "Notice Given Co", 210000, 1)
	quiet.Status = scoring.StatusNotice
	return append(out, drain, late, crook, kept, quiet)
}

// fixtureSnapshot scores the fixture portfolio with the default
// configuration, with a review due for Drain Works and an overdue
// checklist for Notice Given Co.
func fixtureSnapshot() *Snapshot {
	p := scoring.Assess(fixturePortfolio(), scoring.DefaultConfig(), fixtureNow)
	return NewSnapshot(p, map[int64]store.Markers{
		13: {ReviewDue: fixtureMonth(0)},
		17: {OverdueSteps: 2},
	})
}

// fixtureCommon is a Common with no store, for screens given a snapshot.
func fixtureCommon() *Common {
	return &Common{Desk: &casefile.Desk{Now: func() time.Time { return fixtureNow }}, Theme: DefaultTheme(), Keys: DefaultKeyMap()}
}

// loadedList is the client list with the fixture snapshot, sized w×h.
func loadedList(t *testing.T, w, h int) *ClientList {
	t.Helper()
	m := NewClientList(fixtureCommon())
	m.SetSize(w, h)
	m.setSnapshot(fixtureSnapshot())
	return m
}

// press sends keys to a screen one by one and returns the last command.
func press(s Screen, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = s.Update(keyMsg(k))
	}
	return cmd
}
