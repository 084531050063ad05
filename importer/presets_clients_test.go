package importer

import "testing"

// clientWant is what a client list's row must give; seats 0 is a list
// without them.
type clientWant struct {
	id, name, contact, email, phone, address string
	seats                                    int
}

func checkClients(want ...clientWant) func(t *testing.T, recs []Record) {
	return func(t *testing.T, recs []Record) {
		t.Helper()
		for i, w := range want {
			c := recs[i].(ClientRecord)
			eq(t, "external id", c.ExternalID, w.id)
			eq(t, "name", c.Name, w.name)
			eq(t, "contact", c.ContactName, w.contact)
			eq(t, "email", c.ContactEmail, w.email)
			eq(t, "phone", c.ContactPhone, w.phone)
			eq(t, "address", c.Address, w.address)
			eq(t, "seats", c.Seats, w.seats)
		}
	}
}

// TestClientListPresets imports every tool's client list and checks each
// row's name, contact, phone, address and seats against the fixture, read
// by hand: city, region, postal code and country join the street.
func TestClientListPresets(t *testing.T) {
	runPresetCases(t, []presetCase{
		{"quickbooks/customer-contact-list.csv", KindClients, "quickbooks-customers", Options{}, 2, checkClients(
			clientWant{name: "Harbor Family Dental", contact: "Dr. Maria Lopez", email: "office@harbordental.example",
				phone: "Phone: (978) 555-0142", address: "12 Harbor Rd, Salem, MA 01970"},
			clientWant{name: "Baker & Sons Ltd", contact: "Tom Baker", email: "tom@bakersons.example",
				phone: "Mobile: 07700 900123", address: "4 Mill Lane, Leeds LS1 4AP"})},
		{"xero/contacts.csv", KindClients, "xero-contacts", Options{}, 2, checkClients(
			clientWant{id: "KIWI01", name: "Kiwi Accounting Ltd", contact: "Aroha Ngata", email: "accounts@kiwiacc.example",
				phone: "04 555 0199", address: "PO Box 4521, Wellington, Wellington, 6140, New Zealand"},
			clientWant{id: "TASM02", name: "Tasman Freight", contact: "Ben Carter", phone: "09 555 0123",
				address: "88 Quay St, Auckland, Auckland, 1010, New Zealand"})},
		{"freshbooks/clients.csv", KindClients, "freshbooks-clients", Options{}, 2, checkClients(
			clientWant{name: "Maple Leaf Law", contact: "Chloe Tremblay", email: "chloe@mapleleaflaw.example",
				phone: "416-555-0175", address: "100 King St W, Toronto, Ontario, M5X 1A9, Canada"},
			clientWant{name: "Prairie Vets", contact: "Sam Olsen", email: "sam@prairievets.example",
				phone: "306-555-0190", address: "22 Main St, Regina, Saskatchewan, S4P 3Y2, Canada"})},
		{"zoho/contacts.csv", KindClients, "zoho-customers", Options{}, 2, func(t *testing.T, recs []Record) {
			checkClients(
				clientWant{id: "460000000026049", name: "Sunrise Clinics", email: "it@sunrise.example",
					phone: "+91 80 5550 1234", address: "14 MG Road, Bengaluru, Karnataka, 560001, India"},
				clientWant{id: "460000000026051", name: "Lakeview Hotel", email: "frontdesk@lakeview.example",
					phone: "+1 312 555 0110", address: "500 N Lake Shore Dr, Chicago, IL, 60611, U.S.A"})(t, recs)
			a := recs[0].(ClientRecord)
			eq(t, "terms", a.PaymentTerms, "Net 15")
			eq(t, "currency", a.Currency, "INR")
		}},
		{"wave/customers.csv", KindClients, "wave-customers", Options{}, 2, checkClients(
			clientWant{name: "Orchard Bakery", contact: "Priya Shah", email: "hello@orchardbakery.example",
				phone: "555-0147", address: "9 Orchard Way, Portland, Oregon, 97205, United States"},
			clientWant{name: "Copper Kettle Cafe", contact: "Liam Byrne", address: "Dublin, Ireland"})},
		{"invoice2go/clients.csv", KindClients, "invoice2go-clients", Options{}, 2, checkClients(
			clientWant{name: "Summit Roofing", email: "office@summitroofing.example", phone: "(303) 555-0161",
				address: "77 Alpine Rd, Boulder, CO 80302"},
			clientWant{name: "Bayside Pools", address: "3 Esplanade, Cairns QLD 4870"})},
		{"halopsa/clients.csv", KindClients, "halopsa-clients", Options{}, 2, checkClients(
			clientWant{id: "12", name: "Northwind Traders", email: "it@northwind.example", phone: "+44 20 7946 0991",
				address: "1 Market St, London EC1A 1BB", seats: 42},
			clientWant{id: "15", name: "Fourth Coffee", phone: "+44 161 496 0000", address: "8 Deansgate, Manchester M3 2EN", seats: 9})},
		{"syncro/customers.csv", KindClients, "syncro-customers", Options{}, 2, checkClients(
			clientWant{id: "3301", name: "Lakeside Orthodontics", contact: "Jill Park", email: "jill@lakesideortho.example",
				phone: "(612) 555-0188", address: "450 Lake St, Minneapolis, MN, 55408"},
			clientWant{id: "3302", name: "Cedar Hardware", contact: "Omar Haddad", email: "omar@cedarhw.example",
				address: "12 Cedar Ave, St Paul, MN, 55101"})},
		{"autotask/companies.csv", KindClients, "autotask-companies", Options{}, 2, checkClients(
			clientWant{id: "29683501", name: "Contoso Legal", phone: "(206) 555-0100",
				address: "1 Microsoft Way, Redmond, WA, 98052, United States"},
			clientWant{id: "29683502", name: "Tailspin Toys", phone: "(425) 555-0123",
				address: "500 Pike St, Seattle, WA, 98101, United States"})},
		{"connectwise/companies.csv", KindClients, "connectwise-companies", Options{}, 2, checkClients(
			clientWant{id: "ACME01", name: "Acme Dental", contact: "Dr. Ann Reed", email: "ann@acmedental.example",
				phone: "(555) 010-2000", address: "1 Main St, Springfield, IL, 62701"},
			clientWant{id: "BAKER01", name: "Baker & Sons Ltd", contact: "Tom Baker", email: "tom@bakersons.example",
				phone: "(555) 010-3000", address: "4 Mill Ln, Peoria, IL, 61602"})},
		{"kaseya-bms/accounts.csv", KindClients, "kaseya-bms-accounts", Options{}, 2, checkClients(
			clientWant{id: "WTT", name: "Wingtip Toys", email: "it@wingtiptoys.example", phone: "(555) 014-7000",
				address: "22 Harbour Blvd, Tampa", seats: 35},
			clientWant{id: "FAB", name: "Fabrikam Inc.", phone: "(555) 014-8000", address: "9 Industrial Pkwy, Orlando", seats: 120})},
		{"itflow/Clients-2024-03-01.csv", KindClients, "itflow-clients", Options{}, 2, func(t *testing.T, recs []Record) {
			checkClients(
				clientWant{name: "Acme Dental", contact: "Ann Reed", email: "ann@acmedental.example", phone: "5550102001",
					address: "1 Main St, Springfield, IL, 62701, United States"},
				// The contact's phone is blank; the preset reads the
				// contact's number, not the location's.
				clientWant{name: "Baker & Sons Ltd", contact: "Tom Baker", email: "tom@bakersons.example",
					address: "4 Mill Ln, Peoria, IL, 61602, United States"})(t, recs)
			eq(t, "terms", recs[1].(ClientRecord).PaymentTerms, "15")
		}},
		{"invoiceninja/clients.csv", KindClients, "invoiceninja-clients", Options{}, 2, checkClients(
			clientWant{name: "Acme Dental", contact: "Ann Reed", email: "ann@acmedental.example", phone: "555-010-2001",
				address: "1 Main St, Springfield, IL, 62701, United States"},
			clientWant{name: "Baker & Sons Ltd", contact: "Tom Baker", email: "tom@bakersons.example",
				address: "4 Mill Ln, Peoria, IL, 61602, United States"})},
		{"invoicely/clients.csv", KindClients, "invoicely-clients", Options{}, 2, checkClients(
			clientWant{name: "Greenleaf Florists", contact: "Ivy Chen", email: "ivy@greenleaf.example", phone: "555-0133",
				address: "18 Garden Row, Austin, TX, 78701, United States"},
			clientWant{name: "Bluebird Studio", email: "hello@bluebird.example", address: "United Kingdom"})},
		{"freshdesk/companies.csv", KindClients, "freshdesk-companies", Options{}, 2, checkClients(
			clientWant{name: "Fabrikam Inc.", email: "@fabrikam.example"},
			clientWant{name: "Tailspin Toys"})},
	})
}
