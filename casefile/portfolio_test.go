package casefile

import (
	"testing"
	"time"

	"offboard/store"
)

func TestAssessmentDate(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name     string
		settings map[string]string
		want     time.Time
		err      bool
	}{
		{"a real portfolio is assessed now", map[string]string{"company.name": "Bluepeak"}, now, false},
		{"a demo the day after its history", map[string]string{store.SettingDemoAsOf: "2026-10-31"}, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), false},
		{"across a year end", map[string]string{store.SettingDemoAsOf: "2026-12-31"}, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"a broken date is an error", map[string]string{store.SettingDemoAsOf: "31/10/2026"}, now, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AssessmentDate(tt.settings, now)
			if (err != nil) != tt.err || !got.Equal(tt.want) {
				t.Errorf("AssessmentDate = %v, %v; want %v, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}
