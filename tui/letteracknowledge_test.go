package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"offboard/store"
)

// A letter whose tone check finds something is sent only once the owner
// types yes to it in the export prompt, and the acknowledgement is kept.
func TestLetterScreenAsksToAcknowledgeTheTone(t *testing.T) {
	d, s, c, id := letterScreen(t, true)
	d.send(EditedMsg{Tag: s, Text: "# Notice\n\nBecause of your late payments, we are ending the agreement.\n"})
	path := filepath.Join(t.TempDir(), "letter.md")
	d.press("x")
	if s.prompt == nil || s.prompt.Len() != 2 || !strings.Contains(s.View(), "late payments") {
		t.Fatalf("the export prompt does not ask about the tone:\n%s", s.View())
	}
	d.press("ctrl+u", path, "tab", "no", "enter")
	if len(d.errs) != 1 || !strings.Contains(d.errs[0].Error(), "type yes to acknowledge the tone check") {
		t.Fatalf("not acknowledged: errs %v", d.errs)
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the letter was sent without the acknowledgement")
	}
	d.press("x", "ctrl+u", path, "tab", "yes", "enter")
	if len(d.errs) != 1 {
		t.Fatalf("acknowledged: errs %v", d.errs)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the acknowledged letter was not sent: %v", err)
	}
	decisions, _ := c.Store.Decisions(context.Background(), id)
	var accepted bool
	for _, dec := range decisions {
		accepted = accepted || (dec.To == "tone accepted" && strings.Contains(dec.Reason, "late payments"))
	}
	if !accepted {
		t.Errorf("the acknowledgement is not in the decisions log: %+v", decisions)
	}
}

// A client under notice shows its letter as sent; S asks before opening a
// notice that supersedes it, and only yes opens it.
func TestLetterScreenSupersedesOnlyWhenConfirmed(t *testing.T) {
	c, id := termCommon(t, true)
	sendNotice(t, c, id)
	s := NewLetterScreen(c, id)
	d := drive(t, s, 140, 40)
	if s.sent == nil {
		t.Fatal("the notice is not shown as sent")
	}
	d.press("S")
	if s.prompt == nil || !strings.Contains(s.View(), "superseding the notice of Thursday, 1 October 2026, effective Monday, 2 November 2026") {
		t.Fatalf("no confirmation asked:\n%s", s.View())
	}
	d.press("no", "enter")
	if s.sent == nil || s.supersede {
		t.Fatal("a notice was superseded without yes")
	}
	d.press("S", "yes", "enter")
	if len(d.errs) > 0 || s.sent != nil || !s.draft.Supersedes {
		t.Fatalf("after yes: errs %v, sent %v, draft %+v", d.errs, s.sent != nil, s.draft)
	}
	if !strings.Contains(s.markdown, "**Supersedes our notice of Thursday, 1 October 2026**") {
		t.Errorf("the letter does not say it supersedes the notice:\n%s", s.markdown)
	}
	path := filepath.Join(t.TempDir(), "second.md")
	d.press("x", "ctrl+u", path, "enter")
	term, _, _ := c.Store.LatestTermination(context.Background(), id)
	if len(d.errs) > 0 || store.Date(term.Sent) != "2026-11-23" {
		t.Errorf("the superseding notice was not recorded: errs %v, notice %+v", d.errs, term)
	}
}

// A letter dated before today still previews, with the lawyer's warning
// above the form: 23 November 2026, the tests' day, less 3 days is Friday
// 20 November.
func TestLetterScreenShowsWarnings(t *testing.T) {
	d, s, _, _ := letterScreen(t, true)
	moveTo(d, s, "sent")
	d.press("enter", "ctrl+u", "2026-11-20", "enter")
	if v := s.View(); !strings.Contains(v, "⚠ The letter is dated Friday, 20 November 2026, 3 days before today") {
		t.Errorf("the back-dating warning is not shown:\n%s", v)
	}
}
