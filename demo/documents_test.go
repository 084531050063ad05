package demo

import (
	"context"
	"strings"
	"testing"
)

// storedDocument is the markdown of the client's document of kind.
func storedDocument(t *testing.T, name, kind string) string {
	t.Helper()
	s := defaultPortfolio(t)
	var md string
	err := s.DB().QueryRowContext(context.Background(), `SELECT d.markdown FROM documents d JOIN clients c ON c.id = d.client_id
        WHERE c.name = ? AND d.kind = ? ORDER BY d.id DESC LIMIT 1`, name, kind).Scan(&md)
	if err != nil {
		t.Fatalf("%s's %s: %v", name, kind, err)
	}
	return md
}

// The notice sent to the client who threatened a technician is the
// for-cause notice a zero-tolerance case calls for: under the agreement's
// for-cause clause, the data under a legal hold (and so recorded on the
// notice), a single point of contact, in writing only.
func TestTheZeroToleranceNoticeIsForCause(t *testing.T) {
	md := storedDocument(t, NameAbuse, "termination")
	for _, want := range []string{
		"## Notice of termination for cause of Managed Services Agreement",
		"(termination for cause) of the Managed Services Agreement",
		"that we are ending the agreement for cause.",
		"**Secure disposal: suspended under a legal hold.**",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the notice lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Thank you for the trust") {
		t.Error("the for-cause notice thanks the client as an ordinary notice does")
	}
	var hold bool
	if err := defaultPortfolio(t).DB().QueryRow(`SELECT t.legal_hold FROM terminations t JOIN clients c ON c.id = t.client_id
        WHERE c.name = ?`, NameAbuse).Scan(&hold); err != nil || !hold {
		t.Errorf("the notice's legal hold is not recorded (%v)", err)
	}
}

// The agenda gives the meeting's time in the client's time zone and says
// which zone: Kessler Freight is in Omaha (America/Chicago), met at 10:00.
func TestTheAgendaStatesTheClientsTimeZone(t *testing.T) {
	md := storedDocument(t, NameLatePayment, "agenda")
	if !strings.Contains(md, " at 10:00 (America/Chicago time)") {
		t.Errorf("the agenda's time carries no time zone:\n%s", md)
	}
}
