package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
	"offboard/textsafe"
)

// The review's three outcomes, as the plan's status after it.
const (
	reviewResolve = string(scoring.PlanResolved)
	reviewExtend  = string(scoring.PlanExtended)
	reviewFail    = string(scoring.PlanFailed)
)

// PlanReview is the review of an open plan: the figures before and since,
// then close as resolved, extend to a new date, or mark failed, with a
// note for the record.
type PlanReview struct {
	c      *Common
	client store.Client
	plan   casefile.Plan
	cmp    casefile.PlanComparison
	// review holds the client's zone and our calendar the new review date
	// is read in and moved onto a working day of.
	review casefile.ReviewSetting
	// moved is the new review date last moved off a closed day, from
	// which day and why.
	moved  movedDay
	fields form
	// choice, date and note are what the fields edit.
	choice, date, note string
	width, height      int
}

type planReviewedMsg struct {
	outcome string
	// review is the new review date recorded when extending.
	review casefile.ReviewDay
	err    error
}

// newPlanReview opens the review of plan; review is what its dates are read
// with, and the extension it suggests (casefile.Desk.OpenReview).
func newPlanReview(c *Common, client store.Client, plan casefile.Plan, cmp casefile.PlanComparison, review casefile.ReviewSetting) *PlanReview {
	review.Zone = zoneOr(review.Zone)
	m := &PlanReview{c: c, client: client, plan: plan, cmp: cmp, review: review}
	if s := review.Suggested; !s.Day.IsZero() {
		m.date = store.Date(s.Day)
		m.moved = movedDay{to: m.date, from: store.Date(s.Typed), why: s.Moved}
	}
	open, total := 0, 0
	for _, a := range plan.Actions() {
		total++
		if !a.Done() {
			open++
		}
	}
	var why string
	m.choice, why = suggestedReview(open, total, cmp.Improved(), cmp.Worse(), len(cmp.Metrics))
	get, set := bind(&m.choice)
	choice := &field{kind: fieldChoice, label: "Outcome", get: get, set: set, row: -1, options: []option{
		{reviewResolve, "close as resolved"}, {reviewExtend, "extend"}, {reviewFail, "mark failed"}}}
	confirm := &field{kind: fieldButton, label: "Record the review", row: -1, get: get, press: m.record}
	m.fields.load(grouped("Decision", why, -1,
		choice,
		reviewDayLine("New review date", "when extending, on a working day: "+dateHelp, &m.date, c.Now, review.Zone, review.Calendar, &m.moved),
		text("Note", "what the figures and the client's actions show", &m.note),
		confirm), 0, 60, c.Theme)
	return m
}

// suggestedReview is the outcome a review starts on, with the sentence
// that says why: a plan is closed as resolved only when every action is
// done and the figures did not get worse overall; with actions open it is
// extended to give them time, or marked failed when the figures got worse
// too. The owner can choose otherwise; the reason stays on the screen.
func suggestedReview(open, actions, improved, worse, figures int) (choice, why string) {
	tally := fmt.Sprintf("%d improved, %d worse of %d figures", improved, worse, figures)
	done := fmt.Sprintf("%d of %d actions done", actions-open, actions)
	switch {
	case open > 0 && worse > improved:
		return reviewFail, fmt.Sprintf("%s and %s: suggested, mark failed.", done, tally)
	case open > 0:
		return reviewExtend, fmt.Sprintf("%s, %s: suggested, extend to give the %s time; not resolved while any is open.",
			done, tally, plural(open, "open action"))
	case worse > improved:
		return reviewFail, fmt.Sprintf("%s, but %s: suggested, mark failed.", done, tally)
	}
	return reviewResolve, fmt.Sprintf("%s and %s: suggested, close as resolved.", done, tally)
}

// record stores the decision.
func (m *PlanReview) record() tea.Cmd {
	c, id, outcome, note, date := m.c, m.plan.ID, m.choice, m.note, m.typedDate()
	return func() tea.Msg {
		review, err := c.ReviewPlan(c.context(), id, scoring.PlanStatus(outcome), date, note)
		return planReviewedMsg{outcome: outcome, review: review, err: err}
	}
}

// typedDate is the new review date as typed: a date the field moved off a
// closed day goes to the domain as typed, so the domain moves it again and
// the record says from where, as it does for the command line.
func (m *PlanReview) typedDate() string {
	if m.moved.why != "" && m.moved.to == m.date {
		return m.moved.from
	}
	return m.date
}

// Init focuses the decision.
func (m *PlanReview) Init() tea.Cmd { return nil }

// Title names the screen.
func (m *PlanReview) Title() string { return "Review" }

// Capturing is true: the note takes free text.
func (m *PlanReview) Capturing() bool { return true }

// SetSize sets the drawing area.
func (m *PlanReview) SetSize(w, h int) {
	m.width, m.height = w, h
	m.fields.resize(max(min(w-4, 96), 20))
}

// ShortHelp lists the review's keys.
func (m *PlanReview) ShortHelp() []key.Binding {
	k := m.c.Keys
	help := m.fields.moveHelp(k, "record")
	// ? is typed into the form, so the line itself says how to choose.
	if len(m.fields.fields) > 0 && m.fields.focused().kind == fieldChoice {
		choose := k.Toggle
		choose.SetHelp("space", "choose")
		help = append(help, choose)
	}
	return help
}

// FullHelp lists the review's keys.
func (m *PlanReview) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// Update moves between the fields and records the decision.
func (m *PlanReview) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k := m.c.Keys
	switch msg := msg.(type) {
	case planReviewedMsg:
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		return m, tea.Sequence(Pop, func() tea.Msg { return DataChangedMsg{} }, Notify(reviewedWords(msg)))
	case tea.KeyMsg:
		if key.Matches(msg, k.Back) {
			return m, Pop
		}
		_, _, cmd := m.fields.key(msg, k)
		return m, cmd
	}
	return m, m.fields.updateWidget(msg)
}

// reviewedWords is what the status line says once the review is recorded:
// an extension names the new review date, and why it is not the day typed.
func reviewedWords(msg planReviewedMsg) string {
	switch msg.outcome {
	case reviewResolve:
		return "Plan closed as resolved."
	case reviewFail:
		return "Plan marked failed: scoring now recommends offboarding."
	}
	words := "Review extended to " + letters.FormatDate(msg.review.Day)
	if msg.review.Moved != "" {
		words += ", " + msg.review.Moved
	}
	return words + "."
}

// View draws the figures and the decision form.
func (m *PlanReview) View() string {
	head := []string{m.c.Theme.Heading.Render(fmt.Sprintf("Review of the plan agreed on %s with %s",
		store.Date(m.plan.Meeting.In(m.review.Zone)), textsafe.Line(m.client.Name))), "", comparisonView(m.c.Theme, m.cmp, nil, m.width)}
	return m.fields.view(m.c.Theme, m.width, m.height, head)
}
