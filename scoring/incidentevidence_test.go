package scoring

import (
	"testing"
	"time"
)

// An incident's evidence quotes what happened, and after disposal, when
// the words are gone, keeps the numbers without an empty quote.
func TestIncidentEvidenceAfterDisposal(t *testing.T) {
	at := time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ description, want string }{
		{"Swore at the receptionist.", `1 abuse incident in the last 24 months, of severity 2 of 5 on 2025-12-01: "Swore at the receptionist"`},
		{"", "1 abuse incident in the last 24 months, of severity 2 of 5 on 2025-12-01"},
	} {
		got := incidentEvidence(1, Incident{Kind: IncidentAbuse, Severity: 2, At: at, Description: tt.description},
			"abuse incident", "the last 24 months")
		if got != tt.want {
			t.Errorf("evidence of %q = %q, want %q", tt.description, got, tt.want)
		}
	}
}
