package letters

import (
	"offboard/money"

	"fmt"
	"sort"
	"time"
)

// FlagHistory is one red flag in an offboarded client's story: when it
// first showed and when something was done about it.
type FlagHistory struct {
	// Flag names the red flag, for example "Late payment".
	Flag string
	// FirstSeen is the day the flag first appeared in the data.
	FirstSeen time.Time
	// Evidence is the first sign, for example "invoice 2291 paid 47 days late".
	Evidence string
	// ActionTaken is the day the first action was taken; zero when none
	// was taken before notice.
	ActionTaken time.Time
	// Action says what was done.
	Action string
}

// PostMortemInput is the owner's look back at how a client came to be let
// go. Seed 002: "take stock of how you got there"; "even if the analysis
// identifies no change needed, the act of analysis is a healthy response".
type PostMortemInput struct {
	// Our is our company.
	Our Company
	// Client is the offboarded client.
	Client Client
	// Prepared is the day the note is written.
	Prepared time.Time
	// Author is the person writing it.
	Author string
	// NoticeSent is the day notice was sent.
	NoticeSent time.Time
	// Effective is the day termination took effect.
	Effective time.Time
	// Flags are the red flags, in any order.
	Flags []FlagHistory
	// Changes are the owner's notes on what to change, one per item.
	Changes []string
	// Notes is free text, paragraphs separated by blank lines.
	Notes string
	// Economics is what the client brought in and cost; nil leaves the
	// section out.
	Economics *Economics
}

// Economics is what a client brought in and what serving it cost, over
// the whole relationship and from the first red flag on, each to the
// effective date. Seed 002 asks whether a client was worth keeping; the
// numbers answer it after the fact.
type Economics struct {
	// Since is the first day the figures cover: the start of the
	// relationship, or of the record where it begins later.
	Since time.Time
	// Revenue and Cost are over the whole relationship: invoiced, and the
	// hours worked at the loaded labour cost.
	Revenue, Cost money.Money
	// FlagRevenue and FlagCost are the same from the first red flag on.
	FlagRevenue, FlagCost money.Money
}

// Margin is Revenue less Cost.
func (e Economics) Margin() money.Money { return minus(e.Revenue, e.Cost) }

// FlagMargin is FlagRevenue less FlagCost.
func (e Economics) FlagMargin() money.Money { return minus(e.FlagRevenue, e.FlagCost) }

// minus is a less b, in a's currency.
func minus(a, b money.Money) money.Money {
	return money.Money{Minor: a.Minor - b.Minor, Currency: a.Currency}
}

// DaysFirstFlagToAction is the number of days from the earliest red flag
// to the first action taken on any flag, the same days the timeline counts;
// -1 when nothing was done before notice.
func (in PostMortemInput) DaysFirstFlagToAction() int {
	t := in.Timeline()
	var first time.Time
	for _, f := range t {
		if f.Acted && (first.IsZero() || f.ActionTaken.Before(first)) {
			first = f.ActionTaken
		}
	}
	if len(t) == 0 || first.IsZero() {
		return -1
	}
	return DaysBetween(t[0].FirstSeen, first)
}

// FlagTimeline is a red flag placed on the timeline, as the post-mortem
// template receives it.
type FlagTimeline struct {
	FlagHistory
	// Acted reports whether action was taken before notice.
	Acted bool
	// DaysToAction is the number of days from FirstSeen to ActionTaken, or
	// to the notice when no action was taken.
	DaysToAction int
}

// Timeline returns the flags in the order they first appeared, each with
// the days it took to act.
func (in PostMortemInput) Timeline() []FlagTimeline {
	out := make([]FlagTimeline, len(in.Flags))
	for i, f := range in.Flags {
		until := in.NoticeSent
		if !f.ActionTaken.IsZero() {
			until = f.ActionTaken
		}
		out[i] = FlagTimeline{FlagHistory: f, Acted: !f.ActionTaken.IsZero(), DaysToAction: DaysBetween(f.FirstSeen, until)}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FirstSeen.Before(out[j].FirstSeen) })
	return out
}

// Slowest is the flag that waited longest for action, the first of them on
// a tie; nil when there are no flags.
func (in PostMortemInput) Slowest() *FlagTimeline {
	var slowest *FlagTimeline
	for _, f := range in.Timeline() {
		if slowest == nil || f.DaysToAction > slowest.DaysToAction {
			slowest = &f
		}
	}
	return slowest
}

// ActedCount is the number of red flags acted on before notice.
func (in PostMortemInput) ActedCount() int {
	n := 0
	for _, f := range in.Flags {
		if !f.ActionTaken.IsZero() {
			n++
		}
	}
	return n
}

// ActedSummary says in one sentence how many red flags were acted on
// before notice: "Of the 3 red flags, 2 were acted on before notice." It
// is "" with fewer than two flags, where the sentence on the longest wait
// already says whether the one flag was acted on.
func (in PostMortemInput) ActedSummary() string {
	n, acted := len(in.Flags), in.ActedCount()
	switch {
	case n < 2:
		return ""
	case acted == n:
		return fmt.Sprintf("All %d red flags were acted on before notice.", n)
	case acted == 0:
		return fmt.Sprintf("None of the %d red flags was acted on before notice.", n)
	case acted == 1:
		return fmt.Sprintf("Of the %d red flags, 1 was acted on before notice.", n)
	}
	return fmt.Sprintf("Of the %d red flags, %d were acted on before notice.", n, acted)
}

// Unacted are the red flags with no action before notice, in the order they
// first appeared: where the owner's changes would start.
func (in PostMortemInput) Unacted() []FlagTimeline {
	var out []FlagTimeline
	for _, f := range in.Timeline() {
		if !f.Acted {
			out = append(out, f)
		}
	}
	return out
}

// DaysFirstFlagToNotice is the number of days from the earliest red flag to
// the notice; 0 when there are no flags.
func (in PostMortemInput) DaysFirstFlagToNotice() int {
	t := in.Timeline()
	if len(t) == 0 {
		return 0
	}
	return DaysBetween(t[0].FirstSeen, in.NoticeSent)
}

// PostMortem renders the owner's post-mortem note for an offboarded client.
func (r *Renderer) PostMortem(in PostMortemInput) (string, error) {
	if in.NoticeSent.IsZero() {
		return "", fmt.Errorf("post-mortem for %s: the date notice was sent is not set", displayName(in.Client.Name))
	}
	for _, f := range in.Flags {
		if f.FirstSeen.IsZero() {
			return "", fmt.Errorf("post-mortem for %s: red flag %q has no first-seen date", displayName(in.Client.Name), f.Flag)
		}
		if !f.ActionTaken.IsZero() && DaysBetween(f.FirstSeen, f.ActionTaken) < 0 {
			return "", fmt.Errorf("post-mortem for %s: red flag %q was acted on (%s) before it first appeared (%s)",
				displayName(in.Client.Name), f.Flag, FormatDate(f.ActionTaken), FormatDate(f.FirstSeen))
		}
	}
	return r.render(KindPostMortem, in)
}
