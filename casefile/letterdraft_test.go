package casefile

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

var letterNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// letterDesk opens a fresh database on the letter tests' day, with a
// renderer of the built-in templates.
func letterDesk(t *testing.T) *Desk {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "letter.db"), store.WithClock(func() time.Time { return letterNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Desk{Store: st, Letters: r, Now: func() time.Time { return letterNow }}
}

// plant runs a statement on the desk's database file directly, for rows
// no use case writes.
func plant(t *testing.T, d *Desk, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", d.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

// The expected dates below were counted on a calendar by hand: the
// effective date moved to the next working day when the notice ends on a
// closed day (3 January 2027 is a Sunday); the final invoice on the first
// working day after it; the data export 10 days before it and the licence
// transfer 3 days before, each moved back to the working day before a
// weekend (20 February 2028 and 20 December 2026 are Sundays, 20 February
// 2027 a Saturday) or a US public holiday (Christmas Day, Friday 25
// December 2026; New Year's Day, Friday 1 January 2027); data kept 30 days
// after the effective date.
func TestRescheduleEffectiveDates(t *testing.T) {
	cases := []struct {
		name                string
		region              calendar.Region
		sent                string
		notice              int
		termEnd             string
		effective, invoice  string
		retention, exportOn string
		transfer            string
	}{
		{"leap year month end", "", "2028-01-31", 30, "", "2028-03-01", "2028-03-02", "2028-03-31", "2028-02-18", "2028-02-25"},
		{"common year month end", "", "2027-01-31", 30, "", "2027-03-02", "2027-03-03", "2027-04-01", "2027-02-19", "2027-02-26"},
		{"lands on 29 February", "", "2027-12-31", 60, "", "2028-02-29", "2028-03-01", "2028-03-30", "2028-02-18", "2028-02-25"},
		{"a later term end does not stretch the notice", "", "2026-11-23", 30, "2027-06-30", "2026-12-23", "2026-12-24", "2027-01-22", "2026-12-11", "2026-12-18"},
		{"term end inside the notice", "", "2026-11-23", 30, "2026-12-01", "2026-12-23", "2026-12-24", "2027-01-22", "2026-12-11", "2026-12-18"},
		{"term end already past", "", "2026-11-23", 30, "2026-01-01", "2026-12-23", "2026-12-24", "2027-01-22", "2026-12-11", "2026-12-18"},
		{"no notice at all", "", "2026-11-23", 0, "", "2026-11-23", "2026-11-24", "2026-12-23", "2026-11-23", "2026-11-23"},
		{"notice ending on a Sunday moves to Monday", "", "2026-12-04", 30, "", "2027-01-04", "2027-01-05", "2027-02-03", "2026-12-25", "2027-01-01"},
		{"no step on Christmas or New Year's Day", "US", "2026-12-05", 30, "", "2027-01-04", "2027-01-05", "2027-02-03", "2026-12-24", "2026-12-31"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := store.Client{Name: "Acme", NoticeDays: c.notice, Currency: "USD"}
			if c.termEnd != "" {
				cl.TermEnd = day(c.termEnd)
			}
			facts := LetterFacts{Calendar: calendar.Calendar{Region: c.region}}
			d := NewLetterDraft(cl, letters.Company{}, facts, day(c.sent))
			if d.Effective != c.effective || d.FinalInvoice != c.invoice || d.Retention != c.retention || d.ExportDate != c.exportOn || d.TransferDate != c.transfer {
				t.Errorf("effective %s, invoice %s, retention %s, export %s, transfer %s; want %s, %s, %s, %s, %s",
					d.Effective, d.FinalInvoice, d.Retention, d.ExportDate, d.TransferDate, c.effective, c.invoice, c.retention, c.exportOn, c.transfer)
			}
			in, err := d.Input(cl, facts)
			if err != nil {
				t.Fatal(err)
			}
			if err := in.Validate(); err != nil {
				t.Errorf("the pre-filled letter does not validate: %v", err)
			}
		})
	}
}

func TestRescheduleKeepsHalfTypedInput(t *testing.T) {
	cl := store.Client{Name: "Acme", NoticeDays: 30, Currency: "USD"}
	d := NewLetterDraft(cl, letters.Company{}, LetterFacts{}, day("2026-11-23"))
	d.Sent = "2026-11-"
	d.Reschedule(calendar.Calendar{})
	if d.Effective != "2026-12-23" {
		t.Errorf("a half-typed sent date changed the effective date to %q", d.Effective)
	}
	d.Sent, d.NoticeDays = "2026-11-23", "45"
	d.Reschedule(calendar.Calendar{})
	if d.Effective != "2027-01-07" {
		t.Errorf("45 days from 23 November 2026: got %s, want 2027-01-07", d.Effective)
	}
	// 1 February 2027 is a Monday; 3 March 2027 a Wednesday.
	d.Effective = "2027-02-01"
	d.RescheduleFromEffective(calendar.Calendar{})
	if d.Retention != "2027-03-03" || d.FinalInvoice != "2027-02-02" {
		t.Errorf("from effective 2027-02-01: retention %s, invoice %s", d.Retention, d.FinalInvoice)
	}
}

func TestLetterDraftInput(t *testing.T) {
	cl := store.Client{ID: 1, Name: "Acme", NoticeDays: 30, Currency: "USD", AgreementName: "MSA",
		AgreementSigned: day("2024-03-01"), TerminationClause: "clause 9"}
	facts := LetterFacts{Rate: money.Money{Minor: 15000, Currency: "USD"}}
	d := NewLetterDraft(cl, letters.Company{Name: "Us"}, facts, day("2026-11-23"))
	if d.TransitionRate != "USD 150.00" || d.NoticeDays != "30" || d.AgreementDate != "2024-03-01" || d.CompanyName != "Us" || d.ForCause {
		t.Errorf("pre-filled: %+v", d)
	}
	d.TransitionHours, d.TransitionRate, d.IncludedHours, d.RequestDays, d.WindowDays = "10", "165", "4", "2", "14"
	d.Delivery = "post"
	in, err := d.Input(cl, facts)
	if err != nil {
		t.Fatal(err)
	}
	want := letters.Transition{Hours: 10, Rate: money.Money{Minor: 16500, Currency: "USD"}, IncludedHours: 4, RequestDays: 2, WindowDays: 14}
	if in.Transition != want || in.Delivery != letters.DeliveryPost || in.Agreement.NoticeDays != 30 || in.Agreement.TerminationClause != "clause 9" {
		t.Errorf("input = %+v", in)
	}

	bad := d
	bad.Sent, bad.NoticeDays, bad.IncludedHours, bad.Delivery, bad.WindowDays, bad.Effective = "23/11/2026", "thirty", "some", "pigeon", "-1", ""
	_, err = bad.Input(cl, facts)
	var fe FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want FieldErrors", err)
	}
	for _, field := range []string{"sent", "notice_days", "included_hours", "delivery", "window_days", "effective"} {
		if fe[field] == nil {
			t.Errorf("no error for %s in %v", field, err)
		}
	}
	if !strings.Contains(err.Error(), `"23/11/2026" is not a date`) {
		t.Errorf("the error does not name the typed text: %v", err)
	}
}

func TestLetterDraftForUsesSettingsAccountAndSavedDraft(t *testing.T) {
	desk := letterDesk(t)
	s := desk.Store
	ctx := context.Background()
	var id int64
	if err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = store.InsertClient(ctx, tx, store.Client{Name: "Acme", NoticeDays: 60, Currency: "GBP"}, letterNow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	plant(t, desk, `INSERT INTO invoices (client_id, number, issued_on, due_on, amount_minor, balance_minor) VALUES
        (?1, 'A', '2026-09-01', '2026-10-01', 50000, 50000), (?1, 'B', '2026-10-01', '2026-11-01', 20000, 7550),
        (?1, 'C', '2026-08-01', '2026-09-01', 9000, 0)`, id)
	for k, v := range map[string]string{store.SettingCompanyName: "Bluepeak", store.SettingCompanySigner: "Dana"} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := s.Client(ctx, id)
	facts, err := desk.LetterFacts(ctx, c, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	d, saved, err := desk.LetterDraftFor(ctx, c, facts, day("2026-11-23"))
	if err != nil || saved {
		t.Fatalf("fresh draft: %v %v", saved, err)
	}
	// 23 November 2026 + 60 days is Friday 22 January 2027.
	if d.CompanyName != "Bluepeak" || d.Signer != "Dana" || d.CompanyEmail != "" ||
		d.Effective != "2027-01-22" || d.ExportPath != "exports/acme-termination-2026-11-23.md" {
		t.Errorf("draft = %+v", d)
	}
	d.NoticeDays = "9"
	if err := desk.SaveLetterDraft(ctx, id, d); err != nil {
		t.Fatal(err)
	}
	again, saved, err := desk.LetterDraftFor(ctx, c, facts, day("2027-01-01"))
	if err != nil || !saved || again.NoticeDays != "9" || again.Sent != "2026-11-23" {
		t.Errorf("saved draft: %+v %v %v", again, saved, err)
	}
}

func TestSentLetterSchedulesTheLettersChecklist(t *testing.T) {
	cl := store.Client{ID: 7, Name: "Acme", NoticeDays: 30, Currency: "USD", AgreementName: "MSA", AgreementSigned: day("2024-03-01")}
	in, err := NewLetterDraft(cl, letters.Company{}, LetterFacts{}, day("2026-11-23")).Input(cl, LetterFacts{})
	if err != nil {
		t.Fatal(err)
	}
	l := sentLetterOf(cl.ID, Letter{Input: in, Markdown: "text"}, "exports/a.md")
	want := letters.ChecklistStepsOn(calendar.Calendar{}, day("2026-11-23"), day("2026-12-23"), day("2027-01-22"))
	if len(l.Steps) != len(want) || l.Steps[0].Key != want[0].Key || !l.Steps[len(want)-1].Due.Equal(want[len(want)-1].Due) {
		t.Errorf("steps = %+v", l.Steps)
	}
	if l.Title != "Notice of termination of MSA dated Friday, 1 March 2024" || l.NoticeDays != 30 || l.Delivery != "email" ||
		!l.Effective.Equal(time.Date(2026, 12, 23, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("letter = %+v", l)
	}
}

func TestLetterDraftRoundTrip(t *testing.T) {
	desk := letterDesk(t)
	ctx := context.Background()
	var cl store.Client
	if err := desk.Store.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		cl.ID, err = store.InsertClient(ctx, tx, store.Client{Name: "Acme", Seats: 10}, letterNow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, saved, err := desk.LetterDraftFor(ctx, cl, LetterFacts{}, day("2026-11-23")); saved || err != nil {
		t.Fatalf("empty: %v %v", saved, err)
	}
	want := LetterDraft{Sent: "2026-11-2", NoticeDays: "3", ShorterNotice: true, CompanyName: "Brightline IT",
		Markdown: "# edited\n"}
	if err := desk.SaveLetterDraft(ctx, cl.ID, want); err != nil {
		t.Fatal(err)
	}
	want.NoticeDays = "30"
	if err := desk.SaveLetterDraft(ctx, cl.ID, want); err != nil {
		t.Fatal(err)
	}
	got, saved, err := desk.LetterDraftFor(ctx, cl, LetterFacts{}, day("2026-11-23"))
	if err != nil || !saved || got != want {
		t.Errorf("draft = %+v %v %v, want %+v", got, saved, err, want)
	}
}
