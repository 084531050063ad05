package casefile

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// agreedForm is a complete walkthrough: a meeting on 15 July 2026 about
// late payment and after-hours calls, two actions, autopay and a price
// change, agreed with a review on 15 October.
func agreedForm() PlanForm {
	f := NewPlanForm()
	f.Step = StepOutcome
	f.Prepare = PrepareForm{
		MeetingDate:     "2026-07-15 10:00",
		Place:           "Client office, 2nd floor",
		OurAttendees:    "Dana Reyes, Owner\nSam Ortiz, Service manager",
		ClientAttendees: "Pat Kim, Office manager",
		Contributors:    "Lee Chan, Technician\n\n",
	}
	f.Topics = []TopicForm{
		{FlagID: "late_payment", Title: "Invoice payment times", Evidence: "9 of 12 invoices paid late; average 41 days",
			ClientSaid: "Invoices go to an old mailbox", WeChange: "Send invoices to accounts@", Goal: "Invoices paid within 30 days"},
		{FlagID: "after_hours", Title: "After-hours calls", Evidence: "38% of tickets after hours"},
		{Title: "   "},
	}
	f.Actions = []ActionForm{
		{Owner: "client", Person: "Pat Kim", What: "Set up autopay", Due: "2026-07-31", Target: "Autopay active on the account"},
		{},
		{Owner: "us", Person: "Sam Ortiz", What: "Publish the emergency line", Due: "2026-07-22",
			Target: "After-hours calls only through the emergency line"},
	}
	f.Support = "Weekly check-in call\n\n Onboarding for the new office manager "
	f.Terms = TermsForm{Autopay: true, AutopayFrom: "2026-08-01", PriceChange: true, NewPrice: "4,800",
		PriceFrom: "2026-09-01", CurrentMinor: 420000, BreakEvenMinor: 465000, Currency: "USD"}
	f.Outcome = OutcomeForm{Result: "agreed", ReviewDate: "2026-10-15", Note: "Both sides agreed the plan."}
	return f
}

func TestStartPlanResumesTheOpenDraft(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	initial := NewPlanForm()
	initial.Topics = []TopicForm{{FlagID: "late_payment", Title: "Invoice payment times"}}
	p, resumed, err := s.StartPlan(ctx, id, initial)
	if err != nil || resumed || p.Status != scoring.PlanDraft || p.Form.Topics[0].Title != "Invoice payment times" {
		t.Fatalf("start: %+v resumed=%v err=%v", p, resumed, err)
	}
	typed := p.Form
	typed.Seq = 1
	typed.Step = StepNotes
	typed.Prepare.MeetingDate = "2026-1" // half typed: kept as is
	typed.Topics[0].ClientSaid = "We pay when we can"
	if saved, err := s.SavePlan(ctx, p.ID, typed); !saved || err != nil {
		t.Fatalf("save: %v %v", saved, err)
	}
	other := NewPlanForm()
	other.Topics = []TopicForm{{Title: "something else"}}
	again, resumed, err := s.StartPlan(ctx, id, other)
	if err != nil || !resumed || again.ID != p.ID {
		t.Fatalf("resume: id %d (want %d) resumed=%v err=%v", again.ID, p.ID, resumed, err)
	}
	if again.Form.Step != StepNotes || again.Form.Prepare.MeetingDate != "2026-1" ||
		again.Form.Topics[0].ClientSaid != "We pay when we can" || len(again.Form.Topics) != 1 {
		t.Errorf("resumed form lost input: %+v", again.Form)
	}
}

func TestSavePlanFormDropsStaleSaves(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	p, _, err := s.StartPlan(ctx, addClient(t, s, "Acme"), NewPlanForm())
	if err != nil {
		t.Fatal(err)
	}
	newer, older := p.Form, p.Form
	newer.Seq, newer.Prepare.Place = 5, "newer"
	older.Seq, older.Prepare.Place = 4, "older"
	if saved, err := s.SavePlan(ctx, p.ID, newer); !saved || err != nil {
		t.Fatalf("newer: %v %v", saved, err)
	}
	if saved, err := s.SavePlan(ctx, p.ID, older); saved || err != nil {
		t.Fatalf("older save was not dropped: %v %v", saved, err)
	}
	got, err := s.Plan(ctx, p.ID)
	if err != nil || got.Form.Prepare.Place != "newer" {
		t.Errorf("place = %q, %v; want newer", got.Form.Prepare.Place, err)
	}
	if _, err := s.SavePlan(ctx, 999, newer); !errors.Is(err, store.ErrNoPlan) {
		t.Errorf("unknown plan: %v", err)
	}
}

func TestNewerFormVersionIsRefusedUntouched(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	p, _, err := s.StartPlan(ctx, id, NewPlanForm())
	if err != nil {
		t.Fatal(err)
	}
	const future = `{"version": 99, "seq": 3, "shiny": true}`
	if _, err := s.db.Exec("UPDATE remediation_plans SET form_json = ? WHERE id = ?", future, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.StartPlan(ctx, id, NewPlanForm()); !errors.Is(err, ErrFormTooNew) {
		t.Fatalf("err = %v, want ErrFormTooNew", err)
	}
	var body string
	s.db.QueryRow("SELECT form_json FROM remediation_plans WHERE id = ?", p.ID).Scan(&body)
	if body != future {
		t.Errorf("a newer draft was rewritten: %s", body)
	}
}

func TestParseReportsEveryProblemAtItsStep(t *testing.T) {
	type want struct {
		step  Step
		field string
	}
	cases := []struct {
		name string
		edit func(f *PlanForm)
		want []want
	}{
		{"complete", func(*PlanForm) {}, nil},
		{"no meeting date", func(f *PlanForm) { f.Prepare.MeetingDate = " " },
			[]want{{StepPrepare, "meeting date"}}},
		{"bad meeting date", func(f *PlanForm) { f.Prepare.MeetingDate = "15/07/2026" },
			[]want{{StepPrepare, "meeting date"}}},
		{"no topics", func(f *PlanForm) { f.Topics = []TopicForm{{Title: ""}} },
			[]want{{StepPrepare, "agenda"}}},
		{"no outcome", func(f *PlanForm) { f.Outcome.Result = "" },
			[]want{{StepOutcome, "outcome"}}},
		{"review before meeting", func(f *PlanForm) { f.Outcome.ReviewDate = "2026-07-15" },
			[]want{{StepOutcome, "review date"}}},
		{"refused needs no review", func(f *PlanForm) { f.Outcome = OutcomeForm{Result: "refused"} }, nil},
		{"action rows", func(f *PlanForm) {
			f.Actions = []ActionForm{{}, {Owner: "them", What: "x", Due: "soon", Target: "y"}, {Owner: "us", Due: "2026-08-01"}}
		}, []want{{StepActions, "action 1 owner"}, {StepActions, "action 1 person"}, {StepActions, "action 1 due date"},
			{StepActions, "action 2 description"}, {StepActions, "action 2 person"}, {StepActions, "action 2 target"}}},
		{"action due before the meeting", func(f *PlanForm) { f.Actions[2].Due = "2026-07-14" },
			[]want{{StepActions, "action 2 due date"}}},
		{"action due on the meeting day", func(f *PlanForm) { f.Actions[2].Due = "2026-07-15" }, nil},
		{"agreed without actions", func(f *PlanForm) { f.Actions = []ActionForm{{}} },
			[]want{{StepActions, "actions"}}},
		{"terms", func(f *PlanForm) {
			f.Terms.NewPrice = "about 5k"
			f.Terms.AutopayFrom = "next month"
			f.Terms.RestateScope = true
		}, []want{{StepTerms, "autopay start"}, {StepTerms, "scope"}, {StepTerms, "new price"}}},
		{"unticked terms are not read", func(f *PlanForm) {
			f.Terms = TermsForm{NewPrice: "garbage", AutopayFrom: "garbage", Scope: ""}
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := agreedForm()
			c.edit(&f)
			_, err := f.Parse(time.UTC)
			var got []want
			var fe FormErrors
			if errors.As(err, &fe) {
				for _, e := range fe {
					got = append(got, want{e.Step, e.Field})
				}
			} else if err != nil {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("problems = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("problem %d = %v, want %v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// An action due, or a review set, on a day the business is closed is
// refused when the plan is finished, naming the working days either side: 2026-08-01 is a
// Saturday, 2026-07-31 the Friday before and 2026-08-03 the Monday after.
func TestFinishRefusesActionsDueOnClosedDays(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	f := agreedForm()
	f.Actions[0].Due = "2026-08-01"
	p, _, _ := s.StartPlan(ctx, id, f)
	_, err := s.FinishPlan(ctx, p.ID)
	var fe FormErrors
	if !errors.As(err, &fe) || len(fe) != 1 || fe[0].Step != StepActions || fe[0].Field != "action 1 due date" ||
		fe[0].Msg != "Saturday, 1 August 2026 is not a working day: choose 2026-07-31 or 2026-08-03" {
		t.Fatalf("err = %v", err)
	}
	// So is a review set on a closed day: 2026-10-17 is a Saturday.
	f.Actions[0].Due, f.Outcome.ReviewDate = "2026-08-03", "2026-10-17"
	f.Seq = 2
	if _, err := s.SavePlan(ctx, p.ID, f); err != nil {
		t.Fatal(err)
	}
	_, err = s.FinishPlan(ctx, p.ID)
	if !errors.As(err, &fe) || len(fe) != 1 || fe[0].Step != StepOutcome || fe[0].Field != "review date" ||
		fe[0].Msg != "Saturday, 17 October 2026 is not a working day: choose 2026-10-16 or 2026-10-19" {
		t.Fatalf("review on a Saturday: err = %v", err)
	}
	f.Outcome.ReviewDate, f.Seq = "2026-10-19", 3
	if _, err := s.SavePlan(ctx, p.ID, f); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FinishPlan(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
}

func TestParseAgreedForm(t *testing.T) {
	d, err := agreedForm().Parse(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 7, 15, 10, 0, 0, 0, time.UTC); !d.Meeting.Equal(want) {
		t.Errorf("meeting = %v, want %v", d.Meeting, want)
	}
	if len(d.OurAttendees) != 2 || d.OurAttendees[1] != (letters.Person{Name: "Sam Ortiz", Role: "Service manager"}) ||
		len(d.Contributors) != 1 || d.Contributors[0] != (letters.Person{Name: "Lee Chan", Role: "Technician"}) {
		t.Errorf("people = %+v / %+v", d.OurAttendees, d.Contributors)
	}
	if len(d.Topics) != 2 || len(d.Actions) != 2 || d.Actions[1].Side != SideUs {
		t.Errorf("topics %d, actions %+v", len(d.Topics), d.Actions)
	}
	if len(d.Support) != 2 || d.Support[1] != "Onboarding for the new office manager" {
		t.Errorf("support = %q", d.Support)
	}
	if d.Terms.NewPriceMinor != 480000 || d.Terms.AutopayFrom != time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("terms = %+v", d.Terms)
	}
}

func TestParseMinor(t *testing.T) {
	for in, want := range map[string]int64{"4800": 480000, "4,800.00": 480000, " 4800.5 ": 480050, "0.07": 7, "12,345.67": 1234567} {
		if got, err := ParseMinor(in); err != nil || got != want {
			t.Errorf("ParseMinor(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "-5", "1.234", "4.8.0", "$4800"} {
		if _, err := ParseMinor(in); err == nil {
			t.Errorf("ParseMinor(%q) accepted", in)
		}
	}
}

// finishAgreed runs a client through a complete walkthrough.
func finishAgreed(t *testing.T, s *planDesk, clientID int64, f PlanForm) Plan {
	t.Helper()
	ctx := context.Background()
	p, _, err := s.StartPlan(ctx, clientID, NewPlanForm())
	if err != nil {
		t.Fatal(err)
	}
	f.Seq = p.Form.Seq + 1
	if _, err := s.SavePlan(ctx, p.ID, f); err != nil {
		t.Fatal(err)
	}
	done, err := s.FinishPlan(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return done
}

func TestFinishPlanWritesTheNormalisedPlanAndTheRecord(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	p := finishAgreed(t, s, id, agreedForm())
	if p.Status != scoring.PlanAgreed || store.Date(p.ReviewOn) != "2026-10-15" || store.Date(p.BaselineFrom) != "2026-01-01" ||
		store.Date(p.BaselineTo) != "2026-06-30" || p.MeetingPlace != "Client office, 2nd floor" ||
		!p.ClosedAt.IsZero() || p.OutcomeNote != "Both sides agreed the plan." || p.Form.Finished != store.Date(fixedNow) {
		t.Errorf("plan = %+v", p)
	}
	type row struct {
		kind       store.ItemKind
		title      string
		side       Side
		due, extra string
	}
	want := []row{
		{store.ItemTopic, "Invoice payment times", "", "", "Invoices go to an old mailbox"},
		{store.ItemTopic, "After-hours calls", "", "", ""},
		{store.ItemAction, "Set up autopay", SideClient, "2026-07-31", "Pat Kim"},
		{store.ItemAction, "Publish the emergency line", SideUs, "2026-07-22", "Sam Ortiz"},
		{store.ItemTerm, "Invoices are paid by automatic collection (autopay)", "", "2026-08-01", ""},
		{store.ItemTerm, "Monthly fee of USD 4,800.00", "", "2026-09-01", "from USD 4,200.00; break-even USD 4,650.00"},
	}
	if len(p.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(p.Items), len(want), p.Items)
	}
	for i, w := range want {
		it := p.Items[i]
		extra := it.ClientSaid + it.OwnerName + it.Note
		due := ""
		if !it.Due.IsZero() {
			due = store.Date(it.Due)
		}
		if it.Position != i+1 || it.Kind != w.kind || it.Title != w.title || Side(it.OwnerSide) != w.side || due != w.due || extra != w.extra {
			t.Errorf("item %d = %+v, want %+v", i, it, w)
		}
	}
	c, _ := s.Store.Client(ctx, id)
	if ClientStatusOf(c.Status) != scoring.StatusRemediation {
		t.Errorf("client status = %s, want remediation", c.Status)
	}
	comms, _ := s.Store.Communications(ctx, id, 0)
	if len(comms) != 1 || comms[0].Channel != "meeting" ||
		comms[0].Summary != "Remediation meeting on 2026-07-15: plan agreed, review on 2026-10-15" ||
		!strings.Contains(comms[0].Body, "Our side: Dana Reyes (Owner), Sam Ortiz (Service manager)") {
		t.Errorf("communications = %+v", comms)
	}
	ds, _ := s.Store.Decisions(ctx, id)
	var kinds []string
	for _, d := range ds {
		kinds = append(kinds, d.Kind+":"+d.To)
	}
	if strings.Join(kinds, ",") != "plan:agreed,status:remediation" {
		t.Errorf("decisions = %v", kinds)
	}
	if _, err := s.FinishPlan(ctx, p.ID); !errors.Is(err, store.ErrNotDraft) {
		t.Errorf("second finish: %v", err)
	}
	if _, err := s.SavePlan(ctx, p.ID, PlanForm{Seq: 99}); !errors.Is(err, store.ErrNotDraft) {
		t.Errorf("save after finish: %v", err)
	}
}

func TestFinishIncompleteFormChangesNothing(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	f := agreedForm()
	f.Outcome.Result = ""
	p, _, _ := s.StartPlan(ctx, id, f)
	var fe FormErrors
	if _, err := s.FinishPlan(ctx, p.ID); !errors.As(err, &fe) || fe[0].Step != StepOutcome {
		t.Fatalf("err = %v", err)
	}
	got, _ := s.Plan(ctx, p.ID)
	c, _ := s.Store.Client(ctx, id)
	if got.Status != scoring.PlanDraft || len(got.Items) != 0 || ClientStatusOf(c.Status) != scoring.StatusActive {
		t.Errorf("an incomplete form changed the plan (%s, %d items) or client (%s)", got.Status, len(got.Items), c.Status)
	}
}

func TestRefusedPlanIsClosed(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	f := agreedForm()
	f.Outcome = OutcomeForm{Result: "refused", Note: "The client will look for another provider."}
	p := finishAgreed(t, s, id, f)
	if p.Status != scoring.PlanRefused || p.ClosedAt.IsZero() || !p.ReviewOn.IsZero() {
		t.Errorf("plan = %+v", p)
	}
	c, _ := s.Store.Client(ctx, id)
	if ClientStatusOf(c.Status) != scoring.StatusRemediation {
		t.Errorf("status = %s, want remediation", c.Status)
	}
	latest, _ := s.Store.LatestPlans(ctx)
	if PlanStatusOf(latest[id].Status) != scoring.PlanRefused || latest[id].PlanID != p.ID {
		t.Errorf("latest = %+v", latest[id])
	}
	if err := s.FailPlan(ctx, p.ID, ""); !errors.Is(err, store.ErrPlanClosed) {
		t.Errorf("failing a refused plan: %v", err)
	}
}

func TestTickItem(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	p := finishAgreed(t, s, id, agreedForm())
	action := p.Actions()[0]
	for _, done := range []bool{true, true, false} {
		if err := s.Store.TickItem(ctx, action.ID, done); err != nil {
			t.Fatal(err)
		}
	}
	p, _ = s.Plan(ctx, p.ID)
	if p.Actions()[0].Done() {
		t.Error("untick did not reopen the item")
	}
	ds, _ := s.Store.Decisions(ctx, id)
	var ticks []string
	for _, d := range ds {
		if strings.HasPrefix(d.Reason, "plan item:") {
			ticks = append(ticks, d.From+">"+d.To)
		}
	}
	// Newest first; ticking an item already done records nothing.
	if strings.Join(ticks, ",") != "done>open,open>done" {
		t.Errorf("ticks logged = %v", ticks)
	}
	if err := s.Store.TickItem(ctx, action.ID, true); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Plan(ctx, p.ID)
	if got := p.Actions()[0].DoneOn; store.Date(got) != store.Date(fixedNow) {
		t.Errorf("done on %v, want %s", got, store.Date(fixedNow))
	}
}

func TestReviewsDueAndReviewActions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	due := addClient(t, s, "Due Dental")
	later := addClient(t, s, "Later Logistics")
	refused := addClient(t, s, "Refused Realty")
	drafting := addClient(t, s, "Drafting Design")
	finishAgreed(t, s, due, agreedForm()) // review 2026-10-15
	f := agreedForm()
	f.Outcome.ReviewDate = "2027-01-15"
	finishAgreed(t, s, later, f)
	f = agreedForm()
	f.Outcome = OutcomeForm{Result: "refused"}
	finishAgreed(t, s, refused, f)
	s.StartPlan(ctx, drafting, agreedForm())

	asOf := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	got, err := s.Store.ReviewsDue(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ClientName != "Due Dental" || store.Date(got[0].ReviewOn) != "2026-10-15" || got[0].OpenActions != 2 {
		t.Fatalf("reviews due = %+v", got)
	}
	latest, _ := s.Store.LatestPlans(ctx)
	isDue := func(id int64) bool { return reviewDue(PlanStatusOf(latest[id].Status), latest[id].ReviewOn, asOf) }
	if !isDue(due) || isDue(later) || isDue(refused) ||
		PlanStatusOf(latest[drafting].Status) != scoring.PlanDraft || len(latest) != 4 {
		t.Errorf("latest plans = %+v", latest)
	}
	planID := got[0].PlanID

	if _, err := s.ExtendPlan(ctx, planID, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), ""); err == nil {
		t.Error("extended to a date before the current review")
	}
	if _, err := s.ExtendPlan(ctx, planID, time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), "Autopay set up late"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Store.ReviewsDue(ctx, asOf); len(got) != 0 {
		t.Errorf("extended plan still due: %+v", got)
	}
	p, _ := s.Plan(ctx, planID)
	if p.Status != scoring.PlanExtended || store.Date(p.ReviewOn) != "2026-12-15" {
		t.Errorf("extended plan = %s %v", p.Status, p.ReviewOn)
	}
	if got, _ := s.Store.ReviewsDue(ctx, time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)); len(got) != 1 {
		t.Errorf("extended plan not due on its new date: %+v", got)
	}

	if err := s.ResolvePlan(ctx, planID, "Paid within terms for three months."); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Store.Client(ctx, due)
	p, _ = s.Plan(ctx, planID)
	if ClientStatusOf(c.Status) != scoring.StatusActive || p.Status != scoring.PlanResolved || p.ClosedAt.IsZero() || p.OutcomeNote != "Paid within terms for three months." {
		t.Errorf("resolved: client %s, plan %s closed %v note %q", c.Status, p.Status, p.ClosedAt, p.OutcomeNote)
	}
	if err := s.ResolvePlan(ctx, planID, ""); !errors.Is(err, store.ErrPlanClosed) {
		t.Errorf("resolving twice: %v", err)
	}

	laterPlan := latest[later].PlanID
	if err := s.FailPlan(ctx, laterPlan, "No change in payment times."); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Store.Client(ctx, later)
	latest, _ = s.Store.LatestPlans(ctx)
	if PlanStatusOf(latest[later].Status) != scoring.PlanFailed || latest[later].Closed.IsZero() || ClientStatusOf(c.Status) != scoring.StatusRemediation {
		t.Errorf("failed: plan %+v, client %s", latest[later], c.Status)
	}
	ds, _ := s.Store.Decisions(ctx, later)
	if ds[0].Kind != "plan" || ds[0].From != "agreed" || ds[0].To != "failed" ||
		ds[0].Reason != "reviewed: failed: No change in payment times." {
		t.Errorf("last decision = %+v", ds[0])
	}
}

// A refused or failed plan reaches scoring's facts as such, so the policy
// recommends offboarding with the plan as its reason (seed 004); a
// resolved plan does not.
func TestPlanOutcomeReachesTheRecommendation(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	refused := addClient(t, s, "Refused Realty")
	failed := addClient(t, s, "Failed Freight")
	resolved := addClient(t, s, "Resolved Dental")
	f := agreedForm()
	f.Outcome = OutcomeForm{Result: "refused"}
	finishAgreed(t, s, refused, f)
	if err := s.FailPlan(ctx, finishAgreed(t, s, failed, agreedForm()).ID, "No change"); err != nil {
		t.Fatal(err)
	}
	if err := s.ResolvePlan(ctx, finishAgreed(t, s, resolved, agreedForm()).ID, ""); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Store.PortfolioFacts(ctx, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	facts := scoringFacts(rows)
	cfg := scoring.DefaultConfig()
	flags := []scoring.Flag{{ID: scoring.FlagLatePayment, Title: "Late payment", Points: 60}}
	want := map[int64]scoring.Recommendation{refused: scoring.Offboard, failed: scoring.Offboard, resolved: scoring.Remediate}
	for _, cf := range facts {
		if cf.Plan == nil {
			t.Fatalf("%s: no plan in the facts", cf.Name)
		}
		rec, reasons := scoring.Recommend(flags, 60, cf.Plan, fixedNow, &cfg)
		if rec != want[cf.ID] {
			t.Errorf("%s (plan %s): %s, want %s; %v", cf.Name, cf.Plan.Status, rec, want[cf.ID], reasons)
		}
		if rec == scoring.Offboard && !strings.Contains(strings.Join(reasons, " "), string(cf.Plan.Status)) {
			t.Errorf("%s: the reasons do not say the plan was %s: %v", cf.Name, cf.Plan.Status, reasons)
		}
	}
}

// The progress bar ticks a step only when it is really filled, and a
// meeting still to come cannot be recorded as held.
func TestPlanFormFilledAndHeld(t *testing.T) {
	f := NewPlanForm()
	if got := f.Filled(time.UTC); got != [NumSteps]bool{false, false, false, true, false} {
		t.Errorf("empty form: %v, want only the optional terms filled", got)
	}
	f.Prepare = PrepareForm{MeetingDate: "2026-12-10 10:00", OurAttendees: "Dana Whitfield, Owner", ClientAttendees: "Alex Moreno"}
	f.Topics = []TopicForm{{Title: "Invoice payment times"}}
	f.Actions = []ActionForm{{Owner: "client", Person: "Alex Moreno", What: "Autopay", Due: "2027-01-15"}}
	f.Outcome = OutcomeForm{Result: "agreed", ReviewDate: "2027-03-10"}
	got := f.Filled(time.UTC)
	if want := [NumSteps]bool{true, false, false, true, true}; got != want {
		t.Errorf("no notes, an action without a target: %v, want %v", got, want)
	}
	f.Topics[0].ClientSaid, f.Topics[0].Goal = "Invoices went to an old mailbox", "Paid within 30 days"
	f.Actions[0].Target = "every invoice paid within 30 days"
	f.Terms.Autopay = true
	f.Terms.AutopayFrom = "someday"
	if got, want := f.Filled(time.UTC), [NumSteps]bool{true, true, true, false, true}; got != want {
		t.Errorf("a ticked term without a good date: %v, want %v", got, want)
	}

	before := time.Date(2026, time.December, 9, 9, 0, 0, 0, time.UTC)
	if e := f.UnheldMeeting(before, time.UTC); e == nil || e.Step != StepPrepare ||
		!strings.Contains(e.Msg, "Thursday 10 December 2026 10:00, still to come") {
		t.Errorf("the day before: %+v", e)
	}
	if e := f.UnheldMeeting(before.AddDate(0, 0, 2), time.UTC); e != nil {
		t.Errorf("after the meeting: %+v", e)
	}
}

// A meeting dated after today can be saved as scheduled, but its outcome
// cannot be recorded: finishing says so first and changes nothing.
func TestFinishRefusesAMeetingStillToCome(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	f := agreedForm()
	f.Prepare.MeetingDate = store.Date(s.Store.Now().AddDate(0, 0, 3)) + " 10:00"
	f.Outcome.ReviewDate = store.Date(s.Store.Now().AddDate(0, 3, 0))
	p, _, _ := s.StartPlan(ctx, id, f)
	var fe FormErrors
	if _, err := s.FinishPlan(ctx, p.ID); !errors.As(err, &fe) || fe[0].Step != StepPrepare || !strings.Contains(fe[0].Msg, "still to come") {
		t.Fatalf("err = %v", err)
	}
	if got, _ := s.Plan(ctx, p.ID); got.Status != scoring.PlanDraft {
		t.Errorf("the plan is %s, want still a draft", got.Status)
	}
}

// The review is suggested 90 days after the meeting, on the next working
// day when the business is closed then, saying where it moved from.
func TestSuggestReview(t *testing.T) {
	us := calendar.Calendar{Region: "US"}
	closed := calendar.Calendar{Closed: []time.Time{time.Date(2027, 2, 18, 0, 0, 0, 0, time.UTC)}}
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		cal     calendar.Calendar
		meeting time.Time
		want    string
		moved   string
	}{
		{"a working day", us, at(2026, 11, 20), "2027-02-18", ""},
		{"a Sunday", us, at(2026, 12, 14), "2027-03-15", "moved from Sunday, 14 March 2027, not a working day"},
		{"Independence Day", us, at(2027, 4, 5), "2027-07-06", "moved from Sunday, 4 July 2027, not a working day"},
		{"Christmas Day, a Friday", us, at(2026, 9, 26), "2026-12-28", "moved from Friday, 25 December 2026 (Christmas Day), not a working day"},
		{"a closed day of ours", closed, at(2026, 11, 20), "2027-02-19", "moved from Thursday, 18 February 2027 (a closed day of the business), not a working day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, moved := SuggestReview(tt.cal, tt.meeting)
			if store.Date(day) != tt.want || moved != tt.moved {
				t.Errorf("SuggestReview = %s, %q; want %s, %q", store.Date(day), moved, tt.want, tt.moved)
			}
		})
	}
}

// The meeting's time is read in the client's zone, else ours, whatever
// zone the machine finishing the plan is in: 10:00 on 15 July 2026 is
// 15:00 UTC in Chicago (CDT) and 09:00 UTC in London (BST).
func TestFinishReadsTheMeetingInTheClientsZone(t *testing.T) {
	tests := []struct {
		name, client, ours string
		want               time.Time
	}{
		{"the client's zone", "America/Chicago", "Europe/London", time.Date(2026, 7, 15, 15, 0, 0, 0, time.UTC)},
		{"ours when the client has none", "", "Europe/London", time.Date(2026, 7, 15, 9, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			ctx := context.Background()
			id := addClient(t, s, "Acme")
			if _, err := s.db.ExecContext(ctx, "UPDATE clients SET time_zone = ? WHERE id = ?", tt.client, id); err != nil {
				t.Fatal(err)
			}
			if err := s.Store.SetSetting(ctx, store.SettingBusinessTimeZone, tt.ours); err != nil {
				t.Fatal(err)
			}
			p, _, _ := s.StartPlan(ctx, id, agreedForm())
			done, err := s.FinishPlan(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !done.Meeting.Equal(tt.want) {
				t.Errorf("meeting recorded at %v, want %v", done.Meeting.UTC(), tt.want)
			}
			docs, err := s.PlanDocuments(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a := docs.Agenda; !a.Meeting.Equal(tt.want) || a.TimeZone == nil || a.Meeting.In(a.TimeZone).Hour() != 10 {
				t.Errorf("agenda has the meeting at %v in %v, want %v, 10:00 in its zone", a.Meeting, a.TimeZone, tt.want)
			}
		})
	}
}
