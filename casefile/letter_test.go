package casefile

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"offboard/calendar"
	"offboard/letters"
	"offboard/store"
)

// letterClient adds a client on a 30-day notice with a full agreement to
// the desk's database, and our letterhead to its settings.
func letterClient(t *testing.T, d *Desk) store.Client {
	t.Helper()
	ctx := context.Background()
	var id int64
	if err := d.Store.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = store.InsertClient(ctx, tx, store.Client{Name: "Acme", ContactName: "Dana Ruiz", Address: "1 Main St",
			NoticeDays: 30, Currency: "USD", AgreementName: "MSA", AgreementSigned: day("2024-03-01"),
			TerminationClause: "clause 9"}, letterNow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{store.SettingCompanyName: "Bluepeak", store.SettingCompanyAddress: "2 High St",
		store.SettingCompanySigner: "Sam Lee", store.SettingCompanySignerTitle: "Owner",
		store.SettingCompanyEmail: "sam@example.com", store.SettingCompanyPhone: "555-0100"} {
		if err := d.Store.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	cl, err := d.Store.Client(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// sendNotice sends the client the pre-filled letter with notice given on
// 23 November 2026.
func sendNotice(t *testing.T, d *Desk, cl store.Client) {
	t.Helper()
	ctx := context.Background()
	f, err := d.FreshLetterDraft(ctx, cl, LetterFacts{}, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.DraftLetter(cl, LetterFacts{}, f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SendLetter(ctx, cl.ID, l, filepath.Join(t.TempDir(), "notice.md"), false); err != nil {
		t.Fatal(err)
	}
}

func TestDraftLetterKeepsTheOwnersTextAndReportsFields(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	f, err := d.FreshLetterDraft(context.Background(), cl, LetterFacts{}, day("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	f.NoLicences = true
	l, err := d.DraftLetter(cl, LetterFacts{}, f)
	if err != nil || l.Markdown == "" || len(LetterGaps(l.Input, l.Markdown)) != 0 {
		t.Fatalf("a full form: %v, gaps %v", err, LetterGaps(l.Input, l.Markdown))
	}
	f.Markdown, f.Sent = "# My words\n", "soon"
	l, err = d.DraftLetter(cl, LetterFacts{}, f)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe["sent"] == nil || l.Markdown != "# My words\n" {
		t.Errorf("a bad date with edited text: %v, markdown %q", err, l.Markdown)
	}
	f.Sent, f.Markdown, f.NoticeDays, f.Effective = "2026-11-23", "", "3", "2026-11-26"
	var short *letters.ShortNoticeError
	if l, err = d.DraftLetter(cl, LetterFacts{}, f); !errors.As(err, &short) || l.Markdown != "" {
		t.Errorf("3 days' notice without the override: %v, markdown %q", err, l.Markdown)
	}
}

func TestSendLetterRecordsTheNoticeAndItsChecklist(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	f, _ := d.FreshLetterDraft(ctx, cl, LetterFacts{}, day("2026-11-23"))
	if err := d.SaveLetterDraft(ctx, cl.ID, f); err != nil {
		t.Fatal(err)
	}
	l, err := d.DraftLetter(cl, LetterFacts{}, f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notice.md")
	term, err := d.SendLetter(ctx, cl.ID, l, path, false)
	if err != nil {
		t.Fatal(err)
	}
	// 23 November 2026 + 30 days is 23 December; data kept 30 days more.
	if store.Date(term.Effective) != "2026-12-23" || store.Date(term.Retention) != "2027-01-22" || term.Delivery != "email" {
		t.Errorf("termination = %+v", term)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != l.Markdown {
		t.Errorf("the letter was not exported as rendered: %v", err)
	}
	steps, _ := d.Store.Checklist(ctx, cl.ID)
	want := letters.ChecklistStepsOn(calendar.Calendar{}, day("2026-11-23"), day("2026-12-23"), day("2027-01-22"))
	if !slices.EqualFunc(steps, want, func(a store.StepRow, b letters.ChecklistStep) bool {
		return a.Key == b.Key && a.Title == b.Title && a.Due.Equal(b.Due)
	}) {
		t.Errorf("checklist = %+v", steps)
	}
	opened, err := d.OpenLetter(ctx, cl.ID, day("2026-11-24"), false)
	if err != nil || opened.Sent == nil || opened.Sent.Letter.Markdown != l.Markdown || opened.Sent.Termination.ID != term.ID {
		t.Errorf("reopened after sending: %+v %v", opened, err)
	}
	if _, err := d.SendLetter(ctx, cl.ID, l, path+"2", false); !errors.Is(err, store.ErrAlreadyNoticed) {
		t.Errorf("a second notice: %v", err)
	}
}

func TestEffectiveAtTermEnd(t *testing.T) {
	cl := store.Client{TermEnd: day("2027-06-30")}
	if !EffectiveAtTermEnd(cl, day("2027-06-30")) || EffectiveAtTermEnd(cl, day("2026-12-23")) || EffectiveAtTermEnd(store.Client{}, day("2026-12-23")) {
		t.Error("the term's end is told only when the effective date is that day")
	}
}

func TestWriteDraftGoesBesideTheSentLetterAndReplacesItself(t *testing.T) {
	t.Chdir(t.TempDir())
	cl := store.Client{Name: "Acme"}
	l := Letter{Input: letters.TerminationInput{Sent: day("2026-11-23")}, Markdown: "# First\n"}
	path, err := WriteDraft(cl, l, "")
	if err != nil || path != filepath.Join("exports", "acme-termination-2026-11-23-draft.md") {
		t.Fatalf("path %q, %v", path, err)
	}
	l.Markdown = "# Second\n"
	if _, err := WriteDraft(cl, l, path); err != nil {
		t.Fatalf("a second draft: %v", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "# Second\n" {
		t.Errorf("draft holds %q, %v", b, err)
	}
}
