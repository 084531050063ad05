package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ClientFacts is one client's aggregate row of the portfolio as scoring
// reads it: plain values and the roll-ups, never raw tickets or invoices.
// The domain turns it into the assessment's own facts.
type ClientFacts struct {
	ID       int64
	Name     string
	Status   string
	Seats    int
	MRRMinor int64
	Currency string
	// Since is the client's first day with us: client_since_on, else the
	// agreement's signing date; zero when neither is known.
	Since time.Time
	// Override is the owner's own recommendation, "" when none.
	Override       string
	OverrideReason string
	OverrideAt     time.Time
	Months         []MonthTotals
	// OverdueMinor is the unpaid balance past its due date as of the
	// assessment; OverdueInvoices counts those invoices.
	OverdueMinor    int64
	OverdueInvoices int
	Incidents       []IncidentFact
	// Security is the latest snapshot and FirstSecurity the earliest, both
	// up to the assessment date; nil when there is none.
	Security      *SecurityFact
	FirstSecurity *SecurityFact
	Upgrades      []UpgradeFact
	// Plan is the client's latest remediation plan, nil when none.
	Plan *LatestPlan
}

// MonthTotals is one row of client_months: a client's activity in one
// calendar month, summed. The roll-up sums time to the second; each of
// its durations is read here as whole minutes, the month's seconds rounded
// to the nearest minute with halves up, so thirty entries of 40 seconds
// are 20 minutes and a month is never more than half a minute off.
type MonthTotals struct {
	Month time.Time // first day of the month, UTC

	MinutesWorked     int64
	BillableMinutes   int64
	Tickets           int
	AfterHoursTickets int
	UrgentTickets     int
	OutOfScopeTickets int
	OutOfScopeMinutes int64
	// UserSupportTickets are those whose category is user support, and
	// UserSupportMinutes the time logged against them; the OutOfScopeUserSupport
	// pair counts the tickets that are both, so that a sum of the two kinds
	// can take them away once.
	UserSupportTickets           int
	UserSupportMinutes           int64
	OutOfScopeUserSupportTickets int
	OutOfScopeUserSupportMinutes int64

	Invoiced         int64
	InvoicesIssued   int
	InvoicesPaidLate int
	DaysLateSum      int

	PaidOnTime     int
	PaidLate1to7   int
	PaidLate8to15  int
	PaidLate16to30 int
	PaidLateOver30 int
}

// IncidentFact is one incident up to the assessment date.
type IncidentFact struct {
	Kind        string
	Severity    int
	At          time.Time
	Description string
}

// SecurityFact is a client's security posture as its reports gave it: each
// part from the newest (or, for FirstSecurity, the earliest) snapshot that
// holds it, since an identity report and a device report seldom share a day.
type SecurityFact struct {
	// At is the day of the newest part (of the earliest, for FirstSecurity).
	At time.Time
	// MFA, Patch and Devices are nil when no snapshot holds that part;
	// Backup is "" then.
	MFA      *MFAPart
	Patch    *PatchPart
	Devices  *DevicePart
	Backup   string
	BackupAt time.Time
}

// MFAPart is the share of accounts with multi-factor authentication.
type MFAPart struct {
	At       time.Time
	Coverage float64
	// Accounts and Registered are the counts behind Coverage; Accounts is
	// 0 when the report gave only the percentage.
	Accounts, Registered int
}

// PatchPart is the share of devices fully patched.
type PatchPart struct {
	At         time.Time
	Compliance float64
	// Counted is true when the report listed devices: Compliant of the
	// snapshot's devices were patched, and Unknown had no patch status.
	Counted            bool
	Compliant, Unknown int
}

// DevicePart is the devices and those past their end of life.
type DevicePart struct {
	At         time.Time
	EOL, Total int
	// OSUnknown counts devices whose operating system the report did not
	// make known, so their end of life could not be judged.
	OSUnknown int
}

// UpgradeFact is one upgrade recommendation and the client's decision.
type UpgradeFact struct {
	Title    string
	Proposed time.Time
	Decided  time.Time
	Decision string
}

// LatestPlan is a client's latest remediation plan in brief: its status,
// when it began (its meeting, else its creation) and its review date.
type LatestPlan struct {
	Status     string
	Started    time.Time
	ReviewDate time.Time
}

// PortfolioFacts loads what the assessment needs about every client, as of
// a moment, as plain rows, in nine queries whatever the number of clients: the clients,
// their monthly roll-ups, overdue balances, incidents, first and latest
// security snapshots, upgrade recommendations and latest remediation plans.
// Raw tickets, time entries and invoices are never read: client_months
// already sums them, and each client's months arrive as one row so that
// allocations grow with clients, not with months of history. Nothing
// dated after the moment counts, so an archive can be judged as it stood
// then: a payment made later leaves its invoice unpaid (and, past its due
// date, overdue), and later incidents, snapshots and upgrades are left
// out; the scoring leaves out the months from the moment's on. The latest
// remediation plan counts whenever it was made: the workbench judges a
// demo portfolio as of its last day while its owner plans today.
func (s *Store) PortfolioFacts(ctx context.Context, asOf time.Time) ([]ClientFacts, error) {
	l := factsLoader{ctx: ctx, db: s.db}
	steps := []struct {
		what string
		run  func() error
	}{
		{"clients", l.clients},
		{"monthly roll-ups", l.months},
		{"payments after the assessment", func() error { return l.paidLater(asOf) }},
		{"overdue balances", func() error { return l.overdue(asOf) }},
		{"incidents", func() error { return l.incidents(asOf) }},
		{"security snapshots", func() error { return l.security(asOf) }},
		{"upgrade recommendations", func() error { return l.upgrades(asOf) }},
		{"remediation plans", l.plans},
	}
	for _, step := range steps {
		if err := step.run(); err != nil {
			return nil, fmt.Errorf("load %s for scoring: %w", step.what, err)
		}
	}
	return l.out, nil
}

// factsLoader fills one slice of facts, query by query.
type factsLoader struct {
	ctx   context.Context
	db    *sql.DB
	out   []ClientFacts
	index map[int64]int // client id to position in out
}

func (l *factsLoader) clients() error {
	var n int
	if err := l.db.QueryRowContext(l.ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
		return err
	}
	l.out = make([]ClientFacts, 0, n)
	l.index = make(map[int64]int, n)
	rows, err := l.db.QueryContext(l.ctx, `SELECT id, name, status, seats, mrr_minor, currency,
        coalesce(client_since_on, agreement_signed_on, ''),
        coalesce(override_recommendation, ''), override_reason, coalesce(override_at, '')
        FROM clients ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f ClientFacts
		var since, overrideAt string
		if err := rows.Scan(&f.ID, &f.Name, &f.Status, &f.Seats, &f.MRRMinor, &f.Currency, &since, &f.Override,
			&f.OverrideReason, &overrideAt); err != nil {
			return err
		}
		f.Since, f.OverrideAt = parseDate(since), parseInstant(overrideAt)
		l.index[f.ID] = len(l.out)
		l.out = append(l.out, f)
	}
	return rows.Err()
}

// scanAll runs a query whose rows scan into dest, the first of which is the
// client id that id points at, and hands each row of a known client to use
// with that client's facts. Rows of clients added since the clients were
// read are skipped: they are scored on the next load.
func (l *factsLoader) scanAll(query string, args []any, id *int64, dest []any, use func(f *ClientFacts) error) error {
	rows, err := l.db.QueryContext(l.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		i, ok := l.index[*id]
		if !ok {
			continue
		}
		if err := use(&l.out[i]); err != nil {
			return err
		}
	}
	return rows.Err()
}

// monthRow writes one roll-up row as parseMonths reads it: the month, then
// the counts in the order of MonthFacts.
const monthRow = `printf('%s %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d', month, (seconds + 30) / 60,
    (billable_seconds + 30) / 60, tickets, after_hours_tickets, urgent_tickets, oos_tickets, (oos_seconds + 30) / 60,
    us_tickets, (us_seconds + 30) / 60, oos_us_tickets, (oos_us_seconds + 30) / 60, invoiced_minor, invoices, invoices_late,
    days_late_sum, paid_on_time, late_1_7, late_8_15, late_16_30, late_over_30)`

func (l *factsLoader) months() error {
	var id int64
	var n int
	var raw sql.RawBytes
	return l.scanAll(`SELECT client_id, count(*), group_concat(`+monthRow+`, ';' ORDER BY month)
        FROM client_months GROUP BY client_id`, nil, &id, []any{&id, &n, &raw},
		func(f *ClientFacts) error {
			months, err := parseMonths(raw, make([]MonthTotals, 0, n))
			if err != nil {
				return fmt.Errorf("client %d: %w", id, err)
			}
			f.Months = months
			return nil
		})
}

// parseMonths reads roll-ups written as "YYYY-MM n n …" and joined by ";",
// appending to into without allocating when it has room.
func parseMonths(raw []byte, into []MonthTotals) ([]MonthTotals, error) {
	c := cursor{b: raw}
	for c.i < len(c.b) {
		var m MonthTotals
		year, month := c.num(), -c.num()
		m.Month = time.Date(int(year), time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		m.MinutesWorked, m.BillableMinutes = c.num(), c.num()
		m.Tickets, m.AfterHoursTickets, m.UrgentTickets, m.OutOfScopeTickets = int(c.num()), int(c.num()), int(c.num()), int(c.num())
		m.OutOfScopeMinutes = c.num()
		m.UserSupportTickets, m.UserSupportMinutes = int(c.num()), c.num()
		m.OutOfScopeUserSupportTickets, m.OutOfScopeUserSupportMinutes = int(c.num()), c.num()
		m.Invoiced = c.num()
		m.InvoicesIssued, m.InvoicesPaidLate, m.DaysLateSum = int(c.num()), int(c.num()), int(c.num())
		m.PaidOnTime, m.PaidLate1to7, m.PaidLate8to15, m.PaidLate16to30, m.PaidLateOver30 = int(c.num()), int(c.num()), int(c.num()), int(c.num()), int(c.num())
		if c.bad || month < 1 || month > 12 {
			return nil, fmt.Errorf("unreadable monthly roll-up %q", clipBytes(raw, 60))
		}
		into = append(into, m)
	}
	return into, nil
}

// cursor reads signed integers separated by one space, hyphen or semicolon
// (a month "2026-03" reads as 2026 and -3).
type cursor struct {
	b   []byte
	i   int
	bad bool
}

func (c *cursor) num() int64 {
	neg := c.i < len(c.b) && c.b[c.i] == '-'
	if neg {
		c.i++
	}
	start := c.i
	var v int64
	for c.i < len(c.b) && c.b[c.i] >= '0' && c.b[c.i] <= '9' {
		v = v*10 + int64(c.b[c.i]-'0')
		c.i++
	}
	if c.i == start {
		c.bad = true
	}
	if c.i < len(c.b) && (c.b[c.i] == ' ' || c.b[c.i] == ';') {
		c.i++
	}
	if neg {
		return -v
	}
	return v
}

func clipBytes(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

// paidLater takes out of the roll-up's payment counts the invoices paid
// after the moment: as of then they were not paid yet. Their months keep
// what they invoiced. None are found when the moment is now.
func (l *factsLoader) paidLater(asOf time.Time) error {
	var id int64
	var issued, due, paid string
	return l.scanAll(`SELECT client_id, issued_on, due_on, paid_on FROM invoices WHERE paid_on > ?1 AND issued_on <= ?1`,
		[]any{Date(asOf)}, &id, []any{&id, &issued, &due, &paid},
		func(f *ClientFacts) error {
			days, err := daysLate(due, paid)
			if err != nil {
				return fmt.Errorf("invoice due %s paid %s: %w", due, paid, err)
			}
			for i := range f.Months {
				if m := &f.Months[i]; m.Month.Format("2006-01") == issued[:7] {
					m.unpay(days)
				}
			}
			return nil
		})
}

// unpay takes an invoice paid days late (0 or less: on time) out of the
// month's payment counts.
func (m *MonthTotals) unpay(days int64) {
	switch band := lateBand(days); band {
	case 0:
		m.PaidOnTime--
		return
	case 1:
		m.PaidLate1to7--
	case 2:
		m.PaidLate8to15--
	case 3:
		m.PaidLate16to30--
	default:
		m.PaidLateOver30--
	}
	m.InvoicesPaidLate--
	m.DaysLateSum -= int(days)
}

// overdue sums, per client, what was owed on invoices due before the
// moment: nothing on one paid by then; on one paid later, its amount less
// the payments made by then; on one unpaid, its balance and the payments
// made since.
func (l *factsLoader) overdue(asOf time.Time) error {
	var id, balance int64
	var n int
	return l.scanAll(`SELECT client_id, sum(owed), count(*) FROM (
        SELECT client_id, CASE WHEN paid_on IS NOT NULL
                THEN amount_minor - coalesce((SELECT sum(p.amount_minor) FROM payments p
                    WHERE p.invoice_number = i.number AND p.paid_on <= ?1), 0)
                ELSE balance_minor + coalesce((SELECT sum(p.amount_minor) FROM payments p
                    WHERE p.invoice_number = i.number AND p.paid_on > ?1), 0)
            END AS owed
        FROM invoices i
        WHERE due_on < ?1 AND (paid_on > ?1 OR (paid_on IS NULL AND (balance_minor > 0 OR EXISTS (
            SELECT 1 FROM payments p WHERE p.invoice_number = i.number AND p.paid_on > ?1)))))
    WHERE owed > 0 GROUP BY client_id`, []any{Date(asOf)}, &id, []any{&id, &balance, &n},
		func(f *ClientFacts) error {
			f.OverdueMinor, f.OverdueInvoices = balance, n
			return nil
		})
}

func (l *factsLoader) incidents(asOf time.Time) error {
	var id int64
	var in IncidentFact
	var at string
	return l.scanAll(`SELECT client_id, kind, severity, occurred_at, description FROM incidents
        WHERE occurred_at <= ? ORDER BY client_id, occurred_at`, []any{Timestamp(asOf)}, &id,
		[]any{&id, &in.Kind, &in.Severity, &at, &in.Description},
		func(f *ClientFacts) error {
			in.At = parseInstant(at)
			f.Incidents = append(f.Incidents, in)
			return nil
		})
}

// snapshotRow is one stored snapshot with its parts as stored: NULL where
// its report did not say.
type snapshotRow struct {
	taken                              string
	mfa, patch                         sql.NullFloat64
	eol, total, accounts, registered   sql.NullInt64
	compliant, patchUnknown, osUnknown sql.NullInt64
	backup                             sql.NullString
}

// security composes each client's latest and earliest posture up to asOf
// from its snapshots, part by part (see SecurityFact).
func (l *factsLoader) security(asOf time.Time) error {
	var id, last int64 = 0, -1
	var r snapshotRow
	// Only the snapshots that are a part's newest or earliest are read:
	// SQLite finds them in one pass, and Go scans a few rows a client.
	return l.scanAll(`SELECT client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status,
            mfa_accounts, mfa_registered, patch_compliant, patch_unknown, os_unknown
        FROM (SELECT *,
                max(iif(mfa_pct IS NULL, NULL, taken_on)) OVER w AS mfa_last,
                min(iif(mfa_pct IS NULL, NULL, taken_on)) OVER w AS mfa_first,
                max(iif(patch_pct IS NULL, NULL, taken_on)) OVER w AS patch_last,
                min(iif(patch_pct IS NULL, NULL, taken_on)) OVER w AS patch_first,
                max(iif(eol_devices IS NULL AND total_devices IS NULL, NULL, taken_on)) OVER w AS devices_last,
                min(iif(eol_devices IS NULL AND total_devices IS NULL, NULL, taken_on)) OVER w AS devices_first,
                max(iif(backup_status IS NULL, NULL, taken_on)) OVER w AS backup_last,
                min(iif(backup_status IS NULL, NULL, taken_on)) OVER w AS backup_first
              FROM security_snapshots WHERE taken_on <= ?1 WINDOW w AS (PARTITION BY client_id))
        WHERE taken_on IN (mfa_last, mfa_first, patch_last, patch_first, devices_last, devices_first, backup_last, backup_first)
        ORDER BY client_id, taken_on`, []any{Date(asOf)}, &id,
		[]any{&id, &r.taken, &r.mfa, &r.patch, &r.eol, &r.total, &r.backup, &r.accounts, &r.registered,
			&r.compliant, &r.patchUnknown, &r.osUnknown},
		func(f *ClientFacts) error {
			if id != last {
				f.Security, f.FirstSecurity, last = &SecurityFact{}, &SecurityFact{}, id
			}
			r.mergeInto(f.Security, true)
			r.mergeInto(f.FirstSecurity, false)
			return nil
		})
}

// mergeInto adds a snapshot's parts to a posture: replacing what it holds
// when newest (rows come oldest first), else only filling what it lacks.
func (r *snapshotRow) mergeInto(s *SecurityFact, newest bool) {
	at := parseDate(r.taken)
	took := false
	if r.mfa.Valid && (newest || s.MFA == nil) {
		s.MFA = &MFAPart{At: at, Coverage: r.mfa.Float64, Accounts: int(r.accounts.Int64), Registered: int(r.registered.Int64)}
		took = true
	}
	if r.patch.Valid && (newest || s.Patch == nil) {
		s.Patch = &PatchPart{At: at, Compliance: r.patch.Float64, Counted: r.compliant.Valid,
			Compliant: int(r.compliant.Int64), Unknown: int(r.patchUnknown.Int64)}
		took = true
	}
	if (r.eol.Valid || r.total.Valid) && (newest || s.Devices == nil) {
		s.Devices = &DevicePart{At: at, EOL: int(r.eol.Int64), Total: int(r.total.Int64), OSUnknown: int(r.osUnknown.Int64)}
		took = true
	}
	if r.backup.Valid && (newest || s.Backup == "") {
		s.Backup, s.BackupAt = r.backup.String, at
		took = true
	}
	if took && (newest || s.At.IsZero()) {
		s.At = at
	}
}

func (l *factsLoader) upgrades(asOf time.Time) error {
	var id int64
	var u UpgradeFact
	var proposed, decided string
	return l.scanAll(`SELECT client_id, title, proposed_on, coalesce(decided_on, ''), decision
        FROM upgrade_recommendations WHERE proposed_on <= ? ORDER BY client_id, proposed_on`, []any{Date(asOf)}, &id,
		[]any{&id, &u.Title, &proposed, &decided, &u.Decision},
		func(f *ClientFacts) error {
			u.Proposed, u.Decided = parseDate(proposed), parseDate(decided)
			f.Upgrades = append(f.Upgrades, u)
			return nil
		})
}

func (l *factsLoader) plans() error {
	var id int64
	var status, started, review string
	return l.scanAll(`SELECT client_id, status, coalesce(meeting_at, created_at), coalesce(review_on, '')
        FROM (SELECT *, row_number() OVER (PARTITION BY client_id ORDER BY `+latestPlanOrder+`) AS latest
              FROM remediation_plans)
        WHERE latest = 1`, nil, &id, []any{&id, &status, &started, &review},
		func(f *ClientFacts) error {
			f.Plan = &LatestPlan{Status: status, Started: parseInstant(started), ReviewDate: parseDate(review)}
			return nil
		})
}

// parseInstant reads a stored instant (RFC 3339), or a bare date where a
// column holds one; the zero time when empty.
func parseInstant(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	return parseDate(s)
}
