package scoring

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefaultConfigIsValid(t *testing.T) {
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	parsed, err := ParseConfig(nil)
	if err != nil || !reflect.DeepEqual(parsed, cfg) {
		t.Errorf("ParseConfig(nil) = %+v, %v; want the defaults", parsed, err)
	}
}

func TestParseConfig(t *testing.T) {
	file := `
margin.target = 0.55
business.days = ["mon", "tue", "wed", "thu"]
late_payment.grade_cutoffs = [0.5, 1, 2, 3]

[labour]
cost_per_hour = 7250
standard_rate_per_hour = "16500"

[business]
hours = "07:30-17:00"

[stats]
method = "robust"
window_months = 6

[late_payment]
overdue_months_concern = 1.5
`
	cfg, err := ParseConfig([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultConfig()
	want.LoadedCostPerHour = 7250
	want.StandardRatePerHour = 16500
	want.Stats.Method = MethodRobust
	want.Stats.WindowMonths = 6
	want.TargetMargin = 0.55
	want.Hours.Days = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday}
	want.Hours.Start, want.Hours.End = 7*60+30, 17*60
	want.LatePayment.GradeCutoffs = []float64{0.5, 1, 2, 3}
	want.LatePayment.OverdueMonths.Concern = 1.5
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("ParseConfig:\n got %+v\nwant %+v", cfg, want)
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		// every string must appear in the error
		want []string
	}{
		{"fraction out of range", "margin.target = 1.5", []string{"margin.target", "1.5", "a number from 0.01 to 0.95"}},
		{"not a number", `stats.k = "two"`, []string{"stats.k", `"two"`, "a number from 0.5 to 6"}},
		{"whole number wanted", "stats.window_months = 6.5", []string{"stats.window_months", "6.5", "a whole number from 3 to 60"}},
		{"unknown method", `stats.method = "median"`, []string{"stats.method", `"median"`, "sd or robust"}},
		{"bad clock", `business.hours = "8am-6pm"`, []string{"business.hours", `"8am-6pm"`, "HH:MM-HH:MM"}},
		{"day ends before it starts", `business.hours = "18:00-08:00"`, []string{"business.hours", `"18:00-08:00"`, "ends after it starts"}},
		{"bad time zone", `business.time_zone = "Mars/Olympus"`, []string{"business.time_zone", `"Mars/Olympus"`, "IANA time zone"}},
		{"bad weekday", `business.days = "Mon-Funday"`, []string{"business.days", `"Mon-Funday"`, "Mon-Fri or Mon,Tue,Thu"}},
		{"negative money", "labour.cost_per_hour = -5", []string{"labour.cost_per_hour", "-5", "a whole number of minor units above 0"}},
		{"money with a decimal point", `labour.cost_per_hour = "65.00"`, []string{"labour.cost_per_hour", `"65.00"`, "such as 6500 for 65.00"}},
		{"cutoffs not increasing", "late_payment.grade_cutoffs = [1, 0.5, 2, 3]", []string{"late_payment.grade_cutoffs", "four increasing numbers"}},
		{"band ends equal", "security.patch_compliance_concern = 70", []string{"security.patch_compliance_concern", "70", "different from security.patch_compliance_severe"}},
		{"severe z inside the range", "resource_drain.severe_z = 1.5", []string{"resource_drain.severe_z (1.5)", "stats.k (2)"}},
		{"unknown keys named", "[stats]\nmethdo = \"sd\"\n[nosuch]\nkey = 1", []string{"unknown config keys: nosuch.key, stats.methdo"}},
		{"not TOML", "margin.target = = 1", []string{"config file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.file))
			if err == nil {
				t.Fatalf("ParseConfig(%q) succeeded", tt.file)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestKeyErrorIsTyped(t *testing.T) {
	_, err := ParseConfig([]byte("stats.k = 99"))
	var ke *KeyError
	if !errors.As(err, &ke) || ke.Key != "stats.k" || ke.Value != "99" {
		t.Errorf("error %v is not a KeyError for stats.k = 99", err)
	}
	_, err = ParseConfig([]byte("bogus = 1"))
	var ue *UnknownKeysError
	if !errors.As(err, &ue) || !reflect.DeepEqual(ue.Keys, []string{"bogus"}) {
		t.Errorf("error %v is not an UnknownKeysError for bogus", err)
	}
}

func TestSet(t *testing.T) {
	cfg := DefaultConfig()
	if err := cfg.Set("labour.cost_per_hour", "7200"); err != nil || cfg.LoadedCostPerHour != 7200 {
		t.Errorf("LoadedCostPerHour = %d, %v; want 7200", cfg.LoadedCostPerHour, err)
	}
	if err := cfg.Set("business.hours", "09:00-17:30"); err != nil || cfg.Hours.Start != 9*60 || cfg.Hours.End != 17*60+30 {
		t.Errorf("business hours %d–%d, %v; want 540–1050", cfg.Hours.Start, cfg.Hours.End, err)
	}
	before := cfg.clone()
	for _, bad := range [][2]string{
		{"margin.target", "sixty"},
		{"business.hours", "09:00"},        // no end
		{"resource_drain.severe_z", "1.5"}, // inside the normal range of k = 2
		{"company.name", "Acme"},           // not a scoring key
	} {
		if err := cfg.Set(bad[0], bad[1]); err == nil {
			t.Errorf("Set(%q, %q) succeeded", bad[0], bad[1])
		}
	}
	if !reflect.DeepEqual(cfg, before) {
		t.Errorf("failed Set changed the configuration")
	}
}

// Every key reads back in a form Set accepts, unchanged.
func TestGetSetRoundTrip(t *testing.T) {
	cfg := DefaultConfig()
	seen := map[string]bool{}
	for _, p := range Params() {
		if seen[p.Key] {
			t.Errorf("key %s listed twice", p.Key)
		}
		seen[p.Key] = true
		if p.Doc == "" || p.Allowed == "" {
			t.Errorf("key %s lacks documentation or allowed values", p.Key)
		}
		v, err := cfg.Get(p.Key)
		if err != nil {
			t.Fatal(err)
		}
		next := cfg.clone()
		if err := next.Set(p.Key, v); err != nil {
			t.Errorf("Set(%s, Get = %q): %v", p.Key, v, err)
		}
		if !reflect.DeepEqual(next, cfg) {
			t.Errorf("Set(%s, %q) changed the configuration", p.Key, v)
		}
	}
	for _, f := range Catalogue() {
		if !seen[string(f.ID)+".weight"] {
			t.Errorf("no weight key for flag %s", f.ID)
		}
	}
}

func TestResolveSources(t *testing.T) {
	file := []byte("margin.target = 0.5\nstats.method = \"robust\"\n")
	db := map[string]string{
		"stats.method": "sd",   // the database wins over the file
		"stats.k":      "2.5",  // set only in the database
		"company.name": "Acme", // not a scoring key: left to its owner
	}
	cfg, settings, err := Resolve(file, db)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.TargetMargin != 0.5 || cfg.Stats.Method != MethodSD || cfg.Stats.K != 2.5 {
		t.Errorf("effective values %v %v %v", cfg.TargetMargin, cfg.Stats.Method, cfg.Stats.K)
	}
	want := map[string][2]string{
		"margin.target":        {"0.5", "file"},
		"stats.method":         {"sd", "database"},
		"stats.k":              {"2.5", "database"},
		"labour.cost_per_hour": {"6500", "default"},
		"business.days":        {"Mon-Fri", "default"},
		"business.hours":       {"08:00-18:00", "default"},
	}
	if len(settings) != len(Params()) {
		t.Errorf("%d settings for %d keys", len(settings), len(Params()))
	}
	for _, s := range settings {
		if w, ok := want[s.Key]; ok && (s.Value != w[0] || string(s.Source) != w[1]) {
			t.Errorf("%s = %q from %s; want %q from %s", s.Key, s.Value, s.Source, w[0], w[1])
		}
	}
	if _, _, err := Resolve(nil, map[string]string{"stats.k": "huge"}); err == nil || !strings.Contains(err.Error(), "database setting: config key stats.k") {
		t.Errorf("bad database value: error %v", err)
	}
}

func TestBusinessDays(t *testing.T) {
	mon, tue, wed, thu, fri, sat, sun := time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday
	tests := []struct {
		text string
		want []time.Weekday
		back string
	}{
		{"Mon-Fri", []time.Weekday{mon, tue, wed, thu, fri}, "Mon-Fri"},
		{"mon,tue, thu", []time.Weekday{mon, tue, thu}, "Mon-Tue,Thu"},
		{"Mon-Wed,Fri", []time.Weekday{mon, tue, wed, fri}, "Mon-Wed,Fri"},
		{"Fri-Mon", []time.Weekday{mon, fri, sat, sun}, "Mon,Fri-Sun"},
		{"Sun", []time.Weekday{sun}, "Sun"},
	}
	for _, tt := range tests {
		got, ok := parseDays(tt.text)
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseDays(%q) = %v, %v; want %v", tt.text, got, ok, tt.want)
		}
		if back := formatDays(got); back != tt.back {
			t.Errorf("formatDays(%v) = %q, want %q", got, back, tt.back)
		}
	}
	for _, bad := range []string{"", "Mon-", "Weekdays", "Mon,,Tue"} {
		if _, ok := parseDays(bad); ok {
			t.Errorf("parseDays(%q) succeeded", bad)
		}
	}
}
