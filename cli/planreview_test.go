package cli

import (
	"context"
	"strings"
	"testing"

	"offboard/demo"
	"offboard/store"
)

// plan review records the review's decision as the workbench does: the
// new date in the client's zone, on a working day, the command saying
// where it moved from; bad input is a usage error that changes nothing.
func TestPlanReviewExtendsOntoAWorkingDay(t *testing.T) {
	f := newDemoDB(t)
	name := demo.RemediationReviewDue
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--resolve", "--fail"}, "choose one outcome: --resolve, --extend DATE or --fail"},
		{nil, "choose one outcome"},
		{[]string{"--extend", "2026-02-30"}, `--extend: "2026-02-30" is not a date: February 2026 has no day 30`},
	} {
		code, stdout, stderr := f.run(t, append([]string{"plan", "review", name}, bad.args...)...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, bad.want) {
			t.Errorf("plan review %v: exit %d, %q, %q; want exit 2 saying %q", bad.args, code, stdout, stderr, bad.want)
		}
	}
	code, stdout, stderr := f.run(t, "plan", "review", name, "--extend", "2026-12-25", "--note", "Autopay enrolment under way")
	want := "Plan of " + name + " extended: next review on Monday, 28 December 2026, moved from Friday, 25 December 2026 (Christmas Day), not a working day.\n"
	if code != 0 || stdout != want {
		t.Fatalf("exit %d, %q (%s); want %q", code, stdout, stderr, want)
	}
	st := f.store(t)
	ctx := context.Background()
	cl, err := findClient(ctx, st, name)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := st.LatestPlans(ctx)
	if err != nil || store.Date(plan[cl.ID].ReviewOn) != "2026-12-28" || plan[cl.ID].Status != "extended" {
		t.Errorf("plan after the review: %+v, %v", plan[cl.ID], err)
	}
	// On or before the review now recorded, even once moved, is refused.
	code, _, stderr = f.run(t, "plan", "review", name, "--extend", "2026-12-27")
	if code != 1 || !strings.Contains(stderr, "the new review date, Monday, 28 December 2026 (moved from Sunday, 27 December 2026, not a working day), must be after the current one, Monday, 28 December 2026") {
		t.Errorf("extending onto the current review: exit %d, %s", code, stderr)
	}
	code, stdout, _ = f.run(t, "plan", "review", name, "--fail", "--note", "No change in payment times")
	if code != 0 || stdout != "Plan of "+name+" marked failed: scoring now recommends offboarding.\n" {
		t.Errorf("fail: exit %d, %q", code, stdout)
	}
	code, _, stderr = f.run(t, "plan", "review", name, "--resolve")
	if code != 1 || !strings.Contains(stderr, "has no open remediation plan: its latest is failed") {
		t.Errorf("a closed plan reviewed again: exit %d, %s", code, stderr)
	}
}
