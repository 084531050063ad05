package importer

import "testing"

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in           string
		decimalComma bool
		unitMinutes  bool
		want         int // seconds
	}{
		// Decimal hours, as QuickBooks Time, Harvest and the PSAs export.
		{"1.5", false, false, 5400},
		{"0.33", false, false, 1188},
		{"1,5", true, false, 5400},
		{"0.25", false, false, 900},
		{"'1.25", false, false, 4500},
		// Toggl's and Clockify's decimal hours of short entries: 0.011 h
		// is 39.6 s, 0.0003 h is 1.08 s, 0.0001 h is 0.36 s.
		{"0.011", false, false, 40},
		{"0,011", true, false, 40},
		{"0.0003", false, false, 1},
		{"0.0001", false, false, 0},
		{"0.0125", false, false, 45},
		// h:mm and h:mm:ss, as trackers show a duration.
		{"1:30", false, false, 5400},
		{"0:20", false, false, 1200},
		{"01:30:00", false, false, 5400},
		{"0:00:40", false, false, 40},
		{"00:00:29", false, false, 29},
		{"00:00:01", false, false, 1},
		{"02:15:07", false, false, 8107},
		{"23:59:59", false, false, 86399},
		// Spelled units.
		{"1h 30m", false, false, 5400},
		{"45m", false, false, 2700},
		{"2 hrs", false, false, 7200},
		{"40s", false, false, 40},
		{"1h 2m 3s", false, false, 3723},
		{"5 mins 10 secs", false, false, 310},
		// A bare number in a minutes column.
		{"90", false, true, 5400},
		{"12.5", false, true, 750},
		{"0.67", false, true, 40},
		{"0,5", true, true, 30},
		{"0:00:40", false, true, 40},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in, tt.decimalComma, tt.unitMinutes)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q, %v, %v) = %d, %v; want %d s", tt.in, tt.decimalComma, tt.unitMinutes, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "abc", "1:5", "1:60", "0:00:60", "-1", "1:30:00:00", "1h x", "1.5.5", "40x", "s"} {
		if got, err := ParseDuration(in, false, false); err == nil {
			t.Errorf("ParseDuration(%q) = %d, want an error", in, got)
		}
	}
}

func TestWholeMinutes(t *testing.T) {
	for secs, want := range map[int]int{0: 0, 29: 0, 30: 1, 40: 1, 89: 1, 90: 2, 1200: 20, 5400: 90} {
		if got := WholeMinutes(secs); got != want {
			t.Errorf("WholeMinutes(%d) = %d, want %d", secs, got, want)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"Yes": true, "no": false, "TRUE": true, "0": false, "Billable": true, "Do Not Bill": false, "No Charge": false, "x": true, "": false, "Ja": true} {
		got, err := ParseBool(in)
		if err != nil || got != want {
			t.Errorf("ParseBool(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseBool("maybe"); err == nil {
		t.Error(`ParseBool("maybe"): want an error`)
	}
}

func TestParsePercent(t *testing.T) {
	for in, want := range map[string]float64{"97%": 97, "61": 61, "0.2": 20, "100": 100, "0": 0, "12.5 %": 12.5, "0.5%": 0.5} {
		got, err := ParsePercent(in, false)
		if err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"101", "-5", "abc", "NaN"} {
		if _, err := ParsePercent(in, false); err == nil {
			t.Errorf("ParsePercent(%q): want an error", in)
		}
	}
}

func TestParseInt(t *testing.T) {
	for in, want := range map[string]int64{"18": 18, "1,200": 1200, "-3": -3, "'7": 7} {
		got, err := ParseInt(in)
		if err != nil || got != want {
			t.Errorf("ParseInt(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1.5", "x", ""} {
		if _, err := ParseInt(in); err == nil {
			t.Errorf("ParseInt(%q): want an error", in)
		}
	}
}
