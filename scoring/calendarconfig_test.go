package scoring

import "testing"

func TestCalendarKeys(t *testing.T) {
	tests := []struct {
		key, value, want string
		bad              bool
	}{
		{key: "calendar.region", value: "us", want: "US"},
		{key: "calendar.region", value: "au-nsw", want: "AU-NSW"},
		{key: "calendar.region", value: "GB", want: "UK"},
		{key: "calendar.region", value: "none", want: "none"},
		{key: "calendar.region", value: "Atlantis", bad: true},
		{key: "calendar.closed", value: "2026-12-31, 2026-12-28,2026-12-31", want: "2026-12-28,2026-12-31"},
		{key: "calendar.closed", value: "none", want: "none"},
		{key: "calendar.closed", value: "2026-12-32", bad: true},
		{key: "calendar.closed", value: "28/12/2026", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			cfg := DefaultConfig()
			err := cfg.Set(tt.key, tt.value)
			if tt.bad {
				if err == nil {
					t.Fatalf("Set(%q, %q) accepted", tt.key, tt.value)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := cfg.Get(tt.key); got != tt.want {
				t.Errorf("Get(%q) = %q, want %q", tt.key, got, tt.want)
			}
		})
	}
}

func TestCalendarKeysFromFile(t *testing.T) {
	cfg, err := ParseConfig([]byte("[calendar]\nregion = \"UK\"\nclosed = [\"2026-12-29\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Calendar.Region != "UK" || len(cfg.Calendar.Closed) != 1 || cfg.Calendar.Closed[0].Format("2006-01-02") != "2026-12-29" {
		t.Errorf("calendar = %+v", cfg.Calendar)
	}
}
