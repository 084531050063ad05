package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"offboard/letters"
	"offboard/money"
)

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

// OurCompany reads our own side of every document from the settings; an
// unset field stays empty, for the document to mark as missing.
func (s *Store) OurCompany(ctx context.Context) (letters.Company, error) {
	all, err := s.Settings(ctx)
	if err != nil {
		return letters.Company{}, err
	}
	return letters.Company{
		Name:        all[SettingCompanyName],
		Address:     all[SettingCompanyAddress],
		Signer:      all[SettingCompanySigner],
		SignerTitle: all[SettingCompanySignerTitle],
		Email:       all[SettingCompanyEmail],
		Phone:       all[SettingCompanyPhone],
	}, nil
}

// OutstandingBalance is what the client owes today, in minor units of its
// currency: the open balance of all its invoices.
func (s *Store) OutstandingBalance(ctx context.Context, clientID int64) (int64, error) {
	var minor int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(sum(balance_minor), 0) FROM invoices WHERE client_id = ?",
		clientID).Scan(&minor); err != nil {
		return 0, fmt.Errorf("outstanding balance of client %d: %w", clientID, err)
	}
	return minor, nil
}

// LetterDraftFor returns the client's saved letter form, or else a fresh
// one (FreshLetterDraft); saved says which.
func (s *Store) LetterDraftFor(ctx context.Context, c Client, sent time.Time) (d LetterDraft, saved bool, err error) {
	if d, saved, err = s.LoadLetterDraft(ctx, c.ID); err != nil || saved {
		return d, saved, err
	}
	d, err = s.FreshLetterDraft(ctx, c, sent)
	return d, false, err
}

// FreshLetterDraft is a letter form pre-filled for notice sent on sent from
// the client, our settings and the outstanding balance (NewLetterDraft).
func (s *Store) FreshLetterDraft(ctx context.Context, c Client, sent time.Time) (LetterDraft, error) {
	our, err := s.OurCompany(ctx)
	if err != nil {
		return LetterDraft{}, err
	}
	balance, err := s.OutstandingBalance(ctx, c.ID)
	if err != nil {
		return LetterDraft{}, err
	}
	return NewLetterDraft(c, our, balance, sent), nil
}

// NewLetterDraft pre-fills the letter form from the client's agreement, our
// company's settings and the outstanding balance, with every date computed
// for notice sent on sent (see Reschedule).
func NewLetterDraft(c Client, our letters.Company, balanceMinor int64, sent time.Time) LetterDraft {
	d := LetterDraft{
		Sent:              Date(sent),
		NoticeDays:        strconv.Itoa(c.NoticeDays),
		Delivery:          DeliveryEmail,
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
	return Date(t)
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
	d.Effective = Date(eff)
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
	d.ExportDate, d.CredentialsDate, d.TransferDate = Date(h.ExportDate), Date(h.CredentialsDate), Date(h.TransferDate)
	for _, st := range letters.ChecklistSteps(sent, eff, eff) {
		if st.Key == letters.StepFinalInvoice {
			d.FinalInvoice = Date(st.Due)
		}
	}
	d.Retention = Date(letters.AddDays(eff, DefaultRetentionDays))
}

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
func (d LetterDraft) Input(c Client) (letters.TerminationInput, error) {
	errs := FieldErrors{}
	date := func(field, text string, required bool) time.Time {
		if strings.TrimSpace(text) == "" {
			if required {
				errs[field] = errors.New("a date is required (YYYY-MM-DD)")
			}
			return time.Time{}
		}
		t, err := parseTyped(text)
		if err != nil {
			errs[field] = err
		}
		return t
	}
	number := func(field, text string) int {
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil || n < 0 {
			errs[field] = fmt.Errorf("%q is not a whole number of zero or more", text)
		}
		return n
	}
	money := func(field, text string) money.Money {
		if strings.TrimSpace(text) == "" {
			return money.Money{Currency: c.Currency}
		}
		m, err := money.Parse(text, c.Currency)
		if err != nil {
			errs[field] = err
		}
		return m
	}
	delivery, err := letters.ParseDelivery(d.Delivery)
	if err != nil {
		errs["delivery"] = err
	}
	in := letters.TerminationInput{
		Our: letters.Company{Name: d.CompanyName, Address: d.CompanyAddress, Signer: d.Signer,
			SignerTitle: d.SignerTitle, Email: d.CompanyEmail, Phone: d.CompanyPhone},
		Client: addresseeOf(c),
		Agreement: letters.Agreement{Name: d.AgreementName, Signed: date("agreement_date", d.AgreementDate, false),
			TerminationClause: d.TerminationClause, NoticeDays: c.NoticeDays},
		Sent:               date("sent", d.Sent, true),
		Delivery:           delivery,
		NoticeDays:         number("notice_days", d.NoticeDays),
		AllowShorterNotice: d.ShorterNotice,
		Effective:          date("effective", d.Effective, true),
		Balance:            money("balance", d.Balance),
		FinalInvoice:       date("final_invoice", d.FinalInvoice, true),
		Contact:            letters.Person{Name: d.ContactName, Role: d.ContactRole, Email: d.ContactEmail, Phone: d.ContactPhone},
		Transition:         letters.Transition{Hours: number("transition_hours", d.TransitionHours), Rate: money("transition_rate", d.TransitionRate)},
		RetentionDeadline:  date("retention", d.Retention, true),
		Handoff: letters.Handoff{
			ExportDate:      date("export_date", d.ExportDate, true),
			ExportWhat:      d.ExportWhat,
			ExportFormat:    d.ExportFormat,
			ExportDelivery:  d.ExportDelivery,
			CredentialsDate: date("credentials_date", d.CredentialsDate, true),
			TransferDate:    date("transfer_date", d.TransferDate, true),
		},
		LicenceNote:     d.LicenceNote,
		Acknowledgement: d.Acknowledgement,
	}
	for i, line := range strings.FieldsFunc(d.Licences, func(r rune) bool { return r == '\n' || r == ';' }) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := licenceLine.FindStringSubmatch(line)
		if m == nil {
			errs["licences"] = fmt.Errorf("licence %d %q: want QUANTITY × PRODUCT until YYYY-MM-DD", i+1, line)
			continue
		}
		qty, _ := strconv.Atoi(m[1])
		until, err := parseTyped(m[3])
		if err != nil {
			errs["licences"] = fmt.Errorf("licence %d: %w", i+1, err)
			continue
		}
		in.AnnualLicences = append(in.AnnualLicences, letters.AnnualLicence{Product: m[2], Quantity: qty, TermEnds: until})
	}
	if len(errs) > 0 {
		return in, errs
	}
	return in, nil
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

// DeliveryOf is the terminations table's name of a delivery method.
func DeliveryOf(d letters.Delivery) string {
	switch d {
	case letters.DeliveryPost:
		return DeliveryPost
	case letters.DeliveryHand:
		return DeliveryHand
	default:
		return DeliveryEmail
	}
}

// SentLetterOf is the record of a rendered letter about to be exported to
// path as sent, with the offboarding checklist scheduled from its dates
// (letters.ChecklistSteps).
func SentLetterOf(clientID int64, in letters.TerminationInput, markdown, path string) SentLetter {
	steps := letters.ChecklistSteps(in.Sent, in.Effective, in.RetentionDeadline)
	planned := make([]PlannedStep, len(steps))
	for i, st := range steps {
		planned[i] = PlannedStep{Key: st.Key, Title: st.Title, Due: st.Due}
	}
	title := fmt.Sprintf("Notice of termination of %s dated %s", in.Agreement.Name, letters.FormatDate(in.Agreement.Signed))
	return SentLetter{ClientID: clientID, Title: title, Markdown: markdown, Path: path, Sent: in.Sent,
		NoticeDays: in.NoticeDays, Effective: in.Effective, Retention: in.RetentionDeadline,
		Delivery: DeliveryOf(in.Delivery), Steps: planned}
}
