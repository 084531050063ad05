package letters

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestEffectiveDate(t *testing.T) {
	pacific := time.FixedZone("UTC-8", -8*60*60)
	tests := []struct {
		name    string
		sent    time.Time
		notice  int
		termEnd time.Time
		rule    EndRule
		want    time.Time // worked out on a calendar, not with AddDate
		wantErr string
	}{
		{"within one month", day(2026, time.December, 1), 30, time.Time{}, EndAfterNotice, day(2026, time.December, 31), ""},
		{"across the year end", day(2026, time.December, 15), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 14), ""},
		{"31 January in a leap year runs through 29 February", day(2028, time.January, 31), 30, time.Time{}, EndAfterNotice, day(2028, time.March, 1), ""},
		{"31 January in 2027, no 29 February", day(2027, time.January, 31), 30, time.Time{}, EndAfterNotice, day(2027, time.March, 2), ""},
		{"lands on 29 February 2028", day(2028, time.January, 30), 30, time.Time{}, EndAfterNotice, day(2028, time.February, 29), ""},
		{"sent on 29 February 2028", day(2028, time.February, 29), 30, time.Time{}, EndAfterNotice, day(2028, time.March, 30), ""},
		{"a year from 29 February 2028", day(2028, time.February, 29), 365, time.Time{}, EndAfterNotice, day(2029, time.February, 28), ""},
		{"90 days over three month ends", day(2027, time.November, 30), 90, time.Time{}, EndAfterNotice, day(2028, time.February, 28), ""},
		{"no notice", day(2026, time.April, 30), 0, time.Time{}, EndAfterNotice, day(2026, time.April, 30), ""},
		{"late evening west of UTC keeps its own day", time.Date(2027, time.January, 31, 23, 0, 0, 0, pacific), 30, time.Time{}, EndAfterNotice, day(2027, time.March, 2), ""},
		{"term end after the notice period", day(2027, time.January, 4), 30, day(2027, time.March, 31), EndAtTermEnd, day(2027, time.March, 31), ""},
		{"term end before the notice period ends", day(2027, time.January, 4), 30, day(2027, time.January, 31), EndAtTermEnd, day(2027, time.February, 3), ""},
		{"term end on the last day of notice", day(2027, time.January, 4), 30, day(2027, time.February, 3), EndAtTermEnd, day(2027, time.February, 3), ""},
		{"term end ignored when ending after notice", day(2027, time.January, 4), 30, day(2027, time.March, 31), EndAfterNotice, day(2027, time.February, 3), ""},
		{"term end on 29 February, notice ends earlier", day(2028, time.January, 2), 30, day(2028, time.February, 29), EndAtTermEnd, day(2028, time.February, 29), ""},
		{"no send date", time.Time{}, 30, time.Time{}, EndAfterNotice, time.Time{}, "not set"},
		{"negative notice", day(2027, time.January, 4), -1, time.Time{}, EndAfterNotice, time.Time{}, "-1 days is negative"},
		{"term end rule without a term end", day(2027, time.January, 4), 30, time.Time{}, EndAtTermEnd, time.Time{}, "no term end date"},
		{"unknown rule", day(2027, time.January, 4), 30, time.Time{}, EndRule(7), time.Time{}, "unknown end rule 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EffectiveDate(tt.sent, tt.notice, tt.termEnd, tt.rule)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("EffectiveDate = %s, want %s", FormatDate(got), FormatDate(tt.want))
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{day(2027, time.January, 4), "Monday, 4 January 2027"},
		{day(2028, time.February, 29), "Tuesday, 29 February 2028"},
		{day(2026, time.December, 31), "Thursday, 31 December 2026"},
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.in); got != tt.want {
			t.Errorf("FormatDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDaysBetweenAcrossDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	// Clocks go forward on 14 March 2027 in New York: the day has 23 hours.
	a := time.Date(2027, time.March, 13, 12, 0, 0, 0, ny)
	b := time.Date(2027, time.March, 15, 0, 30, 0, 0, ny)
	if got := DaysBetween(a, b); got != 2 {
		t.Errorf("DaysBetween = %d, want 2", got)
	}
}

func TestCheckNotice(t *testing.T) {
	tests := []struct {
		name           string
		used, agreed   int
		override       bool
		wantShortError bool
	}{
		{"as agreed", 30, 30, false, false},
		{"longer than agreed", 45, 30, false, false},
		{"shorter without override", 14, 30, false, true},
		{"shorter with override", 14, 30, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckNotice(tt.used, tt.agreed, tt.override)
			var short *ShortNoticeError
			if got := errors.As(err, &short); got != tt.wantShortError {
				t.Fatalf("CheckNotice error = %v, want a ShortNoticeError: %v", err, tt.wantShortError)
			}
		})
	}
}

func TestShorterNoticeWithoutOverrideIsRefused(t *testing.T) {
	in := harborlineTermination()
	in.NoticeDays = 14
	in.Effective = day(2026, time.December, 15)
	in.Handoff = DefaultHandoff(in.Sent, in.Effective)

	_, err := newRenderer(t).Termination(in)
	var short *ShortNoticeError
	if !errors.As(err, &short) {
		t.Fatalf("Termination error = %v, want a ShortNoticeError", err)
	}
	assertContains(t, "error", err.Error(), "14 days", "30 days")

	in.AllowShorterNotice = true
	md, err := newRenderer(t).Termination(in)
	if err != nil {
		t.Fatalf("with the override: %v", err)
	}
	if want := "The agreement provides for a notice period of 30 days. This letter gives 14 days: the agreement will end at the close of business on **Tuesday, 15 December 2026** (the effective date)."; !strings.Contains(md, want) {
		t.Errorf("letter does not say %q:\n%s", want, md)
	}
}

func TestLongerNoticeStatesTheDaysGiven(t *testing.T) {
	in := harborlineTermination()
	in.Effective = day(2027, time.January, 15) // the term end, 45 days on
	md, err := newRenderer(t).Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "The agreement provides for a notice period of 30 days. This letter gives 45 days: the agreement will end at the close of business on **Friday, 15 January 2027** (the effective date)."; !strings.Contains(md, want) {
		t.Errorf("letter does not say %q", want)
	}
}

func TestKesslerFixtureFollowsTheTermEndRule(t *testing.T) {
	in := kesslerTermination()
	got, err := EffectiveDate(in.Sent, in.NoticeDays, day(2027, time.June, 30), EndAtTermEnd)
	if err != nil || !got.Equal(in.Effective) {
		t.Errorf("EffectiveDate = %s, %v; the fixture says %s", FormatDate(got), err, FormatDate(in.Effective))
	}
	if in.DaysGiven() != 71 {
		t.Errorf("DaysGiven = %d, want 71", in.DaysGiven())
	}
}
