package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSecurityReports: an MFA report for one client's tenant, named
// with --client, and a patch report without a date, dated with --taken,
// become the snapshot the security flag shows.
func TestImportSecurityReports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "o.db")
	code, out, errs := run(t, nil, "import", "security", fixture("entra/registration-details-portal.csv"),
		"--client", "Fabrikam", "--date-order", "mdy", "--create-clients", "--db", db)
	if code != 0 || !strings.Contains(out, `"Fabrikam" on 2026-03-05: MFA on 2 of 3 accounts (67%)`) {
		t.Fatalf("MFA report: exit %d\n%s%s", code, out, errs)
	}
	patches := fixture("ninjaone/os-patches.csv")
	code, _, errs = run(t, nil, "import", "security", patches, "--client", "Fabrikam", "--db", db)
	if code == 0 || !strings.Contains(errs, "--taken YYYY-MM-DD") {
		t.Fatalf("a report without a date: exit %d\n%s", code, errs)
	}
	if code, _, errs = run(t, nil, "import", "security", patches, "--taken", "5 March", "--db", db); code != 2 || !strings.Contains(errs, `--taken "5 March" is not a day`) {
		t.Errorf("a bad --taken: exit %d\n%s", code, errs)
	}
	// The patch report names its organisation, which --client does not
	// override: Acme Dental is added, Fabrikam keeps its MFA alone.
	code, out, errs = run(t, nil, "import", "security", patches, "--taken", "2026-03-06", "--create-clients", "--db", db)
	if code != 0 || !strings.Contains(out, `"Acme Dental" on 2026-03-06: 2 of 4 devices fully patched (50%)`) {
		t.Fatalf("patch report: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = run(t, nil, "score", "--client", "Fabrikam", "--db", db)
	want := "Snapshot of 2026-03-05: MFA on 67% of accounts (2 of 3), patch compliance not reported, devices not reported, backups not reported."
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("score: exit %d, want %q in\n%s%s", code, want, out, errs)
	}
}
