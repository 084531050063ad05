package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"offboard/demo"
)

// sourceLabel is a citation of a seed article, "seed 003" or "seeds 000,
// 001". Where a rule comes from belongs in the code's comments and the
// README; the owner, the client and a lawyer reading a document never see it.
var sourceLabel = regexp.MustCompile(`(?i)\bseeds? 00[0-4]`)

// assertNoSourceLabel reports every line of text that cites a seed article.
func assertNoSourceLabel(t *testing.T, what, text string) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if sourceLabel.MatchString(line) {
			t.Errorf("%s cites a seed article: %q", what, line)
		}
	}
}

// TestNoSourceLabelsReachTheUser runs, on the demo portfolio, every kind of
// output a user reads: the help of every command, the settings'
// documentation, the scores in text and JSON, a letter, a plan and its
// agenda, a checklist and its receipt, a post-mortem, the what-if, the
// record of every planted client (the audit log) and a certificate of
// destruction.
func TestNoSourceLabelsReachTheUser(t *testing.T) {
	env, db := demoDB(t)
	runs := [][]string{{"help"}}
	for _, c := range commands() {
		runs = append(runs, []string{"help", c.Name})
	}
	runs = append(runs,
		[]string{"config", "--docs"},
		[]string{"score"},
		[]string{"score", "--json"},
		[]string{"letter", demo.NameCriminal, "--draft", "-o", "-"},
		[]string{"plan", "export", demo.RemediationReviewDue, "-o", "-"},
		[]string{"plan", "export", demo.RemediationReviewDue, "--agenda", "-o", "-"},
		[]string{"checklist", demo.InNotice},
		[]string{"checklist", demo.InNotice, "--export", "-"},
		[]string{"postmortem", demo.Offboarded},
		[]string{"whatif", "--recommended", "offboard"},
	)
	var planted []string
	for _, name := range demo.Planted {
		planted = append(planted, name)
	}
	slices.Sort(planted)
	for _, name := range planted {
		runs = append(runs,
			[]string{"score", "--client", name},
			[]string{"score", "--client", name, "--json"},
			[]string{"record", name, "-o", "-"})
	}
	for _, args := range runs {
		what := strings.Join(args, " ")
		if args[0] != "help" {
			args = append(args, "--db", db)
		}
		code, out, errs := run(t, env, args...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", what, code, errs)
		}
		assertNoSourceLabel(t, what, out+errs)
	}

	// Last, as it removes the client's personal data.
	cert := filepath.Join(t.TempDir(), "certificate.md")
	code, out, errs := run(t, env, "purge", demo.Offboarded, "--by", "Dana Whitfield", "--force",
		"--reason", "the client asked for early disposal", "-o", cert, "--db", db)
	if code != 0 {
		t.Fatalf("purge: exit %d: %s", code, errs)
	}
	doc, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	assertNoSourceLabel(t, "purge", out+errs)
	assertNoSourceLabel(t, "certificate of destruction", string(doc))
}

// TestNoSourceLabelsInGoldens reads every file under a testdata folder of
// the module: the screens, documents and outputs the goldens pin down.
func TestNoSourceLabelsInGoldens(t *testing.T) {
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || !slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "testdata") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		assertNoSourceLabel(t, path, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The screens' goldens are among them; none read means a wrong root.
	if n < 20 {
		t.Fatalf("read %d files under testdata folders", n)
	}
}
