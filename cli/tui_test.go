package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/store"
)

func TestWorkbenchRefusesABadConfigurationBeforeStarting(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[stats]\nmethod = \"guesswork\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:     func(k string) string { return map[string]string{"HOME": dir}[k] },
		Now:        func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
		IsTerminal: true,
	}
	code := Main(context.Background(), []string{"--db", filepath.Join(dir, "o.db"), "--config", cfg}, env)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if msg := errb.String(); !strings.Contains(msg, cfg) || !strings.Contains(msg, "stats.method") || !strings.Contains(msg, "guesswork") {
		t.Errorf("the error does not name the file, the key and the value: %q", msg)
	}
	if out.Len() != 0 {
		t.Errorf("the workbench drew something: %q", out.String())
	}
}

// A bad [keys] table stops the workbench before it takes the screen, with
// one line naming the file and the key; a good one passes the scoring
// configuration's own check of the same file.
func TestWorkbenchRefusesABadKeysTable(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	env := Env{
		Stdin:      strings.NewReader(""),
		Getenv:     func(k string) string { return map[string]string{"HOME": dir}[k] },
		Now:        func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
		IsTerminal: true,
	}
	for _, tt := range []struct{ toml, want string }{
		{"margin.target = 0.55\n[keys]\nmetric = \"s\"\n", `[keys] metric: "s" is already the key of sort`},
		{"[keys]\nwhatever = \"z\"\n", "[keys] whatever is not an action"},
	} {
		if err := os.WriteFile(cfg, []byte(tt.toml), 0o600); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		env.Stdout, env.Stderr = &out, &errb
		if code := Main(context.Background(), []string{"--db", filepath.Join(dir, "o.db"), "--config", cfg}, env); code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		msg := errb.String()
		if !strings.Contains(msg, cfg) || !strings.Contains(msg, tt.want) {
			t.Errorf("the error does not name the file and the key: %q", msg)
		}
		if strings.Count(strings.TrimSpace(msg), "\n") > 0 || strings.Contains(msg, "goroutine") {
			t.Errorf("more than one line: %q", msg)
		}
		if out.Len() != 0 {
			t.Errorf("the workbench drew something: %q", out.String())
		}
	}

	// Refused before it started, the workbench left no database behind.
	if _, err := os.Stat(filepath.Join(dir, "o.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused workbench left a database: %v", err)
	}

	// The scoring commands read the same file and leave [keys] alone.
	st, err := store.Open(context.Background(), filepath.Join(dir, "o.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.WriteFile(cfg, []byte("margin.target = 0.55\n[keys]\nportfolio = \"P\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	if code := Main(context.Background(), []string{"config", "--db", filepath.Join(dir, "o.db"), "--config", cfg}, env); code != 0 {
		t.Fatalf("config with a [keys] table: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "0.55") {
		t.Errorf("the file's value is not in force:\n%s", out.String())
	}
}
