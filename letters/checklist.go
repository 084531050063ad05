package letters

import (
	"offboard/calendar"
	"offboard/money"

	"fmt"
	"sort"
	"time"
)

// schedule places the offboarding steps inside the notice period. Each
// step's offset from the effective date is chosen so that the step it
// depends on is done first; a step that would fall on a day the business is
// closed moves to the working day before, and none falls before the day
// notice is sent, however short the notice.
type schedule struct {
	sent, effective time.Time
	scope           time.Time // handover scope and retention agreed
	invoice         time.Time // final invoice raised, in the older schedule
	export          time.Time // data, documentation and keys exported
	credentials     time.Time // credentials handed over
	transfer        time.Time // licences, domains, DNS transferred
}

func newSchedule(cal calendar.Calendar, sent, effective time.Time) schedule {
	sent, effective = civil(sent), civil(effective)
	within := func(t time.Time) time.Time {
		t = cal.PreviousWorkingDay(t)
		if t.Before(sent) {
			return sent
		}
		if t.After(effective) {
			return effective
		}
		return t
	}
	return schedule{
		sent:        sent,
		effective:   effective,
		scope:       within(AddDays(sent, 7)),
		invoice:     within(AddDays(effective, -14)),
		export:      within(AddDays(effective, -10)),
		credentials: within(AddDays(effective, -7)),
		transfer:    within(AddDays(effective, -3)),
	}
}

// Checklist step keys, stable for storing sign-offs.
const (
	StepConfirmNotice  = "confirm-notice"
	StepHandoverScope  = "handover-scope"
	StepRetention      = "agree-retention"
	StepFinalInvoice   = "final-invoice"
	StepExportData     = "export-data"
	StepCredentials    = "hand-over-credentials"
	StepLicences       = "transfer-licences"
	StepRemoveAgents   = "remove-agents"
	StepRevokeAccess   = "revoke-access"
	StepDisposeData    = "dispose-data"
	StepArchiveRecords = "archive-record"
)

// ChecklistStep is one standard offboarding step with its due date.
type ChecklistStep struct {
	// Key identifies the step; one of the Step constants.
	Key string
	// Title says what to do.
	Title string
	// Due is the day it should be done by.
	Due time.Time
	// Why explains the step or its place in the order.
	Why string
}

// ChecklistSteps returns the standard offboarding steps (after seed 001's
// "provide or delete data as required; document the handoff or disposal")
// with due dates tied to the notice period, sorted by due date (steps due
// the same day keep their working order: agents are removed before access
// is revoked, data disposed of before the record is archived):
//
//   - on the day notice is sent: confirm notice and the termination date;
//   - 7 days after: agree the handover scope, and the backup retention and
//     destruction date;
//   - 14 days before the effective date: raise the final invoice, so it is
//     settled before access is removed;
//   - 10 days before: export data, documentation, password vaults and
//     backup encryption keys;
//   - 7 days before: hand over credentials and confirm receipt;
//   - 3 days before: transfer licences, domains, DNS and vendor accounts;
//     (each of these five moves to the Friday before when it falls on a
//     weekend);
//   - on the effective date: remove agents, then revoke remaining access;
//   - on the retention deadline: dispose of data, then archive the record.
//
// Dates that would fall before sent are moved to sent, and those that would
// fall after effective to effective, so short notice still gives a usable
// order. The effective date and the retention deadline are kept as given,
// weekend or not: they are the agreement's dates. ChecklistStepsOn is the
// schedule on a business calendar, with the final invoice after the
// effective date.
func ChecklistSteps(sent, effective, retention time.Time) []ChecklistStep {
	s := newSchedule(calendar.Calendar{}, sent, effective)
	invoice := ChecklistStep{StepFinalInvoice, "Raise and settle the final invoice", s.invoice,
		"Settle it while access and records are still in place on both sides, not after access is removed."}
	return checklist(s, invoice, civil(retention))
}

// ChecklistStepsOn returns the same steps as ChecklistSteps on a business
// calendar, with two differences a lawyer would insist on: a step inside
// the notice period that falls on a weekend, a public holiday or a closed
// day moves to the working day before; and the final invoice, which covers
// services through the effective date, is issued on the first working day
// after it (FinalInvoiceDate) rather than before the services are provided.
// The steps on the retention deadline move to the next working day when it
// is closed, since disposal may not start before it. The effective date is
// taken as given; compute it with EffectiveDateOn.
func ChecklistStepsOn(cal calendar.Calendar, sent, effective, retention time.Time) []ChecklistStep {
	s := newSchedule(cal, sent, effective)
	invoice := ChecklistStep{StepFinalInvoice, "Issue the final invoice for services through the effective date", FinalInvoiceDate(cal, effective),
		"Services are invoiced once they have been provided; the handover never waits for the invoice to be paid."}
	return checklist(s, invoice, cal.NextWorkingDay(retention))
}

// FinalInvoiceDate is the day the final invoice is issued: the first
// working day after the effective date, once every service it covers has
// been provided.
func FinalInvoiceDate(cal calendar.Calendar, effective time.Time) time.Time {
	return cal.AddWorkingDays(effective, 1)
}

// UnderLegalHold returns steps with disposal suspended by a legal hold (see
// ForCause.LegalHold): the disposal step keeps its key and its date, so a
// sign-off stored against it still matches, but on that date the hold is
// reviewed and nothing is destroyed until it is lifted in writing. The
// other steps are returned unchanged.
func UnderLegalHold(steps []ChecklistStep) []ChecklistStep {
	out := append([]ChecklistStep(nil), steps...)
	for i, s := range out {
		if s.Key == StepDisposeData {
			out[i].Title = "Review the legal hold; dispose of retained data only once it is lifted in writing"
			out[i].Why = "A legal hold suspends disposal: the data is kept unchanged and secured, and the letter promised written word when the hold ends."
		}
	}
	return out
}

// checklist lays out the standard steps on schedule s, with the final
// invoice step and the day disposal is due given by the caller.
func checklist(s schedule, invoice ChecklistStep, retention time.Time) []ChecklistStep {
	// seed 001: the written notice, the retention agreed with the client,
	// the disposal of personal information and the record kept for a
	// dispute.
	steps := []ChecklistStep{
		{StepConfirmNotice, "Confirm the notice and the termination date in writing", s.sent,
			"Every other date counts from it; the written notice starts the audit trail."},
		{StepHandoverScope, "Agree the handover scope with the client or the incoming provider", s.scope,
			"Exports, credentials and licences must go to the right people, in a form they can use."},
		{StepRetention, "Agree backup retention and the destruction date", s.scope,
			"The client must know how long copies exist and when they are destroyed."},
		invoice,
		{StepExportData, "Export and hand over data, documentation, password vaults and backup encryption keys", s.export,
			"Backups are useless without their keys, and the client needs time to check them before our access ends."},
		{StepCredentials, "Hand over credentials securely and confirm receipt", s.credentials,
			"The network is the client's: credentials are handed over in full, whatever else is open, and the receipt proves it."},
		{StepLicences, "Release or transfer licences, domains, DNS and vendor accounts", s.transfer,
			"A domain or licence left in our name becomes an outage for the client later."},
		{StepRemoveAgents, "Remove monitoring, endpoint-protection and remote-access agents", s.effective,
			"Before the client's records are deleted, or the agents re-register; the new provider must be ready, as protection from us stops."},
		{StepRevokeAccess, "Revoke all remaining access and delegated permissions", s.effective,
			"Delegated admin rights outlive the agents; access left behind is a risk to both sides."},
		{StepDisposeData, "Securely dispose of retained data; certificate of destruction on request", retention,
			"Personal information is not kept beyond the agreed retention."},
		{StepArchiveRecords, "Archive the client's record", retention,
			"The letter, this checklist and the communications log are the record if there is a dispute."},
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Due.Before(steps[j].Due) })
	return steps
}

// SignOff is a checklist step as completed: who signed it off, when, and
// with which exception.
type SignOff struct {
	// Title is the step's title, usually ChecklistStep.Title.
	Title string
	// Due is the day it was due.
	Due time.Time
	// Done reports whether it was signed off.
	Done bool
	// By is the person who signed it off.
	By string
	// On is the day it was signed off.
	On time.Time
	// Exception notes anything done differently from the standard step;
	// empty when there was none.
	Exception string
}

// Signed reports whether the step is signed off: done, by a named person,
// on a date. A step marked done without a name is not signed off, and the
// receipt counts it as open.
func (s SignOff) Signed() bool { return s.Done && !isBlank(s.By) && !s.On.IsZero() }

// Settlement is an amount settled during the offboarding, such as the
// final invoice paid or a prepayment refunded.
type Settlement struct {
	// What names it, for example "Final invoice INV-2331".
	What string
	// Amount is the amount settled.
	Amount money.Money
	// On is the day it was settled.
	On time.Time
}

// IssuedCertificate is a certificate given to the client, such as the
// certificate of destruction of their data.
type IssuedCertificate struct {
	// Title names it, for example "Certificate of destruction of personal data".
	Title string
	// Issued is the day it was issued.
	Issued time.Time
	// SHA256 is the fingerprint of the document as issued; optional.
	SHA256 string
}

// ReceiptInput is the finished offboarding checklist.
type ReceiptInput struct {
	// Our is our company.
	Our Company
	// Client is the offboarded client.
	Client Client
	// Agreement is the agreement that ended.
	Agreement Agreement
	// Sent is the day notice was sent.
	Sent time.Time
	// Effective is the day termination took effect.
	Effective time.Time
	// Prepared is the day the receipt is issued.
	Prepared time.Time
	// PreparedBy is the person issuing it.
	PreparedBy string
	// Steps are the steps in checklist order.
	Steps []SignOff
	// Settled are the amounts settled during the offboarding; none omits
	// the section.
	Settled []Settlement
	// Certificates are the certificates issued to the client; none omits
	// the section.
	Certificates []IssuedCertificate
}

// Ended reports whether the agreement had ended by the day the receipt is
// issued: a receipt issued during the notice period says it "ends".
func (in ReceiptInput) Ended() bool { return civil(in.Effective).Before(civil(in.Prepared)) }

// DoneCount is the number of steps signed off (see SignOff.Signed).
func (in ReceiptInput) DoneCount() int {
	n := 0
	for _, s := range in.Steps {
		if s.Signed() {
			n++
		}
	}
	return n
}

// Exceptions are the steps that carry an exception note.
func (in ReceiptInput) Exceptions() []SignOff {
	var out []SignOff
	for _, s := range in.Steps {
		if !isBlank(s.Exception) {
			out = append(out, s)
		}
	}
	return out
}

// Open are the steps not yet signed off.
func (in ReceiptInput) Open() []SignOff {
	var out []SignOff
	for _, s := range in.Steps {
		if !s.Signed() {
			out = append(out, s)
		}
	}
	return out
}

// ChecklistReceipt renders the finished checklist as a receipt: each step,
// who signed it off and when, and the exceptions. It records what was done,
// not why the client was let go.
func (r *Renderer) ChecklistReceipt(in ReceiptInput) (string, error) {
	if len(in.Steps) == 0 {
		return "", fmt.Errorf("offboarding receipt for %s: no checklist steps", displayName(in.Client.Name))
	}
	for i, s := range in.Steps {
		if s.Done && s.On.IsZero() {
			return "", fmt.Errorf("offboarding receipt for %s: step %d %q is signed off without a date", displayName(in.Client.Name), i+1, s.Title)
		}
	}
	return r.render(KindChecklist, in)
}
