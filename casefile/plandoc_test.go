package casefile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/letters"
	"offboard/store"
)

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
	if err := s.Store.SaveEditedDocument(ctx, id, key, mine); err != nil {
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
	docID, err := s.Store.RecordExport(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(d.ExportedPath); err != nil || string(b) != mine {
		t.Fatalf("file = %q, %v", b, err)
	}
	stored, err := s.Store.DocumentByID(ctx, docID)
	if err != nil || stored.Markdown != mine || stored.SHA256 != store.SHA256Hex([]byte(mine)) || stored.Kind != "plan" ||
		stored.PlanID != p.ID || stored.Title != "Remediation plan" {
		t.Errorf("stored document = %+v, %v", stored, err)
	}
	if comms, _ := s.Store.Communications(ctx, id, 1); comms[0].DocumentID != docID {
		t.Errorf("log entry = %+v", comms[0])
	}

	if err := s.Store.DropEditedDocument(ctx, id, key); err != nil {
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
