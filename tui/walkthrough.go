package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/calendar"
	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
	"offboard/textsafe"
)

// saveDelay is how long typing must pause before the form is saved. Tests
// set it to zero so saves run at once.
var saveDelay = 400 * time.Millisecond

// Walkthrough is the remediation meeting and plan as a five-step form
// (seeds 003, 004): prepare, meeting notes, agreed actions, terms,
// outcome. Every step can be skipped and revisited; what is typed is saved
// as the owner types, so a closed terminal loses nothing and reopening
// resumes on the same step.
type Walkthrough struct {
	c      *Common
	client store.Client
	// zone is the zone the meeting's time is typed in, and cal the
	// calendar the review date falls on (see casefile.RemediationCase).
	zone *time.Location
	cal  calendar.Calendar
	// reviewMoved is the review date last moved off a closed day, and why,
	// for the field to keep saying so.
	reviewMoved movedDay
	planID      int64
	form        casefile.PlanForm
	// savedSeq is the form.Seq last confirmed saved.
	savedSeq int64
	fields   form
	width    int
	height   int
	// problems are what stopped the last attempt to finish.
	problems casefile.FormErrors
}

// saveTickMsg fires saveDelay after a change; seq says which change.
type saveTickMsg struct {
	plan int64
	seq  int64
}

// formSavedMsg reports a save of the form up to seq.
type formSavedMsg struct {
	plan int64
	seq  int64
	err  error
}

// planFinishedMsg reports the end of the walkthrough.
type planFinishedMsg struct {
	plan casefile.Plan
	err  error
}

// newWalkthrough opens the walkthrough on the case's stored draft, on the
// step it was left at.
func newWalkthrough(c *Common, rc casefile.RemediationCase) *Walkthrough {
	draft := rc.Draft
	m := &Walkthrough{c: c, client: rc.Client, zone: zoneOr(rc.Zone), cal: rc.Calendar, planID: draft.ID, form: draft.Form,
		savedSeq: draft.Form.Seq}
	if m.form.Step < 0 || m.form.Step >= casefile.NumSteps {
		m.form.Step = casefile.StepPrepare
	}
	m.form.Visited |= 1 << m.form.Step
	m.fields.load(m.stepFields(), 0, m.fieldWidth(), c.Theme)
	return m
}

func (m *Walkthrough) fieldWidth() int { return max(min(m.width-4, 96), 20) }

// changed records an edit and schedules a save once typing pauses.
func (m *Walkthrough) changed() tea.Cmd {
	m.form.Seq++
	seq, plan := m.form.Seq, m.planID
	return tea.Tick(saveDelay, func(time.Time) tea.Msg { return saveTickMsg{plan: plan, seq: seq} })
}

// save returns a command writing a copy of the form as it is now.
func (m *Walkthrough) save() tea.Cmd {
	if m.savedSeq >= m.form.Seq {
		return nil
	}
	form, plan, c := m.form.Clone(), m.planID, m.c
	return func() tea.Msg {
		_, err := c.SavePlan(c.context(), plan, form)
		return formSavedMsg{plan: plan, seq: form.Seq, err: err}
	}
}

// Flush saves what the debounce has not saved yet.
func (m *Walkthrough) Flush() tea.Cmd { return m.save() }

// goStep moves to step s, keeping what was typed, with the cursor on its
// first field.
func (m *Walkthrough) goStep(s casefile.Step) tea.Cmd { return m.enterStep(s, 0) }

// enterStep moves to step s with the cursor on field focus; a negative
// focus counts from the end.
func (m *Walkthrough) enterStep(s casefile.Step, focus int) tea.Cmd {
	if s < 0 || s >= casefile.NumSteps {
		return nil
	}
	m.form.Step = s
	m.form.Visited |= 1 << s
	fields := m.stepFields()
	if focus < 0 {
		focus += len(fields)
	}
	return tea.Batch(m.fields.load(fields, focus, m.fieldWidth(), m.c.Theme), m.changed())
}

// addRow adds an agenda topic in the first step or an action in the
// third, and focuses it.
func (m *Walkthrough) addRow() tea.Cmd {
	switch m.form.Step {
	case casefile.StepPrepare:
		m.form.Topics = append(m.form.Topics, casefile.TopicForm{})
	case casefile.StepActions:
		m.form.Actions = append(m.form.Actions, casefile.ActionForm{Owner: string(casefile.SideClient)})
	default:
		return nil
	}
	row := len(m.form.Topics) - 1
	if m.form.Step == casefile.StepActions {
		row = len(m.form.Actions) - 1
	}
	first := 0
	for i, f := range m.stepFields() {
		if f.row == row {
			first = i
			break
		}
	}
	return m.enterStep(m.form.Step, first)
}

// removeRow removes the topic or action the focused field belongs to.
func (m *Walkthrough) removeRow() tea.Cmd {
	row := m.fields.focused().row
	if row < 0 {
		return nil
	}
	switch m.form.Step {
	case casefile.StepPrepare:
		m.form.Topics = append(m.form.Topics[:row], m.form.Topics[row+1:]...)
	case casefile.StepActions:
		m.form.Actions = append(m.form.Actions[:row], m.form.Actions[row+1:]...)
	default:
		return nil
	}
	return m.enterStep(m.form.Step, m.fields.focus)
}

// finish saves the form and asks the store to record the outcome.
func (m *Walkthrough) finish() tea.Cmd {
	form, plan, c := m.form.Clone(), m.planID, m.c
	m.savedSeq = form.Seq
	return func() tea.Msg {
		ctx := c.context()
		if _, err := c.SavePlan(ctx, plan, form); err != nil {
			return planFinishedMsg{err: err}
		}
		p, err := c.FinishPlan(ctx, plan)
		return planFinishedMsg{plan: p, err: err}
	}
}

// Init focuses the first field.
func (m *Walkthrough) Init() tea.Cmd { return m.fields.focused().focus() }

// Title names the screen.
func (m *Walkthrough) Title() string { return "Remediation walkthrough" }

// Capturing is true: the fields take free text, so q and ? are typed.
func (m *Walkthrough) Capturing() bool { return true }

// ShortHelp lists the keys that move through the walkthrough.
//
// The fields take every printable key, so ? cannot open the full help:
// the short help names the keys of the step at hand instead, paired to fit
// a line.
func (m *Walkthrough) ShortHelp() []key.Binding {
	k := m.c.Keys
	pair := func(a, b key.Binding, keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(keys, desc))
	}
	help := append(m.fields.moveHelp(k, "next step"), pair(k.NextStep, k.PrevStep, "ctrl+n/p", "step"))
	choose := k.Toggle
	choose.SetHelp("space", "choose")
	switch m.form.Step {
	case casefile.StepPrepare, casefile.StepActions:
		help = append(help, pair(k.AddRow, k.RemoveRow, "ctrl+t/x", "add/remove row"))
		// An action's owner is a choice; nothing else on the line says how
		// to make it.
		if m.fields.focused().kind == fieldChoice {
			help = append(help, choose)
		}
	case casefile.StepTerms:
		help = append(help, k.Toggle)
	case casefile.StepOutcome:
		help = append(help, choose)
	}
	return append(help, k.Preview)
}

// FullHelp lists every key of the walkthrough.
func (m *Walkthrough) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.NextStep, k.PrevStep},
		{k.AddRow, k.RemoveRow, k.Toggle, k.Save},
		{k.Preview},
	}
}

// Update handles the walkthrough's keys and its saves.
func (m *Walkthrough) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case saveTickMsg:
		if msg.plan == m.planID && msg.seq == m.form.Seq {
			return m, m.save()
		}
	case formSavedMsg:
		if msg.plan != m.planID {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(fmt.Errorf("saving the walkthrough: %w", msg.err))
		}
		m.savedSeq = max(m.savedSeq, msg.seq)
	case planFinishedMsg:
		var fe casefile.FormErrors
		if errors.As(msg.err, &fe) {
			m.problems = fe
			return m, tea.Batch(m.goStep(fe[0].Step), Fail(fmt.Errorf("not finished: %d problems, listed on their steps", len(fe))))
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && (msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelDown) {
			cmd, _, settled := m.fields.move(map[bool]int{true: -1, false: 1}[msg.Button == tea.MouseButtonWheelUp])
			if settled {
				return m, tea.Batch(cmd, m.changed())
			}
			return m, cmd
		}
	default:
		return m, m.fields.updateWidget(msg)
	}
	return m, nil
}

func (m *Walkthrough) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return tea.Sequence(m.save(), Pop)
	case key.Matches(msg, k.NextStep):
		return m.goStep(m.form.Step + 1)
	case key.Matches(msg, k.PrevStep):
		return m.goStep(m.form.Step - 1)
	case key.Matches(msg, k.AddRow):
		return m.addRow()
	case key.Matches(msg, k.RemoveRow):
		return m.removeRow()
	case key.Matches(msg, k.Save):
		return tea.Batch(m.save(), Notify("Saved."))
	case key.Matches(msg, k.Preview):
		return tea.Sequence(m.save(), Push(newPlanPreview(m.c, m.client, m.planID, letters.KindAgenda)))
	}
	changed, edge, cmd := m.fields.key(msg, k)
	switch {
	case edge > 0 && m.form.Step < casefile.NumSteps-1:
		return m.goStep(m.form.Step + 1)
	case edge < 0 && m.form.Step > 0:
		return m.enterStep(m.form.Step-1, -1)
	case changed:
		return tea.Batch(cmd, m.changed())
	}
	return cmd
}

// SetSize gives the walkthrough its area and refits the fields.
func (m *Walkthrough) SetSize(w, h int) {
	m.width, m.height = w, h
	m.fields.resize(m.fieldWidth())
}

// stepBar shows where the owner is: "Step 2 of 5 · Meeting notes" and
// every step, marked filled (✓), current (●), begun but not filled (◐) or
// not yet seen (○). A step is ticked only when what it is for is written
// (casefile.PlanForm.Filled); the outcome of a meeting still to come is
// never filled. The glyphs carry the meaning without colour.
func (m *Walkthrough) stepBar() string {
	th := m.c.Theme
	title := th.Heading.Render(fmt.Sprintf("Step %d of %d · %s", m.form.Step+1, casefile.NumSteps, m.form.Step)) +
		th.Subtle.Render("  "+textsafe.Line(m.client.Name))
	filled := m.form.Filled(m.zone)
	filled[casefile.StepOutcome] = filled[casefile.StepOutcome] && m.form.UnheldMeeting(m.c.Now(), m.zone) == nil
	var parts []string
	for s := casefile.Step(0); s < casefile.NumSteps; s++ {
		switch {
		case s == m.form.Step:
			parts = append(parts, th.Cursor.Render("● "+s.String()))
		case filled[s] && m.form.Visited&(1<<s) != 0:
			parts = append(parts, th.Good.Render("✓ "+s.String()))
		case m.form.Visited&(1<<s) != 0:
			parts = append(parts, th.Warning.Render("◐ "+s.String()))
		default:
			parts = append(parts, th.Faint.Render("○ "+s.String()))
		}
	}
	return title + "\n" + strings.Join(parts, th.Faint.Render(" ─ "))
}

// View draws the step bar, the problems found on this step, and as many
// fields as fit, scrolled so the focused one shows.
func (m *Walkthrough) View() string {
	th := m.c.Theme
	head := []string{m.stepBar(), ""}
	for _, p := range m.problems {
		if p.Step == m.form.Step {
			head = append(head, th.Error.Render("✗ "+p.Field+" "+p.Msg))
		}
	}
	if len(head) > 2 {
		head = append(head, "")
	}
	return m.fields.view(th, m.width, m.height, head)
}
