package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// planByDays is how many working days after the meeting the agenda
// promises the written plan.
const planByDays = 3

// planDays is the length of a plan's timeline: 30/60/90 days.
const planDays = 90

// PlanDocs are the inputs of a plan's two documents, the meeting agenda and
// the written plan (seed 004), built from the walkthrough as typed.
type PlanDocs struct {
	PlanID int64
	Client store.Client
	Agenda letters.AgendaInput
	Plan   letters.PlanInput
}

// Render writes the document of the given kind: letters.KindAgenda or
// letters.KindRemediationPlan.
func (d PlanDocs) Render(r *letters.Renderer, kind letters.Kind) (string, error) {
	if kind == letters.KindAgenda {
		return r.Agenda(d.Agenda)
	}
	return r.RemediationPlan(d.Plan)
}

// PlanDocuments loads a plan, its client and our company and returns the
// inputs of its agenda and written plan, issued today. Fields typed
// wrongly are left empty, so the documents show them as missing rather
// than failing to preview.
func (d *Desk) PlanDocuments(ctx context.Context, planID int64) (PlanDocs, error) {
	p, err := d.Plan(ctx, planID)
	if err != nil {
		return PlanDocs{}, err
	}
	c, err := d.Store.Client(ctx, p.ClientID)
	if err != nil {
		return PlanDocs{}, err
	}
	our, err := d.OurCompany(ctx)
	if err != nil {
		return PlanDocs{}, err
	}
	setup, err := d.Setup(ctx)
	if err != nil {
		return PlanDocs{}, err
	}
	zone := ClientZone(c, setup.Config)
	form := p.documentForm(zone)
	agenda, plan := planInputs(form, c, our, d.Store.Now(), zone, setup.Config.Calendar)
	plan.Proposed = p.Status == scoring.PlanDraft || p.Status == scoring.PlanRefused
	if !p.ReviewOn.IsZero() && !plan.Start.IsZero() {
		// The review as the record holds it now: an extension moves it.
		plan.ReviewOn = p.ReviewOn
	}
	if err := d.measure(ctx, p, setup.Config, namedTopics(form.Topics), agenda.Meeting, &plan); err != nil {
		return PlanDocs{}, err
	}
	return PlanDocs{PlanID: planID, Client: c, Agenda: agenda, Plan: plan}, nil
}

// documentForm is what the documents are drawn from: the walkthrough as
// typed or, for a plan recorded without one (written by another tool, or
// the demo), a form rebuilt from its rows. A rebuilt form has no figures
// beside the evidence and no standard terms, which the rows do not keep in
// a form the documents can use.
func (p Plan) documentForm(zone *time.Location) PlanForm {
	if len(p.Form.Topics) > 0 || len(p.Items) == 0 {
		return p.Form
	}
	f := NewPlanForm()
	f.Prepare = PrepareForm{Place: p.MeetingPlace, OurAttendees: p.AttendeesOurs,
		ClientAttendees: p.AttendeesTheirs, Contributors: p.Contributors}
	if !p.Meeting.IsZero() {
		f.Prepare.MeetingDate = p.Meeting.In(zone).Format(WhenLayout)
	}
	if !p.ReviewOn.IsZero() {
		f.Outcome.ReviewDate = store.Date(p.ReviewOn)
	}
	f.Outcome.Result, f.Outcome.Note = string(p.Status), p.OutcomeNote
	if !p.Meeting.IsZero() {
		// The rows do not say when the plan was written: the day after
		// the meeting, as the agenda promises.
		f.Finished = store.Date(p.Meeting.In(zone).AddDate(0, 0, 1))
	}
	for _, it := range p.Items {
		switch it.Kind {
		case store.ItemTopic:
			f.Topics = append(f.Topics, TopicForm{FlagID: it.FlagID, Title: it.Title, Evidence: it.Evidence,
				ClientSaid: it.ClientSaid, WeChange: it.WeChange, Goal: it.Target})
		case store.ItemAction:
			a := ActionForm{Owner: it.OwnerSide, Person: it.OwnerName, What: it.Title, Target: it.Target}
			if !it.Due.IsZero() {
				a.Due = store.Date(it.Due)
			}
			f.Actions = append(f.Actions, a)
		}
	}
	return f
}

// planInputs maps the walkthrough onto the letters' inputs, the meeting's
// time read in zone and dated on the working days of cal: the plan is
// promised, and issued, on one.
func planInputs(f PlanForm, c store.Client, our letters.Company, issued time.Time, zone *time.Location, cal calendar.Calendar) (letters.AgendaInput, letters.PlanInput) {
	client := letters.Client{Name: c.Name, ContactName: c.ContactName, ContactEmail: c.ContactEmail, Address: c.Address,
		ContactTitle: roleOf(ParsePeople(f.Prepare.ClientAttendees), c.ContactName)}
	meeting, _ := ParseMeeting(f.Prepare.MeetingDate, zone)
	agenda := letters.AgendaInput{
		Our:             our,
		Client:          client,
		Meeting:         meeting,
		TimeZone:        zone,
		Place:           f.Prepare.Place,
		OurAttendees:    ParsePeople(f.Prepare.OurAttendees),
		ClientAttendees: ParsePeople(f.Prepare.ClientAttendees),
		Contributors:    ParsePeople(f.Prepare.Contributors),
	}
	if !meeting.IsZero() {
		agenda.PlanBy = cal.AddWorkingDays(meeting, planByDays)
	}
	plan := letters.PlanInput{
		Our:    our,
		Client: client,
		Agreement: letters.Agreement{Name: c.AgreementName, Signed: c.AgreementSigned,
			TerminationClause: c.TerminationClause, NoticeDays: c.NoticeDays},
		Issued:      cal.NextWorkingDay(issuedOn(f, issued)),
		Calendar:    cal,
		MeetingHeld: meeting,
		Start:       planStart(meeting),
		Support:     Lines(f.Support),
		Terms:       planTerms(f.Terms, c),
	}
	if r, err := ParseDay(f.Outcome.ReviewDate); err == nil && !plan.Start.IsZero() {
		plan.ReviewOn = r
	}
	for _, t := range namedTopics(f.Topics) {
		addTopic(&agenda, &plan, t)
	}
	plan.Actions = planActions(f.Actions)
	return agenda, plan
}

// addTopic puts one agenda topic on the agenda and, with its dated
// examples, among the written plan's gaps, and adds what we change.
func addTopic(agenda *letters.AgendaInput, plan *letters.PlanInput, t TopicForm) {
	measures := make([]letters.Measure, len(t.Measures))
	for i, m := range t.Measures {
		measures[i] = letters.Measure(m)
	}
	summary := strings.Join(Lines(t.Evidence), " ")
	agenda.Topics = append(agenda.Topics, letters.AgendaTopic{Title: t.Title, Summary: summary, Evidence: measures,
		Question: t.Question})
	gap := letters.PlanGap{Title: t.Title, Summary: summary, Evidence: measures, Goal: t.Goal}
	for _, e := range t.Examples {
		d, _ := ParseDay(e.Date)
		gap.Examples = append(gap.Examples, letters.DatedNote{Date: d, Text: e.Text})
	}
	plan.Gaps = append(plan.Gaps, gap)
	plan.OurChanges = append(plan.OurChanges, Lines(t.WeChange)...)
}

// planActions are the actions typed, blank rows left out.
func planActions(typed []ActionForm) []letters.PlanAction {
	var out []letters.PlanAction
	for _, a := range typed {
		if a.blank() {
			continue
		}
		due, _ := ParseDay(a.Due)
		side := letters.SideUs
		if Side(a.Owner) == SideClient {
			side = letters.SideClient
		}
		out = append(out, letters.PlanAction{Side: side, Person: a.Person, What: a.What, Due: due, Target: a.Target})
	}
	return out
}

// issuedOn is the day a plan is dated: the day its outcome was recorded,
// or today while it is a draft.
func issuedOn(f PlanForm, today time.Time) time.Time {
	if d, err := ParseDay(f.Finished); err == nil {
		return d
	}
	return today
}

// planStart is day 1 of the 90-day timeline: the day after the meeting.
// It depends on nothing a later decision changes, so an extension, which
// moves the review, never moves an agreed action before the plan's start.
func planStart(meeting time.Time) time.Time {
	if meeting.IsZero() {
		return time.Time{}
	}
	return letters.AddDays(meeting, 1)
}

// namedTopics are the topics that have a title: the plan's gaps, in order.
func namedTopics(topics []TopicForm) []TopicForm {
	var out []TopicForm
	for _, t := range topics {
		if !isBlank(t.Title) {
			out = append(out, t)
		}
	}
	return out
}

// roleOf is the role under which name attended, for the client's
// signature row; "" when they did not.
func roleOf(attendees []letters.Person, name string) string {
	for _, a := range attendees {
		if strings.EqualFold(a.Name, strings.TrimSpace(name)) {
			return a.Role
		}
	}
	return ""
}

func planTerms(t TermsForm, c store.Client) letters.PlanTerms {
	out := letters.PlanTerms{Autopay: t.Autopay}
	if t.Autopay {
		out.AutopayFrom, _ = ParseDay(t.AutopayFrom)
	}
	if t.RestateScope {
		out.Scope = t.Scope
	}
	if t.PriceChange {
		currency := t.Currency
		if currency == "" {
			currency = c.Currency
		}
		proposed, _ := ParseMinor(t.NewPrice)
		from, _ := ParseDay(t.PriceFrom)
		current := t.CurrentMinor
		if current == 0 {
			current = c.MRRMinor
		}
		out.Price = &letters.PriceChange{
			Current:   money.Money{Minor: current, Currency: currency},
			Proposed:  money.Money{Minor: proposed, Currency: currency},
			BreakEven: money.Money{Minor: t.BreakEvenMinor, Currency: currency},
			Period:    "month",
			From:      from,
		}
	}
	return out
}

// EditKey names the owner's kept edit of one of a plan's documents.
func EditKey(kind letters.Kind, planID int64) string { return fmt.Sprintf("%s#%d", kind, planID) }

// PlanMarkdown returns one of a plan's documents: the owner's kept edit if
// there is one (edited is true), otherwise the document generated by r.
func (d *Desk) PlanMarkdown(ctx context.Context, planID int64, kind letters.Kind, r *letters.Renderer) (md string, edited bool, err error) {
	p, err := d.Plan(ctx, planID)
	if err != nil {
		return "", false, err
	}
	if md, ok, err := d.Store.EditedDocument(ctx, p.ClientID, EditKey(kind, planID)); err != nil || ok {
		return md, ok, err
	}
	docs, err := d.PlanDocuments(ctx, planID)
	if err != nil {
		return "", false, err
	}
	md, err = docs.Render(r, kind)
	return md, false, err
}

// PlanDocument is the record of one of a plan's documents, ready for
// RecordExport once its ExportedPath is set.
func PlanDocument(clientID, planID int64, kind letters.Kind, markdown string) store.Document {
	d := store.Document{ClientID: clientID, PlanID: planID, Markdown: markdown, Kind: "plan", Title: "Remediation plan"}
	if kind == letters.KindAgenda {
		d.Kind, d.Title = "agenda", "Remediation meeting agenda"
	}
	return d
}

// ExportPlanDocument writes one of a plan's documents to path and records
// it, with its hash, in the communications log; an empty path is the
// default export path for the client's document of that kind, today. It
// returns the document as exported.
//
// A written plan is refused while a date, owner or target is missing: the
// plan's own, or, for an edit the owner kept, a marker still in the text.
// The error names every missing part and its item on one line.
func (d *Desk) ExportPlanDocument(ctx context.Context, client store.Client, planID int64, kind letters.Kind, markdown, path string) (store.Document, error) {
	if kind == letters.KindRemediationPlan {
		if err := d.planReady(ctx, client, planID, markdown); err != nil {
			return store.Document{}, err
		}
	}
	doc := PlanDocument(client.ID, planID, kind, markdown)
	if path == "" {
		path = letters.DefaultExportPath(kind, client.Name, d.Store.Now())
	}
	doc.ExportedPath = path
	return doc, d.Export(ctx, doc, path)
}

// planReady refuses a written plan that lacks a part it must have.
func (d *Desk) planReady(ctx context.Context, client store.Client, planID int64, markdown string) error {
	_, edited, err := d.Store.EditedDocument(ctx, client.ID, EditKey(letters.KindRemediationPlan, planID))
	if err != nil {
		return err
	}
	item := "the edited plan"
	if !edited {
		docs, err := d.PlanDocuments(ctx, planID)
		if err != nil {
			return err
		}
		if err := docs.Plan.Complete(); err != nil {
			return err
		}
		// Anything else left blank, such as our signatory's title, is
		// marked in the text.
		item = "the plan"
	}
	if gaps := letters.Gaps(markdown); len(gaps) > 0 {
		return &letters.IncompleteError{Client: client.Name, Missing: []letters.MissingField{
			{Item: item, Field: strings.Join(gaps, ", ")}}}
	}
	return nil
}
