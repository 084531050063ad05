package casefile

import (
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
