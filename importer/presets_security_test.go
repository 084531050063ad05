package importer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// eqPtr checks a part of a record that may be absent: got must be set and
// hold want.
func eqPtr[T comparable](t *testing.T, what string, got *T, want T) {
	t.Helper()
	if got == nil {
		t.Errorf("%s is not set, want %v", what, want)
		return
	}
	if *got != want {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

// eqNil checks a part of a record the file does not give.
func eqNil[T any](t *testing.T, what string, got *T) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %v, want not given", what, *got)
	}
}

// presetCase is one fixture imported by recognition, with the checks of
// the records it makes.
type presetCase struct {
	file   string
	kind   Kind
	preset string
	opt    Options
	count  int
	check  func(t *testing.T, recs []Record)
}

// runPresetCases parses each fixture and checks its preset, its count and
// what the case's check looks for.
func runPresetCases(t *testing.T, cases []presetCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.file, func(t *testing.T) {
			tt.opt.Kind = tt.kind
			recs, sum := parseFixture(t, tt.file, tt.opt)
			if sum.ErrorCount > 0 {
				t.Fatalf("errors:\n%v", sum.Err())
			}
			if sum.Preset.Name != tt.preset || !sum.Recognized {
				t.Errorf("preset = %s (recognised %v), want %s recognised", sum.Preset.Name, sum.Recognized, tt.preset)
			}
			if len(recs) != tt.count {
				t.Fatalf("%d records, want %d", len(recs), tt.count)
			}
			if tt.check != nil {
				tt.check(t, recs)
			}
		})
	}
}

// securityByClient indexes snapshots by the client they name, or by the
// email domain when they name none.
func securityByClient(recs []Record) map[string]SecurityRecord {
	m := map[string]SecurityRecord{}
	for _, r := range recs {
		s := r.(SecurityRecord)
		k := s.Client.Name
		if k == "" {
			k = "@" + s.Client.EmailDomain
		}
		m[k] = s
	}
	return m
}

// TestSecurityReportPresets imports each RMM and identity report and checks
// the snapshot gathered for each client against counts made by hand from
// the fixture's rows.
func TestSecurityReportPresets(t *testing.T) {
	runPresetCases(t, []presetCase{
		{"ninjaone/devices.csv", KindSecurity, "ninjaone-devices", Options{}, 2, func(t *testing.T, recs []Record) {
			s := securityByClient(recs)
			acme, baker := s["Acme Dental"], s["Baker & Sons Ltd"]
			eqTime(t, "dated by the newest Last Contact", acme.Taken, day("2026-03-02"))
			eqTime(t, "one day for the whole report", baker.Taken, day("2026-03-02"))
			eqPtr(t, "devices", acme.TotalDevices, 4)
			// WS01 and WS02 fully patched, DC01 behind, WS03 without a status.
			eqPtr(t, "patched", acme.PatchCompliant, 2)
			eqPtr(t, "unknown status counted", acme.PatchUnknown, 1)
			eqPtr(t, "compliance over all four", acme.PatchCompliance, 50.0)
			// Server 2012 R2 (ended 2023-10-10) and Windows 10 (2025-10-14).
			eqPtr(t, "end-of-life", acme.EOLDevices, 2)
			eqPtr(t, "macOS not judged", acme.OSUnknown, 1)
			eq(t, "one success among unreported backups", acme.BackupStatus, "ok")
			eqNil(t, "no MFA in a device report", acme.MFACoverage)
			eqPtr(t, "install error and no data", baker.PatchCompliance, 0.0)
			eqPtr(t, "no data is unknown", baker.PatchUnknown, 1)
			eqPtr(t, "Server 2019 and Windows 11 in support", baker.EOLDevices, 0)
			eq(t, "failed backup", baker.BackupStatus, "failing")
		}},
		{"ninjaone/os-patches.csv", KindSecurity, "ninjaone-devices", Options{Taken: day("2026-03-03")}, 1, func(t *testing.T, recs []Record) {
			a := recs[0].(SecurityRecord)
			eqTime(t, "dated as the options say", a.Taken, day("2026-03-03"))
			// Six patch rows, four devices: DC01 has a failed patch and
			// WS04 one approved but not installed; a rejected patch leaves
			// WS02 patched.
			eqPtr(t, "devices counted once", a.TotalDevices, 4)
			eqPtr(t, "patched", a.PatchCompliant, 2)
			eqPtr(t, "compliance", a.PatchCompliance, 50.0)
			eqNil(t, "no operating systems", a.EOLDevices)
			eq(t, "no backups", a.BackupStatus, "")
		}},
		{"datto-rmm/devices.csv", KindSecurity, "datto-rmm-devices", Options{}, 1, func(t *testing.T, recs []Record) {
			a := recs[0].(SecurityRecord)
			eq(t, "client", a.Client.Name, "Contoso Legal")
			eqTime(t, "newest Last Seen", a.Taken, day("2026-03-03"))
			eqPtr(t, "devices", a.TotalDevices, 4)
			eqPtr(t, "fully patched", a.PatchCompliant, 2)
			eqPtr(t, "no policy is unknown", a.PatchUnknown, 1)
			eqPtr(t, "compliance", a.PatchCompliance, 50.0)
			eqPtr(t, "Windows 7", a.EOLDevices, 1)
			eqPtr(t, "LTSC not judged", a.OSUnknown, 1)
			eq(t, "no backup column", a.BackupStatus, "")
		}},
		{"nable/patch-status.csv", KindSecurity, "nable-devices", Options{}, 1, func(t *testing.T, recs []Record) {
			a := recs[0].(SecurityRecord)
			eq(t, "client", a.Client.Name, "Wingtip Toys")
			eqTime(t, "month-first dates, newest check-in", a.Taken, day("2026-03-02"))
			eqPtr(t, "no missing patches", a.PatchCompliant, 1)
			eqPtr(t, "blank missing count", a.PatchUnknown, 1)
			eqPtr(t, "compliance", a.PatchCompliance, 100.0/3)
			eqPtr(t, "Windows 10", a.EOLDevices, 1)
			eqPtr(t, "every OS judged", a.OSUnknown, 0)
		}},
		{"entra/UserRegistrationDetails.csv", KindSecurity, "entra-mfa-registration",
			Options{ClientDomains: map[string]string{"contosolegal.onmicrosoft.com": "Contoso Legal"}}, 3, func(t *testing.T, recs []Record) {
				s := securityByClient(recs)
				contoso, tenant, wingtip := s["@contoso-legal.example"], s["Contoso Legal"], s["@wingtiptoys.example"]
				eqTime(t, "last updated", contoso.Taken, day("2026-03-04"))
				eqPtr(t, "accounts", contoso.MFAAccounts, 3)
				eqPtr(t, "registered", contoso.MFARegistered, 2)
				eqPtr(t, "coverage", contoso.MFACoverage, 200.0/3)
				eqNil(t, "no devices in an identity report", contoso.PatchCompliance)
				eqPtr(t, "the tenant domain's member", tenant.MFAAccounts, 1)
				eqPtr(t, "not registered", tenant.MFACoverage, 0.0)
				eq(t, "guest left out", tenant.GuestsSkipped, 1)
				eqPtr(t, "registered though not capable", wingtip.MFARegistered, 2)
				eqPtr(t, "wingtip coverage", wingtip.MFACoverage, 100.0)
			}},
		{"entra/registration-details-portal.csv", KindSecurity, "entra-mfa-registration",
			Options{Client: "Fabrikam", DateOrder: DateOrderMDY}, 1, func(t *testing.T, recs []Record) {
				a := recs[0].(SecurityRecord)
				eq(t, "client named by the options", a.Client, ClientRef{Name: "Fabrikam"})
				eqTime(t, "portal date", a.Taken, day("2026-03-05"))
				eqPtr(t, "accounts", a.MFAAccounts, 3)
				eqPtr(t, "capable", a.MFARegistered, 2)
				eq(t, "a #EXT# account is a guest", a.GuestsSkipped, 1)
			}},
	})
}

// TestSecurityReportWithoutDate: a report that gives no date cannot be a
// snapshot unless the day is given.
func TestSecurityReportWithoutDate(t *testing.T) {
	f, err := os.Open(fixture("ninjaone/os-patches.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = ParseAll("os-patches.csv", f, Options{Kind: KindSecurity})
	if err == nil || !strings.Contains(err.Error(), "no date column") {
		t.Fatalf("err = %v, want the report refused for want of a date", err)
	}
}

// TestOSEndOfSupport checks the table against the publisher's dates.
func TestOSEndOfSupport(t *testing.T) {
	tests := []struct {
		os    string
		end   string
		known bool
	}{
		{"Microsoft Windows Server 2012 R2 Standard", "2023-10-10", true},
		{"Windows Server 2008 R2 Enterprise", "2020-01-14", true},
		{"Windows Server 2019 Datacenter", "2029-01-09", true},
		{"Windows 10 Pro", "2025-10-14", true},
		{"Microsoft Windows 7 Professional", "2020-01-14", true},
		{"Windows 8.1 Pro", "2023-01-10", true},
		{"Windows Small Business Server 2011 Standard", "2020-01-14", true},
		{"Windows 10 Enterprise LTSC 2019", "", false},
		{"macOS 14.3", "", false},
		{"Ubuntu 22.04", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		end, known := osEndOfSupport(tt.os)
		if known != tt.known || (known && !end.Equal(day(tt.end))) {
			t.Errorf("%q: end %v known %v, want %q known %v", tt.os, end, known, tt.end, tt.known)
		}
	}
}

// TestDeviceStatusWords checks that a patch or backup status nobody knows
// is an error naming the column and value, not a silent guess.
func TestDeviceStatusWords(t *testing.T) {
	in := "Hostname,Site Name,Last Seen,Patch Status,Backup Status\n" +
		"PC1,Acme,2026-03-01,Sort of patched,ok\n" +
		"PC2,Acme,2026-03-01,Fully Patched,Kinda\n"
	_, sum, err := ParseAll("devices.csv", strings.NewReader(in), Options{Kind: KindSecurity})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(sum.Err())
	for _, want := range []string{`devices.csv:2`, `Patch Status`, `Sort of patched`, `devices.csv:3`, `Backup Status`, `Kinda`} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
}

// TestSecurityReportByMapping: an RMM without a preset is read through a
// mapping of its columns, its day given in the options.
func TestSecurityReportByMapping(t *testing.T) {
	m, err := ReadMapping("rmm.json", strings.NewReader(
		`{"kind": "security", "columns": {"device": "Computer", "client": "Customer", "patch_status": "Updates", "os": "System"}}`))
	if err != nil {
		t.Fatal(err)
	}
	in := "Computer,Customer,Updates,System\nPC1,Acme,Up to date,Windows 11 Pro\nPC2,Acme,Missing,Windows 8.1 Pro\n"
	opt := Options{Kind: KindSecurity, Preset: m.Preset("rmm.json")}
	if _, _, err := ParseAll("rmm.csv", strings.NewReader(in), opt); err == nil || !strings.Contains(err.Error(), "--taken") {
		t.Fatalf("without a day: err = %v", err)
	}
	opt.Taken = day("2026-04-01")
	recs, sum, err := ParseAll("rmm.csv", strings.NewReader(in), opt)
	if err != nil || sum.ErrorCount > 0 || len(recs) != 1 {
		t.Fatalf("err %v, %d records, errors %v", err, len(recs), sum.Err())
	}
	a := recs[0].(SecurityRecord)
	eqTime(t, "the day given", a.Taken, day("2026-04-01"))
	eqPtr(t, "compliance", a.PatchCompliance, 50.0)
	eqPtr(t, "Windows 8.1 ended 2023-01-10", a.EOLDevices, 1)
}
