package importer

import (
	"strconv"
	"strings"
)

// ok reports whether the current row has parsed cleanly so far; natural
// keys are only drawn for such rows so that occurrence counts stay stable.
func (p *rowParser) ok() bool { return len(p.errs) == 0 && !p.ambiguous }

func (p *rowParser) client() Record {
	p.require("name")
	r := ClientRecord{
		ExternalID:        p.text("external_id"),
		Name:              p.text("name"),
		ContactName:       p.text("contact_name"),
		ContactEmail:      p.text("contact_email"),
		ContactPhone:      p.text("contact_phone"),
		Address:           p.address(),
		PaymentTerms:      p.text("payment_terms"),
		Seats:             p.integer("seats"),
		TimeZone:          p.text("time_zone"),
		Agreement:         p.text("agreement"),
		TerminationClause: p.text("termination_clause"),
		NoticeDays:        p.integer("notice_days"),
		Status:            strings.ToLower(p.text("status")),
		Currency:          strings.ToUpper(p.text("currency")),
	}
	if r.ContactName == "" {
		r.ContactName = p.fullName()
	}
	if r.ContactEmail == "" {
		r.ContactEmail = domainAddress(p.text("domains"))
	}
	r.MRR, _ = p.money("mrr")
	if r.Currency == "" {
		r.Currency = r.MRR.Currency
	}
	r.AgreementSigned, r.TermEnd, r.ClientSince = p.when("agreement_signed"), p.when("term_end"), p.when("client_since")
	if !p.ok() {
		return nil
	}
	if r.ExternalID != "" {
		r.Source = p.source(r.ExternalID)
	} else {
		r.Source = p.source("name:" + NormalizeName(r.Name))
	}
	return r
}

func (p *rowParser) ticket() Record {
	p.require("opened")
	r := TicketRecord{
		Client:     p.clientRef(true),
		ExternalID: p.text("external_id"),
		Priority:   p.text("priority"),
		Status:     p.text("status"),
		Summary:    p.text("summary"),
		AfterHours: p.boolean("after_hours"),
		OutOfScope: p.boolean("out_of_scope"),
		Category:   p.text("category"),
	}
	r.UserSupport = UserSupport(r.Category)
	if d, ok := p.date("opened"); ok {
		r.Opened, r.OpenedHasZone = d.Time, d.HasZone
	}
	if r.Closed = p.when("closed"); r.Closed.IsZero() {
		r.Closed = p.when("resolved")
	}
	if !p.ok() {
		return nil
	}
	r.Source = p.source(p.key(r.ExternalID, func() []string {
		return []string{refKey(r.Client), dateKey(r.Opened), r.Summary}
	}))
	return r
}

func (p *rowParser) timeEntry() Record {
	p.require("date")
	r := TimeRecord{
		ExternalID: p.text("external_id"),
		Ticket:     p.text("ticket"),
		Technician: p.text("technician"),
		Notes:      p.text("notes"),
		Billable:   true,
	}
	// An entry on a ticket can take its client from the ticket.
	r.Client = p.clientRef(r.Ticket == "")
	if r.Technician == "" {
		r.Technician = p.fullName()
	}
	if b := p.boolean("billable"); b != nil {
		r.Billable = *b
	}
	r.Worked = p.when("date")
	if s, ok := p.duration("hours"); ok {
		r.Seconds = s
	} else if s, ok := p.duration("minutes"); ok {
		r.Seconds = s
	} else if p.ok() {
		col := p.bind["hours"].header
		if col == "" {
			col = p.bind["minutes"].header
		}
		p.errs = append(p.errs, &RowError{File: p.file, Line: p.row.Line, Column: col, Msg: "a value is required"})
	}
	if !p.ok() {
		return nil
	}
	r.Source = p.source(p.key(r.ExternalID, func() []string {
		// The key holds whole minutes, as it did before entries kept their
		// seconds: an entry without an id imported then and imported again
		// now has the same key, so its stored duration is corrected rather
		// than the entry stored twice.
		return []string{refKey(r.Client), r.Ticket, dateKey(r.Worked), strconv.Itoa(WholeMinutes(r.Seconds)), r.Technician, r.Notes}
	}))
	return r
}

func (p *rowParser) payment() Record {
	p.require("date")
	r := PaymentRecord{
		Client:     p.clientRef(true),
		ExternalID: p.text("external_id"),
		Invoice:    p.text("invoice"),
		Method:     p.text("method"),
		Reference:  p.text("reference"),
	}
	r.Date = p.when("date")
	var ok bool
	if r.Amount, ok = p.amount("amount", "amount_cents"); !ok && p.ok() {
		p.require("amount")
		p.require("amount_cents")
	}
	if c := strings.ToUpper(p.text("currency")); c != "" {
		r.Amount.Currency = c
	}
	if !p.ok() {
		return nil
	}
	r.Source = p.source(p.key(r.ExternalID, func() []string {
		return []string{refKey(r.Client), r.Invoice, dateKey(r.Date), strconv.FormatInt(r.Amount.Minor, 10), r.Reference}
	}))
	return r
}

func (p *rowParser) incident() Record {
	p.require("occurred")
	p.require("category")
	r := IncidentRecord{
		Client:      p.clientRef(true),
		ExternalID:  p.text("external_id"),
		Category:    strings.ToLower(strings.ReplaceAll(p.text("category"), " ", "_")),
		Severity:    p.integer("severity"),
		Description: p.text("description"),
		ReportedBy:  p.text("reported_by"),
	}
	r.Occurred = p.when("occurred")
	if !p.ok() {
		return nil
	}
	r.Source = p.source(p.key(r.ExternalID, func() []string {
		return []string{refKey(r.Client), dateKey(r.Occurred), r.Category, r.Description}
	}))
	return r
}

func (p *rowParser) security() Record {
	if p.perRow() {
		return p.securityRow()
	}
	r := SecurityRecord{
		Client:          p.clientRef(true),
		MFACoverage:     p.optPercent("mfa_coverage"),
		PatchCompliance: p.optPercent("patch_compliance"),
		EOLDevices:      p.optInt("eol_devices"),
		TotalDevices:    p.optInt("total_devices"),
		BackupStatus:    p.text("backup_status"),
		MFAAccounts:     p.optInt("mfa_accounts"),
		MFARegistered:   p.optInt("mfa_registered"),
		PatchCompliant:  p.optInt("patch_compliant"),
		PatchUnknown:    p.optInt("patch_unknown"),
		OSUnknown:       p.optInt("os_unknown"),
	}
	if r.Taken = p.when("taken"); r.Taken.IsZero() {
		r.Taken = p.opt.Taken
	}
	if r.Taken.IsZero() {
		p.require("taken")
	}
	if !p.ok() {
		return nil
	}
	// One snapshot per client per day: a later export of the same day
	// replaces it.
	r.Source = p.source(refKey(r.Client) + "|" + r.Taken.Format("2006-01-02"))
	return r
}

func (p *rowParser) upgrade() Record {
	p.require("title")
	p.require("proposed")
	r := UpgradeRecord{
		Client:     p.clientRef(true),
		ExternalID: p.text("external_id"),
		Title:      p.text("title"),
		Decision:   strings.ToLower(p.text("decision")),
		Note:       p.text("note"),
	}
	r.Proposed, r.Decided = p.when("proposed"), p.when("decided")
	r.Estimate, _ = p.money("estimate")
	if !p.ok() {
		return nil
	}
	r.Source = p.source(p.key(r.ExternalID, func() []string {
		return []string{refKey(r.Client), dateKey(r.Proposed), r.Title}
	}))
	return r
}

func (p *rowParser) setting() Record {
	p.require("key")
	r := SettingRecord{Name: p.text("key"), Value: p.text("value")}
	if !p.ok() {
		return nil
	}
	r.Source = p.source(r.Name)
	return r
}
