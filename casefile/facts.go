package casefile

import (
	"offboard/scoring"
	"offboard/store"
)

// scoringFacts translates the store's aggregate rows into scoring's facts,
// one client at a time; months are converted in place of a second query,
// so the load stays a few aggregate queries whatever the portfolio's size.
func scoringFacts(rows []store.ClientFacts) []scoring.ClientFacts {
	out := make([]scoring.ClientFacts, len(rows))
	for i := range rows {
		out[i] = clientFacts(&rows[i])
	}
	return out
}

func clientFacts(r *store.ClientFacts) scoring.ClientFacts {
	f := scoring.ClientFacts{ID: r.ID, Name: r.Name, Status: ClientStatusOf(r.Status), Seats: r.Seats, MRR: r.MRRMinor,
		Currency: r.Currency, Since: r.Since, Overdue: r.OverdueMinor, OverdueInvoices: r.OverdueInvoices,
		Security: securityFacts(r.Security), FirstSecurity: securityFacts(r.FirstSecurity)}
	if len(r.Months) > 0 {
		f.Months = make([]scoring.MonthFacts, len(r.Months))
		for j, m := range r.Months {
			f.Months[j] = scoring.MonthFacts(m)
		}
	}
	for _, in := range r.Incidents {
		f.Incidents = append(f.Incidents, scoring.Incident{Kind: scoring.IncidentKind(in.Kind), Severity: in.Severity,
			At: in.At, Description: in.Description})
	}
	for _, u := range r.Upgrades {
		f.Upgrades = append(f.Upgrades, scoring.Upgrade{Title: u.Title, Proposed: u.Proposed, Decided: u.Decided,
			Decision: scoring.UpgradeDecision(u.Decision)})
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

func securityFacts(s *store.SecurityFact) *scoring.SecuritySnapshot {
	if s == nil {
		return nil
	}
	return &scoring.SecuritySnapshot{At: s.At, MFACoverage: s.MFACoverage, PatchCompliance: s.PatchCompliance,
		EOLDevices: s.EOLDevices, Devices: s.Devices, Backup: scoring.BackupStatus(s.Backup)}
}
