package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"offboard/store"
)

// The dates below were counted on a calendar by hand. 4 December 2026 + 30
// days is Sunday 3 January 2027; 5 December + 30 days is Monday 4 January,
// 10 days before which is Christmas Day, Friday 25 December, and 3 days
// before which is New Year's Day, Friday 1 January.
func TestLetterDatesFallOnWorkingDays(t *testing.T) {
	tests := []struct {
		name, region, sent string
		want, absent       []string
	}{
		{"a notice ending on a Sunday ends on the Monday", "none", "2026-12-04",
			[]string{"The notice period runs to Sunday, 3 January 2027, a day our offices are closed, so the agreement will end at the close of business on the next working day, **Monday, 4 January 2027** (the effective date).",
				"We will issue the final invoice on Tuesday, 5 January 2027, after the effective date"},
			[]string{"close of business on **Sunday"}},
		{"without a region, Christmas Day is a working day", "none", "2026-12-05",
			[]string{"**By Friday, 25 December 2026: your data and backups.**", "**By Friday, 1 January 2027: licences, domains and accounts.**"}, nil},
		{"US holidays move the handover to the working day before", "US", "2026-12-05",
			[]string{"**By Thursday, 24 December 2026: your data and backups.**", "**By Thursday, 31 December 2026: licences, domains and accounts.**",
				"**Monday, 4 January 2027** (the effective date)"},
			[]string{"25 December", "Friday, 1 January"}},
		{"a closed day of the business moves the step too", "US", "2026-12-05",
			[]string{"**By Wednesday, 23 December 2026: your data and backups.**"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newLetterDB(t, true)
			if code, _, stderr := f.run(t, "config", "set", "calendar.region", tt.region); code != 0 {
				t.Fatal(stderr)
			}
			if strings.HasPrefix(tt.name, "a closed day") {
				if code, _, stderr := f.run(t, "config", "set", "calendar.closed", "2026-12-24"); code != 0 {
					t.Fatal(stderr)
				}
			}
			code, stdout, stderr := f.run(t, "letter", "harborline", "--sent", tt.sent, "--draft", "-o", "-")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("letter lacks %q:\n%s", w, stdout)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(stdout, a) {
					t.Errorf("letter has %q", a)
				}
			}
		})
	}
}

func TestConfigSetCalendar(t *testing.T) {
	f := newLetterDB(t, false)
	code, _, stderr := f.run(t, "config", "set", "calendar.region", "Narnia")
	if code != 2 || !strings.Contains(stderr, "calendar.region") || !strings.Contains(stderr, "AU-NSW") {
		t.Errorf("a bad region: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "config", "set", "calendar.closed", "2026-12-24,24/12/2026")
	if code != 2 || !strings.Contains(stderr, "calendar.closed") {
		t.Errorf("a bad closed day: exit %d, %s", code, stderr)
	}
	if code, _, stderr := f.run(t, "config", "set", "calendar.region", "au-nsw"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := f.run(t, "config")
	if !strings.Contains(stdout, "calendar.region") || !strings.Contains(stdout, "AU-NSW") || !strings.Contains(stdout, "calendar.closed") {
		t.Errorf("config does not list the calendar:\n%s", stdout)
	}
}

// The account planted by newLetterDB on 23 November 2026: HF-2291 was due
// on 1 October (overdue), HF-2350 is due on 1 December (not yet due),
// HF-2340 is paid, HF-CN-12 is a credit of 250.00 and HF-2399 is issued
// after the letter's date.
func TestLetterSplitsOverdueFromNotYetDue(t *testing.T) {
	f := newLetterDB(t, true)
	code, stdout, stderr := f.run(t, "letter", "harborline", "--draft", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	overdue := strings.Index(stdout, "**Overdue: USD 18,432.50.**")
	notYet := strings.Index(stdout, "**Not yet due: USD 1,520.00.**")
	if overdue < 0 || notYet < overdue {
		t.Fatalf("overdue and not yet due are not split:\n%s", stdout)
	}
	if !strings.Contains(stdout[overdue:notYet], "| HF-2291 | Tuesday, 1 September 2026 | Thursday, 1 October 2026 | USD 18,432.50 |") ||
		!strings.Contains(stdout[notYet:], "| HF-2350 | Sunday, 1 November 2026 | Tuesday, 1 December 2026 | USD 1,520.00 |") {
		t.Errorf("invoices in the wrong table:\n%s", stdout)
	}
	for _, absent := range []string{"HF-2340", "HF-2399", "HF-CN-12", "outstanding balance"} {
		if strings.Contains(stdout, absent) {
			t.Errorf("the letter names %q", absent)
		}
	}
	if !strings.Contains(stdout, "We hold **USD 250.00** in prepayments and credits") {
		t.Errorf("the credit is not stated:\n%s", stdout)
	}
	// Sent on 2 December, HF-2350 is past its date and overdue too, and
	// HF-2399, issued on 1 December, is not yet due.
	_, stdout, _ = f.run(t, "letter", "harborline", "--sent", "2026-12-02", "--draft", "-o", "-")
	if !strings.Contains(stdout, "**Overdue: USD 19,952.50.**") || !strings.Contains(stdout, "**Not yet due: USD 1,520.00.**") ||
		!strings.Contains(stdout, "| HF-2399 | Tuesday, 1 December 2026 | Thursday, 31 December 2026 | USD 1,520.00 |") {
		t.Errorf("on 2 December:\n%s", stdout)
	}
}

// plantCriminal records a criminal incident against Harborline, a
// zero-tolerance flag.
func plantCriminal(t *testing.T, f *letterDB) {
	t.Helper()
	st := f.store(t)
	if _, err := st.DB().ExecContext(context.Background(), `INSERT INTO incidents (client_id, occurred_at, kind, severity, description)
        VALUES (1, '2026-11-02T10:00:00Z', 'criminal', 5, 'asked us to alter audit logs')`); err != nil {
		t.Fatal(err)
	}
}

func TestLetterForCause(t *testing.T) {
	f := newLetterDB(t, true)
	plantCriminal(t, f)
	code, stdout, stderr := f.run(t, "letter", "harborline", "--draft", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"## Notice of termination for cause of Managed Services Agreement",
		"under **[for-cause clause missing]**", "Secure disposal: suspended under a legal hold",
		"Alex Moreno, Managing Director, is our single point of contact", "we will deal with this matter in writing only"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("for-cause letter lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "Thank you for the trust") {
		t.Error("a for-cause letter thanks the client")
	}
	_, stdout, _ = f.run(t, "letter", "harborline", "--for-cause=false", "--draft", "-o", "-")
	if strings.Contains(stdout, "for cause") || !strings.Contains(stdout, "Thank you for the trust") {
		t.Errorf("--for-cause=false still writes for cause:\n%s", stdout)
	}
	out := filepath.Join(f.dir, "cause.md")
	code, _, stderr = f.run(t, "letter", "harborline", "--no-licences", "-o", out)
	if code != 1 || !strings.Contains(stderr, "for-cause clause") {
		t.Errorf("sent without the clause: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "letter", "harborline", "--no-licences", "--clause", "clause 14.4", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st := f.store(t)
	steps, _ := st.Checklist(context.Background(), 1)
	term, _, _ := st.LatestTermination(context.Background(), 1)
	var disposal string
	for _, s := range steps {
		if s.Key == "dispose-data" {
			disposal = s.Title
		}
	}
	if !strings.HasPrefix(disposal, "Review the legal hold") || !term.LegalHold || term.AgreementName != "Managed Services Agreement" ||
		!term.ForCause || term.ForCauseClause != "clause 14.4" {
		t.Errorf("disposal step %q, notice %+v", disposal, term)
	}
	// A notice superseding it cites the same clause unasked.
	code, stdout, stderr = f.run(t, "letter", "harborline", "--supersede", "--draft", "-o", "-")
	if code != 0 || !strings.Contains(stdout, "This letter is our written notice, under clause 14.4 of the Managed Services Agreement") {
		t.Errorf("superseding draft: exit %d, %s\n%s", code, stderr, stdout)
	}
	// A notice recorded before clauses were kept, its clause not read back:
	// the new notice asks for it instead of printing a placeholder.
	if _, err := st.DB().ExecContext(context.Background(), "UPDATE terminations SET for_cause_clause = ''"); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = f.run(t, "letter", "harborline", "--supersede", "--draft", "-o", "-")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "the notice of Monday, 23 November 2026 was given for cause, but the clause it cited is not on record") ||
		!strings.Contains(stderr, "give it with --clause") {
		t.Errorf("superseding without the clause on record: exit %d, %s\n%s", code, stderr, stdout)
	}
}

func TestLetterSupersedes(t *testing.T) {
	f := newLetterDB(t, true)
	if code, _, stderr := f.run(t, "letter", "harborline", "--no-licences", "-o", filepath.Join(f.dir, "first.md")); code != 0 {
		t.Fatal(stderr)
	}
	second := filepath.Join(f.dir, "second.md")
	code, _, stderr := f.run(t, "letter", "harborline", "--no-licences", "--notice-days", "45", "-o", second)
	if code != 1 || !strings.Contains(stderr, "--supersede") {
		t.Errorf("a second notice: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(second); err == nil {
		t.Fatal("the refused notice was written")
	}
	// 23 November 2026 + 45 days is Thursday 7 January 2027.
	code, stdout, stderr := f.run(t, "letter", "harborline", "--no-licences", "--notice-days", "45", "--supersede", "-o", second)
	if code != 0 || !strings.Contains(stdout, "effective  Thursday, 7 January 2027") {
		t.Fatalf("superseding: exit %d, %s\n%s", code, stderr, stdout)
	}
	b, _ := os.ReadFile(second)
	if !strings.Contains(string(b), "**Supersedes our notice of Monday, 23 November 2026**") ||
		!strings.Contains(string(b), "which gave an effective date of Wednesday, 23 December 2026. That notice is withdrawn") {
		t.Errorf("the letter does not withdraw the first notice:\n%s", b)
	}
	st := f.store(t)
	term, _, _ := st.LatestTermination(context.Background(), 1)
	steps, _ := st.Checklist(context.Background(), 1)
	decisions, _ := st.Decisions(context.Background(), 1)
	var replaced bool
	for _, d := range decisions {
		replaced = replaced || (d.Kind == "checklist" && d.To == "replaced")
	}
	if store.Date(term.Effective) != "2027-01-07" || len(steps) != 11 || !replaced {
		t.Errorf("notice %+v, %d steps, checklist replaced %v", term, len(steps), replaced)
	}
}

func TestLetterToneMustBeAccepted(t *testing.T) {
	f := newLetterDB(t, true)
	overrideLetter(t, f, "Notice to {{md .Client.Name}}, effective {{date .Effective}}, because of your late payments.\n")
	out := filepath.Join(f.dir, "tone.md")
	code, _, stderr := f.run(t, "letter", "harborline", "--no-licences", "-o", out)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.Contains(last, `"late payments"`) || !strings.Contains(last, "--accept-tone") {
		t.Errorf("unacknowledged tone: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("the refused letter was written")
	}
	if code, _, stderr := f.run(t, "letter", "harborline", "--no-licences", "--accept-tone", "-o", out); code != 0 {
		t.Fatalf("--accept-tone: %s", stderr)
	}
	decisions, _ := f.store(t).Decisions(context.Background(), 1)
	var accepted string
	for _, d := range decisions {
		if d.To == "tone accepted" {
			accepted = d.Reason
		}
	}
	if !strings.Contains(accepted, "late payments") {
		t.Errorf("the acknowledgement is not in the decisions log: %+v", decisions)
	}
}

// Effective Wednesday 23 December 2026; 14 days later is Wednesday 6
// January 2027, a working day.
func TestLetterTransitionTerms(t *testing.T) {
	f := newLetterDB(t, true)
	code, stdout, stderr := f.run(t, "letter", "harborline", "--transition-hours", "10", "--included-hours", "4",
		"--rate", "165", "--request-days", "2", "--window-days", "14", "--draft", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "we offer up to 10 hours of transition assistance: the first 4 hours at no charge, and any further hours at USD 165.00 per hour, available until Wednesday, 6 January 2027. Please ask for each piece of assistance at least 2 working days ahead"
	if !strings.Contains(stdout, want) {
		t.Errorf("letter lacks the transition terms:\n%s", stdout)
	}
	code, _, stderr = f.run(t, "letter", "harborline", "--included-hours", "some", "--draft", "-o", "-")
	if code != 2 || !strings.Contains(stderr, "--included-hours") {
		t.Errorf("bad hours: exit %d, %s", code, stderr)
	}
}

func TestLogAddsALicence(t *testing.T) {
	f := newLetterDB(t, true)
	code, _, stderr := f.run(t, "log", "harborline", "--kind", "edit", "--summary", "resold", "--licence", "lots of Office")
	if code != 1 || !strings.Contains(stderr, "QUANTITY x PRODUCT until YYYY-MM-DD annual|monthly") {
		t.Errorf("bad licence: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "log", "harborline", "--kind", "edit", "--summary", "resold with the firewall",
		"--licence", "2 x FortiGate 60F support until 2027-09-30 annual")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	decisions, _ := f.store(t).Decisions(context.Background(), 1)
	if last := decisions[len(decisions)-1]; last.To != "licence added" ||
		last.Reason != "resold with the firewall (2 × FortiGate 60F support, annual, term ends 2027-09-30)" {
		t.Errorf("decision = %+v", last)
	}
	_, stdout, _ := f.run(t, "letter", "harborline", "--draft", "-o", "-")
	if !strings.Contains(stdout, "| FortiGate 60F support | 2 | Annual | Thursday, 30 September 2027 |") {
		t.Errorf("the letter does not list the licence:\n%s", stdout)
	}
}

// A legal hold outlasts the retention deadline: a notice for cause sent on
// 1 September 2026 is effective on Thursday 1 October and keeps the data
// until Monday 2 November (30 days on is a Saturday); on 23 November the
// hold still stops the purge, and only --force with a reason removes it.
func TestLegalHoldStopsThePurge(t *testing.T) {
	f := newLetterDB(t, true)
	plantCriminal(t, f)
	if code, _, stderr := f.run(t, "letter", "harborline", "--sent", "2026-09-01", "--no-licences", "--clause", "clause 14.4",
		"-o", filepath.Join(f.dir, "l.md")); code != 0 {
		t.Fatal(stderr)
	}
	term, _, _ := f.store(t).LatestTermination(context.Background(), 1)
	if store.Date(term.Retention) != "2026-11-02" || !term.LegalHold {
		t.Fatalf("notice = %+v", term)
	}
	cert := filepath.Join(f.dir, "cert.md")
	code, _, stderr := f.run(t, "purge", "harborline", "--by", "Alex Moreno", "-o", cert)
	if code == 0 || !strings.Contains(stderr, "legal hold") {
		t.Errorf("purge under a legal hold: exit %d, %s", code, stderr)
	}
	if code, _, stderr := f.run(t, "purge", "harborline", "--by", "Alex Moreno", "--force", "--reason", "hold lifted in writing", "-o", cert); code != 0 {
		t.Errorf("forced purge: exit %d, %s", code, stderr)
	}
}
