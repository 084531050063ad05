package store

import (
	"context"
	"fmt"
	"time"
)

// Markers are the reminders the client list shows beside a client's status:
// a remediation plan whose review date has come (seeds 003, 004: a plan is
// followed up, not filed), and offboarding checklist steps past their due
// date (seed 001: fulfil every obligation through the notice period).
type Markers struct {
	// ReviewDue is the review date of the client's open plan when it is on or
	// before the day asked about; zero otherwise.
	ReviewDue time.Time
	// OverdueSteps counts unfinished checklist steps due before that day,
	// while the client is under notice.
	OverdueSteps int
}

// Any reports whether there is something to mark.
func (m Markers) Any() bool { return !m.ReviewDue.IsZero() || m.OverdueSteps > 0 }

// latestPlanOrder ranks a client's plans so the first is the one in force:
// the newest plan that reached an outcome, and a draft only when there is
// nothing else. A walkthrough begun after a refused plan must not hide the
// refusal (which recommends Offboard), nor a new draft the review of an
// agreed plan.
const latestPlanOrder = "status = 'draft', created_at DESC, id DESC"

// ClientMarkers returns, in one aggregate query, the markers of every client
// that has one on the calendar day of today. Only the latest plan of a client
// counts, and only while it is open (agreed, partly agreed or extended).
func (s *Store) ClientMarkers(ctx context.Context, today time.Time) (map[int64]Markers, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH latest AS (
    SELECT client_id, status, review_on,
           row_number() OVER (PARTITION BY client_id ORDER BY `+latestPlanOrder+`) AS rn
    FROM remediation_plans
),
due AS (
    SELECT client_id, review_on, 0 AS steps FROM latest
    WHERE rn = 1 AND status IN ('agreed', 'partly_agreed', 'extended') AND review_on <= ?1
),
overdue AS (
    SELECT client_id, NULL AS review_on, count(*) AS steps FROM checklist_steps
    WHERE done_on IS NULL AND due_on < ?1
      AND client_id IN (SELECT id FROM clients WHERE status = 'notice')
    GROUP BY client_id
)
SELECT client_id, coalesce(max(review_on), ''), sum(steps)
FROM (SELECT * FROM due UNION ALL SELECT * FROM overdue)
GROUP BY client_id`, Date(today))
	if err != nil {
		return nil, fmt.Errorf("read review and checklist markers: %w", err)
	}
	defer rows.Close()
	out := map[int64]Markers{}
	for rows.Next() {
		var id int64
		var review string
		var m Markers
		if err := rows.Scan(&id, &review, &m.OverdueSteps); err != nil {
			return nil, fmt.Errorf("read review and checklist markers: %w", err)
		}
		m.ReviewDue = parseDate(review)
		out[id] = m
	}
	return out, rows.Err()
}
