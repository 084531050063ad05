package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// demoDB writes the demo portfolio to a fresh database, and returns the
// environment to run commands in and the database's path.
func demoDB(t *testing.T) (env map[string]string, db string) {
	t.Helper()
	env = map[string]string{"HOME": t.TempDir()}
	db = filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := run(t, env, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	return env, db
}

// keepClient is the name of the first client the score table recommends
// keeping.
func keepClient(t *testing.T, env map[string]string, db string) string {
	t.Helper()
	code, out, errs := run(t, env, "score", "--db", db)
	if code != 0 {
		t.Fatalf("score: %d %s", code, errs)
	}
	for _, line := range strings.Split(out, "\n") {
		if name, rest, ok := strings.Cut(line, "  "); ok && strings.HasPrefix(strings.TrimSpace(rest), "Keep ") {
			return strings.TrimSpace(name)
		}
	}
	t.Fatalf("no client to keep in\n%s", out)
	return ""
}

// A hand-entered abuse incident of severity 4 is zero tolerance: the
// client's recommendation is Offboard at once, and the record stays intact.
func TestLogIncidentChangesScoreAtOnce(t *testing.T) {
	env, db := demoDB(t)
	name := keepClient(t, env, db)
	code, out, errs := run(t, env, "log", name, "--kind", "incident", "--category", "abuse", "--severity", "4",
		"--who", "Priya, helpdesk", "--at", "2026-11-20 10:15", "--db", db,
		"--summary", "Shouted at the technician on the phone and called her useless")
	if code != 0 {
		t.Fatalf("log: exit %d, %s", code, errs)
	}
	if want := name + " now scores 100: Offboard."; !strings.Contains(out, want) {
		t.Errorf("log said %q, want %q", out, want)
	}
	_, detail, _ := run(t, env, "score", "--db", db, "--client", name)
	if !strings.Contains(detail, "Offboard") || !strings.Contains(detail, "Mistreatment of staff") {
		t.Errorf("score --client after the incident:\n%s", detail)
	}
	if code, out, errs := run(t, env, "verify", "--db", db); code != 0 || !strings.Contains(out, "is intact") {
		t.Errorf("verify after a hand entry: exit %d\n%s%s", code, out, errs)
	}
}

func TestLogRefusesBadEntries(t *testing.T) {
	env, db := demoDB(t)
	name := keepClient(t, env, db)
	_, before, _ := run(t, env, "verify", "--db", db)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "incident", "--category", "abuse", "--severity", "9", "--summary", "x"}, "severity: 9 is not between 1 (minor) and 5 (grave)"},
		{[]string{"--kind", "incident", "--category", "rudeness", "--severity", "2", "--summary", "x"}, `category: "rudeness" is not one of`},
		{[]string{"--kind", "call", "--summary", "x", "--at", "2027-01-01 09:00"}, "is in the future"},
		{[]string{"--kind", "call", "--summary", "x", "--at", "whenever"}, `at: "whenever" is not a date`},
		{[]string{"--kind", "call"}, "summary: say what happened"},
		{[]string{"--kind", "edit", "--summary", "why"}, "edit: nothing to change"},
		{[]string{"--kind", "fax", "--summary", "x"}, `kind: "fax" is not one of`},
	} {
		code, _, errs := run(t, env, append([]string{"log", name, "--db", db}, tt.args...)...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("log %v: exit %d, stderr %q; want an error saying %q", tt.args, code, errs, tt.want)
		}
	}
	// Nothing of the refused entries reached the record.
	if _, after, _ := run(t, env, "verify", "--db", db); after != before {
		t.Errorf("refused entries changed the record:\nbefore %safter  %s", before, after)
	}
}
