package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"testing"
	"time"

	"offboard/store"
)

// TestComparePlanOnAKnownChange plants six baseline months of a client who
// pays 41 days late and opens 38% of tickets after hours, a meeting month
// with wild figures that must be ignored, and three and a half months since
// paying 12 days late on average with 9% after hours, one invoice still
// unpaid and overdue; the figures below are worked out by hand from the
// planted rows.
func TestComparePlanOnAKnownChange(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme") // 10 seats
	exec := mustExec(t, s)
	month := func(m string, minutes, tickets, afterHours int) {
		exec(`INSERT INTO client_months (client_id, month, seconds, tickets, after_hours_tickets) VALUES (?, ?, ?, ?, ?)`,
			id, m, minutes*60, tickets, afterHours)
	}
	n := 0
	// invoice is issued on the first of month, due 30 days later and paid
	// late days after that; late < 0 leaves it unpaid.
	invoice := func(month string, late int) {
		n++
		issued, _ := time.Parse(time.DateOnly, month+"-01")
		due := issued.AddDate(0, 0, 30)
		var paid any
		balance := 1000
		if late >= 0 {
			paid, balance = store.Date(due.AddDate(0, 0, late)), 0
		}
		exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor)
            VALUES (?, ?, ?, ?, ?, 1000, ?)`, id, fmt.Sprint("I", n), store.Date(issued), store.Date(due), paid, balance)
	}
	// Baseline, January to June: two invoices a month, each paid 41 days
	// late; 50 tickets, 19 after hours; 100 hours.
	for _, m := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"} {
		month(m, 6000, 50, 19)
		invoice(m, 41)
		invoice(m, 41)
	}
	month("2025-12", 60000, 500, 500) // before the baseline
	invoice("2025-12", 400)
	month("2026-07", 60000, 500, 500) // the meeting's month
	invoice("2026-07", 400)
	// Since, August to October: 33 tickets, 3 after hours and 100 hours a
	// month; in August and September one invoice paid on time and one 24
	// days late; in October one paid 9 days late and one unpaid, due on
	// 31 October and so 15 days overdue at the review on 15 November:
	// 24 + 24 + 9 + 15 = 72 days over six invoices, four of them late.
	for _, m := range []string{"2026-08", "2026-09"} {
		month(m, 6000, 33, 3)
		invoice(m, 24)
		invoice(m, 0)
	}
	month("2026-10", 6000, 33, 3)
	invoice("2026-10", -1)
	invoice("2026-10", 9)
	// November so far: 10 hours; an invoice not yet due counts for nothing.
	month("2026-11", 600, 0, 0)
	invoice("2026-11", -1)
	month("2026-12", 60000, 500, 500) // after the review
	exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity) VALUES
        (?1, '2026-02-03T22:00:00Z', 'after_hours', 2), (?1, '2026-03-03T22:00:00Z', 'after_hours', 2),
        (?1, '2026-04-03T22:00:00Z', 'after_hours', 3), (?1, '2026-07-20T22:00:00Z', 'after_hours', 3)`, id)
	exec(`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices) VALUES
        (?1, '2026-03-01', 20, 70, 9, 40), (?1, '2026-07-01', 40, 80, 6, 40),
        (?1, '2026-10-01', 100, 96, 1, 40), (?1, '2026-12-01', 0, 0, 40, 40)`, id)

	f := agreedForm() // meeting 2026-07-15: late payment and after hours
	f.Topics = append(f.Topics, TopicForm{FlagID: "security", Title: "MFA and patching"})
	p := finishAgreed(t, s, id, f)
	cmp, err := s.ComparePlan(ctx, p.ID, time.Date(2026, 11, 15, 17, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if store.Date(cmp.Before.From) != "2026-01-01" || store.Date(cmp.Before.To) != "2026-06-30" || cmp.Before.Months != 6 {
		t.Errorf("before = %+v", cmp.Before)
	}
	// August, September, October and 15 of November's 30 days.
	if store.Date(cmp.Since.From) != "2026-08-01" || store.Date(cmp.Since.To) != "2026-11-15" || cmp.Since.Months != 3.5 {
		t.Errorf("since = %+v", cmp.Since)
	}
	want := []struct {
		label         string
		before, since float64
		text          string
		dir           Direction
	}{
		{"Average days late", 492.0 / 12, 72.0 / 6, "Average days late 41 → 12", DirectionImproved},
		{"Invoices late", 1, 4.0 / 6, "Invoices late 100% → 67%", DirectionImproved},
		{"After-hours tickets", 114.0 / 300, 9.0 / 99, "After-hours tickets 38% → 9%", DirectionImproved},
		{"Urgent tickets", 0, 0, "Urgent tickets 0% → 0%", DirectionSteady},
		{"After-hours demands", 3.0 / 6, 0, "After-hours demands 3 in 6 months → 0 in 3.5 months", DirectionImproved},
		{"MFA coverage", 40, 100, "MFA coverage 40% → 100%", DirectionImproved},
		{"Patch compliance", 80, 96, "Patch compliance 80% → 96%", DirectionImproved},
		{"End-of-life devices", 6, 1, "End-of-life devices 6 → 1", DirectionImproved},
		{"Security incidents", 0, 0, "Security incidents 0 in 6 months → 0 in 3.5 months", DirectionSteady},
	}
	if len(cmp.Metrics) != len(want) {
		t.Fatalf("%d metrics, want %d: %+v", len(cmp.Metrics), len(want), cmp.Metrics)
	}
	for i, w := range want {
		m := cmp.Metrics[i]
		if m.Label != w.label || math.Abs(m.Before-w.before) > 1e-9 || math.Abs(m.Since-w.since) > 1e-9 ||
			m.String() != w.text || m.Direction != w.dir || !m.BeforeKnown || !m.SinceKnown {
			t.Errorf("metric %d = %+v (%q), want %+v", i, m, m.String(), w)
		}
	}
	if cmp.Improved() != 7 || cmp.Worse() != 0 {
		t.Errorf("improved %d, worse %d", cmp.Improved(), cmp.Worse())
	}
}

func TestComparePlanWorseAndUnknown(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme") // 10 seats
	if _, err := s.db.Exec(`INSERT INTO client_months (client_id, month, seconds, tickets) VALUES
        (?1, '2026-03', 360000, 10), (?1, '2026-08', 720000, 30)`, id); err != nil {
		t.Fatal(err)
	}
	f := agreedForm()
	f.Topics = []TopicForm{{FlagID: "resource_drain", Title: "Support hours"}}
	p := finishAgreed(t, s, id, f)
	// Reviewed on 31 August: the month since counts whole.
	cmp, err := s.ComparePlan(ctx, p.ID, time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// Before: 100 hours over 10 seats and 6 months; since: 200 hours over
	// 10 seats and 1 month.
	hours, tickets := cmp.Metrics[0], cmp.Metrics[1]
	if hours.String() != "Hours per seat per month 1.67 → 20.00" || hours.Direction != DirectionWorse {
		t.Errorf("hours = %q %s", hours, hours.Direction)
	}
	if tickets.String() != "Tickets per seat per month 0.17 → 3.00" || tickets.Direction != DirectionWorse {
		t.Errorf("tickets = %q %s", tickets, tickets.Direction)
	}
	// Reviewed in the meeting's own month: nothing since yet.
	cmp, err = s.ComparePlan(ctx, p.ID, time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if m := cmp.Metrics[0]; m.SinceKnown || m.SinceText != "–" || m.Direction != DirectionUnknown {
		t.Errorf("no months since: %+v", m)
	}
}

// The comparison reads raw invoices and the roll-up of raw tickets:
// invoices paid 40 days late before the meeting; after it two paid 10 days
// late and one unpaid, 20 days overdue on 30 November, while one not yet
// due counts for nothing (dates worked out by hand); after-hours tickets
// 3 in 4 before and 1 in 4 after.
func TestComparePlanFromRawRows(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	exec := mustExec(t, s)
	exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'B1', '2026-02-01', '2026-03-03', '2026-04-12', 1000, 0),
        (?1, 'B2', '2026-04-01', '2026-05-01', '2026-06-10', 1000, 0),
        (?1, 'S1', '2026-09-01', '2026-10-01', '2026-10-11', 1000, 0),
        (?1, 'S2', '2026-10-01', '2026-10-31', '2026-11-10', 1000, 0),
        (?1, 'S3', '2026-10-11', '2026-11-10', NULL, 1000, 1000),
        (?1, 'S4', '2026-11-01', '2026-12-01', NULL, 1000, 1000)`, id)
	exec(`INSERT INTO tickets (client_id, opened_at, after_hours) VALUES
        (?1, '2026-03-01T23:00:00Z', 1), (?1, '2026-03-02T23:00:00Z', 1), (?1, '2026-03-03T23:00:00Z', 1),
        (?1, '2026-03-04T10:00:00Z', 0), (?1, '2026-09-01T23:00:00Z', 1), (?1, '2026-09-02T10:00:00Z', 0),
        (?1, '2026-09-03T10:00:00Z', 0), (?1, '2026-10-04T10:00:00Z', 0)`, id)
	if err := s.Store.Tx(ctx, func(tx *sql.Tx) error { return store.RebuildRollup(ctx, tx, nil) }); err != nil {
		t.Fatal(err)
	}
	p := finishAgreed(t, s, id, agreedForm())
	cmp, err := s.ComparePlan(ctx, p.ID, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range cmp.Metrics {
		got[m.Label] = m.String()
	}
	for label, want := range map[string]string{
		"Average days late":   "Average days late 40 → 13",
		"After-hours tickets": "After-hours tickets 75% → 25%",
	} {
		if got[label] != want {
			t.Errorf("%s: %q, want %q", label, got[label], want)
		}
	}
}

func TestBaselinePeriodKeepsWholeMonthsBeforeTheMeeting(t *testing.T) {
	aug := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, from, to   string
		wantFrom, wantTo string
		months           float64
	}{
		{"recorded by month", "2026-02-01", "2026-07-31", "2026-02-01", "2026-07-31", 6},
		{"recorded by day", "2026-02-20", "2026-08-19", "2026-03-01", "2026-07-31", 5},
		{"none recorded", "", "", "2026-02-01", "2026-07-31", 6},
		{"ending in February", "2025-09-01", "2026-02-28", "2025-09-01", "2026-02-28", 6},
	}
	for _, c := range cases {
		day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
		p := Plan{Plan: store.Plan{BaselineFrom: day(c.from), BaselineTo: day(c.to)}}
		got := baselinePeriod(p, aug)
		if store.Date(got.From) != c.wantFrom || store.Date(got.To) != c.wantTo || got.Months != c.months {
			t.Errorf("%s: %s to %s, %g months; want %s to %s, %g", c.name, store.Date(got.From), store.Date(got.To), got.Months,
				c.wantFrom, c.wantTo, c.months)
		}
	}
}
