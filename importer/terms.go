package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Terms labels as the invoicing tools write them. QuickBooks: "Net 30",
// "Due on receipt", "Due end of month", "Due end of next month"; Xero:
// "20th of the following month", "30 days after the end of the invoice
// month"; Zoho and FreshBooks: "Net 15", "Due end of the month"; early
// payment discounts as "2/10 Net 30".
var (
	// netTerms: "Net 30", "NET30", "n30", "30 days", "Due in 15 days",
	// "30 days net", "2/10 Net 30".
	netTerms = regexp.MustCompile(`^(?:\d+(?:\.\d+)?%?\s*(?:/|%\s)\s*\d+(?:\s*,\s*|\s+))?(?:net\s*|n\s*|due\s+in\s+|within\s+)?(\d{1,3})(?:\s*days?)?(?:\s+net)?$`)
	// eomTerms: "EOM", "Net EOM", "End of month", "Due end of (the) month",
	// with days after it: "Net 15 EOM", "EOM 15", "EOM+15", "15 EOM", "15
	// days after the end of the (invoice) month".
	eomTerms = regexp.MustCompile(`^(?:net\s*)?(?:(\d{1,3})\s*(?:days?\s*)?(?:after\s+(?:the\s+)?)?)?(?:eom|(?:due\s+)?end\s+of\s+(?:the\s+)?(?:invoice\s+)?month)(?:\s*\+?\s*(\d{1,3})(?:\s*days?)?)?$`)
	// nextMonthTerms: "Due end of next month", "End of the following month".
	nextMonthTerms = regexp.MustCompile(`^(?:due\s+)?end\s+of\s+(?:the\s+)?(?:next|following)\s+month$`)
	// dayOfNextMonth: "20th of the following month", "15 of next month".
	dayOfNextMonth = regexp.MustCompile(`^(?:due\s+(?:on\s+)?(?:the\s+)?)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(?:the\s+)?(?:next|following)\s+month$`)
)

// receiptTerms are the labels for payment on the day of issue.
var receiptTerms = map[string]bool{
	"due on receipt": true, "due upon receipt": true, "on receipt": true, "upon receipt": true,
	"receipt": true, "immediate": true, "immediately": true, "cod": true, "cash on delivery": true,
	"due now": true, "net 0": true,
}

// TermsDays returns the days after issue a terms label gives to pay, and
// false when the label gives no fixed number of days (EOM terms depend on
// the day of issue: see DueFromTerms).
func TermsDays(label string) (int, bool) {
	s := normalizeTerms(label)
	if receiptTerms[s] {
		return 0, true
	}
	m := netTerms.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

func normalizeTerms(label string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.TrimSpace(label))), " ")
}

// DueFromTerms dates an invoice from its issue date and terms label: a
// number of days, "due on receipt", the end of the month of issue (EOM)
// with any days after it, the end of the next month, or a day of the next
// month. ok is false for a label it cannot read, which dates nothing.
func DueFromTerms(issued time.Time, label string) (time.Time, bool) {
	if issued.IsZero() {
		return time.Time{}, false
	}
	if n, ok := TermsDays(label); ok {
		return issued.AddDate(0, 0, n), true
	}
	s := normalizeTerms(label)
	y, mo, _ := issued.Date()
	endOfMonth := func(months int) time.Time {
		// Day 0 of the month after is the last day of the month wanted.
		return time.Date(y, mo+time.Month(months)+1, 0, 0, 0, 0, 0, issued.Location())
	}
	if m := eomTerms.FindStringSubmatch(s); m != nil {
		days := 0
		for _, g := range m[1:] {
			if g != "" {
				days, _ = strconv.Atoi(g)
			}
		}
		return endOfMonth(0).AddDate(0, 0, days), true
	}
	if nextMonthTerms.MatchString(s) {
		return endOfMonth(1), true
	}
	if m := dayOfNextMonth.FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		last := endOfMonth(1)
		if day < 1 || day > last.Day() {
			day = last.Day()
		}
		return time.Date(y, mo+1, day, 0, 0, 0, 0, issued.Location()), true
	}
	return time.Time{}, false
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
