package scoring

import "testing"

// The revenue at risk adds up each recommendation's MRR over the clients
// we serve; an offboarded client no longer brings any.
func TestRevenueAtRisk(t *testing.T) {
	p := Portfolio{Assessments: []Assessment{
		{Client: &ClientFacts{ID: 1, Name: "Keep A", MRR: 300000, Currency: "USD", Status: StatusActive}, Recommendation: Keep},
		{Client: &ClientFacts{ID: 2, Name: "Keep B", MRR: 100000, Currency: "USD", Status: StatusActive}, Recommendation: Keep},
		{Client: &ClientFacts{ID: 3, Name: "Fix C", MRR: 400000, Currency: "USD", Status: StatusRemediation}, Recommendation: Remediate},
		{Client: &ClientFacts{ID: 4, Name: "Go D", MRR: 200000, Currency: "USD", Status: StatusNotice}, Recommendation: Offboard},
		{Client: &ClientFacts{ID: 5, Name: "Gone E", MRR: 900000, Currency: "USD", Status: StatusOffboarded}, Recommendation: Offboard},
	}}
	r := p.RevenueAtRisk()
	// 3,000 + 1,000 + 4,000 + 2,000 = 10,000.00; E is not served.
	if r.Total != 1000000 || r.Currency != "USD" {
		t.Fatalf("total %d %q, want 1000000 USD", r.Total, r.Currency)
	}
	want := []RevenueShare{
		{Keep, 2, 400000, 0.4},
		{Watch, 0, 0, 0},
		{Remediate, 1, 400000, 0.4},
		{Offboard, 1, 200000, 0.2},
	}
	for i, w := range want {
		if g := r.ByRecommendation[i]; g != w {
			t.Errorf("%s: %+v, want %+v", w.Recommendation, g, w)
		}
	}
	p.Assessments[1].Client.Currency = "EUR"
	if c := p.RevenueAtRisk().Currency; c != "" {
		t.Errorf("two currencies gave %q, want none", c)
	}
}

func TestLeaders(t *testing.T) {
	// Seven clients, 100 in all: the largest holds 40, the five largest
	// 40 + 20 + 15 + 15 + 6 = 96.
	l := LeadersOf(named(6, 40, 1, 15, 3, 20, 15))
	if l.Total != 100 || l.Clients != 7 || l.Top.Name != "B" || l.TopN != 5 {
		t.Fatalf("%+v", l)
	}
	if l.TopShare != 0.4 || l.TopNShare != 0.96 {
		t.Errorf("shares %g and %g, want 0.4 and 0.96", l.TopShare, l.TopNShare)
	}
	// Three clients: the "top five" are all of them.
	if l := LeadersOf(named(1, 1, 2)); l.TopN != 3 || l.TopNShare != 1 || l.TopShare != 0.5 {
		t.Errorf("%+v", l)
	}
	if l := LeadersOf(nil); l.TopShare != 0 || l.Clients != 0 {
		t.Errorf("%+v", l)
	}
}

func TestPortfolioLeaders(t *testing.T) {
	// Ten healthy clients at 2,000.00 MRR and one at 8,000.00 with four
	// times the work: 8,000 of 28,000 is 2/7 of the MRR.
	big := client("Big One", 20, 24, scaled(4))
	big.MRR = 800000
	p := Assess(append(healthyPortfolio(10), big), DefaultConfig(), asOf)
	mrr := p.MRRLeaders()
	if mrr.Top.Name != "Big One" || mrr.Total != 2800000 {
		t.Fatalf("%+v", mrr)
	}
	if want := 8.0 / 28; mrr.TopShare < want-1e-9 || mrr.TopShare > want+1e-9 {
		t.Errorf("top share of MRR %g, want %g", mrr.TopShare, want)
	}
	// The top five's MRR: 8,000 + 4 × 2,000 = 16,000 of 28,000.
	if want := 16.0 / 28; mrr.TopNShare < want-1e-9 || mrr.TopNShare > want+1e-9 {
		t.Errorf("top five's share of MRR %g, want %g", mrr.TopNShare, want)
	}
	hours := p.HoursLeaders()
	if hours.Top.Name != "Big One" || hours.TopShare <= 0.2 {
		t.Errorf("hours leaders %+v", hours)
	}
}
