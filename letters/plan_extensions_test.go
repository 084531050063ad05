package letters

import (
	"strings"
	"testing"
)

// A topic's summary sentence is printed under its heading in both the
// agenda and the plan, escaped like any client-provided text, and leaves
// no trace when it is empty (the golden documents have none).
func TestTopicSummary(t *testing.T) {
	r := newRenderer(t)
	const summary = "9 of 12 invoices paid late; average *41* days"
	const escaped = `9 of 12 invoices paid late; average \*41\* days`

	agenda := kesslerAgenda()
	agenda.Topics[0].Summary = summary
	md, err := r.Agenda(agenda)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "agenda", md, "### 1. Calls outside business hours\n\n"+escaped+"\n\n| Measure |")

	plan := kesslerPlan()
	plan.Gaps[1].Summary = summary
	md, err = r.RemediationPlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md, "### 2. Multi-factor authentication\n\n"+escaped+"\n\n| Measure |")
	if strings.Count(md, escaped) != 1 {
		t.Errorf("summary printed %d times", strings.Count(md, escaped))
	}
}

// A plan not agreed yet, or refused, proposes instead of stating what was
// agreed.
func TestProposedPlan(t *testing.T) {
	r := newRenderer(t)
	plan := kesslerPlan()
	plan.Proposed = true
	md, err := r.RemediationPlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "proposed plan", md, "Following our meeting on Tuesday, 12 January 2027, we propose to work together on the areas below.")
	if strings.Contains(md, "we agreed") {
		t.Errorf("a proposed plan says it was agreed:\n%s", md)
	}
}
