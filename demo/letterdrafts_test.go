package demo

import (
	"context"
	"regexp"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/letters"
)

// Every planted client's notice, drafted fresh as the command line drafts
// it, is complete: no "[… missing]" left for the owner to fill in. One for
// cause names its agreement's for-cause clause (§12.5 of v2), kept in the
// letter form the owner saved. A client already under notice would get a
// superseding notice, which its own story does not call for.
func TestPlantedLettersAreComplete(t *testing.T) {
	s := defaultPortfolio(t)
	ctx := context.Background()
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	desk := &casefile.Desk{Store: s, Letters: r, Now: func() time.Time { return asOf }}
	gap := regexp.MustCompile(`\[[^\]]* missing\]`)
	forCause := 0
	for _, pl := range plants {
		t.Run(pl.name, func(t *testing.T) {
			c, err := desk.FindClient(ctx, pl.name)
			if err != nil {
				t.Fatal(err)
			}
			facts, err := desk.LetterFacts(ctx, c, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if facts.Prior != nil {
				t.Skip("already under notice")
			}
			f, err := desk.FreshLetterDraft(ctx, c, facts, asOf)
			if err != nil {
				t.Fatal(err)
			}
			l, err := desk.DraftLetter(c, facts, f)
			if err != nil {
				t.Fatal(err)
			}
			if g := gap.FindAllString(l.Markdown, -1); len(g) > 0 {
				t.Errorf("the letter has gaps %q", g)
			}
			if f.ForCause {
				forCause++
				if want := forCauseClause(c.AgreementName); f.ForCauseClause != want {
					t.Errorf("for-cause clause %q, want %q", f.ForCauseClause, want)
				}
			}
		})
	}
	if forCause == 0 {
		t.Error("no planted client is drafted for cause")
	}
}
