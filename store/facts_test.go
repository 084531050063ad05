package store

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"
)

func TestPortfolioFacts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	acme := addClient(t, s, "Acme")
	quiet := addClient(t, s, "Quiet")
	exec := mustExec(t, s)
	exec(`UPDATE clients SET seats = 12, mrr_minor = 150000, currency = 'EUR', client_since_on = '2025-01-15' WHERE id = ?`, acme)
	exec(`UPDATE clients SET status = 'watch', agreement_signed_on = '2024-06-01' WHERE id = ?`, quiet)
	// Tickets 1 and 2 are user support, 2 out of scope as well.
	exec(`INSERT INTO tickets (id, client_id, opened_at, priority, after_hours, out_of_scope, category, user_support) VALUES
        (1, ?1, '2026-03-02T10:00:00Z', 'urgent', 1, 0, 'Password reset', 1),
        (2, ?1, '2026-03-05T10:00:00Z', 'normal', 0, 1, 'Training', 1),
        (3, ?1, '2026-04-01T10:00:00Z', 'normal', 1, 0, 'Network', 0)`, acme)
	exec(`INSERT INTO time_entries (client_id, ticket_id, worked_on, seconds, billable) VALUES
        (?1, 1, '2026-03-02', 5400, 1), (?1, 2, '2026-03-06', 2700, 0), (?1, NULL, '2026-04-10', 1800, 1)`, acme)
	// Due 31 March: paid 3 days early, 5 late, 40 late; A4 and A5 unpaid,
	// only A4 past due on 1 June.
	exec(`INSERT INTO invoices (client_id, number, issued_on, due_on, paid_on, amount_minor, balance_minor) VALUES
        (?1, 'A1', '2026-03-01', '2026-03-31', '2026-03-28', 10000, 0),
        (?1, 'A2', '2026-03-01', '2026-03-31', '2026-04-05', 20000, 0),
        (?1, 'A3', '2026-03-01', '2026-03-31', '2026-05-10', -3000, 0),
        (?1, 'A4', '2026-04-01', '2026-05-01', NULL, 5000, 5000),
        (?1, 'A5', '2026-05-20', '2026-06-19', NULL, 7000, 7000)`, acme)
	exec(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
        (?1, '2026-05-02T14:00:00Z', 'abuse', 3, 'Shouted at a technician'),
        (?1, '2026-02-01T09:00:00Z', 'naivete', 1, 'Would not learn the new VPN'),
        (?1, '2026-07-01T09:00:00Z', 'criminal', 5, 'After the assessment date')`, acme)
	exec(`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status) VALUES
        (?1, '2025-02-01', 20, 60, 5, 10, 'failing'),
        (?1, '2025-09-01', 40, 70, 4, 10, 'warning'),
        (?1, '2026-05-01', 55.5, 81, 3, 12, 'ok'),
        (?1, '2026-08-01', 99, 99, 0, 12, 'ok'),
        (?2, '2026-01-01', 100, 97, 0, 4, 'ok')`, acme, quiet)
	// An identity report's snapshot holds MFA alone: the latest MFA comes
	// from it, the devices still from the snapshot of 1 May.
	exec(`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, mfa_accounts, mfa_registered) VALUES
        (?1, '2026-05-20', 70, 10, 7)`, acme)
	exec(`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision) VALUES
        (?1, 'Firewall refresh', '2025-10-01', '2025-11-01', 'declined'),
        (?1, 'Server migration', '2026-04-01', NULL, 'pending')`, acme)
	exec(`INSERT INTO remediation_plans (client_id, status, meeting_at, review_on, created_at, updated_at) VALUES
        (?1, 'failed', '2025-11-01T10:00:00Z', '2026-01-15', '2025-10-20T10:00:00Z', '2026-01-15T10:00:00Z'),
        (?1, 'agreed', NULL, '2026-07-01', '2026-04-20T10:00:00Z', '2026-04-20T10:00:00Z')`, acme)
	if err := s.Tx(ctx, func(tx *sql.Tx) error { return RebuildRollup(ctx, tx, nil) }); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOverride(ctx, quiet, "keep", "Long-standing friend of the firm"); err != nil {
		t.Fatal(err)
	}

	asOf := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	got, err := s.PortfolioFacts(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	utc := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	jan := utc(2026, 1, 1, 0)
	quietSecurity := &SecurityFact{At: jan, MFA: &MFAPart{At: jan, Coverage: 100}, Patch: &PatchPart{At: jan, Compliance: 97},
		Devices: &DevicePart{At: jan, Total: 4}, Backup: "ok", BackupAt: jan}
	want := []ClientFacts{
		{
			ID: acme, Name: "Acme", Status: "active", Seats: 12, MRRMinor: 150000, Currency: "EUR",
			Since: utc(2025, 1, 15, 0),
			Months: []MonthTotals{
				{Month: utc(2026, 3, 1, 0), MinutesWorked: 135, BillableMinutes: 90, Tickets: 2, AfterHoursTickets: 1, UrgentTickets: 1,
					OutOfScopeTickets: 1, OutOfScopeMinutes: 45, UserSupportTickets: 2, UserSupportMinutes: 90 + 45,
					OutOfScopeUserSupportTickets: 1, OutOfScopeUserSupportMinutes: 45, Invoiced: 27000, InvoicesIssued: 3, InvoicesPaidLate: 2, DaysLateSum: 45,
					PaidOnTime: 1, PaidLate1to7: 1, PaidLateOver30: 1},
				{Month: utc(2026, 4, 1, 0), MinutesWorked: 30, BillableMinutes: 30, Tickets: 1, AfterHoursTickets: 1, Invoiced: 5000, InvoicesIssued: 1},
				{Month: utc(2026, 5, 1, 0), Invoiced: 7000, InvoicesIssued: 1},
			},
			OverdueMinor: 5000, OverdueInvoices: 1,
			Incidents: []IncidentFact{
				{Kind: "naivete", Severity: 1, At: utc(2026, 2, 1, 9), Description: "Would not learn the new VPN"},
				{Kind: "abuse", Severity: 3, At: utc(2026, 5, 2, 14), Description: "Shouted at a technician"},
			},
			Security: &SecurityFact{At: utc(2026, 5, 20, 0),
				MFA:     &MFAPart{At: utc(2026, 5, 20, 0), Coverage: 70, Accounts: 10, Registered: 7},
				Patch:   &PatchPart{At: utc(2026, 5, 1, 0), Compliance: 81},
				Devices: &DevicePart{At: utc(2026, 5, 1, 0), EOL: 3, Total: 12},
				Backup:  "ok", BackupAt: utc(2026, 5, 1, 0)},
			FirstSecurity: &SecurityFact{At: utc(2025, 2, 1, 0),
				MFA:     &MFAPart{At: utc(2025, 2, 1, 0), Coverage: 20},
				Patch:   &PatchPart{At: utc(2025, 2, 1, 0), Compliance: 60},
				Devices: &DevicePart{At: utc(2025, 2, 1, 0), EOL: 5, Total: 10},
				Backup:  "failing", BackupAt: utc(2025, 2, 1, 0)},
			Upgrades: []UpgradeFact{
				{Title: "Firewall refresh", Proposed: utc(2025, 10, 1, 0), Decided: utc(2025, 11, 1, 0), Decision: "declined"},
				{Title: "Server migration", Proposed: utc(2026, 4, 1, 0), Decision: "pending"},
			},
			Plan: &LatestPlan{Status: "agreed", Started: utc(2026, 4, 20, 10), ReviewDate: utc(2026, 7, 1, 0)},
		},
		{
			ID: quiet, Name: "Quiet", Status: "watch", Seats: 10, MRRMinor: 0, Currency: "USD",
			Since:         utc(2024, 6, 1, 0),
			Security:      quietSecurity,
			FirstSecurity: quietSecurity,
			Override:      "keep", OverrideReason: "Long-standing friend of the firm", OverrideAt: fixedNow,
		},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d clients, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("client %s:\n got %+v\nwant %+v", want[i].Name, got[i], want[i])
		}
	}
}

func TestParseMonthsRejectsGarbage(t *testing.T) {
	for _, raw := range []string{"2026-13 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "2026-01 1 2", "abc"} {
		if _, err := parseMonths([]byte(raw), nil); err == nil {
			t.Errorf("parseMonths(%q) succeeded", raw)
		}
	}
}
