package casefile

import (
	"strings"
	"testing"
	"time"
)

func TestReadDate(t *testing.T) {
	// Wednesday 2 December 2026, noon.
	now := time.Date(2026, time.December, 2, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text     string
		withTime bool
		want     string // ISO
		echo     string
	}{
		{"2026-12-04", false, "2026-12-04", "Friday 4 December 2026"},
		{" today ", false, "2026-12-02", "Wednesday 2 December 2026"},
		{"Tomorrow", false, "2026-12-03", "Thursday 3 December 2026"},
		{"yesterday", false, "2026-12-01", ""},
		{"fri", false, "2026-12-04", "Friday 4 December 2026"},
		{"Friday", false, "2026-12-04", ""},
		{"wed", false, "2026-12-02", ""}, // today is a Wednesday
		{"next wed", false, "2026-12-09", ""},
		{"next friday", false, "2026-12-04", ""},
		{"last fri", false, "2026-11-27", ""},
		{"last wednesday", false, "2026-11-25", ""},
		{"15 jan", false, "2027-01-15", "Friday 15 January 2027"},
		{"Jan 15", false, "2027-01-15", ""},
		{"20 nov", false, "2026-11-20", ""},
		{"15 jan 2026", false, "2026-01-15", ""},
		{"29 feb", false, "2028-02-29", ""},
		{"+3d", false, "2026-12-05", ""},
		{"-1w", false, "2026-11-25", ""},
		{"+2m", false, "2027-02-02", ""},
		{"in 2 weeks", false, "2026-12-16", ""},
		{"in 3 days", false, "2026-12-05", ""},
		{"3 days ago", false, "2026-11-29", ""},
		{"2026-12-04 14:20", true, "2026-12-04 14:20", "Friday 4 December 2026, 14:20 UTC"},
		{"2026-12-04T14:20", true, "2026-12-04 14:20", ""},
		{"tomorrow 9:05", true, "2026-12-03 09:05", "Thursday 3 December 2026, 09:05 UTC"},
		{"next fri at 16:30", true, "2026-12-04 16:30", ""},
		{"2026-12-04", true, "2026-12-04", "Friday 4 December 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ReadDate(tt.text, now, time.UTC, tt.withTime)
			if err != nil {
				t.Fatal(err)
			}
			if got.ISO() != tt.want {
				t.Errorf("ISO %s, want %s", got.ISO(), tt.want)
			}
			if tt.echo != "" && got.Echo() != tt.echo {
				t.Errorf("echo %q, want %q", got.Echo(), tt.echo)
			}
		})
	}
}

func TestReadDateRefuses(t *testing.T) {
	now := time.Date(2026, time.December, 2, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text     string
		withTime bool
		want     []string // parts of the error
	}{
		{"2026-13-45 25:00", true, []string{"there is no month 13", "25:00 is not a time of day"}},
		{"2026-12-04 25:00", true, []string{"25:00 is not a time of day"}},
		{"2026-13-45", false, []string{`"2026-13-45" is not a date`, "no month 13"}},
		{"2026-02-30", false, []string{"February 2026 has no day 30"}},
		{"31 apr 2027", false, []string{"April 2027 has no day 31"}},
		{"fri 14:00", false, []string{"takes a date without a time"}},
		{"someday", false, []string{"write 2026-12-04, today"}},
		{"", false, []string{"no date"}},
		{"j", false, []string{`"j" is not a date`}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := ReadDate(tt.text, now, time.UTC, tt.withTime)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}
