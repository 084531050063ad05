package demo

import (
	"context"
	"fmt"
	"time"

	"offboard/casefile"
	"offboard/store"
)

// keepLetterDrafts saves, for each planted client with a zero-tolerance
// incident and no notice yet, the letter form as an owner would have left
// it after typing the agreement's for-cause clause into it. The clause is
// agreement data the client list does not carry, so an owner's record holds
// it in the letter's form; without it every demo letter for cause would
// show the gap a new owner sees before filling it in.
//
// The form is dated the day after the last day of history, the day the demo
// is written and opened: a notice dated before it would be back-dated.
func keepLetterDrafts(ctx context.Context, s *store.Store, asOf time.Time) error {
	today := asOf.AddDate(0, 0, 1)
	desk := &casefile.Desk{Store: s, Now: func() time.Time { return today }}
	for _, pl := range plants {
		c, err := desk.FindClient(ctx, pl.name)
		if err != nil {
			return fmt.Errorf("demo: letter draft of %s: %w", pl.name, err)
		}
		facts, err := desk.LetterFacts(ctx, c, today)
		if err != nil {
			return fmt.Errorf("demo: letter draft of %s: %w", pl.name, err)
		}
		if !facts.ZeroTolerance || facts.Prior != nil {
			continue
		}
		f, err := desk.FreshLetterDraft(ctx, c, facts, today)
		if err != nil {
			return fmt.Errorf("demo: letter draft of %s: %w", pl.name, err)
		}
		f.ForCauseClause = forCauseClause(c.AgreementName)
		if err := desk.SaveLetterDraft(ctx, c.ID, f); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}
