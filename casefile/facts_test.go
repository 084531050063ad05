package casefile

import (
	"reflect"
	"testing"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// Every field of the store's row reaches scoring, and what the row lacks
// stays nil rather than empty.
func TestScoringFacts(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	rows := []store.ClientFacts{
		{
			ID: 7, Name: "Acme", Status: "remediation", Seats: 12, MRRMinor: 150000, Currency: "EUR", Since: day(1, 15),
			Override: "keep", OverrideReason: "Friend of the firm", OverrideAt: day(5, 1),
			Months: []store.MonthTotals{{Month: day(3, 1), MinutesWorked: 135, BillableMinutes: 90, Tickets: 2,
				AfterHoursTickets: 1, UrgentTickets: 1, OutOfScopeTickets: 1, OutOfScopeMinutes: 45, Invoiced: 27000,
				InvoicesIssued: 3, InvoicesPaidLate: 2, DaysLateSum: 45, PaidOnTime: 1, PaidLate1to7: 1, PaidLate8to15: 3,
				PaidLate16to30: 4, PaidLateOver30: 5}},
			OverdueMinor: 5000, OverdueInvoices: 1,
			Incidents: []store.IncidentFact{{Kind: "abuse", Severity: 3, At: day(5, 2), Description: "Shouted"}},
			Security: &store.SecurityFact{At: day(5, 1), MFA: &store.MFAPart{At: day(4, 20), Coverage: 55.5, Accounts: 9, Registered: 5},
				Patch:   &store.PatchPart{At: day(5, 1), Compliance: 81, Counted: true, Compliant: 9, Unknown: 1},
				Devices: &store.DevicePart{At: day(5, 1), EOL: 3, Total: 12, OSUnknown: 2}, Backup: "ok", BackupAt: day(5, 1)},
			FirstSecurity: &store.SecurityFact{At: day(2, 1), MFA: &store.MFAPart{At: day(2, 1), Coverage: 20},
				Backup: "failing", BackupAt: day(2, 1)},
			Upgrades: []store.UpgradeFact{{Title: "Firewall", Proposed: day(1, 1), Decided: day(2, 1), Decision: "declined"}},
			Plan:     &store.LatestPlan{Status: "partly_agreed", Started: day(4, 20), ReviewDate: day(7, 1)},
		},
		{ID: 8, Name: "Quiet", Status: "watch", Currency: "USD"},
	}
	// Acme's March is the portfolio's first month of every kind, and Quiet,
	// with no month of its own, shares the portfolio's records.
	march := scoring.Coverage{Tickets: day(3, 1), Time: day(3, 1), Invoices: day(3, 1)}
	want := []scoring.ClientFacts{
		{
			ID: 7, Name: "Acme", Status: scoring.StatusRemediation, Seats: 12, MRR: 150000, Currency: "EUR", Since: day(1, 15),
			Records: march,
			Months: []scoring.MonthFacts{{Month: day(3, 1), MinutesWorked: 135, BillableMinutes: 90, Tickets: 2,
				AfterHoursTickets: 1, UrgentTickets: 1, OutOfScopeTickets: 1, OutOfScopeMinutes: 45, Invoiced: 27000,
				InvoicesIssued: 3, InvoicesPaidLate: 2, DaysLateSum: 45, PaidOnTime: 1, PaidLate1to7: 1, PaidLate8to15: 3,
				PaidLate16to30: 4, PaidLateOver30: 5}},
			Overdue: 5000, OverdueInvoices: 1,
			Incidents: []scoring.Incident{{Kind: scoring.IncidentAbuse, Severity: 3, At: day(5, 2), Description: "Shouted"}},
			Security: &scoring.SecuritySnapshot{At: day(5, 1), MFACoverage: 55.5, MFAAt: day(4, 20), MFAAccounts: 9, MFARegistered: 5,
				PatchCompliance: 81, PatchAt: day(5, 1), PatchCounted: true, PatchCompliant: 9, PatchUnknown: 1,
				EOLDevices: 3, Devices: 12, DevicesAt: day(5, 1), OSUnknown: 2, Backup: scoring.BackupOK, BackupAt: day(5, 1)},
			FirstSecurity: &scoring.SecuritySnapshot{At: day(2, 1), MFACoverage: 20, MFAAt: day(2, 1), NoPatch: true, NoDevices: true,
				Backup: scoring.BackupFailing, BackupAt: day(2, 1)},
			Upgrades: []scoring.Upgrade{{Title: "Firewall", Proposed: day(1, 1), Decided: day(2, 1), Decision: scoring.UpgradeDeclined}},
			Plan:     &scoring.Plan{Status: scoring.PlanPartlyAgreed, Started: day(4, 20), ReviewDate: day(7, 1)},
			Override: &scoring.Override{Recommendation: scoring.Keep, Reason: "Friend of the firm", At: day(5, 1)},
		},
		{ID: 8, Name: "Quiet", Status: scoring.StatusWatch, Currency: "USD", Records: march},
	}
	got := scoringFacts(rows)
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("client %s:\n got %+v\nwant %+v", want[i].Name, got[i], want[i])
		}
	}
}

// The records of each kind begin with the first month any client has one:
// a month that holds only invoices starts the invoices, not the tickets.
func TestRecordsCoverageIsPerKindAcrossThePortfolio(t *testing.T) {
	month := func(m time.Month) time.Time { return time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		rows []store.ClientFacts
		want scoring.Coverage
	}{
		{"no records", []store.ClientFacts{{ID: 1}}, scoring.Coverage{}},
		{"each kind from its own first month", []store.ClientFacts{
			{ID: 1, Months: []store.MonthTotals{
				{Month: month(1), Invoiced: 100, InvoicesIssued: 1},
				{Month: month(3), Tickets: 2, MinutesWorked: 60},
			}},
			{ID: 2, Months: []store.MonthTotals{
				{Month: month(2), Tickets: 1},
				{Month: month(4), MinutesWorked: 30, InvoicesIssued: 1},
			}},
		}, scoring.Coverage{Tickets: month(2), Time: month(3), Invoices: month(1)}},
		{"a month of nothing starts nothing", []store.ClientFacts{
			{ID: 1, Months: []store.MonthTotals{{Month: month(1)}, {Month: month(5), Tickets: 1}}},
		}, scoring.Coverage{Tickets: month(5)}},
	}
	for _, tc := range tests {
		if got := recordsCoverage(tc.rows); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
