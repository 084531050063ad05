package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"offboard/importer"
	"offboard/store"
)

// rollupOf lists client_months row by row, as text.
func rollupOf(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT client_id, month, seconds, billable_seconds, tickets, after_hours_tickets,
        urgent_tickets, oos_tickets, oos_seconds, us_tickets, us_seconds, oos_us_tickets, oos_us_seconds, invoiced_minor, invoices, invoices_paid, invoices_late, days_late_sum,
        paid_on_time, late_1_7, late_8_15, late_16_30, late_over_30 FROM client_months ORDER BY client_id, month`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var month string
		v := make([]int64, 22)
		dest := []any{&v[0], &month}
		for i := 1; i < len(v); i++ {
			dest = append(dest, &v[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprint(month, v))
	}
	return out, rows.Err()
}

// checkRollupExact compares the roll-up the imports kept with the one
// RebuildRollup computes from every raw row, in a transaction it rolls back.
func checkRollupExact(t *testing.T, s *Desk, step string) {
	t.Helper()
	ctx := context.Background()
	kept, err := rollupOf(ctx, s.Store.DB())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.Store.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := store.RebuildRollup(ctx, tx, nil); err != nil {
		t.Fatal(err)
	}
	rebuilt, err := rollupOf(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rebuilt) == 0 {
		t.Fatalf("%s: empty roll-up", step)
	}
	if !slices.Equal(kept, rebuilt) {
		t.Errorf("%s: the roll-up kept by the imports differs from the one rebuilt from raw rows\nkept:    %v\nrebuilt: %v", step, kept, rebuilt)
	}
}

// manyTimeEntries is a time file longer than a batch, over more client
// months than one statement adds to the roll-up, with two identical rows
// without an id.
func manyTimeEntries() string {
	var b strings.Builder
	b.WriteString("external_id,client_id,client,ticket,date,minutes,billable,technician,notes\n")
	for i := 0; i < 250; i++ {
		client, ticket := "C-001", ""
		if i%3 == 0 {
			client, ticket = "C-002", "T-2"
		}
		fmt.Fprintf(&b, "E-%d,%s,,%s,%d-%02d-%02d,%d,%t,Anna Lee,\n", 100+i, client, ticket, 2012+i%12, 1+(i/12)%12, 1+i%28, 15*(1+i%5), i%4 != 0)
	}
	b.WriteString(",C-001,,,2024-02-02,30,true,Chris Park,twin\n")
	b.WriteString(",C-001,,,2024-02-02,30,true,Chris Park,twin\n")
	return b.String()
}

// movedTimeEntries adds a third client's entries across batches while
// entries of the first two move between clients and months: one twice in
// the same batch, one in a later batch; and a new key comes twice in one
// batch.
func movedTimeEntries() string {
	var b strings.Builder
	b.WriteString("external_id,client_id,client,ticket,date,minutes,billable,technician,notes\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, "E-%d,C-003,,,2024-%02d-01,%d,%t,Ben Ode,\n", 500+i, 1+i%12, 5*i, i%2 == 0)
		switch i {
		case 3:
			b.WriteString("E-101,C-002,,,2024-03-03,200,true,Ben Ode,first move\n")
		case 5:
			b.WriteString("E-101,C-001,,,2024-04-04,100,false,Ben Ode,second move\n")
		case 7:
			b.WriteString("E-900,C-003,,,2024-05-05,20,true,Ben Ode,new\n")
		case 8:
			b.WriteString("E-900,C-003,,,2024-06-06,25,true,Ben Ode,new again\n")
		}
	}
	b.WriteString("E-120,C-002,,,2022-12-31,10,false,Ben Ode,later batch\n")
	b.WriteString("E-1,C-002,,,2023-06-10,45,false,Ben Ode,moved\n")
	return b.String()
}

func TestImportKeepsRollupExact(t *testing.T) {
	s := openImportDesk(t)
	ctx := context.Background()
	for _, k := range []importer.Kind{importer.KindClients, importer.KindTickets, importer.KindTime, importer.KindInvoices, importer.KindPayments} {
		mustImport(t, s, k, "offboard/"+string(k)+".csv", ImportOptions{})
	}
	checkRollupExact(t, s, "first import")
	if _, err := s.Import(ctx, "many.csv", strings.NewReader(manyTimeEntries()), ImportOptions{Kind: importer.KindTime}); err != nil {
		t.Fatal(err)
	}
	// The store adds to 100 client months a statement.
	if n := importRowCount(t, s, "SELECT count(*) FROM client_months"); n <= 100 {
		t.Fatalf("%d client months; the test needs more than a batch", n)
	}
	checkRollupExact(t, s, "many time entries")
	steps := []struct {
		name string
		kind importer.Kind
		file string
		// want is new, updated, unchanged.
		want [3]int
	}{
		{"a third client", importer.KindClients, "external_id,name\nC-003,Carver Labs\n", [3]int{1, 0, 0}},
		{"entries move", importer.KindTime, movedTimeEntries(), [3]int{151, 5, 0}},
		{"the same again", importer.KindTime, movedTimeEntries(), [3]int{0, 4, 152}},
		{"a ticket turns out of scope", importer.KindTickets,
			"external_id,client_id,opened,priority,status,summary,after_hours,out_of_scope\n" +
				"T-2,C-002,2024-01-08T09:15:00-05:00,urgent,open,New starter account,false,true\n" +
				"T-3,C-001,2024-02-29T23:00:00Z,urgent,open,Server down,true,true\n",
			[3]int{1, 1, 0}},
		{"time on an out-of-scope ticket", importer.KindTime,
			"external_id,client_id,ticket,date,minutes\nE-700,C-001,T-3,2024-03-01,60\n", [3]int{1, 0, 0}},
		{"a ticket is filed as user support", importer.KindTickets,
			"external_id,client_id,opened,priority,status,summary,after_hours,out_of_scope,category\n" +
				"T-3,C-001,2024-02-29T23:00:00Z,urgent,open,Server down,true,true,Password reset\n" +
				"T-4,C-001,2024-03-02T15:00:00Z,normal,open,Teams how-to,false,false,How to\n",
			[3]int{1, 1, 0}},
		{"time on a user-support ticket", importer.KindTime,
			"external_id,client_id,ticket,date,minutes\nE-701,C-001,T-4,2024-03-02,45\n", [3]int{1, 0, 0}},
		{"invoices arrive", importer.KindInvoices,
			"number,client_id,issued,due,paid_date,amount,currency,status\n" +
				"INV-3,C-002,2024-03-01,2024-03-31,2024-05-10,100.00,USD,paid\n" +
				"INV-4,C-002,2024-03-15,2024-04-14,2024-04-22,250.00,USD,paid\n" +
				"INV-5,C-002,2024-04-01,2024-05-01,,99.00,USD,open\n" +
				// Paid 15, 7, 30, 0, -11 and 31 days after the due date: the
				// edges of the lateness bands.
				"INV-6,C-003,2024-04-01,2024-05-01,2024-05-16,10.00,USD,paid\n" +
				"INV-7,C-003,2024-04-01,2024-05-01,2024-05-08,10.00,USD,paid\n" +
				"INV-8,C-003,2024-04-01,2024-05-01,2024-05-31,10.00,USD,paid\n" +
				"INV-9,C-003,2024-04-01,2024-05-01,2024-05-01,10.00,USD,paid\n" +
				"INV-10,C-003,2024-04-01,2024-05-01,2024-04-20,10.00,USD,paid\n" +
				"INV-11,C-003,2024-04-01,2024-05-01,2024-06-01,10.00,USD,paid\n",
			[3]int{9, 0, 0}},
		{"an invoice moves and is paid late", importer.KindInvoices,
			"number,client_id,issued,due,paid_date,amount,currency,status\n" +
				"INV-2,C-001,2024-01-01,2024-01-31,2024-02-20,3400.00,USD,paid\n",
			[3]int{0, 1, 0}},
		{"a payment settles an invoice", importer.KindPayments,
			"external_id,client_id,invoice,date,amount,currency\nP-2,C-002,INV-5,2024-05-09,99.00,USD\n",
			[3]int{1, 0, 0}},
	}
	for _, st := range steps {
		// A reader that cannot seek is read row by row even when the file
		// was imported before unchanged: these steps check the rows.
		res, err := s.Import(ctx, st.name+".csv", io.MultiReader(strings.NewReader(st.file)), ImportOptions{Kind: st.kind})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := [3]int{res.New, res.Updated, res.Unchanged}; got != st.want {
			t.Errorf("%s: new, updated, unchanged = %v, want %v", st.name, got, st.want)
		}
		checkRollupExact(t, s, st.name)
	}
	// By hand: in March 2024 C-001 has T-4's 45 minutes of user support
	// and T-3's 60 minutes that are out of scope and user support both.
	if got := importRowCount(t, s, "SELECT (us_seconds * 1000 + oos_us_seconds) / 60 FROM client_months m JOIN clients c ON c.id = m.client_id WHERE c.external_id = 'C-001' AND month = '2024-03'"); got != (45+60)*1000+60 {
		t.Errorf("C-001 March 2024 user-support, both minutes = %d, want %d", got, (45+60)*1000+60)
	}
	// By hand: E-120 (C-001, 2020-02-21, 15 minutes) moved to C-002 in
	// December 2022 with 10 minutes, the only entry there.
	if got := importRowCount(t, s, "SELECT seconds FROM client_months m JOIN clients c ON c.id = m.client_id WHERE c.external_id = 'C-002' AND month = '2022-12'"); got != 600 {
		t.Errorf("C-002 December 2022 seconds = %d, want 600", got)
	}
}

// timeFile is a time file of n rows for clients the database may lack,
// with a bad date on line bad (none if 0).
func timeFile(n, bad int) string {
	var b strings.Builder
	b.WriteString("external_id,client,date,minutes\n")
	for i := 0; i < n; i++ {
		date := fmt.Sprintf("2024-%02d-10", 1+i%12)
		if i+2 == bad {
			date = "2024-02-31"
		}
		fmt.Fprintf(&b, "E-%d,New Client %d,%s,%d\n", i, i%3, date, 15+i%4)
	}
	return b.String()
}

func TestTimeImportBatchesAllOrNothing(t *testing.T) {
	s := openImportDesk(t)
	ctx := context.Background()
	_, err := s.Import(ctx, "bad.csv", strings.NewReader(timeFile(350, 260)), ImportOptions{Kind: importer.KindTime, CreateClients: true})
	var failed *ImportFailedError
	if !errors.As(err, &failed) || !strings.Contains(err.Error(), "bad.csv:260") {
		t.Fatalf("err = %v, want an ImportFailedError naming line 260", err)
	}
	for _, table := range []string{"time_entries", "clients", "client_months", "imports"} {
		if n := importRowCount(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}
	res, err := s.Import(ctx, "bad.csv", strings.NewReader(timeFile(350, 260)), ImportOptions{Kind: importer.KindTime, CreateClients: true, SkipBad: true})
	if err != nil || res.New != 349 || res.Rejected != 1 || len(res.CreatedClients) != 3 {
		t.Fatalf("skip bad: new %d rejected %d clients %v: %v", res.New, res.Rejected, res.CreatedClients, err)
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM time_entries"); n != 349 {
		t.Errorf("%d time entries, want 349", n)
	}
	noOrphans(t, s)
	checkRollupExact(t, s, "clients created while batches are written")
}

// TestTimeLinksTicketsAcrossLookups imports more time entries than one
// ticket lookup takes, naming each ticket several times and far apart, and
// checks every entry is linked to its own ticket.
func TestTimeLinksTicketsAcrossLookups(t *testing.T) {
	s := openImportDesk(t)
	ctx := context.Background()
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	const tickets, entries = 700, 2100
	var tb, eb strings.Builder
	tb.WriteString("external_id,client_id,opened,summary\n")
	for i := 0; i < tickets; i++ {
		fmt.Fprintf(&tb, "T-%d,C-00%d,2024-01-10T10:00:00Z,Ticket %d\n", i, 1+i%2, i)
	}
	eb.WriteString("external_id,client_id,ticket,date,minutes\n")
	for i := 0; i < entries; i++ {
		fmt.Fprintf(&eb, "E-%d,C-00%d,T-%d,2024-01-11,15\n", i, 1+i%tickets%2, i%tickets)
	}
	for _, f := range []struct {
		kind importer.Kind
		body string
	}{{importer.KindTickets, tb.String()}, {importer.KindTime, eb.String()}} {
		if _, err := s.Import(ctx, string(f.kind)+".csv", strings.NewReader(f.body), ImportOptions{Kind: f.kind}); err != nil {
			t.Fatal(err)
		}
	}
	if n := importRowCount(t, s, `SELECT count(*) FROM time_entries e JOIN tickets t ON t.id = e.ticket_id
        WHERE t.external_id = e.ticket_ref AND t.client_id = e.client_id`); n != entries {
		t.Errorf("%d of %d time entries linked to their ticket", n, entries)
	}
}

// manyTickets is a ticket file longer than two batches: numbered tickets
// over three clients and many months, with every fifth row a ticket
// without a number (keyed by content), a number repeated in the same
// batch with another status, and two identical rows without a number.
func manyTickets(status string) string {
	var b strings.Builder
	b.WriteString("external_id,client_id,opened,priority,status,summary,out_of_scope,category\n")
	for i := 0; i < 240; i++ {
		id := fmt.Sprintf("T-%d", i)
		if i%5 == 4 {
			id = ""
		}
		fmt.Fprintf(&b, "%s,C-00%d,%d-%02d-%02dT%02d:30:00Z,%s,%s,Ticket %d,%t,%s\n", id, 1+i%2, 2022+i%3, 1+i%12, 1+i%28,
			6+i%14, []string{"low", "normal", "high", "urgent"}[i%4], status, i, i%7 == 0, []string{"", "Password reset", "Server"}[i%3])
	}
	b.WriteString("T-3,C-002,2024-06-01T10:00:00Z,urgent,reopened,Ticket 3 again,true,Server\n")
	b.WriteString(",C-001,2024-02-02T10:00:00Z,normal,open,twin,false,\n")
	b.WriteString(",C-001,2024-02-02T10:00:00Z,normal,open,twin,false,\n")
	return b.String()
}

func TestTicketImportBatches(t *testing.T) {
	s := openImportDesk(t)
	ctx := context.Background()
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	// io.MultiReader: every step is read row by row.
	imp := func(body string, opt ImportOptions) (*ImportResult, error) {
		opt.Kind = importer.KindTickets
		return s.Import(ctx, "tickets.csv", io.MultiReader(strings.NewReader(body)), opt)
	}
	// Line 160, in the second batch, opens on a day that does not exist.
	lines := strings.Split(manyTickets("open"), "\n")
	fields := strings.Split(lines[159], ",")
	fields[2] = "2023-02-30T08:30:00Z"
	lines[159] = strings.Join(fields, ",")
	if _, err := imp(strings.Join(lines, "\n"), ImportOptions{}); err == nil || !strings.Contains(err.Error(), "tickets.csv:160") {
		t.Fatalf("a bad date: err = %v, want the file and line named", err)
	}
	if n := importRowCount(t, s, "SELECT count(*) FROM tickets"); n != 0 {
		t.Fatalf("%d tickets after a failed import, want 0", n)
	}
	steps := []struct {
		name, body string
		// want is new, updated, unchanged.
		want [3]int
	}{
		// 240 rows and the twins, which are two tickets (the content key
		// counts a row's repeats); the repeat of T-3 updates it.
		{"first", manyTickets("open"), [3]int{242, 1, 0}},
		// T-3 is written twice more, as in the file; the twin is unchanged.
		{"again", manyTickets("open"), [3]int{0, 2, 241}},
		// Every ticket closes, those keyed by content too (the status is
		// not part of the key), and T-3 twice; the twins stay open.
		{"closed", manyTickets("closed"), [3]int{0, 241, 2}},
	}
	for _, st := range steps {
		res, err := imp(st.body, ImportOptions{})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := [3]int{res.New, res.Updated, res.Unchanged}; got != st.want {
			t.Errorf("%s: new, updated, unchanged = %v, want %v", st.name, got, st.want)
		}
		checkRollupExact(t, s, st.name)
	}
	// By hand: T-3 last came as the repeat, and T-7 (C-002) closed with
	// its category from the file, "Password reset", which is user support.
	for query, want := range map[string]string{
		"SELECT status || ' ' || priority || ' ' || out_of_scope || ' ' || category FROM tickets WHERE external_id = 'T-3'": "reopened urgent 1 Server",
		"SELECT status || ' ' || category || ' ' || user_support FROM tickets WHERE external_id = 'T-7'":                    "closed Password reset 1",
		"SELECT count(*) FROM tickets": "242",
	} {
		if got := importQueryString(t, s, query); got != want {
			t.Errorf("%s = %q, want %q", query, got, want)
		}
	}
	// A file without scope or category keeps them.
	res, err := imp("external_id,client_id,opened,priority,status,summary\nT-3,C-002,2024-06-01T10:00:00Z,urgent,reopened,Ticket 3 again\n", ImportOptions{})
	if err != nil || res.Unchanged != 1 {
		t.Fatalf("silent on scope: %+v, %v; want unchanged", res, err)
	}
	noOrphans(t, s)
}
