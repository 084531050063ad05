package store

import (
	"context"
	"testing"
	"time"
)

// A walkthrough started after a plan reached its outcome is only a draft:
// it must neither hide a refusal (which recommends Offboard) from scoring
// nor the review of an agreed plan from the client list.
func TestDraftDoesNotHideThePlanInForce(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name       string
		plans      []string // statuses, oldest first
		wantStatus string
		wantDue    bool
	}{
		{"refused then a new draft", []string{"refused", "draft"}, "refused", false},
		{"agreed and due, then a new draft", []string{"agreed", "draft"}, "agreed", true},
		{"only a draft", []string{"draft"}, "draft", false},
		{"refused, then agreed", []string{"refused", "agreed"}, "agreed", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			id := addClient(t, s, "Acme")
			for i, status := range c.plans {
				created := fixedNow.AddDate(0, -3, i).Format(time.RFC3339)
				if _, err := s.db.Exec(`INSERT INTO remediation_plans (client_id, status, review_on, created_at, updated_at)
                    VALUES (?, ?, '2026-11-01', ?, ?)`, id, status, created, created); err != nil {
					t.Fatal(err)
				}
			}
			facts, err := s.PortfolioFacts(ctx, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if len(facts) != 1 || facts[0].Plan == nil || facts[0].Plan.Status != c.wantStatus {
				t.Fatalf("plan in force = %+v, want status %q", facts[0].Plan, c.wantStatus)
			}
			markers, err := s.ClientMarkers(ctx, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if due := !markers[id].ReviewDue.IsZero(); due != c.wantDue {
				t.Errorf("review due = %v, want %v", due, c.wantDue)
			}
		})
	}
}
