package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

// clock is the day every command in these tests runs on, as run's
// environment has it: Monday 23 November 2026.
var clock = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// letterDB is a database with three clients and, when asked, a complete
// letterhead.
type letterDB struct {
	db   string
	dir  string
	vars map[string]string
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func newLetterDB(t *testing.T, settings bool) *letterDB {
	t.Helper()
	f, st := openLetterDB(t, "o.db")
	defer st.Close()
	ctx := context.Background()
	clients := []store.Client{
		{Name: "Harborline Freight Logistics, Inc.", ContactName: "Dana Whitfield",
			ContactEmail: "dana.whitfield@harborline.example", Address: "2200 Port of Tacoma Road\nTacoma, WA 98421",
			Seats: 42, Currency: "USD", AgreementName: "Managed Services Agreement", AgreementSigned: day("2022-03-14"),
			TerminationClause: "clause 14.2", NoticeDays: 30},
		{Name: "Harbor Dental Group", ContactName: "Dr. Lee", Currency: "USD", AgreementName: "Managed IT Agreement",
			AgreementSigned: day("2023-06-01"), TerminationClause: "section 11", NoticeDays: 60, TermEnd: day("2027-05-31")},
		{Name: "*Acme* <script>", ContactName: "# Heading", Address: "1 [Main](http://x) St\n> Suite 2", Currency: "USD",
			AgreementName: "MSA _v2_", AgreementSigned: day("2024-01-15"), TerminationClause: "clause `7`", NoticeDays: 30},
	}
	err := st.Tx(ctx, func(tx *sql.Tx) error {
		for _, c := range clients {
			if _, err := store.InsertClient(ctx, tx, c, clock); err != nil {
				return err
			}
		}
		// Harborline's account on 23 November 2026: one invoice overdue,
		// one not yet due, one paid, a credit note, and one issued after
		// the letter's date.
		_, err := tx.ExecContext(ctx, `INSERT INTO invoices (client_id, number, issued_on, due_on, amount_minor, balance_minor)
            VALUES (1, 'HF-2291', '2026-09-01', '2026-10-01', 1843250, 1843250),
                   (1, 'HF-2350', '2026-11-01', '2026-12-01', 152000, 152000),
                   (1, 'HF-2340', '2026-10-01', '2026-10-31', 152000, 0),
                   (1, 'HF-CN-12', '2026-11-10', '2026-11-10', -25000, -25000),
                   (1, 'HF-2399', '2026-12-01', '2026-12-31', 152000, 152000)`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if settings {
		for k, v := range map[string]string{
			store.SettingCompanyName:        "Bluewater Managed IT, LLC",
			store.SettingCompanyAddress:     "418 Commerce Street, Suite 200\nTacoma, WA 98402",
			store.SettingCompanySigner:      "Alex Moreno",
			store.SettingCompanySignerTitle: "Managing Director",
			store.SettingCompanyEmail:       "office@bluewater-it.example",
			store.SettingCompanyPhone:       "(253) 555-0147",
		} {
			if err := st.SetSetting(ctx, k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f
}

// openLetterDB opens a new database named file, its store's clock at the
// tests' clock, in a home folder of its own.
func openLetterDB(t *testing.T, file string) (*letterDB, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	f := &letterDB{db: filepath.Join(dir, file), dir: dir,
		vars: map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config")}}
	st, err := store.Open(context.Background(), f.db, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	return f, st
}

// run runs offboard with args against the database, in its environment.
func (f *letterDB) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return run(t, f.vars, append(args, "--db", f.db)...)
}

func (f *letterDB) store(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), f.db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestLetterRecordsTheNoticeAsSent(t *testing.T) {
	f := newLetterDB(t, true)
	out := filepath.Join(f.dir, "letters", "harborline.md")
	for _, licence := range []string{"24 x Microsoft 365 Business Premium until 2027-04-30 annual",
		"3 × Datto SIRIS backup appliance until 2026-12-31 monthly"} {
		if code, _, stderr := f.run(t, "log", "harborline", "--kind", "edit", "--summary", "Licences we resell", "--licence", licence); code != 0 {
			t.Fatalf("log --licence: %s", stderr)
		}
	}
	code, stdout, stderr := f.run(t, "letter", "harborline", "--delivery", "post", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Posted on Monday 23 November 2026, the notice arrives three working
	// days later, Thursday 26 November; 30 days from then is Saturday 26
	// December, so the earliest effective date is Monday 28 December.
	if want := "warning: Sent by post, the notice is taken to arrive on Thursday, 26 November 2026, 3 working days after posting; counted from then, 30 days of notice give an earliest effective date of Monday, 28 December 2026, later than the letter's Wednesday, 23 December 2026."; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr is not the one warning about posting:\n%s", stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "letter-harborline.md", string(b))
	// 23 November 2026 + 30 days = Wednesday 23 December 2026; data kept 30
	// days more, to Friday 22 January 2027.
	for _, want := range []string{"written to " + out, "effective  Wednesday, 23 December 2026",
		"data kept  until Friday, 22 January 2027", "11 offboarding steps"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	st := f.store(t)
	ctx := context.Background()
	c, _ := (&casefile.Desk{Store: st}).FindClient(ctx, "harborline")
	term, ok, _ := st.LatestTermination(ctx, c.ID)
	if c.Status != string(scoring.StatusNotice) || !ok || term.Delivery != "post" || store.Date(term.Effective) != "2026-12-23" {
		t.Errorf("status %s, termination %+v", c.Status, term)
	}
	comms, _ := st.Communications(ctx, c.ID, 0)
	if len(comms) != 1 || comms[0].Channel != "letter" || !strings.Contains(comms[0].Body, store.SHA256Hex(b)) {
		t.Errorf("communications = %+v", comms)
	}

	code, _, stderr = f.run(t, "letter", "harborline", "-o", filepath.Join(f.dir, "again.md"))
	if code != 1 || !strings.Contains(stderr, "was given notice on Monday, 23 November 2026, effective Wednesday, 23 December 2026, and is under notice") {
		t.Errorf("second notice: exit %d, %s", code, stderr)
	}
}

func TestLetterDefaultPathAndTermEnd(t *testing.T) {
	f := newLetterDB(t, true)
	t.Chdir(f.dir)
	code, stdout, stderr := f.run(t, "letter", "Harbor Dental", "--no-licences")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(f.dir, "exports", "harbor-dental-group-termination-2026-11-23.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The 60 days' notice ends on 22 January 2027; the term runs to 31 May
	// 2027, but notice is what the agreement asks, so the letter ends there.
	if !strings.Contains(string(b), "**Friday, 22 January 2027** (the effective date)") {
		t.Errorf("the letter does not end after the notice period:\n%s", b)
	}
	if strings.Contains(stdout, "the end of the agreement's term") {
		t.Errorf("the summary speaks of the term's end:\n%s", stdout)
	}
	// Asked for the term's end, the letter runs to it and the summary says so.
	code, stdout, stderr = f.run(t, "letter", "Harbor Dental", "--draft", "--effective", "2027-05-31", "-o", "-")
	if code != 0 || !strings.Contains(stdout, "**Monday, 31 May 2027** (the effective date)") {
		t.Errorf("--effective at the term's end: exit %d, stderr %q\n%s", code, stderr, stdout)
	}
}

func TestLetterDraftRecordsNothing(t *testing.T) {
	f := newLetterDB(t, false)
	code, stdout, stderr := f.run(t, "letter", "--draft", "harborline", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden(t, "letter-harborline-missing-sender.md", stdout)
	st := f.store(t)
	c, _ := (&casefile.Desk{Store: st}).FindClient(context.Background(), "harborline")
	if c.Status != string(scoring.StatusActive) {
		t.Errorf("a draft changed the status to %s", c.Status)
	}
}

func TestLetterRefusesToSendWithoutOurDetails(t *testing.T) {
	f := newLetterDB(t, false)
	out := filepath.Join(f.dir, "x.md")
	code, _, stderr := f.run(t, "letter", "harborline", "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"company name, company address, signer, signer title, contact email, contact phone",
		"offboard config set company.name VALUE", "offboard config set company.signer_title VALUE", "--draft"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused letter was written")
	}
}

func TestLetterEscapesHostileClientText(t *testing.T) {
	f := newLetterDB(t, true)
	code, stdout, stderr := f.run(t, "letter", "*Acme* <script>", "--draft", "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `\*Acme\* \<script\>`) || !strings.Contains(stdout, `\# Heading`) {
		t.Errorf("client text not escaped:\n%s", stdout)
	}
	var html bytes.Buffer
	if err := goldmark.Convert([]byte(stdout), &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, bad := range []string{"<script>", "<em>Acme</em>", "<h1>Heading</h1>", `<a href="http://x">`, "<code>7</code>", "<em>v2</em>", "<blockquote>"} {
		if strings.Contains(h, bad) {
			t.Errorf("client text became Markdown: %s in\n%s", bad, h)
		}
	}
	if !strings.Contains(h, "*Acme* &lt;script&gt;") {
		t.Errorf("the name does not print as typed:\n%s", h)
	}
}

func TestLetterClientNotFoundOrAmbiguous(t *testing.T) {
	f := newLetterDB(t, true)
	code, _, stderr := f.run(t, "letter", "harbor", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "Harbor Dental Group") || !strings.Contains(stderr, "Harborline Freight Logistics, Inc.") {
		t.Errorf("ambiguous: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "letter", "harborlin frieght", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "did you mean: Harborline Freight Logistics, Inc.") {
		t.Errorf("misspelt: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "letter", "zzzz", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, `no client matches "zzzz"`) {
		t.Errorf("unknown: exit %d, %s", code, stderr)
	}
}

func TestLetterNoticePeriod(t *testing.T) {
	f := newLetterDB(t, true)
	code, _, stderr := f.run(t, "letter", "harborline", "--notice-days", "10", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "shorter than the 30 days") || !strings.Contains(stderr, "--shorter-notice") {
		t.Errorf("short notice without override: exit %d, %s", code, stderr)
	}
	// 31 January 2028 + 10 days = 10 February 2028.
	code, stdout, stderr := f.run(t, "letter", "harborline", "--notice-days", "10", "--shorter-notice",
		"--sent", "2028-01-31", "--draft", "-o", "-")
	if code != 0 || !strings.Contains(stdout, "**Thursday, 10 February 2028** (the effective date)") {
		t.Errorf("short notice with override: exit %d, %s\n%s", code, stderr, stdout)
	}
	// 31 January 2028 + 30 days = 1 March 2028 (a leap year).
	code, stdout, _ = f.run(t, "letter", "harborline", "--sent", "2028-01-31", "--draft", "-o", "-")
	if code != 0 || !strings.Contains(stdout, "**Wednesday, 1 March 2028** (the effective date)") {
		t.Errorf("leap year: exit %d\n%s", code, stdout)
	}
	code, _, stderr = f.run(t, "letter", "harborline", "--effective", "2026-12-01", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "before the end of the 30-day notice period") {
		t.Errorf("effective inside the notice: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "letter", "harborline", "--sent", "2026-02-30", "--draft")
	if code != 2 || !strings.Contains(stderr, "--sent") {
		t.Errorf("impossible date: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "letter", "harborline", "--notice-days", "thirty", "--draft")
	if code != 2 || !strings.Contains(stderr, `--notice-days: "thirty" is not a whole number`) {
		t.Errorf("bad notice: exit %d, %s", code, stderr)
	}
}

// overrideLetter puts the owner's own letter template, text, in place of
// the built-in one; it returns the template's folder.
func overrideLetter(t *testing.T, f *letterDB, text string) string {
	t.Helper()
	dir := filepath.Join(f.vars["XDG_CONFIG_HOME"], "offboard", "templates")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "termination.md.tmpl"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLetterTemplateOverride(t *testing.T) {
	f := newLetterDB(t, true)
	dir := overrideLetter(t, f, "Our own notice to {{md .Client.Name}}, effective {{date .Effective}}.\n")
	code, stdout, stderr := f.run(t, "letter", "acme", "--draft", "-o", "-")
	if code != 0 || stdout != "Our own notice to \\*Acme\\* \\<script\\>, effective Wednesday, 23 December 2026.\n" {
		t.Errorf("override: exit %d, %s\n%q", code, stderr, stdout)
	}
	if err := os.WriteFile(filepath.Join(dir, "termination.md.tmpl"), []byte("{{.Nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = f.run(t, "letter", "acme", "--draft", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "termination.md.tmpl") || !strings.Contains(stderr, "template folder") {
		t.Errorf("broken override: exit %d, %s", code, stderr)
	}
}

func TestChecklistTickExportAndPostMortem(t *testing.T) {
	f := newLetterDB(t, true)
	if code, _, stderr := f.run(t, "letter", "harborline", "--no-licences", "-o", filepath.Join(f.dir, "l.md")); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := f.run(t, "checklist", "harborline")
	if code != 0 || !strings.Contains(stdout, "0 of 11 steps done") || !strings.Contains(stdout, "confirm-notice") {
		t.Fatalf("exit %d %s\n%s", code, stderr, stdout)
	}
	code, _, stderr = f.run(t, "checklist", "harborline", "--tick", "1")
	if code != 2 || !strings.Contains(stderr, "--by NAME") {
		t.Errorf("tick without a name: exit %d, %s", code, stderr)
	}
	code, _, stderr = f.run(t, "checklist", "harborline", "--tick", "no-such", "--by", "Dana")
	if code != 2 || !strings.Contains(stderr, "confirm-notice") {
		t.Errorf("unknown step: exit %d, %s", code, stderr)
	}
	for i := 1; i <= 10; i++ {
		args := []string{"checklist", "harborline", "--tick", string(rune('0' + i%10)), "--by", "Priya Shah"}
		if i == 10 {
			args[3] = "10"
			args = append(args, "--exception", "Domains registered to the client directly; only DNS moved.")
		}
		if code, _, stderr := f.run(t, args...); code != 0 {
			t.Fatalf("tick %d: %s", i, stderr)
		}
	}
	receipt := filepath.Join(f.dir, "receipt.md")
	code, stdout, stderr = f.run(t, "checklist", "harborline", "--export", receipt)
	if code != 0 || !strings.Contains(stdout, "10 of 11 steps signed off") {
		t.Fatalf("export: exit %d %s %s", code, stderr, stdout)
	}
	b, _ := os.ReadFile(receipt)
	if !strings.Contains(string(b), "## Still open") || !strings.Contains(string(b), "only DNS moved") {
		t.Errorf("receipt:\n%s", b)
	}
	code, stdout, stderr = f.run(t, "checklist", "harborline", "--tick", "archive-record", "--by", "Alex Moreno", "--on", "2027-01-22")
	if code != 0 || !strings.Contains(stdout, "now offboarded") {
		t.Fatalf("last tick: exit %d %s %s", code, stderr, stdout)
	}
	code, stdout, stderr = f.run(t, "postmortem", "harborline", "--lessons", "- Act on the first late invoice.\nWe waited too long.")
	if code != 0 {
		t.Fatalf("postmortem: exit %d %s", code, stderr)
	}
	golden(t, "postmortem-harborline.md", stdout)
	code, _, stderr = f.run(t, "postmortem", "harbor dental")
	if code != 1 || !strings.Contains(stderr, "no notice of termination") {
		t.Errorf("post-mortem of a client never given notice: exit %d, %s", code, stderr)
	}
}
