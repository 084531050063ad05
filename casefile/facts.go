package casefile

import (
	"offboard/scoring"
	"offboard/store"
)

// scoringFacts translates the store's aggregate rows into scoring's facts.
// Every client's months share one allocation, and so do the security
// snapshots, so translating adds few allocations to loading.
func scoringFacts(rows []store.ClientFacts) []scoring.ClientFacts {
	n := 0
	for i := range rows {
		n += len(rows[i].Months)
	}
	months := make([]scoring.MonthFacts, n)
	snaps := make([]scoring.SecuritySnapshot, 0, 2*len(rows))
	out := make([]scoring.ClientFacts, len(rows))
	for i := range rows {
		k := len(rows[i].Months)
		out[i] = clientFacts(&rows[i], months[:k:k])
		months = months[k:]
		out[i].Security, snaps = securityFacts(rows[i].Security, snaps)
		out[i].FirstSecurity, snaps = securityFacts(rows[i].FirstSecurity, snaps)
	}
	return out
}

// clientFacts translates one client's row but its security snapshots, its
// months into the room given.
func clientFacts(r *store.ClientFacts, months []scoring.MonthFacts) scoring.ClientFacts {
	f := scoring.ClientFacts{ID: r.ID, Name: r.Name, Status: ClientStatusOf(r.Status), Seats: r.Seats, MRR: r.MRRMinor,
		Currency: r.Currency, Since: r.Since, Overdue: r.OverdueMinor, OverdueInvoices: r.OverdueInvoices}
	if len(r.Months) > 0 {
		for j, m := range r.Months {
			months[j] = scoring.MonthFacts(m)
		}
		f.Months = months
	}
	if len(r.Incidents) > 0 {
		f.Incidents = make([]scoring.Incident, len(r.Incidents))
		for j, in := range r.Incidents {
			f.Incidents[j] = scoring.Incident{Kind: scoring.IncidentKind(in.Kind), Severity: in.Severity, At: in.At,
				Description: in.Description}
		}
	}
	if len(r.Upgrades) > 0 {
		f.Upgrades = make([]scoring.Upgrade, len(r.Upgrades))
		for j, u := range r.Upgrades {
			f.Upgrades[j] = scoring.Upgrade{Title: u.Title, Proposed: u.Proposed, Decided: u.Decided,
				Decision: scoring.UpgradeDecision(u.Decision)}
		}
	}
	if r.Plan != nil {
		f.Plan = &scoring.Plan{Status: PlanStatusOf(r.Plan.Status), Started: r.Plan.Started, ReviewDate: r.Plan.ReviewDate}
	}
	if r.Override != "" {
		f.Override = &scoring.Override{Recommendation: scoring.Recommendation(r.Override), Reason: r.OverrideReason,
			At: r.OverrideAt}
	}
	return f
}

// securityFacts translates a snapshot into the next place of slab, which
// has room for it, and returns the slab with it; nil stays nil.
func securityFacts(s *store.SecurityFact, slab []scoring.SecuritySnapshot) (*scoring.SecuritySnapshot, []scoring.SecuritySnapshot) {
	if s == nil {
		return nil, slab
	}
	snap := scoring.SecuritySnapshot{At: s.At, Backup: scoring.BackupStatus(s.Backup), BackupAt: s.BackupAt,
		NoMFA: s.MFA == nil, NoPatch: s.Patch == nil, NoDevices: s.Devices == nil}
	if m := s.MFA; m != nil {
		snap.MFACoverage, snap.MFAAt, snap.MFAAccounts, snap.MFARegistered = m.Coverage, m.At, m.Accounts, m.Registered
	}
	if p := s.Patch; p != nil {
		snap.PatchCompliance, snap.PatchAt = p.Compliance, p.At
		snap.PatchCounted, snap.PatchCompliant, snap.PatchUnknown = p.Counted, p.Compliant, p.Unknown
	}
	if d := s.Devices; d != nil {
		snap.EOLDevices, snap.Devices, snap.DevicesAt, snap.OSUnknown = d.EOL, d.Total, d.At, d.OSUnknown
	}
	slab = append(slab, snap)
	return &slab[len(slab)-1], slab
}
