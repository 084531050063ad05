package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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

// SetSize sets the drawing area.
func (m *ChecklistScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.keepCursorVisible()
}

func (m *ChecklistScreen) keys() (signOff, export, postMortem, reengage key.Binding) {
	k := m.c.Keys
	return rename(k.Toggle, "sign off / reopen"), rename(k.Export, "export receipt"), k.PostMortem, k.Reengage
}

// ShortHelp lists the main keys.
func (m *ChecklistScreen) ShortHelp() []key.Binding {
	if m.prompt != nil {
		return m.prompt.ShortHelp(m.c.Keys)
	}
	signOff, export, postMortem, reengage := m.keys()
	return []key.Binding{m.c.Keys.Up, m.c.Keys.Down, signOff, export, postMortem, reengage}
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

// checklistDetailLines is the room kept below the list for the selected
// step's full title and exception.
const checklistDetailLines = 4

func (m *ChecklistScreen) listHeight() int {
	h := m.height - 5 - checklistDetailLines
	if m.prompt != nil {
		// The prompt replaces the detail; a long step title wraps in its box.
		h += checklistDetailLines - 1 - lipgloss.Height(m.prompt.View(m.c.Theme, m.width))
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
	// Columns: cursor (2), box (4), title, due date, sign-off; the title
	// takes what the others leave.
	const dueWidth, byWidth = 16, 34
	titleWidth := max(m.width-2-4-2-dueWidth-2-byWidth, 16)
	for i := m.offset; i < min(m.offset+m.listHeight(), len(m.steps)); i++ {
		s := m.steps[i]
		box, state := "[ ]", ""
		switch {
		case s.IsDone():
			box = "[x]"
			who := s.SignedOffBy + ", " + s.Done.Format("2 Jan 2006")
			if s.Exception != "" {
				state = th.Good.Render(truncate(who, byWidth-2)) + th.Warning.Render(" *")
			} else {
				state = th.Good.Render(truncate(who, byWidth))
			}
		case s.Overdue(today):
			state = th.High.Render("OVERDUE")
		}
		title := padCells(truncate(textsafe.Line(s.Title), titleWidth), titleWidth)
		due := padCells(s.Due.Format("Mon 2 Jan 2006"), dueWidth)
		if s.Overdue(today) {
			title, due = th.High.Render(title), th.High.Render(due)
		}
		line := fmt.Sprintf("%s %s  %s  %s", box, title, due, state)
		if i == m.cursor {
			line = th.Cursor.Render("› ") + line
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	// The selected step's title, cut to fit its column, is given in full
	// below the list, with its exception if it has one.
	if m.cursor < len(m.steps) && m.prompt == nil {
		s := m.steps[m.cursor]
		var detail []string
		if lipgloss.Width(s.Title) > titleWidth {
			detail = append(detail, wrap(s.Title, m.width)...)
		}
		if s.Exception != "" {
			detail = append(detail, truncate("* Exception: "+s.Exception, m.width))
		}
		if len(detail) > 0 {
			lines = append(lines, "", th.Subtle.Render(strings.Join(detail, "\n")))
		}
	}
	out := strings.Join(lines, "\n")
	if m.prompt != nil {
		out = lipgloss.JoinVertical(lipgloss.Left, out, "", m.prompt.View(th, m.width))
	}
	return out
}
