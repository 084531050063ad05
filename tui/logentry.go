package tui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/money"
	"offboard/store"
	"offboard/textsafe"
)

// LogEntryScreen writes down by hand what happened with a client, as
// `offboard log` does: a call, an email or a meeting, a note, an incident,
// or an edit to the client and its agreement. The fields follow the kind;
// what is typed is checked as it is typed, kept when the kind changes, and
// never thrown away without asking. The entry joins the hash-chained
// record, and the client is scored again as soon as it is saved.
type LogEntryScreen struct {
	c      *Common
	target ClientTarget
	// client is the client's row: its time zone for the time typed, its
	// currency and its agreement as it stands for an edit.
	client store.Client
	// zone is the zone the time is typed in: the client's, else ours (see
	// casefile.ClientZone); UTC until the client's row arrives.
	zone  *time.Location
	draft casefile.EntryDraft
	// blank is the draft as the screen opened, to tell typed text.
	blank  casefile.EntryDraft
	fields form
	// names are the casefile field each form field fills, parallel to
	// fields.fields, to put the cursor on the field a problem names.
	names []string
	// problem is the first thing to fix in the draft as it stands, nil
	// when it would be recorded.
	problem *casefile.FieldError
	entry   casefile.Entry
	// tried is set once a save was asked for: the problem is then an error
	// to fix rather than what is still to fill in.
	tried   bool
	discard discardGuard
	saving  bool
	// flushed is the draft last kept for the next time the form opens.
	flushed casefile.EntryDraft
	failure error
	width   int
	height  int
}

type logClientMsg struct {
	owner  *LogEntryScreen
	client store.Client
	zone   *time.Location
	// kept is the entry left typed when the workbench last quit, if any.
	kept    casefile.EntryDraft
	hasKept bool
	err     error
}

type logSavedMsg struct {
	owner *LogEntryScreen
	said  string
	err   error
}

// entryKindLabels words the kinds of entry for the kind choice.
var entryKindLabels = map[string]string{"edit": "agreement edit"}

// NewLogEntryScreen opens an empty entry for the client t, a call going out
// until the owner picks another kind.
func NewLogEntryScreen(c *Common, t ClientTarget) *LogEntryScreen {
	m := &LogEntryScreen{c: c, target: t, zone: time.UTC, draft: casefile.EntryDraft{Kind: "call", Direction: "outbound"}}
	m.blank = m.draft
	m.rebuild(0)
	return m
}

// Init reads the client's row, and takes back the entry left typed when
// the workbench last quit with this form open.
func (m *LogEntryScreen) Init() tea.Cmd {
	owner, desk, id, ctx := m, m.c.Desk, m.target.ID, m.c.context()
	return tea.Batch(m.fields.focused().focus(), func() tea.Msg {
		msg := logClientMsg{owner: owner}
		if msg.client, msg.err = desk.Store.Client(ctx, id); msg.err != nil {
			return msg
		}
		setup, err := desk.Setup(ctx)
		if msg.err = err; err != nil {
			return msg
		}
		msg.zone = casefile.ClientZone(msg.client, setup.Config)
		msg.kept, msg.hasKept, msg.err = desk.TakeEntry(ctx, id)
		return msg
	})
}

// Flush keeps the entry typed but not recorded when the workbench quits
// with the form open, for the form to offer again.
func (m *LogEntryScreen) Flush() tea.Cmd {
	if !m.typed() || m.saving || m.draft == m.flushed {
		return nil
	}
	m.flushed = m.draft
	return m.keep(m.draft)
}

// keep returns a command keeping d as the client's entry not yet recorded.
// The save outlives the program's context: Flush runs it as the program
// ends, a signal included.
func (m *LogEntryScreen) keep(d casefile.EntryDraft) tea.Cmd {
	desk, ctx, id, name := m.c.Desk, context.WithoutCancel(m.c.context()), m.target.ID, m.target.Name
	return func() tea.Msg {
		if err := desk.KeepEntry(ctx, id, d); err != nil {
			return ErrMsg{Err: fmt.Errorf("keep the entry typed for %s: %w", name, err)}
		}
		return nil
	}
}

// Title names the screen.
func (m *LogEntryScreen) Title() string { return "Log an entry" }

// Capturing is true: the fields take free text, so q and ? are typed.
func (m *LogEntryScreen) Capturing() bool { return true }

// Asking reports whether the screen asks whether to throw away the entry.
func (m *LogEntryScreen) Asking() bool { return m.discard.asking }

// SetSize gives the form its area and refits the fields.
func (m *LogEntryScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	m.fields.resize(m.fieldWidth())
}

func (m *LogEntryScreen) fieldWidth() int { return max(min(m.width-4, 96), 20) }

// cancel is esc on this screen: it asks before throwing typed text away.
func (m *LogEntryScreen) cancel() key.Binding {
	b := m.c.Keys.Back
	b.SetHelp("esc", "cancel")
	return b
}

// record is the key that saves the entry from any field.
func (m *LogEntryScreen) record() key.Binding {
	b := m.c.Keys.Save
	b.SetHelp("ctrl+s", "record")
	return b
}

// ShortHelp lists the keys of the form; space shows while a choice has the
// cursor, since nothing else says how to make one.
func (m *LogEntryScreen) ShortHelp() []key.Binding {
	if m.discard.asking {
		return questionKeys()
	}
	k := m.c.Keys
	help := append(m.fields.moveHelp(k, "record"), m.record())
	if m.fields.focused().kind == fieldChoice {
		choose := k.Toggle
		choose.SetHelp("space/←/→", "choose")
		help = append(help, choose)
	}
	return append(help, m.cancel())
}

// FullHelp lists every key of the form.
func (m *LogEntryScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.NextField, k.PrevField, k.Toggle}, {m.record(), m.cancel()}}
}

// Update handles the client's row, the keys and the save's answer.
func (m *LogEntryScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case logClientMsg:
		if msg.owner != m {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(fmt.Errorf("log an entry: %w", msg.err))
		}
		m.client, m.zone = msg.client, msg.zone
		switch {
		case msg.hasKept && m.typed():
			// Typed before the kept entry arrived: keep that one for next time.
			return m, tea.Batch(m.rebuild(m.fields.focus), m.keep(msg.kept))
		case msg.hasKept:
			m.draft = msg.kept
			return m, tea.Batch(m.rebuild(0), Notify("The entry you had not recorded is back."))
		}
		return m, m.rebuild(m.fields.focus)
	case logSavedMsg:
		if msg.owner != m {
			return m, nil
		}
		m.saving = false
		var fe *casefile.FieldError
		switch {
		case errors.As(msg.err, &fe):
			m.problem, m.tried = fe, true
			return m, m.focusOn(fe.Field)
		case msg.err != nil:
			m.failure = msg.err
			return m, nil
		}
		return m, tea.Sequence(Pop, DataChanged, Notify(msg.said))
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *LogEntryScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.saving {
		return nil
	}
	if handled, cmd := m.discard.guard(msg, k.Back, m.typed()); handled {
		return cmd
	}
	if key.Matches(msg, k.Save) {
		return m.save()
	}
	kind := m.draft.Kind
	changed, _, cmd := m.fields.key(msg, k)
	if !changed {
		return cmd
	}
	m.failure = nil
	if m.draft.Kind != kind {
		return tea.Batch(cmd, m.rebuild(m.fields.focus))
	}
	m.check()
	return cmd
}

// typed reports whether the draft holds text the owner typed; choices
// alone are cheap to make again and are not asked about.
func (m *LogEntryScreen) typed() bool {
	d := m.draft
	d.Kind, d.Direction, d.Category, d.Severity = m.blank.Kind, m.blank.Direction, m.blank.Category, m.blank.Severity
	return d != m.blank
}

// save records the entry through the desk, as `offboard log` does, unless
// the draft still has a problem: then the cursor goes to it.
func (m *LogEntryScreen) save() tea.Cmd {
	m.check()
	m.tried = true
	if m.problem != nil {
		return m.focusOn(m.problem.Field)
	}
	m.saving, m.failure = true, nil
	owner, desk, ctx, id, e := m, m.c.Desk, m.c.context(), m.target.ID, m.entry
	return func() tea.Msg {
		said, err := desk.Log(ctx, id, e)
		return logSavedMsg{owner: owner, said: said, err: err}
	}
}

// check reads the draft as it stands; the date fields echo what they
// read themselves.
func (m *LogEntryScreen) check() {
	e, err := m.draft.Entry(m.client, m.zone, m.c.Now())
	m.entry, m.problem = e, nil
	if err != nil {
		m.problem = &casefile.FieldError{Field: "entry", Problem: err.Error()}
		errors.As(err, &m.problem)
	}
}

// focusOn puts the cursor on the field a problem names.
func (m *LogEntryScreen) focusOn(name string) tea.Cmd {
	if name == "edit" {
		name = "seats" // nothing to change: the first of the agreement's fields
	}
	for i, n := range m.names {
		if n == name {
			return m.fields.goTo(i)
		}
	}
	return nil
}

// rebuild lays out the fields of the draft's kind, the cursor on field
// focus, and checks the draft again.
func (m *LogEntryScreen) rebuild(focus int) tea.Cmd {
	fs, names := m.kindFields()
	m.names = names
	cmd := m.fields.load(fs, focus, m.fieldWidth(), m.c.Theme)
	m.check()
	return cmd
}

// kindFields are the fields of the draft's kind with the casefile field
// each fills.
func (m *LogEntryScreen) kindFields() ([]*field, []string) {
	d := &m.draft
	var fs []*field
	var names []string
	add := func(name string, f *field) {
		fs, names = append(fs, f), append(names, name)
	}
	kinds := make([]option, len(casefile.EntryKinds))
	for i, k := range casefile.EntryKinds {
		kinds[i] = option{value: k, label: k}
		if l, ok := entryKindLabels[k]; ok {
			kinds[i].label = l
		}
	}
	add("kind", choice("Kind", kinds, &d.Kind))
	add("at", dateLine("When", "now, or a day and time in "+m.zone.String()+": yesterday 16:00", &d.At, m.c.Now, m.zone, true))
	switch d.Kind {
	case "call", "email", "meeting":
		add("direction", choice("Direction", options("inbound", "outbound", "internal"), &d.Direction))
		add("summary", line("Summary", "what was said or agreed", &d.Summary))
		add("body", text("Full text", "optional: the message or the minutes", &d.Body))
		add("attachment", line("Attachment", "optional: a file kept by its path and SHA-256", &d.Attachment))
	case "incident":
		cats := make([]option, len(casefile.IncidentCategories))
		for i, c := range casefile.IncidentCategories {
			cats[i] = option{value: c, label: strings.ReplaceAll(c, "_", " ")}
		}
		add("category", choice("Red flag", cats, &d.Category))
		sev := options("1", "2", "3", "4", "5")
		sev[0].label, sev[4].label = "1 minor", "5 grave"
		add("severity", choice("Severity", sev, &d.Severity))
		add("who", line("Reported by", "who saw or heard it", &d.Who))
		add("summary", text("What happened", "as it was said or done, in plain words", &d.Summary))
	case "edit":
		for _, e := range m.editFields() {
			f := line(e.label, e.hint, e.value)
			if e.name == "term end" {
				f.check, f.settle = dateInput(m.c.Now, time.UTC, false)
			}
			add(e.name, f)
		}
		add("summary", text("Why", "the reason for the change, kept in the record", &d.Summary))
	default:
		add("summary", text("Note", "what you want the record to say", &d.Summary))
	}
	add("corrects", line("Corrects entry", "optional: the number of a record entry this one corrects", &d.Corrects))
	add("", &field{kind: fieldButton, label: "Record it", row: -1, get: func() string { return "" }, press: m.save})
	return fs, names
}

// editField is one field of the client and its agreement an edit changes,
// with its value as it stands for a hint.
type editField struct {
	name, label, hint string
	value             *string
}

func (m *LogEntryScreen) editFields() []editField {
	cl, e := m.client, &m.draft.Edit
	now := func(s string) string {
		if s == "" {
			return "now empty"
		}
		return "now " + textsafe.Line(s)
	}
	termEnd := "now open-ended"
	if !cl.TermEnd.IsZero() {
		termEnd = "now " + cl.TermEnd.Format(time.DateOnly)
	}
	return []editField{
		{"seats", "Seats", now(strconv.Itoa(cl.Seats)), &e.Seats},
		{"mrr", "Monthly fee", now(money.Money{Minor: cl.MRRMinor, Currency: cl.Currency}.String()), &e.MRR},
		{"notice days", "Notice days", now(strconv.Itoa(cl.NoticeDays)), &e.NoticeDays},
		{"clause", "Termination clause", now(cl.TerminationClause), &e.Clause},
		{"term end", "Term ends", termEnd, &e.TermEnd},
		{"contact", "Contact", now(cl.ContactName), &e.Contact},
		{"email", "Email", now(cl.ContactEmail), &e.Email},
		{"phone", "Phone", "the contact's phone number", &e.Phone},
		{"licence", "Add a licence", "42 x Microsoft 365 Business Premium until 2027-04-30 annual", &e.Licence},
	}
}

// choice is a field choosing one of options.
func choice(label string, opts []option, p *string) *field {
	get, set := bind(p)
	return &field{kind: fieldChoice, label: label, options: opts, get: get, set: set, row: -1}
}

// options are choices labelled with their values.
func options(values ...string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{value: v, label: v}
	}
	return out
}

// View draws the heading, the fields, and what the draft still needs.
func (m *LogEntryScreen) View() string {
	th := m.c.Theme
	head := []string{
		th.Heading.Render(truncate("Log an entry for "+textsafe.Line(m.target.Name), m.width)),
		th.Subtle.Render(truncate("It joins the chained record: a mistake is put right by a new entry.", m.width)),
		"",
	}
	style, foot := th.Good, "✓ Ready: ctrl+s, or enter on Record it, records it."
	switch {
	case m.discard.asking:
		style, foot = th.Warning, discardQuestion
	case m.saving:
		style, foot = th.Subtle, "Recording…"
	case m.failure != nil:
		style, foot = th.Error, "✗ "+m.failure.Error()
	case m.problem != nil && m.tried:
		style, foot = th.Error, "✗ "+m.problem.Error()
	case m.problem != nil:
		style, foot = th.Subtle, "Still needed: "+m.problem.Error()
	}
	lines := wrap(foot, m.width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	foot = strings.Join(lines, "\n")
	body := m.fields.view(th, m.width, max(m.height-2-strings.Count(foot, "\n"), 1), head)
	return body + "\n\n" + foot
}
