package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"offboard/importer"
	"offboard/money"
)

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return Timestamp(t)
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func nullBool(b *bool) any {
	if b == nil {
		return nil
	}
	return boolInt(*b)
}

func (w *importWriter) client(r importer.ClientRecord) (outcome, error) {
	status := r.Status
	if status != "" && !slices.Contains(clientStatuses, status) {
		return 0, w.rowErr(r.Line(), "status", "%q is not a client status (active, watch, remediation, notice, offboarded, re-engaged)", r.Status)
	}
	if r.TimeZone != "" {
		if _, err := time.LoadLocation(r.TimeZone); err != nil {
			return 0, w.rowErr(r.Line(), "time_zone", "%q is not a time zone name such as America/New_York", r.TimeZone)
		}
	}
	key := NormalizeName(r.Name)
	var id int64
	found := false
	if r.ExternalID != "" {
		id, found = w.clients.byExt[r.ExternalID]
	}
	if !found {
		// By name, but never a client that has another external id: two
		// clients may share a name.
		var same []int64
		for _, c := range w.clients.byKey[key] {
			if w.clients.ext[c] == "" {
				same = append(same, c)
			}
		}
		switch len(same) {
		case 0:
		case 1:
			id, found = same[0], true
		default:
			return 0, w.rowErr(r.Line(), "name", "%q matches %d clients; give it an external_id", r.Name, len(same))
		}
	}
	if !found {
		c := Client{ExternalID: r.ExternalID, Name: r.Name, ContactName: r.ContactName, ContactEmail: r.ContactEmail,
			Address: r.Address, Seats: r.Seats, MRRMinor: r.MRR.Minor, Currency: r.Currency, AgreementName: r.Agreement,
			AgreementSigned: r.AgreementSigned, TerminationClause: r.TerminationClause, NoticeDays: r.NoticeDays,
			TermEnd: r.TermEnd, TimeZone: r.TimeZone, Status: status, ClientSince: r.ClientSince}
		if c.NoticeDays == 0 {
			c.NoticeDays = 30
		}
		id, err := InsertClient(w.ctx, w.tx, c, w.now)
		if err != nil {
			return 0, err
		}
		w.clients.add(id, c.ExternalID, key, c.ContactEmail, c.TimeZone, c.Currency)
		return inserted, nil
	}
	// Values the export leaves empty keep what the database has: a status
	// moved on in offboard is not reset by an export that has none.
	st, err := w.stmt(`UPDATE clients SET external_id = coalesce(?2, external_id), name = ?3, name_key = ?4,
        contact_name = ?5, contact_email = ?6, address = ?7, seats = ?8, mrr_minor = ?9,
        currency = coalesce(nullif(?10, ''), currency), agreement_name = ?11,
        agreement_signed_on = coalesce(?12, agreement_signed_on), termination_clause = ?13,
        notice_days = coalesce(?14, notice_days), term_end_on = coalesce(?15, term_end_on),
        time_zone = coalesce(nullif(?16, ''), time_zone), status = coalesce(nullif(?17, ''), status),
        client_since_on = coalesce(?18, client_since_on), updated_at = ?19
    WHERE id = ?1 AND (external_id IS NOT coalesce(?2, external_id) OR name IS NOT ?3 OR contact_name IS NOT ?5
        OR contact_email IS NOT ?6 OR address IS NOT ?7 OR seats IS NOT ?8 OR mrr_minor IS NOT ?9
        OR currency IS NOT coalesce(nullif(?10, ''), currency) OR agreement_name IS NOT ?11
        OR agreement_signed_on IS NOT coalesce(?12, agreement_signed_on) OR termination_clause IS NOT ?13
        OR notice_days IS NOT coalesce(?14, notice_days) OR term_end_on IS NOT coalesce(?15, term_end_on)
        OR time_zone IS NOT coalesce(nullif(?16, ''), time_zone) OR status IS NOT coalesce(nullif(?17, ''), status)
        OR client_since_on IS NOT coalesce(?18, client_since_on))`)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(w.ctx, id, nullString(r.ExternalID), r.Name, key, r.ContactName, r.ContactEmail, r.Address, r.Seats, r.MRR.Minor,
		r.Currency, r.Agreement, nullDate(r.AgreementSigned), r.TerminationClause, nullInt(r.NoticeDays),
		nullDate(r.TermEnd), r.TimeZone, string(status), nullDate(r.ClientSince), Timestamp(w.now))
	if err != nil {
		return 0, fmt.Errorf("update client %q: %w", r.Name, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return updated, nil
	}
	return unchanged, nil
}

// priorities maps the priority names tools use to ours.
var priorities = map[string]string{
	"low": "low", "lowest": "low", "minor": "low", "planning": "low", "p4": "low", "p5": "low", "4": "low", "5": "low",
	"normal": "normal", "medium": "normal", "moderate": "normal", "standard": "normal", "p3": "normal", "3": "normal", "": "normal",
	"high": "high", "major": "high", "p2": "high", "2": "high",
	"urgent": "urgent", "critical": "urgent", "emergency": "urgent", "highest": "urgent", "p1": "urgent", "1": "urgent",
}

// priority reads a tool's priority as ours. Tools prefix priorities with a
// rank ("1 - Critical", "P2 High"), so the last known word decides.
func (w *importWriter) priority(s string) string {
	key := strings.ToLower(strings.TrimSpace(s))
	if p, ok := priorities[key]; ok {
		return p
	}
	words := strings.FieldsFunc(key, func(r rune) bool { return r == ' ' || r == '-' || r == '(' || r == ')' || r == ':' })
	for i := len(words) - 1; i >= 0; i-- {
		if p, ok := priorities[words[i]]; ok {
			return p
		}
	}
	w.unknownPriorities[s]++
	return "normal"
}

func (w *importWriter) ticket(r importer.TicketRecord) (outcome, error) {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	tz := w.hours.Zone.String()
	if r.OpenedHasZone {
		tz = r.Opened.Format("-07:00")
	}
	afterHours := r.AfterHours
	if afterHours == nil {
		ah := w.hours.AfterHours(r.Opened, w.clients.zone[clientID])
		afterHours = &ah
	}
	// A content key written by an export in place of an id is still a
	// content key.
	ext := nullString(r.ExternalID)
	var hash any
	if r.ExternalID == "" || strings.HasPrefix(r.ExternalID, "sha256:") {
		ext, hash = nil, r.Key()
	}
	opened, priority := Timestamp(r.Opened), w.priority(r.Priority)
	cols := []any{opened, tz, nullTime(r.Closed), priority, r.Status,
		boolInt(*afterHours), nullBool(r.OutOfScope), r.Summary}
	const changed = `(opened_at IS NOT ?3 OR opened_tz IS NOT ?4 OR closed_at IS NOT ?5 OR priority IS NOT ?6
        OR status IS NOT ?7 OR after_hours IS NOT ?8 OR out_of_scope IS NOT coalesce(?9, out_of_scope) OR summary IS NOT ?10)`
	const set = `SET opened_at = ?3, opened_tz = ?4, closed_at = ?5, priority = ?6, status = ?7, after_hours = ?8,
        out_of_scope = coalesce(?9, out_of_scope), summary = ?10`
	update := `UPDATE tickets ` + set + ` WHERE client_id = ?1 AND external_id = ?2 AND ` + changed
	key := ext
	if hash != nil {
		update = `UPDATE tickets ` + set + ` WHERE client_id = ?1 AND source_hash = ?2 AND ` + changed
		key = hash
	}
	out, err := w.upsert(`INSERT INTO tickets (client_id, external_id, opened_at, opened_tz, closed_at, priority, status,
        after_hours, out_of_scope, summary, source_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 0), ?, ?)
        ON CONFLICT DO NOTHING`,
		append(append([]any{clientID, ext}, cols...), hash),
		update, append([]any{clientID, key}, cols...))
	switch out {
	case inserted:
		w.roll.AddTicket(clientID, opened, priority, *afterHours, r.OutOfScope != nil && *r.OutOfScope)
	case updated:
		// Its time entries' out-of-scope minutes may change with it.
		w.roll.markDirty(clientID)
	}
	return out, err
}

func (w *importWriter) currency(m money.Money, clientID int64) string {
	switch {
	case m.Currency != "":
		return m.Currency
	case w.opt.Currency != "":
		return strings.ToUpper(w.opt.Currency)
	case w.clients.currency[clientID] != "":
		return w.clients.currency[clientID]
	}
	return "USD"
}

func (w *importWriter) invoice(r importer.InvoiceRecord) (outcome, error) {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	due := r.Due
	if due.IsZero() {
		due = r.Issued
	}
	// An export that says nothing of the balance leaves it as the whole
	// amount, unless it gives a paid date; payments may settle it later.
	var balance any
	switch {
	case r.HasBalance:
		balance = r.Balance.Minor
	case !r.Paid.IsZero():
		balance = 0
	}
	issued, dueOn := Date(r.Issued), Date(due)
	var paid string
	if !r.Paid.IsZero() {
		paid = Date(r.Paid)
	}
	args := []any{r.Number, clientID, issued, dueOn, nullString(paid), r.Amount.Minor, balance,
		w.currency(r.Amount, clientID), r.Status}
	ok, err := w.insert(`INSERT INTO invoices (number, client_id, issued_on, due_on, paid_on, amount_minor,
        balance_minor, currency, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ?6), ?8, ?9)
        ON CONFLICT (number) DO NOTHING`, args)
	if err != nil {
		return 0, err
	}
	if ok {
		return inserted, w.roll.AddInvoice(clientID, issued, dueOn, paid, r.Amount.Minor)
	}
	// The invoice may move to another client, whose months change too.
	was, err := w.owner(`SELECT client_id FROM invoices WHERE number = ?`, r.Number)
	if err != nil {
		return 0, err
	}
	out, err := w.update(`UPDATE invoices SET client_id = ?2, issued_on = ?3, due_on = ?4, paid_on = coalesce(?5, paid_on),
        amount_minor = ?6, balance_minor = coalesce(?7, balance_minor), currency = ?8, status = ?9
    WHERE number = ?1 AND (client_id IS NOT ?2 OR issued_on IS NOT ?3 OR due_on IS NOT ?4
        OR paid_on IS NOT coalesce(?5, paid_on) OR amount_minor IS NOT ?6
        OR balance_minor IS NOT coalesce(?7, balance_minor) OR currency IS NOT ?8 OR status IS NOT ?9)`, args)
	if out == updated {
		w.roll.markDirty(clientID, was)
	}
	return out, err
}

func (w *importWriter) payment(r importer.PaymentRecord) (outcome, error) {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	args := []any{clientID, r.Invoice, Date(r.Date), r.Amount.Minor, w.currency(r.Amount, clientID), r.Method, r.Reference, r.Key()}
	out, err := w.upsert(`INSERT INTO payments (client_id, invoice_number, paid_on, amount_minor, currency, method,
        reference, source_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE payments SET client_id = ?1, invoice_number = ?2, paid_on = ?3, amount_minor = ?4, currency = ?5,
        method = ?6, reference = ?7
    WHERE source_hash = ?8 AND (client_id IS NOT ?1 OR invoice_number IS NOT ?2 OR paid_on IS NOT ?3
        OR amount_minor IS NOT ?4 OR currency IS NOT ?5 OR method IS NOT ?6 OR reference IS NOT ?7)`, args)
	return out, err
}

// incidentKinds maps the words people use for incidents to the schema's
// kinds (seeds 000, 001, 003).
var incidentKinds = map[string]string{
	"abuse": "abuse", "staff_abuse": "abuse", "abuse_of_staff": "abuse", "mistreatment": "abuse", "harassment": "abuse",
	"security": "security", "data_compliance": "data_compliance", "privacy": "data_compliance", "compliance": "data_compliance",
	"criminal": "criminal", "criminal_activity": "criminal", "scope": "scope", "scope_creep": "scope",
	"declined_upgrade": "declined_upgrade", "upgrade_declined": "declined_upgrade", "naivete": "naivete",
	"after_hours": "after_hours", "after-hours": "after_hours", "other": "other",
}

func (w *importWriter) incident(r importer.IncidentRecord) (outcome, error) {
	kind, ok := incidentKinds[strings.ReplaceAll(r.Category, "-", "_")]
	if !ok {
		return 0, w.rowErr(r.Line(), "category", "%q is not an incident kind (abuse, security, data_compliance, criminal, scope, declined_upgrade, naivete, after_hours, other)", r.Category)
	}
	severity := r.Severity
	if severity == 0 {
		severity = 3
	}
	if severity < 1 || severity > 5 {
		return 0, w.rowErr(r.Line(), "severity", "%d is not a severity from 1 to 5", r.Severity)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	args := []any{clientID, Timestamp(r.Occurred), kind, severity, r.Description, r.ReportedBy, r.Key()}
	out, err := w.upsert(`INSERT INTO incidents (client_id, occurred_at, kind, severity, description, reported_by,
        source_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE incidents SET client_id = ?1, occurred_at = ?2, kind = ?3, severity = ?4, description = ?5,
        reported_by = ?6
    WHERE source_hash = ?7 AND (client_id IS NOT ?1 OR occurred_at IS NOT ?2 OR kind IS NOT ?3
        OR severity IS NOT ?4 OR description IS NOT ?5 OR reported_by IS NOT ?6)`, args)
	return out, err
}

// backupStatuses maps backup states as monitoring tools word them.
var backupStatuses = map[string]string{
	"ok": "ok", "success": "ok", "succeeded": "ok", "healthy": "ok", "passing": "ok", "good": "ok",
	"warning": "warning", "warn": "warning", "partial": "warning", "degraded": "warning",
	"failing": "failing", "failed": "failing", "failure": "failing", "error": "failing",
	"none": "none", "no backup": "none", "": "none",
}

func (w *importWriter) security(r importer.SecurityRecord) (outcome, error) {
	backup, ok := backupStatuses[strings.ToLower(r.BackupStatus)]
	if !ok {
		return 0, w.rowErr(r.Line(), "backup_status", "%q is not a backup status (ok, warning, failing, none)", r.BackupStatus)
	}
	if r.EOLDevices < 0 || r.TotalDevices < 0 {
		return 0, w.rowErr(r.Line(), "", "device counts cannot be negative")
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	args := []any{clientID, Date(r.Taken), r.MFACoverage, r.PatchCompliance, r.EOLDevices, r.TotalDevices, backup}
	out, err := w.upsert(`INSERT INTO security_snapshots (client_id, taken_on, mfa_pct, patch_pct, eol_devices,
        total_devices, backup_status) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, taken_on) DO NOTHING`, args,
		`UPDATE security_snapshots SET mfa_pct = ?3, patch_pct = ?4, eol_devices = ?5, total_devices = ?6,
        backup_status = ?7
    WHERE client_id = ?1 AND taken_on = ?2 AND (mfa_pct IS NOT ?3 OR patch_pct IS NOT ?4 OR eol_devices IS NOT ?5
        OR total_devices IS NOT ?6 OR backup_status IS NOT ?7)`, args)
	return out, err
}

func (w *importWriter) upgrade(r importer.UpgradeRecord) (outcome, error) {
	decision := r.Decision
	if decision == "" {
		decision = "pending"
	}
	if decision != "pending" && decision != "accepted" && decision != "declined" {
		return 0, w.rowErr(r.Line(), "decision", "%q is not a decision (pending, accepted, declined)", r.Decision)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return 0, err
	}
	args := []any{clientID, r.Title, Date(r.Proposed), nullDate(r.Decided), decision, r.Estimate.Minor, r.Note, r.Key()}
	out, err := w.upsert(`INSERT INTO upgrade_recommendations (client_id, title, proposed_on, decided_on, decision,
        estimate_minor, note, source_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_hash) DO NOTHING`, args,
		`UPDATE upgrade_recommendations SET client_id = ?1, title = ?2, proposed_on = ?3, decided_on = ?4,
        decision = ?5, estimate_minor = ?6, note = ?7
    WHERE source_hash = ?8 AND (client_id IS NOT ?1 OR title IS NOT ?2 OR proposed_on IS NOT ?3
        OR decided_on IS NOT ?4 OR decision IS NOT ?5 OR estimate_minor IS NOT ?6 OR note IS NOT ?7)`, args)
	return out, err
}

func (w *importWriter) setting(r importer.SettingRecord) (outcome, error) {
	// A demo marker would let the demo generator overwrite a real database.
	if strings.HasPrefix(r.Name, "demo.") {
		return 0, w.rowErr(r.Line(), "key", "%q belongs to the demo and is not imported", r.Name)
	}
	return w.upsert(`INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING`, []any{r.Name, r.Value},
		`UPDATE settings SET value = ?2 WHERE key = ?1 AND value IS NOT ?2`, []any{r.Name, r.Value})
}
