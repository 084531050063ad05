package casefile

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/letters"
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

// The expected dates below were counted on a calendar by hand: the final
// invoice 14 days before the effective date and the data export 10 days
// before, each moved back to the Friday when it falls on a weekend (20
// February 2028 is a Sunday, 20 February 2027 a Saturday, 13 December 2026
// a Sunday), and data kept 30 days after.
func TestRescheduleEffectiveDates(t *testing.T) {
	cases := []struct {
		name                string
		sent                string
		notice              int
		termEnd             string
		effective, invoice  string
		retention, exportOn string
	}{
		{"leap year month end", "2028-01-31", 30, "", "2028-03-01", "2028-02-16", "2028-03-31", "2028-02-18"},
		{"common year month end", "2027-01-31", 30, "", "2027-03-02", "2027-02-16", "2027-04-01", "2027-02-19"},
		{"lands on 29 February", "2027-12-31", 60, "", "2028-02-29", "2028-02-15", "2028-03-30", "2028-02-18"},
		{"a later term end does not stretch the notice", "2026-11-23", 30, "2027-06-30", "2026-12-23", "2026-12-09", "2027-01-22", "2026-12-11"},
		{"term end inside the notice", "2026-11-23", 30, "2026-12-01", "2026-12-23", "2026-12-09", "2027-01-22", "2026-12-11"},
		{"term end already past", "2026-11-23", 30, "2026-01-01", "2026-12-23", "2026-12-09", "2027-01-22", "2026-12-11"},
		{"no notice at all", "2026-11-23", 0, "", "2026-11-23", "2026-11-23", "2026-12-23", "2026-11-23"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := store.Client{Name: "Acme", NoticeDays: c.notice, Currency: "USD"}
			if c.termEnd != "" {
				cl.TermEnd = day(c.termEnd)
			}
			d := NewLetterDraft(cl, letters.Company{}, 0, day(c.sent))
			if d.Effective != c.effective || d.FinalInvoice != c.invoice || d.Retention != c.retention || d.ExportDate != c.exportOn {
				t.Errorf("effective %s, invoice %s, retention %s, export %s; want %s, %s, %s, %s",
					d.Effective, d.FinalInvoice, d.Retention, d.ExportDate, c.effective, c.invoice, c.retention, c.exportOn)
			}
			in, err := d.Input(cl)
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
	d := NewLetterDraft(cl, letters.Company{}, 0, day("2026-11-23"))
	d.Sent = "2026-11-"
	d.Reschedule()
	if d.Effective != "2026-12-23" {
		t.Errorf("a half-typed sent date changed the effective date to %q", d.Effective)
	}
	d.Sent, d.NoticeDays = "2026-11-23", "45"
	d.Reschedule()
	if d.Effective != "2027-01-07" {
		t.Errorf("45 days from 23 November 2026: got %s, want 2027-01-07", d.Effective)
	}
	d.Effective = "2027-02-01"
	d.RescheduleFromEffective()
	if d.Retention != "2027-03-03" || d.FinalInvoice != "2027-01-18" {
		t.Errorf("from effective 2027-02-01: retention %s, invoice %s", d.Retention, d.FinalInvoice)
	}
}

func TestLetterDraftInput(t *testing.T) {
	cl := store.Client{ID: 1, Name: "Acme", NoticeDays: 30, Currency: "USD", AgreementName: "MSA",
		AgreementSigned: day("2024-03-01"), TerminationClause: "clause 9"}
	d := NewLetterDraft(cl, letters.Company{Name: "Us"}, 1843250, day("2026-11-23"))
	if d.Balance != "USD 18,432.50" || d.NoticeDays != "30" || d.AgreementDate != "2024-03-01" || d.CompanyName != "Us" {
		t.Errorf("pre-filled: %+v", d)
	}
	d.TransitionHours, d.TransitionRate = "10", "165"
	d.Licences = "42 × Microsoft 365 Business Premium until 2027-04-30\n \n3 x Backup server until 2027-02-28; 5 x Firewall until 2027-09-30"
	d.Delivery = "post"
	in, err := d.Input(cl)
	if err != nil {
		t.Fatal(err)
	}
	if in.Balance.Minor != 1843250 || in.Transition.Rate.Minor != 16500 || in.Transition.Hours != 10 ||
		in.Delivery != letters.DeliveryPost || in.Agreement.NoticeDays != 30 || in.Agreement.TerminationClause != "clause 9" {
		t.Errorf("input = %+v", in)
	}
	if len(in.AnnualLicences) != 3 || in.AnnualLicences[0].Quantity != 42 ||
		in.AnnualLicences[0].Product != "Microsoft 365 Business Premium" || store.Date(in.AnnualLicences[1].TermEnds) != "2027-02-28" {
		t.Errorf("licences = %+v", in.AnnualLicences)
	}

	bad := d
	bad.Sent, bad.NoticeDays, bad.Balance, bad.Delivery, bad.Licences, bad.Effective = "23/11/2026", "thirty", "lots", "pigeon", "many licences", ""
	_, err = bad.Input(cl)
	var fe FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want FieldErrors", err)
	}
	for _, field := range []string{"sent", "notice_days", "balance", "delivery", "licences", "effective"} {
		if fe[field] == nil {
			t.Errorf("no error for %s in %v", field, err)
		}
	}
	if !strings.Contains(err.Error(), `"23/11/2026" is not a date`) {
		t.Errorf("the error does not name the typed text: %v", err)
	}
}

func TestLetterDraftForUsesSettingsBalanceAndSavedDraft(t *testing.T) {
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
	d, saved, err := desk.LetterDraftFor(ctx, c, day("2026-11-23"))
	if err != nil || saved {
		t.Fatalf("fresh draft: %v %v", saved, err)
	}
	// 500.00 + 75.50 open; the paid invoice owes nothing.
	if d.Balance != "GBP 575.50" || d.CompanyName != "Bluepeak" || d.Signer != "Dana" || d.CompanyEmail != "" ||
		d.Effective != "2027-01-22" || d.ExportPath != "exports/acme-termination-2026-11-23.md" {
		t.Errorf("draft = %+v", d)
	}
	d.NoticeDays = "9"
	if err := desk.SaveLetterDraft(ctx, id, d); err != nil {
		t.Fatal(err)
	}
	again, saved, err := desk.LetterDraftFor(ctx, c, day("2027-01-01"))
	if err != nil || !saved || again.NoticeDays != "9" || again.Sent != "2026-11-23" {
		t.Errorf("saved draft: %+v %v %v", again, saved, err)
	}
}

func TestSentLetterSchedulesTheLettersChecklist(t *testing.T) {
	cl := store.Client{ID: 7, Name: "Acme", NoticeDays: 30, Currency: "USD", AgreementName: "MSA", AgreementSigned: day("2024-03-01")}
	in, err := NewLetterDraft(cl, letters.Company{}, 0, day("2026-11-23")).Input(cl)
	if err != nil {
		t.Fatal(err)
	}
	l := sentLetterOf(cl.ID, Letter{Input: in, Markdown: "text"}, "exports/a.md")
	want := letters.ChecklistSteps(day("2026-11-23"), day("2026-12-23"), day("2027-01-22"))
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
	if _, saved, err := desk.LetterDraftFor(ctx, cl, day("2026-11-23")); saved || err != nil {
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
	got, saved, err := desk.LetterDraftFor(ctx, cl, day("2026-11-23"))
	if err != nil || !saved || got != want {
		t.Errorf("draft = %+v %v %v, want %+v", got, saved, err, want)
	}
}
