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
