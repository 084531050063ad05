package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A purge after the retention deadline leaves the scores as they were, no
// personal string anywhere in the database's files, and a record that still
// verifies; before the deadline it is refused unless forced with a reason.
func TestPurge(t *testing.T) {
	env, db := demoDB(t)
	dir := filepath.Dir(db)
	// Personal data written down by hand goes too: a phone number, who
	// reported an incident, what was said.
	hand := []string{"+1 518 555 0143", "Marta Quillfeather", "swore at the receptionist twice", "call her on her mobile"}
	for _, args := range [][]string{
		{"--kind", "incident", "--category", "abuse", "--severity", "2", "--who", hand[1], "--summary", "The owner's son " + hand[2]},
		{"--kind", "call", "--direction", "inbound", "--summary", "Asked us to " + hand[3], "--body", "Her mobile is " + hand[0]},
		{"--kind", "edit", "--phone", hand[0], "--summary", "A direct line"},
	} {
		if code, _, errs := run(t, env, append([]string{"log", "ashby lane", "--at", "2025-12-01 10:00", "--db", db}, args...)...); code != 0 {
			t.Fatalf("log: %s", errs)
		}
	}
	_, before, _ := run(t, env, "score", "--db", db, "--json")
	// The demo's Ashby Lane was let go in January 2026, its data kept until
	// March; Halvorsen Plastics is under notice, its data kept into 2027.
	personal := append(hand, personalText(t, db, "Ashby Lane Counseling Center")...)
	raw, _ := os.ReadFile(db)
	for _, p := range []string{"Lorraine Ashby", "lorraine.ashby@ashbylanecounseling.com"} {
		if !bytes.Contains(raw, []byte(p)) {
			t.Fatalf("the demo no longer holds %q: pick another client for this test", p)
		}
	}
	// A certificate only printed would leave the record's hash pointing at
	// nothing: -o - is refused before anything is removed.
	if code, _, errs := run(t, env, "purge", "ashby lane", "--by", "Sam Okafor", "-o", "-", "--db", db); code != 2 || !strings.Contains(errs, "give -o a file name") {
		t.Errorf("purge -o -: exit %d: %s", code, errs)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("purge -o - wrote a file named -")
	}
	cert := filepath.Join(dir, "certificate.md")
	code, out, errs := run(t, env, "purge", "ashby lane", "--by", "Sam Okafor", "-o", cert, "--db", db)
	if code != 0 {
		t.Fatalf("purge: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Removed the personal data of Ashby Lane Counseling Center") {
		t.Errorf("purge said %q", out)
	}
	if _, after, _ := run(t, env, "score", "--db", db, "--json"); withoutEvidence(t, after) != withoutEvidence(t, before) {
		t.Error("the scores changed with the purge")
	}
	for _, name := range []string{db, db + "-wal"} {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		for _, p := range personal {
			if bytes.Contains(b, []byte(p)) {
				t.Errorf("%s still holds %q", filepath.Base(name), p)
			}
		}
	}
	if code, out, errs := run(t, env, "verify", "--db", db); code != 0 || !strings.Contains(out, "is intact") {
		t.Errorf("verify after a purge: exit %d\n%s%s", code, out, errs)
	}
	c, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Certificate of destruction", "**Client:** Ashby Lane Counseling Center", "Sam Okafor", "| contact details | 1 |"} {
		if !strings.Contains(string(c), want) {
			t.Errorf("certificate lacks %q:\n%s", want, c)
		}
	}

	// A notice sent today keeps the data until its retention deadline.
	if code, _, errs := run(t, env, "letter", "juniper hill", "-o", filepath.Join(dir, "notice.md"), "--db", db); code != 0 {
		t.Fatalf("notice: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, env, "purge", "juniper hill", "--by", "Sam Okafor", "--db", db); code == 0 ||
		!strings.Contains(errs, "still within the retention period: the data is kept until") {
		t.Errorf("purge before the deadline: exit %d, %q", code, errs)
	}
	// Halvorsen's notice, for cause, put its data under a legal hold.
	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--db", db); code == 0 ||
		!strings.Contains(errs, "still within the retention period: the notice placed the data under a legal hold") {
		t.Errorf("purge under a legal hold: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--force", "--db", db); code == 0 || !strings.Contains(errs, "needs a reason") {
		t.Errorf("forced purge without a reason: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--force", "--reason", "the client asked in writing",
		"-o", filepath.Join(dir, "h.md"), "--db", db); code != 0 {
		t.Errorf("forced purge with a reason: exit %d, %q", code, errs)
	}
}

// personalText reads, with SQL, the personal data the database holds of
// the client: its contact details, and the free text of its tickets,
// incidents and communications that no other client shares. (Who reported
// an incident is left out: in the demo that is one of our own staff.)
func personalText(t *testing.T, path, client string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id int64
	if err := db.QueryRow("SELECT id FROM clients WHERE name = ?", client).Scan(&id); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range []string{
		"SELECT contact_name FROM clients WHERE id = ?1 UNION SELECT contact_email FROM clients WHERE id = ?1 UNION SELECT address FROM clients WHERE id = ?1",
		"SELECT summary FROM tickets t WHERE client_id = ?1 AND NOT EXISTS (SELECT 1 FROM tickets o WHERE o.client_id <> ?1 AND o.summary = t.summary)",
		"SELECT description FROM incidents WHERE client_id = ?1",
		"SELECT summary FROM communications c WHERE client_id = ?1 AND NOT EXISTS (SELECT 1 FROM communications o WHERE o.client_id <> ?1 AND o.summary = c.summary)",
	} {
		rows, err := db.Query(q, id)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			if s != "" {
				out = append(out, s)
			}
		}
		rows.Close()
	}
	if len(out) < 6 {
		t.Fatalf("only %d personal strings found for %s: %q", len(out), client, out)
	}
	return out
}

// withoutEvidence is the score table as JSON without the flags' evidence,
// the one part that quotes the words disposal removes.
func withoutEvidence(t *testing.T, scores string) string {
	t.Helper()
	var v struct {
		Clients []map[string]any `json:"clients"`
	}
	if err := json.Unmarshal([]byte(scores), &v); err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Clients {
		flags, _ := c["flags"].([]any)
		for _, f := range flags {
			delete(f.(map[string]any), "evidence")
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
