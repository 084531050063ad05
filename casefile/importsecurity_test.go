package casefile

import (
	"context"
	"strings"
	"testing"
	"time"

	"offboard/importer"
	"offboard/scoring"
)

// TestSecurityReportsMakeOneSnapshot imports a device report and an MFA
// report, as an MSP has them, and checks the stored snapshots, the merge of
// two domains of one client, and the evidence the flag shows.
func TestSecurityReportsMakeOneSnapshot(t *testing.T) {
	d := openImportDesk(t)
	ctx := context.Background()
	clients := "name,contact_email\nContoso Legal,office@contoso-legal.example\nWingtip Toys,\n"
	if _, err := d.Import(ctx, "clients.csv", strings.NewReader(clients), ImportOptions{Kind: importer.KindClients}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, d, importer.KindSecurity, "datto-rmm/devices.csv", ImportOptions{})
	mustImport(t, d, importer.KindSecurity, "nable/patch-status.csv", ImportOptions{})
	// anna@contoso-legal.example finds Contoso by its contact email; the
	// tenant's own domain is mapped; the guest is left out.
	domains := map[string]string{"contosolegal.onmicrosoft.com": "Contoso Legal", "wingtiptoys.example": "Wingtip Toys"}
	res := mustImport(t, d, importer.KindSecurity, "entra/UserRegistrationDetails.csv", ImportOptions{ClientDomains: domains})
	if res.New != 2 {
		t.Errorf("%d snapshots written, want 2 (Contoso's two domains are one client)", res.New)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"MFA on 2 of 4 accounts (50%)", "MFA on 2 of 2 accounts (100%)", "left 1 guest account out"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	rows := func() string {
		return importQueryString(t, d, `SELECT group_concat(c.name || ' ' || s.taken_on || ' mfa=' || coalesce(s.mfa_pct, '-') ||
            ' ' || coalesce(s.mfa_registered, '-') || '/' || coalesce(s.mfa_accounts, '-') || ' patch=' || coalesce(s.patch_pct, '-') ||
            ' ' || coalesce(s.patch_compliant, '-') || '+' || coalesce(s.patch_unknown, '-') || '?/' || coalesce(s.total_devices, '-') ||
            ' eol=' || coalesce(s.eol_devices, '-') || '+' || coalesce(s.os_unknown, '-') || '? backup=' || coalesce(s.backup_status, '-'), '; ')
            FROM (SELECT * FROM security_snapshots ORDER BY client_id, taken_on) s JOIN clients c ON c.id = s.client_id`)
	}
	want := "Contoso Legal 2026-03-03 mfa=- -/- patch=50.0 2+1?/4 eol=1+1? backup=-; " +
		"Contoso Legal 2026-03-04 mfa=50.0 2/4 patch=- -+-?/- eol=-+-? backup=-; " +
		"Wingtip Toys 2026-03-02 mfa=- -/- patch=33.333333333333336 1+1?/3 eol=1+0? backup=-; " +
		"Wingtip Toys 2026-03-04 mfa=100.0 2/2 patch=- -+-?/- eol=-+-? backup=-"
	if got := rows(); got != want {
		t.Errorf("snapshots:\n%s\nwant:\n%s", got, want)
	}

	// The same report again changes nothing; a hand-typed backup state of
	// the same day adds to the snapshot and leaves its MFA.
	if res := mustImport(t, d, importer.KindSecurity, "entra/UserRegistrationDetails.csv", ImportOptions{ClientDomains: domains}); res.Unchanged != 2 || res.New+res.Updated != 0 {
		t.Errorf("re-import: %d new, %d updated, %d unchanged", res.New, res.Updated, res.Unchanged)
	}
	backup := "client,taken,backup_status\nContoso Legal,2026-03-04,failing\n"
	if _, err := d.Import(ctx, "backup.csv", strings.NewReader(backup), ImportOptions{Kind: importer.KindSecurity}); err != nil {
		t.Fatal(err)
	}
	if got := rows(); !strings.Contains(got, "Contoso Legal 2026-03-04 mfa=50.0 2/4 patch=- -+-?/- eol=-+-? backup=failing") {
		t.Errorf("after the backup row:\n%s", got)
	}

	d.Now = func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }
	p, err := d.Assess(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Find("Contoso Legal")
	if err != nil {
		t.Fatal(err)
	}
	var evidence string
	for _, f := range a.Flags {
		if f.ID == scoring.FlagSecurity {
			evidence = f.Evidence
		}
	}
	wantEvidence := "Snapshot of 2026-03-04: MFA on 50% of accounts (2 of 4), patch compliance 50% (compliant from 95%; " +
		"2 devices fully patched, 1 of unknown status counted as not patched) as of 2026-03-03, 1 of 4 devices end-of-life " +
		"(25%; 1 whose operating system's end of life is not known, not counted as end-of-life) as of 2026-03-03, backups failing."
	if evidence != wantEvidence {
		t.Errorf("evidence:\n%s\nwant:\n%s", evidence, wantEvidence)
	}
}

// TestSecurityReportNeedsItsDay: a report without a date column is refused
// unless the day is given, and then dated by it.
func TestSecurityReportNeedsItsDay(t *testing.T) {
	d := openImportDesk(t)
	if _, err := importFixture(t, d, importer.KindSecurity, "ninjaone/os-patches.csv", ImportOptions{CreateClients: true}); err == nil ||
		!strings.Contains(err.Error(), "--taken") {
		t.Fatalf("err = %v, want the report refused for want of its day", err)
	}
	mustImport(t, d, importer.KindSecurity, "ninjaone/os-patches.csv", ImportOptions{CreateClients: true, Taken: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)})
	if got := importQueryString(t, d, `SELECT taken_on || ' ' || patch_pct FROM security_snapshots`); got != "2026-03-03 50.0" {
		t.Errorf("snapshot %q, want 2 of 4 devices patched on 2026-03-03", got)
	}
}

// TestSecurityRowsThatCannotBe: counts that contradict each other are
// refused with the line and column, and nothing is written.
func TestSecurityRowsThatCannotBe(t *testing.T) {
	tests := []struct{ csv, want string }{
		{"client,taken,mfa_registered\nAcme,2026-03-01,4\n", `s.csv:2: column "mfa_registered": accounts registered for MFA need mfa_accounts`},
		{"client,taken,mfa_accounts,mfa_registered\nAcme,2026-03-01,3,4\n", `s.csv:2: column "mfa_registered": 4 accounts registered for MFA out of 3`},
		{"client,taken,eol_devices\nAcme,2026-03-01,-1\n", `s.csv:2: counts of accounts and devices cannot be negative`},
		{"client,taken,backup_status\nAcme,2026-03-01,sometimes\n", `s.csv:2: column "backup_status": "sometimes" is not a backup status`},
	}
	for _, tt := range tests {
		d := openImportDesk(t)
		_, err := d.Import(context.Background(), "s.csv", strings.NewReader(tt.csv), ImportOptions{Kind: importer.KindSecurity, CreateClients: true})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.csv, err, tt.want)
		}
		if n := importRowCount(t, d, `SELECT count(*) FROM security_snapshots`); n != 0 {
			t.Errorf("%q: %d snapshots written", tt.csv, n)
		}
	}
}
