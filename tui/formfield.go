package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/textsafe"
)

// fieldKind is how a form field takes input.
type fieldKind int

const (
	fieldLine   fieldKind = iota // one line of text
	fieldText                    // several lines of text
	fieldToggle                  // yes or no; space toggles
	fieldChoice                  // one of a few options; space, ← and → cycle
	fieldButton                  // enter runs it
)

// option is one choice of a fieldChoice.
type option struct{ value, label string }

// field is one input of a form or a dialog, bound by get and set to the
// value it edits, so the form's data stays the single source of truth and
// the widgets are rebuilt from it whenever the layout changes. Cursors do
// not blink: a blink is a message every half second to every screen on the
// stack, for no information.
//
// A one-line field's text is selected when the cursor comes to it, as in
// any dialog: the first character typed replaces it (a suggested signer,
// a pre-filled goal), while arrows, home/end, ctrl+a/e and backspace edit
// it in place.
//
// The field, not a form library's, because the screens lay their fields
// out in their own ways (the letter's column beside its live preview, the
// walkthrough's grouped steps saved as typed, a dialog boxed under the
// checklist) and each keeps its data in its own struct; what they share is
// how a field takes keys, checks and echoes, which lives here.
type field struct {
	kind  fieldKind
	label string
	// hint is shown faint after the label: the expected format, or where a
	// pre-filled value came from.
	hint string
	// group heads a run of fields ("Topic 1 · Invoice payment times");
	// note is read-only text shown under the heading (evidence numbers).
	group, note string
	// row is the index of the topic or action the field belongs to, -1 for
	// none; ctrl+x removes that row.
	row     int
	get     func() string
	set     func(string)
	options []option
	press   func() tea.Cmd
	input   textinput.Model
	area    textarea.Model
	// width is the room the widget has, for the options of a choice to
	// wrap in rather than run off the screen.
	width int
	// check reads the value as it is typed: note is what it understood (a
	// date read back as its weekday), err what is wrong with it. Both show
	// beside the field; nil for free text.
	check func(string) (note string, err error)
	// settle rewrites the value as the cursor leaves the field: a date
	// typed as "fri" is kept as the day it meant.
	settle func(string) string
	// selected is true while a one-line field's whole text is selected.
	selected bool
}

// verdict is what the field's check says of its value now.
func (f *field) verdict() (note string, err error) {
	if f.check == nil {
		return "", nil
	}
	return f.check(f.get())
}

// invalid is the field's error, nil when its value is allowed.
func (f *field) invalid() error {
	_, err := f.verdict()
	return err
}

// toggleOn is how a toggle's set value reads.
const toggleOn = "yes"

// textHeight is the height of a several-line field.
const textHeight = 3

// load builds the field's widget from its bound value at the given width.
func (f *field) load(width int, th Theme) {
	f.width = width
	switch f.kind {
	case fieldLine:
		f.input = textinput.New()
		f.input.Prompt = ""
		f.input.Placeholder = f.hint
		f.input.PlaceholderStyle = th.Faint
		f.input.Width = max(width-1, 10)
		f.input.Cursor.SetMode(cursor.CursorStatic)
		f.input.SetValue(textsafe.Line(f.get()))
	case fieldText:
		f.area = textarea.New()
		f.area.Prompt = "│ "
		f.area.ShowLineNumbers = false
		f.area.Placeholder = f.hint
		f.area.FocusedStyle.CursorLine = lipgloss.NewStyle()
		f.area.FocusedStyle.Placeholder = th.Faint
		f.area.BlurredStyle.Placeholder = th.Faint
		f.area.SetWidth(max(width, 12))
		f.area.SetHeight(textHeight)
		// The walkthrough's own keys win over the textarea's defaults for
		// line navigation: ctrl+n and ctrl+p change steps.
		f.area.KeyMap.LineNext = key.NewBinding(key.WithKeys("down"))
		f.area.KeyMap.LinePrevious = key.NewBinding(key.WithKeys("up"))
		f.area.Cursor.SetMode(cursor.CursorStatic)
		f.area.SetValue(textsafe.Text(f.get()))
	}
}

// focus gives the field the cursor, selecting a one-line field's text.
func (f *field) focus() tea.Cmd {
	switch f.kind {
	case fieldLine:
		f.selected = f.get() != ""
		f.input.CursorEnd()
		return f.input.Focus()
	case fieldText:
		return f.area.Focus()
	}
	return nil
}

// blur takes the cursor away and settles the value; it reports whether
// settling changed the value.
func (f *field) blur() (changed bool) {
	f.selected = false
	switch f.kind {
	case fieldLine:
		f.input.Blur()
	case fieldText:
		f.area.Blur()
	}
	if f.settle == nil || f.kind != fieldLine {
		return false
	}
	before := f.get()
	if after := f.settle(before); after != before {
		f.set(after)
		f.input.SetValue(textsafe.Line(after))
		return true
	}
	return false
}

// replacesSelection reports whether a key typed into a selected field
// replaces its text: a character, a space or a paste does; a key that
// moves or deletes edits it instead.
func replacesSelection(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace
}

// update gives the focused field a key. It reports whether the bound
// value changed and whether the key was used at all.
func (f *field) update(msg tea.KeyMsg, keys KeyMap) (changed, used bool, cmd tea.Cmd) {
	before := f.get()
	switch f.kind {
	case fieldLine:
		if f.selected && replacesSelection(msg) {
			f.input.SetValue("")
		}
		f.selected = false
		f.input, cmd = f.input.Update(msg)
		f.set(f.input.Value())
	case fieldText:
		f.area, cmd = f.area.Update(msg)
		f.set(f.area.Value())
	case fieldToggle:
		if !key.Matches(msg, keys.Toggle) {
			return false, false, nil
		}
		if before == toggleOn {
			f.set("")
		} else {
			f.set(toggleOn)
		}
	case fieldChoice:
		step := 0
		switch msg.String() {
		case " ", "right", "l":
			step = 1
		case "left", "h":
			step = -1
		default:
			return false, false, nil
		}
		// With nothing chosen yet, → picks the first option and ← the last.
		i := map[bool]int{true: -1, false: 0}[step > 0]
		for j, o := range f.options {
			if o.value == before {
				i = j
			}
		}
		f.set(f.options[(i+step+len(f.options))%len(f.options)].value)
	case fieldButton:
		if msg.Type != tea.KeyEnter && !key.Matches(msg, keys.Toggle) {
			return false, false, nil
		}
		return false, true, f.press()
	}
	return f.get() != before, true, cmd
}

// view draws the field: its label line and its widget, in room columns.
func (f *field) view(th Theme, focused bool, room int) string {
	marker := "  "
	label := th.Subtle.Render(f.label)
	if focused {
		marker = th.Cursor.Render("› ")
		label = th.Heading.Render(f.label)
	}
	switch f.kind {
	case fieldToggle:
		box := "[ ]"
		if f.get() == toggleOn {
			box = "[x]"
		}
		return marker + box + " " + label + hintView(th, f.hint)
	case fieldChoice:
		parts := make([]string, len(f.options))
		for i, o := range f.options {
			if o.value == f.get() {
				parts[i] = th.Selected.Render("(•) " + o.label)
			} else {
				parts[i] = th.Subtle.Render("( ) " + o.label)
			}
		}
		head := marker + label + "  "
		// Options that do not fit the width go on under the first.
		lines := wrapItems(parts, "  ", f.width+2-lipgloss.Width(head))
		return head + strings.Join(lines, "\n"+strings.Repeat(" ", lipgloss.Width(head)))
	case fieldButton:
		b := "[ " + f.label + " ]"
		if focused {
			return marker + th.Selected.Render(b)
		}
		return marker + th.Subtle.Render(b)
	case fieldText:
		return f.headLine(th, marker+label, room) + "\n" + indent(f.area.View(), "  ")
	default:
		head := f.headLine(th, marker+label, room)
		if f.check == nil && f.input.Placeholder != "" && f.get() != "" {
			head += hintView(th, f.hint)
		}
		return head + "\n" + "  " + f.inputView(th, focused)
	}
}

// headLine is the field's label with what its check says after it; when
// that does not fit beside the label in room columns it goes on under it,
// wrapped, so no part of a refusal or a moved date is cut off.
func (f *field) headLine(th Theme, label string, room int) string {
	text, style := f.verdictText(th)
	switch {
	case text == "":
		return label
	case lipgloss.Width(label)+2+lipgloss.Width(text) <= room:
		return label + style.Render("  "+text)
	}
	return label + "\n" + indent(style.Width(max(room-4, 10)).Render(text), "    ")
}

// verdictText is what the field's check says, in the style it is drawn
// in: the refusal, or what it read (a date's weekday), or the hint once
// the placeholder is hidden by text; empty when there is nothing to say.
func (f *field) verdictText(th Theme) (string, lipgloss.Style) {
	note, err := f.verdict()
	switch {
	case err != nil:
		return "✗ " + err.Error(), th.Error
	case note != "":
		return note, th.Faint
	case f.check != nil && f.get() != "" && f.hint != "":
		return f.hint, th.Faint
	}
	return "", lipgloss.NewStyle()
}

// inputView is a one-line field's text, shown selected while typing would
// replace it.
func (f *field) inputView(th Theme, focused bool) string {
	if focused && f.selected {
		return th.Selected.Render(truncate(textsafe.Line(f.get()), max(f.input.Width, 1)))
	}
	return f.input.View()
}

func hintView(th Theme, hint string) string {
	if hint == "" {
		return ""
	}
	return th.Faint.Render("  " + hint)
}

// indent prefixes every line of s.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// form is a column of fields with one focused, drawn with their group
// headings and scrolled so the focused field shows. The walkthrough and
// the review both use it.
type form struct {
	fields []*field
	focus  int
}

// load builds the widgets and focuses the field at index focus (clamped).
func (f *form) load(fields []*field, focus, width int, th Theme) tea.Cmd {
	f.fields = fields
	for _, fl := range fields {
		fl.load(width, th)
	}
	f.focus = min(max(focus, 0), len(fields)-1)
	return f.fields[f.focus].focus()
}

// focused is the field with the cursor.
func (f *form) focused() *field { return f.fields[f.focus] }

// move focuses the field by places away; ok is false, and nothing moves,
// past either end. settled reports that the field left rewrote its value
// (a date typed as "fri" kept as the day it meant).
func (f *form) move(by int) (cmd tea.Cmd, ok, settled bool) {
	next := f.focus + by
	if next < 0 || next >= len(f.fields) {
		return nil, false, false
	}
	settled = f.fields[f.focus].blur()
	f.focus = next
	return f.fields[f.focus].focus(), true, settled
}

// settle settles the focused field's value without moving, before the form
// is submitted from it; it reports whether the value changed.
func (f *form) settle() bool {
	fl := f.focused()
	changed := fl.blur()
	fl.focus()
	fl.selected = false
	return changed
}

// firstInvalid is the index of the first field whose value its check
// refuses, -1 when every value is allowed.
func (f *form) firstInvalid() int {
	for i, fl := range f.fields {
		if fl.invalid() != nil {
			return i
		}
	}
	return -1
}

// goTo focuses field i.
func (f *form) goTo(i int) tea.Cmd {
	cmd, _, _ := f.move(i - f.focus)
	return cmd
}

// enterHelp is enter as the footer names it for the focused field: a new
// line in several lines of text, the button's action on a button, submit
// on the last field, else the next field.
func (f *form) enterHelp(keys KeyMap, submit string) key.Binding {
	b := keys.Enter
	fl := f.focused()
	switch {
	case fl.kind == fieldText:
		b.SetHelp("enter", "new line")
	case fl.kind == fieldButton:
		b.SetHelp("enter", strings.ToLower(fl.label))
	case f.lastField():
		b.SetHelp("enter", submit)
	default:
		b.SetHelp("enter", "next field")
	}
	return b
}

// moveHelp is the footer's first keys: enter as enterHelp names it, and
// tab where enter does not move on (in several lines of text, on a button).
func (f *form) moveHelp(keys KeyMap, submit string) []key.Binding {
	enter := f.enterHelp(keys, submit)
	if enter.Help().Desc == "next field" {
		return []key.Binding{enter}
	}
	return []key.Binding{enter, keys.NextField}
}

// lastField reports whether the cursor is on the last field, where enter
// submits.
func (f *form) lastField() bool { return f.focus == len(f.fields)-1 }

// resize refits the widgets to a new width.
func (f *form) resize(width int) {
	for _, fl := range f.fields {
		fl.width = width
		switch fl.kind {
		case fieldLine:
			// Setting the value again scrolls the text back into view at
			// the new width.
			fl.input.Width = max(width-1, 10)
			pos := fl.input.Position()
			fl.input.SetValue(fl.input.Value())
			fl.input.SetCursor(pos)
		case fieldText:
			fl.area.SetWidth(max(width, 12))
		}
	}
}

// updateWidget passes a non-key message (a cursor blink) to the focused
// widget.
func (f *form) updateWidget(msg tea.Msg) tea.Cmd { return f.focused().updateWidget(msg) }

// updateWidget passes a non-key message (a paste, a cursor blink) to the
// field's widget.
func (f *field) updateWidget(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch f.kind {
	case fieldLine:
		f.input, cmd = f.input.Update(msg)
	case fieldText:
		f.area, cmd = f.area.Update(msg)
	}
	return cmd
}

// view draws head, then as many field lines as fit in height.
func (f *form) view(th Theme, width, height int, head []string) string {
	var lines []string
	focusTop, focusBottom := 0, 0
	for i, fl := range f.fields {
		if i == f.focus {
			focusTop = len(lines)
		}
		if fl.group != "" {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			// The heading and note of the focused field's group show with it.
			if i == f.focus {
				focusTop = len(lines)
			}
			// A group's title and note quote the client's data (a topic's
			// title, an incident's description).
			lines = append(lines, th.Title.Render(textsafe.Line(fl.group)))
			if fl.note != "" {
				note := th.Subtle.Width(max(width-2, 10)).Render(textsafe.Text(fl.note))
				lines = append(lines, strings.Split(indent(note, "  "), "\n")...)
			}
		}
		lines = append(lines, strings.Split(fl.view(th, i == f.focus, width), "\n")...)
		if i == f.focus {
			focusBottom = len(lines)
		}
	}
	room := max(height-lipgloss.Height(strings.Join(head, "\n")), 1)
	top := max(focusBottom-room, 0) // the focused field's last line shows
	top = min(top, focusTop)        // and its first (with its group's heading), when they are taller than the room
	end := min(top+room, len(lines))
	return lipgloss.JoinVertical(lipgloss.Left, append(head, lines[top:end]...)...)
}

// key gives a key to the form. The rule for enter, the same in every form
// and dialog: it moves to the next field, and on the last one it submits
// (the caller sees edge +1); in several lines of text it starts a new
// line, and on a button it presses it. tab and shift+tab, and ↑/↓ where
// the field has no use for them, also move; every other key goes to the
// focused field, so j, k, q and ? are text. changed reports an edit,
// including a value settled on leaving its field; edge is +1 or -1 when a
// move ran past the last or first field, for the caller to go on.
func (f *form) key(msg tea.KeyMsg, keys KeyMap) (changed bool, edge int, cmd tea.Cmd) {
	fl := f.focused()
	dir := 0
	switch {
	case key.Matches(msg, keys.NextField):
		dir = 1
	case key.Matches(msg, keys.PrevField):
		dir = -1
	case msg.Type == tea.KeyEnter && fl.kind != fieldText && fl.kind != fieldButton:
		dir = 1
	case msg.Type == tea.KeyDown && (fl.kind != fieldText || fl.area.Line() >= fl.area.LineCount()-1):
		dir = 1
	case msg.Type == tea.KeyUp && (fl.kind != fieldText || fl.area.Line() == 0):
		dir = -1
	default:
		var cmds []tea.Cmd
		for _, k := range oneRuneEach(msg) {
			c, _, cmd := fl.update(k, keys)
			changed = changed || c
			cmds = append(cmds, cmd)
		}
		return changed, 0, tea.Batch(cmds...)
	}
	if cmd, ok, settled := f.move(dir); ok {
		return settled, 0, cmd
	}
	return f.settle(), dir, nil
}

// oneRuneEach splits a key message carrying several characters into one
// message per character. Fast typing or a paste can bring several in one
// read, and their text then reads as a key name to the widgets: "up"
// typed quickly would select a suggestion instead of being inserted.
func oneRuneEach(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 {
		return []tea.KeyMsg{msg}
	}
	out := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		out[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt, Paste: msg.Paste}
	}
	return out
}

// discardQuestion is what esc over typed text asks, in every form and
// dialog.
const discardQuestion = "Throw away what you typed? y discards it · any other key goes back"

// discardGuard is esc over typed text: nothing typed is thrown away by one
// key. The first esc asks; y then discards, any other key goes back to the
// form.
type discardGuard struct{ asking bool }

// esc reports whether esc leaves at once: it does when nothing was typed,
// otherwise it asks.
func (g *discardGuard) esc(typed bool) (leave bool) {
	g.asking = typed
	return !typed
}

// questionKeys are the footer's keys while the question is asked: its
// answer takes every key, so nothing else (not even esc back) applies.
func questionKeys() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "discard")),
		key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "keep typing"))}
}

// answer takes the key after the question; ok is false when no question
// was open, and discard is true for y.
func (g *discardGuard) answer(msg tea.KeyMsg) (ok, discard bool) {
	if !g.asking {
		return false, false
	}
	g.asking = false
	return true, msg.String() == "y"
}

// guard takes the keys the question and esc own: handled is true when msg
// was one of them, and cmd then leaves the screen or does nothing.
func (g *discardGuard) guard(msg tea.KeyMsg, back key.Binding, typed bool) (handled bool, cmd tea.Cmd) {
	if ok, discard := g.answer(msg); ok {
		if discard {
			return true, Pop
		}
		return true, nil
	}
	if key.Matches(msg, back) {
		if g.esc(typed) {
			return true, Pop
		}
		return true, nil
	}
	return false, nil
}
