package casefile

import (
	"context"
	"fmt"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

// LetterFacts are what the record and the settings hold for a client's
// letter beyond the client's own row: loaded once when the letter opens,
// so that drafting it again as the owner types reads no data.
type LetterFacts struct {
	// Calendar is our business calendar (calendar.region, calendar.closed).
	Calendar calendar.Calendar
	// Zone is the client's time zone, in which the close of business is
	// reckoned; nil when the client has none or it is not known.
	Zone *time.Location
	// Statement is the client's account on the day the letter opened.
	Statement letters.Statement
	// Licences are the licences we manage for the client.
	Licences []letters.Licence
	// Prior is the notice the client is already under; nil when none.
	Prior *letters.PriorNotice
	// PriorCause is that notice's cause when it was given for cause; nil
	// otherwise. A notice superseding it is for cause too, under the same
	// clause.
	PriorCause *PriorCause
	// ZeroTolerance reports a zero-tolerance incident (criminal activity,
	// abuse of staff at the zero-tolerance severity), for which the form
	// offers a termination for cause.
	ZeroTolerance bool
	// Rate is our standard hourly rate, offered for transition assistance.
	Rate money.Money
}

// PriorCause is the cause of a notice for cause the client is already
// under, as recorded with it.
type PriorCause struct {
	// Sent is the day that notice was sent.
	Sent time.Time
	// Agreement names the agreement it ended; empty for a notice recorded
	// before it was kept.
	Agreement string
	// Clause is the clause it cited; empty when a notice recorded before
	// clauses were kept could not be read back from its letter.
	Clause string
	// LegalHold reports whether it put the client's data under a legal hold.
	LegalHold bool
}

// ClauseUnknownError asks for the for-cause clause of a notice superseding
// a notice for cause whose clause is not on record: the new notice must
// cite the same clause, and a placeholder in its place would be sent as
// written.
type ClauseUnknownError struct {
	// Prior is the notice for cause being superseded.
	Prior PriorCause
}

// Error says which notice and what to give.
func (e *ClauseUnknownError) Error() string {
	return fmt.Sprintf("the notice of %s was given for cause, but the clause it cited is not on record; "+
		"the new notice cites the same clause, as that letter words it", letters.FormatDate(e.Prior.Sent))
}

// ClauseToAsk is a *ClauseUnknownError when d is a notice for cause
// superseding one for cause whose clause is not on record and d does not
// name one yet; nil otherwise.
func (f LetterFacts) ClauseToAsk(d LetterDraft) error {
	if f.PriorCause == nil || !d.ForCause || strings.TrimSpace(d.ForCauseClause) != "" {
		return nil
	}
	return &ClauseUnknownError{Prior: *f.PriorCause}
}

// LetterFacts loads the facts of c's letter as of today.
func (d *Desk) LetterFacts(ctx context.Context, c store.Client, today time.Time) (LetterFacts, error) {
	setup, err := d.Setup(ctx)
	if err != nil {
		return LetterFacts{}, err
	}
	f := LetterFacts{Calendar: setup.Config.Calendar, Rate: money.Money{Minor: setup.Config.StandardRatePerHour, Currency: c.Currency}}
	if c.TimeZone != "" {
		if f.Zone, err = time.LoadLocation(c.TimeZone); err != nil {
			return f, fmt.Errorf("time zone of %s: %w", c.Name, err)
		}
	}
	if f.Statement, err = d.statement(ctx, c, today); err != nil {
		return f, err
	}
	if f.Licences, err = d.licences(ctx, c.ID); err != nil {
		return f, err
	}
	n, ok, err := d.NoticeGiven(ctx, c)
	if err != nil {
		return f, err
	}
	if ok {
		t := n.Termination
		f.Prior = &letters.PriorNotice{Sent: t.Sent, Effective: t.Effective}
		if t.ForCause {
			f.PriorCause = &PriorCause{Sent: t.Sent, Agreement: t.AgreementName, Clause: t.ForCauseClause, LegalHold: t.LegalHold}
		}
	}
	zt, err := d.Store.ZeroToleranceIncidents(ctx, c.ID, setup.Config.StaffAbuse.ZeroToleranceSeverity)
	f.ZeroTolerance = zt > 0
	return f, err
}

// statement is the client's account on day: its unpaid invoices, each with
// its number and pay-by date, and the credits it holds.
func (d *Desk) statement(ctx context.Context, c store.Client, day time.Time) (letters.Statement, error) {
	open, credits, err := d.Store.OpenInvoices(ctx, c.ID, day)
	return StatementOf(open, credits, c.Currency), err
}

// StatementOf is an account as a letter states it: the open invoices and
// the credits held, in minor units of currency.
func StatementOf(open []store.OpenInvoice, credits int64, currency string) letters.Statement {
	s := letters.Statement{Credits: money.Money{Minor: credits, Currency: currency}}
	for _, inv := range open {
		s.Invoices = append(s.Invoices, letters.Invoice{Number: inv.Number, Issued: inv.Issued, Due: inv.Due,
			Open: money.Money{Minor: inv.Open, Currency: inv.Currency}})
	}
	return s
}

// licences are the licences the record holds for the client, as the
// letter lists them.
func (d *Desk) licences(ctx context.Context, clientID int64) ([]letters.Licence, error) {
	rows, err := d.Store.Licences(ctx, clientID)
	return LicencesOf(rows), err
}

// LicencesOf are licences as a letter lists them.
func LicencesOf(rows []store.Licence) []letters.Licence {
	out := make([]letters.Licence, len(rows))
	for i, l := range rows {
		out[i] = letters.Licence{Product: l.Product, Quantity: l.Quantity, TermEnds: l.TermEnd, Billing: letters.BillingMonthly}
		if l.Billing == store.BillingAnnual {
			out[i].Billing = letters.BillingAnnual
		}
	}
	return out
}
