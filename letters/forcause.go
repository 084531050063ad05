package letters

import (
	"errors"
	"fmt"
	"time"
)

// ForCause turns the notice into a termination for cause, for the
// zero-tolerance cases of seed 003 (criminal activity, mistreatment of
// staff) and seed 001 (abusive language). The letter still gives no
// reasons and makes no allegations: it cites the clause that allows it, and
// the facts stay in the record.
type ForCause struct {
	// Clause is the agreement's clause that allows ending it for cause
	// immediately or on shorter notice, for example "clause 14.4
	// (Termination for cause)". It stands in for the shorter-notice
	// override: the agreement itself allows the shorter period.
	Clause string
	// LegalHold suspends the disposal of the client's data: the letter
	// says the data is kept, unchanged, until the hold is lifted, instead
	// of giving a disposal date; UnderLegalHold does the same for the
	// checklist.
	LegalHold bool
	// Contact is the single named person through whom everything about the
	// notice and the handover goes.
	Contact Person
	// WrittenOnly asks that all communication about the matter be in
	// writing, to Contact's email, so that both sides have a record.
	WrittenOnly bool
}

// PriorNotice is a notice of termination the client is already under.
type PriorNotice struct {
	// Sent is the day it was sent.
	Sent time.Time
	// Effective is the effective date it gave.
	Effective time.Time
}

// Immediate reports whether a for-cause notice ends the agreement on the
// day it is sent.
func (in TerminationInput) Immediate() bool {
	return in.ForCause != nil && DaysBetween(in.Sent, in.Effective) == 0
}

// AlreadyUnderNoticeError refuses a second notice to a client already under
// notice, unless the new notice is marked as superseding the first: two
// notices with different dates would leave the effective date in dispute.
type AlreadyUnderNoticeError struct {
	// Prior is the notice already given.
	Prior PriorNotice
}

// Error names the earlier notice and the two ways forward.
func (e *AlreadyUnderNoticeError) Error() string {
	return fmt.Sprintf("the client is already under the notice sent on %s, effective %s; mark this notice as superseding it, or withdraw that notice first",
		FormatDate(e.Prior.Sent), FormatDate(e.Prior.Effective))
}

// noticeProblems are the errors of a second or a for-cause notice.
func (in TerminationInput) noticeProblems() []error {
	var errs []error
	switch {
	case in.PriorNotice != nil && !in.Supersedes:
		errs = append(errs, &AlreadyUnderNoticeError{Prior: *in.PriorNotice})
	case in.PriorNotice == nil && in.Supersedes:
		errs = append(errs, errors.New("the notice is marked as superseding an earlier one, but no earlier notice is given"))
	case in.PriorNotice == nil:
	case in.PriorNotice.Sent.IsZero() || in.PriorNotice.Effective.IsZero():
		errs = append(errs, errors.New("the dates of the notice it supersedes are not set"))
	case !in.Sent.IsZero() && civil(in.PriorNotice.Sent).After(civil(in.Sent)):
		errs = append(errs, fmt.Errorf("the notice it supersedes was sent on %s, after this one", FormatDate(in.PriorNotice.Sent)))
	}
	return errs
}

// forCauseMissing lists what a for-cause letter must name before it can go
// out: the clause, the single point of contact, and that person's email
// when communication is in writing only.
func (in TerminationInput) forCauseMissing() []string {
	fc := in.ForCause
	if fc == nil {
		return nil
	}
	var missing []string
	if isBlank(fc.Clause) {
		missing = append(missing, "for-cause clause")
	}
	if isBlank(fc.Contact.Name) {
		missing = append(missing, "single point of contact")
	}
	if fc.WrittenOnly && isBlank(fc.Contact.Email) {
		missing = append(missing, "email of the single point of contact")
	}
	return missing
}
