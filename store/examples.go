package store

import (
	"context"
	"fmt"
	"time"
)

// The red flags that have dated examples, by their scoring ids; the
// domain checks that each is one of scoring's.
const (
	flagLatePayment    = "late_payment"
	flagAfterHours     = "after_hours"
	flagStaffAbuse     = "staff_abuse"
	flagSecurity       = "security"
	flagDataCompliance = "data_compliance"
	flagCriminal       = "criminal"
	flagScopeCreep     = "scope_creep"
	flagModernization  = "modernization"
)

// Example is a dated instance of a red flag: Date is "YYYY-MM-DD".
type Example struct {
	Date string
	Text string
}

// examplesPerFlag is how many dated examples a topic is given: enough to
// show a pattern, few enough to read aloud at a meeting.
const examplesPerFlag = 3

// exampleQueries find, per red flag, the dated instances a plan cites as
// "what we have seen": the latest ones in the window from ?2 to ?3. Each
// returns a date and a sentence.
var exampleQueries = []struct {
	flag  string
	query string
}{
	{flagLatePayment, `SELECT paid_on, 'Invoice ' || number || ' paid ' ||
            CAST(julianday(paid_on) - julianday(due_on) AS INTEGER) || ' days after its due date'
        FROM invoices WHERE client_id = ?1 AND paid_on > due_on AND paid_on BETWEEN ?2 AND ?3
        UNION ALL
        SELECT due_on, 'Invoice ' || number || ' due ' || due_on || ', unpaid'
        FROM invoices WHERE client_id = ?1 AND paid_on IS NULL AND balance_minor > 0 AND due_on BETWEEN ?2 AND ?3
        ORDER BY 1 DESC LIMIT ?4`},
	{flagAfterHours, `SELECT substr(opened_at, 1, 10), 'Ticket opened outside business hours' ||
            CASE WHEN summary <> '' THEN ': ' || summary ELSE '' END
        FROM tickets WHERE client_id = ?1 AND after_hours = 1 AND substr(opened_at, 1, 10) BETWEEN ?2 AND ?3
        ORDER BY opened_at DESC LIMIT ?4`},
	{flagScopeCreep, `SELECT substr(opened_at, 1, 10), 'Request outside the agreed scope' ||
            CASE WHEN summary <> '' THEN ': ' || summary ELSE '' END
        FROM tickets WHERE client_id = ?1 AND out_of_scope = 1 AND substr(opened_at, 1, 10) BETWEEN ?2 AND ?3
        ORDER BY opened_at DESC LIMIT ?4`},
	{flagModernization, `SELECT decided_on, 'Recommendation declined: ' || title
        FROM upgrade_recommendations WHERE client_id = ?1 AND decision = 'declined' AND decided_on BETWEEN ?2 AND ?3
        ORDER BY decided_on DESC LIMIT ?4`},
}

// incidentFlags are the red flags whose examples are recorded incidents,
// with the incident kind of each.
var incidentFlags = map[string]string{
	flagStaffAbuse:     "abuse",
	flagSecurity:       "security",
	flagDataCompliance: "data_compliance",
	flagCriminal:       "criminal",
}

// PlanExamples returns, for each red flag that has any, up to three dated
// examples from the year before asOf, newest first: late invoices,
// after-hours and out-of-scope tickets, declined upgrades and recorded
// incidents. A plan cites them under "what we have seen".
func (s *Store) PlanExamples(ctx context.Context, clientID int64, asOf time.Time) (map[string][]Example, error) {
	from, to := Date(asOf.AddDate(-1, 0, 0)), Date(asOf)
	out := map[string][]Example{}
	read := func(flag, query string, args ...any) error {
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("examples of %s for client %d: %w", flag, clientID, err)
		}
		defer rows.Close()
		for rows.Next() {
			var e Example
			if err := rows.Scan(&e.Date, &e.Text); err != nil {
				return fmt.Errorf("examples of %s for client %d: %w", flag, clientID, err)
			}
			out[flag] = append(out[flag], e)
		}
		return rows.Err()
	}
	for _, q := range exampleQueries {
		if err := read(q.flag, q.query, clientID, from, to, examplesPerFlag); err != nil {
			return nil, err
		}
	}
	for flag, kind := range incidentFlags {
		if err := read(flag, `SELECT substr(occurred_at, 1, 10), description FROM incidents
            WHERE client_id = ?1 AND kind = ?5 AND description <> '' AND substr(occurred_at, 1, 10) BETWEEN ?2 AND ?3
            ORDER BY occurred_at DESC LIMIT ?4`, clientID, from, to, examplesPerFlag, kind); err != nil {
			return nil, err
		}
	}
	return out, nil
}
