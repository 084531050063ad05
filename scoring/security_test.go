package scoring

import (
	"math"
	"testing"
)

// TestSecurityFromPartialReports: an identity report and a device report
// give different parts on different days. Only what they gave is judged
// and shown; what none gave is said, never read as 0%.
func TestSecurityFromPartialReports(t *testing.T) {
	tests := []struct {
		name     string
		snap     SecuritySnapshot
		first    *SecuritySnapshot
		flagged  bool
		severity int
		evidence string
	}{
		{
			// MFA 100%, nothing else reported: no flag at all, though the
			// unreported patch compliance would read as 0%.
			name:    "MFA only, all registered",
			snap:    SecuritySnapshot{At: day(2026, 10, 1), MFACoverage: 100, MFAAccounts: 9, MFARegistered: 9, NoPatch: true, NoDevices: true},
			flagged: false,
		},
		{
			// 7 of 9 = 77.8%: 25 + 75 × (90 − 77.8) / (90 − 40) = 43.3.
			name:     "counted accounts, devices a day earlier",
			snap:     SecuritySnapshot{At: day(2026, 10, 2), MFACoverage: 700.0 / 9, MFAAccounts: 9, MFARegistered: 7, PatchCompliance: 100, PatchAt: day(2026, 10, 1), PatchCounted: true, PatchCompliant: 4, Devices: 4, DevicesAt: day(2026, 10, 1)},
			flagged:  true,
			severity: 43,
			evidence: "Snapshot of 2026-10-02: MFA on 78% of accounts (7 of 9), patch compliance 100% (compliant from 95%; 4 devices fully patched) as of 2026-10-01, 0 of 4 devices end-of-life (0%) as of 2026-10-01, backups not reported.",
		},
		{
			// 2 of 4 patched (50%) is past the severe end (70%); the
			// device without a status is among the 4, and said.
			name:     "devices only, one of unknown status",
			snap:     SecuritySnapshot{At: day(2026, 10, 3), NoMFA: true, PatchCompliance: 50, PatchCounted: true, PatchCompliant: 2, PatchUnknown: 1, EOLDevices: 0, Devices: 4, OSUnknown: 1, Backup: BackupOK},
			first:    &SecuritySnapshot{At: day(2026, 4, 3), NoMFA: true, PatchCompliance: 75, Devices: 4, Backup: BackupOK},
			flagged:  true,
			severity: 100,
			evidence: "Snapshot of 2026-10-03: MFA not reported, patch compliance 50% (compliant from 95%; 2 devices fully patched, 1 of unknown status counted as not patched), 0 of 4 devices end-of-life (0%; 1 whose operating system's end of life is not known, not counted as end-of-life), backups ok; on 2026-04-03 patch compliance was 75%.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := client("Partial", 20, 24, healthyMonth())
			snap := tt.snap
			c.Security, c.FirstSecurity = &snap, tt.first
			p := Assess(append(healthyPortfolio(10), c), DefaultConfig(), asOf)
			f := findFlag(mustFind(t, &p, "Partial"), FlagSecurity)
			if !tt.flagged {
				if f != nil {
					t.Fatalf("flagged: %+v", f)
				}
				return
			}
			if f == nil {
				t.Fatal("no security flag")
			}
			if f.Severity != tt.severity || f.Evidence != tt.evidence {
				t.Errorf("severity %v, evidence:\n%s\nwant %v:\n%s", f.Severity, f.Evidence, tt.severity, tt.evidence)
			}
		})
	}
}

// TestSecurityMetricsUnknownStayOutOfTheRange: a part no report gave has no
// value in the lab panel, so it neither shows as 0% nor drags the
// portfolio's normal range down.
func TestSecurityMetricsUnknownStayOutOfTheRange(t *testing.T) {
	s := SecuritySnapshot{At: day(2026, 10, 1), MFACoverage: 80, NoPatch: true, NoDevices: true}
	if v, _ := s.mfa(); v != 80 {
		t.Errorf("mfa = %v, want 80", v)
	}
	if v, _ := s.patch(); !math.IsNaN(v) {
		t.Errorf("patch = %v, want none", v)
	}
	if v, _ := s.eolShare(); !math.IsNaN(v) {
		t.Errorf("eol share = %v, want none", v)
	}
}
