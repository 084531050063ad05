package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLargeDemoRoundTrip writes the benchmark portfolio (2,000 clients, 36
// months, about a million time entries), exports it, imports every file
// into a fresh database and exports that: the two exports must be the same
// bytes, so nothing the demo writes is refused or changed by the importer.
// It takes a few minutes on two cores; -short skips it.
func TestLargeDemoRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("the large demo round trip takes minutes; run without -short")
	}
	dir := t.TempDir()
	demoDB, fresh := filepath.Join(dir, "demo.db"), filepath.Join(dir, "fresh.db")
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	start := time.Now()
	step := func(args ...string) {
		t.Helper()
		began := time.Now()
		if code, out, errs := run(t, nil, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
		t.Logf("%s %s: %s", args[0], args[1], time.Since(began).Round(100*time.Millisecond))
	}
	step("demo", "--db", demoDB, "--clients", "2000", "--months", "36")
	step("export", a, "--db", demoDB)
	for _, k := range kinds {
		step("import", k, filepath.Join(a, k+".csv"), "--db", fresh)
	}
	step("export", b, "--db", fresh)
	for _, k := range kinds {
		x, err := os.ReadFile(filepath.Join(a, k+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, k+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s.csv differs after export, import, export:\n%s", k, firstDifference(string(x), string(y)))
		}
	}
	t.Logf("round trip of the large demo: %s", time.Since(start).Round(time.Second))
}
