package letters

import (
	"offboard/money"

	"fmt"
	"sort"
	"time"
)

// Invoice is one invoice the client has not paid in full at the date of
// the letter.
type Invoice struct {
	// Number is the invoice number the client's accounts know it by.
	Number string
	// Issued is the day it was issued.
	Issued time.Time
	// Due is the day it is to be paid by, under the agreement's terms.
	Due time.Time
	// Open is the amount still unpaid.
	Open money.Money
}

// Statement is the client's account at the date of the letter, as the
// record holds it. Seed 001 asks for the final invoice to be stated; a
// lawyer reads a balance only with the invoices behind it, what is overdue
// apart from what is not yet due, and what happens to money paid in advance.
type Statement struct {
	// Invoices are the unpaid invoices, in any order.
	Invoices []Invoice
	// Credits are prepayments and credit notes held on the client's
	// account; the letter says they are set against the final invoice and
	// any remainder refunded. Zero says none are held.
	Credits money.Money
}

// Overdue are the invoices whose pay-by date is before the date of the
// letter, by pay-by date; empty without a Statement.
func (in TerminationInput) Overdue() []Invoice {
	return in.invoices(func(due time.Time) bool { return due.Before(civil(in.Sent)) })
}

// NotYetDue are the invoices payable on or after the date of the letter,
// by pay-by date: an invoice due on the day the letter is sent is not late.
func (in TerminationInput) NotYetDue() []Invoice {
	return in.invoices(func(due time.Time) bool { return !due.Before(civil(in.Sent)) })
}

// invoices returns the statement's invoices whose pay-by date matches keep,
// sorted by pay-by date, then number.
func (in TerminationInput) invoices(keep func(due time.Time) bool) []Invoice {
	if in.Statement == nil {
		return nil
	}
	var out []Invoice
	for _, inv := range in.Statement.Invoices {
		if keep(civil(inv.Due)) {
			out = append(out, inv)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Due.Equal(out[j].Due) {
			return out[i].Due.Before(out[j].Due)
		}
		return out[i].Number < out[j].Number
	})
	return out
}

// total adds up the open amounts of invoices, which statementProblems has
// checked share one currency.
func total(invoices []Invoice) money.Money {
	var sum money.Money
	for _, inv := range invoices {
		sum.Minor += inv.Open.Minor
		sum.Currency = inv.Open.Currency
	}
	return sum
}

// statementProblems are the errors in a statement that would make the
// letter state wrong money: mixed currencies, and a final invoice that
// would be issued before the services it covers are provided.
func (in TerminationInput) statementProblems() []error {
	if in.Statement == nil {
		return nil
	}
	var errs []error
	currency := in.Statement.Credits.Currency
	for i, inv := range in.Statement.Invoices {
		if inv.Open.Minor <= 0 {
			errs = append(errs, fmt.Errorf("invoice %d %q has no open amount", i+1, inv.Number))
		}
		if currency == "" {
			currency = inv.Open.Currency
		} else if inv.Open.Currency != "" && inv.Open.Currency != currency {
			errs = append(errs, fmt.Errorf("invoice %d %q is in %s, the rest of the account in %s", i+1, inv.Number, inv.Open.Currency, currency))
		}
	}
	if in.Statement.Credits.Minor < 0 {
		errs = append(errs, fmt.Errorf("credits of %s are negative", in.Statement.Credits))
	}
	if !in.FinalInvoice.IsZero() && !in.Effective.IsZero() && !civil(in.FinalInvoice).After(civil(in.Effective)) {
		errs = append(errs, fmt.Errorf("the final invoice on %s is not after the effective date %s, so it cannot cover services through it; issue it on %s",
			FormatDate(in.FinalInvoice), FormatDate(in.Effective), FormatDate(FinalInvoiceDate(in.Calendar, in.Effective))))
	}
	return errs
}

// statementMissing lists the invoice fields a letter must have before it
// can go out.
func (in TerminationInput) statementMissing() []string {
	if in.Statement == nil {
		return nil
	}
	var missing []string
	for i, inv := range in.Statement.Invoices {
		if isBlank(inv.Number) {
			missing = append(missing, fmt.Sprintf("number of invoice %d", i+1))
		}
		if inv.Issued.IsZero() {
			missing = append(missing, fmt.Sprintf("issue date of invoice %d", i+1))
		}
		if inv.Due.IsZero() {
			missing = append(missing, fmt.Sprintf("pay-by date of invoice %d", i+1))
		}
	}
	return missing
}
