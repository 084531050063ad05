package letters

import (
	"offboard/calendar"

	"strings"
	"testing"
	"time"
)

func TestPlanPhases(t *testing.T) {
	in := kesslerPlan() // day 1 is Monday 18 January 2027
	in.Actions = []PlanAction{
		{What: "day 1", Due: day(2027, time.January, 18)},
		{What: "day 30", Due: day(2027, time.February, 16)},
		{What: "day 31", Due: day(2027, time.February, 17)},
		{What: "day 90", Due: day(2027, time.April, 17)},
		{What: "day 91", Due: day(2027, time.April, 18)},
		{What: "day 60", Due: day(2027, time.March, 18)},
	}
	phases := in.Phases()
	want := []struct {
		title    string
		from, to time.Time
		actions  []string
	}{
		{"Days 1 to 30", day(2027, time.January, 18), day(2027, time.February, 16), []string{"day 1", "day 30"}},
		{"Days 31 to 60", day(2027, time.February, 17), day(2027, time.March, 18), []string{"day 31", "day 60"}},
		{"Days 61 to 90", day(2027, time.March, 19), day(2027, time.April, 17), []string{"day 90"}},
		{"After day 90", day(2027, time.April, 18), time.Time{}, []string{"day 91"}},
	}
	if len(phases) != len(want) {
		t.Fatalf("%d phases, want %d", len(phases), len(want))
	}
	for i, p := range phases {
		var got []string
		for _, a := range p.Actions {
			got = append(got, a.What)
		}
		if p.Title != want[i].title || !p.From.Equal(want[i].from) || !p.To.Equal(want[i].to) || strings.Join(got, ",") != strings.Join(want[i].actions, ",") {
			t.Errorf("phase %d = %q %s to %s %v, want %q %s to %s %v", i+1, p.Title, FormatDate(p.From), FormatDate(p.To), got,
				want[i].title, FormatDate(want[i].from), FormatDate(want[i].to), want[i].actions)
		}
	}
	if got := in.Review(); !got.Equal(day(2027, time.April, 17)) {
		t.Errorf("Review = %s, want Saturday, 17 April 2027", FormatDate(got))
	}
}

func TestDefaultCheckpointsAvoidWeekends(t *testing.T) {
	tests := []struct {
		start time.Time
		want  [3]time.Time
	}{
		// Days 30, 60 and 90 are Tuesday 16 February, Thursday 18 March and
		// Saturday 17 April, which moves to Friday 16 April.
		{day(2027, time.January, 18), [3]time.Time{day(2027, time.February, 16), day(2027, time.March, 18), day(2027, time.April, 16)}},
		// From Friday 31 December 2027: day 30 is Saturday 29 January 2028
		// (Friday 28), day 60 Monday 28 February, day 90 Wednesday 29 March.
		{day(2027, time.December, 31), [3]time.Time{day(2028, time.January, 28), day(2028, time.February, 28), day(2028, time.March, 29)}},
		// From Monday 7 June 2027: day 30 is Tuesday 6 July, day 60
		// Thursday 5 August, day 90 Saturday 4 September (Friday 3).
		{day(2027, time.June, 7), [3]time.Time{day(2027, time.July, 6), day(2027, time.August, 5), day(2027, time.September, 3)}},
	}
	for _, tt := range tests {
		cps := DefaultCheckpoints(tt.start)
		for i, c := range cps {
			if !c.Date.Equal(tt.want[i]) {
				t.Errorf("start %s: checkpoint %d on %s, want %s", FormatDate(tt.start), i+1, FormatDate(c.Date), FormatDate(tt.want[i]))
			}
		}
		if cps[0].Kind != CheckpointCall || cps[1].Kind != CheckpointMemo || cps[2].Kind != CheckpointMeeting {
			t.Errorf("checkpoint kinds = %v, %v, %v", cps[0].Kind, cps[1].Kind, cps[2].Kind)
		}
	}
}

func TestPlanWithNotesFollowUpAndNoTerms(t *testing.T) {
	in := kesslerPlan()
	in.Terms = PlanTerms{}
	in.Checkpoints = []Checkpoint{
		{Date: day(2027, time.March, 1), Kind: CheckpointMeeting, Notes: "MFA at 26 of 26.\n\nAfter-hours share down to 12%."},
		{Date: day(2027, time.February, 1), Kind: CheckpointCall},
	}
	in.FollowUp = "A call every other Monday at 09:00."
	md, err := newRenderer(t).RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md,
		"## Checkpoints\n\n1. Call, Monday, 1 February 2027\n2. Meeting, Monday, 1 March 2027\n\n### Checkpoint 2: Meeting, Monday, 1 March 2027\n\nMFA at 26 of 26.\n\nAfter-hours share down to 12%.\n",
		"## Following progress\n\nA call every other Monday at 09:00.\n",
		"the relationship continues on the current terms of the Managed IT Services Agreement.\n",
	)
	if strings.Contains(md, "## Terms") {
		t.Error("plan without terms has a Terms section")
	}
	if strings.Contains(md, "### Checkpoint 1") || strings.Contains(md, "Notes are added here") {
		t.Error("a checkpoint without notes has a notes block, or the plan with notes says they are to come")
	}
}

func TestPlanMissing(t *testing.T) {
	const (
		action1 = `action 1 "Set up the emergency line and publish the after-hours rate"`
		goal1   = `goal 1 "Calls outside business hours"`
	)
	tests := []struct {
		name   string
		change func(in *PlanInput)
		want   []string
	}{
		{"complete", func(in *PlanInput) {}, nil},
		{"no meeting", func(in *PlanInput) { in.Start, in.MeetingHeld = time.Time{}, time.Time{} },
			[]string{"the plan: meeting date missing"}},
		{"no areas", func(in *PlanInput) { in.Gaps = nil }, []string{"the plan: areas to work on missing"}},
		{"owner", func(in *PlanInput) { in.Actions[0].Person = " " }, []string{action1 + ": owner missing"}},
		{"due date", func(in *PlanInput) { in.Actions[0].Due = time.Time{} }, []string{action1 + ": due date missing"}},
		{"due before the meeting", func(in *PlanInput) { in.Actions[0].Due = day(2027, time.January, 11) },
			[]string{action1 + ": due date is Monday, 11 January 2027, before the meeting on Tuesday, 12 January 2027"}},
		{"due on the meeting day is fine", func(in *PlanInput) { in.Actions[0].Due = day(2027, time.January, 12) }, nil},
		{"target", func(in *PlanInput) { in.Actions[0].Target = "" }, []string{action1 + ": target missing"}},
		{"description", func(in *PlanInput) { in.Actions[1].What = "" }, []string{"action 2: description missing"}},
		{"goal without a number", func(in *PlanInput) { in.Gaps[0].Goal = "Fewer calls at night" },
			[]string{goal1 + ": measurable target missing"}},
		{"goal with targets from the record", func(in *PlanInput) {
			in.Gaps[0].Goal = "Fewer calls at night"
			in.Gaps[0].Targets = []GoalTarget{{Measure: "After-hours tickets", Target: "at most 25%"}}
		}, nil},
		{"our commitments", func(in *PlanInput) {
			in.OurChanges = nil
			in.Actions = in.Actions[1:3]
		}, []string{"our side: commitments missing"}},
		{"checkpoint date", func(in *PlanInput) { in.Checkpoints = []Checkpoint{{Kind: CheckpointCall}} },
			[]string{"checkpoint 1: date missing"}},
		{"several at once", func(in *PlanInput) {
			in.Actions[0].Person, in.Actions[0].Target = "", ""
		}, []string{action1 + ": owner missing", action1 + ": target missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := kesslerPlan()
			tt.change(&in)
			var got []string
			for _, m := range in.Missing() {
				got = append(got, m.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("missing:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			err := in.Complete()
			if (err == nil) != (len(tt.want) == 0) {
				t.Fatalf("Complete() = %v", err)
			}
			if err != nil && (strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tt.want[0])) {
				t.Errorf("error is not one line naming %q: %v", tt.want[0], err)
			}
			// The preview still renders, with the blank part marked.
			if _, err := newRenderer(t).RemediationPlan(in); err != nil {
				t.Errorf("preview refused: %v", err)
			}
		})
	}
}

func TestPlanPrintsNoEmptyBlocks(t *testing.T) {
	in := kesslerPlan() // day 1 is Monday 18 January 2027
	in.Checkpoints = []Checkpoint{{Date: day(2027, time.February, 1), Kind: CheckpointCall}}
	in.Actions = []PlanAction{
		{Side: SideClient, Person: "Jolene Park", What: "Enrol every user in MFA", Due: day(2027, time.March, 25), Target: "26 of 26"},
	}
	var titles []string
	for _, p := range in.Phases() {
		titles = append(titles, p.Title)
	}
	if got, want := strings.Join(titles, "; "), "Days 1 to 30; Days 61 to 90"; got != want {
		t.Errorf("phases %q, want %q", got, want)
	}
	md, err := newRenderer(t).RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"Days 31 to 60", "No actions fall due", "After day 90"} {
		if strings.Contains(md, absent) {
			t.Errorf("the plan contains %q", absent)
		}
	}
}

func TestPlanAlwaysStatesOurCommitments(t *testing.T) {
	r := newRenderer(t)
	in := kesslerPlan()
	in.OurChanges = nil
	md, err := r.RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md, "## What we will change on our side\n\n"+
		"- Set up the emergency line and publish the after-hours rate, by Monday, 25 January 2027 (Sam Okafor)\n"+
		"- Report support hours per user each month, by Friday, 16 April 2027 (Priya Shah)\n")

	in.Actions = in.Actions[1:3] // the client's two actions only
	md, err = r.RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md, "## What we will change on our side\n\n**[to be completed: what we will start or stop doing on our side]**")
	if gaps := Gaps(md); len(gaps) != 1 || gaps[0] != "what we will start or stop doing on our side" {
		t.Errorf("gaps %q", gaps)
	}

	in.Actions = nil
	md, err = r.RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md, "## Who does what by when\n\n**[to be completed: the agreed actions: who does what by when, and how it is measured]**")
}

func TestPlanSignatureRowsCarryTitles(t *testing.T) {
	md, err := newRenderer(t).RemediationPlan(kesslerPlan())
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "plan", md, "| Name | Dr. Martin Kessler | Alex Moreno |\n| Title | Owner | Managing Director |\n| Signature | | |")
}

func TestPlanCheckpointsOnTheCalendar(t *testing.T) {
	in := kesslerPlan()
	in.Start, in.Calendar = day(2026, time.October, 28), calendar.Calendar{Region: "US"}
	// Day 30 is Thanksgiving, day 60 the Saturday after Christmas Day.
	want := []time.Time{day(2026, time.November, 25), day(2026, time.December, 24), day(2027, time.January, 25)}
	for i, c := range in.AllCheckpoints() {
		if !c.Date.Equal(want[i]) {
			t.Errorf("checkpoint %d on %s, want %s", i+1, FormatDate(c.Date), FormatDate(want[i]))
		}
	}
}

func TestGoalSummary(t *testing.T) {
	met := TrackedMetric{Target: "0%", State: GoalMet}
	notMet := TrackedMetric{Target: "at most 10%", State: GoalNotMet}
	none := TrackedMetric{Target: "100%", State: GoalNotMeasured}
	followed := TrackedMetric{Change: "improved"}
	tests := []struct {
		metrics []TrackedMetric
		want    string
	}{
		{nil, ""},
		{[]TrackedMetric{followed}, ""},
		{[]TrackedMetric{met}, "1 of 1 goal met"},
		{[]TrackedMetric{met, followed, notMet}, "1 of 2 goals met"},
		{[]TrackedMetric{notMet, none}, "0 of 2 goals met (1 without a figure yet)"},
		{[]TrackedMetric{none, none}, ""},
	}
	for _, tt := range tests {
		if got := (PlanProgress{Metrics: tt.metrics}).GoalSummary(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.metrics, got, tt.want)
		}
	}
}

// A plan drafted before the meeting date is set has no day 1: it prints
// no date of year one, asks for the meeting date and the checkpoints, and
// lists the actions in one block.
func TestPlanBeforeItsMeetingDateIsSet(t *testing.T) {
	in := kesslerPlan()
	in.Start, in.MeetingHeld = time.Time{}, time.Time{}
	in.Proposed = true
	md, err := newRenderer(t).RemediationPlan(in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md, "0001") {
		t.Errorf("a date of year one is printed:\n%s", md)
	}
	assertContains(t, "plan", md,
		"- **Plan period:** **[meeting date missing]**\n",
		"### Timeline\n\n| Who | What | By | Measured by |",
		"**[to be completed: the checkpoints, dated once the meeting date is set]**",
	)
	if strings.Count(md, "| Sam Okafor, Bluewater Managed IT, LLC |") != 1 {
		t.Errorf("each action once in the timeline:\n%s", md)
	}
}
