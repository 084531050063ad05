package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// LetterCase is what a client's termination letter opens on: the notice
// already sent, or else the form to fill in.
type LetterCase struct {
	// Client is the client written to.
	Client store.Client
	// Sent is the notice on record with its letter; nil while there is
	// none, and then Draft is the form.
	Sent *Notice
	// Draft is the saved form, or a fresh one; Saved says which.
	Draft LetterDraft
	Saved bool
	// Facts are the record's facts the letter is drafted with.
	Facts LetterFacts
}

// Notice is a notice of termination given to a client, with the letter it
// was sent as (zero for a client put under notice by hand).
type Notice struct {
	// Termination is the notice as recorded.
	Termination store.Termination
	// Letter is the document it was sent as.
	Letter store.Document
}

// OpenLetter loads the client's letter as of today: the notice already
// sent, when one is on record with its letter, or the saved form, or a
// fresh one. A client put under notice by hand, with no letter on record,
// gets the form like any other. With supersede, a client under notice gets
// the form too, marked as superseding its notice.
func (d *Desk) OpenLetter(ctx context.Context, clientID int64, today time.Time, supersede bool) (LetterCase, error) {
	cl, err := d.Store.Client(ctx, clientID)
	if err != nil {
		return LetterCase{}, err
	}
	n, ok, err := d.NoticeGiven(ctx, cl)
	if err != nil {
		return LetterCase{}, err
	}
	if ok && n.Termination.DocumentID != 0 && !(supersede && ClientStatusOf(cl.Status) == scoring.StatusNotice) {
		return LetterCase{Client: cl, Sent: &n}, nil
	}
	facts, err := d.LetterFacts(ctx, cl, today)
	if err != nil {
		return LetterCase{}, err
	}
	draft, saved, err := d.LetterDraftFor(ctx, cl, facts, today)
	draft.Supersedes = draft.Supersedes || supersede
	draft.CitePriorClause(facts.PriorCause)
	return LetterCase{Client: cl, Draft: draft, Saved: saved, Facts: facts}, err
}

// NoticeGiven returns the latest notice of a client under notice or
// offboarded; ok is false for any other client, and for one whose status
// was set by hand with no notice on record.
func (d *Desk) NoticeGiven(ctx context.Context, cl store.Client) (n Notice, ok bool, err error) {
	if !underNoticeOrOffboarded(cl) {
		return n, false, nil
	}
	if n.Termination, ok, err = d.Store.LatestTermination(ctx, cl.ID); err != nil || !ok {
		return n, false, err
	}
	if n.Termination.DocumentID != 0 {
		if n.Letter, err = d.Store.DocumentByID(ctx, n.Termination.DocumentID); err != nil {
			return n, false, fmt.Errorf("letter of the notice to %s: %w", cl.Name, err)
		}
	}
	return n, true, nil
}

// LetterDraftFor returns the client's saved letter form, or else a fresh
// one (FreshLetterDraft); saved says which.
func (d *Desk) LetterDraftFor(ctx context.Context, c store.Client, facts LetterFacts, sent time.Time) (f LetterDraft, saved bool, err error) {
	if saved, err = d.Store.LoadDraft(ctx, c.ID, store.DraftLetter, &f); err != nil || saved {
		return f, saved, err
	}
	f, err = d.FreshLetterDraft(ctx, c, facts, sent)
	return f, false, err
}

// FreshLetterDraft is a letter form pre-filled for notice sent on sent from
// the client, our settings and the letter's facts (NewLetterDraft). The
// for-cause clause is the agreement's, which the client list does not
// carry: one the owner typed into the client's saved form for the same
// agreement is kept, so a fresh draft (the command line's) does not ask
// for it again.
func (d *Desk) FreshLetterDraft(ctx context.Context, c store.Client, facts LetterFacts, sent time.Time) (LetterDraft, error) {
	our, err := d.OurCompany(ctx)
	if err != nil {
		return LetterDraft{}, err
	}
	f := NewLetterDraft(c, our, facts, sent)
	var saved LetterDraft
	ok, err := d.Store.LoadDraft(ctx, c.ID, store.DraftLetter, &saved)
	if err != nil {
		return f, err
	}
	if ok && f.ForCauseClause == "" && saved.AgreementName == f.AgreementName {
		f.ForCauseClause = saved.ForCauseClause
	}
	return f, nil
}

// SaveLetterDraft stores the letter form as typed.
func (d *Desk) SaveLetterDraft(ctx context.Context, clientID int64, f LetterDraft) error {
	return d.Store.SaveDraft(ctx, clientID, store.DraftLetter, f)
}

// Letter is a notice of termination as drafted: the form parsed into the
// letter's input and the text to send.
type Letter struct {
	// Input is the form as parsed, for the renderer and the record.
	Input letters.TerminationInput
	// Markdown is the owner's edited text when there is one, otherwise the
	// letter rendered from the input; empty when it could not be rendered.
	Markdown string
}

// DraftLetter parses the form and renders the letter with the owner's
// templates. The error is FieldErrors when fields do not parse (the input
// then holds what did), or the renderer's refusal, such as a
// *letters.ShortNoticeError; the owner's edited text is kept either way.
func (d *Desk) DraftLetter(c store.Client, facts LetterFacts, f LetterDraft) (Letter, error) {
	in, err := f.Input(c, facts)
	l := Letter{Input: in, Markdown: f.Markdown}
	if err != nil {
		return l, err
	}
	md, err := d.Letters.Termination(in)
	if err != nil {
		return l, err
	}
	if l.Markdown == "" {
		l.Markdown = md
	}
	return l, nil
}

// LetterGaps lists, without repeats, what stops a letter being sent: the
// fields its input lacks, then the gaps still marked in its text (which the
// owner's edited text may have added or filled).
func LetterGaps(in letters.TerminationInput, markdown string) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range append(in.MissingForSending(), letters.Gaps(markdown)...) {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// EffectiveAtTermEnd reports whether a letter's effective date is the end
// of the agreement's term rather than the end of the notice period, which
// the owner is told.
func EffectiveAtTermEnd(c store.Client, effective time.Time) bool {
	return !c.TermEnd.IsZero() && store.Date(c.TermEnd) == store.Date(effective)
}

// WriteDraft writes the letter to path without recording it as sent,
// replacing an earlier draft; with no path, beside where the sent letter
// would go, marked as a draft. It returns the path written.
func WriteDraft(cl store.Client, l Letter, path string) (string, error) {
	if path == "" {
		path = strings.TrimSuffix(letters.DefaultExportPath(letters.KindTermination, cl.Name, l.Input.Sent), ".md") + "-draft.md"
	}
	return path, store.WriteExportFile(path, l.Markdown, true)
}

// ToneNotAcceptedError refuses to send a letter whose tone check found
// wording the owner has not acknowledged.
type ToneNotAcceptedError struct {
	// Phrases are the words and phrases the tone check found.
	Phrases []string
}

// Error lists the phrases.
func (e *ToneNotAcceptedError) Error() string {
	return fmt.Sprintf("the tone check questions %s; reword the letter, or acknowledge the tone to send it as it is",
		strings.Join(e.Quoted(), ", "))
}

// Quoted are the phrases, each in quotation marks.
func (e *ToneNotAcceptedError) Quoted() []string {
	out := make([]string, len(e.Phrases))
	for i, p := range e.Phrases {
		out[i] = fmt.Sprintf("%q", p)
	}
	return out
}

// TonePhrases are the distinct words and phrases the tone check finds in a
// letter, in the order they appear.
func TonePhrases(markdown string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range letters.ToneCheck(markdown) {
		if !seen[w.Phrase] {
			seen[w.Phrase] = true
			out = append(out, w.Phrase)
		}
	}
	return out
}

// SendLetter exports the letter to path and records it as sent, all or
// nothing (store.RecordLetterSent): the client goes under notice and the
// offboarding checklist is scheduled from the letter's dates. A letter the
// tone check questions is refused with a *ToneNotAcceptedError unless
// acceptTone, and the acknowledgement then goes into the decisions log.
func (d *Desk) SendLetter(ctx context.Context, clientID int64, l Letter, path string, acceptTone bool) (store.Termination, error) {
	phrases := TonePhrases(l.Markdown)
	if len(phrases) > 0 && !acceptTone {
		return store.Termination{}, &ToneNotAcceptedError{Phrases: phrases}
	}
	sl := sentLetterOf(clientID, l, path)
	sl.ToneAccepted = phrases
	return d.Store.RecordLetterSent(ctx, sl)
}

// sentLetterOf is the record of a letter about to be exported to path as
// sent, with the offboarding checklist scheduled from its dates on its
// calendar (letters.ChecklistStepsOn), disposal suspended under a legal
// hold.
func sentLetterOf(clientID int64, l Letter, path string) store.SentLetter {
	in := l.Input
	steps := letters.ChecklistStepsOn(in.Calendar, in.Sent, in.Effective, in.RetentionDeadline)
	legalHold := in.ForCause != nil && in.ForCause.LegalHold
	var clause string
	if in.ForCause != nil {
		clause = in.ForCause.Clause
	}
	if legalHold {
		steps = letters.UnderLegalHold(steps)
	}
	planned := make([]store.StepRow, len(steps))
	for i, st := range steps {
		planned[i] = store.StepRow{Key: st.Key, Title: st.Title, Due: st.Due}
	}
	title := fmt.Sprintf("Notice of termination of %s dated %s", in.Agreement.Name, letters.FormatDate(in.Agreement.Signed))
	return store.SentLetter{ClientID: clientID, Title: title, Markdown: l.Markdown, Path: path, Sent: in.Sent,
		NoticeDays: in.NoticeDays, Effective: in.Effective, Retention: in.RetentionDeadline,
		Delivery: deliveryOf(in.Delivery), Steps: planned, AgreementName: in.Agreement.Name,
		AgreementSigned: in.Agreement.Signed, LegalHold: legalHold, ForCause: in.ForCause != nil, ForCauseClause: clause,
		Supersedes: in.Supersedes}
}

// deliveryOf is the terminations table's name of a delivery method.
func deliveryOf(d letters.Delivery) string {
	switch d {
	case letters.DeliveryPost:
		return store.DeliveryPost
	case letters.DeliveryHand:
		return store.DeliveryHand
	default:
		return store.DeliveryEmail
	}
}
