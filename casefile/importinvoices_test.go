package casefile

import (
	"fmt"
	"strings"
	"testing"

	"offboard/importer"
)

// storedInvoice is an invoice as lateness reads it.
type storedInvoice struct {
	due, paid, status string
	balance           int64
}

func storedInvoices(t *testing.T, s *Desk) map[string]storedInvoice {
	t.Helper()
	rows, err := s.Store.DB().Query(`SELECT number, due_on, coalesce(paid_on, ''), status, balance_minor FROM invoices`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]storedInvoice{}
	for rows.Next() {
		var n string
		var v storedInvoice
		if err := rows.Scan(&n, &v.due, &v.paid, &v.status, &v.balance); err != nil {
			t.Fatal(err)
		}
		out[n] = v
	}
	return out
}

// TestInvoiceSemantics checks the whole rule: the due date comes from the
// export's due date, else its terms (days, on receipt, end of month), else
// the client's default terms, else the day of issue; drafts and voids owe
// nothing and are never late; a balance the export did not state is the
// amount less the payments; and invoices and payments imported in either
// order come to the same balances and days late.
func TestInvoiceSemantics(t *testing.T) {
	want := map[string]storedInvoice{
		"A1": {due: "2024-01-25", paid: "2024-02-05", status: "Sent", balance: 0}, // the client's Net 15; paid 11 days late
		"A2": {due: "2024-02-01", status: "Sent", balance: 40000},                 // the due date beats the terms
		"A3": {due: "2024-01-31", status: "Sent", balance: 25000},                 // EOM
		"A4": {due: "2024-01-10", status: "draft", balance: 0},                    // a draft owes nothing
		"A5": {due: "2024-01-10", status: "void", balance: 0},                     // a payment never marks a void paid
		"G1": {due: "2024-01-10", status: "Open", balance: 12000},                 // no terms anywhere: due on issue
		"G2": {due: "2024-02-11", status: "Partially paid", balance: 30000},       // Net 30, 200.00 of 500.00 paid
		"G3": {due: "2024-02-01", paid: "2024-02-20", status: "Paid", balance: 0}, // paid 19 days late, dated by its payment
		"G4": {due: "2024-04-10", status: "Sent", balance: 8000},                  // Net 10 EOM
		"G5": {due: "2024-03-15", status: "Sent", balance: 6000},                  // terms not understood
	}
	orders := map[string][]importer.Kind{
		"invoices then payments": {importer.KindInvoices, importer.KindPayments},
		"payments then invoices": {importer.KindPayments, importer.KindInvoices},
	}
	got := map[string]map[string]storedInvoice{}
	late := map[string]string{}
	for name, kinds := range orders {
		s := openImportDesk(t)
		mustImport(t, s, importer.KindClients, "terms/clients.csv", ImportOptions{})
		var notes []string
		for _, k := range kinds {
			res := mustImport(t, s, k, "terms/"+string(k)+".csv", ImportOptions{})
			notes = append(notes, res.Notes...)
		}
		got[name] = storedInvoices(t, s)
		for n, w := range want {
			if g := got[name][n]; g != w {
				t.Errorf("%s: invoice %s = %+v, want %+v", name, n, g, w)
			}
		}
		// The roll-up leaves drafts and voids out: three invoices for Acme
		// Dental, one paid 11 days late; five for Globex, one 19 days late.
		late[name] = importQueryString(t, s, `SELECT group_concat(v, ' ') FROM (SELECT c.name || ':' || sum(m.invoices) || '/' ||
            sum(m.invoices_paid) || '/' || sum(m.days_late_sum) AS v FROM client_months m JOIN clients c ON c.id = m.client_id
            GROUP BY c.name ORDER BY c.name)`)
		eq := strings.Contains(strings.Join(notes, "\n"), `payment terms not understood, so those invoices fall due on the client's default terms, else on the day of issue: "2% 10 days" (1)`)
		if !eq {
			t.Errorf("%s: notes %q should name the terms not understood", name, notes)
		}
	}
	for name, l := range late {
		if l != "Acme Dental:3/1/11 Globex:5/1/19" {
			t.Errorf("%s: roll-up %s", name, l)
		}
	}
	if fmt.Sprint(got["invoices then payments"]) != fmt.Sprint(got["payments then invoices"]) {
		t.Errorf("the two orders differ:\n%v\n%v", got["invoices then payments"], got["payments then invoices"])
	}
}
