package letters

import (
	"offboard/calendar"
	"offboard/money"

	"errors"
	"fmt"
	"strings"
	"time"
)

// Delivery is how the notice reaches the client; the letter states it,
// because the date notice is given can depend on it.
type Delivery int

// The delivery methods a notice clause usually accepts.
const (
	DeliveryEmail Delivery = iota
	DeliveryPost
	DeliveryHand
)

// String is the line printed in the letter: "By email".
func (d Delivery) String() string {
	switch d {
	case DeliveryPost:
		return "By post"
	case DeliveryHand:
		return "By hand delivery"
	default:
		return "By email"
	}
}

// problems are the transition terms Validate refuses.
func (t Transition) problems() []error {
	var errs []error
	for _, n := range []struct {
		format string
		value  int
	}{
		{"transition assistance of %d hours is negative", t.Hours},
		{"%d included transition hours is negative", t.IncludedHours},
		{"notice of %d working days for transition requests is negative", t.RequestDays},
		{"transition window of %d days is negative", t.WindowDays},
	} {
		if n.value < 0 {
			errs = append(errs, fmt.Errorf(n.format, n.value))
		}
	}
	if t.IncludedHours > t.Hours {
		errs = append(errs, fmt.Errorf("%d included transition hours are more than the %d hours offered", t.IncludedHours, t.Hours))
	}
	return errs
}

// ParseDelivery reads "email", "post" or "hand" (as typed in settings or on
// the command line).
func ParseDelivery(s string) (Delivery, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "email", "e-mail":
		return DeliveryEmail, nil
	case "post", "mail", "letter":
		return DeliveryPost, nil
	case "hand", "hand delivery", "by hand":
		return DeliveryHand, nil
	}
	return 0, fmt.Errorf("delivery method %q: want email, post or hand", s)
}

// Transition is the transition assistance we offer after notice; zero Hours
// means none is offered beyond the handover itself. The zero values of the
// later fields keep the letter's older wording: all hours at Rate, no
// request notice, available until the effective date.
type Transition struct {
	// Hours is the number of hours offered.
	Hours int
	// Rate is the price per hour beyond IncludedHours.
	Rate money.Money
	// IncludedHours are the first of Hours, included at no charge.
	IncludedHours int
	// RequestDays is the number of working days' notice a requested piece
	// of assistance needs, so that it can be staffed.
	RequestDays int
	// WindowDays is the number of calendar days after the effective date
	// during which the assistance can be used; the window ends on a working
	// day (see TerminationInput.TransitionEnds).
	WindowDays int
}

// Handoff describes the data-handoff steps that have their own dates. The
// removal of our agents and the revocation of our access happen on the
// effective date, and secure disposal after the retention deadline, so
// those dates come from TerminationInput. DefaultHandoff fills the dates.
type Handoff struct {
	// ExportDate is the day the client's data and backups are handed over.
	ExportDate time.Time
	// ExportWhat says what is exported, for example "Microsoft 365
	// mailboxes, the file server shares and the latest full backup".
	ExportWhat string
	// ExportFormat says in which format, for example "PST files and the
	// original folder structure".
	ExportFormat string
	// ExportDelivery says how it is delivered, for example "an encrypted
	// download link, with the key given by phone".
	ExportDelivery string
	// CredentialsDate is the day admin credentials, documentation and the
	// password vault are handed over.
	CredentialsDate time.Time
	// TransferDate is the day licences, domains, DNS and vendor accounts are
	// transferred to the client or the provider they name.
	TransferDate time.Time
}

// AnnualLicence is a licence held on an annual commitment with its vendor,
// which cannot simply be cancelled on the effective date.
type AnnualLicence struct {
	// Product is the licence, for example "Microsoft 365 Business Premium".
	Product string
	// Quantity is the number of seats or units.
	Quantity int
	// TermEnds is the day the current commitment ends.
	TermEnds time.Time
}

// TerminationInput is everything the notice of termination needs. Seed
// 001: written notice referencing the agreement's terms, the
// final invoice, the data handover and its deadline, confidentiality and the
// disposal of personal information.
type TerminationInput struct {
	// Our is the company sending the notice.
	Our Company
	// Client is the company receiving it.
	Client Client
	// Agreement is the agreement being ended.
	Agreement Agreement
	// Sent is the day the notice is sent.
	Sent time.Time
	// Delivery is how it is sent.
	Delivery Delivery
	// NoticeDays is the notice period this letter gives, in days. It may
	// not be shorter than Agreement.NoticeDays unless AllowShorterNotice.
	NoticeDays int
	// AllowShorterNotice is the owner's explicit override for a notice
	// period shorter than the agreement's.
	AllowShorterNotice bool
	// Effective is the last day services are provided; access ends at its
	// close. It may not be earlier than Sent + NoticeDays; see EffectiveDate.
	Effective time.Time
	// Balance is the outstanding balance today; zero prints as none.
	Balance money.Money
	// FinalInvoice is the day the final invoice will be issued.
	FinalInvoice time.Time
	// Contact is the person on our side the client deals with during the
	// handover; when unset the signer is named, with our email and phone.
	Contact Person
	// Transition is the transition assistance offered.
	Transition Transition
	// RetentionDeadline is the last day we keep the client's data and
	// backups before disposing of them securely.
	RetentionDeadline time.Time
	// Handoff holds the dated data-handoff steps.
	Handoff Handoff
	// AnnualLicences lists licences on annual commitment; when empty the
	// letter says none of the licences we manage is on one.
	AnnualLicences []AnnualLicence
	// LicenceNote says what happens to the annual licences (who holds and
	// pays for the remaining term); printed after the list.
	LicenceNote string
	// Acknowledgement adds a block for the client to sign and return,
	// confirming receipt.
	Acknowledgement bool

	// Calendar decides the working days that the warnings check the dates
	// against and that the transition window ends on; the zero value
	// closes weekends only. Compute the dates themselves with
	// EffectiveDateOn, DefaultHandoffOn and FinalInvoiceDate on the same
	// calendar.
	Calendar calendar.Calendar
	// TimeZone is the client's time zone, in which the close of business is
	// reckoned; the letter names it. Nil names none.
	TimeZone *time.Location
	// Statement is the client's account from the record; when set, the
	// letter lists the overdue invoices apart from those not yet due, each
	// with its number and pay-by date, says what happens to prepayments and
	// credits, and does not print Balance. Nil prints Balance as one figure.
	Statement *Statement
	// LicenceSource says where the licence section comes from: the typed
	// AnnualLicences (the zero value), the record's Licences, or the
	// owner's confirmation that we manage none.
	LicenceSource LicenceSource
	// Licences are the licences we manage for the client, as the record
	// holds them; read with LicencesFromRecord, where none leaves a
	// visible marker that MissingForSending and Gaps report.
	Licences []Licence
	// ForCause makes the letter a termination for cause; nil for ordinary
	// notice.
	ForCause *ForCause
	// PriorNotice is the notice of termination the client is already
	// under, if any; Validate refuses a second notice unless Supersedes.
	PriorNotice *PriorNotice
	// Supersedes marks this notice as replacing PriorNotice; the letter
	// withdraws the earlier notice and says its dates are replaced.
	Supersedes bool
}

// OurContact is the person the letter names for the handover: the single
// point of contact of a for-cause notice, else Contact, else the signer
// reachable at our company email and phone.
func (in TerminationInput) OurContact() Person {
	if in.ForCause != nil {
		return in.ForCause.Contact
	}
	if !isBlank(in.Contact.Name) {
		return in.Contact
	}
	return Person{Name: in.Our.Signer, Role: in.Our.SignerTitle, Email: in.Our.Email, Phone: in.Our.Phone}
}

// DaysGiven is the number of calendar days from Sent to Effective.
func (in TerminationInput) DaysGiven() int { return DaysBetween(in.Sent, in.Effective) }

// Zone names the client's time zone for the close of business, escaped,
// for example "America/Los\_Angeles"; "" when TimeZone is not set.
func (in TerminationInput) Zone() string {
	if in.TimeZone == nil {
		return ""
	}
	return EscapeInline(in.TimeZone.String())
}

// NoticeEnds is the last day of the notice period this letter gives:
// NoticeDays after Sent.
func (in TerminationInput) NoticeEnds() time.Time { return AddDays(in.Sent, in.NoticeDays) }

// NoticeEndsOnClosedDay reports whether the notice period ends on a day the
// business is closed and the effective date is therefore the next working
// day, which the letter explains rather than leaving the reader to count.
func (in TerminationInput) NoticeEndsOnClosedDay() bool {
	end := in.NoticeEnds()
	return !in.Calendar.IsWorkingDay(end) && in.Calendar.NextWorkingDay(end).Equal(civil(in.Effective))
}

// TransitionEnds is the last day transition assistance can be used: the
// effective date, or WindowDays after it moved to the next working day.
func (in TerminationInput) TransitionEnds() time.Time {
	if in.Transition.WindowDays <= 0 {
		return civil(in.Effective)
	}
	return in.Calendar.NextWorkingDay(AddDays(in.Effective, in.Transition.WindowDays))
}

// ShorterNotice reports whether the letter gives less notice than the
// agreement requires (which Validate only allows with the override).
func (in TerminationInput) ShorterNotice() bool { return in.NoticeDays < in.Agreement.NoticeDays }

// Validate checks that the dates and the notice period hang together. It
// returns every problem at once, joined. Missing names and addresses are not
// errors here: the letter previews with them marked; ExportableAsSent
// refuses them.
func (in TerminationInput) Validate() error {
	var errs []error
	if err := CheckNotice(in.NoticeDays, in.Agreement.NoticeDays, in.AllowShorterNotice || in.ForCause != nil); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, in.noticeProblems()...)
	if in.Sent.IsZero() {
		errs = append(errs, errors.New("the date notice is sent is not set"))
	}
	if in.Effective.IsZero() {
		errs = append(errs, errors.New("the effective date is not set"))
	}
	if in.RetentionDeadline.IsZero() {
		errs = append(errs, errors.New("the data retention deadline is not set"))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if earliest := AddDays(in.Sent, in.NoticeDays); civil(in.Effective).Before(earliest) {
		errs = append(errs, fmt.Errorf("effective date %s is before the end of the %d-day notice period, %s",
			FormatDate(in.Effective), in.NoticeDays, FormatDate(earliest)))
	}
	if civil(in.RetentionDeadline).Before(civil(in.Effective)) {
		errs = append(errs, fmt.Errorf("data retention deadline %s is before the effective date %s",
			FormatDate(in.RetentionDeadline), FormatDate(in.Effective)))
	}
	for _, step := range []struct {
		what string
		day  time.Time
	}{
		{"data export", in.Handoff.ExportDate},
		{"credentials handover", in.Handoff.CredentialsDate},
		{"licence and domain transfer", in.Handoff.TransferDate},
	} {
		switch {
		case step.day.IsZero():
			errs = append(errs, fmt.Errorf("the %s date is not set", step.what))
		case civil(step.day).Before(civil(in.Sent)) || civil(step.day).After(civil(in.Effective)):
			errs = append(errs, fmt.Errorf("the %s date %s is outside the notice period, %s to %s",
				step.what, FormatDate(step.day), FormatDate(in.Sent), FormatDate(in.Effective)))
		}
	}
	errs = append(errs, in.Transition.problems()...)
	errs = append(errs, in.statementProblems()...)
	errs = append(errs, in.licenceProblems()...)
	return errors.Join(errs...)
}

// MissingForSending lists what a letter must have before it can go out:
// our company's letterhead fields (see Company.Missing), then every other
// field the letter would otherwise show as a gap. Dates that Validate
// already requires are not repeated here.
func (in TerminationInput) MissingForSending() []string {
	missing := in.Our.Missing()
	texts := []struct{ label, value string }{
		{"client name", in.Client.Name},
		{"agreement name", in.Agreement.Name},
		{"termination clause", in.Agreement.TerminationClause},
		{"what is exported", in.Handoff.ExportWhat},
		{"export format", in.Handoff.ExportFormat},
		{"how the export is delivered", in.Handoff.ExportDelivery},
	}
	for _, f := range texts {
		if isBlank(f.value) {
			missing = append(missing, f.label)
		}
	}
	if in.Agreement.Signed.IsZero() {
		missing = append(missing, "agreement date")
	}
	if in.FinalInvoice.IsZero() {
		missing = append(missing, "final invoice date")
	}
	missing = append(missing, in.statementMissing()...)
	missing = append(missing, in.licencesMissing()...)
	return append(missing, in.forCauseMissing()...)
}

// MissingFieldsError names the fields that stop a letter from being
// exported as sent.
type MissingFieldsError struct {
	// Fields are the labels of the missing fields.
	Fields []string
}

// Error lists the missing fields.
func (e *MissingFieldsError) Error() string {
	return "the letter cannot be exported as sent until these are filled in: " + strings.Join(e.Fields, ", ")
}

// ExportableAsSent returns nil when the letter can be exported as sent: its
// dates validate and nothing in MissingForSending is missing. Otherwise the
// error is a *MissingFieldsError, a validation error, or both joined. A
// letter that fails this still previews, with the gaps marked.
func (in TerminationInput) ExportableAsSent() error {
	var errs []error
	if err := in.Validate(); err != nil {
		errs = append(errs, err)
	}
	if m := in.MissingForSending(); len(m) > 0 {
		errs = append(errs, &MissingFieldsError{Fields: m})
	}
	return errors.Join(errs...)
}

// DefaultHandoff returns the handoff dates the checklist schedules (see
// ChecklistSteps): data exported ten days before the effective date,
// credentials seven days before and licences transferred three days before,
// each moved to the Friday before a weekend and none earlier than the day
// notice is sent.
func DefaultHandoff(sent, effective time.Time) Handoff {
	return DefaultHandoffOn(calendar.Calendar{}, sent, effective)
}

// DefaultHandoffOn is DefaultHandoff on a business calendar: each date that
// falls on a day the business is closed moves to the working day before.
func DefaultHandoffOn(cal calendar.Calendar, sent, effective time.Time) Handoff {
	s := newSchedule(cal, sent, effective)
	return Handoff{ExportDate: s.export, CredentialsDate: s.credentials, TransferDate: s.transfer}
}

// Termination renders the notice of termination. The input must pass
// Validate; unset names and addresses are marked in the text.
func (r *Renderer) Termination(in TerminationInput) (string, error) {
	if err := in.Validate(); err != nil {
		return "", fmt.Errorf("termination letter for %s: %w", displayName(in.Client.Name), err)
	}
	return r.render(KindTermination, in)
}

// displayName names a client in an error message, even an unnamed one.
func displayName(name string) string {
	if isBlank(name) {
		return "unnamed client"
	}
	return fmt.Sprintf("%q", name)
}
