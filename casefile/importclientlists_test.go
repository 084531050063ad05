package casefile

import (
	"context"
	"strings"
	"testing"

	"offboard/importer"
)

// TestClientListsKeepPhoneAndSeats imports tools' client lists and checks
// that phone, address and seats reach the database, and that a list without
// a phone keeps the one already stored.
func TestClientListsKeepPhoneAndSeats(t *testing.T) {
	d := openImportDesk(t)
	mustImport(t, d, importer.KindClients, "halopsa/clients.csv", ImportOptions{})
	mustImport(t, d, importer.KindClients, "kaseya-bms/accounts.csv", ImportOptions{})
	got := importQueryString(t, d, `SELECT group_concat(name || '|' || phone || '|' || address || '|' || seats, '; ')
        FROM (SELECT * FROM clients ORDER BY name)`)
	want := "Fabrikam Inc.|(555) 014-8000|9 Industrial Pkwy, Orlando|120; " +
		"Fourth Coffee|+44 161 496 0000|8 Deansgate, Manchester M3 2EN|9; " +
		"Northwind Traders|+44 20 7946 0991|1 Market St, London EC1A 1BB|42; " +
		"Wingtip Toys|(555) 014-7000|22 Harbour Blvd, Tampa|35"
	if got != want {
		t.Errorf("clients:\n%s\nwant:\n%s", got, want)
	}
	// Freshdesk's companies have no phone and no contact: a company's first
	// domain becomes its contact address, and the phone stored before stays.
	phone := "name,contact_phone\nTailspin Toys,(425) 555-0123\n"
	if _, err := d.Import(context.Background(), "phones.csv", strings.NewReader(phone), ImportOptions{Kind: importer.KindClients}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, d, importer.KindClients, "freshdesk/companies.csv", ImportOptions{})
	got = importQueryString(t, d, `SELECT group_concat(name || '|' || phone || '|' || contact_email, '; ')
        FROM (SELECT * FROM clients WHERE external_id IS NULL ORDER BY name)`)
	if want := "Fabrikam Inc.||@fabrikam.example; Tailspin Toys|(425) 555-0123|"; got != want {
		t.Errorf("after the Freshdesk list:\n%s\nwant:\n%s", got, want)
	}
}
