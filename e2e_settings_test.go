package main

import (
	"os"
	"os/exec"
	"regexp"
	"testing"

	"offboard/internal/tmuxtest"
)

// TestSettingsEndToEnd drives the settings screen in a real terminal at
// its smallest size (tmux, 80×24) on the demo portfolio as an owner would:
// open it from the client list, go to the labour cost, type a value that
// is not an amount and see it refused beside the field and not saved, type
// a good one in money and save it. `offboard config` then reports the new
// value, in minor units, from the database, and the record still verifies
// with the change in it.
func TestSettingsEndToEnd(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data := t.TempDir()
	env := []string{"XDG_DATA_HOME=" + data, "XDG_CONFIG_HOME=" + data, "HOME=" + data}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env}, bin, "--demo")
	s.WaitFor("60 clients")

	s.Send(",")
	s.WaitFor("Settings", "Our company", "› Company name", "Bluepeak Managed IT")
	// Company name, address, signer, title, email, phone, then the cost.
	for range 6 {
		s.Send("Tab")
	}
	s.WaitFor("› Labour cost per hour", "72.00")

	// The suggested value is selected: typing replaces it.
	s.Type("abc")
	s.WaitFor(`› Labour cost per hour  ✗ "abc" is not an amount`, `✗ Labour cost per hour: "abc" is not an amount`)
	s.Send("C-s")
	s.WaitFor(`✗ Labour cost per hour: "abc" is not an amount`)
	for range 3 {
		s.Send("BSpace")
	}
	s.Type("65.50")
	s.WaitFor("1 value changed: ctrl+s saves.")
	s.Send("C-s")
	s.WaitFor("Saved labour cost per hour; kept in the record", "65.50", "Nothing changed yet.")

	s.Send("Escape")
	s.WaitFor("60 clients")
	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("offboard exited with %d", code)
	}

	cmd := exec.Command(bin, "config", "--demo")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("offboard config: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^labour\.cost_per_hour\s+6550\s+database$`).Match(out) {
		t.Errorf("offboard config does not report the saved cost:\n%s", out)
	}
	cmd = exec.Command(bin, "verify", "--demo")
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil || !regexp.MustCompile(`is intact`).Match(out) {
		t.Errorf("offboard verify after the change: %v\n%s", err, out)
	}
}
