package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
)

// remHarnessIn is the remediation harness for a client in zone (empty for
// none), with our own settings stored first.
func remHarnessIn(t testing.TB, zone string, settings map[string]string) (*remHarness, int64) {
	t.Helper()
	st, id := storeWithClient(t, remNow, store.Client{Name: "Harbor Dental Group", Seats: 20, MRRMinor: 420000,
		Currency: "USD", TimeZone: zone})
	for k, v := range settings {
		if err := st.SetSetting(context.Background(), k, v); err != nil {
			t.Fatal(err)
		}
	}
	saveDelay = 0
	t.Cleanup(func() { saveDelay = 400 * time.Millisecond })
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return remNow }, Letters: r}, Theme: DefaultTheme(),
		Keys: DefaultKeyMap(), MarkdownStyle: "notty", Getenv: func(string) string { return "" }}
	return &remHarness{t: t, c: c}, id
}

// The meeting's time is read in the client's zone, else ours, echoed with
// the zone named, and recorded as that instant: 10:00 on 20 November 2026
// is 16:00 UTC in Chicago (CST) and 10:00 UTC in London (GMT), whatever
// zone this machine is in.
func TestWalkthroughReadsTheMeetingInTheClientsZone(t *testing.T) {
	tests := []struct {
		name, client string
		echo         string
		want         time.Time
	}{
		{"the client's zone", "America/Chicago", "Friday 20 November 2026, 10:00 CST (America/Chicago)", time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC)},
		{"ours when the client has none", "", "Friday 20 November 2026, 10:00 GMT (Europe/London)", time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, id := remHarnessIn(t, tt.client, map[string]string{store.SettingBusinessTimeZone: "Europe/London"})
			h.open(id)
			h.typeText("2026-11-20 10:00")
			if v := h.screen.View(); !strings.Contains(v, tt.echo) {
				t.Errorf("the meeting is not echoed as %q:\n%s", tt.echo, v)
			}
			h.press("ctrl+n", "ctrl+n", "space", "tab") // owner: us
			h.typeFields("Sam Okafor", "Publish the emergency line", "2026-12-08", "Line live")
			h.press("ctrl+n", "ctrl+n") // terms skipped
			for h.focusedLabel() != "Result" {
				h.press("shift+tab")
			}
			h.press("space") // agreed
			for h.focusedLabel() != "Finish and record the plan" {
				h.press("tab")
			}
			h.press("enter")
			p, ok, err := h.c.LatestPlan(context.Background(), id)
			if err != nil || !ok {
				t.Fatalf("no plan recorded: %v, errors %v", err, h.errs)
			}
			if !p.Meeting.Equal(tt.want) {
				t.Errorf("meeting recorded at %v, want %v", p.Meeting.UTC(), tt.want)
			}
		})
	}
}

// The suggested review date lands on a working day of the business
// calendar, and the field says why it is not exactly 90 days on; a review
// typed on a closed day moves to the next working day, saying so.
func TestWalkthroughReviewFallsOnAWorkingDay(t *testing.T) {
	h, id := remHarnessIn(t, "America/New_York", map[string]string{"calendar.region": "US"})
	h.open(id)
	// 90 days after 26 September 2026 is Christmas Day, a Friday.
	h.typeText("2026-09-26 10:00")
	h.press("ctrl+n", "ctrl+n", "space", "tab")
	h.typeFields("Sam Okafor", "Publish the emergency line", "2026-10-08", "Line live")
	h.press("ctrl+n", "ctrl+n")
	w := h.walk()
	if w.form.Outcome.ReviewDate != "2026-12-28" {
		t.Errorf("review suggested on %s, want Monday 2026-12-28", w.form.Outcome.ReviewDate)
	}
	if v := h.screen.View(); !strings.Contains(v, "moved from Friday, 25 December 2026 (Christmas Day), not a working") {
		t.Errorf("the review field does not say why it moved:\n%s", v)
	}
	for h.focusedLabel() != "Review date" {
		h.press("tab")
	}
	h.typeText("2027-01-16") // a Saturday
	if v := h.screen.View(); !strings.Contains(v, "Saturday, 16 January 2027 is not a working day: it moves to") {
		t.Errorf("a Saturday typed is not flagged:\n%s", v)
	}
	h.press("tab")
	// Monday 18 January 2027 is Martin Luther King Jr. Day.
	if w.form.Outcome.ReviewDate != "2027-01-19" {
		t.Errorf("review typed on a Saturday kept as %s, want Tuesday 2027-01-19", w.form.Outcome.ReviewDate)
	}
	for h.focusedLabel() != "Review date" {
		h.press("shift+tab")
	}
	if v := h.screen.View(); !strings.Contains(v, "moved from Saturday, 16 January 2027, not a working day") {
		t.Errorf("the moved review does not say so:\n%s", v)
	}
}
