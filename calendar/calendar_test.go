package calendar

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The expected days below were read off a printed calendar and the
// countries' published holiday lists, not computed.
func TestNextWorkingDay(t *testing.T) {
	tests := []struct {
		name string
		cal  Calendar
		from time.Time
		want time.Time
	}{
		{"a working day stays", Calendar{Region: "US"}, day(2026, time.December, 23), day(2026, time.December, 23)},
		{"weekends only: Sunday to Monday", Calendar{}, day(2027, time.January, 3), day(2027, time.January, 4)},
		{"weekends only: New Year's Day is open", Calendar{}, day(2027, time.January, 1), day(2027, time.January, 1)},
		{"US New Year's Day, a Friday", Calendar{Region: "US"}, day(2027, time.January, 1), day(2027, time.January, 4)},
		{"US Christmas Day, a Friday", Calendar{Region: "US"}, day(2026, time.December, 25), day(2026, time.December, 28)},
		{"UK Christmas and Boxing Day moved to Monday", Calendar{Region: "UK"}, day(2026, time.December, 25), day(2026, time.December, 29)},
		{"DE Christmas, Boxing Day on the Saturday", Calendar{Region: "DE"}, day(2026, time.December, 25), day(2026, time.December, 28)},
		{"AU Christmas on a Saturday, both days moved", Calendar{Region: "AU"}, day(2027, time.December, 25), day(2027, time.December, 29)},
		{"CA Christmas on a Saturday, both days moved", Calendar{Region: "CA"}, day(2027, time.December, 25), day(2027, time.December, 29)},
		{"US New Year on a Saturday is observed on the Friday", Calendar{Region: "US"}, day(2027, time.December, 31), day(2028, time.January, 3)},
		{"UK New Year on a Saturday moves to Monday", Calendar{Region: "UK"}, day(2028, time.January, 1), day(2028, time.January, 4)},
		{"UK Good Friday to Easter Monday", Calendar{Region: "UK"}, day(2027, time.March, 26), day(2027, time.March, 30)},
		{"leap day on a Sunday", Calendar{}, day(2032, time.February, 29), day(2032, time.March, 1)},
		{"leap day on a Tuesday is a working day", Calendar{Region: "UK"}, day(2028, time.February, 29), day(2028, time.February, 29)},
		{"the owner's closed days", Calendar{Region: "US", Closed: []time.Time{day(2026, time.December, 28), day(2026, time.December, 29)}},
			day(2026, time.December, 25), day(2026, time.December, 30)},
		{"a time of day in another zone keeps its calendar day", Calendar{},
			time.Date(2027, time.January, 3, 23, 30, 0, 0, time.FixedZone("PST", -8*3600)), day(2027, time.January, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.NextWorkingDay(tt.from); !got.Equal(tt.want) {
				t.Errorf("NextWorkingDay(%s) = %s, want %s", tt.from.Format("Mon 2006-01-02"), got.Format("Mon 2006-01-02"), tt.want.Format("Mon 2006-01-02"))
			}
		})
	}
}

func TestPreviousAndAddWorkingDays(t *testing.T) {
	us, uk := Calendar{Region: "US"}, Calendar{Region: "UK"}
	tests := []struct {
		name string
		got  time.Time
		want time.Time
	}{
		{"before US Christmas weekend", us.PreviousWorkingDay(day(2026, time.December, 27)), day(2026, time.December, 24)},
		{"a working day stays", us.PreviousWorkingDay(day(2026, time.December, 24)), day(2026, time.December, 24)},
		{"two UK working days after Christmas Eve", uk.AddWorkingDays(day(2026, time.December, 24), 2), day(2026, time.December, 30)},
		{"one US working day before Monday 4 January 2027", us.AddWorkingDays(day(2027, time.January, 4), -1), day(2026, time.December, 31)},
		{"zero working days", us.AddWorkingDays(day(2027, time.January, 2), 0), day(2027, time.January, 2)},
		{"ten working days over a weekend", Calendar{}.AddWorkingDays(day(2028, time.February, 21), 10), day(2028, time.March, 6)},
	}
	for _, tt := range tests {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got.Format("Mon 2006-01-02"), tt.want.Format("Mon 2006-01-02"))
		}
	}
}

func TestClosedBecause(t *testing.T) {
	tests := []struct {
		cal  Calendar
		on   time.Time
		want string
	}{
		{Calendar{Region: "US"}, day(2026, time.December, 25), "Christmas Day"},
		{Calendar{Region: "UK"}, day(2026, time.December, 28), "Boxing Day"},
		{Calendar{}, day(2027, time.January, 3), "Sunday"},
		{Calendar{Closed: []time.Time{day(2026, time.December, 24)}}, day(2026, time.December, 24), "a closed day of the business"},
		{Calendar{Region: "DE"}, day(2026, time.December, 24), ""},
	}
	for _, tt := range tests {
		if got := tt.cal.ClosedBecause(tt.on); got != tt.want {
			t.Errorf("%q ClosedBecause(%s) = %q, want %q", tt.cal.Region, tt.on.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestParseRegion(t *testing.T) {
	for in, want := range map[string]Region{"us": "US", " GB ": "UK", "uk": "UK", "de-by": "DE-BY", "": "", "none": ""} {
		if got, err := ParseRegion(in); err != nil || got != want {
			t.Errorf("ParseRegion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRegion("Narnia"); err == nil {
		t.Error("ParseRegion accepted an unknown region")
	}
	for _, r := range []Region{"US", "UK", "CA", "AU", "DE"} {
		if _, err := ParseRegion(string(r)); err != nil {
			t.Errorf("region %s: %v", r, err)
		}
	}
}
