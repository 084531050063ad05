package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// SettingsScreen edits what the workbench knows of our own business: the
// company details that sign every letter, the labour cost and business
// hours every client's figures rest on, and the calendar that dates the
// letters. Each value is checked as it is typed by the check `offboard
// config set` runs (casefile.CheckSetting), and saving goes through the
// desk, which records every change; the clients are then scored again.
type SettingsScreen struct {
	c *Common
	// loaded is false until the settings in force are read.
	loaded bool
	// cfg is the configuration in force, which each value is checked
	// against; source says where each configuration key's value came from.
	cfg    scoring.Config
	source map[string]scoring.Source
	// values are the texts the fields edit, as typed; initial as loaded.
	values, initial []string
	fields          form
	discard         discardGuard
	saving          bool
	failure         error
	width           int
	height          int
}

// setting is one field of the settings screen: the settings key it
// stores, and how its text is shown and stored.
type setting struct {
	key, label, group string
	// money is an amount typed in money ("65.00") and stored in minor
	// units ("6500"), as the configuration keeps every amount.
	money bool
	// lines is text of several lines (an address).
	lines bool
	// hint says what a company detail is for; a configuration key's hint
	// comes from its documentation.
	hint string
}

// settingsFields are the fields, in the order the screen shows them.
var settingsFields = []setting{
	{key: store.SettingCompanyName, label: "Company name", group: "Our company", hint: "the legal name that signs letters"},
	{key: store.SettingCompanyAddress, label: "Address", group: "Our company", lines: true, hint: "the postal address, a line each"},
	{key: store.SettingCompanySigner, label: "Signer", group: "Our company", hint: "who signs letters and plans"},
	{key: store.SettingCompanySignerTitle, label: "Signer's title", group: "Our company", hint: "e.g. Managing Director"},
	{key: store.SettingCompanyEmail, label: "Email", group: "Our company", hint: "the contact email on letters"},
	{key: store.SettingCompanyPhone, label: "Phone", group: "Our company", hint: "the contact phone on letters"},
	{key: store.SettingLabourCostPerHour, label: "Labour cost per hour", group: "Labour and hours", money: true},
	{key: store.SettingBusinessHours, label: "Business hours", group: "Labour and hours"},
	{key: store.SettingBusinessDays, label: "Business days", group: "Labour and hours"},
	{key: store.SettingBusinessTimeZone, label: "Time zone", group: "Labour and hours"},
	{key: store.SettingCalendarRegion, label: "Calendar region", group: "Calendar"},
	{key: store.SettingCalendarClosed, label: "Closed days", group: "Calendar"},
}

// settingsNotes are what each group is for, under its heading.
var settingsNotes = map[string]string{
	"Our company":      "Printed on every letter, plan and receipt.",
	"Labour and hours": "Every client's margin, effective rate and after-hours share rests on these.",
	"Calendar":         "Letters and handover steps fall on working days of this calendar.",
}

type settingsLoadedMsg struct {
	owner *SettingsScreen
	setup casefile.Setup
	err   error
}

type settingsSavedMsg struct {
	owner   *SettingsScreen
	changed []string
	err     error
}

// NewSettingsScreen opens the settings; they load in Init.
func NewSettingsScreen(c *Common) *SettingsScreen {
	return &SettingsScreen{c: c}
}

// Init reads the settings in force.
func (m *SettingsScreen) Init() tea.Cmd {
	owner, desk, ctx := m, m.c.Desk, m.c.context()
	return func() tea.Msg {
		setup, err := desk.Setup(ctx)
		return settingsLoadedMsg{owner: owner, setup: setup, err: err}
	}
}

// Title names the screen.
func (m *SettingsScreen) Title() string { return "Settings" }

// Capturing is true: the fields take free text.
func (m *SettingsScreen) Capturing() bool { return true }

// Asking reports whether the screen asks whether to throw away the changes.
func (m *SettingsScreen) Asking() bool { return m.discard.asking }

// SetSize gives the form its area.
func (m *SettingsScreen) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.loaded {
		m.fields.resize(m.fieldWidth())
	}
}

func (m *SettingsScreen) fieldWidth() int { return max(min(m.width-4, 96), 20) }

// saveKey is the key that saves from any field.
func (m *SettingsScreen) saveKey() key.Binding { return rename(m.c.Keys.Save, "save") }

// ShortHelp lists the form's keys.
func (m *SettingsScreen) ShortHelp() []key.Binding {
	if !m.loaded {
		return []key.Binding{m.c.Keys.Back}
	}
	if m.discard.asking {
		return questionKeys()
	}
	return append(m.fields.moveHelp(m.c.Keys, "save"), m.saveKey(), rename(m.c.Keys.Back, "cancel"))
}

// FullHelp lists every key of the form.
func (m *SettingsScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.NextField, k.PrevField}, {m.saveKey(), rename(k.Back, "cancel")}}
}

// Update loads, types and saves.
func (m *SettingsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		if msg.owner != m {
			return m, nil
		}
		if msg.err != nil {
			return m, Fail(fmt.Errorf("read the settings: %w", msg.err))
		}
		return m, m.fill(msg.setup)
	case settingsSavedMsg:
		if msg.owner != m {
			return m, nil
		}
		m.saving = false
		if msg.err != nil {
			m.failure = msg.err
			return m, nil
		}
		if len(msg.changed) == 0 {
			return m, Notify("Nothing to save: every value is as it was")
		}
		labels := make([]string, len(msg.changed))
		for i, k := range msg.changed {
			labels[i] = k
			for _, s := range settingsFields {
				if s.key == k {
					labels[i] = strings.ToLower(s.label)
				}
			}
		}
		text := "Saved " + strings.Join(labels, ", ") + "; kept in the record"
		return m, tea.Batch(m.Init(), DataChanged, Notify(text))
	case tea.KeyMsg:
		if m.loaded {
			return m, m.key(msg)
		}
		if key.Matches(msg, m.c.Keys.Back) {
			return m, Pop
		}
		return m, nil
	}
	if m.loaded {
		return m, m.fields.updateWidget(msg)
	}
	return m, nil
}

// fill lays the form out over the settings in force, keeping the cursor
// where it was when the form reloads after a save.
func (m *SettingsScreen) fill(setup casefile.Setup) tea.Cmd {
	m.cfg, m.source = setup.Config, map[string]scoring.Source{}
	inForce := map[string]string{}
	for _, s := range setup.Settings {
		m.source[s.Key], inForce[s.Key] = s.Source, s.Value
	}
	m.values = make([]string, len(settingsFields))
	for i, s := range settingsFields {
		v, ok := inForce[s.key]
		if !ok {
			v = setup.DB[s.key]
		}
		if s.money {
			if minor, err := strconv.ParseInt(v, 10, 64); err == nil {
				v = money.Plain(minor, "")
			}
		}
		m.values[i] = v
	}
	m.initial = append([]string(nil), m.values...)
	fs := make([]*field, 0, len(settingsFields)+1)
	group := ""
	for i, s := range settingsFields {
		f := m.settingField(i, s)
		if s.group != group {
			group, f.group, f.note = s.group, s.group, settingsNotes[s.group]
		}
		fs = append(fs, f)
	}
	fs = append(fs, &field{kind: fieldButton, label: "Save", row: -1, get: func() string { return "" }, press: m.save})
	focus := m.fields.focus
	m.loaded, m.failure = true, nil
	return m.fields.load(fs, focus, m.fieldWidth(), m.c.Theme)
}

// settingField is the form field of setting i, checked as it is typed.
func (m *SettingsScreen) settingField(i int, s setting) *field {
	get, set := bind(&m.values[i])
	f := &field{kind: fieldLine, label: s.label, get: get, set: set, row: -1, hint: m.hint(s)}
	if s.lines {
		f.kind = fieldText
	}
	f.check = func(v string) (string, error) {
		// A value left as it was is not stored again, so not judged again:
		// a company detail never set may stay empty.
		if v == m.initial[i] {
			return "", nil
		}
		stored, err := storedValue(s, v)
		if err != nil {
			return "", err
		}
		cfg := m.cfg
		return "", fieldProblem(s.key, casefile.CheckSetting(&cfg, s.key, stored))
	}
	return f
}

// hint is a field's placeholder and faint note: what it allows and, for a
// configuration key, where its value comes from now.
func (m *SettingsScreen) hint(s setting) string {
	switch {
	case s.hint != "":
		return s.hint
	case s.money:
		return "in money, e.g. 65.00; " + sourceWords(m.source[s.key])
	}
	for _, p := range scoring.Params() {
		if p.Key == s.key {
			return p.Allowed + "; " + sourceWords(m.source[s.key])
		}
	}
	return ""
}

// sourceWords says where a configuration value comes from.
func sourceWords(s scoring.Source) string {
	switch s {
	case scoring.SourceDatabase:
		return "set here"
	case scoring.SourceFile:
		return "from the configuration file; a value set here wins"
	}
	return "the default"
}

// storedValue is the text the settings table keeps for what was typed:
// an amount in minor units, anything else as typed.
func storedValue(s setting, typed string) (string, error) {
	if !s.money {
		return typed, nil
	}
	minor, err := casefile.ParseMinor(typed)
	if err != nil {
		return "", err
	}
	if minor <= 0 {
		return "", errors.New("an hour of a technician costs more than nothing: enter an amount above 0.00")
	}
	return strconv.FormatInt(minor, 10), nil
}

// fieldProblem is a refusal worded for the field it is drawn beside: the
// key's name, which the command line needs, is left out.
func fieldProblem(key string, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, prefix := range []string{"config key " + key + ": ", "setting " + key + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return errors.New(msg)
}

// typed reports whether any value differs from the one in force.
func (m *SettingsScreen) typed() bool {
	for i, v := range m.values {
		if v != m.initial[i] {
			return true
		}
	}
	return false
}

func (m *SettingsScreen) key(msg tea.KeyMsg) tea.Cmd {
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
	changed, edge, cmd := m.fields.key(msg, k)
	if changed {
		m.failure = nil
	}
	if edge > 0 {
		return tea.Batch(cmd, m.save())
	}
	return cmd
}

// save stores the values changed, through the desk, once every one of
// them is allowed; otherwise the cursor goes to the first refused.
func (m *SettingsScreen) save() tea.Cmd {
	if i := m.fields.firstInvalid(); i >= 0 {
		return m.fields.goTo(i)
	}
	var changes []store.SettingChange
	for i, s := range settingsFields {
		if m.values[i] == m.initial[i] {
			continue
		}
		v, err := storedValue(s, m.values[i])
		if err != nil {
			return m.fields.goTo(i)
		}
		changes = append(changes, store.SettingChange{Key: s.key, Value: v})
	}
	if len(changes) == 0 {
		return Notify("Nothing to save: every value is as it was")
	}
	m.saving, m.failure = true, nil
	owner, desk, ctx := m, m.c.Desk, m.c.context()
	return func() tea.Msg {
		changed, err := desk.ChangeSettings(ctx, changes)
		return settingsSavedMsg{owner: owner, changed: changed, err: err}
	}
}

// View draws the heading, the form and what saving would do.
func (m *SettingsScreen) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Reading the settings…")
	}
	head := []string{
		th.Heading.Render(truncate("Settings", m.width)),
		th.Subtle.Render(truncate("Checked as 'offboard config set' checks; each change is kept in the record.", m.width)),
		"",
	}
	style, foot := th.Subtle, "Nothing changed yet."
	n := 0
	for i := range m.values {
		if m.values[i] != m.initial[i] {
			n++
		}
	}
	invalid := m.fields.firstInvalid()
	switch {
	case m.discard.asking:
		style, foot = th.Warning, discardQuestion
	case m.saving:
		foot = "Saving…"
	case m.failure != nil:
		style, foot = th.Error, "✗ "+m.failure.Error()
	case invalid >= 0:
		style, foot = th.Error, fmt.Sprintf("✗ %s: %v", m.fields.fields[invalid].label, m.fields.fields[invalid].invalid())
	case n > 0:
		style, foot = th.Good, fmt.Sprintf("%s changed: ctrl+s saves.", plural(n, "value"))
	}
	lines := wrap(foot, m.width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	foot = strings.Join(lines, "\n")
	body := m.fields.view(th, m.width, max(m.height-2-strings.Count(foot, "\n"), 1), head)
	return body + "\n\n" + foot
}
