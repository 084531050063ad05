package importer

import (
	"offboard/money"
	"time"
)

// ClientRef identifies the client a record belongs to, by whatever the
// export offers: its id in the source tool, its name, or (for helpdesks
// with no company column) the domain of the requester's email address.
type ClientRef struct {
	ExternalID  string
	Name        string
	EmailDomain string
}

// IsZero reports whether the reference names no client at all.
func (c ClientRef) IsZero() bool { return c.ExternalID == "" && c.Name == "" && c.EmailDomain == "" }

// Record is one parsed record of any kind.
type Record interface {
	// Kind is the kind of record.
	Kind() Kind
	// Key is the natural key that makes a second import of the same row a
	// no-op: the source's id, the invoice number, or a content hash.
	Key() string
	// Line is the physical line the record starts on in its file.
	Line() int
}

// Source places a record in its file.
type Source struct {
	NaturalKey string
	SourceLine int
}

// Key returns the record's natural key.
func (s Source) Key() string { return s.NaturalKey }

// Line returns the line the record starts on.
func (s Source) Line() int { return s.SourceLine }

// ClientRecord is a client (a customer of the MSP) with its agreement.
type ClientRecord struct {
	Source
	ExternalID   string
	Name         string
	ContactName  string
	ContactEmail string
	ContactPhone string
	Address      string
	Seats        int
	// PaymentTerms is the client's default terms label, such as "Net 30",
	// which dates the invoices that carry no due date or terms of their own.
	PaymentTerms      string
	MRR               money.Money
	Currency          string
	Agreement         string
	AgreementSigned   time.Time
	TerminationClause string
	NoticeDays        int
	TermEnd           time.Time
	TimeZone          string
	ClientSince       time.Time
	Status            string
}

// TicketRecord is a helpdesk or PSA ticket.
type TicketRecord struct {
	Source
	Client     ClientRef
	ExternalID string
	Opened     time.Time
	// Closed is zero while the ticket is open.
	Closed   time.Time
	Priority string
	Status   string
	Summary  string
	// AfterHours and OutOfScope are nil when the export does not say; the
	// writer then computes after-hours from the business hours.
	AfterHours *bool
	OutOfScope *bool
	// Category is the ticket's type or category as exported, "" when the
	// export has none; UserSupport is whether it names user support.
	Category    string
	UserSupport bool
	// OpenedHasZone is false when the export gave a wall-clock time that
	// was placed in the configured time zone.
	OpenedHasZone bool
}

// TimeRecord is one time entry.
type TimeRecord struct {
	Source
	Client     ClientRef
	ExternalID string
	// Ticket is the source's ticket number when the entry names one.
	Ticket string
	Worked time.Time
	// Seconds is the time worked, to the second.
	Seconds    int
	Billable   bool
	Technician string
	Notes      string
}

// InvoiceRecord is an invoice, gathered from one row or, for exports with a
// row per line item, from all the rows sharing its number.
type InvoiceRecord struct {
	Source
	Client ClientRef
	Number string
	Issued time.Time
	Due    time.Time
	// Paid is zero unless the export states when the invoice was paid.
	Paid    time.Time
	Amount  money.Money
	Balance money.Money
	// HasBalance is false when the export says nothing about the balance.
	HasBalance bool
	Status     string
	// Terms is the invoice's payment terms label, such as "Net 30".
	Terms string
	// Lines counts the rows the invoice was gathered from.
	Lines int
}

// PaymentRecord is a payment received.
type PaymentRecord struct {
	Source
	Client     ClientRef
	ExternalID string
	Invoice    string
	Date       time.Time
	Amount     money.Money
	Method     string
	Reference  string
}

// IncidentRecord is an incident with a client: abuse of staff, a security
// or data-compliance breach, criminal activity, scope, a declined upgrade,
// an after-hours demand.
type IncidentRecord struct {
	Source
	Client      ClientRef
	ExternalID  string
	Occurred    time.Time
	Category    string
	Severity    int
	Description string
	ReportedBy  string
}

// SecurityRecord is a snapshot of a client's security posture. A part the
// file does not give is nil (BackupStatus ""): it is unknown, never 0%,
// and leaves what another report said of the same day.
type SecurityRecord struct {
	Source
	Client ClientRef
	Taken  time.Time
	// MFACoverage and PatchCompliance are percentages, 0–100.
	MFACoverage, PatchCompliance *float64
	EOLDevices, TotalDevices     *int
	BackupStatus                 string
	// The counts behind the percentages, when the file lists accounts or
	// devices one a row (see securityTally) or gives them.
	MFAAccounts, MFARegistered   *int
	PatchCompliant, PatchUnknown *int
	OSUnknown                    *int
	// GuestsSkipped counts guest accounts left out of MFACoverage.
	GuestsSkipped int
}

// UpgradeRecord is an upgrade we recommended to a client and what the client
// decided; declined upgrades are resistance to modernization (seed 000).
type UpgradeRecord struct {
	Source
	Client     ClientRef
	ExternalID string
	Title      string
	Proposed   time.Time
	Decided    time.Time
	Decision   string
	Estimate   money.Money
	Note       string
}

// SettingRecord is one of our own settings: company details, labour cost,
// business hours.
type SettingRecord struct {
	Source
	Name, Value string
}

// Kind implements Record.
func (SettingRecord) Kind() Kind { return KindSettings }

// PlanRecord is a remediation plan (seeds 003, 004) with its items.
type PlanRecord struct {
	Source
	Client                                       ClientRef
	Created, Updated, Closed, MeetingAt          time.Time
	ReviewOn, BaselineFrom, BaselineTo           time.Time
	Status, MeetingPlace, OutcomeNote            string
	AttendeesOurs, AttendeesTheirs, Contributors string
	Items                                        []PlanItem
}

// PlanItem is one topic, action or term of a remediation plan.
type PlanItem struct {
	Position                           int
	Kind, Flag, Title, Evidence        string
	ClientSaid, WeChange               string
	OwnerSide, OwnerName, Target, Note string
	Due, Done                          time.Time
}

// Kind implements Record.
func (PlanRecord) Kind() Kind { return KindPlans }

// Kind implements Record.
func (ClientRecord) Kind() Kind { return KindClients }

// Kind implements Record.
func (TicketRecord) Kind() Kind { return KindTickets }

// Kind implements Record.
func (TimeRecord) Kind() Kind { return KindTime }

// Kind implements Record.
func (InvoiceRecord) Kind() Kind { return KindInvoices }

// Kind implements Record.
func (PaymentRecord) Kind() Kind { return KindPayments }

// Kind implements Record.
func (IncidentRecord) Kind() Kind { return KindIncidents }

// Kind implements Record.
func (SecurityRecord) Kind() Kind { return KindSecurity }

// Kind implements Record.
func (UpgradeRecord) Kind() Kind { return KindUpgrades }
