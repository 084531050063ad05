package casefile

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// topicTemplate is how a red flag reads on the agenda: a neutral title
// (the agenda goes to the client, so it names the subject, not the
// grievance), the lab-panel figures behind it, and a measurable goal to
// start from (issue text; seeds 000, 001, 003).
type topicTemplate struct {
	title   string
	metrics []scoring.Metric
	goal    string
	// evidence words the topic's evidence for the client when the
	// assessment's sentence is for the owner only; nil keeps that sentence.
	evidence func(c store.Client, a *scoring.Assessment) string
}

var topicTemplates = map[scoring.FlagID]topicTemplate{
	scoring.FlagLatePayment: {title: "Invoice payment times", metrics: []scoring.Metric{scoring.MetricDaysLate},
		goal: "Every invoice paid within 30 days of issue"},
	scoring.FlagResourceDrain: {title: "Support time against the agreement",
		metrics: []scoring.Metric{scoring.MetricHoursPerSeat, scoring.MetricTicketsPerSeat},
		goal:    "Support hours per seat per month back within the normal range by the final review"},
	// Our margin and labour cost are our own business, and so is the range
	// of what other clients effectively pay: the client is shown the work
	// done and what it was billed, nothing else.
	scoring.FlagUnprofitable: {title: "The fee against the work it covers",
		goal: "A monthly fee that covers the work at our standard rate",
		evidence: func(c store.Client, a *scoring.Assessment) string {
			return fmt.Sprintf("%.0f hours of work in the last %d months, for %s invoiced.", a.Profit.Hours, a.Profit.Months,
				FormatMinor(a.Profit.Revenue, c.Currency))
		}},
	scoring.FlagAfterHours: {title: "Calls outside business hours",
		metrics: []scoring.Metric{scoring.MetricAfterHoursShare, scoring.MetricUrgentShare},
		goal:    "After-hours calls only through the emergency line, billed at the after-hours rate"},
	scoring.FlagStaffAbuse: {title: "How our staff are spoken to",
		goal: "Every contact with our staff courteous; concerns raised with the account manager"},
	scoring.FlagSecurity: {title: "Security basics: sign-in, patching and backups",
		metrics: []scoring.Metric{scoring.MetricMFACoverage, scoring.MetricPatchCompliance, scoring.MetricEOLShare},
		goal:    "MFA on 100% of user accounts and patch compliance of 95% or more"},
	scoring.FlagDataCompliance: {title: "Handling of personal and regulated data",
		goal: "Data handled as the applicable rules require, with no further incidents"},
	scoring.FlagScopeCreep: {title: "Work outside the agreed scope", metrics: []scoring.Metric{scoring.MetricOutOfScopeShare},
		goal: "Out-of-scope work quoted and approved before it starts"},
	scoring.FlagModernization: {title: "Upgrades we have recommended", goal: "A dated decision on each open recommendation"},
	scoring.FlagCriminal:      {title: "Conduct we are obliged to address"},
}

// SeedPlan pre-fills a new walkthrough with PlanSeed, reading the
// client's dated examples as of now and our company from the database. a
// may be nil.
func (d *Desk) SeedPlan(ctx context.Context, client store.Client, a *scoring.Assessment) (PlanForm, error) {
	examples, err := d.PlanExamples(ctx, client.ID, d.Now())
	if err != nil {
		return PlanForm{}, err
	}
	our, err := d.OurCompany(ctx)
	if err != nil {
		return PlanForm{}, err
	}
	return PlanSeed(client, a, examples, our), nil
}

// PlanSeed pre-fills a new walkthrough from the client's assessment (seed
// 004: set a meeting to discuss the challenges): each red flag, heaviest
// first, becomes an agenda topic with its evidence sentence, its figures
// beside their normal ranges like a blood test (seed 002), its dated
// examples and a goal to start from. Our signer is put down to attend, the
// client's contact to be invited, and the terms carry the fee with the
// break-even fee from scoring; autopay is suggested when payment is late
// (seed 003: make autopay the standard). a may be nil (no assessment):
// the agenda then starts empty.
func PlanSeed(client store.Client, a *scoring.Assessment, examples map[string][]ExampleForm, our letters.Company) PlanForm {
	f := NewPlanForm()
	if our.Signer != "" {
		f.Prepare.OurAttendees = joinNonEmpty(our.Signer, our.SignerTitle)
	}
	if client.ContactName != "" {
		f.Prepare.ClientAttendees = client.ContactName
	}
	f.Terms = TermsForm{CurrentMinor: client.MRRMinor, Currency: client.Currency}
	if a == nil {
		return f
	}
	f.Terms.BreakEvenMinor = a.Profit.BreakEvenMonthly
	lab := map[scoring.Metric]scoring.LabRow{}
	for _, row := range a.Lab {
		lab[row.Metric] = row
	}
	for _, flag := range a.Flags {
		tpl, ok := topicTemplates[flag.ID]
		if !ok {
			tpl = topicTemplate{title: flag.Title}
		}
		t := TopicForm{FlagID: string(flag.ID), Title: tpl.title, Evidence: clientWording(flag.Evidence), Goal: tpl.goal,
			Examples: examples[string(flag.ID)]}
		if tpl.evidence != nil {
			t.Evidence = tpl.evidence(client, a)
		}
		for _, m := range tpl.metrics {
			row, ok := lab[m]
			if !ok || !row.Known {
				continue
			}
			t.Measures = append(t.Measures, MeasureForm{Name: row.Label, Value: row.Display, Normal: row.RangeText})
		}
		f.Topics = append(f.Topics, t)
		if flag.ID == scoring.FlagLatePayment {
			f.Terms.Autopay = true
		}
	}
	return f
}

func joinNonEmpty(name, role string) string {
	if role == "" {
		return name
	}
	return name + ", " + role
}

// statistics matches the parts of an evidence sentence written for the
// owner rather than the client: a z-score, the method of a normal range.
var statistics = regexp.MustCompile(`\s*\((?:z = [^)]*|(?:mean|median) ±[^)]*)\)`)

// clientWording drops the statistics from the assessment's evidence: the
// agenda and the plan go to the client, who needs the figure and the
// normal range, not how the range was drawn.
func clientWording(evidence string) string {
	return strings.TrimSpace(statistics.ReplaceAllString(evidence, ""))
}
