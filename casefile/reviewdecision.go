package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// ReviewPlan records the owner's decision at an open plan's review, as a
// front end takes it: to is scoring.PlanResolved, PlanExtended or
// PlanFailed, and newReview the new review date typed when extending,
// read in the client's zone (ReadReviewDay); a date that does not read is
// a *FieldError. For an extension it returns the review date recorded,
// which is on a working day, and why it moved when the day typed was not
// one.
func (d *Desk) ReviewPlan(ctx context.Context, planID int64, to scoring.PlanStatus, newReview, note string) (ReviewDay, error) {
	switch to {
	case scoring.PlanResolved:
		return ReviewDay{}, d.ResolvePlan(ctx, planID, note)
	case scoring.PlanFailed:
		return ReviewDay{}, d.FailPlan(ctx, planID, note)
	case scoring.PlanExtended:
		p, zone, cal, err := d.reviewSetting(ctx, planID)
		if err != nil {
			return ReviewDay{}, err
		}
		if strings.TrimSpace(newReview) == "" {
			return ReviewDay{}, &FieldError{"new review date", "not set: type the day the plan is reviewed again"}
		}
		day, err := ReadReviewDay(newReview, cal, zone, d.Now())
		if err != nil {
			return ReviewDay{}, &FieldError{"new review date", err.Error()}
		}
		return day, d.reviewPlan(ctx, p, scoring.PlanExtended, day, note)
	}
	return ReviewDay{}, fmt.Errorf("review plan %d: %q is not an outcome of a review", planID, to)
}

// ReviewSetting is what a plan's review reads its dates with: the client's
// zone (ClientZone) and our calendar, and the new review date it suggests
// when extending (SuggestExtension).
type ReviewSetting struct {
	Zone     *time.Location
	Calendar calendar.Calendar
	// Suggested is the new review date offered, with why it is not
	// exactly ExtendByDays on.
	Suggested ReviewDay
}

// OpenReview returns what the review of an open plan reads its dates with,
// as of the desk's clock.
func (d *Desk) OpenReview(ctx context.Context, planID int64) (ReviewSetting, error) {
	p, zone, cal, err := d.reviewSetting(ctx, planID)
	if err != nil {
		return ReviewSetting{}, err
	}
	return ReviewSetting{Zone: zone, Calendar: cal, Suggested: SuggestExtension(cal, zone, d.Now(), p.ReviewOn)}, nil
}

// reviewSetting reads the plan, the client's zone and our calendar.
func (d *Desk) reviewSetting(ctx context.Context, planID int64) (store.Plan, *time.Location, calendar.Calendar, error) {
	p, err := d.Store.Plan(ctx, planID)
	if err != nil {
		return p, nil, calendar.Calendar{}, fmt.Errorf("review plan %d: %w", planID, err)
	}
	client, err := d.Store.Client(ctx, p.ClientID)
	if err != nil {
		return p, nil, calendar.Calendar{}, fmt.Errorf("review plan %d: %w", planID, err)
	}
	setup, err := d.Setup(ctx)
	if err != nil {
		return p, nil, calendar.Calendar{}, err
	}
	return p, ClientZone(client, setup.Config), setup.Config.Calendar, nil
}

// ResolvePlan closes an open plan as resolved at its review: the client
// goes back to "active", and the note is kept in both logs.
func (d *Desk) ResolvePlan(ctx context.Context, planID int64, note string) error {
	return d.reviewPlanID(ctx, planID, scoring.PlanResolved, note)
}

// ExtendPlan keeps an open plan going until a new review date, after the
// current one: review's calendar day, or the next working day of our
// calendar when the business is closed then. It returns the day recorded
// and why it moved.
func (d *Desk) ExtendPlan(ctx context.Context, planID int64, review time.Time, note string) (ReviewDay, error) {
	if review.IsZero() {
		return ReviewDay{}, fmt.Errorf("extend plan %d: the new review date is not set", planID)
	}
	p, _, cal, err := d.reviewSetting(ctx, planID)
	if err != nil {
		return ReviewDay{}, err
	}
	day := reviewDayOn(cal, review)
	return day, d.reviewPlan(ctx, p, scoring.PlanExtended, day, note)
}

// FailPlan closes an open plan as failed at its review. The client keeps
// its status until notice is given; scoring's policy then recommends
// offboarding (seed 004: if there is no resolution, thank the client and
// fulfil the contract).
func (d *Desk) FailPlan(ctx context.Context, planID int64, note string) error {
	return d.reviewPlanID(ctx, planID, scoring.PlanFailed, note)
}

// reviewPlanID closes the plan with the given id as resolved or failed.
func (d *Desk) reviewPlanID(ctx context.Context, planID int64, to scoring.PlanStatus, note string) error {
	p, err := d.Store.Plan(ctx, planID)
	if err != nil {
		return fmt.Errorf("review plan %d: %w", planID, err)
	}
	return d.reviewPlan(ctx, p, to, ReviewDay{}, note)
}

// reviewPlan checks the plan is open, words the decision for the record
// (with where an extension's date moved from, so the record says why the
// review is not on the day typed) and has the store write it, guarded
// against the plan changing meanwhile.
func (d *Desk) reviewPlan(ctx context.Context, p store.Plan, to scoring.PlanStatus, review ReviewDay, note string) error {
	from := PlanStatusOf(p.Status)
	if !from.Open() {
		return fmt.Errorf("review plan %d (%s): %w", p.ID, from.Label(), store.ErrPlanClosed)
	}
	r := store.PlanReview{To: string(to), Note: strings.TrimSpace(note)}
	summary := "reviewed: " + to.Label()
	if to == scoring.PlanExtended {
		if !review.Day.After(p.ReviewOn) {
			day := letters.FormatDate(review.Day)
			if review.Moved != "" {
				day += " (" + review.Moved + ")"
			}
			return fmt.Errorf("extend plan %d: the new review date, %s, must be after the current one, %s",
				p.ID, day, letters.FormatDate(p.ReviewOn))
		}
		r.ReviewOn = review.Day
		summary += nextReviewOn + store.Date(review.Day)
		if review.Moved != "" {
			summary += ", " + review.Moved
		}
	}
	if to == scoring.PlanResolved {
		r.ClientStatus, r.ClientReason = string(scoring.StatusActive), "remediation plan resolved at its review"
	}
	r.Reason = summary
	if r.Note != "" {
		r.Reason += ": " + r.Note
	}
	return d.Store.ReviewPlan(ctx, p.ID, string(from), r)
}
