package tui

import (
	"strings"
	"time"

	"offboard/casefile"
)

// letterFieldKind says how a letter form field is edited and shown.
type letterFieldKind int

const (
	letterText letterFieldKind = iota
	letterDate
	letterBool
	// letterLines holds text of several lines, typed on one line with " / "
	// between lines (an address).
	letterLines
)

// letterField is one input of the termination letter form. Fields are
// data, so the form, the error marks and the gap highlighting all read the
// same table.
type letterField struct {
	// key is the field's JSON name in casefile.LetterDraft, as
	// casefile.FieldErrors names it.
	key   string
	label string
	// group starts a new section of the form when it differs from the
	// previous field's.
	group string
	kind  letterFieldKind
	text  func(*casefile.LetterDraft) *string
	flag  func(*casefile.LetterDraft) *bool
	// gap is the label letters uses for this field when it is missing
	// (letters.TerminationInput.MissingForSending).
	gap string
}

// lineSep separates the lines of a letterLines value while it is typed.
const lineSep = " / "

// value is the field's text as the form shows and edits it.
func (f letterField) value(d *casefile.LetterDraft) string {
	switch f.kind {
	case letterBool:
		if *f.flag(d) {
			return "yes"
		}
		return "no"
	case letterLines:
		return strings.Join(strings.Split(*f.text(d), "\n"), lineSep)
	}
	return *f.text(d)
}

// set stores typed text in the draft.
func (f letterField) set(d *casefile.LetterDraft, v string) {
	if f.kind == letterLines {
		parts := strings.Split(v, strings.TrimSpace(lineSep))
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		v = strings.Join(parts, "\n")
	}
	*f.text(d) = v
}

// dateHint is the weekday and date of a date field's text, or "" when it is
// not a date yet.
func dateHint(text string) string {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(text))
	if err != nil {
		return ""
	}
	return t.Format("Mon 2 Jan 2006")
}

// letterFields is the form, in the order the letter reads.
var letterFields = []letterField{
	{key: "sent", label: "Notice sent on", group: "Notice", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.Sent }},
	{key: "notice_days", label: "Notice (days)", group: "Notice", text: func(d *casefile.LetterDraft) *string { return &d.NoticeDays }},
	{key: "shorter_notice", label: "Allow shorter notice", group: "Notice", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.ShorterNotice }},
	{key: "effective", label: "Effective date", group: "Notice", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.Effective }},
	{key: "delivery", label: "Delivery", group: "Notice", text: func(d *casefile.LetterDraft) *string { return &d.Delivery }},
	{key: "agreement_name", label: "Agreement", group: "Agreement", gap: "agreement name", text: func(d *casefile.LetterDraft) *string { return &d.AgreementName }},
	{key: "agreement_date", label: "Agreement date", group: "Agreement", kind: letterDate, gap: "agreement date", text: func(d *casefile.LetterDraft) *string { return &d.AgreementDate }},
	{key: "termination_clause", label: "Termination clause", group: "Agreement", text: func(d *casefile.LetterDraft) *string { return &d.TerminationClause }},
	{key: "for_cause", label: "End for cause", group: "For cause", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.ForCause }},
	{key: "for_cause_clause", label: "For-cause clause", group: "For cause", gap: "for-cause clause", text: func(d *casefile.LetterDraft) *string { return &d.ForCauseClause }},
	{key: "legal_hold", label: "Legal hold on data", group: "For cause", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.LegalHold }},
	{key: "written_only", label: "In writing only", group: "For cause", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.WrittenOnly }},
	{key: "final_invoice", label: "Final invoice on", group: "Money", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.FinalInvoice }},
	{key: "transition_hours", label: "Transition hours", group: "Money", text: func(d *casefile.LetterDraft) *string { return &d.TransitionHours }},
	{key: "transition_rate", label: "Transition rate/hour", group: "Money", text: func(d *casefile.LetterDraft) *string { return &d.TransitionRate }},
	{key: "included_hours", label: "Hours at no charge", group: "Money", text: func(d *casefile.LetterDraft) *string { return &d.IncludedHours }},
	{key: "request_days", label: "Notice to ask (days)", group: "Money", text: func(d *casefile.LetterDraft) *string { return &d.RequestDays }},
	{key: "window_days", label: "Days after effective", group: "Money", text: func(d *casefile.LetterDraft) *string { return &d.WindowDays }},
	{key: "export_date", label: "Data export by", group: "Handover", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.ExportDate }},
	{key: "export_what", label: "What is exported", group: "Handover", text: func(d *casefile.LetterDraft) *string { return &d.ExportWhat }},
	{key: "export_format", label: "Export format", group: "Handover", text: func(d *casefile.LetterDraft) *string { return &d.ExportFormat }},
	{key: "export_delivery", label: "Export delivered by", group: "Handover", text: func(d *casefile.LetterDraft) *string { return &d.ExportDelivery }},
	{key: "credentials_date", label: "Credentials by", group: "Handover", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.CredentialsDate }},
	{key: "transfer_date", label: "Licences moved by", group: "Handover", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.TransferDate }},
	{key: "no_licences", label: "We manage no licences", group: "Handover", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.NoLicences }},
	{key: "licence_note", label: "Licence note", group: "Handover", text: func(d *casefile.LetterDraft) *string { return &d.LicenceNote }},
	{key: "retention", label: "Data kept until", group: "Handover", kind: letterDate, text: func(d *casefile.LetterDraft) *string { return &d.Retention }},
	{key: "contact_name", label: "Contact name", group: "Our contact", gap: "single point of contact", text: func(d *casefile.LetterDraft) *string { return &d.ContactName }},
	{key: "contact_role", label: "Contact role", group: "Our contact", text: func(d *casefile.LetterDraft) *string { return &d.ContactRole }},
	{key: "contact_email", label: "Contact email", group: "Our contact", text: func(d *casefile.LetterDraft) *string { return &d.ContactEmail }},
	{key: "contact_phone", label: "Contact phone", group: "Our contact", text: func(d *casefile.LetterDraft) *string { return &d.ContactPhone }},
	{key: "company_name", label: "Company name", group: "Our company", gap: "company name", text: func(d *casefile.LetterDraft) *string { return &d.CompanyName }},
	{key: "company_address", label: "Address", group: "Our company", kind: letterLines, gap: "company address", text: func(d *casefile.LetterDraft) *string { return &d.CompanyAddress }},
	{key: "signer", label: "Signer", group: "Our company", gap: "signer", text: func(d *casefile.LetterDraft) *string { return &d.Signer }},
	{key: "signer_title", label: "Signer title", group: "Our company", gap: "signer title", text: func(d *casefile.LetterDraft) *string { return &d.SignerTitle }},
	{key: "company_email", label: "Email", group: "Our company", gap: "contact email", text: func(d *casefile.LetterDraft) *string { return &d.CompanyEmail }},
	{key: "company_phone", label: "Phone", group: "Our company", gap: "contact phone", text: func(d *casefile.LetterDraft) *string { return &d.CompanyPhone }},
	{key: "acknowledgement", label: "Acknowledgement block", group: "Letter", kind: letterBool, flag: func(d *casefile.LetterDraft) *bool { return &d.Acknowledgement }},
	{key: "export_path", label: "Export to", group: "Letter", text: func(d *casefile.LetterDraft) *string { return &d.ExportPath }},
}
