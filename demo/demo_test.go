package demo

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"offboard/letters"
	"offboard/store"
)

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// generate writes a portfolio into a fresh file and returns the open store.
func generate(t testing.TB, opts Options) (*store.Store, Summary) {
	t.Helper()
	ctx := context.Background()
	// The record is sealed at the store's clock, as the program's demo
	// command does with its own; a fixed one keeps two runs comparable.
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), store.WithClock(func() time.Time { return asOf }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if opts.AsOf.IsZero() {
		opts.AsOf = asOf
	}
	sum, err := Generate(ctx, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s, sum
}

// The default portfolio is generated once and shared by the read-only tests.
var shared struct {
	once sync.Once
	dir  string
	s    *store.Store
	sum  Summary
	err  error
}

func defaultPortfolio(t *testing.T) *store.Store {
	t.Helper()
	shared.once.Do(func() {
		ctx := context.Background()
		s, err := store.Open(ctx, filepath.Join(shared.dir, "shared.db"))
		if err != nil {
			shared.err = err
			return
		}
		shared.s = s
		shared.sum, shared.err = Generate(ctx, s, Options{Seed: 7, AsOf: asOf})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.s
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "demo-test")
	if err != nil {
		panic(err)
	}
	shared.dir = dir
	code := m.Run()
	if shared.s != nil {
		shared.s.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// dump hashes every table's rows in key order, so two databases can be
// compared row for row.
func dump(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]string{}
	for _, table := range tables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		h := sha256.New()
		n := 0
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%v\n", vals)
			n++
		}
		rows.Close()
		out[table] = fmt.Sprintf("%d rows %x", n, h.Sum(nil))
	}
	return out
}

func TestSameSeedSameRows(t *testing.T) {
	opts := Options{Clients: 30, Months: 14, Seed: 42}
	a, _ := generate(t, opts)
	b, _ := generate(t, opts)
	da, db := dump(t, a.DB()), dump(t, b.DB())
	if len(da) < 20 {
		t.Fatalf("only %d tables dumped", len(da))
	}
	for table, h := range da {
		if db[table] != h {
			t.Errorf("table %s differs between two runs with the same seed: %s vs %s", table, h, db[table])
		}
	}
	c, _ := generate(t, Options{Clients: 30, Months: 14, Seed: 43})
	dc := dump(t, c.DB())
	for _, table := range []string{"clients", "tickets", "time_entries", "invoices"} {
		if dc[table] == da[table] {
			t.Errorf("table %s is the same with another seed", table)
		}
	}
}

func TestRowCountsScaleWithOptions(t *testing.T) {
	small, ss := generate(t, Options{Clients: 20, Months: 12, Seed: 1})
	wide, sw := generate(t, Options{Clients: 40, Months: 12, Seed: 1})
	long, sl := generate(t, Options{Clients: 20, Months: 24, Seed: 1})
	count := func(s *store.Store, table string) int {
		var n int
		if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, c := range []struct {
		s   *store.Store
		sum Summary
	}{{small, ss}, {wide, sw}, {long, sl}} {
		got := Summary{Clients: count(c.s, "clients"), Tickets: count(c.s, "tickets"),
			TimeEntries: count(c.s, "time_entries"), Invoices: count(c.s, "invoices"), Payments: count(c.s, "payments"),
			Incidents: count(c.s, "incidents"), SecuritySnapshots: count(c.s, "security_snapshots"),
			Upgrades: count(c.s, "upgrade_recommendations"), Communications: count(c.s, "communications")}
		if got != c.sum {
			t.Errorf("summary %+v, rows in the database %+v", c.sum, got)
		}
	}
	if sw.Clients != 40 || ss.Clients != 20 {
		t.Errorf("clients = %d, %d; want 20, 40", ss.Clients, sw.Clients)
	}
	// Twenty more clients add at least a ticket, a time entry and an invoice
	// a month each; twice the months give clearly more rows.
	for _, c := range []struct {
		name          string
		bigger, small int
		least         int
	}{
		{"tickets (clients)", sw.Tickets, ss.Tickets, ss.Tickets + 20*12},
		{"time entries (clients)", sw.TimeEntries, ss.TimeEntries, ss.TimeEntries + 20*12},
		{"invoices (clients)", sw.Invoices, ss.Invoices, ss.Invoices + 20*12 - 20},
		{"invoices (months)", sl.Invoices, ss.Invoices, ss.Invoices * 7 / 4},
		{"time entries (months)", sl.TimeEntries, ss.TimeEntries, ss.TimeEntries * 3 / 2},
	} {
		if c.bigger < c.least {
			t.Errorf("%s: %d rows at the larger size, %d at the smaller", c.name, c.bigger, c.small)
		}
	}
	var months int
	small.DB().QueryRow("SELECT count(DISTINCT substr(issued_on, 1, 7)) FROM invoices").Scan(&months)
	if months != 12 {
		t.Errorf("12 months of history issued invoices in %d months", months)
	}
}

func TestOptionsAreChecked(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, o := range []Options{{Clients: 5, AsOf: asOf}, {Months: 3, AsOf: asOf}, {}} {
		if _, err := Generate(ctx, s, o); err == nil {
			t.Errorf("Generate(%+v) succeeded", o)
		}
	}
	if _, err := Generate(ctx, s, Options{Clients: MinClients, Months: MinMonths, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(ctx, s, Options{AsOf: asOf}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second Generate into the same database: %v, want ErrNotEmpty", err)
	}
}

func TestSettingsDescribeOurCompany(t *testing.T) {
	s := defaultPortfolio(t)
	got, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{store.SettingCompanyName, store.SettingCompanyAddress, store.SettingCompanySigner,
		store.SettingCompanySignerTitle, store.SettingCompanyEmail, store.SettingCompanyPhone,
		store.SettingBusinessTimeZone} {
		if got[k] == "" {
			t.Errorf("setting %s is empty", k)
		}
	}
	want := map[string]string{store.SettingBusinessHours: "08:00-18:00", store.SettingBusinessDays: "Mon-Fri",
		store.SettingLabourCostPerHour: "7200", store.SettingDemoSeed: "7", store.SettingDemoAsOf: "2026-11-23"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("setting %s = %q, want %q", k, got[k], v)
		}
	}
	if _, err := time.LoadLocation(got[store.SettingBusinessTimeZone]); err != nil {
		t.Errorf("business time zone: %v", err)
	}
}

// clientID finds a planted client by its exported name.
func clientID(t *testing.T, db *sql.DB, name string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRow("SELECT id FROM clients WHERE name = ?", name).Scan(&id); err != nil {
		t.Fatalf("planted client %q: %v", name, err)
	}
	return id
}

func scalar[T any](t *testing.T, db *sql.DB, q string, args ...any) T {
	t.Helper()
	var v T
	if err := db.QueryRow(q, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

func TestEveryStoryIsPlanted(t *testing.T) {
	db := defaultPortfolio(t).DB()
	if len(Planted) != len(Stories) {
		t.Fatalf("%d planted names for %d stories", len(Planted), len(Stories))
	}
	for _, st := range Stories {
		clientID(t, db, Planted[st])
	}
	if len(plants) != len(Stories) {
		t.Errorf("%d planted clients for %d stories", len(plants), len(Stories))
	}
	for _, pl := range plants {
		if Planted[pl.story] != pl.name {
			t.Errorf("story %s is planted as %q but exported as %q", pl.story, pl.name, Planted[pl.story])
		}
	}
}

func TestAfterHoursClient(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StoryAfterHours])
	share := scalar[float64](t, db, `SELECT avg(after_hours = 1 OR priority = 'urgent') FROM tickets
        WHERE client_id = ? AND opened_at >= ?`, id, store.Timestamp(asOf.AddDate(-1, 0, 0)))
	if share < 0.30 || share > 0.55 {
		t.Errorf("after-hours or urgent share %.2f, want about 0.35–0.45", share)
	}
}

func TestAfterHoursFlagFollowsClientZone(t *testing.T) {
	db := defaultPortfolio(t).DB()
	rows, err := db.Query("SELECT opened_at, opened_tz, after_hours FROM tickets")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var at, tz string
		var flag bool
		rows.Scan(&at, &tz, &flag)
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Fatal(err)
		}
		ts, err := time.Parse(time.RFC3339, at)
		if err != nil {
			t.Fatal(err)
		}
		l := ts.In(loc)
		want := l.Weekday() == time.Saturday || l.Weekday() == time.Sunday || l.Hour() < 8 || l.Hour() >= 18
		if flag != want {
			t.Fatalf("ticket opened %s (%s local) has after_hours=%v", at, l.Format(time.RFC1123), flag)
		}
		n++
	}
	if n < 1000 {
		t.Errorf("only %d tickets", n)
	}
}

func TestLatePayer(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StoryLatePayment])
	rows, err := db.Query(`SELECT due_on, coalesce(paid_on, ''), amount_minor, balance_minor FROM invoices
        WHERE client_id = ? ORDER BY issued_on DESC LIMIT 12`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var over30 int
	var overdue int64
	for rows.Next() {
		var due, paid string
		var amount, balance int64
		rows.Scan(&due, &paid, &amount, &balance)
		d, _ := time.Parse(time.DateOnly, due)
		if paid == "" {
			if d.Before(asOf) {
				overdue += balance
			}
			continue
		}
		if balance != 0 {
			t.Errorf("paid invoice due %s has balance %d", due, balance)
		}
		p, _ := time.Parse(time.DateOnly, paid)
		if p.Sub(d) > 30*24*time.Hour {
			over30++
		}
	}
	if over30 < 8 {
		t.Errorf("%d of the last 12 invoices paid more than 30 days late, want most", over30)
	}
	if overdue < 200000 || overdue > 600000 {
		t.Errorf("overdue balance %d cents, want a few thousand dollars", overdue)
	}
	// The plan agreed six weeks ago is due for review and payments did not improve.
	var status, review string
	if err := db.QueryRow("SELECT status, review_on FROM remediation_plans WHERE client_id = ?", id).Scan(&status, &review); err != nil {
		t.Fatal(err)
	}
	if status != "agreed" || review >= store.Date(asOf) {
		t.Errorf("plan %s, review %s; want agreed with the review date passed", status, review)
	}
	if c := scalar[string](t, db, "SELECT status FROM clients WHERE id = ?", id); c != "remediation" {
		t.Errorf("client status %s, want remediation", c)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM remediation_items WHERE plan_id = (SELECT id FROM remediation_plans WHERE client_id = ?) AND kind = 'action' AND owner_name <> '' AND due_on IS NOT NULL AND target <> ''", id); n < 3 {
		t.Errorf("%d actions with owner, due date and target", n)
	}
}

func TestPaymentsMatchPaidInvoices(t *testing.T) {
	db := defaultPortfolio(t).DB()
	bad := scalar[int](t, db, `SELECT count(*) FROM invoices i WHERE
        (SELECT coalesce(sum(amount_minor), 0) FROM payments p WHERE p.invoice_number = i.number) <> i.amount_minor - i.balance_minor
        OR (i.paid_on IS NOT NULL AND i.balance_minor <> 0)
        OR (i.paid_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_number = i.number AND p.paid_on = i.paid_on))`)
	if bad != 0 {
		t.Errorf("%d invoices whose payments do not add up", bad)
	}
}

// TestPlantedIncidents checks each story's incidents: how many, and how
// grave the worst is (abuse at 4 and criminal activity at 5 are zero
// tolerance, seed 003).
func TestPlantedIncidents(t *testing.T) {
	db := defaultPortfolio(t).DB()
	for _, c := range []struct {
		story        Story
		kind         string
		least, worst int
		mention      string
	}{
		{StoryAfterHours, "after_hours", 3, 3, "on-call"},
		{StoryAbuse, "abuse", 2, 4, "threatened"},
		{StorySecurity, "security", 1, 4, "without MFA"},
		{StoryScopeCreep, "scope", 2, 3, "website"},
		{StoryModernization, "naivete", 2, 3, "antivirus"},
		{StoryCriminal, "criminal", 1, 5, "mailbox password"},
		{StoryDataCompliance, "data_compliance", 2, 4, "personal Dropbox"},
		{StoryReengaged, "naivete", 2, 3, "terminal server"},
	} {
		id := clientID(t, db, Planted[c.story])
		var n, worst, mentions int
		if err := db.QueryRow(`SELECT count(*), coalesce(max(severity), 0), coalesce(sum(instr(description, ?) > 0), 0)
            FROM incidents WHERE client_id = ? AND kind = ?`, c.mention, id, c.kind).Scan(&n, &worst, &mentions); err != nil {
			t.Fatal(err)
		}
		if n < c.least || worst != c.worst || mentions == 0 {
			t.Errorf("%s: %d %s incidents, worst severity %d, %d mention %q; want at least %d, worst %d",
				c.story, n, c.kind, worst, mentions, c.mention, c.least, c.worst)
		}
	}
}

func TestNoticeClient(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, InNotice)
	var sent, effective string
	var notice int
	var doc sql.NullInt64
	if err := db.QueryRow("SELECT sent_on, notice_days, effective_on, document_id FROM terminations WHERE client_id = ?", id).
		Scan(&sent, &notice, &effective, &doc); err != nil {
		t.Fatal(err)
	}
	if want := store.Date(asOf.AddDate(0, 0, -20)); sent != want {
		t.Errorf("notice sent %s, want %s", sent, want)
	}
	if notice != 30 || effective != store.Date(asOf.AddDate(0, 0, 10)) {
		t.Errorf("notice %d days effective %s", notice, effective)
	}
	if !doc.Valid || scalar[string](t, db, "SELECT kind FROM documents WHERE id = ?", doc.Int64) != "termination" {
		t.Errorf("the letter is not recorded as a termination document")
	}
	if s := scalar[string](t, db, "SELECT status FROM clients WHERE id = ?", id); s != "notice" {
		t.Errorf("status %s", s)
	}
	steps := scalar[int](t, db, "SELECT count(*) FROM checklist_steps WHERE client_id = ?", id)
	done := scalar[int](t, db, "SELECT count(*) FROM checklist_steps WHERE client_id = ? AND done_on IS NOT NULL AND signed_off_by <> ''", id)
	overdue := scalar[int](t, db, "SELECT count(*) FROM checklist_steps WHERE client_id = ? AND done_on IS NULL AND due_on < ?", id, store.Date(asOf))
	want := len(letters.ChecklistSteps(asOf, asOf.AddDate(0, 0, 30), asOf.AddDate(0, 0, 60)))
	if steps != want || done < 1 || overdue != 1 {
		t.Errorf("checklist: %d steps, %d signed off, %d overdue; want %d, some, 1", steps, done, overdue, want)
	}
}

func TestSecurityNoncompliantClient(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StorySecurity])
	var mfa, patch float64
	var eol int
	var backup string
	if err := db.QueryRow(`SELECT mfa_pct, patch_pct, eol_devices, backup_status FROM security_snapshots
        WHERE client_id = ? ORDER BY taken_on DESC LIMIT 1`, id).Scan(&mfa, &patch, &eol, &backup); err != nil {
		t.Fatal(err)
	}
	if mfa > 40 || patch > 70 || eol < 4 || backup == "ok" {
		t.Errorf("latest snapshot MFA %.0f%%, patch %.0f%%, %d EOL devices, backups %s", mfa, patch, eol, backup)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM upgrade_recommendations WHERE client_id = ? AND decision = 'declined'", id); n < 2 {
		t.Errorf("%d declined security upgrades", n)
	}
	if s := scalar[string](t, db, "SELECT status FROM remediation_plans WHERE client_id = ?", id); s != "refused" {
		t.Errorf("plan %s, want refused", s)
	}
}

func TestScopeCreepClient(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StoryScopeCreep])
	share := scalar[float64](t, db, "SELECT avg(out_of_scope) FROM tickets WHERE client_id = ?", id)
	oos := scalar[float64](t, db, `SELECT sum(te.seconds) FROM time_entries te JOIN tickets t ON t.id = te.ticket_id
        WHERE te.client_id = ? AND t.out_of_scope = 1`, id)
	all := scalar[float64](t, db, "SELECT sum(seconds) FROM time_entries WHERE client_id = ?", id)
	if share < 0.25 || oos < 0.25*all {
		t.Errorf("out-of-scope share %.2f of tickets and %.0f of %.0f hours", share, oos/3600, all/3600)
	}
	healthy := scalar[float64](t, db, "SELECT avg(out_of_scope) FROM tickets WHERE client_id <> ?", id)
	if healthy > 0.05 {
		t.Errorf("other clients' out-of-scope share %.2f", healthy)
	}
}

func TestModernizationRefuser(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StoryModernization])
	if n := scalar[int](t, db, "SELECT count(*) FROM upgrade_recommendations WHERE client_id = ? AND decision = 'declined'", id); n < 3 {
		t.Errorf("%d declined upgrades", n)
	}
	if share := scalar[float64](t, db, `SELECT 1.0 * eol_devices / total_devices FROM security_snapshots
        WHERE client_id = ? ORDER BY taken_on DESC LIMIT 1`, id); share < 0.2 {
		t.Errorf("end-of-life share %.2f", share)
	}
}

func TestUnprofitableClient(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Planted[StoryUnprofitable])
	var mrr int64
	var seats int
	var signed string
	db.QueryRow("SELECT mrr_minor, seats, agreement_signed_on FROM clients WHERE id = ?", id).Scan(&mrr, &seats, &signed)
	if perSeat := mrr / int64(seats) / 100; perSeat >= 60 {
		t.Errorf("MRR per seat %d dollars, want an old cheap price", perSeat)
	}
	if signed > store.Date(asOf.AddDate(-5, 0, 0)) {
		t.Errorf("agreement signed %s, want years ago", signed)
	}
	cost, err := strconv.Atoi(scalar[string](t, db, "SELECT value FROM settings WHERE key = ?", store.SettingLabourCostPerHour))
	if err != nil {
		t.Fatal(err)
	}
	from := store.Date(asOf.AddDate(-1, 0, 0))
	minutes := scalar[int64](t, db, "SELECT sum(seconds) / 60 FROM time_entries WHERE client_id = ? AND worked_on > ?", id, from)
	revenue := scalar[int64](t, db, "SELECT sum(amount_minor) FROM invoices WHERE client_id = ? AND issued_on > ?", id, from)
	if labour := minutes * int64(cost) / 60; labour <= revenue {
		t.Errorf("labour %d cents against revenue %d over the last year: not unprofitable", labour, revenue)
	}
}

// perSeat is each client's hours and tickets per seat per month over the
// months it has data, computed from raw rows.
func perSeat(t *testing.T, db *sql.DB) (hours, tickets map[string]float64) {
	t.Helper()
	rows, err := db.Query(`SELECT c.name, c.seats,
        (SELECT count(DISTINCT substr(issued_on, 1, 7)) FROM invoices i WHERE i.client_id = c.id),
        (SELECT coalesce(sum(seconds), 0) / 60 FROM time_entries te WHERE te.client_id = c.id),
        (SELECT count(*) FROM tickets t WHERE t.client_id = c.id)
        FROM clients c WHERE c.status <> 'offboarded'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	hours, tickets = map[string]float64{}, map[string]float64{}
	for rows.Next() {
		var name string
		var seats, months, minutes, n int
		rows.Scan(&name, &seats, &months, &minutes, &n)
		if months < 3 {
			continue
		}
		hours[name] = float64(minutes) / 60 / float64(seats) / float64(months)
		tickets[name] = float64(n) / float64(seats) / float64(months)
	}
	return hours, tickets
}

func stats(xs []float64) (median, mean, sd float64) {
	s := slices.Clone(xs)
	sort.Float64s(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	for _, x := range s {
		mean += x
	}
	mean /= float64(len(s))
	for _, x := range s {
		sd += (x - mean) * (x - mean)
	}
	return median, mean, math.Sqrt(sd / float64(len(s)-1))
}

func TestResourceDrainIsFarOutsideTheNorm(t *testing.T) {
	db := defaultPortfolio(t).DB()
	hours, tickets := perSeat(t, db)
	drain := Planted[StoryResourceDrain]
	for metric, m := range map[string]map[string]float64{"hours": hours, "tickets": tickets} {
		var others, all []float64
		for name, v := range m {
			all = append(all, v)
			if name != drain {
				others = append(others, v)
			}
		}
		median, _, _ := stats(others)
		if m[drain] < 5*median || m[drain] > 9*median {
			t.Errorf("%s per seat per month: drain %.2f, median of the others %.2f; want 5–8 times", metric, m[drain], median)
		}
		// Seed 002: the norm is mean ± 2 standard deviations; only the drain
		// falls outside it.
		_, mean, sd := stats(all)
		for name, v := range m {
			if outside := v > mean+2*sd; outside != (name == drain) {
				t.Errorf("%s per seat per month of %s: %.2f against mean+2sd %.2f", metric, name, v, mean+2*sd)
			}
		}
	}
}

func TestHealthyClientsLookHealthy(t *testing.T) {
	db := defaultPortfolio(t).DB()
	hours, tickets := perSeat(t, db)
	planted := map[string]bool{}
	for _, name := range Planted {
		planted[name] = true
	}
	var h, tk []float64
	for name, v := range hours {
		if !planted[name] {
			h = append(h, v)
			tk = append(tk, tickets[name])
		}
	}
	if len(h) < 40 {
		t.Fatalf("only %d healthy clients with history", len(h))
	}
	if median, _, _ := stats(h); median < 0.2 || median > 0.6 {
		t.Errorf("median hours per seat per month %.2f, want 0.2–0.6", median)
	}
	if median, _, _ := stats(tk); median < 0.2 || median > 0.6 {
		t.Errorf("median tickets per seat per month %.2f, want 0.2–0.6", median)
	}
	// A client's hours per seat month by month are right-skewed, as real
	// workloads are: the mean sits above the median and the busy tail
	// reaches further from it than the quiet one.
	monthly := healthyMonthlyHours(t, db, planted)
	sort.Float64s(monthly)
	median, mean, _ := stats(monthly)
	p10, p90 := monthly[len(monthly)/10], monthly[len(monthly)*9/10]
	if mean < 1.04*median || p90-median < 1.2*(median-p10) {
		t.Errorf("monthly hours per seat: 10th percentile %.3f, median %.3f, mean %.3f, 90th percentile %.3f; not right-skewed",
			p10, median, mean, p90)
	}
	args := []any{}
	in := ""
	for name := range planted {
		args = append(args, name)
		in += ",?"
	}
	healthy := " client_id NOT IN (SELECT id FROM clients WHERE name IN (" + in[1:] + "))"
	if ah := scalar[float64](t, db, "SELECT avg(after_hours) FROM tickets WHERE"+healthy, args...); ah < 0.02 || ah > 0.12 {
		t.Errorf("healthy after-hours share %.3f", ah)
	}
	if late := scalar[float64](t, db, `SELECT avg(julianday(paid_on) - julianday(due_on) > 7) FROM invoices
        WHERE paid_on IS NOT NULL AND`+healthy, args...); late > 0.1 {
		t.Errorf("%.0f%% of healthy invoices paid more than a week late", late*100)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM invoices WHERE balance_minor > 0 AND due_on < ? AND"+healthy,
		append([]any{store.Date(asOf.AddDate(0, 0, -15))}, args...)...); n > 0 {
		t.Errorf("%d healthy invoices more than 15 days overdue", n)
	}
	if bad := scalar[int](t, db, "SELECT count(*) FROM security_snapshots WHERE (mfa_pct < 90 OR patch_pct < 95 OR eol_devices > 2 OR backup_status IN ('failing', 'none')) AND"+healthy,
		args...); bad > 0 {
		t.Errorf("%d healthy security snapshots out of band", bad)
	}
	if n := scalar[int](t, db, `SELECT count(*) FROM (SELECT client_id FROM upgrade_recommendations
        WHERE decision = 'declined' AND`+healthy+" GROUP BY client_id HAVING count(*) > 1)", args...); n > 0 {
		t.Errorf("%d healthy clients declined more than one upgrade", n)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM incidents WHERE"+healthy, args...); n > 0 {
		t.Errorf("%d incidents on healthy clients", n)
	}
	var minSeats, maxSeats int
	db.QueryRow("SELECT min(seats), max(seats) FROM clients").Scan(&minSeats, &maxSeats)
	if minSeats < 5 || maxSeats > 250 {
		t.Errorf("seats %d–%d, want within 5–250", minSeats, maxSeats)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM clients WHERE mrr_minor < seats * 9000 AND name <> ? AND name <> ?",
		Planted[StoryUnprofitable], Planted[StoryReengaged]); n > 0 {
		t.Errorf("%d clients below 90 dollars a seat", n)
	}
}

// healthyMonthlyHours is hours per seat of every full month of every
// healthy client.
func healthyMonthlyHours(t *testing.T, db *sql.DB, planted map[string]bool) []float64 {
	t.Helper()
	rows, err := db.Query(`SELECT c.name, c.seats, sum(te.seconds) / 60 FROM time_entries te JOIN clients c ON c.id = te.client_id
        WHERE te.worked_on < ? GROUP BY c.id, substr(te.worked_on, 1, 7)`, store.Date(monthStart(asOf)))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []float64
	for rows.Next() {
		var name string
		var seats, minutes int
		rows.Scan(&name, &seats, &minutes)
		if !planted[name] {
			out = append(out, float64(minutes)/60/float64(seats))
		}
	}
	return out
}

func TestImprovedPlanShowsBeforeAndSince(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, RemediationImproved)
	var status, meeting, from, review string
	if err := db.QueryRow("SELECT status, meeting_at, baseline_from, review_on FROM remediation_plans WHERE client_id = ?", id).
		Scan(&status, &meeting, &from, &review); err != nil {
		t.Fatal(err)
	}
	before := scalar[float64](t, db, "SELECT avg(after_hours) FROM tickets WHERE client_id = ? AND opened_at >= ? AND opened_at < ?", id, from, meeting)
	since := scalar[float64](t, db, "SELECT avg(after_hours) FROM tickets WHERE client_id = ? AND opened_at >= ?", id, meeting)
	if before < 0.22 || since > before/2 {
		t.Errorf("after-hours share %.2f before the meeting, %.2f since; want a clear fall", before, since)
	}
	if status != "agreed" || review <= store.Date(asOf) {
		t.Errorf("plan %s with review %s; want agreed with the review upcoming", status, review)
	}
}

func TestOffboardedAndReengaged(t *testing.T) {
	db := defaultPortfolio(t).DB()
	id := clientID(t, db, Offboarded)
	if s := scalar[string](t, db, "SELECT status FROM clients WHERE id = ?", id); s != "offboarded" {
		t.Errorf("status %s", s)
	}
	if open := scalar[int](t, db, "SELECT count(*) FROM checklist_steps WHERE client_id = ? AND (done_on IS NULL OR signed_off_by = '')", id); open != 0 {
		t.Errorf("%d checklist steps open", open)
	}
	effective := scalar[string](t, db, "SELECT effective_on FROM terminations WHERE client_id = ?", id)
	if n := scalar[int](t, db, "SELECT count(*) FROM tickets WHERE client_id = ? AND opened_at >= ?", id, effective); n != 0 {
		t.Errorf("%d tickets after the effective date", n)
	}
	if n := scalar[int](t, db, "SELECT count(DISTINCT kind) FROM incidents WHERE client_id = ?", id); n < 2 {
		t.Errorf("offboarded client has %d kinds of incident; the post-mortem needs a history", n)
	}
	if s := scalar[string](t, db, "SELECT status FROM remediation_plans WHERE client_id = ?", id); s != "failed" {
		t.Errorf("plan %s, want failed", s)
	}
	id = clientID(t, db, Reengaged)
	if s := scalar[string](t, db, "SELECT status FROM clients WHERE id = ?", id); s != "re-engaged" {
		t.Errorf("status %s", s)
	}
	if n := scalar[int](t, db, "SELECT count(*) FROM decisions WHERE client_id = ? AND kind = 're-engagement'", id); n != 1 {
		t.Errorf("%d re-engagement decisions", n)
	}
}

func TestRollupMatchesRawRows(t *testing.T) {
	db := defaultPortfolio(t).DB()
	type key struct {
		client int64
		month  string
	}
	want := map[key][4]int64{}
	add := func(q string, col int) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k key
			var v int64
			rows.Scan(&k.client, &k.month, &v)
			w := want[k]
			w[col] = v
			want[k] = w
		}
	}
	add("SELECT client_id, substr(worked_on, 1, 7), sum(seconds) FROM time_entries GROUP BY 1, 2", 0)
	add("SELECT client_id, substr(opened_at, 1, 7), count(*) FROM tickets GROUP BY 1, 2", 1)
	add("SELECT client_id, substr(opened_at, 1, 7), sum(after_hours) FROM tickets GROUP BY 1, 2", 2)
	add("SELECT client_id, substr(issued_on, 1, 7), sum(amount_minor) FROM invoices GROUP BY 1, 2", 3)
	rows, err := db.Query("SELECT client_id, month, seconds, tickets, after_hours_tickets, invoiced_minor FROM client_months")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var k key
		var got [4]int64
		rows.Scan(&k.client, &k.month, &got[0], &got[1], &got[2], &got[3])
		if want[k] != got {
			t.Errorf("client %d %s: roll-up %v, raw rows %v", k.client, k.month, got, want[k])
		}
		n++
	}
	if n != len(want) {
		t.Errorf("%d roll-up rows for %d client-months with data", n, len(want))
	}
}

// BenchmarkGenerateLarge writes the benchmark portfolio of 2,000 clients
// over 36 months (about a million time entries).
func BenchmarkGenerateLarge(b *testing.B) {
	for b.Loop() {
		_, sum := generate(b, Options{Clients: 2000, Months: 36, Seed: 1})
		b.ReportMetric(float64(sum.TimeEntries), "time_entries")
	}
}

// TestRollupAsRebuilt checks the roll-up the generator sums as it writes
// against the one RebuildRollup computes from the raw rows.
func TestRollupAsRebuilt(t *testing.T) {
	s, _ := generate(t, Options{Seed: 3})
	kept := dump(t, s.DB())["client_months"]
	ctx := context.Background()
	if err := s.Tx(ctx, func(tx *sql.Tx) error { return store.RebuildRollup(ctx, tx, nil) }); err != nil {
		t.Fatal(err)
	}
	if rebuilt := dump(t, s.DB())["client_months"]; kept != rebuilt {
		t.Errorf("client_months as generated: %s; rebuilt from raw rows: %s", kept, rebuilt)
	}
}
