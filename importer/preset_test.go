package importer

import (
	"offboard/money"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixture is the path of a file under the repository's testdata/import.
func fixture(rel string) string { return filepath.Join("..", "testdata", "import", rel) }

func parseFixture(t *testing.T, rel string, opt Options) ([]Record, *Summary) {
	t.Helper()
	f, err := os.Open(fixture(rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, sum, err := ParseAll(filepath.Base(rel), f, opt)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return recs, sum
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04:05", s)
	if err != nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

func TestPresetFixtures(t *testing.T) {
	tests := []presetCase{
		{"itflow/Acme Dental-Tickets-2024-03-01.csv", KindTickets, "itflow-tickets", Options{}, 3, func(t *testing.T, recs []Record) {
			a, b, c := recs[0].(TicketRecord), recs[1].(TicketRecord), recs[2].(TicketRecord)
			eq(t, "client from file name", a.Client, ClientRef{Name: "Acme Dental"})
			eq(t, "key", a.Key(), "TCK-101")
			eqTime(t, "opened", a.Opened, day("2024-01-05 18:42:10"))
			eqTime(t, "closed", a.Closed, day("2024-01-06 09:00:00"))
			eqTime(t, "resolved stands in for closed", b.Closed, day("2024-01-08 11:02:41"))
			eq(t, "quoted summary", c.Summary, `Server "DC01" unreachable`)
			eq(t, "still open", c.Closed.IsZero(), true)
			eq(t, "after-hours unknown", c.AfterHours == nil, true)
		}},
		{"itflow/Invoices-2024-03-01.csv", KindInvoices, "itflow-invoices", Options{}, 3, func(t *testing.T, recs []Record) {
			a, c := recs[0].(InvoiceRecord), recs[2].(InvoiceRecord)
			eq(t, "client from the unnamed seventh value", a.Client.Name, "Acme Dental")
			eq(t, "amount", a.Amount.Minor, int64(102000))
			eq(t, "paid status gives zero balance", a.HasBalance && a.Balance.Minor == 0, true)
			eqTime(t, "due", a.Due, day("2024-01-31"))
			eq(t, "amount", c.Amount.Minor, int64(245050))
			eq(t, "client", c.Client.Name, "Baker & Sons Ltd")
			eq(t, "partial has unknown balance", c.HasBalance, false)
		}},
		{"itflow/Payments-2024-03-01.csv", KindPayments, "itflow-payments", Options{}, 2, func(t *testing.T, recs []Record) {
			a := recs[0].(PaymentRecord)
			eq(t, "amount", a.Amount, money.Money{Minor: 102000, Currency: "USD"})
			eq(t, "method", a.Method, "ACH")
			eq(t, "client", a.Client.Name, "Acme Dental")
			eq(t, "content key", len(a.Key()) > 10 && a.Key() != recs[1].Key(), true)
		}},
		{"connectwise/time-entries.csv", KindTime, "connectwise-time", Options{}, 4, func(t *testing.T, recs []Record) {
			byLine := timeByLine(recs)
			a, b, c := byLine[2], byLine[3], byLine[4]
			eq(t, "technician", a.Technician, "jsmith")
			eqTime(t, "1/8/2024 read month-first from the column", a.Worked, day("2024-01-08"))
			eq(t, "minutes", a.Seconds, 90*60)
			eq(t, "billable", a.Billable, true)
			eq(t, "ticket", a.Ticket, "48213")
			eq(t, "client comes from the ticket", a.Client.IsZero(), true)
			eq(t, "No Charge", b.Billable, false)
			eq(t, "quarter hour", b.Seconds, 15*60)
			eq(t, "Do Not Bill", c.Billable, false)
			eqTime(t, "1/9/2024", c.Worked, day("2024-01-09"))
		}},
		{"connectwise/invoices.csv", KindInvoices, "connectwise-invoices", Options{}, 3, func(t *testing.T, recs []Record) {
			a, c := recs[0].(InvoiceRecord), recs[2].(InvoiceRecord)
			eq(t, "amount", a.Amount.Minor, int64(102000))
			eq(t, "balance", a.HasBalance && a.Balance.Minor == 0, true)
			eqTime(t, "paid", a.Paid, day("2024-02-14"))
			eq(t, "client", a.Client, ClientRef{ExternalID: "ACME01", Name: "Acme Dental"})
			eq(t, "credit in parentheses", c.Amount.Minor, int64(-40000))
		}},
		{"autotask/tickets.csv", KindTickets, "autotask-tickets", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TicketRecord), recs[1].(TicketRecord)
			eq(t, "summary", a.Summary, "VPN drops every evening")
			eq(t, "client", a.Client.Name, "Northwind Traders")
			eq(t, "key", a.Key(), "T20210128.0001")
			eqTime(t, "opened", a.Opened, day("2021-01-28 19:42:00"))
			eqTime(t, "closed", a.Closed, day("2021-01-29 10:05:00"))
			eqTime(t, "seconds in a 12-hour time", b.Opened, day("2021-01-30 09:15:30"))
			eq(t, "line after a quoted newline", b.Line(), 4)
		}},
		{"zendesk/tickets.csv", KindTickets, "zendesk-tickets", Options{}, 2, func(t *testing.T, recs []Record) {
			a := recs[0].(TicketRecord)
			eqTime(t, "opened with zone", a.Opened, day("2021-01-28 22:03:22"))
			eq(t, "zone kept", a.OpenedHasZone, true)
			eqTime(t, "solved", a.Closed, day("2021-01-29 16:55:12"))
			eq(t, "client", a.Client.Name, "Contoso Legal")
			eq(t, "key", a.Key(), "5531")
			eq(t, "ticket type as category", a.Category, "incident")
			eq(t, "an incident is not user support", a.UserSupport, false)
		}},
		{"freshdesk/tickets.csv", KindTickets, "freshdesk-tickets", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TicketRecord), recs[1].(TicketRecord)
			eqTime(t, "closed", a.Closed, day("2021-03-03 09:40:00"))
			eqTime(t, "resolved", b.Closed, day("2021-03-04 21:20:00"))
			eq(t, "client", a.Client.Name, "Fabrikam Inc.")
			eq(t, "type as category", b.Category, "Service Request")
		}},
		{"osticket/tickets.csv", KindTickets, "osticket-tickets", Options{}, 2, func(t *testing.T, recs []Record) {
			a := recs[0].(TicketRecord)
			eq(t, "client by email domain", a.Client, ClientRef{EmailDomain: "tailspin.example"})
			eqTime(t, "opened", a.Opened, day("2025-10-09 13:42:00"))
			eqTime(t, "closed", a.Closed, day("2025-10-10 08:58:00"))
			eq(t, "help topic as category", a.Category, "Hardware")
		}},
		{"osticket/tickets.csv", KindTickets, "osticket-tickets", Options{ClientDomains: map[string]string{"Wingtip.example": "Wingtip Toys"}}, 2, func(t *testing.T, recs []Record) {
			eq(t, "client from the domain map", recs[1].(TicketRecord).Client, ClientRef{Name: "Wingtip Toys"})
		}},
		{"kimai/export.csv", KindTime, "kimai-time", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TimeRecord), recs[1].(TimeRecord)
			eq(t, "minutes", a.Seconds, 90*60)
			eq(t, "minutes", b.Seconds, 20*60)
			eq(t, "billable", b.Billable, false)
			eq(t, "client", a.Client.Name, "Acme Dental")
			eq(t, "notes with newline", b.Notes, "Call with office manager\nabout backups")
			eq(t, "distinct content keys", a.Key() != b.Key(), true)
		}},
		{"kimai/export-de.csv", KindTime, "kimai-time", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TimeRecord), recs[1].(TimeRecord)
			eqTime(t, "day-first dotted date", a.Worked, day("2024-01-15"))
			eq(t, "client", a.Client.Name, "Müller GmbH")
			eq(t, "minutes", b.Seconds, 45*60)
			eq(t, "Ja", a.Billable, true)
		}},
		{"clockify/detailed-report.csv", KindTime, "clockify-time", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TimeRecord), recs[1].(TimeRecord)
			eqTime(t, "date", a.Worked, day("2024-01-15"))
			eq(t, "minutes", a.Seconds, 90*60)
			eq(t, "00:20:00 rather than 0.33 hours", b.Seconds, 20*60)
			eq(t, "technician", a.Technician, "Anna Lee")
			eq(t, "billable", b.Billable, false)
		}},
		{"toggl/detailed.csv", KindTime, "toggl-time", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TimeRecord), recs[1].(TimeRecord)
			eq(t, "minutes", a.Seconds, 135*60)
			eq(t, "minutes", b.Seconds, 45*60)
			eq(t, "client", b.Client.Name, "Baker & Sons")
		}},
		{"harvest/time-report.csv", KindTime, "harvest-time", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TimeRecord), recs[1].(TimeRecord)
			eq(t, "minutes", a.Seconds, 30*60)
			eq(t, "minutes", b.Seconds, 75*60)
			eq(t, "technician from first and last name", a.Technician, "Anna Lee")
			eq(t, "Billable?", b.Billable, false)
		}},
		{"invoiceninja/invoices.csv", KindInvoices, "invoiceninja-invoices", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(InvoiceRecord), recs[1].(InvoiceRecord)
			eq(t, "number", a.Number, "0001")
			eq(t, "amount", a.Amount.Minor, int64(102000))
			eq(t, "balance from paid", a.HasBalance && a.Balance.Minor == 0, true)
			eqTime(t, "issued", a.Issued, day("2021-01-28"))
			eq(t, "line items grouped", b.Lines, 2)
			eq(t, "amount", b.Amount.Minor, int64(45000))
			eq(t, "balance", b.Balance.Minor, int64(45000))
		}},
		{"invoiceninja/payments.csv", KindPayments, "invoiceninja-payments", Options{}, 1, func(t *testing.T, recs []Record) {
			a := recs[0].(PaymentRecord)
			eq(t, "amount", a.Amount.Minor, int64(102000))
			eq(t, "invoice", a.Invoice, "0001")
			eqTime(t, "date", a.Date, day("2021-02-20"))
		}},
		{"offboard/clients.csv", KindClients, "offboard-clients", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(ClientRecord), recs[1].(ClientRecord)
			eq(t, "name", a.Name, "Acme Dental, Inc.")
			eq(t, "mrr", a.MRR.Minor, int64(216000))
			eq(t, "notice", b.NoticeDays, 60)
			eq(t, "seats", b.Seats, 42)
			eqTime(t, "signed", b.AgreementSigned, day("2016-07-15"))
			eq(t, "status", b.Status, "watch")
			eq(t, "key", a.Key(), "C-001")
		}},
		{"offboard/tickets.csv", KindTickets, "offboard-tickets", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(TicketRecord), recs[1].(TicketRecord)
			eqTime(t, "opened", a.Opened, day("2024-01-05 23:42:10"))
			eq(t, "after hours", *a.AfterHours, true)
			eq(t, "after hours unknown", b.AfterHours == nil, true)
			eq(t, "category", a.Category, "Email")
			eq(t, "email is not user support", a.UserSupport, false)
			eq(t, "onboarding is user support", b.UserSupport, true)
			eq(t, "client", a.Client, ClientRef{ExternalID: "C-001", Name: "Acme Dental, Inc."})
		}},
		{"offboard/time.csv", KindTime, "offboard-time", Options{}, 2, func(t *testing.T, recs []Record) {
			eq(t, "minutes column", recs[0].(TimeRecord).Seconds, 90*60)
			eq(t, "hours column", recs[1].(TimeRecord).Seconds, 75*60)
		}},
		{"offboard/invoices.csv", KindInvoices, "offboard-invoices", Options{}, 2, func(t *testing.T, recs []Record) {
			eqTime(t, "paid", recs[0].(InvoiceRecord).Paid, day("2024-02-14"))
			eq(t, "balance", recs[1].(InvoiceRecord).Balance.Minor, int64(340000))
		}},
		{"offboard/payments.csv", KindPayments, "offboard-payments", Options{}, 1, nil},
		{"offboard/incidents.csv", KindIncidents, "offboard-incidents", Options{}, 2, func(t *testing.T, recs []Record) {
			eq(t, "category", recs[1].(IncidentRecord).Category, "declined_upgrade")
			eq(t, "severity", recs[0].(IncidentRecord).Severity, 4)
		}},
		{"offboard/settings.csv", KindSettings, "offboard-settings", Options{}, 5, func(t *testing.T, recs []Record) {
			eq(t, "setting", recs[2].(SettingRecord), SettingRecord{Source: Source{NaturalKey: "business.time_zone", SourceLine: 4}, Name: "business.time_zone", Value: "America/New_York"})
		}},
		{"offboard/plans.csv", KindPlans, "offboard-plans", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(PlanRecord), recs[1].(PlanRecord)
			eq(t, "items", len(a.Items), 2)
			eq(t, "status", a.Status, "agreed")
			eqTime(t, "review", a.ReviewOn, day("2024-05-05"))
			eq(t, "item note", a.Items[1].Note, "Quote sent\nwith three options")
			eq(t, "plan without items", len(b.Items), 0)
		}},
		{"offboard/upgrades.csv", KindUpgrades, "offboard-upgrades", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(UpgradeRecord), recs[1].(UpgradeRecord)
			eq(t, "decision", a.Decision, "declined")
			eqTime(t, "decided", a.Decided, day("2023-10-02"))
			eq(t, "estimate", a.Estimate.Minor, int64(840000))
			eq(t, "undecided", b.Decided.IsZero(), true)
		}},
		{"offboard/security.csv", KindSecurity, "offboard-security", Options{}, 2, func(t *testing.T, recs []Record) {
			a, b := recs[0].(SecurityRecord), recs[1].(SecurityRecord)
			eqPtr(t, "mfa", a.MFACoverage, 100.0)
			eqPtr(t, "fraction read as percent", b.MFACoverage, 20.0)
			eqPtr(t, "eol", b.EOLDevices, 7)
		}},
	}
	runPresetCases(t, tests)
}

func timeByLine(recs []Record) map[int]TimeRecord {
	m := map[int]TimeRecord{}
	for _, r := range recs {
		m[r.Line()] = r.(TimeRecord)
	}
	return m
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func eqTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %v, want %v", what, got.UTC(), want)
	}
}

// TestREADMEDocumentsTheGenericFormat keeps README's table of the generic
// format in step with the fields.
func TestREADMEDocumentsTheGenericFormat(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds() {
		var cols []string
		for _, f := range Fields(k) {
			n := "`" + f.Name + "`"
			if f.Required {
				n = "**" + n + "**"
			}
			cols = append(cols, n)
		}
		row := "| " + string(k) + " | " + strings.Join(cols, ", ") + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README lacks the %s row:\n%s", k, row)
		}
	}
}
