package cli

import (
	"context"
	"path/filepath"
	"testing"

	"offboard/demo"
	"offboard/letters"
)

// TestPlantedClientsDocuments writes, on the demo portfolio, the notice of
// termination of the planted clients an owner would let go, and the
// post-mortem of the one already offboarded, and compares them with golden
// files: the documents a new user sees first.
func TestPlantedClientsDocuments(t *testing.T) {
	f := newDemoDB(t)
	for _, name := range []string{demo.NameCriminal, demo.RemediationRefused, demo.NameLatePayment, demo.NameDataCompliance} {
		t.Run(letters.Slug(name), func(t *testing.T) {
			code, stdout, stderr := f.run(t, "letter", name, "--draft", "-o", "-")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, "letter-"+letters.Slug(name)+".md", stdout)
		})
	}
	// The zero-tolerance client already given notice for cause: a notice
	// superseding it cites the clause the first one did.
	t.Run("superseding-"+letters.Slug(demo.NameAbuse), func(t *testing.T) {
		code, stdout, stderr := f.run(t, "letter", demo.NameAbuse, "--supersede", "--draft", "-o", "-")
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden(t, "letter-"+letters.Slug(demo.NameAbuse)+"-superseding.md", stdout)
	})
	// The plans and agendas of every planted workflow: a review due, a
	// plan that worked, one refused and one failed.
	for _, name := range []string{demo.RemediationReviewDue, demo.RemediationImproved, demo.RemediationRefused, demo.NameOffboarded} {
		for _, kind := range []string{"plan", "agenda"} {
			t.Run(kind+"-"+letters.Slug(name), func(t *testing.T) {
				args := []string{"plan", "export", name, "-o", "-"}
				if kind == "agenda" {
					args = append(args, "--agenda")
				}
				code, stdout, stderr := f.run(t, args...)
				if code != 0 || stderr != "" {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				golden(t, kind+"-"+letters.Slug(name)+".md", stdout)
				// Exported for real, the plan the tool wrote is never refused.
				out := filepath.Join(t.TempDir(), kind+".md")
				if code, _, stderr := f.run(t, append(args[:3:3], append(args[5:], "-o", out)...)...); code != 0 {
					t.Errorf("export: exit %d: %s", code, stderr)
				}
			})
		}
	}
	// The receipts of the clients whose every step is signed off.
	for _, name := range []string{demo.Offboarded, demo.Reengaged} {
		t.Run("receipt-"+letters.Slug(name), func(t *testing.T) {
			code, stdout, stderr := f.run(t, "checklist", name, "--export", "-")
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, "receipt-"+letters.Slug(name)+".md", stdout)
		})
	}
	t.Run("post-mortem", func(t *testing.T) {
		code, stdout, stderr := f.run(t, "postmortem", demo.Offboarded)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden(t, "postmortem-"+letters.Slug(demo.Offboarded)+".md", stdout)
	})
	t.Run("post-mortem-re-engaged", func(t *testing.T) {
		code, stdout, stderr := f.run(t, "postmortem", demo.Reengaged)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		golden(t, "postmortem-"+letters.Slug(demo.Reengaged)+".md", stdout)
	})
}

// newDemoDB writes the demo portfolio as of the tests' clock into a
// database of its own.
func newDemoDB(t *testing.T) *letterDB {
	t.Helper()
	f, st := openLetterDB(t, "demo.db")
	defer st.Close()
	if _, err := demo.Generate(context.Background(), st, demo.Options{Seed: 1, AsOf: clock}); err != nil {
		t.Fatal(err)
	}
	return f
}
