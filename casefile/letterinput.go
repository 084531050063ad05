package casefile

import (
	"errors"
	"fmt"
	"regexp"
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

// licenceLine is one annual licence as typed: "42 × Microsoft 365 Business
// Premium until 2027-04-30" (an x will do for the ×).
var licenceLine = regexp.MustCompile(`^(\d+)\s*[×xX*]\s*(.+?)\s+until\s+(\d{4}-\d{2}-\d{2})$`)

// Input parses the form into the letter's input. Fields that do not parse
// are returned together as FieldErrors; blank optional fields are simply
// unset, for the letter to mark. The dates still have to pass the letter's
// own Validate, which the renderer applies.
func (d LetterDraft) Input(c store.Client) (letters.TerminationInput, error) {
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
		Balance:            p.money("balance", d.Balance),
		FinalInvoice:       p.date("final_invoice", d.FinalInvoice, true),
		Contact:            letters.Person{Name: d.ContactName, Role: d.ContactRole, Email: d.ContactEmail, Phone: d.ContactPhone},
		Transition:         letters.Transition{Hours: p.number("transition_hours", d.TransitionHours), Rate: p.money("transition_rate", d.TransitionRate)},
		RetentionDeadline:  p.date("retention", d.Retention, true),
		Handoff: letters.Handoff{
			ExportDate:      p.date("export_date", d.ExportDate, true),
			ExportWhat:      d.ExportWhat,
			ExportFormat:    d.ExportFormat,
			ExportDelivery:  d.ExportDelivery,
			CredentialsDate: p.date("credentials_date", d.CredentialsDate, true),
			TransferDate:    p.date("transfer_date", d.TransferDate, true),
		},
		AnnualLicences:  p.licences(d.Licences),
		LicenceNote:     d.LicenceNote,
		Acknowledgement: d.Acknowledgement,
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

// licences reads the licences on annual commitment, one a line or separated
// by semicolons.
func (p draftParser) licences(text string) []letters.AnnualLicence {
	var out []letters.AnnualLicence
	for i, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := licenceLine.FindStringSubmatch(line)
		if m == nil {
			p.errs["licences"] = fmt.Errorf("licence %d %q: want QUANTITY × PRODUCT until YYYY-MM-DD", i+1, line)
			continue
		}
		qty, _ := strconv.Atoi(m[1])
		until, err := parseTyped(m[3])
		if err != nil {
			p.errs["licences"] = fmt.Errorf("licence %d: %w", i+1, err)
			continue
		}
		out = append(out, letters.AnnualLicence{Product: m[2], Quantity: qty, TermEnds: until})
	}
	return out
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
