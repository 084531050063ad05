package casefile

import (
	"strconv"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/letters"
	"offboard/store"
)

// LetterDraft is the termination letter form exactly as the owner typed it,
// kept in the drafts table as JSON under store.DraftLetter. Every field is
// the raw text of its input, so a half-typed date survives a closed
// terminal; the form parses them when it renders. Dates are typed as
// YYYY-MM-DD, money as a decimal amount ("1250.00"), delivery as email,
// post or hand.
type LetterDraft struct {
	// Sent is the day notice is sent.
	Sent string `json:"sent"`
	// NoticeDays is the notice period given, in days.
	NoticeDays string `json:"notice_days"`
	// ShorterNotice is the owner's explicit override allowing less notice
	// than the agreement requires.
	ShorterNotice bool `json:"shorter_notice"`
	// Effective is the last day services are provided.
	Effective string `json:"effective"`
	// Delivery is how the notice is delivered.
	Delivery string `json:"delivery"`
	// AgreementName, AgreementDate and TerminationClause identify the
	// agreement being ended.
	AgreementName     string `json:"agreement_name"`
	AgreementDate     string `json:"agreement_date"`
	TerminationClause string `json:"termination_clause"`
	// FinalInvoice is the day the final invoice is issued.
	FinalInvoice string `json:"final_invoice"`
	// Contact is our person for the handover: name, role, email, phone.
	ContactName  string `json:"contact_name"`
	ContactRole  string `json:"contact_role"`
	ContactEmail string `json:"contact_email"`
	ContactPhone string `json:"contact_phone"`
	// TransitionHours and TransitionRate are the transition assistance
	// offered beyond the handover itself.
	TransitionHours string `json:"transition_hours"`
	TransitionRate  string `json:"transition_rate"`
	// IncludedHours are the first transition hours, at no charge;
	// RequestDays the working days' notice a request needs; WindowDays the
	// days after the effective date the assistance can still be used.
	IncludedHours string `json:"included_hours"`
	RequestDays   string `json:"request_days"`
	WindowDays    string `json:"window_days"`
	// Retention is the last day the client's data is kept.
	Retention string `json:"retention"`
	// ExportDate, CredentialsDate and TransferDate date the data-handoff
	// steps; ExportWhat, ExportFormat and ExportDelivery describe the export.
	ExportDate      string `json:"export_date"`
	ExportWhat      string `json:"export_what"`
	ExportFormat    string `json:"export_format"`
	ExportDelivery  string `json:"export_delivery"`
	CredentialsDate string `json:"credentials_date"`
	TransferDate    string `json:"transfer_date"`
	// NoLicences is the owner's confirmation that we manage no licences
	// for the client; otherwise the letter lists the record's licences.
	NoLicences bool `json:"no_licences"`
	// LicenceNote says anything more about the licences.
	LicenceNote string `json:"licence_note"`
	// ForCause makes the letter a termination for cause under
	// ForCauseClause; LegalHold suspends the disposal of the client's data
	// and WrittenOnly asks for communication in writing only, to the
	// contact, who is the single point of contact.
	ForCause       bool   `json:"for_cause"`
	ForCauseClause string `json:"for_cause_clause"`
	LegalHold      bool   `json:"legal_hold"`
	WrittenOnly    bool   `json:"written_only"`
	// Supersedes marks the letter as replacing the notice the client is
	// already under.
	Supersedes bool `json:"supersedes"`
	// Acknowledgement adds a block for the client to sign.
	Acknowledgement bool `json:"acknowledgement"`
	// Our side of the letter, pre-filled from the settings.
	CompanyName    string `json:"company_name"`
	CompanyAddress string `json:"company_address"`
	Signer         string `json:"signer"`
	SignerTitle    string `json:"signer_title"`
	CompanyEmail   string `json:"company_email"`
	CompanyPhone   string `json:"company_phone"`
	// ExportPath is where the letter will be exported.
	ExportPath string `json:"export_path"`
	// Markdown is the letter as edited in the owner's editor; empty while the
	// letter is still generated from the fields.
	Markdown string `json:"markdown,omitempty"`
}

// DefaultRetentionDays is how long after the effective date the client's
// data and backups are kept, unless the owner types another deadline: long
// enough for the client to ask for anything missed in the handover (seed
// 001: a deadline for transferring data), short enough that personal
// information is not kept without purpose.
const DefaultRetentionDays = 30

// Default wording of the data export, for the owner to edit per client.
const (
	defaultExportWhat     = "your email, files and line-of-business data that we manage, and the most recent full backup of each server"
	defaultExportFormat   = "the standard export format of each system (PST for mailboxes, the original folder structure for files, image files for server backups)"
	defaultExportDelivery = "an encrypted download link, with the decryption key given to you by phone"
)

// NewLetterDraft pre-fills the letter form from the client's agreement, our
// company's settings and the letter's facts, with every date computed on
// our calendar for notice sent on sent (see Reschedule). A client with a
// zero-tolerance incident is offered a termination for cause, with a legal
// hold, our signer as the single point of contact and writing only. A
// notice superseding one for cause is for cause too, under the clause that
// notice cited (for the same agreement) and with its legal hold.
func NewLetterDraft(c store.Client, our letters.Company, facts LetterFacts, sent time.Time) LetterDraft {
	forCause := facts.ZeroTolerance || facts.PriorCause != nil
	d := LetterDraft{
		Sent:              store.Date(sent),
		NoticeDays:        strconv.Itoa(c.NoticeDays),
		Delivery:          store.DeliveryEmail,
		AgreementName:     c.AgreementName,
		AgreementDate:     dateOrEmpty(c.AgreementSigned),
		TerminationClause: c.TerminationClause,
		TransitionHours:   "0",
		TransitionRate:    facts.Rate.String(),
		IncludedHours:     "0",
		RequestDays:       "0",
		WindowDays:        "0",
		ForCause:          forCause,
		LegalHold:         facts.ZeroTolerance || facts.PriorCause != nil && facts.PriorCause.LegalHold,
		WrittenOnly:       forCause,
		ExportWhat:        defaultExportWhat,
		ExportFormat:      defaultExportFormat,
		ExportDelivery:    defaultExportDelivery,
		Acknowledgement:   true,
		CompanyName:       our.Name,
		CompanyAddress:    our.Address,
		Signer:            our.Signer,
		SignerTitle:       our.SignerTitle,
		CompanyEmail:      our.Email,
		CompanyPhone:      our.Phone,
		ExportPath:        letters.DefaultExportPath(letters.KindTermination, c.Name, sent),
	}
	if forCause {
		d.ContactName, d.ContactRole, d.ContactEmail, d.ContactPhone = our.Signer, our.SignerTitle, our.Email, our.Phone
	}
	d.CitePriorClause(facts.PriorCause)
	d.Reschedule(facts.Calendar)
	return d
}

// CitePriorClause fills in the clause the notice for cause being
// superseded cited, when d is for cause under the same agreement and names
// no clause yet: the new notice cites the same clause.
func (d *LetterDraft) CitePriorClause(pc *PriorCause) {
	if pc != nil && d.ForCause && strings.TrimSpace(d.ForCauseClause) == "" &&
		(pc.Agreement == "" || pc.Agreement == d.AgreementName) {
		d.ForCauseClause = pc.Clause
	}
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return store.Date(t)
}

// Reschedule recomputes every date that follows from the sent date and the
// notice period, as typed: the effective date, the end of the notice period
// (seed 002: notice to find a new provider, not the rest of a multi-year
// term; the owner may type the term's end instead, and the form says so),
// and then everything RescheduleFromEffective sets. The effective date
// moves off a day cal has closed to the next working day. When the sent
// date or notice period does not parse, the dates are left as they are, so
// a half-typed field never wipes the owner's input.
func (d *LetterDraft) Reschedule(cal calendar.Calendar) {
	sent, err1 := parseTyped(d.Sent)
	notice, err2 := strconv.Atoi(strings.TrimSpace(d.NoticeDays))
	if err1 != nil || err2 != nil || notice < 0 {
		return
	}
	eff, err := letters.EffectiveDateOn(cal, sent, notice, time.Time{}, letters.EndAfterNotice)
	if err != nil {
		return
	}
	d.Effective = store.Date(eff)
	d.RescheduleFromEffective(cal)
}

// RescheduleFromEffective recomputes the dates that hang on the effective
// date, on the working days of cal: the handoff steps
// (letters.DefaultHandoffOn), the final invoice (the first working day
// after, once the services it covers are provided: letters.FinalInvoiceDate)
// and the retention deadline (DefaultRetentionDays after, on a working day).
func (d *LetterDraft) RescheduleFromEffective(cal calendar.Calendar) {
	sent, err1 := parseTyped(d.Sent)
	eff, err2 := parseTyped(d.Effective)
	if err1 != nil || err2 != nil || eff.Before(sent) {
		return
	}
	h := letters.DefaultHandoffOn(cal, sent, eff)
	d.ExportDate, d.CredentialsDate, d.TransferDate = store.Date(h.ExportDate), store.Date(h.CredentialsDate), store.Date(h.TransferDate)
	d.FinalInvoice = store.Date(letters.FinalInvoiceDate(cal, eff))
	d.Retention = store.Date(cal.NextWorkingDay(letters.AddDays(eff, DefaultRetentionDays)))
}
