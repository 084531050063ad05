package casefile

import (
	"context"
	"strings"
	"testing"
	"time"

	"offboard/internal/farzone"
	"offboard/scoring"
	"offboard/store"
)

// An extension's new review date is read in the client's zone (Chicago),
// never the machine's, and falls on a working day of our calendar (US):
// a weekend or a holiday moves to the next working day and the record says
// from where. The clock reads Monday 23 November 2026, 12:00 UTC: 06:00 in
// Chicago, but already Tuesday 24 November, 02:00, in Kiritimati. The plan's
// current review is Thursday 15 October 2026.
func TestExtendingAReviewLandsOnAWorkingDayInTheClientsZone(t *testing.T) {
	farzone.Set(t)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, typed string
		want        string
		moved       string
	}{
		{"a working day", "2027-01-12", "2027-01-12", ""},
		{"Christmas Day, a Friday", "2026-12-25", "2026-12-28", "moved from Friday, 25 December 2026 (Christmas Day), not a working day"},
		{"a Saturday before Martin Luther King Jr. Day", "2027-01-16", "2027-01-19", "moved from Saturday, 16 January 2027, not a working day"},
		{"New Year's Day", "1 jan 2027", "2027-01-04", "moved from Friday, 1 January 2027 (New Year's Day), not a working day"},
		{"tomorrow is the client's tomorrow", "tomorrow", "2026-11-24", ""},
		{"+30d counts from the client's today", "+30d", "2026-12-23", ""},
		{"the coming Saturday is the client's", "sat", "2026-11-30", "moved from Saturday, 28 November 2026, not a working day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, planID := chicagoPlan(t, now)
			ctx := context.Background()
			got, err := s.ReviewPlan(ctx, planID, scoring.PlanExtended, tt.typed, "Autopay set up late")
			if err != nil {
				t.Fatal(err)
			}
			if store.Date(got.Day) != tt.want || got.Moved != tt.moved {
				t.Errorf("ReviewPlan(%q) = %s, %q; want %s, %q", tt.typed, store.Date(got.Day), got.Moved, tt.want, tt.moved)
			}
			p, err := s.Plan(ctx, planID)
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != scoring.PlanExtended || store.Date(p.ReviewOn) != tt.want {
				t.Errorf("plan %s, review on %s; want extended, %s", p.Status, store.Date(p.ReviewOn), tt.want)
			}
			decisions, err := s.Store.Decisions(ctx, p.ClientID)
			if err != nil {
				t.Fatal(err)
			}
			reason := "reviewed: extended, next review on " + tt.want
			if tt.moved != "" {
				reason += ", " + tt.moved
			}
			reason += ": Autopay set up late"
			if len(decisions) == 0 || decisions[0].Reason != reason {
				t.Errorf("decisions log says %q, want %q", decisions[0].Reason, reason)
			}
		})
	}
}

// ExtendPlan, given a day rather than text, moves it onto a working day
// too, and refuses a day that, once moved, is still not after the current
// review; OpenReview suggests 30 days after the client's today (later than
// 30 days after the current review), on a working day.
func TestExtendPlanAndTheSuggestedExtension(t *testing.T) {
	farzone.Set(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		now       time.Time
		suggested string
		moved     string
	}{
		// 06:00 in Chicago on Monday 23 November; Kiritimati is on the 24th.
		{"30 days after the client's today", time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), "2026-12-23", ""},
		// 22:00 on Tuesday 24 November in Chicago, Thursday 26th in Kiritimati:
		// 30 days on is Thursday 24 December.
		{"the client's day, not the machine's", time.Date(2026, 11, 25, 4, 0, 0, 0, time.UTC), "2026-12-24", ""},
		// Wednesday 25 November in Chicago: 30 days on is Christmas Day.
		{"moved off Christmas Day", time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC), "2026-12-28",
			"moved from Friday, 25 December 2026 (Christmas Day), not a working day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, planID := chicagoPlan(t, tt.now)
			setting, err := s.OpenReview(ctx, planID)
			if err != nil {
				t.Fatal(err)
			}
			if got := setting.Suggested; store.Date(got.Day) != tt.suggested || got.Moved != tt.moved {
				t.Errorf("suggested %s, %q; want %s, %q", store.Date(got.Day), got.Moved, tt.suggested, tt.moved)
			}
			if setting.Zone.String() != "America/Chicago" {
				t.Errorf("review read in %s, want America/Chicago", setting.Zone)
			}
		})
	}

	s, planID := chicagoPlan(t, tests[0].now)
	// Saturday 17 October moves to Monday 19th: after the current review.
	got, err := s.ExtendPlan(ctx, planID, time.Date(2026, 10, 17, 0, 0, 0, 0, time.UTC), "")
	if err != nil || store.Date(got.Day) != "2026-10-19" || got.Moved != "moved from Saturday, 17 October 2026, not a working day" {
		t.Fatalf("ExtendPlan(Saturday 17 October) = %s, %q, %v; want 2026-10-19, moved", store.Date(got.Day), got.Moved, err)
	}
	// Sunday 18 October moves to Monday 19th, which is now the review.
	_, err = s.ExtendPlan(ctx, planID, time.Date(2026, 10, 18, 0, 0, 0, 0, time.UTC), "")
	if err == nil || !strings.Contains(err.Error(), "Monday, 19 October 2026 (moved from Sunday, 18 October 2026, not a working day), must be after the current one, Monday, 19 October 2026") {
		t.Errorf("extending onto the current review: %v", err)
	}
}

// chicagoPlan is a desk whose clock reads now, our business in London on
// the US calendar, and a Chicago client with an agreed plan reviewed on
// Thursday 15 October 2026.
func chicagoPlan(t *testing.T, now time.Time) (*planDesk, int64) {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	id := addClient(t, s, "Acme")
	mustExec(t, s)("UPDATE clients SET time_zone = 'America/Chicago' WHERE id = ?", id)
	for k, v := range map[string]string{store.SettingBusinessTimeZone: "Europe/London", store.SettingCalendarRegion: "US"} {
		if err := s.Store.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	p := finishAgreed(t, s, id, agreedForm())
	s.Now = func() time.Time { return now }
	return s, p.ID
}
