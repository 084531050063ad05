package store

import (
	"context"
	"database/sql"
	"time"
)

// Window is a stretch of whole months a review sums: From is the first day
// of its first month, To its last day.
type Window struct{ From, To time.Time }

// WindowTotals sums one window of a client's roll-up and records.
type WindowTotals struct {
	// Minutes and OOSMinutes are the time worked, to the second.
	Minutes, Tickets, AfterHours, Urgent float64
	OOSTickets, OOSMinutes, Invoiced     float64
	// Settled counts the invoices settled or overdue, Late those paid or
	// still unpaid after their due date, DaysLate the days late summed.
	Settled, Late, DaysLate float64
	// Incidents counts incidents by kind; Declined counts the upgrade
	// recommendations declined.
	Incidents map[string]float64
	Declined  float64
	// MFA, Patch and EOL are the closing security figures: each the latest
	// a report gave in the window, when its Has flag says one did.
	MFA, Patch, EOL          float64
	HasMFA, HasPatch, HasEOL bool
}

// PlanWindowTotals sums a client's roll-up, incidents and declined upgrades
// over the two windows a plan's review compares, in one query each, and
// reads the security snapshot that closes each: the latest on or before
// the meeting for the baseline, the latest after it up to since.To for the
// period since.
func (s *Store) PlanWindowTotals(ctx context.Context, clientID int64, before, since Window, meeting time.Time) (WindowTotals, WindowTotals, error) {
	q := windowQuery{ctx: ctx, db: s.db, w: [2]WindowTotals{{Incidents: map[string]float64{}}, {Incidents: map[string]float64{}}},
		args: []any{clientID, before.From.Format("2006-01"), before.To.Format("2006-01"),
			since.From.Format("2006-01"), since.To.Format("2006-01")}}
	for _, step := range []func() error{q.rollup, func() error { return q.lateness(since.To) }, q.incidents,
		func() error { return q.snapshots(clientID, meeting, since.To) }} {
		if err := step(); err != nil {
			return q.w[0], q.w[1], err
		}
	}
	return q.w[0], q.w[1], nil
}

// windowQuery fills the two windows' totals, query by query. Its args
// bind ?1 to the client and ?2..?5 to the two windows as months; a row
// belongs to the first window when it is not after ?3.
type windowQuery struct {
	ctx  context.Context
	db   *sql.DB
	w    [2]WindowTotals
	args []any
}

func (q *windowQuery) rollup() error {
	return scanWindows(q.ctx, q.db, q.w[:], func(t *WindowTotals) []*float64 {
		return []*float64{&t.Minutes, &t.Tickets, &t.AfterHours, &t.Urgent, &t.OOSTickets, &t.OOSMinutes, &t.Invoiced}
	}, `SELECT month > ?3, sum(seconds) / 60.0, sum(tickets), sum(after_hours_tickets), sum(urgent_tickets),
            sum(oos_tickets), sum(oos_seconds) / 60.0, sum(invoiced_minor)
        FROM client_months WHERE client_id = ?1 AND (month BETWEEN ?2 AND ?3 OR month BETWEEN ?4 AND ?5)
        GROUP BY 1`, q.args...)
}

// lateness is read from the invoices, not the roll-up, which knows only
// paid invoices: a client who stops paying after the meeting must look
// worse, not unknown. An invoice is as late as it was paid, or if still
// unpaid as it is at end, the end of the period since; invoices not yet
// due and unpaid, drafts, voids and invoices settled on no known date are
// left out.
func (q *windowQuery) lateness(end time.Time) error {
	return scanWindows(q.ctx, q.db, q.w[:], func(t *WindowTotals) []*float64 {
		return []*float64{&t.Settled, &t.Late, &t.DaysLate}
	}, `SELECT substr(issued_on, 1, 7) > ?3, count(*), sum(days > 0), sum(max(days, 0))
        FROM (SELECT issued_on, CAST(julianday(coalesce(paid_on, ?6)) - julianday(due_on) AS INTEGER) AS days
              FROM invoices WHERE client_id = ?1 AND status NOT IN ('draft', 'void')
                AND (paid_on IS NOT NULL OR (due_on <= ?6 AND balance_minor > 0))
                AND (substr(issued_on, 1, 7) BETWEEN ?2 AND ?3 OR substr(issued_on, 1, 7) BETWEEN ?4 AND ?5))
        GROUP BY 1`, append(q.args, Date(end))...)
}

// incidents counts incidents by kind and the upgrades declined.
func (q *windowQuery) incidents() error {
	rows, err := q.db.QueryContext(q.ctx, `SELECT substr(occurred_at, 1, 7) > ?3, kind, count(*) FROM incidents
        WHERE client_id = ?1 AND (substr(occurred_at, 1, 7) BETWEEN ?2 AND ?3 OR substr(occurred_at, 1, 7) BETWEEN ?4 AND ?5)
        GROUP BY 1, 2
        UNION ALL
        SELECT substr(decided_on, 1, 7) > ?3, '', count(*) FROM upgrade_recommendations
        WHERE client_id = ?1 AND decision = 'declined'
          AND (substr(decided_on, 1, 7) BETWEEN ?2 AND ?3 OR substr(decided_on, 1, 7) BETWEEN ?4 AND ?5)
        GROUP BY 1`, q.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var kind string
		var n float64
		if err := rows.Scan(&i, &kind, &n); err != nil {
			return err
		}
		if kind == "" {
			q.w[i].Declined += n // the union's second part: declined upgrade recommendations
		} else {
			q.w[i].Incidents[kind] += n
		}
	}
	return rows.Err()
}

// snapshots reads the security figures that close each window: each the
// latest a snapshot in the window holds, since one report gives MFA and
// another the devices.
func (q *windowQuery) snapshots(clientID int64, meeting, end time.Time) error {
	latest := func(col, cond string) string {
		return `(SELECT ` + col + ` FROM security_snapshots WHERE client_id = ?1 AND ` + cond + ` AND ` + col +
			` IS NOT NULL ORDER BY taken_on DESC LIMIT 1)`
	}
	for i, c := range []struct {
		cond string
		arg  []any
	}{
		{"taken_on <= ?2", []any{clientID, Date(meeting)}},
		{"taken_on > ?2 AND taken_on <= ?3", []any{clientID, Date(meeting), Date(end)}},
	} {
		var mfa, patch, eol sql.NullFloat64
		err := q.db.QueryRowContext(q.ctx, `SELECT `+latest("mfa_pct", c.cond)+`, `+latest("patch_pct", c.cond)+`, `+
			latest("eol_devices", c.cond), c.arg...).Scan(&mfa, &patch, &eol)
		if err != nil {
			return err
		}
		w := &q.w[i]
		w.MFA, w.HasMFA = mfa.Float64, mfa.Valid
		w.Patch, w.HasPatch = patch.Float64, patch.Valid
		w.EOL, w.HasEOL = eol.Float64, eol.Valid
	}
	return nil
}

// scanWindows runs a query whose rows are 0 (the baseline) or 1 (the
// period since) followed by the columns that cols points to in that
// window's totals.
func scanWindows(ctx context.Context, db *sql.DB, w []WindowTotals, cols func(*WindowTotals) []*float64, query string, args ...any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		vals := make([]float64, len(cols(&w[0])))
		dest := []any{&i}
		for j := range vals {
			dest = append(dest, &vals[j])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for j, p := range cols(&w[i]) {
			*p = vals[j]
		}
	}
	return rows.Err()
}
