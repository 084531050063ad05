package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// netTerms reads the days of a terms label: "Net 30", "NET30", "30 days",
// "Due in 15 days"; "Due on receipt" and "Due upon receipt" are 0 days.
var netTerms = regexp.MustCompile(`(?i)^(?:net\s*|due\s+in\s+)?(\d{1,3})(?:\s*days?)?$`)

// TermsDays returns the days after issue a terms label gives to pay, and
// false when the label says no number of days.
func TermsDays(label string) (int, bool) {
	s := strings.TrimSpace(label)
	switch strings.ToLower(s) {
	case "due on receipt", "due upon receipt", "on receipt", "immediate":
		return 0, true
	}
	m := netTerms.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// DueFromTerms dates an invoice without a due date from its terms.
func DueFromTerms(issued time.Time, label string) (time.Time, bool) {
	n, ok := TermsDays(label)
	if !ok || issued.IsZero() {
		return time.Time{}, false
	}
	return issued.AddDate(0, 0, n), true
}

// InvoiceState is what an invoice's status says of money owed.
type InvoiceState string

// The invoice states tools' many status words come down to.
const (
	StateUnknown InvoiceState = ""
	StateDraft   InvoiceState = "draft"
	StateSent    InvoiceState = "sent"
	StatePaid    InvoiceState = "paid"
	StateVoid    InvoiceState = "void"
)

// invoiceStates maps the tools' status words, lower-cased.
var invoiceStates = map[string]InvoiceState{
	"draft": StateDraft, "not sent": StateDraft, "unsent": StateDraft, "saved": StateDraft,
	"sent": StateSent, "open": StateSent, "unpaid": StateSent, "awaiting payment": StateSent,
	"authorised": StateSent, "authorized": StateSent, "viewed": StateSent, "overdue": StateSent,
	"partial": StateSent, "partially paid": StateSent, "outstanding": StateSent, "due": StateSent,
	"paid": StatePaid, "closed": StatePaid, "fully paid": StatePaid,
	"void": StateVoid, "voided": StateVoid, "deleted": StateVoid, "cancelled": StateVoid, "canceled": StateVoid,
}

// ParseInvoiceState reads an invoice status as one of the states.
func ParseInvoiceState(status string) InvoiceState {
	return invoiceStates[strings.ToLower(strings.TrimSpace(status))]
}
