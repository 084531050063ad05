package casefile

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

// ErrNoNotice reports a checklist receipt or post-mortem asked of a client
// that was never given notice.
var ErrNoNotice = errors.New("no notice of termination was sent to this client")

// PostMortemNote is a client's post-mortem as of a day: the owner's notes
// as saved, the note's input and the note rendered, as a document ready to
// export.
type PostMortemNote struct {
	// Client is the client let go.
	Client store.Client
	// Lessons are the owner's notes as saved.
	Lessons string
	// Input is what the note was rendered from.
	Input letters.PostMortemInput
	// Document is the note rendered, not yet exported.
	Document store.Document
}

// PostMortem gathers and renders the post-mortem note of a client given
// notice, as of today (seed 002: take stock of how you got there).
func (d *Desk) PostMortem(ctx context.Context, clientID int64, today time.Time) (PostMortemNote, error) {
	f, err := d.Store.PostMortem(ctx, clientID)
	if err != nil {
		return PostMortemNote{}, err
	}
	if f.Termination.ID == 0 {
		return PostMortemNote{}, fmt.Errorf("post-mortem for %s: %w", f.Client.Name, ErrNoNotice)
	}
	our, err := d.OurCompany(ctx)
	if err != nil {
		return PostMortemNote{}, err
	}
	in := postMortemInput(f, our, today)
	if in.Economics, err = d.economics(ctx, f.Client, in); err != nil {
		return PostMortemNote{}, err
	}
	md, err := d.Letters.PostMortem(in)
	if err != nil {
		return PostMortemNote{}, err
	}
	return PostMortemNote{Client: f.Client, Lessons: f.Lessons, Input: in, Document: store.Document{ClientID: clientID,
		Kind: "postmortem", Title: "Post-mortem of " + f.Client.Name, Markdown: md}}, nil
}

// postMortemInput is the note's input from the facts. Each red flag's first
// action is the first remediation plan, when it was started after the flag
// appeared; otherwise nothing was done before notice. The owner's lessons
// are split by SplitLessons.
func postMortemInput(f store.PostMortemFacts, our letters.Company, today time.Time) letters.PostMortemInput {
	in := letters.PostMortemInput{Our: our, Client: addresseeOf(f.Client), Prepared: today, Author: our.Signer,
		NoticeSent: f.Termination.Sent, Effective: f.Termination.Effective}
	in.Changes, in.Notes = SplitLessons(f.Lessons)
	for _, h := range flagOnsets(f.Signs) {
		if !f.PlanCreated.IsZero() && !f.PlanCreated.Before(h.FirstSeen) && !f.PlanCreated.After(f.Termination.Sent) {
			h.ActionTaken, h.Action = f.PlanCreated, "Remediation plan started"
			if f.PlanStatus != "" {
				h.Action += " (" + strings.ReplaceAll(f.PlanStatus, "_", " ") + ")"
			}
		}
		in.Flags = append(in.Flags, h)
	}
	return in
}

// flagNames names the red flag each kind of sign shows, after the seeds
// cited in the schema's incidents table; other incident kinds show none.
var flagNames = map[string]string{
	"abuse":                   "Mistreatment of staff",
	"security":                "Security noncompliance",
	"data_compliance":         "Data-compliance violations",
	"criminal":                "Criminal activity",
	"scope":                   "Scope creep",
	"declined_upgrade":        "Resistance to modernization",
	"naivete":                 "Resistance to modernization",
	"after_hours":             "After-hours urgency",
	store.SignDeclinedUpgrade: "Resistance to modernization",
	store.SignLatePayment:     "Late payment",
}

// flagOnsets dates each red flag from the earliest of the signs that show
// it, counting them all, in the order the flags first appeared (by name on
// the same day); no action is set.
func flagOnsets(signs []store.FlagSign) []letters.FlagHistory {
	onsets := map[string]*letters.FlagHistory{}
	counts := map[string]int{}
	for _, s := range signs {
		flag, ok := flagNames[s.Kind]
		if !ok {
			continue
		}
		counts[flag] += s.Count
		if o, ok := onsets[flag]; !ok || s.FirstSeen.Before(o.FirstSeen) {
			onsets[flag] = &letters.FlagHistory{Flag: flag, FirstSeen: s.FirstSeen, Evidence: evidenceOf(s)}
		}
	}
	out := make([]letters.FlagHistory, 0, len(onsets))
	for _, o := range onsets {
		if n := counts[o.Flag]; n > 1 {
			o.Evidence += fmt.Sprintf(" (%d signs in all)", n)
		}
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].FirstSeen.Equal(out[j].FirstSeen) {
			return out[i].FirstSeen.Before(out[j].FirstSeen)
		}
		return out[i].Flag < out[j].Flag
	})
	return out
}

// evidenceOf describes the first sign of a kind in words.
func evidenceOf(s store.FlagSign) string {
	switch s.Kind {
	case store.SignDeclinedUpgrade:
		return "upgrade declined: " + s.Detail
	case store.SignLatePayment:
		state := "paid"
		if s.StillOpen {
			state = "still unpaid"
		}
		return fmt.Sprintf("invoice %s %s %d days after its due date", s.Detail, state, s.DaysLate)
	}
	if s.Detail == "" {
		return "first incident"
	}
	return "first incident: " + s.Detail
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

// SaveLessons keeps the owner's notes on what to change after letting the
// client go, replacing earlier notes; lines starting with "-" are changes
// (SplitLessons).
func (d *Desk) SaveLessons(ctx context.Context, clientID int64, lessons string) error {
	return d.Store.SaveLessons(ctx, clientID, lessons)
}

// economics is what the client brought in and cost, over the relationship
// and from its first red flag, to the effective date: its invoices, and the
// hours worked at our loaded labour cost.
func (d *Desk) economics(ctx context.Context, c store.Client, in letters.PostMortemInput) (*letters.Economics, error) {
	setup, err := d.Setup(ctx)
	if err != nil {
		return nil, err
	}
	end := in.Effective
	if end.IsZero() {
		end = in.NoticeSent
	}
	cost := func(e store.Earnings) money.Money {
		return money.Money{Minor: e.Seconds * setup.Config.LoadedCostPerHour / 3600, Currency: c.Currency}
	}
	all, err := d.Store.EarningsBetween(ctx, c.ID, c.ClientSince, end)
	if err != nil {
		return nil, err
	}
	// The record may begin after the relationship did (an import of the
	// last two years, say): the figures say from when they count.
	since := c.ClientSince
	if all.First.After(since) {
		since = all.First
	}
	e := &letters.Economics{Since: since, Revenue: money.Money{Minor: all.Invoiced, Currency: c.Currency}, Cost: cost(all)}
	if t := in.Timeline(); len(t) > 0 {
		flagged, err := d.Store.EarningsBetween(ctx, c.ID, t[0].FirstSeen, end)
		if err != nil {
			return nil, err
		}
		e.FlagRevenue, e.FlagCost = money.Money{Minor: flagged.Invoiced, Currency: c.Currency}, cost(flagged)
	}
	return e, nil
}
