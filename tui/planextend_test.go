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
	// The parts of a plan that come from elsewhere than the walkthrough:
	// our company, the client's contact and agreement.
	for k, v := range map[string]string{"company.name": "Bluewater Managed IT, LLC", "company.signer": "Alex Moreno",
		"company.signer_title": "Managing Director"} {
		if err := h.c.Store.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.c.Store.DB().Exec(`UPDATE clients SET contact_name = 'Dr. Lena Ortiz', agreement_name = 'Managed IT Services Agreement',
        agreement_signed_on = '2023-06-01', termination_clause = 'section 11' WHERE id = ?`, id); err != nil {
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
	review := h.pushed[0].(*PlanReview)
	h.screen = review
	for i := 0; i < 3 && review.choice != reviewExtend; i++ {
		h.press("space") // on to extend, wherever the review starts
	}
	h.press("tab")
	for range len(review.date) {
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
