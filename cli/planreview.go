package cli

import (
	"context"
	"errors"
	"fmt"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/textsafe"
)

// planReviewUsage is the usage line of the plan command's review action.
const planReviewUsage = "plan review CLIENT (--resolve | --extend DATE | --fail) [--note TEXT] [--db FILE]"

// planReview records the decision at the review of the client's open
// plan, as the workbench's review screen does (casefile.Desk.ReviewPlan).
func planReview(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "plan", planReviewUsage, `Records the decision at the review of the client's open remediation plan: close it
as resolved (the client goes back to active), extend it to a new review date, or
mark it failed (scoring then recommends offboarding). The note goes to the
decisions log with the decision.

The new review date is read as the workbench reads it (2027-01-15, +30d, next fri,
15 jan), counted from today in the client's time zone, else business.time_zone.
A day the business is closed (a weekend, a public holiday of calendar.region, a day
in calendar.closed) moves to the next working day, and the command says so.`)
	resolve := fs.Bool("resolve", false, "close the plan as resolved")
	extend := fs.String("extend", "", "extend the plan to a new review `date`")
	fail := fs.Bool("fail", false, "mark the plan failed")
	note := fs.String("note", "", "what the figures and the client's actions show, for the decisions log (`text`)")
	db := storeFlag(fs)
	name, err := oneClient(env, fs, args)
	if err != nil {
		return err
	}
	var to scoring.PlanStatus
	chosen := 0
	for _, o := range []struct {
		set bool
		to  scoring.PlanStatus
	}{{*resolve, scoring.PlanResolved}, {*extend != "", scoring.PlanExtended}, {*fail, scoring.PlanFailed}} {
		if o.set {
			to, chosen = o.to, chosen+1
		}
	}
	if chosen != 1 {
		return usagef(fs, "choose one outcome: --resolve, --extend DATE or --fail")
	}
	desk, cl, err := openDesk(ctx, env, db, fs, name)
	if err != nil {
		return err
	}
	defer desk.Store.Close()
	plan, ok, err := desk.LatestPlan(ctx, cl.ID)
	if err != nil {
		return err
	}
	if !ok || !plan.Status.Open() {
		what := "no remediation plan"
		if ok {
			what = "no open remediation plan: its latest is " + plan.Status.Label()
		}
		return fmt.Errorf("%s has %s; open the client in the workbench and press r to prepare one", textsafe.Line(cl.Name), what)
	}
	day, err := desk.ReviewPlan(ctx, plan.ID, to, *extend, *note)
	var typed *casefile.FieldError
	if errors.As(err, &typed) {
		return usagef(fs, "--extend: %s", typed.Problem)
	}
	if err != nil {
		return err
	}
	switch to {
	case scoring.PlanExtended:
		fmt.Fprintf(env.Stdout, "Plan of %s extended: next review on %s", textsafe.Line(cl.Name), letters.FormatDate(day.Day))
		if day.Moved != "" {
			fmt.Fprintf(env.Stdout, ", %s", day.Moved)
		}
		fmt.Fprintln(env.Stdout, ".")
	case scoring.PlanResolved:
		fmt.Fprintf(env.Stdout, "Plan of %s closed as resolved: the client is back to active.\n", textsafe.Line(cl.Name))
	default:
		fmt.Fprintf(env.Stdout, "Plan of %s marked failed: scoring now recommends offboarding.\n", textsafe.Line(cl.Name))
	}
	return nil
}
