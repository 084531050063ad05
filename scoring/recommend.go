package scoring

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Recommendation is what to do with a client.
type Recommendation string

// The recommendations, from the mildest.
const (
	Keep      Recommendation = "keep"
	Watch     Recommendation = "watch"
	Remediate Recommendation = "remediate"
	Offboard  Recommendation = "offboard"
)

// Recommendations lists the recommendations from the mildest.
func Recommendations() []Recommendation {
	return []Recommendation{Keep, Watch, Remediate, Offboard}
}

// Title is the recommendation as shown to the owner: "Keep", "Offboard".
func (r Recommendation) Title() string {
	if r == "" {
		return ""
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// ParseRecommendation reads a recommendation in any letter case.
func ParseRecommendation(s string) (Recommendation, error) {
	r := Recommendation(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Recommendations() {
		if r == known {
			return r, nil
		}
	}
	return "", fmt.Errorf("recommendation %q: want keep, watch, remediate or offboard", s)
}

// Score sums the points of the flags, capped at 100; any zero-tolerance
// flag makes it 100.
func Score(flags []Flag) int {
	for _, f := range flags {
		if f.ZeroTolerance {
			return 100
		}
	}
	return int(math.Min(100, math.Round(Points(flags))))
}

// Points is the sum of the flags' points before the score rounds it, caps
// it at 100 or sets it to 100 for a zero-tolerance flag.
func Points(flags []Flag) float64 {
	var sum float64
	for _, f := range flags {
		sum += f.Points
	}
	return sum
}

// Recommend applies the policy of the seeds to a client's flags and score:
// zero-tolerance flags mean offboarding at once (seed 003); otherwise a score
// at or above the remediation threshold means remediation first, a meeting
// and a written plan (seeds 003, 004), and offboarding only once a plan was
// refused or failed its review (seed 004: "if there is no resolution");
// other flags mean watching; no flags, keeping. The reasons say why in words.
func Recommend(flags []Flag, score int, plan *Plan, asOf time.Time, cfg *Config) (Recommendation, []string) {
	var zero []string
	for _, f := range flags {
		if f.ZeroTolerance {
			zero = append(zero, f.Title)
		}
	}
	if len(zero) > 0 {
		// seed 003: zero tolerance for criminal activity and mistreatment of staff.
		return Offboard, []string{
			fmt.Sprintf("Zero tolerance: %s. Offboard at once; no remediation plan is owed.", strings.Join(zero, " and ")),
		}
	}
	if len(flags) == 0 {
		return Keep, []string{"No red flags."}
	}
	names := make([]string, len(flags))
	for i, f := range flags {
		names[i] = strings.ToLower(f.Title)
	}
	summary := fmt.Sprintf("Score %d from %s (%s).", score, count(len(flags), "red flag"), strings.Join(names, ", "))
	if float64(score) < cfg.RemediateScore {
		return Watch, []string{summary, fmt.Sprintf("Under the remediation threshold of %g: watch for a worsening trend.", cfg.RemediateScore)}
	}
	reasons := []string{summary + fmt.Sprintf(" At or above the remediation threshold of %g.", cfg.RemediateScore)}
	if plan == nil {
		// seeds 003, 004: exhaust the options first, a meeting and then a written plan.
		return Remediate, append(reasons, "Remediate first: set a meeting, then agree a written plan with owners, dates and measurable targets.")
	}
	started := plan.Started.Format(time.DateOnly)
	review := plan.ReviewDate.Format(time.DateOnly)
	switch plan.Status {
	// seed 004: if there is no resolution, thank the client, fulfil the
	// contract and give notice.
	case PlanRefused:
		return Offboard, append(reasons, fmt.Sprintf("The client refused the remediation plan of %s: thank them, fulfil the contract and give notice.", started))
	case PlanFailed:
		return Offboard, append(reasons, fmt.Sprintf("The remediation plan of %s failed its review of %s: thank the client, fulfil the contract and give notice.", started, review))
	case PlanResolved:
		return Remediate, append(reasons, fmt.Sprintf("The plan of %s resolved the issues at its review of %s, yet the flags are back: meet again and revise the plan.", started, review))
	case PlanDraft:
		return Remediate, append(reasons, fmt.Sprintf("A remediation plan has been in draft since %s: hold the meeting and agree it with the client.", started))
	}
	switch {
	case plan.ReviewDate.IsZero():
		return Remediate, append(reasons, fmt.Sprintf("A remediation plan is under way since %s but has no review date: set one.", started))
	case plan.ReviewDate.Before(asOf):
		return Remediate, append(reasons, fmt.Sprintf("The remediation plan of %s was due for review on %s: review it now and record whether it resolved the issues or failed.", started, review))
	}
	return Remediate, append(reasons, fmt.Sprintf("A remediation plan is under way since %s; its review is due on %s.", started, review))
}
