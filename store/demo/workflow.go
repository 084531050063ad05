package demo

import (
	"fmt"
	"strings"
	"time"

	"offboard/store"
)

// planSpec is a remediation plan as the walkthrough would have left it
// (seeds 003, 004: a meeting, a written plan with owners, dates and
// measurable targets, a review).
type planSpec struct {
	status                        string
	meeting                       time.Time
	place, ours, theirs, contribs string
	review                        time.Time
	baselineFrom, baselineTo      time.Time
	outcome                       string
	closed                        time.Time
	items                         []planItem
}

type planItem struct {
	kind, flag, title, evidence, said, change string
	side, owner, target                       string
	due, done                                 time.Time
}

func nullTime(t time.Time, format func(time.Time) string) any {
	if t.IsZero() {
		return nil
	}
	return format(t)
}

// plan writes the plan, its items, the agenda and plan documents, and logs
// the meeting and the plan sent.
func (g *gen) plan(id int64, p *profile, s planSpec) error {
	created := s.meeting.AddDate(0, 0, -3)
	updated := s.meeting.AddDate(0, 0, 1)
	if !s.closed.IsZero() {
		updated = s.closed
	}
	res, err := g.tx.ExecContext(g.ctx, `INSERT INTO remediation_plans (client_id, status, meeting_at, meeting_place,
        attendees_ours, attendees_theirs, contributors, review_on, baseline_from, baseline_to, form_json,
        outcome_note, created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`,
		id, s.status, store.Timestamp(s.meeting), s.place, s.ours, s.theirs, s.contribs,
		nullTime(s.review, store.Date), store.Date(s.baselineFrom), store.Date(s.baselineTo), s.outcome,
		store.Timestamp(created), store.Timestamp(updated), nullTime(s.closed, store.Timestamp))
	if err != nil {
		return fmt.Errorf("remediation plan: %w", err)
	}
	planID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i, it := range s.items {
		if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO remediation_items (plan_id, position, kind, flag_id, title,
            evidence, client_said, we_change, owner_side, owner_name, due_on, target, done_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, planID, i+1, it.kind, it.flag, it.title, it.evidence,
			it.said, it.change, it.side, it.owner, nullTime(it.due, store.Date), it.target,
			nullTime(it.done, store.Date)); err != nil {
			return fmt.Errorf("remediation item: %w", err)
		}
	}
	agenda, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, PlanID: planID, Kind: "agenda",
		Title: "Meeting agenda: " + p.c.Name, Markdown: agendaMarkdown(p, s), CreatedAt: created})
	if err != nil {
		return err
	}
	if _, err := g.commDoc(id, created, "email", "outbound", "Meeting invitation and agenda sent",
		"Invited "+s.theirs+" to meet on "+s.meeting.Format("Monday 2 January 2006")+".", agenda); err != nil {
		return err
	}
	if err := g.comm(id, s.meeting, "meeting", "outbound", "Remediation meeting held",
		"Attendees: "+s.ours+"; "+s.theirs+"."); err != nil {
		return err
	}
	if err := store.SetStatus(g.ctx, g.tx, id, store.StatusRemediation, "Remediation meeting held; plan in writing (seed 004)",
		s.meeting); err != nil {
		return err
	}
	doc, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, PlanID: planID, Kind: "plan",
		Title: "Remediation plan: " + p.c.Name, Markdown: planMarkdown(p, s),
		ExportedPath: "exports/" + slug(p.c.Name) + "-remediation-plan-" + store.Date(updated) + ".md",
		Sent:         true, CreatedAt: s.meeting.AddDate(0, 0, 1)})
	if err != nil {
		return err
	}
	if _, err := g.commDoc(id, s.meeting.AddDate(0, 0, 1), "email", "outbound", "Remediation plan sent",
		"The written plan agreed at the meeting, with owners, dates and targets.", doc); err != nil {
		return err
	}
	if s.status == "refused" {
		return store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: updated, Kind: "plan",
			From: "draft", To: s.status, Reason: s.outcome})
	}
	if err := store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: s.meeting.AddDate(0, 0, 1), Kind: "plan",
		From: "draft", To: "agreed", Reason: "Plan agreed at the meeting"}); err != nil {
		return err
	}
	if s.status != "agreed" {
		return store.LogDecision(g.ctx, g.tx, store.Decision{ClientID: id, At: updated, Kind: "plan",
			From: "agreed", To: s.status, Reason: s.outcome})
	}
	return nil
}

func slug(name string) string {
	return strings.Join(strings.Fields(store.NormalizeName(name)), "-")
}

func agendaMarkdown(p *profile, s planSpec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Meeting agenda: %s\n\n", p.c.Name)
	fmt.Fprintf(&b, "- **When:** %s\n- **Where:** %s\n- **Attending:** %s; %s\n\n## Topics\n\n",
		s.meeting.Format("Monday 2 January 2006, 15:04 MST"), s.place, s.ours, s.theirs)
	for _, it := range s.items {
		if it.kind == "topic" {
			fmt.Fprintf(&b, "1. **%s**: %s\n", it.title, it.evidence)
		}
	}
	return b.String()
}

func planMarkdown(p *profile, s planSpec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Remediation plan: %s\n\nAgreed at our meeting on %s. Review on %s.\n\n",
		p.c.Name, store.Date(s.meeting), nullDate(s.review))
	for _, kind := range []struct{ kind, head string }{{"topic", "What we discussed"}, {"action", "Who does what by when"},
		{"term", "Terms"}} {
		fmt.Fprintf(&b, "## %s\n\n", kind.head)
		for _, it := range s.items {
			if it.kind != kind.kind {
				continue
			}
			switch it.kind {
			case "topic":
				fmt.Fprintf(&b, "- **%s**: %s\n", it.title, it.evidence)
			case "action":
				fmt.Fprintf(&b, "- %s (%s, by %s): %s\n", it.title, it.owner, nullDate(it.due), it.target)
			default:
				fmt.Fprintf(&b, "- %s\n", it.title)
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "If the targets are met, the relationship continues on the current terms. If not, %s of the %s applies.\n",
		p.c.TerminationClause, p.c.AgreementName)
	return b.String()
}

func nullDate(t time.Time) string {
	if t.IsZero() {
		return "a date to be agreed"
	}
	return store.Date(t)
}

// checklistStep is one step of the offboarding checklist, in the order of
// the termination workflow (seeds 001, 002: data handoff, final invoice,
// confidentiality and disposal), with its due date from the notice.
type checklistStep struct {
	key, title string
	due        func(sent, effective, retention time.Time) time.Time
}

var checklistSteps = []checklistStep{
	{"confirm_notice", "Confirm notice and termination date in writing",
		func(s, e, r time.Time) time.Time { return s.AddDate(0, 0, 2) }},
	{"handover_scope", "Agree the handover scope with the client or the incoming provider",
		func(s, e, r time.Time) time.Time { return s.AddDate(0, 0, 7) }},
	{"final_invoice", "Raise and settle the final invoice (before access is removed)",
		func(s, e, r time.Time) time.Time { return e.AddDate(0, 0, -5) }},
	{"documentation", "Export and hand over documentation, password vaults and backup encryption keys",
		func(s, e, r time.Time) time.Time { return e.AddDate(0, 0, -3) }},
	{"credentials", "Hand over credentials securely and confirm receipt",
		func(s, e, r time.Time) time.Time { return e.AddDate(0, 0, -1) }},
	{"remove_agents", "Remove monitoring, endpoint-protection and remote-access agents",
		func(s, e, r time.Time) time.Time { return e }},
	{"licences", "Release or transfer licences, domains, DNS and vendor accounts",
		func(s, e, r time.Time) time.Time { return e }},
	{"backup_retention", "Agree backup retention and the destruction date",
		func(s, e, r time.Time) time.Time { return e }},
	{"revoke_access", "Revoke all remaining access and delegated permissions",
		func(s, e, r time.Time) time.Time { return e }},
	{"archive", "Archive the record",
		func(s, e, r time.Time) time.Time { return r }},
}

// stepDone says how a checklist step stands: done on a date (zero when
// open), by whom, with what exception.
type stepDone struct {
	on            time.Time
	by, exception string
}

// termination writes the notice letter, the termination row and the
// checklist, and moves the client to notice.
func (g *gen) termination(id int64, p *profile, sent time.Time, noticeDays int, reason string,
	done func(i int, due time.Time) stepDone) error {
	effective := sent.AddDate(0, 0, noticeDays)
	retention := effective.AddDate(0, 0, 30)
	c := p.c
	if p.prior != nil {
		c = *p.prior
	}
	letter := letterMarkdown(c, sent, effective, retention, noticeDays)
	doc, err := store.RecordDocument(g.ctx, g.tx, store.Document{ClientID: id, Kind: "termination",
		Title: "Notice of termination of " + c.AgreementName, Markdown: letter, Sent: true,
		ExportedPath: "exports/" + slug(p.c.Name) + "-termination-" + store.Date(sent) + ".md", CreatedAt: sent})
	if err != nil {
		return err
	}
	if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO terminations (client_id, document_id, sent_on, notice_days,
        effective_on, retention_until, delivery, created_at) VALUES (?, ?, ?, ?, ?, ?, 'email', ?)`,
		id, doc, store.Date(sent), noticeDays, store.Date(effective), store.Date(retention),
		store.Timestamp(sent)); err != nil {
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
	if err := store.SetStatus(g.ctx, g.tx, id, store.StatusNotice, reason, sentAt); err != nil {
		return err
	}
	for i, st := range checklistSteps {
		due := st.due(sent, effective, retention)
		d := done(i, due)
		if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO checklist_steps (client_id, position, step_key, title, due_on,
            done_on, signed_off_by, exception_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i+1, st.key, st.title,
			store.Date(due), nullTime(d.on, store.Date), d.by, d.exception); err != nil {
			return fmt.Errorf("checklist: %w", err)
		}
	}
	return nil
}

func letterMarkdown(c store.Client, sent, effective, retention time.Time, noticeDays int) string {
	long := "Monday 2 January 2006"
	return fmt.Sprintf(`# Notice of termination of %[1]s dated %[2]s

%[3]s

%[4]s
%[5]s

Dear %[6]s,

Thank you for the years we have worked together. In accordance with %[7]s of the %[1]s, we give you %[8]d days' written notice that we will end our services. The termination takes effect on **%[9]s**.

Until then, every service continues as agreed. Before the effective date we will:

1. export your data and backups and deliver them to you or your new provider;
2. hand over administrator credentials, documentation and password vaults in full, and confirm receipt with you;
3. transfer licences, domains, DNS and vendor accounts to you;
4. remove our monitoring and remote-access agents and revoke our access on the effective date; please make sure your new provider is ready, as your machines will stop receiving updates and protection from us.

We will keep your backups until %[10]s and then dispose of them securely; a certificate of destruction is available on request. Our confidentiality obligations continue after termination. We would be glad to brief your incoming provider.

Yours sincerely,

%[11]s
%[12]s, %[13]s
`, c.AgreementName, store.Date(c.AgreementSigned), sent.Format(long), c.Name, c.Address,
		c.ContactName, c.TerminationClause, noticeDays, effective.Format(long), retention.Format(long),
		ownerName, ownerTitle, companyName)
}

// postmortem keeps the owner's lessons for a client let go (seed 002: take
// stock of how you got there).
func (g *gen) postmortem(id int64, at time.Time, lessons string) error {
	_, err := g.tx.ExecContext(g.ctx, "INSERT INTO postmortems (client_id, lessons, updated_at) VALUES (?, ?, ?)",
		id, lessons, store.Timestamp(at))
	return err
}
