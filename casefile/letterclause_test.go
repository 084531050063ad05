package casefile

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"offboard/letters"
	"offboard/store"
)

// A notice sent for cause keeps the clause it cited, and a notice
// superseding it cites the same clause without being told; when a notice
// recorded before clauses were kept lost it, the redraft asks for it.
func TestARedraftOfANoticeForCauseCitesTheSameClause(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	const clause = "clause 14.4 (Termination for cause)"
	f, err := d.FreshLetterDraft(ctx, cl, LetterFacts{}, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	f.ForCause, f.ForCauseClause, f.LegalHold, f.WrittenOnly = true, "  "+clause+" ", true, true
	f.ContactName, f.ContactEmail = "Sam Lee", "sam@example.com"
	l, err := d.DraftLetter(cl, LetterFacts{}, f)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := d.SendLetter(ctx, cl.ID, l, filepath.Join(t.TempDir(), "notice.md"), false)
	if err != nil {
		t.Fatal(err)
	}
	term, _, err := d.Store.LatestTermination(ctx, cl.ID)
	if err != nil || !term.ForCause || term.ForCauseClause != clause || sent.ForCauseClause != clause {
		t.Fatalf("notice recorded as %+v (returned %+v), %v; want for cause under %q", term, sent, err, clause)
	}

	redraft := func() (LetterCase, Letter) {
		t.Helper()
		lc, err := d.OpenLetter(ctx, cl.ID, day("2026-11-30"), true)
		if err != nil {
			t.Fatal(err)
		}
		l, err := d.DraftLetter(lc.Client, lc.Facts, lc.Draft)
		if err != nil {
			t.Fatal(err)
		}
		return lc, l
	}
	lc, again := redraft()
	if !lc.Draft.ForCause || !lc.Draft.LegalHold || lc.Draft.ForCauseClause != clause || lc.Facts.ClauseToAsk(lc.Draft) != nil {
		t.Errorf("redraft form for cause %v, hold %v, clause %q; want for cause, held, %q", lc.Draft.ForCause,
			lc.Draft.LegalHold, lc.Draft.ForCauseClause, clause)
	}
	for _, want := range []string{"This letter is our written notice, under " + clause + " of the MSA dated Friday, 1 March 2024, that we are ending the agreement for cause.",
		"**Supersedes our notice of Monday, 23 November 2026**"} {
		if !strings.Contains(again.Markdown, want) {
			t.Errorf("the redraft lacks %q:\n%s", want, again.Markdown)
		}
	}
	if strings.Contains(again.Markdown, "for-cause clause missing") {
		t.Errorf("the redraft leaves the clause to a placeholder:\n%s", again.Markdown)
	}

	// A notice recorded before clauses were kept, whose letter could not
	// be read back: the redraft asks rather than guesses.
	if _, err := d.Store.DB().ExecContext(ctx, "UPDATE terminations SET for_cause_clause = '' WHERE id = ?", term.ID); err != nil {
		t.Fatal(err)
	}
	lc, _ = redraft()
	var ask *ClauseUnknownError
	if err := lc.Facts.ClauseToAsk(lc.Draft); !errors.As(err, &ask) || !lc.Draft.ForCause ||
		err.Error() != "the notice of Monday, 23 November 2026 was given for cause, but the clause it cited is not on record; "+
			"the new notice cites the same clause, as that letter words it" {
		t.Errorf("redraft without the clause on record: for cause %v, asks %v", lc.Draft.ForCause, err)
	}
	lc.Draft.ForCauseClause = clause
	if err := lc.Facts.ClauseToAsk(lc.Draft); err != nil {
		t.Errorf("still asks once the clause is typed: %v", err)
	}
}

// A notice given for cause under an earlier agreement does not lend its
// clause to a notice ending another one: the clause is asked for.
func TestAClauseIsNotCarriedToAnotherAgreement(t *testing.T) {
	pc := &PriorCause{Sent: day("2026-11-23"), Agreement: "MSA 2020", Clause: "clause 9"}
	d := NewLetterDraft(store.Client{AgreementName: "MSA 2024"}, letters.Company{Signer: "Sam Lee"}, LetterFacts{PriorCause: pc}, day("2026-11-30"))
	if !d.ForCause || d.ForCauseClause != "" {
		t.Errorf("for cause %v under %q; want for cause, no clause", d.ForCause, d.ForCauseClause)
	}
	if err := (LetterFacts{PriorCause: pc}).ClauseToAsk(d); err == nil {
		t.Error("the clause is not asked for")
	}
}
