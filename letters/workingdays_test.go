package letters

import (
	"offboard/calendar"

	"testing"
	"time"
)

// Every expected day below was read off a printed calendar and the
// countries' published holiday lists.

func TestEffectiveDateOnMovesToTheNextWorkingDay(t *testing.T) {
	us, uk := calendar.Calendar{Region: "US"}, calendar.Calendar{Region: "UK"}
	usClosed := calendar.Calendar{Region: "US", Closed: []time.Time{
		day(2026, time.December, 28), day(2026, time.December, 29), day(2026, time.December, 30), day(2026, time.December, 31)}}
	tests := []struct {
		name    string
		cal     calendar.Calendar
		sent    time.Time
		notice  int
		termEnd time.Time
		rule    EndRule
		want    time.Time
	}{
		{"a Sunday", calendar.Calendar{}, day(2026, time.December, 4), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"New Year's Day", us, day(2026, time.December, 2), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"US Christmas Day", us, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2026, time.December, 28)},
		{"UK Christmas and Boxing Day", uk, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2026, time.December, 29)},
		{"the owner's week off, then New Year", usClosed, day(2026, time.November, 25), 30, time.Time{}, EndAfterNotice, day(2027, time.January, 4)},
		{"29 February on a Sunday", calendar.Calendar{}, day(2032, time.January, 30), 30, time.Time{}, EndAfterNotice, day(2032, time.March, 1)},
		{"29 February on a Tuesday stays", uk, day(2027, time.December, 31), 60, time.Time{}, EndAfterNotice, day(2028, time.February, 29)},
		{"a term end on a working day stays", us, day(2026, time.October, 1), 30, day(2026, time.December, 31), EndAtTermEnd, day(2026, time.December, 31)},
		{"a term end on the Saturday after Christmas", us, day(2026, time.October, 1), 30, day(2026, time.December, 26), EndAtTermEnd, day(2026, time.December, 28)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EffectiveDateOn(tt.cal, tt.sent, tt.notice, tt.termEnd, tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", FormatDate(got), FormatDate(tt.want))
			}
		})
	}
	if _, err := EffectiveDateOn(us, time.Time{}, 30, time.Time{}, EndAfterNotice); err == nil {
		t.Error("no sent date: want an error")
	}
}

func TestDeliveredOn(t *testing.T) {
	uk := calendar.Calendar{Region: "UK"}
	tests := []struct {
		d    Delivery
		want time.Time
	}{
		{DeliveryEmail, day(2026, time.December, 24)},
		{DeliveryHand, day(2026, time.December, 24)},
		{DeliveryPost, day(2026, time.December, 31)},
	}
	for _, tt := range tests {
		if got := DeliveredOn(uk, day(2026, time.December, 24), tt.d); !got.Equal(tt.want) {
			t.Errorf("%s: delivered %s, want %s", tt.d, FormatDate(got), FormatDate(tt.want))
		}
	}
}
