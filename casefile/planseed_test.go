package casefile

import (
	"context"
	"reflect"
	"testing"

	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

func TestPlanSeedTurnsFlagsIntoTopics(t *testing.T) {
	a := &scoring.Assessment{
		Flags: []scoring.Flag{
			{ID: scoring.FlagLatePayment, Title: "Late payment", Evidence: "9 of the last 12 invoices paid late; average 41 days late."},
			{ID: scoring.FlagStaffAbuse, Title: "Mistreatment of staff", Evidence: "2 abuse incidents in the last 12 months."},
		},
		Lab: []scoring.LabRow{
			{Metric: scoring.MetricDaysLate, Label: "Average days late", Known: true, Display: "41.0", RangeText: "0.0–12.5", Marker: "H"},
			{Metric: scoring.MetricHoursPerSeat, Label: "Hours per seat per month", Known: true, Display: "3.10"},
		},
		Profit: scoring.Profit{BreakEvenMonthly: 465000},
	}
	examples := map[string][]ExampleForm{"late_payment": {{Date: "2026-09-14", Text: "Invoice 2291 paid 47 days after its due date"}}}
	client := store.Client{Name: "Harbor Dental Group", ContactName: "Dr. Lena Ortiz", MRRMinor: 420000, Currency: "USD"}
	f := PlanSeed(client, a, examples, letters.Company{Signer: "Alex Moreno", SignerTitle: "Managing Director"})

	want := []TopicForm{
		{FlagID: "late_payment", Title: "Invoice payment times", Evidence: "9 of the last 12 invoices paid late; average 41 days late.",
			Measures: []MeasureForm{{Name: "Average days late", Value: "41.0", Normal: "0.0–12.5"}},
			Examples: examples["late_payment"], Goal: "Every invoice paid within 30 days of issue"},
		{FlagID: "staff_abuse", Title: "How our staff are spoken to", Evidence: "2 abuse incidents in the last 12 months.",
			Goal: "Every contact with our staff courteous; concerns raised with the account manager"},
	}
	if !reflect.DeepEqual(f.Topics, want) {
		t.Errorf("topics:\n got %+v\nwant %+v", f.Topics, want)
	}
	if f.Prepare.OurAttendees != "Alex Moreno, Managing Director" || f.Prepare.ClientAttendees != "Dr. Lena Ortiz" {
		t.Errorf("attendees = %+v", f.Prepare)
	}
	wantTerms := TermsForm{Autopay: true, CurrentMinor: 420000, BreakEvenMinor: 465000, Currency: "USD"}
	if f.Terms != wantTerms {
		t.Errorf("terms = %+v", f.Terms)
	}
	// Our margin, our labour cost and what other clients pay stay out of
	// what the client reads.
	a.Flags = []scoring.Flag{{ID: scoring.FlagUnprofitable, Title: "Unprofitable",
		Evidence: "Gross margin -32% in the last 12 months: 22,848.00 invoiced against 30,222.00 of labour."}}
	a.Lab = append(a.Lab, scoring.LabRow{Metric: scoring.MetricMargin, Label: "Gross margin", Known: true, Display: "-32%"},
		scoring.LabRow{Metric: scoring.MetricEffectiveRate, Label: "Effective hourly rate", Known: true, Display: "54.43", RangeText: "110.00–190.00"})
	a.Profit = scoring.Profit{Months: 12, Revenue: 2284800, Hours: 419.8}
	f = PlanSeed(client, a, nil, letters.Company{})
	if got := f.Topics[0]; got.Evidence != "420 hours of work in the last 12 months, for USD 22,848.00 invoiced." ||
		len(got.Measures) != 0 {
		t.Errorf("unprofitable topic = %+v", got)
	}
	if empty := PlanSeed(client, nil, nil, letters.Company{}); len(empty.Topics) != 0 || empty.Terms.CurrentMinor != 420000 {
		t.Errorf("seed without an assessment = %+v", empty)
	}
}

func TestClientWordingDropsStatistics(t *testing.T) {
	for in, want := range map[string]string{
		"2.50 hours per seat per month in the last 12 months, above the normal range 0.00–1.03 (z = 6.9); 2.26 tickets per seat per month, above the normal range 0.00–0.93 (z = 7.1) (mean ± 2 standard deviations).": "2.50 hours per seat per month in the last 12 months, above the normal range 0.00–1.03; 2.26 tickets per seat per month, above the normal range 0.00–0.93.",
		"1.90 hours per seat per month (median ± 2 × 1.4826 × MAD).":            "1.90 hours per seat per month.",
		"9 of the last 12 invoices paid more than 30 days late (2 still open).": "9 of the last 12 invoices paid more than 30 days late (2 still open).",
	} {
		if got := clientWording(in); got != want {
			t.Errorf("clientWording(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// The store keys its dated examples by red flag as plain strings: each key
// must be one of scoring's flags, or a topic would never find its examples.
func TestPlanExamplesAreKeyedByScoringFlags(t *testing.T) {
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	exec := mustExec(t, s)
	exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'A1', '2026-01-01', '2026-01-31', '2026-03-18', 100, 0)`, id)
	exec(`INSERT INTO tickets (client_id, opened_at, after_hours, out_of_scope, summary) VALUES
        (?1, '2026-06-07T03:10:00Z', 1, 0, ''), (?1, '2026-06-08T10:00:00Z', 0, 1, '')`, id)
	exec(`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision) VALUES
        (?1, 'Firewall refresh', '2026-01-10', '2026-02-10', 'declined')`, id)
	for _, kind := range []string{"abuse", "security", "data_compliance", "criminal"} {
		exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
            (?1, '2026-05-02T10:00:00Z', ?2, 3, 'Seen')`, id, kind)
	}
	got, err := s.PlanExamples(context.Background(), id, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, f := range scoring.Catalogue() {
		known[string(f.ID)] = true
	}
	if len(got) != 8 {
		t.Errorf("examples of %d flags, want 8: %v", len(got), got)
	}
	for flag := range got {
		if !known[flag] {
			t.Errorf("examples keyed %q, which is not a red flag", flag)
		}
	}
}
