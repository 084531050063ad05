package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A purge after the retention deadline leaves the scores as they were, no
// personal string anywhere in the database's files, and a record that still
// verifies; before the deadline it is refused unless forced with a reason.
func TestPurge(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errs := run(t, env, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	_, before, _ := run(t, env, "score", "--db", db, "--json")
	// The demo's Ashby Lane was let go in January 2026, its data kept until
	// March; Halvorsen Plastics is under notice, its data kept into 2027.
	personal := []string{"Lorraine Ashby", "lorraine.ashby@ashbylanecounseling.com"}
	raw, _ := os.ReadFile(db)
	for _, p := range personal {
		if !bytes.Contains(raw, []byte(p)) {
			t.Fatalf("the demo no longer holds %q: pick another client for this test", p)
		}
	}
	cert := filepath.Join(dir, "certificate.md")
	code, out, errs := run(t, env, "purge", "ashby lane", "--by", "Sam Okafor", "-o", cert, "--db", db)
	if code != 0 {
		t.Fatalf("purge: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Removed the personal data of Ashby Lane Counseling Center") {
		t.Errorf("purge said %q", out)
	}
	if _, after, _ := run(t, env, "score", "--db", db, "--json"); after != before {
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

	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--db", db); code == 0 || !strings.Contains(errs, "still within the retention period: the data is kept until") {
		t.Errorf("purge before the deadline: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--force", "--db", db); code == 0 || !strings.Contains(errs, "needs a reason") {
		t.Errorf("forced purge without a reason: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, env, "purge", "halvorsen", "--by", "Sam Okafor", "--force", "--reason", "the client asked in writing",
		"-o", filepath.Join(dir, "h.md"), "--db", db); code != 0 {
		t.Errorf("forced purge with a reason: exit %d, %q", code, errs)
	}
}
