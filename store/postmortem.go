package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"
)

// FlagOnset is when one red flag first showed in a client's records.
type FlagOnset struct {
	// Flag names the red flag, for example "Late payment".
	Flag string
	// FirstSeen is the day of the first sign.
	FirstSeen time.Time
	// Evidence describes the first sign and how often it recurred.
	Evidence string
}

// PostMortemFacts is what the post-mortem of an offboarded client is built
// from (seed 002: take stock of how you got there): when each red flag first
// appeared, when action was taken, and the owner's lessons.
type PostMortemFacts struct {
	Client Client
	// Onsets are the red flags in the order they first appeared.
	Onsets []FlagOnset
	// PlanCreated is when the first remediation plan was started, and
	// PlanStatus where the latest one ended; zero and "" when there was none.
	PlanCreated time.Time
	PlanStatus  string
	// Termination is the latest notice; zero when none was sent.
	Termination Termination
	// Lessons are the owner's notes on what to change.
	Lessons string
	// LessonsUpdated is when they were last saved; zero when never.
	LessonsUpdated time.Time
}

// incidentFlagNames names the red flag each incident kind is a sign of, after
// the seeds cited in the schema's incidents table.
var incidentFlagNames = map[string]string{
	"abuse":            "Mistreatment of staff",
	"security":         "Security noncompliance",
	"data_compliance":  "Data-compliance violations",
	"criminal":         "Criminal activity",
	"scope":            "Scope creep",
	"declined_upgrade": "Resistance to modernization",
	"naivete":          "Resistance to modernization",
	"after_hours":      "After-hours urgency",
}

// LatePaymentOnsetDays is how late an invoice must be paid for the
// post-mortem to count it as the first sign of late payment: later than the
// 30 days published payment scorecards treat as the worst band (seed 003:
// recurring payment issues).
const LatePaymentOnsetDays = 30

// PostMortem gathers the facts of a client's post-mortem in a few queries.
// Red flags are dated from the records that show them: incidents by kind,
// declined upgrade recommendations, and the first invoice paid, or still
// open, more than LatePaymentOnsetDays after its due date.
func (s *Store) PostMortem(ctx context.Context, clientID int64) (PostMortemFacts, error) {
	var f PostMortemFacts
	var err error
	if f.Client, err = s.Client(ctx, clientID); err != nil {
		return f, err
	}
	wrap := func(err error) error { return fmt.Errorf("post-mortem of client %d: %w", clientID, err) }

	onsets := map[string]*FlagOnset{}
	counts := map[string]int{}
	note := func(flag string, day time.Time, evidence string, n int) {
		counts[flag] += n
		if o, ok := onsets[flag]; !ok || day.Before(o.FirstSeen) {
			onsets[flag] = &FlagOnset{Flag: flag, FirstSeen: day, Evidence: evidence}
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*), min(occurred_at),
            (SELECT description FROM incidents j WHERE j.client_id = i.client_id AND j.kind = i.kind
             ORDER BY occurred_at, id LIMIT 1)
        FROM incidents i WHERE client_id = ? GROUP BY kind`, clientID)
	if err != nil {
		return f, wrap(err)
	}
	for rows.Next() {
		var kind, first, desc string
		var n int
		if err := rows.Scan(&kind, &n, &first, &desc); err != nil {
			rows.Close()
			return f, wrap(err)
		}
		flag, ok := incidentFlagNames[kind]
		if !ok {
			continue
		}
		at, _ := time.Parse(time.RFC3339, first)
		evidence := "first incident"
		if desc != "" {
			evidence += ": " + desc
		}
		note(flag, utcDay(at), evidence, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return f, wrap(err)
	}

	var declinedOn sql.NullString
	var declinedTitle string
	var declined int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), min(decided_on),
            coalesce((SELECT title FROM upgrade_recommendations WHERE client_id = ?1 AND decision = 'declined'
                      ORDER BY decided_on, id LIMIT 1), '')
        FROM upgrade_recommendations WHERE client_id = ?1 AND decision = 'declined'`, clientID).
		Scan(&declined, &declinedOn, &declinedTitle); err != nil {
		return f, wrap(err)
	}
	if declined > 0 && declinedOn.Valid {
		note("Resistance to modernization", parseDate(declinedOn.String),
			fmt.Sprintf("upgrade declined: %s", declinedTitle), declined)
	}

	// The day an invoice became more than LatePaymentOnsetDays late is
	// the first sign, whether it was paid later or is still open today.
	var lateNumber string
	var lateDue sql.NullString
	var lateDays, lateCount int
	var lateOpen bool
	if err := s.db.QueryRowContext(ctx, `WITH late AS (
            SELECT number, due_on, paid_on IS NULL AS open,
                   CAST(julianday(coalesce(paid_on, ?2)) - julianday(due_on) AS INTEGER) AS days
            FROM invoices WHERE client_id = ?1)
        SELECT (SELECT count(*) FROM late WHERE days > ?3),
               number, due_on, days, open
        FROM late WHERE days > ?3 ORDER BY due_on, number LIMIT 1`,
		clientID, Date(s.now()), LatePaymentOnsetDays).Scan(&lateCount, &lateNumber, &lateDue, &lateDays, &lateOpen); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return f, wrap(err)
	}
	if lateDue.Valid {
		state := "paid"
		if lateOpen {
			state = "still unpaid"
		}
		note("Late payment", parseDate(lateDue.String).AddDate(0, 0, LatePaymentOnsetDays+1),
			fmt.Sprintf("invoice %s %s %d days after its due date", lateNumber, state, lateDays), lateCount)
	}

	for _, o := range onsets {
		if n := counts[o.Flag]; n > 1 {
			o.Evidence += fmt.Sprintf(" (%d signs in all)", n)
		}
		f.Onsets = append(f.Onsets, *o)
	}
	sort.Slice(f.Onsets, func(i, j int) bool {
		if !f.Onsets[i].FirstSeen.Equal(f.Onsets[j].FirstSeen) {
			return f.Onsets[i].FirstSeen.Before(f.Onsets[j].FirstSeen)
		}
		return f.Onsets[i].Flag < f.Onsets[j].Flag
	})

	var planCreated, planStatus sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(created_at),
            (SELECT status FROM remediation_plans WHERE client_id = ?1 ORDER BY `+latestPlanOrder+` LIMIT 1)
        FROM remediation_plans WHERE client_id = ?1`, clientID).Scan(&planCreated, &planStatus); err != nil {
		return f, wrap(err)
	}
	if planCreated.Valid {
		at, _ := time.Parse(time.RFC3339, planCreated.String)
		f.PlanCreated, f.PlanStatus = utcDay(at), planStatus.String
	}
	if f.Termination, _, err = s.LatestTermination(ctx, clientID); err != nil {
		return f, err
	}
	var updated string
	err = s.db.QueryRowContext(ctx, "SELECT lessons, updated_at FROM postmortems WHERE client_id = ?", clientID).
		Scan(&f.Lessons, &updated)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return f, wrap(err)
	default:
		f.LessonsUpdated, _ = time.Parse(time.RFC3339, updated)
	}
	return f, nil
}

// SaveLessons stores the owner's notes on what to change after letting a
// client go, replacing earlier notes.
func (s *Store) SaveLessons(ctx context.Context, clientID int64, lessons string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO postmortems (client_id, lessons, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (client_id) DO UPDATE SET lessons = excluded.lessons, updated_at = excluded.updated_at`,
		clientID, lessons, Timestamp(s.now()))
	if err != nil {
		return fmt.Errorf("save post-mortem notes of client %d: %w", clientID, err)
	}
	return nil
}

// utcDay is the UTC calendar day of an instant, at midnight.
func utcDay(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
