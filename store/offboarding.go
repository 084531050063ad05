package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/letters"
)

// agreementOf is the client's agreement as the documents name it.
func agreementOf(c Client) letters.Agreement {
	return letters.Agreement{Name: c.AgreementName, Signed: c.AgreementSigned,
		TerminationClause: c.TerminationClause, NoticeDays: c.NoticeDays}
}

// addresseeOf is the client as the documents address it.
func addresseeOf(c Client) letters.Client {
	return letters.Client{Name: c.Name, ContactName: c.ContactName, ContactEmail: c.ContactEmail, Address: c.Address}
}

// ErrNoNotice reports a checklist or post-mortem asked of a client that was
// never given notice.
var ErrNoNotice = fmt.Errorf("no notice of termination was sent to this client")

// Receipt gathers the offboarding receipt of a client as of today: every
// checklist step with who signed it off, when, and with which exception,
// issued by our company and prepared by the signer.
func (s *Store) Receipt(ctx context.Context, c Client, today time.Time) (letters.ReceiptInput, error) {
	term, ok, err := s.LatestTermination(ctx, c.ID)
	if err != nil {
		return letters.ReceiptInput{}, err
	}
	if !ok {
		return letters.ReceiptInput{}, fmt.Errorf("offboarding receipt for %s: %w", c.Name, ErrNoNotice)
	}
	steps, err := s.Checklist(ctx, c.ID)
	if err != nil {
		return letters.ReceiptInput{}, err
	}
	our, err := s.OurCompany(ctx)
	if err != nil {
		return letters.ReceiptInput{}, err
	}
	in := letters.ReceiptInput{Our: our, Client: addresseeOf(c), Agreement: agreementOf(c), Sent: term.Sent,
		Effective: term.Effective, Prepared: today, PreparedBy: our.Signer}
	for _, st := range steps {
		in.Steps = append(in.Steps, letters.SignOff{Title: st.Title, Due: st.Due, Done: st.IsDone(),
			By: st.SignedOffBy, On: st.Done, Exception: st.Exception})
	}
	return in, nil
}

// PostMortemInput gathers the post-mortem note of a client let go, as of
// today (seed 002: take stock of how you got there). Each red flag's first
// action is the first remediation plan, when it was started after the flag
// appeared; otherwise nothing was done before notice. The owner's lessons
// are split by SplitLessons.
func (s *Store) PostMortemInput(ctx context.Context, c Client, today time.Time) (letters.PostMortemInput, error) {
	f, err := s.PostMortem(ctx, c.ID)
	if err != nil {
		return letters.PostMortemInput{}, err
	}
	if f.Termination.ID == 0 {
		return letters.PostMortemInput{}, fmt.Errorf("post-mortem for %s: %w", c.Name, ErrNoNotice)
	}
	our, err := s.OurCompany(ctx)
	if err != nil {
		return letters.PostMortemInput{}, err
	}
	in := letters.PostMortemInput{Our: our, Client: addresseeOf(c), Prepared: today, Author: our.Signer,
		NoticeSent: f.Termination.Sent, Effective: f.Termination.Effective}
	in.Changes, in.Notes = SplitLessons(f.Lessons)
	for _, o := range f.Onsets {
		h := letters.FlagHistory{Flag: o.Flag, FirstSeen: o.FirstSeen, Evidence: o.Evidence}
		if !f.PlanCreated.IsZero() && !f.PlanCreated.Before(o.FirstSeen) && !f.PlanCreated.After(f.Termination.Sent) {
			h.ActionTaken, h.Action = f.PlanCreated, "Remediation plan started"
			if f.PlanStatus != "" {
				h.Action += " (" + strings.ReplaceAll(f.PlanStatus, "_", " ") + ")"
			}
		}
		in.Flags = append(in.Flags, h)
	}
	return in, nil
}

// SplitLessons reads the owner's post-mortem notes: each line starting with
// "-" or "*" is a change to make, everything else is free notes, paragraphs
// kept.
func SplitLessons(lessons string) (changes []string, notes string) {
	var rest []string
	for _, line := range strings.Split(strings.ReplaceAll(lessons, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-") || strings.HasPrefix(trimmed, "*") {
			if item := strings.TrimSpace(trimmed[1:]); item != "" {
				changes = append(changes, item)
			}
			continue
		}
		rest = append(rest, trimmed)
	}
	return changes, strings.TrimSpace(strings.Join(rest, "\n"))
}
