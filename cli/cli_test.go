package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run executes offboard with args in a scratch environment and returns the
// exit status and both streams.
func run(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if env == nil {
		env = map[string]string{"HOME": t.TempDir()}
	}
	e := Env{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
	}
	code := Main(context.Background(), args, e)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderr   string
		noStderr bool
	}{
		{"help", []string{"help"}, 0, "commands:", "", true},
		{"version", []string{"version"}, 0, "offboard dev (schema ", "", true},
		{"command -h", []string{"version", "-h"}, 0, "usage: offboard version", "", true},
		{"help of a command", []string{"help", "version"}, 0, "usage: offboard version", "", true},
		{"unknown command", []string{"frobnicate"}, 2, "", `offboard: unknown command "frobnicate"`, false},
		{"bad flag", []string{"--frobnicate"}, 2, "", "offboard: flag provided but not defined: -frobnicate\nsee 'offboard help'\n", false},
		{"bad flag on command", []string{"version", "--x"}, 2, "", "offboard: flag provided but not defined: -x\nsee 'offboard help version'\n", false},
		{"help of unknown", []string{"help", "nope"}, 2, "", `unknown command "nope"`, false},
		{"demo with db", []string{"--demo", "--db", "x.db"}, 2, "", "cannot be used together", false},
		{"stray argument", []string{"--db", "x.db", "extra"}, 2, "", `unexpected argument "extra"`, false},
		{"workbench without terminal", []string{"--db", "x.db"}, 1, "", "needs a terminal", false},
		{"data command with demo and db", []string{"checklist", "--demo", "--db", "x.db", "Acme"}, 2, "", "cannot be used together", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(out, c.stdout) {
				t.Errorf("stdout %q lacks %q", out, c.stdout)
			}
			if !strings.Contains(errs, c.stderr) {
				t.Errorf("stderr %q lacks %q", errs, c.stderr)
			}
			if c.noStderr && errs != "" {
				t.Errorf("unexpected stderr %q", errs)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace on stderr: %q", errs)
			}
			if c.code == 2 && strings.Count(strings.SplitN(errs, "\n", 2)[0], "offboard:") != 1 {
				t.Errorf("first line of stderr is not a one-line error: %q", errs)
			}
		})
	}
}

func TestOpenStoreFollowsEnvironment(t *testing.T) {
	dir := t.TempDir()
	env := Env{Getenv: func(k string) string {
		return map[string]string{"OFFBOARD_DB": filepath.Join(dir, "env.db"), "HOME": dir}[k]
	}, Now: time.Now}
	st, err := openStore(context.Background(), env, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Path() != filepath.Join(dir, "env.db") {
		t.Errorf("opened %s, want the OFFBOARD_DB file", st.Path())
	}
}

// Every command that reads the data takes --demo, so what a new user tries
// on the demo works the same way on their own database.
func TestDataCommandsTakeDemo(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	plan := filepath.Join(home, "plan.md")
	for _, args := range [][]string{
		{"checklist", "--demo", "Halvorsen"},
		{"postmortem", "--demo", "Garrison"},
		{"plan", "export", "--demo", "Kessler", "-o", plan},
		{"score", "--demo", "--client", "Cobalt"},
	} {
		code, out, errs := run(t, env, args...)
		if code != 0 || out == "" {
			t.Errorf("offboard %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
		}
	}
	b, err := os.ReadFile(plan)
	if err != nil || !strings.Contains(string(b), "Kessler Freight") {
		t.Errorf("the demo's plan was not exported: %v", err)
	}
	// The demo's plans are complete: every gap has its measurable goal.
	if strings.Contains(string(b), "missing]") || !strings.Contains(string(b), "**Goal:** Every invoice paid within 30 days of issue") {
		t.Errorf("the demo's plan has gaps:\n%s", b)
	}
}
