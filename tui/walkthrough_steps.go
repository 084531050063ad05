package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// stepFields builds the fields of the current step, bound to m.form.
func (m *Walkthrough) stepFields() []*field {
	switch m.form.Step {
	case casefile.StepPrepare:
		return m.prepareFields()
	case casefile.StepNotes:
		return m.notesFields()
	case casefile.StepActions:
		return m.actionFields()
	case casefile.StepTerms:
		return m.termsFields()
	default:
		return m.outcomeFields()
	}
}

// bind makes a get/set pair over a string the form owns.
func bind(p *string) (func() string, func(string)) {
	return func() string { return *p }, func(v string) { *p = v }
}

// bindBool makes a toggle's get/set pair over a bool the form owns.
func bindBool(p *bool) (func() string, func(string)) {
	return func() string {
			if *p {
				return toggleOn
			}
			return ""
		}, func(v string) {
			*p = v == toggleOn
		}
}

// dateField is a date field of the walkthrough, read in the client's zone
// as finishing reads it.
func (m *Walkthrough) dateField(label, hint string, p *string, withTime bool) *field {
	return dateLine(label, hint, p, m.c.Now, m.zone, withTime)
}

// reviewField is the review date of the plan, on a working day (see
// reviewDayLine).
func (m *Walkthrough) reviewField(p *string) *field {
	return reviewDayLine("Review date", fmt.Sprintf("%d days after the meeting, on a working day, by default", casefile.ReviewAfterDays),
		p, m.c.Now, m.zone, m.cal, &m.reviewMoved)
}

func line(label, hint string, p *string) *field {
	get, set := bind(p)
	return &field{kind: fieldLine, label: label, hint: hint, get: get, set: set, row: -1}
}

func text(label, hint string, p *string) *field {
	get, set := bind(p)
	return &field{kind: fieldText, label: label, hint: hint, get: get, set: set, row: -1}
}

func toggle(label, hint string, p *bool) *field {
	get, set := bindBool(p)
	return &field{kind: fieldToggle, label: label, hint: hint, get: get, set: set, row: -1}
}

// grouped sets the heading and note of the first field of a run and the
// row of all of them.
func grouped(group, note string, row int, fs ...*field) []*field {
	for _, f := range fs {
		f.row = row
	}
	fs[0].group, fs[0].note = group, note
	return fs
}

func (m *Walkthrough) prepareFields() []*field {
	p := &m.form.Prepare
	// Seed 004: set a meeting to discuss the challenges, and include
	// everyone who contributes to the issues at hand.
	fs := grouped("Meeting", "Meet to discuss the challenges and see if there is a way to resolve them.", -1,
		m.dateField("Date and time", "a day and time: 2026-12-10 10:00, next tue 14:00", &p.MeetingDate, true),
		line("Place", "office, or the video-call link", &p.Place))
	fs = append(fs, grouped("People", "Include everyone who contributes to the issues at hand, on both sides.", -1,
		text("Our attendees", "one per line: Name, Role", &p.OurAttendees),
		text("Client attendees", "one per line: Name, Role", &p.ClientAttendees),
		text("Our contributors", "people on our side who contribute to the problem, attending or not", &p.Contributors))...)
	for i := range m.form.Topics {
		t := &m.form.Topics[i]
		fs = append(fs, grouped(fmt.Sprintf("Agenda topic %d of %d", i+1, len(m.form.Topics)), measuresNote(t), i,
			line("Topic", "in neutral words, e.g. Invoice payment times", &t.Title),
			text("Evidence", "the numbers behind it", &t.Evidence),
			line("For discussion", "what we would like to understand or agree", &t.Question))...)
	}
	if len(m.form.Topics) == 0 {
		fs[len(fs)-1].note += "\nNo agenda topics yet: ctrl+t adds one."
	}
	return fs
}

// measuresNote lists a topic's numbers beside their normal ranges, like a
// blood test (seed 002).
func measuresNote(t *casefile.TopicForm) string {
	var lines []string
	for _, ms := range t.Measures {
		l := ms.Name + ": " + ms.Value
		if ms.Normal != "" {
			l += " (normal " + ms.Normal + ")"
		}
		lines = append(lines, l)
	}
	for _, e := range t.Examples {
		lines = append(lines, e.Date+": "+e.Text)
	}
	return strings.Join(lines, "\n")
}

func (m *Walkthrough) notesFields() []*field {
	var fs []*field
	for i := range m.form.Topics {
		t := &m.form.Topics[i]
		title := strings.TrimSpace(t.Title)
		if title == "" {
			title = "(untitled topic)"
		}
		fs = append(fs, grouped(fmt.Sprintf("Topic %d of %d · %s", i+1, len(m.form.Topics), title), t.Evidence, i,
			text("What the client said", "their view, in their words", &t.ClientSaid),
			text("What we will change ourselves", "something we will do, or stop doing", &t.WeChange),
			line("Measurable goal", goalHint(t.FlagID), &t.Goal))...)
	}
	if len(fs) == 0 {
		return []*field{{kind: fieldButton, label: "Back to the agenda", row: -1, group: "No agenda topics",
			note: "Add the topics in step 1 first.", get: func() string { return "" },
			press: func() tea.Cmd { return m.goStep(casefile.StepPrepare) }}}
	}
	return fs
}

// goalHint suggests a measurable goal for a red flag (issue text and seeds
// 000, 001, 003).
func goalHint(flag string) string {
	switch flag {
	case "late_payment":
		return "e.g. every invoice paid within 30 days of issue"
	case "security":
		return "e.g. MFA on 100% of user accounts by a date"
	case "after_hours":
		return "e.g. after-hours calls only through the emergency line"
	case "scope_creep":
		return "e.g. out-of-scope work quoted before it starts"
	case "resource_drain":
		return "e.g. under 1.5 support hours per seat per month"
	}
	return "how both sides will know it is fixed"
}

func (m *Walkthrough) actionFields() []*field {
	if len(m.form.Actions) == 0 {
		m.form.Actions = append(m.form.Actions, casefile.ActionForm{Owner: string(casefile.SideClient)})
	}
	var fs []*field
	owners := []option{{string(casefile.SideUs), "us"}, {string(casefile.SideClient), "client"}}
	for i := range m.form.Actions {
		a := &m.form.Actions[i]
		get, set := bind(&a.Owner)
		owner := &field{kind: fieldChoice, label: "Owner", options: owners, get: get, set: set}
		fs = append(fs, grouped(fmt.Sprintf("Action %d of %d", i+1, len(m.form.Actions)), "", i,
			owner,
			line("Person", "the named person responsible", &a.Person),
			line("Action", "what will be done", &a.What),
			m.dateField("Due", dateHelp, &a.Due, false),
			line("Target", "measurable: invoices paid within 30 days of issue", &a.Target))...)
	}
	return append(fs, grouped("Support", "What we will provide to help the plan succeed.", -1,
		text("Support we will provide", "one per line", &m.form.Support))...)
}

func (m *Walkthrough) termsFields() []*field {
	t := &m.form.Terms
	// Seed 003: clear expectations in the agreement; autopay as the standard.
	fs := grouped("Payment", "Make autopay the standard.", -1,
		toggle("Autopay", "invoices paid by automatic collection", &t.Autopay),
		m.dateField("Autopay from", dateHelp, &t.AutopayFrom, false))
	fs = append(fs, grouped("Scope", "Set clear expectations: restate the scope of work the agreement sets.", -1,
		toggle("Restate the scope", "", &t.RestateScope),
		text("Scope of work", "as the agreement states it", &t.Scope))...)
	return append(fs, grouped("Price", priceNote(*t), -1,
		toggle("Change the monthly fee", "", &t.PriceChange),
		line("New monthly fee", "e.g. 4,800.00", &t.NewPrice),
		m.dateField("From", dateHelp, &t.PriceFrom, false))...)
}

// priceNote puts the fee and the break-even fee from scoring beside the
// price change, so a new price is argued from a number.
func priceNote(t casefile.TermsForm) string {
	var parts []string
	if t.CurrentMinor > 0 {
		parts = append(parts, "Current fee "+casefile.FormatMinor(t.CurrentMinor, t.Currency))
	}
	if t.BreakEvenMinor > 0 {
		parts = append(parts, "break-even "+casefile.FormatMinor(t.BreakEvenMinor, t.Currency)+" at the target margin")
	}
	note := strings.Join(parts, " · ")
	if t.WhatIf != "" {
		note += "\n" + t.WhatIf
	}
	return note
}

func (m *Walkthrough) outcomeFields() []*field {
	o := &m.form.Outcome
	if o.ReviewDate == "" {
		if t, err := casefile.ParseMeeting(m.form.Prepare.MeetingDate, m.zone); err == nil {
			day, moved := casefile.SuggestReview(m.cal, t)
			o.ReviewDate = store.Date(day)
			m.reviewMoved.to, m.reviewMoved.why = o.ReviewDate, moved
		}
	}
	get, set := bind(&o.Result)
	result := &field{kind: fieldChoice, label: "Result", get: get, set: set, options: []option{
		{"", "not yet"}, {string(scoring.PlanAgreed), "agreed"}, {string(scoring.PlanPartlyAgreed), "partly agreed"},
		{string(scoring.PlanRefused), "refused"}}}
	finish := &field{kind: fieldButton, label: "Finish and record the plan", get: func() string { return "" },
		press: m.finish}
	// Seed 004: if there is no resolution, thank the client and fulfil the
	// contract.
	note := "If there is no resolution, thank the client and fulfil the contract."
	if future := m.form.UnheldMeeting(m.c.Now(), m.zone); future != nil {
		note = "The meeting " + future.Msg + "." + "\n" + note
	}
	return grouped("Outcome", note, -1,
		result,
		m.reviewField(&o.ReviewDate),
		text("Note", "what was agreed, or why not", &o.Note),
		finish)
}
