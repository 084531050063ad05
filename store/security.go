package store

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// SecurityRow is a security snapshot as an import writes it, keyed by its
// client and day. A nil part is one the import's report does not hold: it
// leaves what another report of the same day said.
type SecurityRow struct {
	ClientID                 int64
	Taken                    time.Time
	MFAPct, PatchPct         *float64
	EOLDevices, TotalDevices *int
	// Backup is "" when the report says nothing of backups.
	Backup string
	// The counts behind the percentages, when the report lists accounts or
	// devices one a row.
	MFAAccounts, MFARegistered   *int
	PatchCompliant, PatchUnknown *int
	OSUnknown                    *int
}

// securityParts are the columns of a snapshot in the groups a report
// writes together: a report that gives MFA coverage replaces the account
// counts too, even with none (a percentage typed by hand has no counts), so
// the counts never disagree with the percentage beside them. The numbers
// are the parameters of WriteSecurity's statements.
var securityParts = []struct {
	given   string // the condition under which the report holds the group
	columns map[string]int
}{
	{"?3 IS NOT NULL", map[string]int{"mfa_pct": 3, "mfa_accounts": 8, "mfa_registered": 9}},
	{"?4 IS NOT NULL", map[string]int{"patch_pct": 4, "patch_compliant": 10, "patch_unknown": 11}},
	{"(?5 IS NOT NULL OR ?6 IS NOT NULL)", map[string]int{"eol_devices": 5, "total_devices": 6, "os_unknown": 12}},
	{"?7 IS NOT NULL", map[string]int{"backup_status": 7}},
}

// securityUpdate is the UPDATE that merges a snapshot into the stored one
// of the same client and day, matching only when something changes.
var securityUpdate = func() string {
	var set, differs []string
	for _, p := range securityParts {
		cols := make([]string, 0, len(p.columns))
		for c := range p.columns {
			cols = append(cols, c)
		}
		sort.Strings(cols)
		for _, c := range cols {
			v := fmt.Sprintf("CASE WHEN %s THEN ?%d ELSE %s END", p.given, p.columns[c], c)
			set = append(set, c+" = "+v)
			differs = append(differs, c+" IS NOT "+v)
		}
	}
	return "UPDATE security_snapshots SET " + strings.Join(set, ", ") +
		" WHERE client_id = ?1 AND taken_on = ?2 AND (" + strings.Join(differs, " OR ") + ")"
}()

// WriteSecurity writes a security snapshot, merged into the snapshot the
// client already has for that day: each part the row holds (see
// securityParts) replaces the stored one, each part it lacks keeps it.
func (t *ImportTx) WriteSecurity(r SecurityRow) error {
	args := []any{r.ClientID, Date(r.Taken), r.MFAPct, r.PatchPct, r.EOLDevices, r.TotalDevices, nullString(r.Backup),
		r.MFAAccounts, r.MFARegistered, r.PatchCompliant, r.PatchUnknown, r.OSUnknown}
	_, err := t.upsert(`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, patch_pct, eol_devices,
        total_devices, backup_status, mfa_accounts, mfa_registered, patch_compliant, patch_unknown, os_unknown)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (client_id, taken_on) DO NOTHING`, args,
		securityUpdate, args)
	return err
}
