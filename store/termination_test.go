package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleLetter is a notice sent on 2026-11-23 with 30 days' notice, to be
// exported into a fresh temporary folder.
func sampleLetter(t *testing.T, clientID int64) SentLetter {
	return SentLetter{
		ClientID: clientID, Title: "Notice of termination of Managed Services Agreement dated 1 March 2024",
		Markdown: "# Notice of termination\n\nThank you.\n",
		Path:     filepath.Join(t.TempDir(), "exports", "acme-termination-2026-11-23.md"),
		Sent:     day("2026-11-23"), NoticeDays: 30, Effective: day("2026-12-23"), Retention: day("2027-01-22"),
		Delivery: DeliveryEmail,
		Steps: []StepRow{
			{Key: "confirm-notice", Title: "Confirm the notice", Due: day("2026-11-23")},
			{Key: "export-data", Title: "Export data", Due: day("2026-12-13")},
			{Key: "archive-record", Title: "Archive the record", Due: day("2027-01-22")},
		},
	}
}

// letterForm is as much of the letter form as these tests read back from
// the drafts table.
type letterForm struct {
	Sent       string `json:"sent"`
	NoticeDays string `json:"notice_days"`
}

func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRecordLetterSentWritesEverything(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	if err := s.SaveDraft(ctx, id, DraftLetter, letterForm{NoticeDays: "30"}); err != nil {
		t.Fatal(err)
	}
	l := sampleLetter(t, id)
	term, err := s.RecordLetterSent(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(l.Path); err != nil || string(b) != l.Markdown {
		t.Errorf("exported file = %q, %v", b, err)
	}

	var kind, title, md, sum, path string
	var sent int
	if err := s.db.QueryRow(`SELECT kind, title, markdown, sha256, exported_path, sent FROM documents WHERE id = ?`,
		term.DocumentID).Scan(&kind, &title, &md, &sum, &path, &sent); err != nil {
		t.Fatal(err)
	}
	if kind != "termination" || md != l.Markdown || path != l.Path || sent != 1 || title != l.Title {
		t.Errorf("document = %q %q %q sent=%d", kind, path, title, sent)
	}
	if sum != sha256Of(l.Markdown) {
		t.Errorf("sha256 = %s", sum)
	}
	if doc, err := s.DocumentByID(ctx, term.DocumentID); err != nil || doc.Markdown != l.Markdown || !doc.Sent ||
		doc.SHA256 != sum || doc.ExportedPath != l.Path {
		t.Errorf("DocumentByID = %+v, %v", doc, err)
	}

	got, ok, err := s.LatestTermination(ctx, id)
	if err != nil || !ok {
		t.Fatalf("LatestTermination: %v %v", ok, err)
	}
	if Date(got.Sent) != "2026-11-23" || Date(got.Effective) != "2026-12-23" || Date(got.Retention) != "2027-01-22" ||
		got.NoticeDays != 30 || got.Delivery != "email" || got.DocumentID != term.DocumentID {
		t.Errorf("termination = %+v", got)
	}

	c, _ := s.Client(ctx, id)
	if c.Status != statusNotice {
		t.Errorf("status = %s, want notice", c.Status)
	}
	comms, _ := s.Communications(ctx, id, 0)
	if len(comms) != 1 || comms[0].DocumentID != term.DocumentID || comms[0].Channel != "email" ||
		comms[0].Direction != "outbound" || !strings.Contains(comms[0].Body, sum) {
		t.Errorf("communications = %+v", comms)
	}
	steps, _ := s.Checklist(ctx, id)
	if len(steps) != 3 || steps[1].Key != "export-data" || Date(steps[1].Due) != "2026-12-13" || steps[1].Position != 2 {
		t.Errorf("checklist = %+v", steps)
	}
	if ok, _ := s.LoadDraft(ctx, id, DraftLetter, &letterForm{}); ok {
		t.Error("the draft outlived the letter it drafted")
	}
	decisions, _ := s.Decisions(ctx, id)
	kinds := map[string]bool{}
	for _, d := range decisions {
		kinds[d.Kind] = true
	}
	if !kinds["letter"] || !kinds["status"] {
		t.Errorf("decisions = %+v", decisions)
	}

	if _, err := s.RecordLetterSent(ctx, sampleLetter(t, id)); !errors.Is(err, ErrAlreadyNoticed) {
		t.Errorf("second notice: err = %v, want ErrAlreadyNoticed", err)
	}
}

// sha256Of hashes with the standard library directly, independently of
// SHA256Hex.
func sha256Of(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmt.Sprintf("%x", sum)
}

// tableCounts is the number of rows a recorded notice touches, table by table.
func tableCounts(t *testing.T, s *Store) map[string]int {
	out := map[string]int{}
	for _, table := range []string{"documents", "terminations", "communications", "decisions", "checklist_steps", "drafts"} {
		out[table] = count(t, s, "SELECT count(*) FROM "+table)
	}
	return out
}

func TestRecordLetterSentWritesNothingOnFailure(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		mutate func(*Store, *SentLetter)
	}{
		{"file exists", func(_ *Store, l *SentLetter) {
			os.MkdirAll(filepath.Dir(l.Path), 0o755)
			os.WriteFile(l.Path, []byte("the owner's own notes"), 0o644)
		}},
		{"folder cannot be created", func(_ *Store, l *SentLetter) {
			blocker := filepath.Join(t.TempDir(), "file")
			os.WriteFile(blocker, nil, 0o644)
			l.Path = filepath.Join(blocker, "letter.md")
		}},
		{"duplicate step", func(_ *Store, l *SentLetter) { l.Steps = append(l.Steps, l.Steps[0]) }},
		{"step collides in the database", func(_ *Store, l *SentLetter) { l.Steps[2].Key = ""; l.Steps[1].Key = "" }},
		{"effective before sent", func(_ *Store, l *SentLetter) { l.Effective = day("2026-11-01") }},
		{"retention before effective", func(_ *Store, l *SentLetter) { l.Retention = day("2026-12-01") }},
		{"unknown delivery", func(_ *Store, l *SentLetter) { l.Delivery = "pigeon" }},
		{"empty letter", func(_ *Store, l *SentLetter) { l.Markdown = " \n" }},
		{"no path", func(_ *Store, l *SentLetter) { l.Path = "" }},
		{"no steps", func(_ *Store, l *SentLetter) { l.Steps = nil }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			id := addClient(t, s, "Acme")
			if err := s.SaveDraft(ctx, id, DraftLetter, letterForm{NoticeDays: "30", Sent: "2026-11-2"}); err != nil {
				t.Fatal(err)
			}
			before := tableCounts(t, s)
			l := sampleLetter(t, id)
			c.mutate(s, &l)
			_, err := s.RecordLetterSent(ctx, l)
			if err == nil {
				t.Fatal("a bad notice was recorded")
			}
			if after := tableCounts(t, s); !equalCounts(before, after) {
				t.Errorf("rows changed: before %v after %v", before, after)
			}
			if b, err := os.ReadFile(l.Path); err == nil && string(b) == l.Markdown {
				t.Error("the letter was exported although it was not recorded")
			}
			cl, _ := s.Client(ctx, id)
			if cl.Status != statusActive {
				t.Errorf("status = %s, want active", cl.Status)
			}
			var d letterForm
			if ok, _ := s.LoadDraft(ctx, id, DraftLetter, &d); !ok || d.Sent != "2026-11-2" {
				t.Errorf("the draft was lost: %+v %v", d, ok)
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func TestChecklistTickOverdueAndOffboard(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	if _, err := s.RecordLetterSent(ctx, sampleLetter(t, id)); err != nil {
		t.Fatal(err)
	}
	today := day("2026-12-20")
	over, err := s.OverdueSteps(ctx, id, today)
	if err != nil || len(over) != 2 || over[0].Key != "confirm-notice" || over[1].Key != "export-data" {
		t.Fatalf("overdue = %+v, %v", over, err)
	}
	if !over[0].Overdue(today) || over[0].Overdue(day("2026-11-23")) {
		t.Error("Overdue: a step is overdue only after its due day")
	}

	if _, err := s.TickStep(ctx, id, "confirm-notice", Tick{On: today}); err == nil {
		t.Error("a step was signed off by nobody")
	}
	if _, err := s.TickStep(ctx, id, "no-such-step", Tick{By: "Dana", On: today}); !errors.Is(err, ErrNoStep) {
		t.Errorf("unknown step: %v", err)
	}
	res, err := s.TickStep(ctx, id, "confirm-notice", Tick{By: " Dana Reyes ", On: day("2026-11-23")})
	if err != nil || res.Offboarded || res.Step.SignedOffBy != "Dana Reyes" {
		t.Fatalf("tick: %+v, %v", res, err)
	}
	res, err = s.TickStep(ctx, id, "export-data", Tick{By: "Sam", On: day("2026-12-21"), Exception: "backups handed over on disk, not by link"})
	if err != nil || res.Offboarded {
		t.Fatalf("tick: %+v, %v", res, err)
	}
	res, err = s.TickStep(ctx, id, "archive-record", Tick{By: "Dana", On: day("2027-01-22")})
	if err != nil || !res.Offboarded {
		t.Fatalf("last tick: %+v, %v", res, err)
	}
	c, _ := s.Client(ctx, id)
	if c.Status != statusOffboarded {
		t.Errorf("status = %s, want offboarded", c.Status)
	}
	steps, _ := s.Checklist(ctx, id)
	if steps[1].Exception != "backups handed over on disk, not by link" || Date(steps[1].Done) != "2026-12-21" {
		t.Errorf("step 2 = %+v", steps[1])
	}

	if err := s.UntickStep(ctx, id, "archive-record", "archive not yet complete"); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Client(ctx, id)
	steps, _ = s.Checklist(ctx, id)
	if c.Status != statusNotice || steps[2].IsDone() || steps[2].SignedOffBy != "" {
		t.Errorf("after reopening: status %s, step %+v", c.Status, steps[2])
	}
}

func TestReengageAndNoticeAgain(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	if err := s.Reengage(ctx, id, "narrower contract"); !errors.Is(err, ErrCannotReengage) {
		t.Errorf("re-engaging an active client: %v", err)
	}
	if _, err := s.RecordLetterSent(ctx, sampleLetter(t, id)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TickStep(ctx, id, "confirm-notice", Tick{By: "Dana", On: day("2026-11-23")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Reengage(ctx, id, "  "); err == nil {
		t.Error("re-engaged without a note on the terms")
	}
	terms := "support of system functionality only; training billed separately"
	if err := s.Reengage(ctx, id, terms); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Client(ctx, id)
	if c.Status != statusReengaged {
		t.Errorf("status = %s", c.Status)
	}
	ds, _ := s.Decisions(ctx, id)
	found := false
	for _, d := range ds {
		if d.Kind == "re-engagement" && d.Reason == terms && d.From == "notice" {
			found = true
		}
	}
	if !found {
		t.Errorf("no re-engagement decision in %+v", ds)
	}

	second := sampleLetter(t, id)
	second.Sent, second.Effective, second.Retention = day("2027-03-01"), day("2027-04-01"), day("2027-05-01")
	second.Steps = second.Steps[:2]
	if _, err := s.RecordLetterSent(ctx, second); err != nil {
		t.Fatalf("second notice after re-engagement: %v", err)
	}
	steps, _ := s.Checklist(ctx, id)
	if len(steps) != 2 || steps[0].IsDone() {
		t.Errorf("checklist after second notice = %+v", steps)
	}
	if n := count(t, s, "SELECT count(*) FROM decisions WHERE client_id = ? AND kind = 'checklist' AND from_value = '1 of 3 steps done' AND to_value = 'replaced'", id); n != 1 {
		t.Errorf("the replaced checklist left %d decisions, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM terminations WHERE client_id = ?", id); n != 2 {
		t.Errorf("terminations = %d, want both kept", n)
	}
}

func TestPostMortemFacts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	exec := mustExec(t, s)
	exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
        (?1, '2025-05-10T22:00:00Z', 'after_hours', 2, 'called the owner at home at 22:00'),
        (?1, '2025-03-02T09:00:00Z', 'after_hours', 2, 'weekend call for a printer'),
        (?1, '2025-08-01T09:00:00Z', 'abuse', 4, 'shouted at the technician'),
        (?1, '2025-09-01T09:00:00Z', 'other', 1, 'not a flag')`, id)
	exec(`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision) VALUES
        (?1, 'Replace Windows 10 PCs', '2025-01-10', '2025-02-01', 'declined'),
        (?1, 'Enable MFA', '2025-04-01', '2025-04-20', 'accepted')`, id)
	// Invoices due 31 January and 28 February 2025: the first paid 12 days
	// late (not a sign), the second 45 days late (the first sign), and one
	// due 30 April 2025 paid 60 days late; I4, due 30 September 2026, is
	// still open 54 days later on the store's day, 23 November 2026.
	exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'I1', '2025-01-01', '2025-01-31', '2025-02-12', 100, 0),
        (?1, 'I2', '2025-02-01', '2025-02-28', '2025-04-14', 100, 0),
        (?1, 'I3', '2025-04-01', '2025-04-30', '2025-06-29', 100, 0),
        (?1, 'I4', '2026-09-01', '2026-09-30', NULL, 100, 100)`, id)
	if err := s.Tx(ctx, func(tx *sql.Tx) error { return RebuildRollup(ctx, tx, []int64{id}) }); err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO remediation_plans (client_id, status, created_at, updated_at) VALUES
        (?1, 'failed', '2025-09-15T10:00:00Z', '2025-10-15T10:00:00Z')`, id)
	if _, err := s.RecordLetterSent(ctx, sampleLetter(t, id)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveLessons(ctx, id, "Act on the first late invoice.\nPrice after-hours work."); err != nil {
		t.Fatal(err)
	}

	f, err := s.PostMortem(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// I2, due 28 February 2025 and paid 45 days later, was the first invoice
	// more than 30 days late: on 31 March 2025; I3 and I4 are late too.
	want := map[string]FlagSign{
		"after_hours":       {Kind: "after_hours", FirstSeen: day("2025-03-02"), Count: 2, Detail: "weekend call for a printer"},
		"abuse":             {Kind: "abuse", FirstSeen: day("2025-08-01"), Count: 1, Detail: "shouted at the technician"},
		"other":             {Kind: "other", FirstSeen: day("2025-09-01"), Count: 1, Detail: "not a flag"},
		SignDeclinedUpgrade: {Kind: SignDeclinedUpgrade, FirstSeen: day("2025-02-01"), Count: 1, Detail: "Replace Windows 10 PCs"},
		SignLatePayment:     {Kind: SignLatePayment, FirstSeen: day("2025-03-31"), Count: 3, Detail: "I2", DaysLate: 45},
	}
	if len(f.Signs) != len(want) {
		t.Fatalf("signs = %+v", f.Signs)
	}
	for _, got := range f.Signs {
		if got != want[got.Kind] {
			t.Errorf("sign %+v\nwant %+v", got, want[got.Kind])
		}
	}
	if Date(f.PlanCreated) != "2025-09-15" || f.PlanStatus != "failed" {
		t.Errorf("plan = %v %q", f.PlanCreated, f.PlanStatus)
	}
	if Date(f.Termination.Sent) != "2026-11-23" {
		t.Errorf("termination = %+v", f.Termination)
	}
	if f.Lessons != "Act on the first late invoice.\nPrice after-hours work." || f.LessonsUpdated.IsZero() {
		t.Errorf("lessons = %q at %v", f.Lessons, f.LessonsUpdated)
	}
}

func TestRecordExport(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id := addClient(t, s, "Acme")
	path := filepath.Join(t.TempDir(), "r.md")
	os.WriteFile(path, []byte("older"), 0o644)
	before := tableCounts(t, s)
	doc := Document{ClientID: id, Kind: "checklist", Title: "Offboarding receipt", Markdown: "x\n", ExportedPath: path}
	if _, err := s.RecordExport(ctx, doc); !errors.Is(err, ErrExportExists) {
		t.Fatalf("export over an existing file: %v", err)
	}
	if after := tableCounts(t, s); !equalCounts(before, after) {
		t.Errorf("rows changed: %v -> %v", before, after)
	}
	if b, _ := os.ReadFile(path); string(b) != "older" {
		t.Errorf("an existing file was replaced: %q", b)
	}
	doc.ExportedPath = filepath.Join(filepath.Dir(path), "new", "r.md")
	docID, err := s.RecordExport(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(doc.ExportedPath); string(b) != "x\n" {
		t.Errorf("exported %q", b)
	}
	comms, _ := s.Communications(ctx, id, 0)
	if len(comms) != 1 || comms[0].DocumentID != docID || !strings.Contains(comms[0].Summary, doc.ExportedPath) {
		t.Errorf("communications = %+v", comms)
	}
}

func TestWriteExportFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b.md")
	if err := WriteExportFile(path, "one", false); err != nil {
		t.Fatal(err)
	}
	if err := WriteExportFile(path, "two", false); !errors.Is(err, ErrExportExists) {
		t.Errorf("second write: %v", err)
	}
	if err := WriteExportFile(path, "three", true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(filepath.Dir(path))
	if string(b) != "three" || len(entries) != 1 {
		t.Errorf("content %q, %d entries (temporary files left behind?)", b, len(entries))
	}
}
