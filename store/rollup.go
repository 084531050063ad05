package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"
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
           sum(te.seconds) AS seconds,
           sum(te.seconds * te.billable) AS billable_seconds,
           sum(CASE WHEN t.out_of_scope = 1 THEN te.seconds ELSE 0 END) AS oos_seconds,
           sum(CASE WHEN t.user_support = 1 THEN te.seconds ELSE 0 END) AS us_seconds,
           sum(CASE WHEN t.out_of_scope = 1 AND t.user_support = 1 THEN te.seconds ELSE 0 END) AS oos_us_seconds
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
           sum(out_of_scope) AS oos_tickets,
           sum(user_support) AS us_tickets,
           sum(out_of_scope AND user_support) AS oos_us_tickets
    FROM tickets
    WHERE client_id IN scope
    GROUP BY 1, 2
),
late AS (
    SELECT client_id, substr(issued_on, 1, 7) AS month, amount_minor, paid_on,
           CAST(julianday(paid_on) - julianday(due_on) AS INTEGER) AS days
    FROM invoices
    WHERE client_id IN scope AND status NOT IN ('draft', 'void')
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
       coalesce(w.seconds, 0), coalesce(w.billable_seconds, 0),
       coalesce(t.tickets, 0), coalesce(t.after_hours_tickets, 0),
       coalesce(t.urgent_tickets, 0), coalesce(t.oos_tickets, 0),
       coalesce(w.oos_seconds, 0), coalesce(t.us_tickets, 0), coalesce(w.us_seconds, 0),
       coalesce(t.oos_us_tickets, 0), coalesce(w.oos_us_seconds, 0),
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
	if _, err := tx.ExecContext(ctx, `INSERT INTO client_months (client_id, month, seconds, billable_seconds,
        tickets, after_hours_tickets, urgent_tickets, oos_tickets, oos_seconds, us_tickets, us_seconds,
        oos_us_tickets, oos_us_seconds, invoiced_minor, invoices,
        invoices_paid, invoices_late, days_late_sum, paid_on_time, late_1_7, late_8_15, late_16_30, late_over_30)`+
		rollupSelect, scope); err != nil {
		return fmt.Errorf("rebuild roll-up: %w", err)
	}
	return nil
}

// monthKey names one row of client_months: a client, and the first seven
// bytes ("YYYY-MM") of a stored date or instant packed into a number, which
// a million-row import hashes far faster than a string.
type monthKey struct {
	client int64
	month  uint64
}

func newMonthKey(client int64, stamp string) monthKey {
	k := monthKey{client: client}
	for i := range 7 {
		k.month = k.month<<8 | uint64(stamp[i])
	}
	return k
}

// monthString returns the month as client_months stores it.
func (k monthKey) monthString() string {
	b := make([]byte, 7)
	for i, m := 6, k.month; i >= 0; i, m = i-1, m>>8 {
		b[i] = byte(m)
	}
	return string(b)
}

// monthTotals are the counters of one row of client_months, as
// rollupSelect computes them.
type monthTotals struct {
	seconds, billableSeconds, oosSeconds                             int64
	tickets, afterHoursTickets, urgentTickets, oosTickets            int64
	usTickets, usSeconds, oosUSTickets, oosUSSeconds                 int64
	invoicedMinor, invoices, invoicesPaid, invoicesLate, daysLateSum int64
	paidOnTime, late1to7, late8to15, late16to30, lateOver30          int64
}

// MonthSums keeps client_months current through a bulk write (an import,
// the demo) without re-reading raw rows: each row inserted adds its share
// to its client's month here, in memory, and Apply adds the sums to
// client_months once at the end. A row the import updates may move between
// months or clients, so its old and new clients are rebuilt from their raw
// rows instead (updates are few; inserts are the bulk).
type MonthSums struct {
	months map[monthKey]*monthTotals
	dirty  map[int64]bool
}

// NewMonthSums returns empty sums.
func NewMonthSums() *MonthSums {
	return &MonthSums{months: map[monthKey]*monthTotals{}, dirty: map[int64]bool{}}
}

// at returns the totals of a client's month, which stamp (a stored date or
// instant) begins with.
func (d *MonthSums) at(client int64, stamp string) *monthTotals {
	k := newMonthKey(client, stamp)
	m := d.months[k]
	if m == nil {
		m = &monthTotals{}
		d.months[k] = m
	}
	return m
}

// TicketScope is what a ticket says about the work done on it, by which
// the roll-up sums the ticket and the seconds logged against it.
type TicketScope struct {
	// OutOfScope is work outside the agreement.
	OutOfScope bool
	// UserSupport is work for the client's people rather than its systems.
	UserSupport bool
}

// count adds n (tickets or seconds) to the counters of the scope it
// belongs to, the ticket both out of scope and user support to its own
// counter as well so that the two are never summed twice.
func (s TicketScope) count(n int64, oos, us, both *int64) {
	if s.OutOfScope {
		*oos += n
	}
	if s.UserSupport {
		*us += n
	}
	if s.OutOfScope && s.UserSupport {
		*both += n
	}
}

// AddTime counts a new time entry, worked on a stored date (see Date);
// scope is its ticket's. Negative seconds take an entry back.
func (d *MonthSums) AddTime(client int64, workedOn string, seconds int, billable bool, scope TicketScope) {
	m := d.at(client, workedOn)
	m.seconds += int64(seconds)
	if billable {
		m.billableSeconds += int64(seconds)
	}
	scope.count(int64(seconds), &m.oosSeconds, &m.usSeconds, &m.oosUSSeconds)
}

// AddTicket counts a new ticket, opened at a stored instant (see
// Timestamp).
func (d *MonthSums) AddTicket(client int64, openedAt, priority string, afterHours bool, scope TicketScope) {
	d.countTicket(1, client, openedAt, priority, afterHours, scope)
}

// countTicket adds n tickets alike to their month: -1 takes one back.
func (d *MonthSums) countTicket(n, client int64, openedAt, priority string, afterHours bool, scope TicketScope) {
	m := d.at(client, openedAt)
	m.tickets += n
	m.afterHoursTickets += n * int64(boolInt(afterHours))
	m.urgentTickets += n * int64(boolInt(priority == "urgent"))
	scope.count(n, &m.oosTickets, &m.usTickets, &m.oosUSTickets)
}

// AddInvoice counts a new invoice from its stored dates; paidOn is empty
// while it is unpaid.
func (d *MonthSums) AddInvoice(client int64, issuedOn, dueOn, paidOn string, amountMinor int64) error {
	m := d.at(client, issuedOn)
	m.invoicedMinor += amountMinor
	m.invoices++
	if paidOn == "" {
		return nil
	}
	days, err := daysLate(dueOn, paidOn)
	if err != nil {
		return err
	}
	m.invoicesPaid++
	switch lateBand(days) {
	case 0:
		m.paidOnTime++
		return nil
	case 1:
		m.late1to7++
	case 2:
		m.late8to15++
	case 3:
		m.late16to30++
	default:
		m.lateOver30++
	}
	m.invoicesLate++
	m.daysLateSum += days
	return nil
}

// daysLate is how many days after its due date an invoice was paid, from
// the stored dates; 0 or less is on time.
func daysLate(dueOn, paidOn string) (int64, error) {
	due, err := time.Parse(time.DateOnly, dueOn)
	if err != nil {
		return 0, err
	}
	paid, err := time.Parse(time.DateOnly, paidOn)
	if err != nil {
		return 0, err
	}
	return int64(paid.Sub(due).Hours()) / 24, nil
}

// lateBand is the roll-up's band of a payment days late: 0 on time, 1 for
// 1–7 days late, 2 for 8–15, 3 for 16–30, 4 for more.
func lateBand(days int64) int {
	switch {
	case days <= 0:
		return 0
	case days <= 7:
		return 1
	case days <= 15:
		return 2
	case days <= 30:
		return 3
	}
	return 4
}

// merge adds other sums and dirty clients to these.
func (d *MonthSums) merge(o *MonthSums) {
	for k, m := range o.months {
		t := d.months[k]
		if t == nil {
			t = &monthTotals{}
			d.months[k] = t
		}
		t.add(m)
	}
	for id := range o.dirty {
		d.dirty[id] = true
	}
}

func (t *monthTotals) add(o *monthTotals) {
	t.seconds += o.seconds
	t.billableSeconds += o.billableSeconds
	t.oosSeconds += o.oosSeconds
	t.tickets += o.tickets
	t.afterHoursTickets += o.afterHoursTickets
	t.urgentTickets += o.urgentTickets
	t.oosTickets += o.oosTickets
	t.usTickets += o.usTickets
	t.usSeconds += o.usSeconds
	t.oosUSTickets += o.oosUSTickets
	t.oosUSSeconds += o.oosUSSeconds
	t.invoicedMinor += o.invoicedMinor
	t.invoices += o.invoices
	t.invoicesPaid += o.invoicesPaid
	t.invoicesLate += o.invoicesLate
	t.daysLateSum += o.daysLateSum
	t.paidOnTime += o.paidOnTime
	t.late1to7 += o.late1to7
	t.late8to15 += o.late8to15
	t.late16to30 += o.late16to30
	t.lateOver30 += o.lateOver30
}

// markDirty has the clients' months rebuilt from their raw rows.
func (d *MonthSums) markDirty(ids ...int64) {
	for _, id := range ids {
		if id != 0 {
			d.dirty[id] = true
		}
	}
}

// monthColumns are client_months' columns in the order Apply writes them.
const monthColumns = `client_id, month, seconds, billable_seconds, oos_seconds, tickets, after_hours_tickets,
    urgent_tickets, oos_tickets, us_tickets, us_seconds, oos_us_tickets, oos_us_seconds, invoiced_minor, invoices, invoices_paid, invoices_late, days_late_sum, paid_on_time,
    late_1_7, late_8_15, late_16_30, late_over_30`

// addMonths adds to every counter of client_months the value being
// inserted for its row.
const addMonths = ` ON CONFLICT (client_id, month) DO UPDATE SET seconds = seconds + excluded.seconds,
    billable_seconds = billable_seconds + excluded.billable_seconds, oos_seconds = oos_seconds + excluded.oos_seconds,
    tickets = tickets + excluded.tickets, after_hours_tickets = after_hours_tickets + excluded.after_hours_tickets,
    urgent_tickets = urgent_tickets + excluded.urgent_tickets, oos_tickets = oos_tickets + excluded.oos_tickets,
    us_tickets = us_tickets + excluded.us_tickets, us_seconds = us_seconds + excluded.us_seconds,
    oos_us_tickets = oos_us_tickets + excluded.oos_us_tickets, oos_us_seconds = oos_us_seconds + excluded.oos_us_seconds,
    invoiced_minor = invoiced_minor + excluded.invoiced_minor, invoices = invoices + excluded.invoices,
    invoices_paid = invoices_paid + excluded.invoices_paid, invoices_late = invoices_late + excluded.invoices_late,
    days_late_sum = days_late_sum + excluded.days_late_sum, paid_on_time = paid_on_time + excluded.paid_on_time,
    late_1_7 = late_1_7 + excluded.late_1_7, late_8_15 = late_8_15 + excluded.late_8_15,
    late_16_30 = late_16_30 + excluded.late_16_30, late_over_30 = late_over_30 + excluded.late_over_30`

// monthColumnCount is how many columns monthColumns names.
const monthColumnCount = 23

// monthBatchRows is how many client_months rows one statement adds to.
const monthBatchRows = 100

// Apply adds the sums to client_months and rebuilds the clients marked
// dirty, inside the writer's transaction.
func (d *MonthSums) Apply(ctx context.Context, tx *sql.Tx) error {
	full, err := tx.PrepareContext(ctx, "INSERT INTO client_months ("+monthColumns+") VALUES "+valueRows(monthBatchRows, monthColumnCount)+addMonths)
	if err != nil {
		return fmt.Errorf("update roll-up: %w", err)
	}
	defer full.Close()
	args := make([]any, 0, monthColumnCount*monthBatchRows)
	add := func() error {
		var err error
		switch n := len(args) / monthColumnCount; n {
		case 0:
			return nil
		case monthBatchRows:
			_, err = full.ExecContext(ctx, args...)
		default:
			_, err = tx.ExecContext(ctx, "INSERT INTO client_months ("+monthColumns+") VALUES "+valueRows(n, monthColumnCount)+addMonths, args...)
		}
		if err != nil {
			return fmt.Errorf("update roll-up: %w", err)
		}
		args = args[:0]
		return nil
	}
	// In key order, each statement adds to neighbouring rows of the
	// (client_id, month) index rather than to pages all over it.
	keys := make([]monthKey, 0, len(d.months))
	for k := range d.months {
		if !d.dirty[k.client] {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b monthKey) int {
		if c := cmp.Compare(a.client, b.client); c != 0 {
			return c
		}
		return cmp.Compare(a.month, b.month)
	})
	for _, k := range keys {
		m := d.months[k]
		args = append(args, k.client, k.monthString(), m.seconds, m.billableSeconds, m.oosSeconds,
			m.tickets, m.afterHoursTickets, m.urgentTickets, m.oosTickets, m.usTickets, m.usSeconds,
			m.oosUSTickets, m.oosUSSeconds, m.invoicedMinor, m.invoices,
			m.invoicesPaid, m.invoicesLate, m.daysLateSum, m.paidOnTime, m.late1to7, m.late8to15,
			m.late16to30, m.lateOver30)
		if len(args) == cap(args) {
			if err := add(); err != nil {
				return err
			}
		}
	}
	if err := add(); err != nil {
		return err
	}
	if len(d.dirty) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(d.dirty))
	for id := range d.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return RebuildRollup(ctx, tx, ids)
}
