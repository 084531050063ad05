package cli

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// scoredDB writes a small portfolio as of November 2026: eight healthy
// clients, a chronic late payer, a client with a criminal incident and one
// the owner has overridden. It returns the database path.
func scoredDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "score.db")
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stmts := []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8)
         INSERT INTO clients (name, name_key, seats, mrr_minor, client_since_on, created_at, updated_at)
         SELECT 'Healthy ' || i, 'healthy ' || i, 20, 200000, '2024-11-01', '2024-11-01T00:00:00Z', '2024-11-01T00:00:00Z' FROM n`,
		`INSERT INTO clients (name, name_key, seats, mrr_minor, client_since_on, created_at, updated_at) VALUES
         ('Slow Pay Ltd', 'slow pay', 20, 150000, '2024-11-01', '2024-11-01T00:00:00Z', '2024-11-01T00:00:00Z'),
         ('Shady Imports', 'shady imports', 20, 200000, '2024-11-01', '2024-11-01T00:00:00Z', '2024-11-01T00:00:00Z'),
         ('Favours Inc', 'favours', 20, 200000, '2024-11-01', '2024-11-01T00:00:00Z', '2024-11-01T00:00:00Z')`,
		// 24 months to October 2026; healthy months of 8 to 12 hours.
		`WITH RECURSIVE m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 24)
         INSERT INTO client_months (client_id, month, seconds, tickets, after_hours_tickets, urgent_tickets,
             invoiced_minor, invoices, invoices_paid, paid_on_time)
         SELECT c.id, strftime('%Y-%m', date('2026-11-01', '-' || k || ' months')), (480 + 30 * (c.id % 9)) * 60, 8, 1, 1,
                200000, 1, 1, 1
         FROM clients c, m`,
		// Slow Pay: of the last 12 invoices, 2 paid 20 days late and 7 paid 45 days late.
		`UPDATE client_months SET paid_on_time = 0, invoices_late = 1, late_16_30 = 1, days_late_sum = 20
         WHERE client_id = (SELECT id FROM clients WHERE name = 'Slow Pay Ltd') AND month IN ('2026-09', '2026-10')`,
		`UPDATE client_months SET paid_on_time = 0, invoices_late = 1, late_over_30 = 1, days_late_sum = 45
         WHERE client_id = (SELECT id FROM clients WHERE name = 'Slow Pay Ltd') AND month BETWEEN '2026-02' AND '2026-08'`,
		`INSERT INTO invoices (client_id, number, issued_on, due_on, amount_minor, balance_minor)
         SELECT id, 'SP-1', '2026-08-01', '2026-08-31', 150000, 150000 FROM clients WHERE name = 'Slow Pay Ltd'
         UNION ALL SELECT id, 'SP-2', '2026-09-01', '2026-10-01', 175000, 175000 FROM clients WHERE name = 'Slow Pay Ltd'`,
		`INSERT INTO incidents (client_id, occurred_at, kind, severity, description)
         SELECT id, '2026-08-02T10:00:00Z', 'criminal', 5, 'Used our remote access to copy a competitor''s files'
         FROM clients WHERE name IN ('Shady Imports', 'Favours Inc')`,
		`UPDATE clients SET override_recommendation = 'watch', override_reason = 'A rogue employee, since dismissed',
         override_at = '2026-11-10T09:00:00Z' WHERE name = 'Favours Inc'`,
		`INSERT INTO settings (key, value) VALUES ('demo.as_of', '2026-10-31')`,
	}
	for _, q := range stmts {
		if _, err := st.DB().ExecContext(ctx, q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	return path
}

func TestScoreTable(t *testing.T) {
	db := scoredDB(t)
	code, out, errs := run(t, nil, "score", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	// As of the day after the demo's last day; Favours' override counts as Watch.
	if want := "11 clients as of the end of 2026-10-31 · 1 Offboard · 1 Remediate · 1 Watch · 8 Keep · top 10% of clients use "; !strings.HasPrefix(lines[0], want) {
		t.Errorf("headline %q, want prefix %q", lines[0], want)
	}
	fields := func(line string) []string { return strings.Fields(line) }
	// Score 100 first (by name), then Slow Pay at 35 points.
	order := []struct{ name, rec, score string }{
		{"Favours", "Watch*", "100"},
		{"Shady", "Offboard", "100"},
		{"Slow", "Remediate", "35"},
		{"Healthy", "Keep", "0"},
	}
	for i, w := range order {
		f := fields(lines[3+i])
		if f[0] != w.name || !strings.Contains(lines[3+i], " "+w.rec+" ") || !strings.Contains(lines[3+i], " "+w.score+" ") {
			t.Errorf("line %d = %q; want %s, %s, score %s", 3+i, lines[3+i], w.name, w.rec, w.score)
		}
	}
	if !strings.Contains(lines[5], "1,500.00") || !strings.Contains(lines[5], "Late payment 100") {
		t.Errorf("Slow Pay line %q lacks its MRR or top flag", lines[5])
	}
	if !strings.Contains(out, "* the owner's override") {
		t.Errorf("no override footnote:\n%s", out)
	}
}

func TestScoreClientJSON(t *testing.T) {
	db := scoredDB(t)
	code, out, errs := run(t, nil, "score", "--db", db, "--client", "slow pay", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Schema int    `json:"schema"`
		AsOf   string `json:"as_of"`
		Client struct {
			Name string `json:"name"`
			MRR  int64  `json:"mrr"`
		} `json:"client"`
		Flags []struct {
			ID       string  `json:"id"`
			Severity int     `json:"severity"`
			Points   float64 `json:"points"`
			Evidence string  `json:"evidence"`
		} `json:"flags"`
		Score          int      `json:"score"`
		Recommendation string   `json:"recommendation"`
		Reasons        []string `json:"reasons"`
		PaymentGrade   string   `json:"payment_grade"`
		Lab            []struct {
			Metric string `json:"metric"`
			Marker string `json:"marker"`
		} `json:"lab"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// 9 late of 12; (2×20 + 7×45) / 9 = 39.4 days; 3,250.00 overdue
	// against 1,500.00 MRR is 2.2 months.
	wantEvidence := "9 of 12 paid invoices issued in the last 12 months were paid late, 7 more than 30 days late; the late ones averaged 39 days late; payment grade F; 3,250.00 overdue on 2 invoices (2.2 months of recurring revenue)."
	if got.Schema != 2 || got.AsOf != "2026-11-01T00:00:00Z" || got.Client.Name != "Slow Pay Ltd" || got.Client.MRR != 150000 {
		t.Errorf("header %+v", got)
	}
	if len(got.Flags) != 1 || got.Flags[0].ID != "late_payment" || got.Flags[0].Severity != 100 || got.Flags[0].Evidence != wantEvidence {
		t.Errorf("flags %+v\nwant late_payment: %s", got.Flags, wantEvidence)
	}
	if got.Score != 35 || got.Recommendation != "remediate" || got.PaymentGrade != "F" || len(got.Lab) != 11 {
		t.Errorf("score %d, recommendation %s, grade %s, %d lab rows", got.Score, got.Recommendation, got.PaymentGrade, len(got.Lab))
	}
	if !strings.Contains(strings.Join(got.Reasons, " "), "Remediate first") {
		t.Errorf("reasons %q", got.Reasons)
	}
	// A flag carries the fields jsonSchema documents, no more: schema 2
	// removed the seeds.
	var raw struct {
		Flags []map[string]any `json:"flags"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, f := range raw.Flags {
		var keys []string
		for k := range f {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if want := "category evidence id points severity title zero_tolerance"; strings.Join(keys, " ") != want {
			t.Errorf("flag fields %q, want %q", keys, want)
		}
	}
}

func TestScoreClientText(t *testing.T) {
	db := scoredDB(t)
	code, out, errs := run(t, nil, "score", "--db", db, "--client", "favours")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Favours Inc: Watch (score 100)",
		"active · 20 seats · MRR 2,000.00 USD · 24 months of history · assessed as of the end of 2026-10-31 over 2025-11–2026-10",
		"Owner's override on 2026-11-10: Watch. Their reason: A rogue employee, since dismissed. The assessment alone says Offboard.",
		"Criminal activity: severity 100, 100.0 points · risk · ZERO TOLERANCE",
		"Lab panel (normal range: mean ± 2 standard deviations)",
		"Hours per seat per month",
		"reactive support ≈0.25",
		"Break-even price",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestScoreErrors(t *testing.T) {
	db := scoredDB(t)
	cases := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"score", "--db", db, "--client", "nobody"}, 1, `no client named "nobody"`},
		{[]string{"score", "--db", db, "--client", "healthy"}, 1, `"healthy" matches 8 clients: Healthy 1, Healthy 2, Healthy 3, Healthy 4, Healthy 5 and 3 more`},
		{[]string{"score", "--db", db, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"score", "--db", db, "--config", filepath.Join(t.TempDir(), "missing.toml")}, 1, "read configuration"},
	}
	for _, c := range cases {
		code, _, errs := run(t, nil, c.args...)
		if code != c.code || !strings.Contains(errs, c.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.stderr)
		}
	}
}

func TestConfigCommand(t *testing.T) {
	db := scoredDB(t)
	home := t.TempDir()
	cfgFile := filepath.Join(home, ".config", "offboard", "config.toml")
	if err := os.MkdirAll(filepath.Dir(cfgFile), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfgFile, []byte("margin.target = 0.5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOME": home}
	steps := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"config", "--db", db, "set", "stats.method", "robust"}, 0, "stats.method = robust (stored in ", ""},
		{[]string{"config", "--db", db, "set", "company.name", "Northwind IT"}, 0, "company.name = Northwind IT", ""},
		{[]string{"config", "--db", db, "set", "stats.method", "median"}, 2, "", `config key stats.method: "median" is not allowed; want sd or robust`},
		{[]string{"config", "--db", db, "set", "resource_drain.severe_z", "1"}, 2, "", "resource_drain.severe_z (1) and stats.k (2)"},
		{[]string{"config", "--db", db, "set", "company.phone", " "}, 2, "", "setting company.phone: the value is empty"},
		{[]string{"config", "--db", db, "set", "colour", "blue"}, 2, "", `unknown setting "colour"`},
		{[]string{"config", "--db", db, "set", "stats.k"}, 2, "", "config set needs a KEY and a VALUE"},
		{[]string{"config", "set", "company.email", "office@northwind.example", "--db", db}, 0, "company.email = office@northwind.example", ""},
		{[]string{"config", "--db", db, "--docs"}, 0, "stats.method = robust (database)\n    How normal ranges are computed", ""},
	}
	for _, s := range steps {
		code, out, errs := run(t, env, s.args...)
		if code != s.code || !strings.Contains(out, s.stdout) || !strings.Contains(errs, s.stderr) {
			t.Errorf("%v: exit %d\nstdout %q\nstderr %q\nwant %d, %q, %q", s.args, code, out, errs, s.code, s.stdout, s.stderr)
		}
	}
	code, out, _ := run(t, env, "config", "--db", db)
	if code != 0 {
		t.Fatalf("config exit %d", code)
	}
	for _, want := range [][]string{
		{"company.name", "Northwind IT", "database"},
		{"company.signer", "(not set)", "-"},
		{"margin.target", "0.5", "file"},
		{"stats.method", "robust", "database"},
		{"labour.cost_per_hour", "6500", "default"},
	} {
		if !hasRow(out, want) {
			t.Errorf("config lacks the row %v:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Configuration file: "+cfgFile) {
		t.Errorf("config does not name its file:\n%s", out)
	}
	if err := os.WriteFile(cfgFile, []byte("[stats]\nmethdo = \"sd\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, env, "score", "--db", db); code != 1 || !strings.Contains(errs, cfgFile+": unknown config keys: stats.methdo") {
		t.Errorf("bad config file: exit %d, stderr %q", code, errs)
	}
}

// hasRow reports whether some line of a table has exactly these fields.
func hasRow(table string, fields []string) bool {
	for _, line := range strings.Split(table, "\n") {
		if strings.Join(strings.Fields(line), " ") == strings.Join(fields, " ") {
			return true
		}
	}
	return false
}

func TestHelpListsScoringCommands(t *testing.T) {
	_, out, _ := run(t, nil, "help")
	for _, want := range []string{"  score ", "  config "} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	code, out, _ := run(t, nil, "score", "-h")
	if code != 0 || !strings.Contains(out, "usage: offboard score [--db FILE | --demo] [--config FILE] [--as-of DATE] [--json] [--client NAME]") || !strings.Contains(out, "--client NAME") {
		t.Errorf("score -h: exit %d\n%s", code, out)
	}
}

// A new user scores the demo without knowing where it lives; --demo and
// --db together are refused.
func TestScoreDemo(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	code, out, errs := run(t, env, "score", "--demo")
	if code != 0 || !strings.HasPrefix(out, "60 clients as of the end of 2026-11-22 · ") || !strings.Contains(out, "Cobalt Creek Veterinary Hospital") {
		t.Errorf("score --demo: exit %d, stderr %q\n%s", code, errs, out)
	}
	// score only reads: with no database yet it creates none, and points
	// to the demo.
	code, _, errs = run(t, env, "score")
	if code != 1 || !strings.Contains(errs, "no database at") || !strings.Contains(errs, "--demo") {
		t.Errorf("score with no database: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(env["HOME"], ".local", "share", "offboard", "offboard.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("score created a database: %v", err)
	}
	code, _, errs = run(t, env, "score", "--demo", "--db", "x.db")
	if code != 2 || !strings.Contains(errs, "--demo and --db cannot be used together") {
		t.Errorf("--demo with --db: exit %d, stderr %q", code, errs)
	}
}

// TestScoreAsOf judges the portfolio as it stood at the end of August
// 2026: Slow Pay's September invoice is not yet due, and the table says
// the day it was judged as of.
func TestScoreAsOf(t *testing.T) {
	db := scoredDB(t)
	code, out, errs := run(t, nil, "score", "--db", db, "--as-of", "2026-08-31", "--client", "slow pay", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		AsOf  string `json:"as_of"`
		Flags []struct {
			Evidence string `json:"evidence"`
		} `json:"flags"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// SP-1 fell due on 31 August, so it is overdue at midnight; SP-2 is
	// due on 1 October.
	if got.AsOf != "2026-09-01T00:00:00Z" || len(got.Flags) != 1 || !strings.Contains(got.Flags[0].Evidence, "1,500.00 overdue on 1 invoice") {
		t.Errorf("as of %s, flags %+v; want 2026-09-01 and 1,500.00 overdue on 1 invoice", got.AsOf, got.Flags)
	}
	for _, bad := range []string{"2026-11-24", "31/08/2026"} {
		if code, _, errs := run(t, nil, "score", "--db", db, "--as-of", bad); code != 2 || !strings.Contains(errs, "--as-of") {
			t.Errorf("--as-of %s: exit %d, %q; want a usage error naming the flag", bad, code, errs)
		}
	}
}

// A client since 2019 of which three months of tickets were imported is
// judged on those three months, and the output says where the records
// begin.
func TestScoreSaysWhereRecordsBegin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "records.db")
	tickets := filepath.Join(t.TempDir(), "tickets.csv")
	if err := os.WriteFile(tickets, []byte("external_id,client_id,opened,summary\n"+
		"T-1,C-001,2026-08-04T10:00:00Z,Printer\nT-2,C-001,2026-09-15T10:00:00Z,Mail\nT-3,C-001,2026-10-07T10:00:00Z,VPN\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "clients", fixture("offboard/clients.csv"), "--db", db},
		{"import", "tickets", tickets, "--db", db},
	} {
		if code, _, errs := run(t, nil, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	code, out, errs := run(t, nil, "score", "--db", db, "--as-of", "2026-10-31", "--client", "acme")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"active · 18 seats · MRR 2,160.00 USD · 3 months of records · assessed as of the end of 2026-10-31 over 2026-08–2026-10",
		"  Records begin in August 2026, the client in May 2019: rates are over the 3 months of records, not diluted by the unrecorded months before.",
		"Profitability over 3 months",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Too little history") {
		t.Errorf("three months of records are enough to judge:\n%s", out)
	}
	code, out, errs = run(t, nil, "score", "--db", db, "--as-of", "2026-10-31", "--client", "acme", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		History     int    `json:"history_months"`
		RecordsFrom string `json:"records_from"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.History != 3 || got.RecordsFrom != "2026-08-01T00:00:00Z" {
		t.Errorf("history %d from %q, want 3 from 2026-08-01", got.History, got.RecordsFrom)
	}
}

func TestWindowText(t *testing.T) {
	month := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		w    scoring.Window
		want string
	}{
		{scoring.Window{From: month(2025, 11), To: month(2026, 11), Months: 12}, "over 2025-11–2026-10"},
		{scoring.Window{From: month(2026, 10), To: month(2026, 11), Months: 1}, "over 2026-10"},
		{scoring.Window{From: month(2026, 11), To: month(2026, 11)}, "with no complete month to rate"},
	}
	for _, tc := range tests {
		if got := windowText(tc.w); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.w, got, tc.want)
		}
	}
}
