package cli

import (
	"strings"
	"testing"
)

// The record written out for a dispute holds a hand-entered call, escaped
// as Markdown, with the verification result.
func TestRecordExport(t *testing.T) {
	env, db := demoDB(t)
	name := keepClient(t, env, db)
	if code, _, errs := run(t, env, "log", name, "--kind", "call", "--direction", "inbound", "--at", "2026-11-20 10:15",
		"--summary", "Asked for *all* their data | today", "--db", db); code != 0 {
		t.Fatalf("log: %s", errs)
	}
	code, out, errs := run(t, env, "record", name, "-o", "-", "--db", db)
	if code != 0 {
		t.Fatalf("record: exit %d: %s", code, errs)
	}
	for _, want := range []string{"# Record of " + name, "**The record is intact.**", "; recommendation in force: Keep.",
		"- summary: Asked for \\*all\\* their data \\| today", "- channel: phone", "Client and agreement "} {
		if !strings.Contains(out, want) {
			t.Errorf("record lacks %q", want)
		}
	}
	if strings.Index(out, "Client and agreement ") > strings.Index(out, "Asked for") {
		t.Error("the record is not in the order it was recorded")
	}
}
