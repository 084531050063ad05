package tui

import (
	"strings"
	"testing"
)

func TestStackTables(t *testing.T) {
	table := "Intro.\n\n| Red flag | First seen | Days to act |\n| --- | --- | --- |\n| Late payment | Monday, 15 September 2025 | 148 |\n| Scope creep \\| extra | Monday, 3 November 2025 | 198 |\n\nAfter.\n"
	// The widest cells: 20 ("Scope creep \| extra"), 25, 11; with a space
	// each side and a rule between, 1 + 23 + 28 + 14 = 66 cells.
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"fits", 66, table},
		{"too wide", 65, "Intro.\n\n" +
			"**Late payment**\n\n- First seen: Monday, 15 September 2025\n- Days to act: 148\n\n" +
			"**Scope creep \\| extra**\n\n- First seen: Monday, 3 November 2025\n- Days to act: 198\n\n" +
			"\nAfter.\n"},
		{"no table", 10, "| not a table |\nbecause no delimiter row\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := table
			if tt.name == "no table" {
				in = tt.want
			}
			if got := stackTables(in, tt.width); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// The checklist gives the selected step in full below the list, with why
// it matters, at 80 columns where its title is cut in the list.
func TestChecklistShowsTheSelectedStepInFull(t *testing.T) {
	c, id := termCommon(t, true)
	sendNotice(t, c, id)
	s := NewChecklistScreen(c, id)
	d := drive(t, s, 78, 20)
	if len(d.errs) > 0 {
		t.Fatal(d.errs)
	}
	for range 3 {
		d.send(keyMsg("j"))
	}
	view := s.View()
	const title = "Export and hand over data, documentation, password vaults and backup encryption keys"
	const why = "Backups are useless without their keys"
	if strings.Contains(lineWithText(view, "[ ] Export"), title) {
		t.Errorf("the title fits its row at 78 columns, the test needs a cut one:\n%s", view)
	}
	flat := strings.Join(strings.Fields(view), " ")
	if !strings.Contains(flat, title) || !strings.Contains(flat, why) {
		t.Errorf("the selected step's title and reason are not given in full:\n%s", view)
	}
}

// lineWithText is the first line of text holding s.
func lineWithText(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
