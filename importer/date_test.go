package importer

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	utc := func(s string) time.Time {
		t, _ := time.Parse("2006-01-02 15:04:05", s)
		return t
	}
	tests := []struct {
		in      string
		order   DateOrder
		loc     *time.Location
		want    time.Time
		hasTime bool
		hasZone bool
	}{
		{"2024-02-29", DateOrderAuto, nil, utc("2024-02-29 00:00:00"), false, false},
		{"2024-01-05 18:42:10", DateOrderAuto, nil, utc("2024-01-05 18:42:10"), true, false},
		{"2024-01-05 18:42:10", DateOrderAuto, ny, utc("2024-01-05 23:42:10"), true, false},
		{"2024-01-05T18:42:10Z", DateOrderAuto, ny, utc("2024-01-05 18:42:10"), true, true},
		{"2024-01-05T18:42:10.250+01:00", DateOrderAuto, nil, utc("2024-01-05 17:42:10").Add(250 * time.Millisecond), true, true},
		{"2021-01-28 14:03:22 -0800", DateOrderAuto, nil, utc("2021-01-28 22:03:22"), true, true},
		{"2024-01-05T18:42", DateOrderAuto, nil, utc("2024-01-05 18:42:00"), true, false},
		{"2024-01-05 18:42:10 UTC", DateOrderAuto, ny, utc("2024-01-05 18:42:10"), true, true},
		{"2/29/2020", DateOrderAuto, nil, utc("2020-02-29 00:00:00"), false, false},
		{"1/28/2021 7:42 PM", DateOrderAuto, nil, utc("2021-01-28 19:42:00"), true, false},
		{"1/30/2021 9:15:30 AM", DateOrderAuto, nil, utc("2021-01-30 09:15:30"), true, false},
		{"1/30/2021 12:15 AM", DateOrderAuto, nil, utc("2021-01-30 00:15:00"), true, false},
		{"1/30/2021 12:15 PM", DateOrderAuto, nil, utc("2021-01-30 12:15:00"), true, false},
		{"01/15/2024 01:42:00 PM", DateOrderAuto, nil, utc("2024-01-15 13:42:00"), true, false},
		{"03/04/2024", DateOrderMDY, nil, utc("2024-03-04 00:00:00"), false, false},
		{"03/04/2024", DateOrderDMY, nil, utc("2024-04-03 00:00:00"), false, false},
		{"04/04/2024", DateOrderAuto, nil, utc("2024-04-04 00:00:00"), false, false},
		{"15.01.2024", DateOrderAuto, nil, utc("2024-01-15 00:00:00"), false, false},
		{"05.01.2024 13:20", DateOrderAuto, nil, utc("2024-01-05 13:20:00"), true, false},
		{"Jan 28 2021", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"Jan 28, 2021", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"January 28, 2021 3:04 pm", DateOrderAuto, nil, utc("2021-01-28 15:04:00"), true, false},
		{"28 Jan 2021", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"28-Jan-2021", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"Thu Jan 28 2021", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"09/Oct/25 1:42 PM", DateOrderAuto, nil, utc("2025-10-09 13:42:00"), true, false},
		{"11/Oct/25 7:05:12 PM", DateOrderAuto, nil, utc("2025-10-11 19:05:12"), true, false},
		{"2021/01/28", DateOrderAuto, nil, utc("2021-01-28 00:00:00"), false, false},
		{"'2024-01-05", DateOrderAuto, nil, utc("2024-01-05 00:00:00"), false, false},
		{"1/5/99", DateOrderMDY, nil, utc("1999-01-05 00:00:00"), false, false},
		{"13:42 ", DateOrderAuto, nil, time.Time{}, false, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.order, tt.loc)
		if tt.want.IsZero() {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got.Time)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q, %v): %v", tt.in, tt.order, err)
			continue
		}
		if !got.Time.Equal(tt.want) || got.HasTime != tt.hasTime || got.HasZone != tt.hasZone {
			t.Errorf("ParseDate(%q, %v) = %v time=%v zone=%v, want %v time=%v zone=%v", tt.in, tt.order, got.Time.UTC(), got.HasTime, got.HasZone, tt.want, tt.hasTime, tt.hasZone)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"", "31/02/2024", "2024-02-30", "2023-02-29", "13/13/2024", "2024-01-05 25:00", "2024-01-05 13:60", "1/30/2021 13:15 PM", "1/30/2021 0:15 AM", "Foo 28 2021", "2024-01-05 12:00 +2500", "28 Jan", "2024-1-5x", "1/2/345"} {
		if got, err := ParseDate(in, DateOrderDMY, nil); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, got.Time)
		}
	}
}

func TestParseDateAmbiguousNeedsOrder(t *testing.T) {
	_, err := ParseDate("03/04/2024", DateOrderAuto, nil)
	if err == nil || !strings.Contains(err.Error(), "--date-order") {
		t.Fatalf("ambiguous date: err = %v, want a hint about --date-order", err)
	}
}

func TestOrderEvidence(t *testing.T) {
	tests := []struct {
		values   []string
		want     DateOrder
		conflict bool
	}{
		{[]string{"03/04/2024", "13/04/2024"}, DateOrderDMY, false},
		{[]string{"03/04/2024", "04/13/2024"}, DateOrderMDY, false},
		{[]string{"03/04/2024", "05/06/2024"}, DateOrderAuto, false},
		{[]string{"13/04/2024", "04/13/2024"}, DateOrderAuto, true},
		{[]string{"2024-04-13", "Jan 13 2024"}, DateOrderAuto, false},
		{[]string{"13-04-2024 10:00"}, DateOrderDMY, false},
	}
	for _, tt := range tests {
		var e orderEvidence
		for _, v := range tt.values {
			e.add(v)
		}
		got, conflict := e.order()
		if got != tt.want || conflict != tt.conflict {
			t.Errorf("evidence %q = %v conflict=%v, want %v conflict=%v", tt.values, got, conflict, tt.want, tt.conflict)
		}
	}
}
