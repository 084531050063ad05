package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/store"
)

// demoEnv is an environment whose data folder is dir and whose clock says day.
func demoEnv(dir string, day time.Time, stderr *bytes.Buffer) Env {
	return Env{
		Stderr: stderr,
		Getenv: func(k string) string { return map[string]string{"XDG_DATA_HOME": dir}[k] },
		Now:    func() time.Time { return day },
	}
}

func TestDemoIsKeptTheSameDayAndRenewedTheNext(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	monday := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	var stderr bytes.Buffer

	st, err := openDemo(ctx, demoEnv(dir, monday, &stderr))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "Preparing the demo portfolio") {
		t.Errorf("no word while generating: %q", stderr.String())
	}
	if want := filepath.Join(dir, "offboard", "demo.db"); st.Path() != want {
		t.Errorf("demo at %s, want %s", st.Path(), want)
	}
	clients, err := st.Clients(ctx)
	if err != nil || len(clients) == 0 {
		t.Fatalf("demo holds %d clients, %v", len(clients), err)
	}
	// Work done in the demo: an override.
	if err := st.SetOverride(ctx, clients[0].ID, "keep", "tried in the demo"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	stderr.Reset()
	later := monday.Add(8 * time.Hour)
	st, err = openDemo(ctx, demoEnv(dir, later, &stderr))
	if err != nil {
		t.Fatal(err)
	}
	if stderr.Len() != 0 {
		t.Errorf("regenerated on the same day: %q", stderr.String())
	}
	if c, err := st.Client(ctx, clients[0].ID); err != nil || c.Override != "keep" {
		t.Errorf("the same day's work was lost: override %q, %v", c.Override, err)
	}
	st.Close()

	st, err = openDemo(ctx, demoEnv(dir, monday.AddDate(0, 0, 1), &stderr))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !strings.Contains(stderr.String(), "Preparing") {
		t.Error("the next day's demo was not generated afresh")
	}
	if c, err := st.Client(ctx, clients[0].ID); err != nil || c.Override != "" {
		t.Errorf("yesterday's demo was kept: override %q, %v", c.Override, err)
	}
	if asOf, _, _ := st.Setting(ctx, store.SettingDemoAsOf); asOf != "2026-11-24" {
		t.Errorf("demo as of %q, want 2026-11-24", asOf)
	}
}

func TestDemoRefusesSomeoneElsesDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "offboard", "demo.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`INSERT INTO clients (name, name_key, created_at, updated_at)
        VALUES ('Real Client', 'real client', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	_, err = openDemo(ctx, demoEnv(dir, time.Now(), &stderr))
	if err == nil || !strings.Contains(err.Error(), "not a demo database") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the refused database was changed")
	}
}
