package demo

import (
	"fmt"
	"strings"
	"time"

	"offboard/casefile"
	"offboard/letters"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// planSpec is a remediation plan as the walkthrough would have left it
// (seeds 003, 004: a meeting, a written plan with owners, dates and
// measurable targets, a review). The review falls on the plan's day 90, or
// the working day before, as the written plan states; a refused plan has
// none.
type planSpec struct {
	status                   string
	meeting                  time.Time
	place                    string
	ours, theirs, contribs   []letters.Person
	baselineFrom, baselineTo time.Time
	outcome                  string
	closed                   time.Time
	items                    []planItem
	support                  []string
	terms                    letters.PlanTerms
}

// planItem is a topic (with its numbers and goal), an action or a term.
type planItem struct {
	kind, flag, title   string
	measures            []letters.Measure
	goal                string
	said, change        string
	side, owner, target string
	due, done           time.Time
}

// targetColumn is what the items table keeps as the measurable target: an
// action's target, or a topic's goal, which the written plan shows per gap.
func (it planItem) targetColumn() string {
	if it.kind == "topic" {
		return it.goal
	}
	return it.target
}

// evidence is a topic's numbers in one line, as the items table keeps them.
func (it planItem) evidence() string {
	parts := make([]string, len(it.measures))
	for i, m := range it.measures {
		parts[i] = m.Name + ": " + m.Value
	}
	return strings.Join(parts, "; ")
}

func nullTime(t time.Time, format func(time.Time) string) any {
	if t.IsZero() {
		return nil
	}
	return format(t)
}

// people lists names with roles for the communications log.
func people(ps []letters.Person) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name
		if p.Role != "" {
			parts[i] += " (" + p.Role + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// attendees lists people the way the plans table keeps them and the
// walkthrough reads them back: "Name, Role", one a line.
func attendees(ps []letters.Person) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Name
		if p.Role != "" {
			lines[i] += ", " + p.Role
		}
	}
	return strings.Join(lines, "\n")
}

func (g *gen) lettersClient(c store.Client) letters.Client {
	return letters.Client{Name: c.Name, ContactName: c.ContactName, ContactEmail: c.ContactEmail, Address: c.Address}
}

func agreementOf(c store.Client) letters.Agreement {
	return letters.Agreement{Name: c.AgreementName, Signed: c.AgreementSigned, TerminationClause: c.TerminationClause,
		NoticeDays: c.NoticeDays}
}

// plan writes the plan, its items, the agenda and plan documents as the
// letters package renders them, and logs the meeting and the plan sent.
func (g *gen) plan(id int64, p *profile, s planSpec) error {
	// The invitation goes out three working days before the meeting, the
	// plan on the first working day after it, both at the meeting's hour;
	// the plan starts, as every plan does, the day after the meeting.
	atMeetingHour := func(d time.Time) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), s.meeting.Hour(), s.meeting.Minute(), 0, 0, s.meeting.Location())
	}
	created := atMeetingHour(demoCalendar.AddWorkingDays(s.meeting, -3))
	issued := atMeetingHour(demoCalendar.NextWorkingDay(s.meeting.AddDate(0, 0, 1)))
	start := letters.AddDays(s.meeting, 1)
	updated := issued
	if !s.closed.IsZero() {
		updated = s.closed
	}
	agenda := letters.AgendaInput{Our: g.our, Client: g.lettersClient(p.c), Meeting: s.meeting, Place: s.place,
		OurAttendees: s.ours, ClientAttendees: s.theirs, Contributors: s.contribs, PlanBy: issued}
	if zone, err := time.LoadLocation(p.c.TimeZone); err == nil && p.c.TimeZone != "" {
		agenda.TimeZone = zone
	}
	plan := letters.PlanInput{Our: g.our, Client: g.lettersClient(p.c), Agreement: agreementOf(p.c), Issued: issued,
		MeetingHeld: s.meeting, Start: start, Support: s.support, Terms: s.terms, Calendar: demoCalendar}
	// The review is the day-90 meeting, held on a working day.
	var review time.Time
	if s.status != "refused" {
		review = demoCalendar.PreviousWorkingDay(plan.Review())
		plan.ReviewOn = review
	}
	res, err := g.tx.ExecContext(g.ctx, `INSERT INTO remediation_plans (client_id, status, meeting_at, meeting_place,
        attendees_ours, attendees_theirs, contributors, review_on, baseline_from, baseline_to, form_json,
        outcome_note, created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
		id, s.status, store.Timestamp(s.meeting), s.place, attendees(s.ours), attendees(s.theirs), attendees(s.contribs),
		nullTime(review, store.Date), store.Date(s.baselineFrom), store.Date(s.baselineTo), s.outcome,
		store.Timestamp(created), store.Timestamp(updated), nullTime(s.closed, store.Timestamp))
	if err != nil {
		return fmt.Errorf("remediation plan: %w", err)
	}
	planID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i, it := range s.items {
		if !it.due.IsZero() {
			// An action falls due on a working day, as the walkthrough's
			// dates do on our calendar.
			it.due = demoCalendar.NextWorkingDay(it.due)
		}
		switch it.kind {
		case "topic":
			agenda.Topics = append(agenda.Topics, letters.AgendaTopic{Title: it.title, Evidence: it.measures})
			plan.Gaps = append(plan.Gaps, letters.PlanGap{Title: it.title, Evidence: it.measures, Goal: it.goal})
			if it.change != "" {
				plan.OurChanges = append(plan.OurChanges, it.change)
			}
		case "action":
			side := letters.SideClient
			if it.side == "us" {
				side = letters.SideUs
			}
			plan.Actions = append(plan.Actions, letters.PlanAction{Side: side, Person: it.owner, What: it.title,
				Due: it.due, Target: it.target})
		}
		if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
            evidence, client_said, we_change, owner_side, owner_name, due_on, target, done_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, planID, i+1, it.kind, it.flag, it.title, it.evidence(),
			it.said, it.change, it.side, it.owner, nullTime(it.due, store.Date), it.targetColumn(),
			nullTime(it.done, store.Date)); err != nil {
			return fmt.Errorf("remediation item: %w", err)
		}
	}
	agendaMD, err := g.letters.Agenda(agenda)
	if err != nil {
		return fmt.Errorf("agenda for %s: %w", p.c.Name, err)
	}
	planMD, err := g.letters.RemediationPlan(plan)
	if err != nil {
		return fmt.Errorf("plan for %s: %w", p.c.Name, err)
	}
	agendaID, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, PlanID: planID, Kind: "agenda",
		Title: "Meeting agenda: " + p.c.Name, Markdown: agendaMD, CreatedAt: created,
		ExportedPath: letters.DefaultExportPath(letters.KindAgenda, p.c.Name, created), Sent: true})
	if err != nil {
		return err
	}
	if _, err := g.commDoc(id, created, "email", "outbound", "Meeting invitation and agenda sent",
		"Invited "+people(s.theirs)+" to meet on "+s.meeting.Format("Monday 2 January 2006")+".", agendaID); err != nil {
		return err
	}
	if err := g.comm(id, s.meeting, "meeting", "outbound", "Remediation meeting held",
		"Attendees: "+people(s.ours)+"; "+people(s.theirs)+"."); err != nil {
		return err
	}
	if err := store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusRemediation), "Remediation meeting held; plan in writing",
		s.meeting); err != nil {
		return err
	}
	planDoc, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, PlanID: planID, Kind: "plan",
		Title: "Remediation plan: " + p.c.Name, Markdown: planMD, Sent: true, CreatedAt: issued,
		ExportedPath: letters.DefaultExportPath(letters.KindRemediationPlan, p.c.Name, issued)})
	if err != nil {
		return err
	}
	if _, err := g.commDoc(id, issued, "email", "outbound", "Remediation plan sent",
		"The written plan from the meeting, with owners, dates and targets.", planDoc); err != nil {
		return err
	}
	if s.status == "refused" {
		return store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: updated, Kind: "plan",
			From: "draft", To: s.status, Reason: s.outcome})
	}
	if err := store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: issued, Kind: "plan",
		From: "draft", To: "agreed", Reason: "Plan agreed at the meeting"}); err != nil {
		return err
	}
	if s.status != "agreed" {
		return store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: updated, Kind: "plan",
			From: "agreed", To: s.status, Reason: s.outcome})
	}
	return nil
}

// stepDone says how a checklist step stands: done on a date (zero when
// open), by whom, with what exception.
type stepDone struct {
	on            time.Time
	by, exception string
}

// termination writes the notice letter as the letters package renders it,
// the termination row and the standard offboarding checklist, and moves
// the client to notice. done says how each step (by its key) stands. A
// notice for cause (a zero-tolerance case) cites the agreement's for-cause
// clause, names our service manager as the single point of contact, asks
// for writing only and puts the client's data under a legal hold, as the
// workbench offers for such a client.
func (g *gen) termination(id int64, p *profile, sent time.Time, noticeDays int, reason string, forCause bool,
	done func(step letters.ChecklistStep) stepDone) error {
	effective, err := letters.EffectiveDateOn(demoCalendar, sent, noticeDays, time.Time{}, letters.EndAfterNotice)
	if err != nil {
		return err
	}
	retention := demoCalendar.NextWorkingDay(effective.AddDate(0, 0, 30))
	c := p.c
	if p.prior != nil {
		c = *p.prior
	}
	if err := g.w.invoices.flush(); err != nil {
		return err
	}
	statement, err := g.statement(id, sent, c.Currency)
	if err != nil {
		return err
	}
	steps := letters.ChecklistStepsOn(demoCalendar, sent, effective, retention)
	contact := letters.Person{Name: serviceManager, Role: "Service manager", Email: "jordan.ellis@bluepeakit.com"}
	in := letters.TerminationInput{Our: g.our, Client: g.lettersClient(c), Agreement: agreementOf(c), Sent: sent,
		Delivery: letters.DeliveryEmail, NoticeDays: noticeDays, Effective: effective,
		Statement: statement, FinalInvoice: letters.FinalInvoiceDate(demoCalendar, effective),
		Contact:           contact,
		Transition:        letters.Transition{Hours: 5, Rate: money.Money{Minor: 15000, Currency: c.Currency}},
		RetentionDeadline: retention, Handoff: letters.DefaultHandoffOn(demoCalendar, sent, effective), Acknowledgement: true,
		Calendar: demoCalendar, LicenceSource: letters.LicencesFromRecord, Licences: casefile.LicencesOf(g.licencesOf(p, sent))}
	if zone, err := time.LoadLocation(c.TimeZone); err == nil && c.TimeZone != "" {
		in.TimeZone = zone
	}
	if forCause {
		in.ForCause = &letters.ForCause{Clause: forCauseClause(c.AgreementName), LegalHold: true, Contact: contact,
			WrittenOnly: true}
		steps = letters.UnderLegalHold(steps)
	}
	in.Handoff.ExportWhat = "Microsoft 365 mailboxes, the file server shares and the latest full backup"
	in.Handoff.ExportFormat = "PST files and the original folder structure"
	in.Handoff.ExportDelivery = "an encrypted download link, with the key given by phone"
	letter, err := g.letters.Termination(in)
	if err != nil {
		return fmt.Errorf("notice letter for %s: %w", c.Name, err)
	}
	title := "Notice of termination of " + c.AgreementName
	if forCause {
		title = "Notice of termination for cause of " + c.AgreementName
	}
	doc, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, Kind: "termination",
		Title: title, Markdown: letter, Sent: true,
		ExportedPath: letters.DefaultExportPath(letters.KindTermination, c.Name, sent), CreatedAt: sent})
	if err != nil {
		return err
	}
	var clause string
	if in.ForCause != nil {
		clause = in.ForCause.Clause
	}
	if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO terminations (client_id, document_id, sent_on, notice_days,
        effective_on, retention_until, delivery, created_at, agreement_name, agreement_signed, legal_hold,
        for_cause, for_cause_clause)
        VALUES (?, ?, ?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, ?)`,
		id, doc, store.Date(sent), noticeDays, store.Date(effective), store.Date(retention),
		store.Timestamp(sent), c.AgreementName, store.Date(c.AgreementSigned), forCause, forCause, clause); err != nil {
		return fmt.Errorf("termination: %w", err)
	}
	sentAt := g.localAt(p, int(g.asOf.Sub(sent).Hours()/24), 9)
	if _, err := g.commDoc(id, sentAt, "email", "outbound", "Notice of termination sent", "Effective "+
		effective.Format("Monday 2 January 2006")+"; data handoff steps and retention until "+store.Date(retention)+".",
		doc); err != nil {
		return err
	}
	if err := store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: sentAt, Kind: "letter", To: "sent",
		Reason: reason}); err != nil {
		return err
	}
	if err := store.SetStatus(g.ctx, g.tx, id, string(scoring.StatusNotice), reason, sentAt); err != nil {
		return err
	}
	receipt := letters.ReceiptInput{Our: g.our, Client: g.lettersClient(c), Agreement: agreementOf(c), Sent: sent,
		Effective: effective, PreparedBy: ownerName}
	for i, st := range steps {
		d := done(st)
		if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO checklist_steps (client_id, position, step_key, title, due_on,
            done_on, signed_off_by, exception_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i+1, st.Key, st.Title,
			store.Date(st.Due), nullTime(d.on, store.Date), d.by, d.exception); err != nil {
			return fmt.Errorf("checklist: %w", err)
		}
		receipt.Steps = append(receipt.Steps, letters.SignOff{Title: st.Title, Due: st.Due, Done: !d.on.IsZero(),
			By: d.by, On: d.on, Exception: d.exception})
		receipt.Prepared = later(receipt.Prepared, d.on)
	}
	if len(receipt.Open()) > 0 {
		return nil
	}
	md, err := g.letters.ChecklistReceipt(receipt)
	if err != nil {
		return fmt.Errorf("offboarding receipt for %s: %w", c.Name, err)
	}
	_, err = store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, Kind: "checklist",
		Title: "Offboarding receipt: " + c.Name, Markdown: md, CreatedAt: receipt.Prepared,
		ExportedPath: letters.DefaultExportPath(letters.KindChecklist, c.Name, receipt.Prepared)})
	return err
}

// postmortem keeps the owner's lessons for a client let go (seed 002: take
// stock of how you got there).
func (g *gen) postmortem(id int64, at time.Time, lessons string) error {
	_, err := g.tx.ExecContext(g.ctx, "INSERT INTO postmortems (client_id, lessons, updated_at) VALUES (?, ?, ?)",
		id, lessons, store.Timestamp(at))
	return err
}
