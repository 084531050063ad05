package letters

import (
	"offboard/money"

	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./letters -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./letters -update and review the diff\n--- got ---\n%s", path, got)
	}
}

func newRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGoldenDocuments(t *testing.T) {
	r := newRenderer(t)
	missingSender := harborlineTermination()
	missingSender.Our = Company{Name: bluewater.Name, Signer: bluewater.Signer}
	missingSender.Contact = Person{}
	missingSender.Acknowledgement = false
	missingSender.AnnualLicences = nil
	missingSender.LicenceNote = ""
	missingSender.Balance = money.Money{}
	missingSender.Transition = Transition{}
	missingSender.Delivery = DeliveryPost

	tests := []struct {
		file   string
		render func() (string, error)
	}{
		{"termination-harborline.md", func() (string, error) { return r.Termination(harborlineTermination()) }},
		{"termination-missing-sender.md", func() (string, error) { return r.Termination(missingSender) }},
		{"termination-kessler-term-end.md", func() (string, error) { return r.Termination(kesslerTermination()) }},
		{"termination-juniper-statement.md", func() (string, error) { return r.Termination(juniperStatement()) }},
		{"termination-halvorsen-for-cause.md", func() (string, error) { return r.Termination(halvorsenForCause()) }},
		{"offboarding-receipt-harborline.md", func() (string, error) { return r.ChecklistReceipt(harborlineReceipt()) }},
		{"post-mortem-harborline.md", func() (string, error) { return r.PostMortem(harborlinePostMortem()) }},
		{"remediation-agenda-kessler.md", func() (string, error) { return r.Agenda(kesslerAgenda()) }},
		{"remediation-plan-kessler.md", func() (string, error) { return r.RemediationPlan(kesslerPlan()) }},
		{"remediation-plan-kessler-extended.md", func() (string, error) { return r.RemediationPlan(kesslerPlanExtended()) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := tt.render()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, got)
		})
	}
}

// assertContains reports each of wants that text (a document or an error
// message, named by what) does not contain.
func assertContains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s does not contain %q:\n%s", what, want, text)
		}
	}
}
