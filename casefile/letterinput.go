package casefile

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

// FieldErrors maps the JSON name of each LetterDraft field that does not
// parse to what is wrong with it, so a form can mark the field.
type FieldErrors map[string]error

// Error lists the fields in a stable order.
func (e FieldErrors) Error() string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %v", k, e[k])
	}
	return strings.Join(parts, "; ")
}

// Input parses the form into the letter's input, with the record's facts:
// the calendar, the client's time zone, its account, its licences (unless
// the owner confirmed we manage none) and the notice it is already under.
// Fields that do not parse are returned together as FieldErrors; blank
// optional fields are simply unset, for the letter to mark. The dates still
// have to pass the letter's own Validate, which the renderer applies.
func (d LetterDraft) Input(c store.Client, facts LetterFacts) (letters.TerminationInput, error) {
	p := draftParser{currency: c.Currency, errs: FieldErrors{}}
	delivery, err := letters.ParseDelivery(d.Delivery)
	if err != nil {
		p.errs["delivery"] = err
	}
	in := letters.TerminationInput{
		Our: letters.Company{Name: d.CompanyName, Address: d.CompanyAddress, Signer: d.Signer,
			SignerTitle: d.SignerTitle, Email: d.CompanyEmail, Phone: d.CompanyPhone},
		Client: addresseeOf(c),
		Agreement: letters.Agreement{Name: d.AgreementName, Signed: p.date("agreement_date", d.AgreementDate, false),
			TerminationClause: d.TerminationClause, NoticeDays: c.NoticeDays},
		Sent:               p.date("sent", d.Sent, true),
		Delivery:           delivery,
		NoticeDays:         p.number("notice_days", d.NoticeDays),
		AllowShorterNotice: d.ShorterNotice,
		Effective:          p.date("effective", d.Effective, true),
		FinalInvoice:       p.date("final_invoice", d.FinalInvoice, true),
		Contact:            letters.Person{Name: d.ContactName, Role: d.ContactRole, Email: d.ContactEmail, Phone: d.ContactPhone},
		Transition: letters.Transition{Hours: p.number("transition_hours", d.TransitionHours), Rate: p.money("transition_rate", d.TransitionRate),
			IncludedHours: p.number("included_hours", d.IncludedHours), RequestDays: p.number("request_days", d.RequestDays),
			WindowDays: p.number("window_days", d.WindowDays)},
		RetentionDeadline: p.date("retention", d.Retention, true),
		Handoff: letters.Handoff{
			ExportDate:      p.date("export_date", d.ExportDate, true),
			ExportWhat:      d.ExportWhat,
			ExportFormat:    d.ExportFormat,
			ExportDelivery:  d.ExportDelivery,
			CredentialsDate: p.date("credentials_date", d.CredentialsDate, true),
			TransferDate:    p.date("transfer_date", d.TransferDate, true),
		},
		LicenceNote:     d.LicenceNote,
		Acknowledgement: d.Acknowledgement,
		Calendar:        facts.Calendar,
		TimeZone:        facts.Zone,
		Statement:       &facts.Statement,
		LicenceSource:   letters.LicencesFromRecord,
		Licences:        facts.Licences,
		PriorNotice:     facts.Prior,
		Supersedes:      d.Supersedes && facts.Prior != nil,
	}
	if d.NoLicences {
		in.LicenceSource, in.Licences = letters.LicencesNone, nil
	}
	if d.ForCause {
		in.ForCause = &letters.ForCause{Clause: d.ForCauseClause, LegalHold: d.LegalHold, Contact: in.Contact, WrittenOnly: d.WrittenOnly}
	}
	if len(p.errs) > 0 {
		return in, p.errs
	}
	return in, nil
}

// draftParser reads the typed fields of a LetterDraft, noting each that
// does not parse under its JSON name, so every mistake is reported at once.
type draftParser struct {
	currency string
	errs     FieldErrors
}

func (p draftParser) date(field, text string, required bool) time.Time {
	if strings.TrimSpace(text) == "" {
		if required {
			p.errs[field] = errors.New("a date is required (YYYY-MM-DD)")
		}
		return time.Time{}
	}
	t, err := parseTyped(text)
	if err != nil {
		p.errs[field] = err
	}
	return t
}

func (p draftParser) number(field, text string) int {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < 0 {
		p.errs[field] = fmt.Errorf("%q is not a whole number of zero or more", text)
	}
	return n
}

func (p draftParser) money(field, text string) money.Money {
	if strings.TrimSpace(text) == "" {
		return money.Money{Currency: p.currency}
	}
	m, err := money.Parse(text, p.currency)
	if err != nil {
		p.errs[field] = err
	}
	return m
}

// parseTyped reads a date typed as YYYY-MM-DD, naming the text when it is
// not one.
func parseTyped(text string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(text))
	if err != nil {
		return t, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", text)
	}
	return t, nil
}

// agreementOf is the client's agreement as the documents name it.
func agreementOf(c store.Client) letters.Agreement {
	return letters.Agreement{Name: c.AgreementName, Signed: c.AgreementSigned,
		TerminationClause: c.TerminationClause, NoticeDays: c.NoticeDays}
}

// addresseeOf is the client as the documents address it.
func addresseeOf(c store.Client) letters.Client {
	return letters.Client{Name: c.Name, ContactName: c.ContactName, ContactEmail: c.ContactEmail, Address: c.Address}
}
