package letters

import (
	"offboard/calendar"
	"offboard/money"

	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func usd(minor int64) money.Money { return money.Money{Minor: minor, Currency: "USD"} }

func TestStatementSplitsOverdueFromNotYetDue(t *testing.T) {
	in := juniperStatement() // sent Friday 4 December 2026
	in.Statement.Invoices = []Invoice{
		{Number: "INV-2318", Issued: day(2026, time.December, 1), Due: day(2026, time.December, 31), Open: usd(152000)},
		{Number: "INV-2301", Issued: day(2026, time.November, 4), Due: day(2026, time.December, 4), Open: usd(9950)},
		{Number: "INV-2290", Issued: day(2026, time.October, 15), Due: day(2026, time.November, 14), Open: usd(24000)},
		{Number: "INV-2299", Issued: day(2026, time.November, 3), Due: day(2026, time.December, 3), Open: usd(15000)},
	}
	numbers := func(invs []Invoice) []string {
		var out []string
		for _, inv := range invs {
			out = append(out, inv.Number)
		}
		return out
	}
	// Due the day before the letter is overdue; due on its day is not.
	if got, want := numbers(in.Overdue()), []string{"INV-2290", "INV-2299"}; !slices.Equal(got, want) {
		t.Errorf("overdue %q, want %q", got, want)
	}
	if got, want := numbers(in.NotYetDue()), []string{"INV-2301", "INV-2318"}; !slices.Equal(got, want) {
		t.Errorf("not yet due %q, want %q", got, want)
	}
	md, err := newRenderer(t).Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "letter", md,
		"**Overdue: USD 390.00.** These invoices were due",
		"| INV-2290 | Thursday, 15 October 2026 | Saturday, 14 November 2026 | USD 240.00 |",
		"**Not yet due: USD 1,619.50.** These invoices are not yet due; please pay each by the date shown",
		"| INV-2301 | Wednesday, 4 November 2026 | Friday, 4 December 2026 | USD 99.50 |",
		"We will issue the final invoice on Tuesday, 5 January 2027, after the effective date",
		"We hold **USD 310.00** in prepayments and credits")
	if strings.Contains(md, "outstanding balance") {
		t.Error("a letter with a statement still prints the balance as one figure")
	}

	in.Statement = &Statement{}
	md, err = newRenderer(t).Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "letter", md, "Our records show no open invoices", "We hold no prepayments or credits on your account.")
	if strings.Contains(md, "Overdue") || strings.Contains(md, "Not yet due") {
		t.Error("an account with no invoices lists overdue or not-yet-due invoices")
	}
}

func TestStatementValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(*TerminationInput)
		want   string
	}{
		{"mixed currencies", func(in *TerminationInput) {
			in.Statement.Invoices[1].Open = money.Money{Minor: 100, Currency: "EUR"}
		}, `invoice 2 "INV-2290" is in EUR, the rest of the account in USD`},
		{"nothing open", func(in *TerminationInput) { in.Statement.Invoices[0].Open = usd(0) }, `invoice 1 "INV-2318" has no open amount`},
		{"final invoice on the effective date", func(in *TerminationInput) { in.FinalInvoice = in.Effective },
			"the final invoice on Monday, 4 January 2027 is not after the effective date Monday, 4 January 2027, so it cannot cover services through it; issue it on Tuesday, 5 January 2027"},
		{"negative credits", func(in *TerminationInput) { in.Statement.Credits = usd(-500) }, "credits of USD -5.00 are negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := juniperStatement()
			tt.change(&in)
			err := in.Validate()
			if err == nil {
				t.Fatal("no error")
			}
			assertContains(t, "error", err.Error(), tt.want)
		})
	}
}

func TestForCauseLetter(t *testing.T) {
	r := newRenderer(t)
	in := halvorsenForCause()
	if err := in.ExportableAsSent(); err != nil {
		t.Fatalf("10 days' notice under the for-cause clause is refused: %v", err)
	}
	md, err := r.Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "for-cause letter", md,
		"## Notice of termination for cause of Managed Services Agreement",
		"under clause 14.4 (Termination for cause)",
		"a notice period of 10 days instead of the 30 days",
		"suspended under a legal hold",
		"is our single point of contact",
		"we will deal with this matter in writing only",
		"acknowledges receipt of the notice of termination for cause")
	for _, absent := range []string{"Friday, 26 February 2027", "every success", "Thank you for the trust", "arrange a call"} {
		if strings.Contains(md, absent) {
			t.Errorf("the for-cause letter contains %q", absent)
		}
	}

	in.NoticeDays, in.Effective = 0, in.Sent
	in.Handoff = DefaultHandoff(in.Sent, in.Sent)
	md, err = r.Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "immediate letter", md, "the agreement ends with immediate effect, at the close of business (America/Chicago time) on **Monday, 16 November 2026**")

	in = halvorsenForCause()
	in.ForCause.Clause, in.ForCause.Contact = "", Person{}
	assertContains(t, "missing", strings.Join(in.MissingForSending(), "; "), "for-cause clause", "single point of contact", "email of the single point of contact")

	in = halvorsenForCause()
	in.ForCause = nil
	var short *ShortNoticeError
	if err := in.Validate(); !errors.As(err, &short) {
		t.Errorf("10 days' notice without a for-cause clause or the override: got %v, want a ShortNoticeError", err)
	}
}

func TestSecondNoticeIsRefusedUnlessItSupersedes(t *testing.T) {
	in := halvorsenForCause()
	in.Supersedes = false
	var under *AlreadyUnderNoticeError
	err := in.Validate()
	if !errors.As(err, &under) {
		t.Fatalf("a second notice was not refused: %v", err)
	}
	assertContains(t, "error", err.Error(), "already under the notice sent on Monday, 2 November 2026, effective Wednesday, 2 December 2026")

	in = halvorsenForCause()
	in.PriorNotice = nil
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "no earlier notice is given") {
		t.Errorf("superseding nothing: %v", err)
	}

	in = halvorsenForCause()
	in.PriorNotice.Sent = day(2026, time.November, 20)
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "after this one") {
		t.Errorf("superseding a later notice: %v", err)
	}

	md, err := newRenderer(t).Termination(halvorsenForCause())
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "letter", md, "**Supersedes our notice of Monday, 2 November 2026**",
		"This notice supersedes our notice of termination of Monday, 2 November 2026, which gave an effective date of Wednesday, 2 December 2026. That notice is withdrawn")
}

func TestLicencesOnlyFromTheRecord(t *testing.T) {
	r := newRenderer(t)
	in := juniperStatement()
	in.Licences = nil
	md, err := r.Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	marker := "**[to be completed: " + licencesToComplete + "]**"
	assertContains(t, "letter", md, marker)
	if strings.Contains(md, "annual commitment") {
		t.Error("with no licences in the record the letter still writes a sentence about them")
	}
	if !slices.Contains(Gaps(md), licencesToComplete) || !slices.Contains(in.MissingForSending(), licencesToComplete) {
		t.Errorf("the licence marker is not reported: gaps %q, missing %q", Gaps(md), in.MissingForSending())
	}
	var mf *MissingFieldsError
	if err := in.ExportableAsSent(); !errors.As(err, &mf) {
		t.Errorf("a letter asking for its licences is exportable: %v", err)
	}

	in.LicenceSource = LicencesNone
	md, err = r.Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "letter", md, "We do not manage any software licences for you")

	in = juniperStatement()
	in.LicenceSource = LicencesTyped
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "not set to use them") {
		t.Errorf("record licences in a typed letter: %v", err)
	}
	in = juniperStatement()
	in.Licences[1].Quantity = 0
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), `licence 2 "Endpoint protection" has a quantity of 0`) {
		t.Errorf("a licence without quantity: %v", err)
	}
}

func TestTransitionTerms(t *testing.T) {
	tests := []struct {
		name string
		t    Transition
		want string
	}{
		{"hours at a rate", Transition{Hours: 10, Rate: usd(16500)},
			"we offer up to 10 hours of transition assistance at USD 165.00 per hour, available until the effective date."},
		{"all included", Transition{Hours: 4, IncludedHours: 4, Rate: usd(16500)},
			"we offer up to 4 hours of transition assistance at no charge, available until the effective date."},
		// 30 days after Thursday 31 December 2026 is Saturday 30 January 2027.
		{"some included, a window and request notice", Transition{Hours: 10, IncludedHours: 1, Rate: usd(16500), RequestDays: 1, WindowDays: 30},
			"we offer up to 10 hours of transition assistance: the first 1 hour at no charge, and any further hours at USD 165.00 per hour, available until Monday, 1 February 2027. Please ask for each piece of assistance at least 1 working day ahead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := harborlineTermination()
			in.Transition = tt.t
			md, err := newRenderer(t).Termination(in)
			if err != nil {
				t.Fatal(err)
			}
			assertContains(t, "letter", md, tt.want)
		})
	}
	in := harborlineTermination()
	in.Transition.IncludedHours = 12
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "12 included transition hours are more than the 10 hours offered") {
		t.Errorf("more hours included than offered: %v", err)
	}
}

func TestWarnings(t *testing.T) {
	us := calendar.Calendar{Region: "US"}
	tests := []struct {
		name   string
		change func(*TerminationInput)
		today  time.Time
		want   []string
	}{
		{"a clean letter", func(*TerminationInput) {}, day(2026, time.December, 4), nil},
		{"back-dated", func(*TerminationInput) {}, day(2026, time.December, 7),
			[]string{"The letter is dated Friday, 4 December 2026, 3 days before today. Notice counts from the day it is given, so a back-dated letter does not start the notice period earlier; date it today, Monday, 7 December 2026."}},
		// Three working days after Friday 4 December is Wednesday 9; 30 days
		// later is Friday 8 January 2027.
		{"by post", func(in *TerminationInput) { in.Delivery = DeliveryPost }, day(2026, time.December, 4),
			[]string{"Sent by post, the notice is taken to arrive on Wednesday, 9 December 2026, 3 working days after posting; counted from then, 30 days of notice give an earliest effective date of Friday, 8 January 2027, later than the letter's Monday, 4 January 2027."}},
		{"dates on closed days", func(in *TerminationInput) {
			in.Effective, in.Handoff.ExportDate = day(2027, time.January, 3), day(2026, time.December, 25)
			in.FinalInvoice = day(2027, time.January, 4)
		}, day(2026, time.December, 4),
			[]string{
				"The effective date, Sunday, 3 January 2027, falls on a Sunday, when the business is closed; the next working day is Monday, 4 January 2027.",
				"The data export, Friday, 25 December 2026, falls on Christmas Day, when the business is closed; the working day before is Thursday, 24 December 2026.",
			}},
		{"a balance without its invoices, invoiced before the services end", func(in *TerminationInput) {
			in.Statement, in.Balance, in.FinalInvoice = nil, usd(152000), day(2026, time.December, 18)
		}, day(2026, time.December, 4),
			[]string{
				"The final invoice on Friday, 18 December 2026 comes before the end of the services it covers, on Monday, 4 January 2027; issue it on Tuesday, 5 January 2027.",
				"The balance of USD 1,520.00 is one figure; list the unpaid invoices",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := juniperStatement()
			in.Calendar = us
			tt.change(&in)
			got := in.Warnings(tt.today)
			if len(got) != len(tt.want) {
				t.Fatalf("%d warnings, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("warning %d:\n got %s\nwant %s", i+1, got[i], w)
				}
			}
		})
	}
}
