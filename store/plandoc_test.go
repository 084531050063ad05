package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"offboard/letters"
)

func TestPlanExamples(t *testing.T) {
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	if _, err := s.db.Exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'A1', '2026-01-01', '2026-01-31', '2026-03-18', 100, 0),
        (?1, 'A2', '2026-02-01', '2026-03-03', '2026-03-01', 100, 0),
        (?1, 'A3', '2026-09-01', '2026-10-01', NULL, 100, 100),
        (?1, 'A4', '2024-09-01', '2024-10-01', '2024-12-01', 100, 0)`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO tickets (client_id, opened_at, after_hours, out_of_scope, summary) VALUES
        (?1, '2026-06-07T03:10:00Z', 1, 0, 'Printer out of toner'), (?1, '2026-06-08T10:00:00Z', 0, 1, '')`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
        (?1, '2026-05-02T10:00:00Z', 'abuse', 3, 'Shouted at a technician on site')`, id); err != nil {
		t.Fatal(err)
	}
	got, err := s.PlanExamples(context.Background(), id, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]ExampleForm{
		"late_payment": {{"2026-10-01", "Invoice A3 due 2026-10-01, unpaid"}, {"2026-03-18", "Invoice A1 paid 46 days after its due date"}},
		"after_hours":  {{"2026-06-07", "Ticket opened outside business hours: Printer out of toner"}},
		"scope_creep":  {{"2026-06-08", "Request outside the agreed scope"}},
		"staff_abuse":  {{"2026-05-02", "Shouted at a technician on site"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("examples:\n got %v\nwant %v", got, want)
	}
}

// A plan recorded without a walkthrough form (by the demo, say) still
// gives documents, rebuilt from its rows.
func TestDocumentsOfAPlanWithoutForm(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	if _, err := s.db.Exec(`INSERT INTO remediation_plans (id, client_id, status, meeting_at, meeting_place, attendees_ours,
        review_on, form_json, created_at, updated_at) VALUES (7, ?, 'agreed', '2026-07-15T10:00:00Z', 'Acme office',
        'Dana Reyes, Owner', '2026-10-13', '{}', '2026-07-10T00:00:00Z', '2026-07-16T00:00:00Z')`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO remediation_items (plan_id, position, kind, flag_id, title, evidence, owner_side,
        owner_name, due_on, target) VALUES
        (7, 1, 'topic', 'late_payment', 'Invoice payment times', 'Average 41 days late', '', '', NULL, 'Paid within 30 days'),
        (7, 2, 'action', '', 'Set up autopay', '', 'client', 'Pat Kim', '2026-08-01', 'Autopay active')`); err != nil {
		t.Fatal(err)
	}
	docs, err := s.PlanDocuments(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs.Plan.Gaps) != 1 || docs.Plan.Gaps[0].Summary != "Average 41 days late" || docs.Plan.Gaps[0].Goal != "Paid within 30 days" ||
		len(docs.Plan.Actions) != 1 || docs.Plan.Actions[0].Side != letters.SideClient || docs.Agenda.Place != "Acme office" ||
		len(docs.Agenda.OurAttendees) != 1 || docs.Plan.Start.Format(time.DateOnly) != "2026-07-16" ||
		docs.Plan.Issued.Format(time.DateOnly) != "2026-07-16" {
		t.Errorf("documents = %+v", docs)
	}
	r, _ := letters.New(nil)
	if md, err := docs.Render(r, letters.KindRemediationPlan); err != nil || !strings.Contains(md, "Set up autopay") {
		t.Errorf("plan: %v\n%s", err, md)
	}
}

func TestEditedDocumentAndExport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	p := finishAgreed(t, s, id, agreedForm())
	r, _ := letters.New(nil)
	generated, edited, err := s.PlanMarkdown(ctx, p.ID, letters.KindRemediationPlan, r)
	if err != nil || edited || !strings.Contains(generated, "# Service improvement plan: Acme") {
		t.Fatalf("generated: edited=%v err=%v\n%s", edited, err, generated)
	}
	key := EditKey(letters.KindRemediationPlan, p.ID)
	const mine = "# My own plan\n\nWith \"quotes\" and\nlines.\n"
	if err := s.SaveEditedDocument(ctx, id, key, mine); err != nil {
		t.Fatal(err)
	}
	if md, edited, err := s.PlanMarkdown(ctx, p.ID, letters.KindRemediationPlan, r); err != nil || !edited || md != mine {
		t.Fatalf("kept edit = %q, %v, %v", md, edited, err)
	}
	if md, edited, _ := s.PlanMarkdown(ctx, p.ID, letters.KindAgenda, r); edited || !strings.Contains(md, "# Meeting agenda") {
		t.Errorf("the agenda picked up the plan's edit")
	}

	// The edit is what gets exported, recorded against the plan.
	d := PlanDocument(id, p.ID, letters.KindRemediationPlan, mine)
	d.ExportedPath = filepath.Join(t.TempDir(), "plan.md")
	docID, err := s.RecordExport(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(d.ExportedPath); err != nil || string(b) != mine {
		t.Fatalf("file = %q, %v", b, err)
	}
	stored, err := s.DocumentByID(ctx, docID)
	if err != nil || stored.Markdown != mine || stored.SHA256 != SHA256Hex([]byte(mine)) || stored.Kind != "plan" ||
		stored.PlanID != p.ID || stored.Title != "Remediation plan" {
		t.Errorf("stored document = %+v, %v", stored, err)
	}
	if comms, _ := s.Communications(ctx, id, 1); comms[0].DocumentID != docID {
		t.Errorf("log entry = %+v", comms[0])
	}

	if err := s.DropEditedDocument(ctx, id, key); err != nil {
		t.Fatal(err)
	}
	if _, edited, _ := s.PlanMarkdown(ctx, p.ID, letters.KindRemediationPlan, r); edited {
		t.Error("the edit survived being dropped")
	}
}

// The written plan proposes while it is a draft and once refused, and
// states what was agreed otherwise.
func TestPlanDocumentsProposeUntilAgreed(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	draft, _, err := s.StartPlan(ctx, addClient(t, s, "Draft Dental"), agreedForm())
	if err != nil {
		t.Fatal(err)
	}
	refusedForm := agreedForm()
	refusedForm.Outcome = OutcomeForm{Result: "refused"}
	for _, c := range []struct {
		plan     int64
		proposed bool
	}{
		{draft.ID, true},
		{finishAgreed(t, s, addClient(t, s, "Agreed Audio"), agreedForm()).ID, false},
		{finishAgreed(t, s, addClient(t, s, "Refused Realty"), refusedForm).ID, true},
	} {
		docs, err := s.PlanDocuments(ctx, c.plan)
		if err != nil || docs.Plan.Proposed != c.proposed {
			t.Errorf("plan %d: proposed %v, %v; want %v", c.plan, docs.Plan.Proposed, err, c.proposed)
		}
	}
}
