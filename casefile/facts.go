package casefile

import (
	"time"

	"offboard/scoring"
	"offboard/store"
)

// scoringFacts translates the store's aggregate rows into scoring's facts.
// Every client's months share one allocation, and so do the security
// snapshots, so translating adds few allocations to loading. Every client
// gets the portfolio's records coverage (see recordsCoverage).
func scoringFacts(rows []store.ClientFacts) []scoring.ClientFacts {
	n := 0
	for i := range rows {
		n += len(rows[i].Months)
	}
	records := recordsCoverage(rows)
	months := make([]scoring.MonthFacts, n)
	snaps := make([]scoring.SecuritySnapshot, 0, 2*len(rows))
	out := make([]scoring.ClientFacts, len(rows))
	for i := range rows {
		k := len(rows[i].Months)
		out[i] = clientFacts(&rows[i], months[:k:k])
		out[i].Records = records
		months = months[k:]
		out[i].Security, snaps = securityFacts(rows[i].Security, snaps)
		out[i].FirstSecurity, snaps = securityFacts(rows[i].FirstSecurity, snaps)
	}
	return out
}

// recordsCoverage is where the portfolio's records of each kind begin: the
// first month in which any client has a ticket, a time entry or an issued
// invoice, read from the roll-ups already loaded.
//
// Per portfolio, not per client: a records export covers a span of the
// business (what the PSA holds, the range an invoicing report was asked
// for), not a span of each client. A quiet client with no ticket in its
// first months has had none, and its zeros are real; only before the first
// record of the whole portfolio is a month unknown rather than quiet. Per
// kind, because tickets, time and invoices often come from different tools
// with different reaches. A month whose time rounds to no minute counts as
// no time.
func recordsCoverage(rows []store.ClientFacts) scoring.Coverage {
	var c scoring.Coverage
	earlier := func(at *time.Time, month time.Time) {
		if at.IsZero() || month.Before(*at) {
			*at = month
		}
	}
	for i := range rows {
		// A client's months are in order: its first of each kind is the
		// only one that can be the portfolio's first.
		var tickets, work, invoices bool
		for _, m := range rows[i].Months {
			if !tickets && m.Tickets > 0 {
				earlier(&c.Tickets, m.Month)
				tickets = true
			}
			if !work && m.MinutesWorked > 0 {
				earlier(&c.Time, m.Month)
				work = true
			}
			if !invoices && m.InvoicesIssued > 0 {
				earlier(&c.Invoices, m.Month)
				invoices = true
			}
			if tickets && work && invoices {
				break
			}
		}
	}
	return c
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
