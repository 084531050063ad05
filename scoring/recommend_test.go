package scoring

import (
	"strings"
	"testing"
)

func TestRecommendPolicy(t *testing.T) {
	cfg := DefaultConfig() // remediation from a score of 25
	late := Flag{ID: FlagLatePayment, Title: "Late payment", Points: 35}
	scope := Flag{ID: FlagScopeCreep, Title: "Scope creep", Points: 7}
	abuse := Flag{ID: FlagStaffAbuse, Title: "Mistreatment of staff", Points: 50, ZeroTolerance: true}
	crime := Flag{ID: FlagCriminal, Title: "Criminal activity", Points: 100, ZeroTolerance: true}
	plan := func(s PlanStatus, review int) *Plan {
		return &Plan{Status: s, Started: day(2026, 8, 1), ReviewDate: day(2026, 11, review)}
	}
	tests := []struct {
		name  string
		flags []Flag
		plan  *Plan
		want  Recommendation
		// every string must appear in the reasons
		reasons []string
	}{
		{"no flags: keep", nil, nil, Keep, []string{"No red flags."}},
		{"low score: watch", []Flag{scope}, nil, Watch, []string{"Score 7 from 1 red flag (scope creep).", "Under the remediation threshold of 25"}},
		{"high score: remediate first", []Flag{late, scope}, nil, Remediate, []string{"Score 42 from 2 red flags (late payment, scope creep).", "Remediate first: set a meeting, then agree a written plan with owners, dates and measurable targets."}},
		{"criminal: offboard at once", []Flag{crime}, nil, Offboard, []string{"Zero tolerance: Criminal activity. Offboard at once; no remediation plan is owed."}},
		{"abuse: offboard at once even with a plan under way", []Flag{scope, abuse}, plan(PlanAgreed, 30), Offboard, []string{"Zero tolerance: Mistreatment of staff."}},
		{"both zero-tolerance flags named", []Flag{abuse, crime}, nil, Offboard, []string{"Mistreatment of staff and Criminal activity"}},
		{"plan refused: offboard", []Flag{late}, plan(PlanRefused, 30), Offboard, []string{"refused the remediation plan of 2026-08-01: thank them, fulfil the contract and give notice."}},
		{"plan failed its review: offboard", []Flag{late}, plan(PlanFailed, 1), Offboard, []string{"failed its review of 2026-11-01: thank the client, fulfil the contract and give notice."}},
		{"plan agreed: remediate", []Flag{late}, plan(PlanAgreed, 30), Remediate, []string{"under way since 2026-08-01; its review is due on 2026-11-30"}},
		{"plan partly agreed: remediate", []Flag{late}, plan(PlanPartlyAgreed, 30), Remediate, []string{"under way since 2026-08-01"}},
		{"plan extended: remediate", []Flag{late}, plan(PlanExtended, 30), Remediate, []string{"its review is due on 2026-11-30"}},
		{"plan review overdue: remediate and review", []Flag{late}, plan(PlanAgreed, 1), Remediate, []string{"was due for review on 2026-11-01: review it now"}},
		{"plan without a review date", []Flag{late}, &Plan{Status: PlanAgreed, Started: day(2026, 8, 1)}, Remediate, []string{"has no review date: set one"}},
		{"plan only drafted: remediate", []Flag{late}, plan(PlanDraft, 30), Remediate, []string{"in draft since 2026-08-01: hold the meeting"}},
		{"plan resolved but flags are back", []Flag{late}, plan(PlanResolved, 1), Remediate, []string{"resolved the issues at its review of 2026-11-01, yet the flags are back"}},
		{"low score with a refused plan is only watched", []Flag{scope}, plan(PlanRefused, 1), Watch, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, reasons := Recommend(tt.flags, Score(tt.flags), tt.plan, asOf, &cfg)
			if rec != tt.want {
				t.Errorf("Recommend = %s (%q), want %s", rec, reasons, tt.want)
			}
			joined := strings.Join(reasons, " ")
			for _, w := range tt.reasons {
				if !strings.Contains(joined, w) {
					t.Errorf("reasons %q lack %q", joined, w)
				}
			}
		})
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name  string
		flags []Flag
		want  int
	}{
		{"none", nil, 0},
		{"sum rounded", []Flag{{Points: 23.7}, {Points: 18.8}}, 43},
		{"capped", []Flag{{Points: 60}, {Points: 70}}, 100},
		{"zero tolerance is 100", []Flag{{Points: 5}, {Points: 1, ZeroTolerance: true}}, 100},
	}
	for _, tt := range tests {
		if got := Score(tt.flags); got != tt.want {
			t.Errorf("%s: Score = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// The owner's override is in force, shown with its reason, and the
// computed recommendation is kept beside it.
func TestOverride(t *testing.T) {
	m := healthyMonth()
	m.OutOfScopeMinutes, m.OutOfScopeTickets = 180, 3
	favours := client("Favours Inc", 20, 24, m)
	favours.Incidents = []Incident{{Kind: IncidentCriminal, Severity: 5, At: day(2026, 8, 2), Description: "Invoice fraud by a former employee"}}
	favours.Override = &Override{Recommendation: Watch, Reason: "The fraud was a rogue employee, since dismissed and reported.", At: day(2026, 11, 10)}
	p := Assess(append(healthyPortfolio(10), favours), DefaultConfig(), asOf)
	a := mustFind(t, &p, "favours inc")
	if a.Computed != Offboard || a.Recommendation != Watch || a.Override == nil {
		t.Fatalf("computed %s, in force %s, override %v; want offboard, watch and the override", a.Computed, a.Recommendation, a.Override)
	}
	want := "Owner's override on 2026-11-10: Watch. Their reason: The fraud was a rogue employee, since dismissed and reported. The assessment alone says Offboard."
	if a.Reasons[0] != want {
		t.Errorf("first reason\n got %s\nwant %s", a.Reasons[0], want)
	}
	if p.Counts[Watch] != 1 || p.Counts[Offboard] != 0 || p.Counts[Keep] != 10 {
		t.Errorf("counts %v; the override's recommendation should be counted", p.Counts)
	}
}

func TestParseRecommendation(t *testing.T) {
	for _, r := range Recommendations() {
		got, err := ParseRecommendation(" " + strings.ToUpper(string(r)) + " ")
		if err != nil || got != r {
			t.Errorf("ParseRecommendation(%q) = %q, %v", r, got, err)
		}
	}
	if _, err := ParseRecommendation("fire"); err == nil || !strings.Contains(err.Error(), "keep, watch, remediate or offboard") {
		t.Errorf("ParseRecommendation(fire): %v", err)
	}
	var titles []string
	for _, r := range Recommendations() {
		titles = append(titles, r.Title())
	}
	if got := strings.Join(titles, " "); got != "Keep Watch Remediate Offboard" {
		t.Errorf("titles %q", got)
	}
}
