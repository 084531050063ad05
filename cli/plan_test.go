package cli

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/store"
)

// plantHarborDental writes a client whose remediation walkthrough was
// completed: a meeting on 17 November 2026 about late payment and
// after-hours calls, three actions, autopay and a price change. It returns
// the database path.
func plantHarborDental(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "o.db")
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return time.Date(2026, 11, 18, 16, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for k, v := range map[string]string{
		"company.name": "Bluewater Managed IT, LLC", "company.address": "12 Harbor Way\nTacoma, WA 98402",
		"company.signer": "Alex Moreno", "company.signer_title": "Managing Director",
		"company.email": "alex@bluewater.example", "company.phone": "+1 253 555 0100",
	} {
		if err := st.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	var id int64
	err = st.Tx(ctx, func(tx *sql.Tx) error {
		id, err = store.InsertClient(ctx, tx, store.Client{Name: "Harbor Dental Group", ContactName: "Dr. Lena Ortiz",
			ContactEmail: "lena@harbordental.example", Seats: 24, MRRMinor: 420000, Currency: "USD",
			AgreementName: "Managed IT Services Agreement", AgreementSigned: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC),
			TerminationClause: "section 11 (Termination)", NoticeDays: 60}, st.Now())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f := casefile.NewPlanForm()
	f.Prepare = casefile.PrepareForm{
		MeetingDate:     "2026-11-17 10:00",
		Place:           "Harbor Dental Group, front office",
		OurAttendees:    "Alex Moreno, Managing Director\nPriya Shah, Service Delivery Manager",
		ClientAttendees: "Dr. Lena Ortiz, Owner\nTom Reed, Practice Manager",
		Contributors:    "Sam Okafor, Service desk lead, takes most after-hours calls",
	}
	f.Topics = []casefile.TopicForm{
		{FlagID: "late_payment", Title: "Invoice payment times",
			Evidence: "9 of the last 12 invoices paid more than 30 days late; average 41 days late; USD 3,250.00 overdue.",
			Measures: []casefile.MeasureForm{{Name: "Average days late", Value: "41", Normal: "0 to 12"},
				{Name: "Invoices paid late, last 12 months", Value: "9 of 12", Normal: "0 to 2"}},
			Examples:   []casefile.ExampleForm{{Date: "2026-09-14", Text: "Invoice 2291 paid 47 days after its due date"}},
			Question:   "What would make paying on time easy for the practice?",
			ClientSaid: "Invoices go to a mailbox nobody reads since the office manager left.",
			WeChange:   "Send invoices to accounts@ and copy the practice manager.",
			Goal:       "Every invoice paid within 30 days of issue"},
		{FlagID: "after_hours", Title: "Calls outside business hours",
			Evidence: "38% of tickets opened outside business hours in the last 6 months.",
			Measures: []casefile.MeasureForm{{Name: "Tickets opened outside business hours", Value: "38%", Normal: "4% to 9%"}},
			WeChange: "Stop taking calls on staff mobiles.\nPublish an emergency line.",
			Goal:     "After-hours calls only through the emergency line, billed at the after-hours rate"},
	}
	f.Actions = []casefile.ActionForm{
		{Owner: "client", Person: "Tom Reed", What: "Set up autopay for monthly invoices", Due: "2026-12-01",
			Target: "Autopay active on the account"},
		{Owner: "us", Person: "Sam Okafor", What: "Publish the emergency line and the after-hours rate", Due: "2026-11-24",
			Target: "Line live; rate card sent to the practice"},
		{Owner: "client", Person: "Dr. Lena Ortiz", What: "Route after-hours issues through the emergency line", Due: "2027-01-15",
			Target: "Under 10% of tickets opened outside business hours in December"},
	}
	f.Support = "Two one-hour training sessions on the ticket portal for front-desk staff, at no charge."
	f.Terms = casefile.TermsForm{Autopay: true, AutopayFrom: "2026-12-01", PriceChange: true, NewPrice: "4,650.00",
		PriceFrom: "2027-01-01", CurrentMinor: 420000, BreakEvenMinor: 451000, Currency: "USD"}
	f.Outcome = casefile.OutcomeForm{Result: "agreed", ReviewDate: "2027-02-15", Note: "Agreed in full."}
	desk := &casefile.Desk{Store: st, Now: st.Now}
	p, _, err := desk.StartPlan(ctx, id, f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := desk.FinishPlan(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPlanExport exports a planted client's plan and agenda through the
// store and letters, to the default path and to a chosen one, and checks
// the files against golden copies and the record of each export.
func TestPlanExport(t *testing.T) {
	db := plantHarborDental(t)
	t.Chdir(t.TempDir())
	env := map[string]string{"HOME": t.TempDir()}

	code, out, errs := run(t, env, "plan", "export", "harbor dental", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	plan, err := os.ReadFile(filepath.Join("exports", "harbor-dental-group-remediation-plan-2026-11-23.md"))
	if err != nil {
		t.Fatalf("default export path: %v\n%s", err, out)
	}
	golden(t, "harbor-dental-remediation-plan.md", string(plan))

	agendaPath := filepath.Join(t.TempDir(), "agenda.md")
	if code, _, errs := run(t, env, "plan", "export", "--agenda", "-o", agendaPath, "--db", db, "Harbor Dental Group"); code != 0 {
		t.Fatalf("agenda: exit %d: %s", code, errs)
	}
	agenda, err := os.ReadFile(agendaPath)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "harbor-dental-remediation-agenda.md", string(agenda))

	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, _ := (&casefile.Desk{Store: st}).FindClient(context.Background(), "harbor dental")
	comms, _ := st.Communications(context.Background(), c.ID, 0)
	var exports []store.Communication
	for _, cm := range comms {
		if cm.DocumentID != 0 {
			exports = append(exports, cm)
		}
	}
	if len(exports) != 2 {
		t.Fatalf("%d exports logged, want 2: %+v", len(exports), comms)
	}
	// Newest first: the agenda, then the plan.
	for i, want := range []struct {
		body, path string
	}{{string(agenda), agendaPath}, {string(plan), ""}} {
		sum := store.SHA256Hex([]byte(want.body))
		if !strings.Contains(exports[i].Body, sum) {
			t.Errorf("export %d log entry %q lacks the SHA-256 %s", i, exports[i].Body, sum)
		}
		if want.path != "" && !strings.Contains(exports[i].Summary, want.path) {
			t.Errorf("export %d summary %q lacks the path %s", i, exports[i].Summary, want.path)
		}
	}
	if !strings.Contains(out, "SHA-256 "+store.SHA256Hex(plan)) {
		t.Errorf("stdout %q lacks the hash", out)
	}
}

func TestPlanExportErrors(t *testing.T) {
	db := plantHarborDental(t)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no action", []string{"plan"}, 2, "missing the action"},
		{"no client", []string{"plan", "export", "--db", db}, 2, "name one client"},
		{"two clients", []string{"plan", "export", "a", "b", "--db", db}, 2, "name one client"},
		{"unknown client", []string{"plan", "export", "zebra", "--db", db}, 1, `no client matches "zebra"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(t, nil, c.args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, c.code, c.want)
			}
		})
	}
}

func TestPlanExportWithoutPlan(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "o.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st.Tx(ctx, func(tx *sql.Tx) error {
		_, err := store.InsertClient(ctx, tx, store.Client{Name: "Quiet Co"}, time.Now())
		return err
	})
	st.Close()
	code, _, errs := run(t, nil, "plan", "export", "quiet", "--db", path)
	if code != 1 || !strings.Contains(errs, "Quiet Co has no remediation plan yet") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// -o - prints the plan for a look or a pipe; it was not sent, so nothing is
// recorded and no file appears.
func TestPlanExportToStdoutRecordsNothing(t *testing.T) {
	db := plantHarborDental(t)
	dir := t.TempDir()
	t.Chdir(dir)
	env := map[string]string{"HOME": t.TempDir()}
	code, out, errs := run(t, env, "plan", "export", "harbor dental", "--db", db, "-o", "-")
	if code != 0 || !strings.HasPrefix(out, "# ") || !strings.Contains(out, "Harbor Dental Group") {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var docs, comms int
	st.DB().QueryRow("SELECT count(*) FROM documents").Scan(&docs)
	st.DB().QueryRow("SELECT count(*) FROM communications WHERE summary LIKE '%xport%'").Scan(&comms)
	if docs != 0 || comms != 0 {
		t.Errorf("printing recorded %d documents and %d communications", docs, comms)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("printing wrote files: %v", entries)
	}
}
