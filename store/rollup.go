package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// rollupSelect aggregates raw rows into client_months. ?1 is a JSON array of
// client ids to rebuild, or NULL for every client. Lateness bands follow
// published client payment scorecards: on time, 1–7, 8–15, 16–30 and more
// than 30 days after the due date.
const rollupSelect = `
WITH scope(id) AS (
    SELECT id FROM clients WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1))
),
work AS (
    SELECT te.client_id, substr(te.worked_on, 1, 7) AS month,
           sum(te.minutes) AS minutes,
           sum(te.minutes * te.billable) AS billable_minutes,
           sum(CASE WHEN t.out_of_scope = 1 THEN te.minutes ELSE 0 END) AS oos_minutes
    FROM time_entries te
    LEFT JOIN tickets t ON t.id = te.ticket_id
    WHERE te.client_id IN scope
    GROUP BY 1, 2
),
tix AS (
    SELECT client_id, substr(opened_at, 1, 7) AS month,
           count(*) AS tickets,
           sum(after_hours) AS after_hours_tickets,
           sum(priority = 'urgent') AS urgent_tickets,
           sum(out_of_scope) AS oos_tickets
    FROM tickets
    WHERE client_id IN scope
    GROUP BY 1, 2
),
late AS (
    SELECT client_id, substr(issued_on, 1, 7) AS month, amount_minor, paid_on,
           CAST(julianday(paid_on) - julianday(due_on) AS INTEGER) AS days
    FROM invoices
    WHERE client_id IN scope
),
bills AS (
    SELECT client_id, month,
           sum(amount_minor) AS invoiced_minor,
           count(*) AS invoices,
           sum(paid_on IS NOT NULL) AS invoices_paid,
           sum(days > 0) AS invoices_late,
           sum(CASE WHEN days > 0 THEN days ELSE 0 END) AS days_late_sum,
           sum(paid_on IS NOT NULL AND days <= 0) AS paid_on_time,
           sum(days BETWEEN 1 AND 7) AS late_1_7,
           sum(days BETWEEN 8 AND 15) AS late_8_15,
           sum(days BETWEEN 16 AND 30) AS late_16_30,
           sum(days > 30) AS late_over_30
    FROM late
    GROUP BY 1, 2
),
keys AS (
    SELECT client_id, month FROM work
    UNION SELECT client_id, month FROM tix
    UNION SELECT client_id, month FROM bills
)
SELECT k.client_id, k.month,
       coalesce(w.minutes, 0), coalesce(w.billable_minutes, 0),
       coalesce(t.tickets, 0), coalesce(t.after_hours_tickets, 0),
       coalesce(t.urgent_tickets, 0), coalesce(t.oos_tickets, 0),
       coalesce(w.oos_minutes, 0),
       coalesce(b.invoiced_minor, 0), coalesce(b.invoices, 0),
       coalesce(b.invoices_paid, 0), coalesce(b.invoices_late, 0),
       coalesce(b.days_late_sum, 0), coalesce(b.paid_on_time, 0),
       coalesce(b.late_1_7, 0), coalesce(b.late_8_15, 0),
       coalesce(b.late_16_30, 0), coalesce(b.late_over_30, 0)
FROM keys k
LEFT JOIN work w ON w.client_id = k.client_id AND w.month = k.month
LEFT JOIN tix t ON t.client_id = k.client_id AND t.month = k.month
LEFT JOIN bills b ON b.client_id = k.client_id AND b.month = k.month`

// RebuildRollup recomputes the monthly roll-up of the given clients (all
// clients when ids is nil) from their raw rows, inside the caller's
// transaction so the roll-up never disagrees with the rows it summarises.
func RebuildRollup(ctx context.Context, tx *sql.Tx, ids []int64) error {
	var scope any
	if ids != nil {
		b, err := json.Marshal(ids)
		if err != nil {
			return fmt.Errorf("rebuild roll-up: %w", err)
		}
		scope = string(b)
	}
	if _, err := tx.ExecContext(ctx,
		"DELETE FROM client_months WHERE ?1 IS NULL OR client_id IN (SELECT value FROM json_each(?1))", scope); err != nil {
		return fmt.Errorf("rebuild roll-up: clear: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO client_months (client_id, month, minutes, billable_minutes,
        tickets, after_hours_tickets, urgent_tickets, oos_tickets, oos_minutes, invoiced_minor, invoices,
        invoices_paid, invoices_late, days_late_sum, paid_on_time, late_1_7, late_8_15, late_16_30, late_over_30)`+
		rollupSelect, scope); err != nil {
		return fmt.Errorf("rebuild roll-up: %w", err)
	}
	return nil
}
