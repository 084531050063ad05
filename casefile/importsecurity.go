package casefile

import (
	"fmt"
	"strings"

	"offboard/importer"
	"offboard/store"
)

// backupStatuses maps backup states as monitoring tools word them; "" is a
// snapshot that says nothing of backups.
var backupStatuses = map[string]string{
	"ok": "ok", "success": "ok", "succeeded": "ok", "healthy": "ok", "passing": "ok", "good": "ok",
	"warning": "warning", "warn": "warning", "partial": "warning", "degraded": "warning",
	"failing": "failing", "failed": "failing", "failure": "failing", "error": "failing",
	"none": "none", "no backup": "none", "": "",
}

// backupRank orders backup states from healthy to worst, for merging two
// reports of one client's day.
var backupRank = map[string]int{"": 0, "none": 1, "ok": 2, "warning": 3, "failing": 4}

// securityKey is one client's day.
type securityKey struct {
	client int64
	day    string
}

// pendingSnapshot is a snapshot waiting for the end of the import, with the
// record it came from.
type pendingSnapshot struct {
	row    store.SecurityRow
	key    string
	line   int
	client string
}

// securityWriter holds an import's snapshots until its end and writes them
// merged per client and day. A report of accounts gives one snapshot per
// email domain, and a client may have several domains: their counts add up
// to the client's. A second snapshot of the same source row replaces the
// first, as a second import of the same day does.
type securityWriter struct {
	order  []securityKey
	by     map[securityKey]*pendingSnapshot
	guests int
}

// add checks a snapshot, finds its client and merges it into the pending
// snapshot of that client's day.
func (sw *securityWriter) add(w *recordWriter, r importer.SecurityRecord) error {
	backup, ok := backupStatuses[strings.ToLower(r.BackupStatus)]
	if !ok {
		return w.rowErr(r.Line(), "backup_status", "%q is not a backup status (ok, warning, failing, none)", r.BackupStatus)
	}
	if r.Taken.IsZero() {
		return w.rowErr(r.Line(), "taken", "the report gives no date; give the day it was taken (--taken YYYY-MM-DD)")
	}
	for _, n := range []*int{r.EOLDevices, r.TotalDevices, r.MFAAccounts, r.MFARegistered, r.PatchCompliant, r.PatchUnknown, r.OSUnknown} {
		if n != nil && *n < 0 {
			return w.rowErr(r.Line(), "", "counts of accounts and devices cannot be negative")
		}
	}
	switch {
	case r.MFARegistered != nil && r.MFAAccounts == nil:
		return w.rowErr(r.Line(), "mfa_registered", "accounts registered for MFA need mfa_accounts, the accounts they are out of")
	case r.MFARegistered != nil && *r.MFARegistered > *r.MFAAccounts:
		return w.rowErr(r.Line(), "mfa_registered", "%d accounts registered for MFA out of %d", *r.MFARegistered, *r.MFAAccounts)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	sw.guests += r.GuestsSkipped
	row := store.SecurityRow{ClientID: clientID, Taken: r.Taken, MFAPct: r.MFACoverage, PatchPct: r.PatchCompliance,
		EOLDevices: r.EOLDevices, TotalDevices: r.TotalDevices, Backup: backup, MFAAccounts: r.MFAAccounts,
		MFARegistered: r.MFARegistered, PatchCompliant: r.PatchCompliant, PatchUnknown: r.PatchUnknown, OSUnknown: r.OSUnknown}
	k := securityKey{clientID, r.Taken.Format("2006-01-02")}
	if sw.by == nil {
		sw.by = map[securityKey]*pendingSnapshot{}
	}
	p, seen := sw.by[k]
	if !seen {
		sw.by[k] = &pendingSnapshot{row: row, key: r.Key(), line: r.Line(), client: describeRef(r.Client)}
		sw.order = append(sw.order, k)
		return nil
	}
	if p.key == r.Key() {
		p.row, p.line = row, r.Line()
		return nil
	}
	mergeSnapshots(&p.row, row)
	return nil
}

// mergeSnapshots adds a second report of one client's day to the first:
// counted parts add up and their percentages are worked out again from the
// sums; a part only one gives is taken from it; backups take the worse.
func mergeSnapshots(into *store.SecurityRow, r store.SecurityRow) {
	switch {
	case into.MFAAccounts != nil && r.MFAAccounts != nil:
		into.MFAAccounts, into.MFARegistered = sum(into.MFAAccounts, r.MFAAccounts), sum(into.MFARegistered, r.MFARegistered)
		into.MFAPct = share(*into.MFARegistered, *into.MFAAccounts)
	case r.MFAPct != nil || r.MFAAccounts != nil:
		into.MFAPct, into.MFAAccounts, into.MFARegistered = r.MFAPct, r.MFAAccounts, r.MFARegistered
	}
	counted := into.TotalDevices != nil && r.TotalDevices != nil
	switch {
	case counted && into.PatchCompliant != nil && r.PatchCompliant != nil:
		into.PatchCompliant, into.PatchUnknown = sum(into.PatchCompliant, r.PatchCompliant), sum(into.PatchUnknown, r.PatchUnknown)
		into.PatchPct = share(*into.PatchCompliant, *into.TotalDevices+*r.TotalDevices)
	case r.PatchPct != nil:
		into.PatchPct, into.PatchCompliant, into.PatchUnknown = r.PatchPct, r.PatchCompliant, r.PatchUnknown
	}
	switch {
	case counted:
		into.TotalDevices, into.EOLDevices, into.OSUnknown = sum(into.TotalDevices, r.TotalDevices),
			sum(into.EOLDevices, r.EOLDevices), sum(into.OSUnknown, r.OSUnknown)
	case r.TotalDevices != nil || r.EOLDevices != nil:
		into.TotalDevices, into.EOLDevices, into.OSUnknown = r.TotalDevices, r.EOLDevices, r.OSUnknown
	}
	if backupRank[r.Backup] > backupRank[into.Backup] {
		into.Backup = r.Backup
	}
}

func sum(a, b *int) *int {
	n := 0
	for _, v := range []*int{a, b} {
		if v != nil {
			n += *v
		}
	}
	return &n
}

// share is part of whole as a percentage; nil when the whole is nothing.
func share(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	v := 100 * float64(part) / float64(whole)
	return &v
}

// flush writes the pending snapshots and notes what the counted ones hold.
func (sw *securityWriter) flush(w *recordWriter) error {
	for _, k := range sw.order {
		p := sw.by[k]
		if err := w.tx.WriteSecurity(p.row); err != nil {
			return fmt.Errorf("line %d: %w", p.line, err)
		}
		if n := snapshotNote(p.row); n != "" {
			w.res.Notes = append(w.res.Notes, fmt.Sprintf("%s on %s: %s", p.client, k.day, n))
		}
	}
	if sw.guests > 0 {
		w.res.Notes = append(w.res.Notes, fmt.Sprintf("left %d guest %s out of MFA coverage", sw.guests, plural(sw.guests, "account", "accounts")))
	}
	return nil
}

// snapshotNote says what a snapshot counted from a report of accounts or
// devices holds, so the user can check it against the report.
func snapshotNote(r store.SecurityRow) string {
	var parts []string
	if r.MFAAccounts != nil {
		p := fmt.Sprintf("MFA on %d of %d %s", *r.MFARegistered, *r.MFAAccounts, plural(*r.MFAAccounts, "account", "accounts"))
		if r.MFAPct != nil {
			p += fmt.Sprintf(" (%.0f%%)", *r.MFAPct)
		}
		parts = append(parts, p)
	}
	if r.PatchCompliant != nil && r.TotalDevices != nil {
		p := fmt.Sprintf("%d of %d %s fully patched", *r.PatchCompliant, *r.TotalDevices, plural(*r.TotalDevices, "device", "devices"))
		if r.PatchPct != nil {
			p += fmt.Sprintf(" (%.0f%%)", *r.PatchPct)
		}
		if r.PatchUnknown != nil && *r.PatchUnknown > 0 {
			p += fmt.Sprintf(", %d of unknown patch status counted as not patched", *r.PatchUnknown)
		}
		parts = append(parts, p)
	}
	if r.EOLDevices != nil && r.OSUnknown != nil {
		p := fmt.Sprintf("%d end-of-life", *r.EOLDevices)
		if *r.OSUnknown > 0 {
			p += fmt.Sprintf(", %d whose operating system's end of life is not known", *r.OSUnknown)
		}
		parts = append(parts, p)
	}
	if len(parts) > 0 && r.Backup != "" {
		parts = append(parts, "backups "+r.Backup)
	}
	return strings.Join(parts, "; ")
}
