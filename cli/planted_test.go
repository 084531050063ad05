package cli

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"offboard/demo"
	"offboard/letters"
	"offboard/store"
)

// TestPlantedClientsDocuments writes, on the demo portfolio, the notice of
// termination of the planted clients an owner would let go, and the
// post-mortem of the one already offboarded, and compares them with golden
// files: the documents a new user sees first.
func TestPlantedClientsDocuments(t *testing.T) {
	dir := t.TempDir()
	f := &letterDB{db: filepath.Join(dir, "demo.db"), dir: dir,
		vars: map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config")}}
	ctx := context.Background()
	st, err := store.Open(ctx, f.db, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(ctx, st, demo.Options{Seed: 1, AsOf: clock}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, name := range []string{demo.NameCriminal, demo.RemediationRefused, demo.NameLatePayment, demo.NameDataCompliance} {
		t.Run(letters.Slug(name), func(t *testing.T) {
			code, stdout, stderr := f.run(t, "letter", name, "--draft", "-o", "-")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, "letter-"+letters.Slug(name)+".md", stdout)
		})
	}
	t.Run("post-mortem", func(t *testing.T) {
		code, stdout, stderr := f.run(t, "postmortem", demo.Offboarded)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden(t, "postmortem-"+letters.Slug(demo.Offboarded)+".md", stdout)
	})
}
