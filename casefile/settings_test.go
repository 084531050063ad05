package casefile

import (
	"context"
	"strings"
	"testing"

	"offboard/scoring"
	"offboard/store"
)

func TestCheckSetting(t *testing.T) {
	tests := []struct {
		key, value string
		// wantErr is a part of the error, "" when the value is allowed.
		wantErr string
	}{
		{"company.name", "Northwind IT Ltd", ""},
		{"company.name", "   ", "the value is empty"},
		{"company.email", "office@northwind.example", ""},
		{"company.email", "office at northwind", `"office at northwind" is not an email address`},
		{"company.email", "office@localhost", "is not an email address"},
		{"labour.cost_per_hour", "7200", ""},
		{"labour.cost_per_hour", "72.00", "labour.cost_per_hour"},
		{"labour.cost_per_hour", "0", "above 0"},
		{"business.hours", "08:00-18:00", ""},
		{"business.hours", "18:00-08:00", "ends after it starts"},
		{"business.time_zone", "Europe/Berlin", ""},
		{"business.time_zone", "Mars/Olympus", "IANA time zone"},
		{"calendar.region", "AU-NSW", ""},
		{"calendar.region", "Atlantis", "calendar.region"},
		{"calendar.closed", "2026-12-28,2026-12-29", ""},
		{"calendar.closed", "2026-13-45", "calendar.closed"},
		{"no.such.key", "1", "unknown setting"},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			cfg := scoring.DefaultConfig()
			err := CheckSetting(&cfg, tt.key, tt.value)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
			}
		})
	}
}

// TestCheckSettingAgainstEarlierValues checks that a value is judged with
// the values before it applied: a concern below the terms is allowed only
// once the terms are shorter.
func TestCheckSettingAgainstEarlierValues(t *testing.T) {
	cfg := scoring.DefaultConfig()
	if err := CheckSetting(&cfg, "late_payment.days_to_pay_concern", "10"); err == nil {
		t.Fatal("a concern within the payment terms was allowed")
	}
	if err := CheckSetting(&cfg, "late_payment.terms_days", "7"); err != nil {
		t.Fatal(err)
	}
	if err := CheckSetting(&cfg, "late_payment.days_to_pay_concern", "10"); err != nil {
		t.Fatalf("after shorter terms: %v", err)
	}
}

// TestChangeSettingsRecorded stores two values, one of them changed twice,
// and checks the settings in force, the settings log and that the record
// still verifies with the changes in it; a refused value stores nothing.
func TestChangeSettingsRecorded(t *testing.T) {
	ctx := context.Background()
	d := openImportDesk(t)
	changed, err := d.ChangeSettings(ctx, []store.SettingChange{
		{Key: "labour.cost_per_hour", Value: "6500"}, {Key: "company.signer", Value: "  Dana Whitfield "}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(changed, ",") != "labour.cost_per_hour,company.signer" {
		t.Errorf("changed %v", changed)
	}
	// The same value again changes nothing and logs nothing.
	if changed, err = d.ChangeSettings(ctx, []store.SettingChange{{Key: "company.signer", Value: "Dana Whitfield"}}); err != nil || len(changed) != 0 {
		t.Errorf("unchanged value: changed %v, %v", changed, err)
	}
	if _, err = d.ChangeSettings(ctx, []store.SettingChange{{Key: "labour.cost_per_hour", Value: "7000"}}); err != nil {
		t.Fatal(err)
	}
	_, err = d.ChangeSettings(ctx, []store.SettingChange{{Key: "company.phone", Value: "555-0100"}, {Key: "business.hours", Value: "25:00-26:00"}})
	if err == nil || !strings.Contains(err.Error(), "business.hours") {
		t.Fatalf("bad hours: %v", err)
	}
	all, err := d.Store.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if all["labour.cost_per_hour"] != "7000" || all["company.signer"] != "Dana Whitfield" || all["company.phone"] != "" {
		t.Errorf("settings in force: %v", all)
	}
	log, err := d.Store.SettingChanges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log {
		from := "(unset)"
		if r.WasSet {
			from = r.From
		}
		got = append(got, r.Key+": "+from+" -> "+r.To)
	}
	want := []string{"labour.cost_per_hour: (unset) -> 6500", "company.signer: (unset) -> Dana Whitfield", "labour.cost_per_hour: 6500 -> 7000"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("settings log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	v, err := d.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !v.OK() || v.Entries != 3 {
		t.Errorf("record: %d entries, problems %v", v.Entries, v.Problems)
	}
}
