package casefile_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// demoDesk writes the demo with its history ending on demoLastDay and a
// desk whose clock, the store's included, reads 09:00 the day after.
func demoDesk(t *testing.T) *casefile.Desk {
	t.Helper()
	ctx := context.Background()
	now := demoLastDay.Add(33 * time.Hour)
	clock := func() time.Time { return now }
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(ctx, s, demo.Options{Seed: 1, AsOf: demoLastDay}); err != nil {
		t.Fatal(err)
	}
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &casefile.Desk{Store: s, Now: clock, Letters: r}
}

// Extending a plan at its review moves the review, onto a working day,
// and nothing else: the plan still starts the day after the meeting, every
// action stays inside it, the written plan says when and to what the
// review was moved, and the export, refused for nothing the tool wrote
// itself, is recorded.
func TestExtendingAPlanKeepsItsDatesAndItsExport(t *testing.T) {
	ctx := context.Background()
	d := demoDesk(t)
	client, err := d.FindClient(ctx, demo.RemediationReviewDue)
	if err != nil {
		t.Fatal(err)
	}
	plan, ok, err := d.LatestPlan(ctx, client.ID)
	if err != nil || !ok {
		t.Fatalf("no plan: %v", err)
	}
	before, err := d.PlanDocuments(ctx, plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := before.Plan.Complete(); err != nil {
		t.Fatalf("the demo's plan is refused before any review: %v", err)
	}
	// 45 days after the review is Saturday 2 January 2027: the review is
	// held on the next working day, Monday 4 January.
	typed := plan.ReviewOn.AddDate(0, 0, 45)
	newReview := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	got, err := d.ReviewPlan(ctx, plan.ID, scoring.PlanExtended, store.Date(typed), "Autopay enrolment under way")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Day.Equal(newReview) || got.Moved != "moved from Saturday, 2 January 2027, not a working day" {
		t.Fatalf("extended to %s (%s), want Monday, 4 January 2027, moved from Saturday", letters.FormatDate(got.Day), got.Moved)
	}
	after, err := d.PlanDocuments(ctx, plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := after.Plan
	if !in.Start.Equal(before.Plan.Start) || !in.Review().Equal(newReview) {
		t.Errorf("after the extension the plan runs %s to %s; want %s to %s", store.Date(in.Start), store.Date(in.Review()),
			store.Date(before.Plan.Start), store.Date(newReview))
	}
	meeting := casefile.CivilDay(plan.Meeting)
	for _, a := range in.Actions {
		if a.Due.Before(meeting) {
			t.Errorf("action %q due %s, before the meeting", a.What, store.Date(a.Due))
		}
	}
	if err := in.Complete(); err != nil {
		t.Fatalf("the extended plan is refused: %v", err)
	}
	if in.Progress == nil || len(in.Progress.Extensions) != 1 ||
		!in.Progress.Extensions[0].Review.Equal(newReview) || store.Date(in.Progress.Extensions[0].On) != "2026-11-24" {
		t.Fatalf("progress = %+v", in.Progress)
	}
	md, err := after.Render(d.Letters, letters.KindRemediationPlan)
	if err != nil {
		t.Fatal(err)
	}
	days := int(newReview.Sub(in.Start).Hours()/24) + 1
	for _, want := range []string{
		"- **Plan period:** " + letters.FormatDate(in.Start) + " to " + letters.FormatDate(newReview) + " (" + strconv.Itoa(days) + " days)",
		"- **Status:** Extended, in progress",
		"- On Tuesday, 24 November 2026 the review was moved to " + letters.FormatDate(newReview) + ".",
		"Meeting, " + letters.FormatDate(in.Calendar.PreviousWorkingDay(newReview)),
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the plan lacks %q:\n%s", want, md)
		}
	}
	path := filepath.Join(t.TempDir(), "plan.md")
	doc, err := d.ExportPlanDocument(ctx, client, plan.ID, letters.KindRemediationPlan, md, path)
	if err != nil {
		t.Fatalf("export refused after the extension: %v", err)
	}
	if written, err := os.ReadFile(path); err != nil || string(written) != md || doc.ExportedPath != path {
		t.Errorf("exported %q (%v), recorded at %q", written, err, doc.ExportedPath)
	}
}
