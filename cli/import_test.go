package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func fixture(rel string) string { return filepath.Join("..", "testdata", "import", rel) }

func TestImportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "o.db")
	code, out, errs := run(t, nil, "import", "clients", fixture("offboard/clients.csv"), "--db", db)
	if code != 0 || !strings.Contains(out, "clients.csv: 2 rows read as offboard-clients (recognised from the header): 2 new, 0 updated, 0 unchanged, 0 rejected") {
		t.Fatalf("first import: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = run(t, nil, "import", "--db", db, "clients", fixture("offboard/clients.csv"))
	if code != 0 || !strings.Contains(out, "0 new, 0 updated, 2 unchanged, 0 rejected") || !strings.Contains(out, "imported before") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, nil, "import", "time", fixture("offboard/time.csv"), "--dry-run", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "dry run: ") || !strings.Contains(out, "nothing was written") {
		t.Errorf("dry run: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, nil, "export", filepath.Join(t.TempDir(), "x"), "--db", db)
	if code != 0 || !strings.Contains(out, "time.csv: 0 rows") {
		t.Errorf("the dry run wrote time entries: %s", out)
	}
}

func TestImportBadRow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	bad := copyFixture(t, dir, "pitfalls/bad-date.csv")
	code, out, errs := run(t, nil, "import", "invoices", bad, "--create-clients", "--db", db)
	want := bad + `:3: column "Due Date": cannot read "31/02/2024" as a date`
	if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, "nothing was imported") || out != "" {
		t.Errorf("exit %d\nstdout %q\nstderr %s", code, out, errs)
	}
	code, out, errs = run(t, nil, "import", "invoices", bad, "--create-clients", "--skip-bad", "--db", db)
	if code != 0 || !strings.Contains(out, "1 new, 0 updated, 0 unchanged, 1 rejected") || !strings.Contains(errs, want) {
		t.Errorf("skip-bad: exit %d\n%s%s", code, out, errs)
	}
	rejects, err := os.ReadFile(bad + ".rejects.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(rejects), "Invoice Number,Scope,Amount,Issued Date,Due Date,Status,Column 7,rejected because,line\nINV-2,") {
		t.Errorf("rejects file:\n%s", rejects)
	}
}

func TestImportUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "o.db")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import"}, 2, "import needs a KIND and at least one FILE"},
		{[]string{"import", "bananas", "x.csv"}, 2, `unknown kind "bananas"`},
		{[]string{"import", "time", "x.csv", "--date-order", "ymd"}, 2, `unknown date order "ymd"`},
		{[]string{"import", "time", "x.csv", "--preset", "nope"}, 2, `unknown preset "nope"`},
		{[]string{"import", "time", "x.csv", "--preset", "itflow-tickets"}, 2, "preset itflow-tickets reads tickets, not time"},
		{[]string{"import", "time", "x.csv", "--preset", "kimai-time", "--map", "m.json"}, 2, "cannot be used together"},
		{[]string{"import", "time", fixture("pitfalls/unknown-columns.csv"), "--db", db}, 1, `columns no preset could place: "Work Day", "Customer Account", "Time Spent", "Engineer"`},
		{[]string{"export", "--db", db}, 2, "export needs exactly one DIR"},
	}
	for _, c := range cases {
		code, _, errs := run(t, nil, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.msg)
		}
	}
	code, out, _ := run(t, nil, "import", "--list-presets")
	if code != 0 || !strings.Contains(out, "harvest-time") || !strings.Contains(out, "offboard-security") {
		t.Errorf("--list-presets: exit %d\n%s", code, out)
	}
}

var kinds = []string{"settings", "clients", "tickets", "time", "invoices", "payments", "incidents", "security", "upgrades", "plans"}

func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	for _, k := range kinds {
		if code, out, errs := run(t, nil, "import", k, fixture("offboard/"+k+".csv"), "--db", src); code != 0 {
			t.Fatalf("import %s: %s%s", k, out, errs)
		}
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if code, out, errs := run(t, nil, "export", a, "--db", src); code != 0 {
		t.Fatalf("export: %s%s", out, errs)
	}
	for _, k := range kinds {
		f := filepath.Join(a, k+".csv")
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, st.Mode(), err)
		}
		if code, out, errs := run(t, nil, "import", k, f, "--db", dst); code != 0 {
			t.Fatalf("re-import %s: %s%s", k, out, errs)
		}
	}
	if code, out, errs := run(t, nil, "export", b, "--db", dst); code != 0 {
		t.Fatalf("export: %s%s", out, errs)
	}
	for _, k := range kinds {
		x, _ := os.ReadFile(filepath.Join(a, k+".csv"))
		y, _ := os.ReadFile(filepath.Join(b, k+".csv"))
		if string(x) != string(y) || len(x) == 0 {
			t.Errorf("%s differs after export, import, export:\n%s\n%s", k, x, y)
		}
	}
}

func TestExportOneClient(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	for _, k := range kinds {
		if code, out, errs := run(t, nil, "import", k, fixture("offboard/"+k+".csv"), "--db", db); code != 0 {
			t.Fatalf("import %s: %s%s", k, out, errs)
		}
	}
	if code, out, errs := run(t, nil, "export", filepath.Join(dir, "acme"), "--client", "acme dental", "--db", db); code != 0 {
		t.Fatalf("export: %s%s", out, errs)
	}
	for _, k := range kinds {
		data, err := os.ReadFile(filepath.Join(dir, "acme", k+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "Baker") {
			t.Errorf("%s.csv of Acme's handoff holds another client's records:\n%s", k, data)
		}
	}
	if code, _, errs := run(t, nil, "export", filepath.Join(dir, "x"), "--client", "Nobody", "--db", db); code != 1 || !strings.Contains(errs, "no such client") {
		t.Errorf("unknown client: exit %d %s", code, errs)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1204: "1,204", 1000000: "1,000,000", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestImportOsTicketWithDomainMap(t *testing.T) {
	db := filepath.Join(t.TempDir(), "o.db")
	code, out, errs := run(t, nil, "import", "tickets", fixture("osticket/tickets.csv"), "--map", fixture("osticket/domains.json"), "--create-clients", "--db", db)
	if code != 0 || !strings.Contains(out, "read as osticket-tickets (recognised from the header): 2 new") || !strings.Contains(out, "added 2 clients: Tailspin Toys, Wingtip Toys") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// TestDemoRoundTripKeepsTheScore is the import issue's round trip: the demo,
// exported and imported into an empty database, scores the same. Only the
// assessment date may differ: the demo pins it, and its marker is never
// exported.
func TestDemoRoundTripKeepsTheScore(t *testing.T) {
	dir := t.TempDir()
	demo, fresh, out := filepath.Join(dir, "demo.db"), filepath.Join(dir, "fresh.db"), filepath.Join(dir, "out")
	if code, o, e := run(t, nil, "demo", "--db", demo); code != 0 {
		t.Fatalf("demo: %s%s", o, e)
	}
	if code, o, e := run(t, nil, "export", out, "--db", demo); code != 0 {
		t.Fatalf("export: %s%s", o, e)
	}
	for _, k := range kinds {
		if code, o, e := run(t, nil, "import", k, filepath.Join(out, k+".csv"), "--db", fresh); code != 0 {
			t.Fatalf("import %s: %s%s", k, o, e)
		}
	}
	score := func(db string) map[string]any {
		code, o, e := run(t, nil, "score", "--json", "--db", db)
		if code != 0 {
			t.Fatalf("score: %s%s", o, e)
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(o), &doc); err != nil {
			t.Fatal(err)
		}
		delete(doc, "as_of")
		return doc
	}
	a, b := score(demo), score(fresh)
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.MarshalIndent(a, "", " ")
		jb, _ := json.MarshalIndent(b, "", " ")
		t.Errorf("the score changed in the round trip:\n%s", firstDifference(string(ja), string(jb)))
	}
}

// firstDifference shows the first differing line of two texts.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func TestImportJudgesAfterHoursByTheConfiguration(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	settings := filepath.Join(dir, "settings.csv")
	if err := os.WriteFile(settings, []byte("key,value\nbusiness.hours,10:00-18:00\nbusiness.time_zone,America/New_York\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "settings", settings, "--db", db},
		{"import", "tickets", fixture("itflow/Acme Dental-Tickets-2024-03-01.csv"), "--create-clients", "--db", db},
		{"export", filepath.Join(dir, "out"), "--db", db},
	} {
		if code, o, e := run(t, nil, args...); code != 0 {
			t.Fatalf("%q: %s%s", args, o, e)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "out", "tickets.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Opened Friday 18:42, Monday 09:15 (before 10:00) and Saturday 23:05,
	// New York time: all three after hours.
	for _, want := range []string{
		"TCK-101,,Acme Dental,2024-01-05T18:42:10-05:00,2024-01-06T14:00:00Z,high,Closed,Email not syncing on reception PC,true,",
		"TCK-102,,Acme Dental,2024-01-08T09:15:00-05:00,2024-01-08T16:02:41Z,low,Resolved,New starter account,true,",
		"TCK-103,,Acme Dental,2024-01-13T23:05:00-05:00,,urgent,Open,",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("tickets.csv lacks %q:\n%s", want, data)
		}
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none-yet.db")
	bad := copyFixture(t, dir, "pitfalls/bad-date.csv")
	code, out, errs := run(t, nil, "import", "invoices", bad, "--create-clients", "--skip-bad", "--dry-run", "--db", db)
	if code != 0 || !strings.Contains(out, "1 bad row would be skipped") || !strings.Contains(out, "would add 1 client: Acme Dental") ||
		!strings.Contains(errs, `bad-date.csv:3: column "Due Date"`) {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	if left := filesIn(t, dir); len(left) != 1 {
		t.Errorf("the dry run left files behind: %q", left)
	}
}

func TestImportJSONAndJudgement(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "o.db")
	code, out, errs := run(t, nil, "import", "tickets", fixture("connectwise/project-tickets.json"),
		"--map", fixture("connectwise/project-tickets.map.json"), "--create-clients", "--db", db)
	if code != 0 || !strings.Contains(out, "3 rows read as map:project-tickets.map.json: 3 new") ||
		!strings.Contains(out, "added 2 clients: Tailspin Toys, Northwind Traders") {
		t.Fatalf("JSON: exit %d\n%s%s", code, out, errs)
	}
	payments := filepath.Join(dir, "payments.csv")
	if err := os.WriteFile(payments, []byte("date,client,invoice,amount\n"+
		"2024-03-01,Tailspin Toys,INV-77,100.00\n"+
		"2024-03-01,Tailspin Toys,INV-77,100.00\n"+
		"2024-03-02,Northwind Traders,,50.00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		flag, dups, orphans string
	}{
		{"--dry-run", "1 row repeats an earlier row exactly (line 3 repeats line 2): imported all the same; pass --dedupe to import such rows once",
			`2 payments name invoices not in the database (payments.csv: line 2 invoice "INV-77", line 3 invoice "INV-77"); kept, they will settle`},
		{"--dedupe", "1 row repeats an earlier row exactly (line 3 repeats line 2): not imported again (--dedupe)",
			`1 payment names an invoice not in the database (payments.csv: line 2 invoice "INV-77"); kept, it will settle`},
	} {
		code, out, errs = run(t, nil, "import", "payments", payments, tt.flag, "--db", db)
		if code != 0 || !strings.Contains(out, tt.dups) || !strings.Contains(out, tt.orphans) {
			t.Errorf("%s: exit %d\n%s%s", tt.flag, code, out, errs)
		}
	}
	if !strings.Contains(out, "2 new, 0 updated") {
		t.Errorf("--dedupe should write the repeated payment once:\n%s", out)
	}
}

// copyFixture copies a fixture into dir, where an import may write beside
// it (a rejects file), and returns the copy's path.
func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.Base(name))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
