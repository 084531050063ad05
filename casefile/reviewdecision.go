package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// ReviewPlan records the owner's decision at an open plan's review, as a
// front end takes it: to is scoring.PlanResolved, PlanExtended or
// PlanFailed, and newReview the new review date typed when extending.
func (d *Desk) ReviewPlan(ctx context.Context, planID int64, to scoring.PlanStatus, newReview, note string) error {
	switch to {
	case scoring.PlanResolved:
		return d.ResolvePlan(ctx, planID, note)
	case scoring.PlanFailed:
		return d.FailPlan(ctx, planID, note)
	case scoring.PlanExtended:
		t, err := ParseDay(newReview)
		if err != nil {
			return fmt.Errorf("new review date: %w", err)
		}
		return d.ExtendPlan(ctx, planID, t, note)
	}
	return fmt.Errorf("review plan %d: %q is not an outcome of a review", planID, to)
}

// ResolvePlan closes an open plan as resolved at its review: the client
// goes back to "active", and the note is kept in both logs.
func (d *Desk) ResolvePlan(ctx context.Context, planID int64, note string) error {
	return d.reviewPlan(ctx, planID, scoring.PlanResolved, time.Time{}, note)
}

// ExtendPlan keeps an open plan going until a new review date, after the
// current one.
func (d *Desk) ExtendPlan(ctx context.Context, planID int64, review time.Time, note string) error {
	if review.IsZero() {
		return fmt.Errorf("extend plan %d: the new review date is not set", planID)
	}
	return d.reviewPlan(ctx, planID, scoring.PlanExtended, review, note)
}

// FailPlan closes an open plan as failed at its review. The client keeps
// its status until notice is given; scoring's policy then recommends
// offboarding (seed 004: if there is no resolution, thank the client and
// fulfil the contract).
func (d *Desk) FailPlan(ctx context.Context, planID int64, note string) error {
	return d.reviewPlan(ctx, planID, scoring.PlanFailed, time.Time{}, note)
}

// reviewPlan checks the plan is open, words the decision for the record
// and has the store write it, guarded against the plan changing meanwhile.
func (d *Desk) reviewPlan(ctx context.Context, planID int64, to scoring.PlanStatus, review time.Time, note string) error {
	p, err := d.Store.Plan(ctx, planID)
	if err != nil {
		return fmt.Errorf("review plan %d: %w", planID, err)
	}
	from := PlanStatusOf(p.Status)
	if !from.Open() {
		return fmt.Errorf("review plan %d (%s): %w", planID, from.Label(), store.ErrPlanClosed)
	}
	r := store.PlanReview{To: string(to), Note: strings.TrimSpace(note)}
	summary := "reviewed: " + to.Label()
	if to == scoring.PlanExtended {
		if !review.After(p.ReviewOn) {
			return fmt.Errorf("extend plan %d: the new review date %s must be after the current one, %s",
				planID, store.Date(review), store.Date(p.ReviewOn))
		}
		r.ReviewOn = review
		summary += nextReviewOn + store.Date(review)
	}
	if to == scoring.PlanResolved {
		r.ClientStatus, r.ClientReason = string(scoring.StatusActive), "remediation plan resolved at its review"
	}
	r.Reason = summary
	if r.Note != "" {
		r.Reason += ": " + r.Note
	}
	return d.Store.ReviewPlan(ctx, planID, string(from), r)
}
