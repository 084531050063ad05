package casefile

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"offboard/importer"
	"offboard/store"
)

func exportAll(t *testing.T, s *Desk) map[importer.Kind]string {
	t.Helper()
	out := map[importer.Kind]string{}
	for _, k := range importer.Kinds() {
		var b bytes.Buffer
		if _, err := s.ExportKind(context.Background(), k, &b, 0); err != nil {
			t.Fatal(err)
		}
		out[k] = b.String()
	}
	return out
}

func rollup(t *testing.T, s *Desk) string {
	t.Helper()
	rows, err := s.Store.DB().Query(`SELECT c.name, m.month, m.seconds, m.billable_seconds, m.tickets, m.after_hours_tickets,
        m.urgent_tickets, m.oos_tickets, m.oos_seconds, m.us_tickets, m.us_seconds, m.oos_us_tickets, m.oos_us_seconds,
        m.invoiced_minor, m.invoices, m.invoices_paid, m.invoices_late,
        m.days_late_sum FROM client_months m JOIN clients c ON c.id = m.client_id ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	vals := make([]string, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(vals, "|") + "\n")
	}
	return b.String()
}

func TestExportRoundTrip(t *testing.T) {
	src := openImportDesk(t)
	importGeneric(t, src)
	if err := src.Store.SetSetting(context.Background(), store.SettingDemoSeed, "42"); err != nil {
		t.Fatal(err)
	}
	// Tickets without ids and time on them, to check minted keys keep the
	// link; its category makes it user support as well as out of scope.
	in := "client_id,opened,summary,out_of_scope,category\nC-002,2024-01-10T10:00:00Z,Move the printer,true,Printer\n"
	if _, err := src.Import(context.Background(), "t.csv", strings.NewReader(in), ImportOptions{Kind: importer.KindTickets}); err != nil {
		t.Fatal(err)
	}
	// Time kept to the second: with an id, and without one (0.011 h is
	// 40 s), so the minted key and the seconds both survive.
	for _, in := range []string{"external_id,client_id,date,hours,notes\nS-1,C-001,2024-01-12,0:00:40,Alert acknowledged\nS-2,C-002,2024-01-12,1:02:03,\n",
		"client_id,date,hours\nC-001,2024-01-13,0.011\n"} {
		if _, err := src.Import(context.Background(), "s.csv", strings.NewReader(in), ImportOptions{Kind: importer.KindTime}); err != nil {
			t.Fatal(err)
		}
	}
	first := exportAll(t, src)
	wantTickets := "external_id,client_id,client,opened,closed,priority,status,summary,after_hours,out_of_scope,category\n" +
		"T-1,C-001,\"Acme Dental, Inc.\",2024-01-05T18:42:10-05:00,2024-01-06T14:00:00Z,high,closed,Email not syncing,true,false,Email\n"
	if !strings.HasPrefix(first[importer.KindTickets], wantTickets) {
		t.Errorf("tickets export:\n%s\nwant it to start:\n%s", first[importer.KindTickets], wantTickets)
	}
	for _, row := range []string{"S-1,C-001,\"Acme Dental, Inc.\",,2024-01-12,0:00:40,true,,Alert acknowledged\n",
		"S-2,C-002,Baker & Sons Ltd,,2024-01-12,1:02:03,true,,\n", ",C-001,\"Acme Dental, Inc.\",,2024-01-13,0:00:40,true,,\n",
		"E-1,C-001,\"Acme Dental, Inc.\",T-1,2024-01-05,90,true,"} {
		if !strings.Contains(first[importer.KindTime], row) {
			t.Errorf("time export:\n%s\nwant a row %q", first[importer.KindTime], row)
		}
	}
	if strings.Contains(first[importer.KindSettings], "demo.") || !strings.Contains(first[importer.KindSettings], "labour.cost_per_hour,7200\n") {
		t.Errorf("settings export:\n%s", first[importer.KindSettings])
	}
	if !strings.Contains(first[importer.KindInvoices], "INV-1,C-001,\"Acme Dental, Inc.\",2024-01-01,2024-01-31,2024-02-14,2160.00,0.00,USD,paid\n") {
		t.Errorf("invoices export:\n%s", first[importer.KindInvoices])
	}

	dst := openImportDesk(t)
	for _, k := range importer.Kinds() {
		res, err := dst.Import(context.Background(), string(k)+".csv", strings.NewReader(first[k]), ImportOptions{Kind: k})
		if err != nil {
			t.Fatalf("re-import %s: %v", k, err)
		}
		if res.Preset != "offboard-"+string(k) {
			t.Errorf("%s recognised as %s", k, res.Preset)
		}
	}
	noOrphans(t, dst)
	second := exportAll(t, dst)
	for _, k := range importer.Kinds() {
		if first[k] != second[k] {
			t.Errorf("%s differs after a round trip:\n%s\nthen:\n%s", k, first[k], second[k])
		}
	}
	if a, b := rollup(t, src), rollup(t, dst); a != b {
		t.Errorf("roll-up differs after a round trip:\n%s\nthen:\n%s", a, b)
	}
	// Importing the export into the database it came from changes nothing.
	for _, k := range importer.Kinds() {
		res, err := src.Import(context.Background(), string(k)+".csv", strings.NewReader(first[k]), ImportOptions{Kind: k})
		if err != nil {
			t.Fatal(err)
		}
		if res.New != 0 || res.Updated != 0 {
			t.Errorf("%s: re-import into the source: %d new, %d updated", k, res.New, res.Updated)
		}
	}
}
