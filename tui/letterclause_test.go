package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/letters"
)

// sendForCause records a notice for cause, under clause, sent to the
// client on 1 October 2026.
func sendForCause(t *testing.T, c *Common, id int64, clause string) {
	t.Helper()
	ctx := context.Background()
	cl, _ := c.Store.Client(ctx, id)
	f := casefile.NewLetterDraft(cl, letters.Company{Signer: "Alex Moreno"}, casefile.LetterFacts{}, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	f.ForCause, f.ForCauseClause, f.LegalHold = true, clause, true
	in, err := f.Input(cl, casefile.LetterFacts{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SendLetter(ctx, id, casefile.Letter{Input: in, Markdown: "# Notice\n"}, filepath.Join(t.TempDir(), "l.md"), false); err != nil {
		t.Fatal(err)
	}
}

// A notice superseding one for cause cites its clause; when the clause is
// not on record (a notice recorded before it was kept), the screen opens
// on the clause, typing, and says why, rather than leaving a placeholder.
func TestSupersedingANoticeForCauseCitesOrAsksForItsClause(t *testing.T) {
	c, id := termCommon(t, true)
	sendForCause(t, c, id, "clause 14.4 (Termination for cause)")
	s := NewLetterScreen(c, id)
	d := drive(t, s, 140, 40)
	d.press("S", "yes", "enter")
	if len(d.errs) > 0 || s.editing || !s.draft.ForCause ||
		!strings.Contains(s.markdown, "under clause 14.4 (Termination for cause) of the Managed Services Agreement") {
		t.Fatalf("superseding: errs %v, editing %v, draft %+v:\n%s", d.errs, s.editing, s.draft, s.markdown)
	}

	c, id = termCommon(t, true)
	sendForCause(t, c, id, "clause 14.4 (Termination for cause)")
	if _, err := c.Store.DB().Exec("UPDATE terminations SET for_cause_clause = ''"); err != nil {
		t.Fatal(err)
	}
	s = NewLetterScreen(c, id)
	d = drive(t, s, 140, 40)
	d.press("S", "yes", "enter")
	if !s.editing || letterFields[s.cursor].key != "for_cause_clause" {
		t.Fatalf("the clause is not asked for: editing %v on %q", s.editing, letterFields[s.cursor].key)
	}
	if got := strings.Join(d.status, "\n"); !strings.Contains(got, "the notice of Thursday, 1 October 2026 was given for cause, but the clause it cited is not on record") {
		t.Errorf("the status line does not say why: %q", got)
	}
	d.press("clause 14.4", "enter")
	if s.editing || s.draft.ForCauseClause != "clause 14.4" || !strings.Contains(s.markdown, "under clause 14.4 of the Managed Services Agreement") {
		t.Errorf("after typing the clause: editing %v, clause %q:\n%s", s.editing, s.draft.ForCauseClause, s.markdown)
	}
}
