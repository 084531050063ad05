package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// securityReport is what a report of accounts or devices (one a row)
// gathers while it is read: a tally per client, and the report's day.
type securityReport struct {
	// fixed is the report's day as the options give it; newest is the
	// newest date the rows give, which stands in for it: a report lists
	// when each account or device was last updated or seen, so the newest
	// of those is the day it was taken, near enough.
	fixed, newest time.Time
}

// day is the day the report was taken, as a date.
func (r *securityReport) day() time.Time {
	t := r.newest
	if !r.fixed.IsZero() {
		t = r.fixed
	}
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// checkReportDay refuses a security file without a date column when the
// options name no day: its snapshots would have none.
func checkReportDay(file string, preset *Preset, b map[string]binding, opt Options) error {
	if _, dated := b["taken"]; preset.Kind != KindSecurity || dated || !opt.Taken.IsZero() {
		return nil
	}
	return fmt.Errorf("%s: preset %s reads a report with no date column: give the day it was taken (--taken YYYY-MM-DD)", file, preset.Name)
}

// perRow reports whether the file lists accounts or devices one a row
// rather than one snapshot a row.
func (p *rowParser) perRow() bool {
	_, accounts := p.bind["account"]
	_, devices := p.bind["device"]
	return accounts || devices
}

// securityTally counts one client's accounts and devices in a report.
//
// MFA coverage is the members registered for MFA over all members: guest
// accounts are left out (their MFA is their home organisation's) and
// counted apart. Patch compliance is the devices fully patched over all
// devices, those with no patch status among them: a device whose status
// the report does not know is not known to be patched, so it counts
// against compliance, and the evidence says how many there were. A device
// is end-of-life when the tool says so, or when its operating system is
// one whose publisher's end of support is on or before the report's day
// (see osEndOfSupport); a device whose operating system is not given or
// not in that table is counted, not as end-of-life, and said. Backups are
// failing when any device's failed, else warning when any warned, else ok
// when any was backed up, else none when the report says the devices have
// none, else not known.
type securityTally struct {
	report *securityReport
	client ClientRef
	// line is the client's first row, where errors about its snapshot
	// point.
	line                         int
	accounts, registered, guests int
	// devices holds each device once, by name: a patch report lists a
	// device once for each of its patches.
	devices                            map[string]*deviceState
	order                              []string
	hasMFA, hasPatch, hasOS, hasBackup bool
}

// deviceState is what a report says of one device over its rows.
type deviceState struct {
	patch  int
	os     string
	eol    *bool
	backup string
}

// patchRank orders patch states for a device listed more than once: one
// patch behind makes the device behind, one unknown makes it unknown.
var patchRank = map[int]int{patchCompliant: 0, patchUnknown: 1, patchBehind: 2}

// securityRow reads one account or device of a report into its client's
// tally. It returns no record: the snapshots are emitted once the whole
// report is read and its day is known.
func (p *rowParser) securityRow() Record {
	if p.report == nil {
		p.report = &securityReport{fixed: p.opt.Taken}
	}
	rep := p.report
	if d := p.when("taken"); d.After(rep.newest) {
		rep.newest = d
	}
	ref := p.clientRef(true)
	var obs func(t *securityTally)
	if _, ok := p.bind["account"]; ok {
		obs = p.accountRow()
	} else {
		obs = p.deviceRow()
	}
	if !p.ok() {
		return nil
	}
	key := refKey(ref)
	g, _ := p.join("client", key, key, nil, func(g *group) {
		t := &securityTally{report: rep, client: ref, line: p.row.Line, devices: map[string]*deviceState{}}
		g.acc, g.finish = t, t.record
	})
	obs(g.acc.(*securityTally))
	return nil
}

// accountRow reads an account: guests apart, members by whether they are
// registered for MFA.
func (p *rowParser) accountRow() func(t *securityTally) {
	p.require("account")
	p.require("mfa")
	// The admin center's download has no user type, but a guest's user
	// principal name carries #EXT#.
	guest := strings.EqualFold(p.text("account_type"), "guest") || strings.Contains(strings.ToUpper(p.text("account")), "#EXT#")
	registered := false
	if v, col, ok := p.value("mfa"); ok {
		var err error
		if registered, err = parseRegistered(v); err != nil {
			p.fail(err, col, v)
		}
	}
	return func(t *securityTally) {
		t.hasMFA = true
		switch {
		case guest:
			t.guests++
		case registered:
			t.accounts++
			t.registered++
		default:
			t.accounts++
		}
	}
}

// deviceRow reads a device: its patch status, operating system and backup.
func (p *rowParser) deviceRow() func(t *securityTally) {
	p.require("device")
	patch := patchUnknown
	_, hasStatus := p.bind["patch_status"]
	_, hasMissing := p.bind["missing_patches"]
	if v, col, ok := p.value("patch_status"); ok {
		var known bool
		if patch, known = patchStates[normalizeWords(v)]; !known {
			p.fail(valueErr("a patch status", "known are Fully Patched, Up to date, Installed, Approved Pending, Pending, "+
				"Install Error, Failed, Reboot Required, Missing, No Data, No Policy, Unknown and their variants"), col, v)
		}
	}
	if patch == patchUnknown {
		if n := p.optInt("missing_patches"); n != nil {
			patch = patchCompliant
			if *n > 0 {
				patch = patchBehind
			}
		}
	}
	osName := p.text("os")
	_, hasOS := p.bind["os"]
	eol := p.boolean("os_eol")
	_, hasEOL := p.bind["os_eol"]
	backup, hasBackup := "", false
	if _, ok := p.bind["backup_status"]; ok {
		hasBackup = true
		if v, col, ok := p.value("backup_status"); ok {
			var known bool
			if backup, known = deviceBackups[normalizeWords(v)]; !known {
				p.fail(valueErr("a backup status", "known are ok, warning, failing, none and their usual wordings"), col, v)
			}
		}
	}
	name := strings.ToLower(p.text("device"))
	return func(t *securityTally) {
		t.hasPatch = t.hasPatch || hasStatus || hasMissing
		t.hasOS = t.hasOS || hasOS || hasEOL
		t.hasBackup = t.hasBackup || hasBackup
		d, seen := t.devices[name]
		if !seen {
			d = &deviceState{patch: patch, os: osName, eol: eol, backup: backup}
			t.devices[name] = d
			t.order = append(t.order, name)
			return
		}
		if patchRank[patch] > patchRank[d.patch] {
			d.patch = patch
		}
		if d.os == "" {
			d.os = osName
		}
		if d.eol == nil {
			d.eol = eol
		}
		if backupRank(backup) > backupRank(d.backup) {
			d.backup = backup
		}
	}
}

// record makes the client's snapshot from its tally, dated the report's day.
func (t *securityTally) record() Record {
	day := t.report.day()
	r := SecurityRecord{Client: t.client, Taken: day, GuestsSkipped: t.guests}
	if t.hasMFA {
		r.MFAAccounts, r.MFARegistered = ptr(t.accounts), ptr(t.registered)
		if t.accounts > 0 {
			r.MFACoverage = ptr(100 * float64(t.registered) / float64(t.accounts))
		}
	}
	if n := len(t.order); n > 0 {
		r.TotalDevices = ptr(n)
		var compliant, unknown, eol, osUnknown int
		backups := map[string]int{}
		for _, name := range t.order {
			d := t.devices[name]
			switch d.patch {
			case patchCompliant:
				compliant++
			case patchUnknown:
				unknown++
			}
			switch end, known := osEndOfSupport(d.os); {
			case d.eol != nil:
				if *d.eol {
					eol++
				}
			case !known:
				osUnknown++
			case !end.After(day):
				eol++
			}
			backups[d.backup]++
		}
		if t.hasPatch {
			r.PatchCompliance = ptr(100 * float64(compliant) / float64(n))
			r.PatchCompliant, r.PatchUnknown = ptr(compliant), ptr(unknown)
		}
		if t.hasOS {
			r.EOLDevices, r.OSUnknown = ptr(eol), ptr(osUnknown)
		}
		if t.hasBackup {
			r.BackupStatus = worstBackup(backups)
		}
	}
	r.Source = Source{NaturalKey: refKey(t.client) + "|" + day.Format("2006-01-02"), SourceLine: t.line}
	return r
}

func ptr[T any](v T) *T { return &v }

// The patch states a device can be in.
const (
	patchUnknown = iota
	patchCompliant
	patchBehind
)

// patchStates maps the patch statuses RMM tools show, lower-cased, to ours.
// "No data" and "no policy" say nothing of the device's patches.
var patchStates = map[string]int{
	"fully patched": patchCompliant, "patched": patchCompliant, "up to date": patchCompliant, "compliant": patchCompliant,
	"ok": patchCompliant, "healthy": patchCompliant, "installed": patchCompliant, "no missing patches": patchCompliant,
	// NinjaOne's patch report: approved or held for manual approval, a
	// patch is not yet installed.
	"approved": patchBehind, "manual": patchBehind,
	"approved pending": patchBehind, "pending": patchBehind, "install error": patchBehind, "failed": patchBehind,
	"reboot required": patchBehind, "missing": patchBehind, "missing patches": patchBehind, "not compliant": patchBehind,
	"non compliant": patchBehind, "noncompliant": patchBehind, "out of date": patchBehind, "needs attention": patchBehind,
	"warning": patchBehind, "failing": patchBehind, "critical": patchBehind, "overdue": patchBehind,
	// A rejected patch is one the MSP chose not to install: it does not
	// leave the device behind.
	"rejected": patchCompliant,
	"no data":  patchUnknown, "no policy": patchUnknown, "unknown": patchUnknown, "not scanned": patchUnknown,
	"n a": patchUnknown, "not applicable": patchUnknown, "none": patchUnknown,
}

// deviceBackups maps a device's backup status as tools word it to ours;
// "" is a device the report gives no backup status for.
var deviceBackups = map[string]string{
	"ok": "ok", "success": "ok", "succeeded": "ok", "successful": "ok", "completed": "ok", "healthy": "ok", "good": "ok", "protected": "ok",
	"warning": "warning", "warn": "warning", "partial": "warning", "completed with errors": "warning", "degraded": "warning", "overdue": "warning",
	"failing": "failing", "failed": "failing", "failure": "failing", "error": "failing", "critical": "failing", "missed": "failing",
	"none": "none", "no backup": "none", "not configured": "none", "not protected": "none", "unprotected": "none", "disabled": "none",
	// A backup under way says nothing of the last one.
	"in progress": "", "running": "",
}

// backupOrder ranks backup states from worst: a client's status is its
// devices' worst, ok outranking none because a report lists the devices
// nobody backs up (workstations, most often) beside the servers that are.
var backupOrder = []string{"failing", "warning", "ok", "none"}

// worstBackup is a client's backup status from its devices' counts (see
// securityTally); "" when no device's is known.
func worstBackup(n map[string]int) string {
	for _, s := range backupOrder {
		if n[s] > 0 {
			return s
		}
	}
	return ""
}

// backupRank is how bad a device's backup state is, for a device listed
// twice: higher is worse, "" (not said) lowest.
func backupRank(s string) int {
	for i, b := range backupOrder {
		if b == s {
			return len(backupOrder) - i
		}
	}
	return 0
}

// parseRegistered reads whether an account is registered for MFA, as the
// identity reports write it.
func parseRegistered(s string) (bool, error) {
	switch normalizeWords(s) {
	case "registered", "capable", "enabled", "enforced":
		return true, nil
	case "not registered", "not capable", "disabled", "not enabled":
		return false, nil
	}
	b, err := ParseBool(s)
	if err != nil {
		return false, valueErr("yes or no", "or Registered / Not registered, Capable / Not capable")
	}
	return b, nil
}

// normalizeWords lower-cases a status and reduces its separators to
// single spaces: "Install_Error" and "install error" are one status.
func normalizeWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(unguard(s)), func(r rune) bool {
		return r == ' ' || r == '_' || r == '-' || r == '/' || r == '.'
	}), " ")
}

// osSupport is an operating system and the day its publisher's support
// ended or ends.
type osSupport struct {
	pattern *regexp.Regexp
	end     time.Time
}

func endOn(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// osSupportEnds lists Microsoft's published end-of-support dates for the
// Windows editions RMM tools report (extended support for servers, the
// end of servicing for desktops). Long-term servicing editions end on
// other days and are left out, like the systems whose publishers publish
// no end date: their devices count as not judged.
var osSupportEnds = []osSupport{
	{regexp.MustCompile(`(?i)\blts[bc]\b`), time.Time{}},
	{regexp.MustCompile(`(?i)small business server 2011`), endOn(2020, 1, 14)},
	{regexp.MustCompile(`(?i)server 2003`), endOn(2015, 7, 14)},
	{regexp.MustCompile(`(?i)server 2008`), endOn(2020, 1, 14)},
	{regexp.MustCompile(`(?i)server 2012`), endOn(2023, 10, 10)},
	{regexp.MustCompile(`(?i)server 2016`), endOn(2027, 1, 12)},
	{regexp.MustCompile(`(?i)server 2019`), endOn(2029, 1, 9)},
	{regexp.MustCompile(`(?i)server 2022`), endOn(2031, 10, 14)},
	{regexp.MustCompile(`(?i)server 2025`), endOn(2034, 10, 10)},
	{regexp.MustCompile(`(?i)windows xp\b`), endOn(2014, 4, 8)},
	{regexp.MustCompile(`(?i)windows vista\b`), endOn(2017, 4, 11)},
	{regexp.MustCompile(`(?i)windows 7\b`), endOn(2020, 1, 14)},
	{regexp.MustCompile(`(?i)windows 8\.1\b`), endOn(2023, 1, 10)},
	{regexp.MustCompile(`(?i)windows 8\b`), endOn(2016, 1, 12)},
	{regexp.MustCompile(`(?i)windows 10\b`), endOn(2025, 10, 14)},
	// Windows 11 itself is in support; only its older feature updates
	// are not, which is a matter of patching.
	{regexp.MustCompile(`(?i)windows 11\b`), endOn(9999, 12, 31)},
}

// osEndOfSupport returns the day an operating system's support ends, and
// false when it is not one the table judges.
func osEndOfSupport(name string) (time.Time, bool) {
	for _, s := range osSupportEnds {
		if s.pattern.MatchString(name) {
			return s.end, !s.end.IsZero()
		}
	}
	return time.Time{}, false
}

// optPercent reads a percentage, nil when the cell is blank or absent.
func (p *rowParser) optPercent(field string) *float64 {
	if _, _, ok := p.value(field); !ok {
		return nil
	}
	return ptr(p.percent(field))
}

// optInt reads a whole number, nil when the cell is blank or absent.
func (p *rowParser) optInt(field string) *int {
	if _, _, ok := p.value(field); !ok {
		return nil
	}
	return ptr(p.integer(field))
}
