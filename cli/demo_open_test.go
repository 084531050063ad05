package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/store"
)

func TestOpenDemoRenewsADemoFromAnotherDayOrSeed(t *testing.T) {
	home := t.TempDir()
	ctx := context.Background()
	var stderr bytes.Buffer
	day := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	env := Env{Stderr: &stderr, Getenv: func(k string) string { return map[string]string{"HOME": home}[k] },
		Now: func() time.Time { return day }}

	// Work done in yesterday's demo...
	day = day.AddDate(0, 0, -1)
	st, err := openDemo(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	c, err := (&casefile.Desk{Store: st}).FindClient(ctx, demo.NameLatePayment)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetOverride(ctx, c.ID, "keep", "tried yesterday"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// ...gives way to today's.
	day = day.AddDate(0, 0, 1)
	st, err = openDemo(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "today's demo") {
		t.Errorf("no word while writing today's demo: %q", stderr.String())
	}
	if asOf, _, _ := st.Setting(ctx, store.SettingDemoAsOf); asOf != "2026-11-22" {
		t.Errorf("demo ends %q, want the day before today, 2026-11-22", asOf)
	}
	if c, err := (&casefile.Desk{Store: st}).FindClient(ctx, demo.NameLatePayment); err != nil || c.Override != "" {
		t.Errorf("yesterday's override survived: %q, %v", c.Override, err)
	}
	st.Close()

	// A demo of another seed, written today by `offboard demo --seed 7`,
	// is not the workbench's demo either.
	if code, _, errs := run(t, map[string]string{"HOME": home}, "demo", "--seed", "7", "--clients", "20", "--months", "12"); code != 0 {
		t.Fatalf("offboard demo --seed 7: %s", errs)
	}
	stderr.Reset()
	st, err = openDemo(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if seed, _, _ := st.Setting(ctx, store.SettingDemoSeed); seed != "1" || stderr.Len() == 0 {
		t.Errorf("seed %q after opening, want the default 1 written afresh", seed)
	}
}
