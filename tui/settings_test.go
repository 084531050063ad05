package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// openSettings opens the settings screen on a private copy of the demo
// portfolio and puts the cursor on the field labelled label.
func openSettings(t *testing.T, label string) (*SettingsScreen, *driver) {
	t.Helper()
	c := privateDemo(t)
	s := NewSettingsScreen(c)
	d := drive(t, s, 100, 40)
	if !s.loaded {
		t.Fatalf("the settings did not load: %v", d.errs)
	}
	for range len(s.fields.fields) {
		if s.fields.focused().label == label {
			return s, d
		}
		d.press("tab")
	}
	t.Fatalf("no field %q", label)
	return nil, nil
}

// The labour cost is shown and typed in money and kept in minor units; the
// save goes through the desk, is recorded, and the screen reloads the
// value in force.
func TestSettingsSavesLabourCostInMoney(t *testing.T) {
	s, d := openSettings(t, "Labour cost per hour")
	if got := s.fields.focused().get(); got != "72.00" {
		t.Fatalf("labour cost shown as %q, want 72.00", got)
	}
	d.press("65.5")
	if !strings.Contains(s.View(), "1 value changed: ctrl+s saves.") {
		t.Errorf("the change is not counted:\n%s", s.View())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if len(d.errs) != 0 || len(d.status) == 0 || d.status[len(d.status)-1] != "Saved labour cost per hour; kept in the record" {
		t.Fatalf("status %q, errors %v", d.status, d.errs)
	}
	ctx := context.Background()
	v, _, err := s.c.Store.Setting(ctx, "labour.cost_per_hour")
	if err != nil || v != "6550" {
		t.Errorf("stored %q, %v; want 6550", v, err)
	}
	log, err := s.c.Store.SettingChanges(ctx)
	if err != nil || len(log) != 1 || log[0].From != "7200" || log[0].To != "6550" {
		t.Errorf("settings log %+v, %v", log, err)
	}
	if got := s.fields.focused().get(); got != "65.50" || s.typed() {
		t.Errorf("after saving the field shows %q, typed %v", got, s.typed())
	}
}

// A value refused by the check `offboard config set` runs is named beside
// its field as it is typed; saving then keeps everything typed, goes to
// the field and stores nothing.
func TestSettingsRefusesAsConfigSetDoes(t *testing.T) {
	tests := []struct {
		label, typed, want string
	}{
		{"Labour cost per hour", "abc", `✗ "abc" is not an amount`},
		{"Labour cost per hour", "0", "✗ an hour of a technician costs more than nothing"},
		{"Business hours", "18:00-08:00", "✗ \"18:00-08:00\" is not allowed; want a span of the day"},
		{"Time zone", "Mars/Olympus", "✗ \"Mars/Olympus\" is not allowed; want an IANA time zone"},
		{"Calendar region", "Atlantis", "✗ \"Atlantis\" is not allowed"},
		{"Closed days", "2026-13-45", "✗ "},
		{"Email", "dana at bluepeak", "✗ \"dana at bluepeak\" is not an email address"},
		{"Signer", "   ", "✗ the value is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.label+" "+tt.typed, func(t *testing.T) {
			s, d := openSettings(t, tt.label)
			d.press(tt.typed)
			if v := s.View(); !strings.Contains(v, tt.want) {
				t.Errorf("typed %q; the view does not say %q:\n%s", tt.typed, tt.want, v)
			}
			d.press("tab")
			d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
			if s.fields.focused().label != tt.label || s.fields.focused().get() != tt.typed {
				t.Errorf("after saving: on %q holding %q", s.fields.focused().label, s.fields.focused().get())
			}
			if log, _ := s.c.Store.SettingChanges(context.Background()); len(log) != 0 {
				t.Errorf("a refused value was stored: %+v", log)
			}
		})
	}
}

// esc over a changed value asks before throwing it away.
func TestSettingsEscAsks(t *testing.T) {
	s, d := openSettings(t, "Phone")
	d.press("esc")
	if d.popped != 1 {
		t.Fatalf("esc with nothing changed: popped %d", d.popped)
	}
	d.press("+1 804 555 0199", "esc")
	if d.popped != 1 || !strings.Contains(s.View(), "Throw away what you typed?") {
		t.Fatalf("esc over a change: popped %d\n%s", d.popped, s.View())
	}
	d.press("n")
	if s.fields.focused().get() != "+1 804 555 0199" {
		t.Errorf("any other key lost the text: %q", s.fields.focused().get())
	}
	d.press("esc", "y")
	if d.popped != 2 {
		t.Errorf("y did not discard: popped %d", d.popped)
	}
}

// j and k typed into a settings field are text.
func TestSettingsJAndKAreText(t *testing.T) {
	s, d := openSettings(t, "Signer")
	d.press("jk")
	if got := s.fields.focused().get(); got != "jk" || s.fields.focused().label != "Signer" {
		t.Errorf("typed jk: %q on %q", got, s.fields.focused().label)
	}
}
