package tui

import (
	"strings"
	"testing"
)

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
