package cli

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/store"
)

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	code, out, errs := run(t, nil, "demo", "--db", db, "--clients", "20", "--months", "12", "--seed", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "20 clients") || strings.Count(out, "\n") != 1 {
		t.Errorf("summary %q, want one line naming 20 clients", out)
	}
	// A second run replaces the earlier demo.
	if code, _, errs := run(t, nil, "demo", "--db", db, "--clients", "25", "--months", "12"); code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, errs)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	st.DB().QueryRow("SELECT count(*) FROM clients").Scan(&n)
	seed, _, _ := st.Setting(context.Background(), store.SettingDemoSeed)
	asOf, _, _ := st.Setting(context.Background(), store.SettingDemoAsOf)
	if n != 25 || seed != "1" || asOf != "2026-11-22" {
		t.Errorf("after rerun: %d clients, seed %q, last day %q; want 25, 1, yesterday", n, seed, asOf)
	}
}

func TestDemoDefaultsToItsOwnFile(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	if code, out, errs := run(t, env, "demo", "--clients", "20", "--months", "12"); code != 0 ||
		!strings.Contains(out, filepath.Join(home, ".local", "share", "offboard", "demo.db")) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestDemoRefusesARealDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "real.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Tx(ctx, func(tx *sql.Tx) error {
		_, err := store.InsertClient(ctx, tx, store.Client{Name: "Our Best Client"}, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errs := run(t, nil, "demo", "--db", db, "--clients", "20", "--months", "12")
	if code != 1 || !strings.Contains(errs, "left untouched") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, errs)
	}
	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var names []string
	rows, _ := st.DB().Query("SELECT name FROM clients")
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	if len(names) != 1 || names[0] != "Our Best Client" {
		t.Errorf("clients after the refusal: %v", names)
	}
}

func TestDemoFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"demo", "--clients", "3"},
		{"demo", "--months", "2"},
		{"demo", "--months", "500"},
		{"demo", "--seed", "x"},
		{"demo", "extra"},
	} {
		code, _, errs := run(t, nil, args...)
		if code != 2 || !strings.HasSuffix(errs, "\nsee 'offboard help demo'\n") || strings.Count(errs, "\n") != 2 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestOpenDemoKeepsWorkDoneInIt(t *testing.T) {
	home := t.TempDir()
	env := Env{Stderr: io.Discard, Getenv: func(k string) string { return map[string]string{"HOME": home}[k] },
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
	ctx := context.Background()
	st, err := openDemo(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	c, err := (&casefile.Desk{Store: st}).FindClient(ctx, demo.Planted[demo.StoryLatePayment])
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetOverride(ctx, c.ID, "keep", "Owner knows them well"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = openDemo(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if c, err = st.Client(ctx, c.ID); err != nil || c.Override != "keep" {
		t.Errorf("override after reopening the demo: %q, %v", c.Override, err)
	}
	real, err := store.DefaultPath(env.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	if st.Path() == real {
		t.Errorf("the demo opened the real database %s", real)
	}
}

func TestOpenDemoRefusesAForeignFile(t *testing.T) {
	home := t.TempDir()
	env := Env{Getenv: func(k string) string { return map[string]string{"HOME": home}[k] },
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
	ctx := context.Background()
	path, _ := store.DemoPath(env.Getenv)
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetSetting(ctx, store.SettingCompanyName, "Someone Else")
	st.Close()
	if _, err := openDemo(ctx, env); !errors.Is(err, errNotDemo) {
		t.Errorf("openDemo on a foreign file: %v, want errNotDemo", err)
	}
}
