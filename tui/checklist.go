package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/calendar"
	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
	"offboard/textsafe"
)

// ChecklistScreen is a client's offboarding checklist after notice: each
// step with its due date, overdue steps marked, ticked off with who signed
// it off, on which day and any exception. When the last step is done the
// client becomes offboarded. The finished checklist exports as a receipt;
// from here the post-mortem opens and the client can be re-engaged.
type ChecklistScreen struct {
	c      *Common
	id     int64
	req    int
	loaded bool
	client store.Client
	term   store.Termination
	steps  []store.StepRow
	signer string

	cursor int
	offset int
	prompt *Prompt
	// action is what the open prompt is for.
	action checklistAction
	width  int
	height int
}

// checklistAction is what a prompt on the checklist screen asks for.
type checklistAction int

const (
	actionSignOff checklistAction = iota
	actionReopen
	actionExport
	actionReengage
)

type checklistLoadedMsg struct {
	owner *ChecklistScreen
	req   int
	list  casefile.Checklist
	err   error
}

// checklistDoneMsg reports a change made from the checklist screen; text
// goes to the status line.
type checklistDoneMsg struct {
	owner *ChecklistScreen
	text  string
	err   error
}

// NewChecklistScreen opens the offboarding checklist of the client with id.
func NewChecklistScreen(c *Common, id int64) *ChecklistScreen {
	return &ChecklistScreen{c: c, id: id}
}

// Init loads the checklist.
func (m *ChecklistScreen) Init() tea.Cmd { return m.load() }

func (m *ChecklistScreen) load() tea.Cmd {
	m.req++
	owner, req, desk, ctx, id := m, m.req, m.c.Desk, m.c.context(), m.id
	return func() tea.Msg {
		list, err := desk.OpenChecklist(ctx, id)
		return checklistLoadedMsg{owner: owner, req: req, list: list, err: err}
	}
}

// Title names the screen.
func (m *ChecklistScreen) Title() string { return "Offboarding checklist" }

// Capturing is true while a prompt takes text.
func (m *ChecklistScreen) Capturing() bool { return m.prompt != nil }

// Asking reports whether the dialog open asks whether to throw away what
// was typed in it.
func (m *ChecklistScreen) Asking() bool { return m.prompt != nil && m.prompt.Asking() }

// SetSize sets the drawing area.
func (m *ChecklistScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.keepCursorVisible()
}

func (m *ChecklistScreen) keys() (signOff, export, postMortem, reengage key.Binding) {
	k := m.c.Keys
	signOff = rename(k.Toggle, "sign off")
	if m.cursor < len(m.steps) && m.steps[m.cursor].IsDone() {
		signOff = rename(k.Toggle, "reopen")
	}
	return signOff, rename(k.Export, "export receipt"), k.PostMortem, k.Reengage
}

// ShortHelp lists the main keys.
func (m *ChecklistScreen) ShortHelp() []key.Binding {
	if m.prompt != nil {
		return m.prompt.ShortHelp(m.c.Keys)
	}
	signOff, export, postMortem, reengage := m.keys()
	return []key.Binding{signOff, export, postMortem, reengage, m.c.Keys.Up, m.c.Keys.Down}
}

// FullHelp lists every key of the screen.
func (m *ChecklistScreen) FullHelp() [][]key.Binding {
	if m.prompt != nil {
		return nil
	}
	k := m.c.Keys
	signOff, export, postMortem, reengage := m.keys()
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {signOff, export}, {postMortem, reengage}}
}

// Update handles loading, the prompts and the keys.
func (m *ChecklistScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checklistLoadedMsg:
		if msg.owner != m || msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		l := msg.list
		m.loaded, m.client, m.term, m.steps, m.signer = true, l.Client, l.Notice, l.Steps, l.Signer
		m.cursor = min(m.cursor, max(len(m.steps)-1, 0))
		m.keepCursorVisible()
	case checklistDoneMsg:
		if msg.owner != m {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(msg.err)
		}
		return m, tea.Batch(m.load(), Notify(msg.text), func() tea.Msg { return DataChangedMsg{} })
	case DataChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		if !m.loaded {
			return m, nil
		}
		if m.prompt != nil {
			return m, m.updatePrompt(msg)
		}
		return m, m.updateKeys(msg)
	}
	if m.prompt != nil {
		_, cmd := m.prompt.Update(msg, m.c.Keys)
		return m, cmd
	}
	return m, nil
}

func (m *ChecklistScreen) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	signOff, export, postMortem, reengage := m.keys()
	today := m.c.Today()
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.steps)-1, 0))
	case key.Matches(msg, k.Top):
		m.cursor = 0
	case key.Matches(msg, k.Bottom):
		m.cursor = max(len(m.steps)-1, 0)
	case key.Matches(msg, signOff, k.Enter):
		if len(m.steps) == 0 {
			return nil
		}
		st := m.steps[m.cursor]
		if st.IsDone() {
			m.openPrompt(actionReopen, NewPrompt("Reopen “"+st.Title+"”",
				PromptField{Label: "Why", Placeholder: "signed off by mistake"}))
			return nil
		}
		m.openPrompt(actionSignOff, m.signOffPrompt(st))
	case key.Matches(msg, export):
		m.openPrompt(actionExport, NewPrompt("Export the offboarding receipt",
			PromptField{Label: "File", Value: letters.DefaultExportPath(letters.KindChecklist, m.client.Name, today)}))
	case key.Matches(msg, postMortem):
		return Push(NewPostMortemScreen(m.c, m.id))
	case key.Matches(msg, reengage):
		if err := casefile.CanReengage(m.client); err != nil {
			return Fail(err)
		}
		m.openPrompt(actionReengage, NewPrompt("Re-engage "+m.client.Name+" on new terms",
			PromptField{Label: "New terms", Placeholder: "for example: support of system functionality only, training billed separately",
				Check: required(nil, "the decisions log keeps the new terms: describe them")}))
	}
	m.keepCursorVisible()
	return nil
}

// signOffPrompt asks who signed the step off, on which day (read as any
// date field reads it, never later than today) and with which exception.
func (m *ChecklistScreen) signOffPrompt(st store.StepRow) *Prompt {
	today := m.c.Today()
	check, settle := dateInput(m.c.Now, today.Location(), false)
	onOrBefore := func(s string) (string, error) {
		note, err := required(check, "the receipt dates each sign-off: enter a day")(s)
		if err == nil {
			if d, _ := casefile.ReadDate(s, m.c.Now(), today.Location(), false); d.Time.After(today) {
				return "", fmt.Errorf("%s is after today: sign a step off once it is done", d.Echo())
			}
		}
		return note, err
	}
	return NewPrompt("Sign off “"+st.Title+"”",
		PromptField{Label: "Signed off by", Value: m.signer,
			Check: required(nil, "the receipt says who signed each step off: enter a name")},
		PromptField{Label: "On", Value: store.Date(today), Placeholder: dateHelp, Check: onOrBefore, Settle: settle},
		PromptField{Label: "Exception", Placeholder: "anything done differently (optional)"})
}

func (m *ChecklistScreen) openPrompt(a checklistAction, p *Prompt) {
	m.action, m.prompt = a, p
	m.keepCursorVisible()
}

// updatePrompt runs the action the prompt was opened for once it is
// confirmed.
func (m *ChecklistScreen) updatePrompt(msg tea.KeyMsg) tea.Cmd {
	res, cmd := m.prompt.Update(msg, m.c.Keys)
	if res == PromptOpen {
		return cmd
	}
	p := m.prompt
	m.prompt = nil
	m.keepCursorVisible()
	if res == PromptCancelled {
		return nil
	}
	switch m.action {
	case actionSignOff:
		return m.signOff(p)
	case actionReopen:
		return m.reopen(p)
	case actionExport:
		return m.exportReceipt(p)
	case actionReengage:
		return m.reengage(p)
	}
	return nil
}

// done runs a change in a command with the program's context and reports
// it, with the words for the status line.
func (m *ChecklistScreen) done(change func(ctx context.Context) (string, error)) tea.Cmd {
	owner, ctx := m, m.c.context()
	return func() tea.Msg {
		text, err := change(ctx)
		return checklistDoneMsg{owner: owner, text: text, err: err}
	}
}

// signOff ticks the selected step off as the prompt says: who, on which
// day, with which exception.
func (m *ChecklistScreen) signOff(p *Prompt) tea.Cmd {
	// The dialog confirmed only once both were read.
	step, by := m.steps[m.cursor], p.Value(0)
	on, err := time.Parse(time.DateOnly, p.Value(1))
	if err != nil {
		return Fail(fmt.Errorf("sign-off date %q: %w", p.Value(1), err))
	}
	m.signer = by
	desk, id, tick := m.c.Desk, m.id, store.Tick{By: by, On: on, Exception: p.Value(2)}
	return m.done(func(ctx context.Context) (string, error) {
		res, err := desk.SignOff(ctx, id, step.Key, tick)
		if err != nil {
			return "", err
		}
		if res.Offboarded {
			return "Every step is signed off: the client is now offboarded. Press m for the post-mortem.", nil
		}
		return "Signed off: " + step.Title, nil
	})
}

// reopen reopens the selected step, saying why.
func (m *ChecklistScreen) reopen(p *Prompt) tea.Cmd {
	desk, id, step, why := m.c.Desk, m.id, m.steps[m.cursor], p.Value(0)
	return m.done(func(ctx context.Context) (string, error) {
		return "Reopened: " + step.Title, desk.Reopen(ctx, id, step.Key, why)
	})
}

// exportReceipt writes the offboarding receipt to the file the prompt
// names and records it.
func (m *ChecklistScreen) exportReceipt(p *Prompt) tea.Cmd {
	desk, cl, path, today := m.c.Desk, m.client, p.Value(0), m.c.Today()
	return m.done(func(ctx context.Context) (string, error) {
		r, err := desk.Receipt(ctx, cl, today)
		if err != nil {
			return "", err
		}
		if err := desk.Export(ctx, r.Document, path); err != nil {
			return "", err
		}
		return fmt.Sprintf("Receipt exported to %s (%d of %d steps signed off)", path, r.Input.DoneCount(), len(r.Input.Steps)), nil
	})
}

// reengage re-engages the client on the terms the prompt gives.
func (m *ChecklistScreen) reengage(p *Prompt) tea.Cmd {
	desk, id, terms := m.c.Desk, m.id, p.Value(0)
	return m.done(func(ctx context.Context) (string, error) {
		return "Re-engaged on new terms; the decision is in the record", desk.Reengage(ctx, id, terms)
	})
}

// checklistHeadLines are the client, the dates, the progress and a blank
// line above the steps.
const checklistHeadLines = 4

// detailLines is the room kept below the steps for the selected one in
// full: its title, why it matters, who signed it off and any exception.
func (m *ChecklistScreen) detailLines() int {
	if m.height >= 40 {
		return 6
	}
	return 4
}

func (m *ChecklistScreen) listHeight() int {
	h := m.height - checklistHeadLines - 1 - m.detailLines()
	if m.prompt != nil {
		// The prompt replaces the detail; a long step title wraps in its box.
		h += m.detailLines() - lipgloss.Height(m.prompt.View(m.c.Theme, m.width))
	}
	return max(h, 1)
}

func (m *ChecklistScreen) keepCursorVisible() {
	h := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
}

// View draws the notice summary, the steps and any prompt.
func (m *ChecklistScreen) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Loading the checklist…")
	}
	if len(m.steps) == 0 {
		return th.Subtle.Render(textsafe.Line(m.client.Name) + " has no offboarding checklist: it starts when the notice of termination is sent (t on the client).")
	}
	today := m.c.Today()
	done, overdue := 0, 0
	for _, s := range m.steps {
		if s.IsDone() {
			done++
		} else if s.Overdue(today) {
			overdue++
		}
	}
	// The dates have a line of their own: after a long name they were cut
	// off, and the effective date is the one the whole checklist runs to.
	head := th.Heading.Render(textsafe.Line(m.client.Name)) + th.Subtle.Render(" · "+string(m.client.Status))
	dates := th.Subtle.Render(fmt.Sprintf("Notice sent %s · effective %s",
		letters.FormatDate(m.term.Sent), letters.FormatDate(m.term.Effective)))
	progress := fmt.Sprintf("%d of %d steps signed off", done, len(m.steps))
	if overdue > 0 {
		progress += th.High.Render(fmt.Sprintf(" · %d overdue", overdue))
	}
	lines := []string{truncate(head, m.width), truncate(dates, m.width), progress, ""}
	lay := m.stepLayout(today)
	for i := m.offset; i < min(m.offset+m.listHeight(), len(m.steps)); i++ {
		lines = append(lines, m.stepLine(lay, i, today))
	}
	out := strings.Join(lines, "\n")
	switch {
	case m.prompt != nil:
		out = lipgloss.JoinVertical(lipgloss.Left, out, "", m.prompt.View(th, m.width))
	case m.cursor < len(m.steps):
		// The detail sits at the foot of the screen, however few steps show.
		pad := m.listHeight() - min(m.listHeight(), len(m.steps)-m.offset)
		out += strings.Repeat("\n", pad+2) + strings.Join(m.stepDetail(m.steps[m.cursor], lay, today), "\n")
	}
	return out
}

// stepColumns is the width of a step line's title and sign-off cells; the
// box, the due date and the gaps take the rest.
type stepColumns struct{ title, state int }

// Fixed cells of a step line: the cursor and box ("› [x] "), the due date
// ("Wed 16 Dec 2026") and two spaces before each of the last two cells.
const (
	stepLead     = 6
	stepDueWidth = 15
)

// stepLayout fits the titles and sign-offs to the width: both whole when
// they fit, else the sign-off shrinks to the signer's name and the title
// takes the rest, cut at a word with an ellipsis. The selected step's
// title is given whole below the list.
func (m *ChecklistScreen) stepLayout(today time.Time) stepColumns {
	var titleNeed, stateFull, stateShort int
	for _, s := range m.steps {
		titleNeed = max(titleNeed, lipgloss.Width(textsafe.Line(s.Title)))
		full, short := stepState(s, today)
		stateFull, stateShort = max(stateFull, lipgloss.Width(full)), max(stateShort, lipgloss.Width(short))
	}
	room := m.width - stepLead - 2 - stepDueWidth - 2
	if titleNeed+stateFull <= room {
		return stepColumns{title: titleNeed, state: stateFull}
	}
	state := min(stateFull, max(stateShort, room-titleNeed))
	return stepColumns{title: max(room-state, 12), state: state}
}

// stepState is a step's sign-off cell, whole and shortened: who and when,
// with * for an exception, or OVERDUE.
func stepState(s store.StepRow, today time.Time) (full, short string) {
	switch {
	case s.IsDone():
		mark := ""
		if s.Exception != "" {
			mark = " *"
		}
		return textsafe.Line(s.SignedOffBy) + ", " + s.Done.Format("2 Jan 2006") + mark, textsafe.Line(s.SignedOffBy) + mark
	case s.Overdue(today):
		return "OVERDUE", "OVERDUE"
	}
	return "", ""
}

// stepLine draws step i: cursor, box, title, due date and sign-off.
func (m *ChecklistScreen) stepLine(lay stepColumns, i int, today time.Time) string {
	th := m.c.Theme
	s := m.steps[i]
	box := "[ ]"
	if s.IsDone() {
		box = "[x]"
	}
	full, short := stepState(s, today)
	state := fitting(lay.state, full, short)
	switch {
	case s.IsDone():
		state = th.Good.Render(truncate(state, lay.state))
	case s.Overdue(today):
		state = th.High.Render(state)
	}
	title := padCells(truncateWords(textsafe.Line(s.Title), lay.title), lay.title)
	due := padCells(s.Due.Format("Mon 2 Jan 2006"), stepDueWidth)
	if s.Overdue(today) {
		title, due = th.High.Render(title), th.High.Render(due)
	}
	line := fmt.Sprintf("%s %s  %s  %s", box, title, due, state)
	if i == m.cursor {
		return th.Cursor.Render("› ") + line
	}
	return "  " + line
}

// stepDetail gives the selected step in full, in at most detailLines
// lines: its title when the list cuts it, why it matters, and who signed
// it off with any exception.
func (m *ChecklistScreen) stepDetail(s store.StepRow, lay stepColumns, today time.Time) []string {
	th := m.c.Theme
	var lines []string
	if lipgloss.Width(textsafe.Line(s.Title)) > lay.title {
		for _, l := range wrap(s.Title, m.width) {
			lines = append(lines, th.Heading.Render(l))
		}
	}
	for _, l := range wrap(stepWhy(s), m.width) {
		lines = append(lines, th.Subtle.Render(l))
	}
	var state string
	switch {
	case s.IsDone():
		state = fmt.Sprintf("Signed off by %s on %s.", s.SignedOffBy, letters.FormatDate(s.Done))
	case s.Overdue(today):
		state = "Overdue: it was due " + letters.FormatDate(s.Due) + "."
	default:
		state = "Due " + letters.FormatDate(s.Due) + "."
	}
	if s.Exception != "" {
		state += " * Exception: " + s.Exception
	}
	for _, l := range wrap(state, m.width) {
		lines = append(lines, l)
	}
	if n := m.detailLines(); len(lines) > n {
		lines = append(lines[:n-1], truncate(lines[n-1]+" …", m.width))
	}
	return lines
}

// stepWhys explains each standard step, by title (a legal hold and the
// business calendar reword some steps) and else by key.
var stepWhys = func() (whys map[string]string) {
	whys = map[string]string{}
	day := time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)
	plain := letters.ChecklistSteps(day, day, day)
	dated := letters.ChecklistStepsOn(calendar.Calendar{}, day, day, day)
	for _, set := range [][]letters.ChecklistStep{plain, dated, letters.UnderLegalHold(plain)} {
		for _, st := range set {
			whys[st.Title] = st.Why
			if _, ok := whys[st.Key]; !ok {
				whys[st.Key] = st.Why
			}
		}
	}
	return whys
}()

// stepWhy is why step s matters, "" for a step the standard list does not
// hold.
func stepWhy(s store.StepRow) string {
	if w, ok := stepWhys[s.Title]; ok {
		return w
	}
	return stepWhys[s.Key]
}
