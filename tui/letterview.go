package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
	"offboard/letters"
	"offboard/textsafe"
)

// View draws the summary, the form and the preview.
func (m *LetterScreen) View() string {
	th := m.c.Theme
	if !m.loaded {
		return th.Subtle.Render("Loading the letter…")
	}
	if m.sent != nil {
		t := m.sent.Termination
		head := th.Heading.Render(fmt.Sprintf("Notice sent to %s on %s by %s", textsafe.Line(m.client.Name),
			letters.FormatDate(t.Sent), t.Delivery)) + "\n" +
			th.Subtle.Render(fmt.Sprintf("Effective %s · data kept until %s · %s · sha256 %.12s…",
				letters.FormatDate(t.Effective), letters.FormatDate(t.Retention), m.sent.Letter.ExportedPath, m.sent.Letter.SHA256))
		return m.withPrompt(fitLines(head, headerLines, m.width), m.preview.View())
	}
	pw, fw := m.paneWidths()
	var body string
	switch {
	case m.width >= sideBySide:
		body = lipgloss.JoinHorizontal(lipgloss.Top, m.formView(fw, m.bodyHeight()), " ", m.previewView(pw))
	case m.previewFocus:
		body = m.previewView(pw)
	default:
		body = m.formView(fw, m.bodyHeight())
	}
	return m.withPrompt(fitLines(m.summaryView(), headerLines, m.width), body)
}

// withPrompt stacks the parts with the open prompt, if any, below them.
func (m *LetterScreen) withPrompt(parts ...string) string {
	if m.prompt != nil {
		parts = append(parts, m.prompt.View(m.c.Theme, m.width))
	}
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// fitLines wraps s at width and pads or cuts it to exactly n lines.
func fitLines(s string, n, width int) string {
	lines := strings.Split(lipgloss.NewStyle().Width(max(width, 1)).Render(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for i := range lines {
		lines[i] = truncate(lines[i], width)
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// summaryView is the notice in one line, then what needs attention: fields
// that do not parse, the gaps that stop the letter being sent, and the
// tone check's findings, each naming its words.
func (m *LetterScreen) summaryView() string {
	th := m.c.Theme
	in := m.letter
	line := th.Heading.Render(textsafe.Line(m.client.Name))
	if !in.Effective.IsZero() && m.fieldErrs["notice_days"] == nil {
		effective := letters.FormatDate(in.Effective)
		if casefile.EffectiveAtTermEnd(m.client, in.Effective) {
			effective += " (the term's end)"
		}
		line += th.Subtle.Render(fmt.Sprintf(" · effective %s · %s (the agreement's: %d) · %s",
			effective, noticeOf(in.NoticeDays), m.client.NoticeDays, strings.ToLower(in.Delivery.String())))
	}
	lines := []string{line}
	if m.draft.Markdown != "" {
		lines = append(lines, th.Warning.Render("✎ Your edited text: changes to the fields no longer change it (ctrl+r regenerates)"))
	}
	switch {
	case len(m.fieldErrs) > 0:
		var errs []string
		for _, f := range letterFields {
			if err := m.fieldErrs[f.key]; err != nil {
				errs = append(errs, f.label+": "+err.Error())
			}
		}
		lines = append(lines, th.Error.Render("✗ "+strings.Join(errs, "; ")))
	case m.problem != nil:
		lines = append(lines, th.Error.Render("✗ "+oneLine(m.problem.Error())))
	}
	if len(m.gaps) > 0 {
		lines = append(lines, th.Missing.Render("Missing before it can be sent: "+strings.Join(m.gaps, ", ")))
	}
	if len(m.tone) > 0 {
		words := make([]string, 0, len(m.tone))
		for _, w := range m.tone {
			words = append(words, fmt.Sprintf("%q (%s, line %d)", w.Phrase, w.Kind, w.Line))
		}
		lines = append(lines, th.Warning.Render("Tone: "+strings.Join(words, ", ")+" — "+m.tone[0].Advice))
	}
	if m.problem == nil && len(m.gaps) == 0 && len(m.tone) == 0 {
		lines = append(lines, th.Good.Render("✓ Ready to send: no gaps, and the tone check found nothing"))
	}
	// Warnings do not stop the letter, so they come after what does.
	for _, w := range m.warnings {
		lines = append(lines, th.Warning.Render("⚠ "+w))
	}
	if m.decision != "" {
		lines = appendIfRoom(lines, th.Subtle.Render(m.decision), headerLines, m.width)
	}
	return strings.Join(lines, "\n")
}

// noticeOf writes a notice period: "1 day's notice", "30 days' notice".
func noticeOf(n int) string {
	if n == 1 {
		return "1 day's notice"
	}
	return fmt.Sprintf("%d days' notice", n)
}

// oneLine joins the lines of a multi-line error.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

func (m *LetterScreen) previewView(width int) string {
	return lipgloss.NewStyle().Width(width).MaxHeight(max(m.bodyHeight(), 1)).Render(m.preview.View())
}

// editView is the field being typed in, with what its check read (a
// date's weekday) or a mark that it does not read, when there is room.
func (m *LetterScreen) editView(width int) string {
	th := m.c.Theme
	note, err := m.edit.verdict()
	mark := ""
	switch {
	case err != nil:
		mark = th.Error.Render(" ✗")
	case note != "" && width >= 40:
		mark = th.Faint.Render("  " + note)
	}
	m.edit.input.Width = max(width-lipgloss.Width(mark)-1, 8)
	return m.edit.inputView(th, true) + mark
}

// formRow is a line of the form: a group heading or a field.
type formRow struct {
	heading string
	field   int
}

func formRows() []formRow {
	var rows []formRow
	group := ""
	for i, f := range letterFields {
		if f.group != group {
			group = f.group
			rows = append(rows, formRow{heading: group, field: -1})
		}
		rows = append(rows, formRow{field: i})
	}
	return rows
}

// labelWidth is the width of the form's label column.
const labelWidth = 22

func (m *LetterScreen) formView(width, height int) string {
	th := m.c.Theme
	rows := formRows()
	height = max(height, 1)
	gaps := map[string]bool{}
	for _, g := range m.gaps {
		gaps[g] = true
	}
	valueWidth := max(width-labelWidth-3, 8)
	var out []string
	for _, r := range rows[m.offset:min(m.offset+height, len(rows))] {
		if r.field < 0 {
			out = append(out, th.Heading.Render(r.heading))
			continue
		}
		f := letterFields[r.field]
		marker, label := "  ", th.Subtle.Render(padCells(f.label, labelWidth))
		if r.field == m.cursor && !m.previewFocus {
			marker, label = th.Cursor.Render("› "), th.Cursor.Render(padCells(f.label, labelWidth))
		}
		var value string
		switch {
		case r.field == m.cursor && m.editing:
			value = m.editView(valueWidth)
		case f.kind == letterBool:
			value = "[ ]"
			if *f.flag(&m.draft) {
				value = "[x]"
			}
		default:
			v := f.value(&m.draft)
			if f.kind == letterDate {
				if hint := dateHint(v); hint != "" && lipgloss.Width(v)+lipgloss.Width(hint)+2 <= valueWidth {
					v += "  " + th.Faint.Render(hint)
				}
			}
			value = truncate(v, valueWidth)
		}
		switch {
		case m.fieldErrs[f.key] != nil:
			value = th.Error.Render("! ") + value
		case f.gap != "" && gaps[f.gap]:
			value = th.Missing.Render("(missing)") + " " + value
		}
		out = append(out, marker+label+" "+value)
	}
	return lipgloss.NewStyle().Width(width).Render(strings.Join(out, "\n"))
}
