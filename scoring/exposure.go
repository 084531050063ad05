package scoring

import (
	"cmp"
	"slices"
)

// RevenueAtRisk is the monthly revenue of the clients we serve, split by
// the recommendation in force: what the portfolio would lose if every
// client recommended for offboarding left, and what hangs on remediation.
type RevenueAtRisk struct {
	// Currency is the clients' one currency, "" when they bill in several
	// (the sums then add unlike money and say so on screen).
	Currency string
	// Total is the MRR of every client counted, in minor units.
	Total int64
	// ByRecommendation has one entry per recommendation, in the order of
	// Recommendations.
	ByRecommendation []RevenueShare
}

// RevenueShare is the MRR one recommendation holds.
type RevenueShare struct {
	Recommendation Recommendation
	Clients        int
	MRR            int64   // minor units
	Share          float64 // of Total, 0–1
}

// RevenueAtRisk sums the MRR of the clients we serve by the recommendation
// in force.
func (p *Portfolio) RevenueAtRisk() RevenueAtRisk {
	recs := Recommendations()
	r := RevenueAtRisk{ByRecommendation: make([]RevenueShare, len(recs))}
	for i, rec := range recs {
		r.ByRecommendation[i].Recommendation = rec
	}
	currencies := map[string]bool{}
	for i := range p.Assessments {
		a := &p.Assessments[i]
		if !a.Client.Status.Serviced() {
			continue
		}
		currencies[a.Client.Currency] = true
		r.Total += a.Client.MRR
		if j := slices.Index(recs, a.Recommendation); j >= 0 {
			r.ByRecommendation[j].Clients++
			r.ByRecommendation[j].MRR += a.Client.MRR
		}
	}
	if len(currencies) == 1 {
		for c := range currencies {
			r.Currency = c
		}
	}
	if r.Total > 0 {
		for i := range r.ByRecommendation {
			r.ByRecommendation[i].Share = float64(r.ByRecommendation[i].MRR) / float64(r.Total)
		}
	}
	return r
}

// Leaders is how much of a total the largest clients hold (seed 000: a few
// clients consume most resources; the same holds of revenue, where losing
// one client can cost a large part of it).
type Leaders struct {
	Clients int
	Total   float64
	// Top is the largest client; TopShare its share of Total.
	Top      NamedValue
	TopShare float64
	// TopN is how many clients the second share counts (five, or fewer in
	// a smaller portfolio); TopNShare their share of Total.
	TopN      int
	TopNShare float64
}

// leadersCounted is how many of the largest clients Leaders sums together.
const leadersCounted = 5

// LeadersOf ranks values, largest first, and measures the share of the
// total held by the largest one and by the largest five.
func LeadersOf(values []NamedValue) Leaders {
	l := Leaders{Clients: len(values)}
	if len(values) == 0 {
		return l
	}
	s := slices.Clone(values)
	slices.SortFunc(s, func(a, b NamedValue) int { return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Name, b.Name)) })
	l.Top, l.TopN = s[0], min(leadersCounted, len(s))
	var topN float64
	for i, v := range s {
		l.Total += v.Value
		if i < l.TopN {
			topN += v.Value
		}
	}
	if l.Total > 0 {
		l.TopShare, l.TopNShare = l.Top.Value/l.Total, topN/l.Total
	}
	return l
}

// MRRLeaders measures how much of the monthly revenue of the clients we
// serve their largest clients hold.
func (p *Portfolio) MRRLeaders() Leaders {
	return LeadersOf(p.serviced(func(a *Assessment) float64 { return float64(a.Client.MRR) }))
}

// HoursLeaders measures how much of the hours worked in the assessment
// window the heaviest clients took.
func (p *Portfolio) HoursLeaders() Leaders {
	return LeadersOf(p.serviced(func(a *Assessment) float64 { return a.Profit.Hours }))
}

// serviced lists value of every client we serve.
func (p *Portfolio) serviced(value func(*Assessment) float64) []NamedValue {
	out := make([]NamedValue, 0, len(p.Assessments))
	for i := range p.Assessments {
		if a := &p.Assessments[i]; a.Client.Status.Serviced() {
			out = append(out, NamedValue{ID: a.Client.ID, Name: a.Client.Name, Value: value(a)})
		}
	}
	return out
}
