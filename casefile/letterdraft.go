package casefile

import (
	"strconv"
	"strings"
	"time"

	"offboard/letters"
	"offboard/money"
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
	// Balance is the outstanding balance today.
	Balance string `json:"balance"`
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
	// Licences lists the licences on annual commitment, one a line or
	// separated by semicolons: "42 × Microsoft 365 Business Premium until
	// 2027-04-30".
	Licences string `json:"licences"`
	// LicenceNote says what happens to licences on annual commitment.
	LicenceNote string `json:"licence_note"`
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
// company's settings and the outstanding balance, with every date computed
// for notice sent on sent (see Reschedule).
func NewLetterDraft(c store.Client, our letters.Company, balanceMinor int64, sent time.Time) LetterDraft {
	d := LetterDraft{
		Sent:              store.Date(sent),
		NoticeDays:        strconv.Itoa(c.NoticeDays),
		Delivery:          store.DeliveryEmail,
		AgreementName:     c.AgreementName,
		AgreementDate:     dateOrEmpty(c.AgreementSigned),
		TerminationClause: c.TerminationClause,
		Balance:           money.Money{Minor: balanceMinor, Currency: c.Currency}.String(),
		TransitionHours:   "0",
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
	d.Reschedule()
	return d
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
// and then everything RescheduleFromEffective sets. When the sent date or
// notice period does not parse, the dates are left as they are, so a
// half-typed field never wipes the owner's input.
func (d *LetterDraft) Reschedule() {
	sent, err1 := parseTyped(d.Sent)
	notice, err2 := strconv.Atoi(strings.TrimSpace(d.NoticeDays))
	if err1 != nil || err2 != nil || notice < 0 {
		return
	}
	eff, err := letters.EffectiveDate(sent, notice, time.Time{}, letters.EndAfterNotice)
	if err != nil {
		return
	}
	d.Effective = store.Date(eff)
	d.RescheduleFromEffective()
}

// RescheduleFromEffective recomputes the dates that hang on the effective
// date: the handoff steps (letters.DefaultHandoff), the final invoice
// (fourteen days before, as the checklist schedules it, so it is settled
// before access is removed) and the retention deadline (DefaultRetentionDays
// after).
func (d *LetterDraft) RescheduleFromEffective() {
	sent, err1 := parseTyped(d.Sent)
	eff, err2 := parseTyped(d.Effective)
	if err1 != nil || err2 != nil || eff.Before(sent) {
		return
	}
	h := letters.DefaultHandoff(sent, eff)
	d.ExportDate, d.CredentialsDate, d.TransferDate = store.Date(h.ExportDate), store.Date(h.CredentialsDate), store.Date(h.TransferDate)
	for _, st := range letters.ChecklistSteps(sent, eff, eff) {
		if st.Key == letters.StepFinalInvoice {
			d.FinalInvoice = store.Date(st.Due)
		}
	}
	d.Retention = store.Date(letters.AddDays(eff, DefaultRetentionDays))
}
