package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileName carries what an attacker or a careless export could put in a
// client's name: an OSC 52 clipboard write of "echo pwned", a screen clear,
// a newline and a right-to-left override.
const hostileName = "Evil\x1b]52;c;ZWNobyBwd25lZA==\x07 Corp\x1b[2J\nLine two \u202eslc.exe"

// hostileImport imports a client with hostileName and an incident whose
// description carries the same sequences, through the import command, and
// returns the database.
func hostileImport(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	quoted := `"` + hostileName + `"`
	clients := "external_id,name,seats,mrr,currency,client_since,status\n" +
		"C-666," + quoted + ",10,1000.00,USD,2020-01-01,active\n"
	incidents := "external_id,client_id,client,occurred,category,severity,description,reported_by\n" +
		"I-1,C-666," + quoted + ",2026-08-02,criminal,5," + quoted + ",Ben Ode\n"
	for name, body := range map[string]string{"clients.csv": clients, "incidents.csv": incidents} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, kind := range []string{"clients", "incidents"} {
		code, out, errs := run(t, nil, "import", kind, filepath.Join(dir, kind+".csv"), "--db", db)
		if code != 0 || !strings.Contains(out, "1 new") {
			t.Fatalf("import %s: exit %d\n%s%s", kind, code, out, errs)
		}
		assertInert(t, "import "+kind, out+errs)
	}
	return db
}

// assertInert fails when out holds anything a terminal would act on: ESC,
// BEL or any other C0 control but newline and tab, DEL, a C1 control
// (U+0080–U+009F, or a raw byte that is not UTF-8), or a bidi override.
func assertInert(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		bad := (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			(r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd"))
		if bad {
			t.Errorf("%s: %U at byte %d reaches the terminal:\n%q", what, r, i, out)
			return
		}
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	db := hostileImport(t)
	code, out, errs := run(t, nil, "score", "--db", db)
	if code != 0 {
		t.Fatalf("score: exit %d\n%s%s", code, out, errs)
	}
	assertInert(t, "score", out+errs)
	// The name stays on one table row, its sequences visible but inert.
	if !strings.Contains(out, "Evil␛]52;c;ZWNobyBwd25lZA==␇ Corp␛[2J␊Line two \ufffdslc.exe") {
		t.Errorf("score does not show the name with placeholders:\n%s", out)
	}

	code, out, errs = run(t, nil, "score", "--client", hostileName, "--db", db)
	if code != 0 {
		t.Fatalf("score --client: exit %d\n%s%s", code, out, errs)
	}
	assertInert(t, "score --client", out+errs)

	// A misspelt name suggests the hostile one in the error message.
	code, out, errs = run(t, nil, "score", "--client", "Evil]52;c;ZWNobyBwd25lZA==", "--db", db)
	if code == 0 {
		t.Fatalf("score --client with a wrong name succeeded:\n%s", out)
	}
	assertInert(t, "score --client error", out+errs)
}

// TestHostileTextInEveryOutput runs commands whose messages quote a client
// name or a file name outside the score table: the log's new score, the
// record, and an import error naming a file whose name carries escapes.
func TestHostileTextInEveryOutput(t *testing.T) {
	db := hostileImport(t)
	for _, args := range [][]string{
		{"log", hostileName, "--kind", "note", "--summary", "called \x1b[2J back"},
		{"record", hostileName, "-o", "-"},
		{"whatif", hostileName},
		{"verify"},
	} {
		code, out, errs := run(t, nil, append(args, "--db", db)...)
		if code != 0 {
			t.Errorf("%s: exit %d\n%s%s", args[0], code, out, errs)
		}
		assertInert(t, args[0], out+errs)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "time\x1b]52;c;ZWNobyBwd25lZA==\x07.csv")
	if err := os.WriteFile(bad, []byte("client,date,hours\nEvil,2024-13-45,1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, nil, "import", "time", bad, "--db", db)
	if code != 1 || !strings.Contains(errs, "time␛]52;c;ZWNobyBwd25lZA==␇.csv") {
		t.Errorf("import of a bad file with a hostile name: exit %d, stderr %q", code, errs)
	}
	assertInert(t, "import error", out+errs)
}
