package casefile_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// demoLastDay is the demo's last day of history in these tests; it is
// assessed as of the next day, as `offboard score` does.
var demoLastDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// plantedFlag is the red flag each planted story must raise.
var plantedFlag = map[demo.Story]scoring.FlagID{
	demo.StoryAfterHours:     scoring.FlagAfterHours,
	demo.StoryLatePayment:    scoring.FlagLatePayment,
	demo.StoryAbuse:          scoring.FlagStaffAbuse,
	demo.StorySecurity:       scoring.FlagSecurity,
	demo.StoryScopeCreep:     scoring.FlagScopeCreep,
	demo.StoryModernization:  scoring.FlagModernization,
	demo.StoryUnprofitable:   scoring.FlagUnprofitable,
	demo.StoryResourceDrain:  scoring.FlagResourceDrain,
	demo.StoryCriminal:       scoring.FlagCriminal,
	demo.StoryDataCompliance: scoring.FlagDataCompliance,
}

// writeDemo writes a demo portfolio and returns a desk over it, with the
// setup its settings give and the assessment date `offboard score` would use.
func writeDemo(tb testing.TB, opts demo.Options) (*casefile.Desk, casefile.Setup) {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(tb.TempDir(), "demo.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	opts.AsOf = demoLastDay
	if _, err := demo.Generate(ctx, s, opts); err != nil {
		tb.Fatal(err)
	}
	d := &casefile.Desk{Store: s, Now: func() time.Time { return demoLastDay }}
	setup, err := d.Setup(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	if want := demoLastDay.AddDate(0, 0, 1); !setup.AsOf.Equal(want) {
		tb.Fatalf("assessed as of %v, want the day after the demo's history, %v", setup.AsOf, want)
	}
	return d, setup
}

// demoPortfolio writes the default demo and assesses it.
func demoPortfolio(t *testing.T) (*store.Store, scoring.Portfolio) {
	t.Helper()
	d, setup := writeDemo(t, demo.Options{Seed: 1})
	p, err := casefile.ScorePortfolio(d, context.Background(), setup)
	if err != nil {
		t.Fatal(err)
	}
	return d.Store, p
}

// On the demo portfolio every planted client raises its flag, the healthy
// clients raise none, and only the planted resource drain lies outside the
// normal range of hours per seat.
func TestDemoPortfolioFlags(t *testing.T) {
	_, p := demoPortfolio(t)
	planted := map[string]demo.Story{}
	for story, name := range demo.Planted {
		planted[name] = story
	}
	for i := range p.Assessments {
		a := &p.Assessments[i]
		story, isPlanted := planted[a.Client.Name]
		var ids []string
		for _, f := range a.Flags {
			ids = append(ids, string(f.ID))
		}
		if !isPlanted {
			if len(a.Flags) > 0 {
				t.Errorf("healthy client %s raised %s", a.Client.Name, strings.Join(ids, ", "))
			}
		} else if want, ok := plantedFlag[story]; ok && !hasFlag(a, want) {
			t.Errorf("planted %s (%s) raised %v, not %s", a.Client.Name, story, ids, want)
		}
		hours := a.Lab[0]
		if hours.Metric != scoring.MetricHoursPerSeat {
			t.Fatalf("first lab row is %s", hours.Metric)
		}
		drain := a.Client.Name == demo.NameResourceDrain
		if outside := hours.Marker == "H"; outside != drain {
			t.Errorf("%s: %.2f hours per seat, marker %q against %s", a.Client.Name, hours.Value, hours.Marker, hours.RangeText)
		}
	}
}

func hasFlag(a *scoring.Assessment, id scoring.FlagID) bool {
	for _, f := range a.Flags {
		if f.ID == id {
			return true
		}
	}
	return false
}

// The evidence numbers match the raw rows, counted here in SQL without
// the roll-up.
func TestDemoEvidenceMatchesRawRows(t *testing.T) {
	s, p := demoPortfolio(t)
	db := s.DB()
	from, to := p.Window.From.Format(time.DateOnly), p.Window.To.Format(time.DateOnly)
	evidence := func(t *testing.T, name string, id scoring.FlagID) string {
		t.Helper()
		a, err := p.Find(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Flags {
			if f.ID == id {
				return f.Evidence
			}
		}
		t.Fatalf("%s has no %s flag", name, id)
		return ""
	}
	// query returns the one row of q as numbers, NULL as 0.
	query := func(t *testing.T, q string, args ...any) []float64 {
		t.Helper()
		rows, err := db.Query(q, args...)
		if err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		defer rows.Close()
		names, _ := rows.Columns()
		cols := make([]sql.NullFloat64, len(names))
		dest := make([]any, len(cols))
		for i := range cols {
			dest[i] = &cols[i]
		}
		if !rows.Next() {
			t.Fatalf("no row for\n%s", q)
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		out := make([]float64, len(cols))
		for i, c := range cols {
			out[i] = c.Float64
		}
		return out
	}

	t.Run("late payment", func(t *testing.T) {
		v := query(t, `SELECT count(*), sum(julianday(paid_on) > julianday(due_on)),
                sum(julianday(paid_on) - julianday(due_on) > 30),
                sum(max(julianday(paid_on) - julianday(due_on), 0))
            FROM invoices i JOIN clients c ON c.id = i.client_id
            WHERE c.name = ? AND paid_on IS NOT NULL AND issued_on >= ? AND issued_on < ?`, demo.NameLatePayment, from, to)
		o := query(t, `SELECT sum(balance_minor), count(*) FROM invoices i JOIN clients c ON c.id = i.client_id
            WHERE c.name = ? AND balance_minor > 0 AND due_on < ?`, demo.NameLatePayment, p.AsOf.Format(time.DateOnly))
		want := fmt.Sprintf("%d of %d paid invoices issued in the last 12 months were paid late, %d more than 30 days late; the late ones averaged %.0f days late",
			int(v[1]), int(v[0]), int(v[2]), v[3]/v[1])
		wantOverdue := fmt.Sprintf("%s overdue on %d invoices", money.Grouped(int64(o[0]), ""), int(o[1]))
		if got := evidence(t, demo.NameLatePayment, scoring.FlagLatePayment); !strings.HasPrefix(got, want) || !strings.Contains(got, wantOverdue) {
			t.Errorf("evidence %q\nwant %q … %q", got, want, wantOverdue)
		}
	})
	t.Run("resource drain", func(t *testing.T) {
		v := query(t, `SELECT (SELECT sum(seconds) FROM time_entries WHERE client_id = c.id AND worked_on >= ? AND worked_on < ?) / 3600.0 / c.seats / 12,
                (SELECT count(*) FROM tickets WHERE client_id = c.id AND opened_at >= ? AND opened_at < ?) * 1.0 / c.seats / 12
            FROM clients c WHERE c.name = ?`, from, to, from, to, demo.NameResourceDrain)
		want := fmt.Sprintf("%.2f hours per seat per month in the last 12 months, above the normal range", v[0])
		wantTickets := fmt.Sprintf("; %.2f tickets per seat per month, above the normal range", v[1])
		if got := evidence(t, demo.NameResourceDrain, scoring.FlagResourceDrain); !strings.HasPrefix(got, want) || !strings.Contains(got, wantTickets) {
			t.Errorf("evidence %q\nwant %q … %q", got, want, wantTickets)
		}
	})
	t.Run("after hours", func(t *testing.T) {
		v := query(t, `SELECT count(*), sum(after_hours), sum(priority = 'urgent') FROM tickets t JOIN clients c ON c.id = t.client_id
            WHERE c.name = ? AND opened_at >= ? AND opened_at < ?`, demo.NameAfterHours, from, to)
		want := fmt.Sprintf("%.0f%% of %d tickets in the last 12 months were opened after hours (%d) and %.0f%% at urgent priority (%d)",
			100*v[1]/v[0], int(v[0]), int(v[1]), 100*v[2]/v[0], int(v[2]))
		if got := evidence(t, demo.NameAfterHours, scoring.FlagAfterHours); !strings.HasPrefix(got, want) {
			t.Errorf("evidence %q\nwant %q", got, want)
		}
	})
	t.Run("scope creep", func(t *testing.T) {
		v := query(t, `SELECT sum(CASE WHEN t.out_of_scope = 1 THEN te.seconds ELSE 0 END) / 3600.0, sum(te.seconds) / 3600.0
            FROM time_entries te JOIN clients c ON c.id = te.client_id LEFT JOIN tickets t ON t.id = te.ticket_id
            WHERE c.name = ? AND te.worked_on >= ? AND te.worked_on < ?`, demo.NameScopeCreep, from, to)
		n := query(t, `SELECT sum(out_of_scope), count(*) FROM tickets t JOIN clients c ON c.id = t.client_id
            WHERE c.name = ? AND opened_at >= ? AND opened_at < ?`, demo.NameScopeCreep, from, to)
		want := fmt.Sprintf("%.1f of %.1f hours (%.0f%%) in the last 12 months were out of scope, on %d of %d tickets",
			v[0], v[1], 100*v[0]/v[1], int(n[0]), int(n[1]))
		if got := evidence(t, demo.NameScopeCreep, scoring.FlagScopeCreep); !strings.HasPrefix(got, want) {
			t.Errorf("evidence %q\nwant %q", got, want)
		}
	})
	t.Run("unprofitable", func(t *testing.T) {
		v := query(t, `SELECT (SELECT sum(amount_minor) FROM invoices WHERE client_id = c.id AND issued_on >= ?1 AND issued_on < ?2),
                (SELECT sum(seconds) FROM time_entries WHERE client_id = c.id AND worked_on >= ?1 AND worked_on < ?2) / 3600.0,
                (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'labour.cost_per_hour')
            FROM clients c WHERE c.name = ?3`, from, to, demo.NameUnprofitable)
		labour := math.Round(v[1] * v[2])
		want := fmt.Sprintf("Gross margin %.0f%% in the last 12 months: %s invoiced against %s of labour (%.1f hours at %s an hour)",
			100*(v[0]-labour)/v[0], money.Grouped(int64(v[0]), ""), money.Grouped(int64(labour), ""), v[1], money.Grouped(int64(v[2]), ""))
		if got := evidence(t, demo.NameUnprofitable, scoring.FlagUnprofitable); !strings.HasPrefix(got, want) {
			t.Errorf("evidence %q\nwant %q", got, want)
		}
	})
	t.Run("security", func(t *testing.T) {
		v := query(t, `SELECT mfa_pct, patch_pct, eol_devices, total_devices FROM security_snapshots s JOIN clients c ON c.id = s.client_id
            WHERE c.name = ? ORDER BY taken_on DESC LIMIT 1`, demo.NameSecurity)
		want := fmt.Sprintf("MFA on %.0f%% of accounts, patch compliance %.0f%% (compliant from 95%%), %d of %d devices end-of-life",
			v[0], v[1], int(v[2]), int(v[3]))
		if got := evidence(t, demo.NameSecurity, scoring.FlagSecurity); !strings.Contains(got, want) {
			t.Errorf("evidence %q\nwant %q", got, want)
		}
	})
	for _, c := range []struct {
		name string
		kind string
		id   scoring.FlagID
		what string
	}{
		{demo.NameAbuse, "abuse", scoring.FlagStaffAbuse, "abuse incident"},
		{demo.NameCriminal, "criminal", scoring.FlagCriminal, "criminal-activity incident"},
		{demo.NameDataCompliance, "data_compliance", scoring.FlagDataCompliance, "data-compliance incident"},
	} {
		t.Run(c.kind, func(t *testing.T) {
			v := query(t, `SELECT count(*), max(severity) FROM incidents i JOIN clients cl ON cl.id = i.client_id
                WHERE cl.name = ? AND kind = ? AND occurred_at >= ? AND occurred_at <= ?`,
				c.name, c.kind, store.Timestamp(p.AsOf.AddDate(0, -24, 0)), store.Timestamp(p.AsOf))
			noun := c.what
			if v[0] != 1 {
				noun += "s"
			}
			want := fmt.Sprintf("%d %s in the last 24 months", int(v[0]), noun)
			got := evidence(t, c.name, c.id)
			if !strings.HasPrefix(got, want) || !strings.Contains(got, fmt.Sprintf("severity %d of 5", int(v[1]))) {
				t.Errorf("evidence %q\nwant %q and severity %d", got, want, int(v[1]))
			}
		})
	}
	t.Run("modernization", func(t *testing.T) {
		v := query(t, `SELECT sum(decision = 'declined'), count(*) FROM upgrade_recommendations u JOIN clients c ON c.id = u.client_id
            WHERE c.name = ? AND decision <> 'pending' AND decided_on >= ?`, demo.NameModernization, p.AsOf.AddDate(0, -24, 0).Format(time.DateOnly))
		want := fmt.Sprintf("%d of %d upgrade recommendations decided in the last 24 months were declined", int(v[0]), int(v[1]))
		if got := evidence(t, demo.NameModernization, scoring.FlagModernization); !strings.HasPrefix(got, want) {
			t.Errorf("evidence %q\nwant %q", got, want)
		}
	})
}
