package tui

import (
	"context"
	"path/filepath"
	"testing"

	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// A plan recorded without a walkthrough (by the demo, or another tool) is
// rebuilt from its rows; extending it at the review used to move its start
// past the actions agreed, and the export was then refused. enter, extend,
// Record, then export: the plan keeps its start and is exported.
func TestExtendingAReviewKeepsThePlanExportable(t *testing.T) {
	h, id := finishedPlan(t)
	ctx := context.Background()
	if _, err := h.c.Store.DB().Exec(`UPDATE remediation_plans SET form_json = '{}' WHERE client_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	plan, _, err := h.c.LatestPlan(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	before, err := h.c.PlanDocuments(ctx, plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	h.press("enter")
	h.screen = h.pushed[0].(*PlanReview)
	h.press("space", "tab") // extend
	for range len(h.screen.(*PlanReview).date) {
		h.press("backspace")
	}
	h.typeText("2027-06-30")
	h.press("tab", "tab", "enter")
	if h.popped != 1 || len(h.errs) != 0 {
		t.Fatalf("popped %d, errors %v", h.popped, h.errs)
	}
	plan, _, _ = h.c.LatestPlan(ctx, id)
	if plan.Status != scoring.PlanExtended || store.Date(plan.ReviewOn) != "2027-06-30" {
		t.Fatalf("plan %s, review %s", plan.Status, store.Date(plan.ReviewOn))
	}
	after, err := h.c.PlanDocuments(ctx, plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !after.Plan.Start.Equal(before.Plan.Start) || store.Date(after.Plan.Review()) != "2027-06-30" {
		t.Errorf("extended plan runs %s to %s, want %s to 2027-06-30", store.Date(after.Plan.Start),
			store.Date(after.Plan.Review()), store.Date(before.Plan.Start))
	}
	md, _, err := h.c.PlanMarkdown(ctx, plan.ID, letters.KindRemediationPlan, h.c.Letters)
	if err != nil {
		t.Fatal(err)
	}
	client, err := h.c.Store.Client(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.c.ExportPlanDocument(ctx, client, plan.ID, letters.KindRemediationPlan, md,
		filepath.Join(t.TempDir(), "plan.md")); err != nil {
		t.Errorf("export refused after the extension: %v", err)
	}
}
