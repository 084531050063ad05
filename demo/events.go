package demo

import (
	"fmt"
	"time"

	"offboard/letters"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// owner is our owner as she attends meetings, titled as she signs.
var owner = letters.Person{Name: ownerName, Role: ownerTitle}

// Days before the last day of history when the workflow stories happened.
const (
	lateMeetingDaysAgo       = 95 // day 90, the review, was five days ago
	improvedMeetingDaysAgo   = 76 // the review is two weeks ahead
	securityMeetingDaysAgo   = 60
	noticeSentDaysAgo        = 20
	noticeDays               = 30
	offboardedMeetingDaysAgo = 215 // the review failed 90 days later, before notice
	offboardedSentDaysAgo    = 110
	offboardedNoticeDays     = 60
	reengagedSentDaysAgo     = 330
	reengagedNoticeDays      = 30 // seed 002: 30 days to find a new provider
	reengagedDaysAgo         = 285
)

// incidentSpec is one incident of a planted story, at hour o'clock local
// time daysAgo days before the last day of history.
type incidentSpec struct {
	daysAgo, hour int
	kind          string
	severity      int
	by, what      string
}

// commSpec is one entry of a planted client's communications log.
type commSpec struct {
	daysAgo, hour               int
	channel, direction, summary string
	body                        string
}

// tell writes a planted client's incidents and communications, then runs
// its workflow.
func (g *gen) tell(id int64, p *profile, pl *plant) error {
	for _, in := range pl.incidents {
		if err := g.incident(id, p, in.daysAgo, in.hour, in.kind, in.severity, in.by, in.what); err != nil {
			return err
		}
	}
	for _, c := range pl.comms {
		if err := g.comm(id, g.localAt(p, c.daysAgo, c.hour), c.channel, c.direction, c.summary, c.body); err != nil {
			return err
		}
	}
	if pl.workflow == nil {
		return nil
	}
	return pl.workflow(g, id, p)
}

// Seeds 001, 003: chronic late payment; the plan agreed three months ago
// has not changed anything and its review is due.
func latePaymentWorkflow(g *gen, id int64, p *profile) error {
	if err := g.w.invoices.flush(); err != nil {
		return err
	}
	measures, err := g.paymentMeasures(id)
	if err != nil {
		return err
	}
	ago := g.workdaysAgo(lateMeetingDaysAgo)
	meeting := g.localAt(p, ago, 10)
	m := g.day(ago)
	return g.plan(id, p, planSpec{
		status: "agreed", meeting: meeting, place: "Kessler Freight office, Omaha",
		ours:         []letters.Person{owner, {Name: accountManager, Role: "Account manager"}},
		theirs:       []letters.Person{{Name: "Gordon Kessler", Role: "Owner"}, {Name: "Maria Pruitt", Role: "Bookkeeper"}},
		contribs:     []letters.Person{{Name: accountManager, Role: "Account manager, who sends the invoices"}},
		baselineFrom: m.AddDate(0, -6, 0), baselineTo: m.AddDate(0, 0, -1),
		support: []string{"A named contact in accounts for any invoice question, answered within one business day."},
		terms:   letters.PlanTerms{Autopay: true, AutopayFrom: monthStart(m).AddDate(0, 1, 0)},
		items: []planItem{
			{kind: "topic", flag: "late_payment", title: "Invoice payment times", measures: measures,
				goal:   "Every invoice paid within 30 days of issue",
				said:   "Cash flow is seasonal and invoices get lost in the owner's inbox.",
				change: "We send invoices to accounts payable as well as the owner, with a reminder 7 days before the due date."},
			{kind: "action", title: "Enrol in ACH autopay through the payment portal", side: "client", owner: "Gordon Kessler",
				due: m.AddDate(0, 0, 14), target: "Every invoice collected by autopay on its due date"},
			{kind: "action", title: "Settle the overdue balance", side: "client", owner: "Maria Pruitt",
				due: m.AddDate(0, 0, 30), target: "Overdue balance USD 0.00"},
			{kind: "action", title: "Send invoices to accounts payable and remind before the due date", side: "us",
				owner: accountManager, due: m.AddDate(0, 0, 7), target: "Reminder sent 7 days before every due date",
				done: m.AddDate(0, 0, 3)},
			{kind: "action", title: "Pay within terms", side: "client", owner: "Maria Pruitt", due: g.day(5),
				target: "Invoices paid within 30 days of issue"},
			// seed 003: make autopay the standard.
			{kind: "term", title: "Autopay required from the next invoice"},
			{kind: "term", title: "Late fee of 1.5% a month on balances more than 30 days overdue, as the agreement allows"},
		},
	})
}

// afterHoursMeasure is the share of a client's tickets opened after hours
// in [from, to), as a plan shows it.
func (g *gen) afterHoursMeasure(id int64, from, to time.Time) (letters.Measure, error) {
	if err := g.w.tickets.flush(); err != nil {
		return letters.Measure{}, err
	}
	var n, after int
	if err := g.tx.QueryRowContext(g.ctx, `SELECT count(*), coalesce(sum(after_hours), 0) FROM tickets
        WHERE client_id = ? AND opened_at >= ? AND opened_at < ?`, id, store.Timestamp(from), store.Timestamp(to)).
		Scan(&n, &after); err != nil {
		return letters.Measure{}, err
	}
	return letters.Measure{Name: "Tickets opened outside business hours, " + daySpan(from, to), Value: fmt.Sprintf("%d of %d (%.0f%%)", after, n, 100*float64(after)/float64(max(n, 1))),
		Normal: "3% to 12%"}, nil
}

// daySpan names the days from from up to, not including, to, as a client
// reads them: "8 March 2026 to 7 September 2026".
func daySpan(from, to time.Time) string {
	return from.Format("2 January 2006") + " to " + to.AddDate(0, 0, -1).Format("2 January 2006")
}

// longDate writes a stored date ("2026-06-30") as a client reads it.
func longDate(stored string) string {
	t, err := time.Parse(time.DateOnly, stored)
	if err != nil {
		return stored
	}
	return t.Format("2 January 2006")
}

// latenessMeasure is the average days late of the invoices a client
// issued in [from, to) and paid.
func (g *gen) latenessMeasure(id int64, from, to time.Time) (letters.Measure, error) {
	if err := g.w.invoices.flush(); err != nil {
		return letters.Measure{}, err
	}
	var avg float64
	if err := g.tx.QueryRowContext(g.ctx, `SELECT coalesce(avg(max(julianday(paid_on) - julianday(due_on), 0)), 0)
        FROM invoices WHERE client_id = ? AND paid_on IS NOT NULL AND issued_on >= ? AND issued_on < ?`,
		id, store.Date(from), store.Date(to)).Scan(&avg); err != nil {
		return letters.Measure{}, err
	}
	return letters.Measure{Name: "Average days late, " + daySpan(from, to),
		Value: fmt.Sprintf("%.0f days", avg), Normal: "0 to 5 days"}, nil
}

// paymentMeasures are the late-payment facts of a client's last twelve
// invoices, as a plan shows them beside their normal range.
func (g *gen) paymentMeasures(id int64) ([]letters.Measure, error) {
	var late, over30, daysSum int
	var overdue int64
	rows, err := g.tx.QueryContext(g.ctx, `SELECT due_on, coalesce(paid_on, ''), balance_minor FROM invoices
        WHERE client_id = ? ORDER BY issued_on DESC LIMIT 12`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var due, paid string
		var balance int64
		if err := rows.Scan(&due, &paid, &balance); err != nil {
			return nil, err
		}
		d, _ := time.Parse(time.DateOnly, due)
		if paid != "" {
			pd, _ := time.Parse(time.DateOnly, paid)
			if days := int(pd.Sub(d).Hours() / 24); days > 0 {
				late++
				daysSum += days
				if days > 30 {
					over30++
				}
			}
		} else if d.Before(g.end) {
			overdue += balance
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	avg := 0
	if late > 0 {
		avg = daysSum / late
	}
	return []letters.Measure{
		{Name: "Invoices paid more than 30 days late, last 12", Value: fmt.Sprintf("%d of 12", over30), Normal: "0 to 1"},
		{Name: "Average days late", Value: fmt.Sprintf("%d days", avg), Normal: "0 to 5 days"},
		{Name: "Overdue balance", Value: money.Money{Minor: overdue, Currency: "USD"}.String(), Normal: "none"},
	}, nil
}

// Seeds 000, 001, 003: abuse of staff, the last one grave enough for zero
// tolerance; notice was sent without a remediation plan.
func abuseWorkflow(g *gen, id int64, p *profile) error {
	sent := g.day(g.workdaysAgo(noticeSentDaysAgo))
	return g.termination(id, p, sent, p.c.NoticeDays,
		"Zero tolerance: a technician was threatened on site (severity 4 abuse incident)", true,
		func(st letters.ChecklistStep) stepDone {
			switch {
			case st.Key == letters.StepHandoverScope:
				return stepDone{} // overdue: the client has named no incoming provider yet
			case st.Due.Before(g.asOf):
				return stepDone{on: st.Due, by: []string{ownerName, serviceManager, accountManager}[len(st.Key)%3]}
			}
			return stepDone{}
		})
}

// Seed 000: no MFA, unpatched and end-of-life machines, failing backups;
// the plan was refused.
func securityWorkflow(g *gen, id int64, p *profile) error {
	if err := g.w.snapshots.flush(); err != nil {
		return err
	}
	ago := g.workdaysAgo(securityMeetingDaysAgo)
	m := g.day(ago)
	var mfa, patch float64
	var eol, total int
	var backup, taken string
	if err := g.tx.QueryRowContext(g.ctx, `SELECT taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status
        FROM security_snapshots WHERE client_id = ? AND taken_on < ? ORDER BY taken_on DESC LIMIT 1`, id, store.Date(m)).
		Scan(&taken, &mfa, &patch, &eol, &total, &backup); err != nil {
		return err
	}
	return g.plan(id, p, planSpec{
		status: "refused", meeting: g.localAt(p, ago, 14), place: "Video call",
		ours:         []letters.Person{owner, {Name: "Priya Raman", Role: "Security lead"}},
		theirs:       []letters.Person{{Name: "Donna Reyes", Role: "Owner"}},
		baselineFrom: m.AddDate(0, -6, 0), baselineTo: m.AddDate(0, 0, -1),
		closed:  g.localAt(p, g.workdaysAgo(ago-9), 16),
		outcome: "The owner declined the MFA rollout, the workstation replacements and cloud backup as too costly.",
		items: []planItem{
			{kind: "topic", flag: "security", title: "Security practices", goal: "MFA on every account, patches current, no end-of-life devices, backups that restore",
				measures: []letters.Measure{
					{Name: "MFA coverage on " + longDate(taken), Value: fmt.Sprintf("%.0f%%", mfa), Normal: "90% to 100%"},
					{Name: "Patch compliance", Value: fmt.Sprintf("%.0f%%", patch), Normal: "95% to 100%"},
					{Name: "End-of-life devices", Value: fmt.Sprintf("%d of %d", eol, total), Normal: "0 to 2"},
					{Name: "Backups", Value: backup, Normal: "ok"},
				},
				said: "MFA slows staff down; the old PCs still work."},
			{kind: "action", title: "Enforce MFA on all Microsoft 365 accounts", side: "client", owner: "Donna Reyes",
				due: m.AddDate(0, 0, 30), target: "MFA on 100% of user accounts"},
			{kind: "action", title: "Replace end-of-life workstations", side: "client", owner: "Donna Reyes",
				due: m.AddDate(0, 0, 90), target: "No end-of-life devices on the network"},
			{kind: "action", title: "Move backups to a monitored cloud service", side: "us", owner: "Priya Raman",
				due: m.AddDate(0, 0, 30), target: "Nightly backups succeed and a restore is tested monthly"},
		},
	})
}

// Seed 004: a plan that worked. After-hours demand fell after the meeting.
func improvedWorkflow(g *gen, id int64, p *profile) error {
	ago := g.workdaysAgo(improvedMeetingDaysAgo)
	m := g.day(ago)
	from := m.AddDate(0, -6, 0)
	afterHours, err := g.afterHoursMeasure(id, from, m)
	if err != nil {
		return err
	}
	return g.plan(id, p, planSpec{
		status: "agreed", meeting: g.localAt(p, ago, 9), place: "Redfern Title office, Tacoma",
		ours:         []letters.Person{owner, {Name: serviceManager, Role: "Service manager"}},
		theirs:       []letters.Person{{Name: "Nathan Redfern", Role: "Owner"}, {Name: "Julia Park", Role: "Office manager"}},
		contribs:     []letters.Person{{Name: serviceManager, Role: "Service manager, whose on-call number is printed on every invoice"}},
		support:      []string{"A published emergency line and rate card, and a portal for routine requests."},
		baselineFrom: from, baselineTo: m.AddDate(0, 0, -1),
		items: []planItem{
			{kind: "topic", flag: "after_hours", title: "Requests outside business hours",
				goal:     "After-hours tickets at most 10% of all tickets",
				measures: []letters.Measure{afterHours},
				said:     "Closings happen late and staff did not know what counts as an emergency.",
				change:   "We stop printing the on-call number on invoices and publish an emergency rate card."},
			{kind: "action", title: "Use the emergency line only for outages", side: "client", owner: "Nathan Redfern",
				due: m.AddDate(0, 0, 14), target: "After-hours calls only through the emergency line, billed at the after-hours rate"},
			{kind: "action", title: "Raise routine requests through the portal in business hours", side: "client",
				owner: "Julia Park", due: m.AddDate(0, 0, 30), target: "After-hours tickets at most 10% of all tickets"},
			{kind: "action", title: "Publish the emergency line and rate card", side: "us", owner: serviceManager,
				due: m.AddDate(0, 0, 7), target: "Rate card sent to all staff", done: m.AddDate(0, 0, 4)},
			{kind: "term", title: "After-hours work billed at 1.5 times the standard rate"},
		},
	})
}

// A client let go after a failed plan, every checklist step signed off,
// with its post-mortem begun (seed 002).
func offboardedWorkflow(g *gen, id int64, p *profile) error {
	if err := store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusWatch), "Payments slipping and after-hours calls rising",
		g.localAt(p, 230, 9)); err != nil {
		return err
	}
	ago := g.workdaysAgo(offboardedMeetingDaysAgo)
	m := g.day(ago)
	afterHours, err := g.afterHoursMeasure(id, m.AddDate(0, -6, 0), m)
	if err != nil {
		return err
	}
	lateness, err := g.latenessMeasure(id, m.AddDate(0, -6, 0), m)
	if err != nil {
		return err
	}
	if err := g.plan(id, p, planSpec{
		status: "failed", meeting: g.localAt(p, ago, 10), place: "Garrison Mechanical office, Tulsa",
		ours:         []letters.Person{owner, {Name: accountManager, Role: "Account manager"}},
		theirs:       []letters.Person{{Name: "Wade Garrison", Role: "Owner"}},
		baselineFrom: m.AddDate(0, -6, 0), baselineTo: m.AddDate(0, 0, -1), closed: g.localAt(p, g.workdaysAgo(ago-91), 11),
		outcome: "Payments still three to five weeks late and after-hours calls unchanged at the review.",
		items: []planItem{
			{kind: "topic", flag: "late_payment", title: "Invoice payment times", goal: "Every invoice paid within 30 days of issue",
				measures: []letters.Measure{lateness},
				change:   "We send a payment reminder 7 days before each due date."},
			{kind: "topic", flag: "after_hours", title: "Requests outside business hours", goal: "After-hours tickets at most 10% of all tickets",
				measures: []letters.Measure{afterHours}},
			{kind: "action", title: "Enrol in autopay", side: "client", owner: "Wade Garrison", due: m.AddDate(0, 0, 21),
				target: "Invoices paid within 30 days of issue"},
			{kind: "action", title: "Emergency line for outages only", side: "client", owner: "Wade Garrison",
				due: m.AddDate(0, 0, 14), target: "After-hours tickets at most 10% of all tickets"},
		},
	}); err != nil {
		return err
	}
	sentAgo := g.workdaysAgo(offboardedSentDaysAgo)
	sent := g.day(sentAgo)
	if err := g.termination(id, p, sent, p.c.NoticeDays, "Remediation plan failed its review", false,
		func(st letters.ChecklistStep) stepDone {
			if st.Key == letters.StepLicences {
				return stepDone{on: st.Due.AddDate(0, 0, 2), by: serviceManager,
					exception: "Domain transfer held two days by the registrar's lock; completed on confirmation."}
			}
			return stepDone{on: st.Due, by: []string{ownerName, serviceManager, accountManager}[len(st.Key)%3]}
		}); err != nil {
		return err
	}
	done := g.localAt(p, sentAgo-offboardedNoticeDays-30, 17)
	if err := store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusOffboarded), "Every offboarding step signed off", done); err != nil {
		return err
	}
	return g.postmortem(id, done, "- Raise a watch at the second late invoice.\n- Stop printing the on-call number on invoices.\n"+
		"The late payments ran longest before anything was done about them; the remediation meeting came too late to change the habit.")
}

// Seed 002's comment: let go with 30 days to find a new provider after
// refusing to learn a new system, then taken back on a contract that
// supports only the systems' functionality.
func reengagedWorkflow(g *gen, id int64, p *profile) error {
	sentAgo := g.workdaysAgo(reengagedSentDaysAgo)
	sent := g.day(sentAgo)
	if err := g.termination(id, p, sent, reengagedNoticeDays,
		"Client unwilling to learn the new system; 30 days to find a new IT provider", false,
		func(st letters.ChecklistStep) stepDone {
			if st.Key == letters.StepDisposeData || st.Key == letters.StepArchiveRecords {
				return stepDone{on: g.day(reengagedDaysAgo), by: ownerName,
					exception: "Kept rather than disposed of: the client came back before the retention deadline, and its data and record continue under the new agreement."}
			}
			return stepDone{on: st.Due, by: []string{ownerName, serviceManager}[len(st.Key)%2]}
		}); err != nil {
		return err
	}
	if err := store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusOffboarded), "Service ended on the effective date",
		g.localAt(p, sentAgo-reengagedNoticeDays-1, 17)); err != nil {
		return err
	}
	reason := "Taken back on a narrower contract: support for the systems' functionality only; how-to and training are the client's own."
	at := g.localAt(p, reengagedDaysAgo, 10)
	if err := store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: at, Kind: "re-engagement",
		From: string(scoring.StatusOffboarded), To: string(scoring.StatusReengaged), Reason: reason}); err != nil {
		return err
	}
	return store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusReengaged), reason, at)
}
