// Package scoring turns what is known about each client of a managed-services
// business into an assessment the owner can trust and explain: red flags with
// their evidence, a lab panel of metrics against the portfolio's normal range,
// profitability, a score and a recommendation that exhausts remediation before
// offboarding.
//
// The package is pure: it reads no database, terminal or file. The casefile
// package turns the store's few aggregate queries into one ClientFacts per
// client and Assess does the rest.
package scoring

import (
	"strings"
	"time"
)

// ClientStatus is where a client stands in its relationship with us.
type ClientStatus string

// The client statuses the store records.
const (
	StatusActive      ClientStatus = "active"
	StatusWatch       ClientStatus = "watch"
	StatusRemediation ClientStatus = "remediation"
	StatusNotice      ClientStatus = "notice"
	StatusOffboarded  ClientStatus = "offboarded"
	StatusReengaged   ClientStatus = "re-engaged"
)

// ClientStatuses lists every client status in the order a relationship
// moves through them.
var ClientStatuses = []ClientStatus{StatusActive, StatusWatch, StatusRemediation, StatusNotice, StatusOffboarded, StatusReengaged}

// Serviced reports whether we still deliver service to a client in this
// status, so that it belongs in the portfolio's normal ranges.
func (s ClientStatus) Serviced() bool {
	return s != StatusOffboarded
}

// ClientFacts is everything the assessment of one client needs, already
// aggregated: monthly roll-ups rather than raw tickets, time entries and
// invoices, so that a portfolio of thousands of clients stays small in memory.
type ClientFacts struct {
	ID       int64        `json:"id"`
	Name     string       `json:"name"`
	Status   ClientStatus `json:"status"`
	Seats    int          `json:"seats"`
	MRR      int64        `json:"mrr"` // monthly recurring revenue, minor units
	Currency string       `json:"currency"`

	// Since is when our history with the client starts (the agreement date,
	// or the first recorded activity).
	Since time.Time `json:"since"`
	// Records is where the records behind the rates begin, source by
	// source. History starts at the later of Since and Records.From(), so
	// that a client of years whose last three months were imported is
	// judged on three months, not on years of months counted as empty.
	Records Coverage `json:"-"`

	// Months holds the monthly roll-ups in chronological order. A month with
	// no activity may be missing; the assessment counts calendar months, not
	// rows, so a quiet month still lowers the monthly averages.
	Months []MonthFacts `json:"-"`

	// Overdue is the unpaid balance of invoices past their due date as of
	// the assessment date, in minor units; OverdueInvoices counts them.
	Overdue         int64 `json:"-"`
	OverdueInvoices int   `json:"-"`

	Incidents []Incident        `json:"-"`
	Security  *SecuritySnapshot `json:"-"` // latest snapshot, nil if none
	// FirstSecurity is the earliest snapshot, to show the direction of travel.
	FirstSecurity *SecuritySnapshot `json:"-"`
	Upgrades      []Upgrade         `json:"-"`
	Plan          *Plan             `json:"-"` // latest remediation plan, nil if none
	Override      *Override         `json:"-"`
}

// MonthFacts is one client's activity in one calendar month. Invoice counts
// are by the month the invoice was issued; the payment bands count the
// invoices issued that month that have been paid, by how late they were paid.
type MonthFacts struct {
	Month time.Time // first day of the month, UTC

	MinutesWorked     int64
	BillableMinutes   int64
	Tickets           int
	AfterHoursTickets int // opened outside business hours in the client's zone
	UrgentTickets     int
	OutOfScopeTickets int
	OutOfScopeMinutes int64
	// UserSupportTickets are those whose category is user support, and
	// UserSupportMinutes the time logged against them; the OutOfScopeUserSupport
	// pair counts the tickets that are both, so that a sum of the two kinds
	// can take them away once.
	UserSupportTickets           int
	UserSupportMinutes           int64
	OutOfScopeUserSupportTickets int
	OutOfScopeUserSupportMinutes int64

	Invoiced         int64 // amount invoiced, minor units
	InvoicesIssued   int
	InvoicesPaidLate int
	DaysLateSum      int // days late summed over the paid invoices

	PaidOnTime     int
	PaidLate1to7   int
	PaidLate8to15  int
	PaidLate16to30 int
	PaidLateOver30 int
}

// IncidentKind classifies an incident so it feeds the right red flag.
type IncidentKind string

// The incident kinds, each feeding the red flag named in its comment.
const (
	IncidentAbuse           IncidentKind = "abuse"            // mistreatment of staff
	IncidentSecurity        IncidentKind = "security"         // security noncompliance
	IncidentDataCompliance  IncidentKind = "data_compliance"  // data-compliance violation
	IncidentCriminal        IncidentKind = "criminal"         // criminal activity
	IncidentScope           IncidentKind = "scope"            // scope creep
	IncidentDeclinedUpgrade IncidentKind = "declined_upgrade" // resistance to modernization
	IncidentNaivete         IncidentKind = "naivete"          // technological naivete: resistance to modernization
	IncidentAfterHours      IncidentKind = "after_hours"      // after-hours demand
	IncidentOther           IncidentKind = "other"
)

// Incident is one recorded event with a client.
type Incident struct {
	Kind        IncidentKind
	Severity    int // 1 (minor) to 5 (grave)
	At          time.Time
	Description string
}

// BackupStatus is the state of a client's backups at a snapshot.
type BackupStatus string

// The backup states, from healthy to absent.
const (
	BackupOK      BackupStatus = "ok"
	BackupWarning BackupStatus = "warning"
	BackupFailing BackupStatus = "failing"
	BackupNone    BackupStatus = "none"
)

// SecuritySnapshot is a client's security posture: each part as the newest
// report that holds it gave it (or, for ClientFacts.FirstSecurity, the
// earliest). An identity report gives MFA, a device report the rest, so
// the parts can date from different days.
type SecuritySnapshot struct {
	// At is the day of the newest part (of the earliest, for FirstSecurity).
	At              time.Time
	MFACoverage     float64 // percent of accounts with MFA, 0–100
	PatchCompliance float64 // percent of devices fully patched, 0–100
	EOLDevices      int     // devices past their vendor's end of life
	Devices         int
	// Backup is "" when no report said anything of backups.
	Backup BackupStatus
	// NoMFA, NoPatch and NoDevices mark the parts no report gave: their
	// figures above mean nothing and are neither judged nor shown as 0.
	NoMFA, NoPatch, NoDevices bool
	// MFAAt, PatchAt, DevicesAt and BackupAt date a part reported on
	// another day than At; zero means At.
	MFAAt, PatchAt, DevicesAt, BackupAt time.Time
	// MFAAccounts and MFARegistered are the counts behind MFACoverage when
	// the report listed the accounts; MFAAccounts is 0 otherwise.
	MFAAccounts, MFARegistered int
	// PatchCounted is true when the report listed the devices: then
	// PatchCompliant were fully patched and PatchUnknown had no patch
	// status, counted among the devices but not as patched.
	PatchCounted                 bool
	PatchCompliant, PatchUnknown int
	// OSUnknown counts the devices whose operating system the report did
	// not make known, so whether it is past its end of life is not known;
	// they are not counted as end-of-life.
	OSUnknown int
}

// UpgradeDecision is the client's answer to an upgrade recommendation.
type UpgradeDecision string

// The upgrade decisions.
const (
	UpgradePending  UpgradeDecision = "pending"
	UpgradeAccepted UpgradeDecision = "accepted"
	UpgradeDeclined UpgradeDecision = "declined"
)

// Upgrade is one modernization we recommended to the client.
type Upgrade struct {
	Title    string
	Proposed time.Time
	Decided  time.Time // zero while pending
	Decision UpgradeDecision
}

// PlanStatus is where a remediation plan stands.
type PlanStatus string

// The remediation plan states. Refused and Failed are the two outcomes after
// which offboarding may be recommended (seed 004: "if there is no
// resolution"); Agreed, PartlyAgreed and Extended are plans under way.
const (
	PlanDraft        PlanStatus = "draft"
	PlanAgreed       PlanStatus = "agreed"
	PlanPartlyAgreed PlanStatus = "partly_agreed"
	PlanExtended     PlanStatus = "extended"
	PlanResolved     PlanStatus = "resolved"
	PlanFailed       PlanStatus = "failed"
	PlanRefused      PlanStatus = "refused"
)

// Open reports whether the plan is agreed and awaiting its review.
func (s PlanStatus) Open() bool {
	return s == PlanAgreed || s == PlanPartlyAgreed || s == PlanExtended
}

// Label is the status in words: "partly agreed".
func (s PlanStatus) Label() string { return strings.ReplaceAll(string(s), "_", " ") }

// Plan is the latest remediation plan for a client.
type Plan struct {
	Status PlanStatus
	// Started is when the plan began: its meeting, else its creation.
	Started    time.Time
	ReviewDate time.Time // zero when no review is set
}

// Override is the owner's own recommendation for a client, with the reason
// they gave; it is stored and shown beside the computed one.
type Override struct {
	Recommendation Recommendation `json:"recommendation"`
	Reason         string         `json:"reason"`
	At             time.Time      `json:"at"`
}
