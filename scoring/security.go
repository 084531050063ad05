package scoring

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// on returns the day a part was reported: its own date, else the
// snapshot's.
func (s *SecuritySnapshot) on(part time.Time) time.Time {
	if part.IsZero() {
		return s.At
	}
	return part
}

// mfa returns the MFA coverage and its day, NaN when no report gave it.
func (s *SecuritySnapshot) mfa() (float64, time.Time) {
	if s.NoMFA {
		return math.NaN(), time.Time{}
	}
	return s.MFACoverage, s.on(s.MFAAt)
}

// patch returns the patch compliance and its day, NaN when unknown.
func (s *SecuritySnapshot) patch() (float64, time.Time) {
	if s.NoPatch {
		return math.NaN(), time.Time{}
	}
	return s.PatchCompliance, s.on(s.PatchAt)
}

// eolShare returns the share of devices past their end of life and its
// day, NaN when no report gave the devices or there were none.
func (s *SecuritySnapshot) eolShare() (float64, time.Time) {
	if s.NoDevices {
		return math.NaN(), time.Time{}
	}
	return ratio(float64(s.EOLDevices), float64(s.Devices)), s.on(s.DevicesAt)
}

// severity rates the parts a report gave against the configured bands.
func (s *SecuritySnapshot) severity(sc SecurityConfig) float64 {
	sev := backupSeverity[s.Backup]
	if v, _ := s.mfa(); !math.IsNaN(v) {
		sev = max(sev, sc.MFA.Severity(v))
	}
	if v, _ := s.patch(); !math.IsNaN(v) {
		sev = max(sev, sc.Patch.Severity(v))
	}
	if v, _ := s.eolShare(); !math.IsNaN(v) {
		sev = max(sev, sc.EOLShare.Severity(v))
	}
	return sev
}

// dated says when a part was reported, if not on the snapshot's day.
func (s *SecuritySnapshot) dated(part time.Time) string {
	if part.IsZero() || part.Equal(s.At) {
		return ""
	}
	return " as of " + part.Format(time.DateOnly)
}

// evidence writes the snapshot as the flag's evidence: every figure with
// the counts behind it, and what no report said, said so.
func (s *SecuritySnapshot) evidence(sc SecurityConfig) string {
	var parts []string
	if s.NoMFA {
		parts = append(parts, "MFA not reported")
	} else {
		p := "MFA on " + percent(s.MFACoverage) + " of accounts"
		if s.MFAAccounts > 0 {
			p += fmt.Sprintf(" (%d of %d)", s.MFARegistered, s.MFAAccounts)
		}
		parts = append(parts, p+s.dated(s.MFAAt))
	}
	if s.NoPatch {
		parts = append(parts, "patch compliance not reported")
	} else {
		p := fmt.Sprintf("patch compliance %s (compliant from %s", percent(s.PatchCompliance), percent(sc.Patch.Concern))
		if s.PatchCounted {
			p += fmt.Sprintf("; %s fully patched", count(s.PatchCompliant, "device"))
			if s.PatchUnknown > 0 {
				p += fmt.Sprintf(", %d of unknown status counted as not patched", s.PatchUnknown)
			}
		}
		parts = append(parts, p+")"+s.dated(s.PatchAt))
	}
	if s.NoDevices {
		parts = append(parts, "devices not reported")
	} else {
		p := fmt.Sprintf("%d of %d devices end-of-life", s.EOLDevices, s.Devices)
		var notes []string
		if eol := ratio(float64(s.EOLDevices), float64(s.Devices)); !math.IsNaN(eol) {
			notes = append(notes, percentOf1(eol))
		}
		if s.OSUnknown > 0 {
			notes = append(notes, fmt.Sprintf("%d whose operating system's end of life is not known, not counted as end-of-life", s.OSUnknown))
		}
		if len(notes) > 0 {
			p += " (" + strings.Join(notes, "; ") + ")"
		}
		parts = append(parts, p+s.dated(s.DevicesAt))
	}
	backup := "backups not reported"
	if s.Backup != "" {
		backup = "backups " + string(s.Backup) + s.dated(s.BackupAt)
	}
	parts = append(parts, backup)
	return "snapshot of " + s.At.Format(time.DateOnly) + ": " + strings.Join(parts, ", ")
}

// travel says where MFA and patch compliance stood in the earliest
// snapshot, for the parts reported earlier than the latest: the direction
// of travel. It returns "" when there is nothing earlier to compare.
func travel(first, latest *SecuritySnapshot) string {
	type was struct {
		on time.Time
		// text is said after another part of the same day, alone when
		// the part stands alone.
		text, alone string
	}
	var then []was
	if v, at := first.mfa(); !math.IsNaN(v) {
		if _, now := latest.mfa(); at.Before(now) {
			then = append(then, was{at, "MFA was " + percent(v), "MFA was " + percent(v)})
		}
	}
	if v, at := first.patch(); !math.IsNaN(v) {
		if _, now := latest.patch(); at.Before(now) {
			then = append(then, was{at, "patch compliance " + percent(v), "patch compliance was " + percent(v)})
		}
	}
	switch {
	case len(then) == 0:
		return ""
	case len(then) == 2 && then[0].on.Equal(then[1].on):
		return "on " + then[0].on.Format(time.DateOnly) + " " + then[0].text + " and " + then[1].text
	}
	out := make([]string, len(then))
	for i, w := range then {
		out[i] = "on " + w.on.Format(time.DateOnly) + " " + w.alone
	}
	return strings.Join(out, "; ")
}
