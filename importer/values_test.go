package importer

import "testing"

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		in           string
		decimalComma bool
		unitMinutes  bool
		want         int
	}{
		{"1.5", false, false, 90},
		{"0.33", false, false, 20},
		{"1,5", true, false, 90},
		{"1:30", false, false, 90},
		{"0:20", false, false, 20},
		{"01:30:00", false, false, 90},
		{"00:00:29", false, false, 0},
		{"00:00:30", false, false, 1},
		{"02:15:00", false, false, 135},
		{"1h 30m", false, false, 90},
		{"45m", false, false, 45},
		{"2 hrs", false, false, 120},
		{"90", false, true, 90},
		{"12.5", false, true, 13},
		{"0.25", false, false, 15},
		{"'1.25", false, false, 75},
	}
	for _, tt := range tests {
		got, err := ParseMinutes(tt.in, tt.decimalComma, tt.unitMinutes)
		if err != nil || got != tt.want {
			t.Errorf("ParseMinutes(%q, %v, %v) = %d, %v; want %d", tt.in, tt.decimalComma, tt.unitMinutes, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "abc", "1:5", "1:60", "-1", "1:30:00:00", "1h x", "1.5.5"} {
		if got, err := ParseMinutes(in, false, false); err == nil {
			t.Errorf("ParseMinutes(%q) = %d, want an error", in, got)
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
