package casefile

import (
	"fmt"
	"sort"
	"strings"

	"offboard/importer"
	"offboard/money"
	"offboard/store"
)

// recordWriter checks the records of one import as the parser emits them,
// resolves the clients they name and turns them into the store's rows.
type recordWriter struct {
	tx      *store.ImportTx
	file    string
	opt     ImportOptions
	hours   store.BusinessHours
	res     *ImportResult
	clients *clientIndex
	times   *timeQueue
	// securities holds the security snapshots until the end.
	securities securityWriter
	// records counts the records written or queued so far.
	records int
	// unknownPriorities counts priority values read as "normal".
	unknownPriorities map[string]int
	// orphans are the payments naming an invoice the database lacks.
	orphans orphanPayments
}

func newRecordWriter(tx *store.ImportTx, file string, opt ImportOptions, hours store.BusinessHours, res *ImportResult) (*recordWriter, error) {
	w := &recordWriter{tx: tx, file: file, opt: opt, hours: hours, res: res, unknownPriorities: map[string]int{}}
	var err error
	if w.clients, err = loadClientIndex(tx); err != nil {
		return nil, err
	}
	if opt.Kind == importer.KindTime {
		w.times = &timeQueue{}
	}
	return w, nil
}

// write is the parser's emit function: it writes one record, or returns a
// row error to reject it.
func (w *recordWriter) write(rec importer.Record) error {
	var err error
	switch r := rec.(type) {
	case importer.ClientRecord:
		err = w.client(r)
	case importer.TicketRecord:
		err = w.ticket(r)
	case importer.TimeRecord:
		err = w.timeEntry(r)
	case importer.InvoiceRecord:
		err = w.invoice(r)
	case importer.PaymentRecord:
		err = w.payment(r)
	case importer.IncidentRecord:
		err = w.incident(r)
	case importer.SecurityRecord:
		err = w.securities.add(w, r)
	case importer.UpgradeRecord:
		err = w.upgrade(r)
	case importer.PlanRecord:
		err = w.plan(r)
	case importer.SettingRecord:
		err = w.setting(r)
	default:
		return fmt.Errorf("import %s: unexpected record %T", w.file, rec)
	}
	if err != nil {
		if importer.IsRowError(err) {
			return err
		}
		return fmt.Errorf("import %s line %d: %w", w.file, rec.Line(), err)
	}
	w.records++
	if w.opt.OnRecord != nil {
		w.opt.OnRecord(w.records)
	}
	if w.times != nil && len(w.times.pending) == timeLookupBatch {
		if err := w.sendTimes(); err != nil {
			return fmt.Errorf("import %s: %w", w.file, err)
		}
	}
	return nil
}

// flush writes the records still queued and waits until they are written.
func (w *recordWriter) flush() error {
	if err := w.securities.flush(w); err != nil {
		return err
	}
	if w.times != nil {
		if err := w.sendTimes(); err != nil {
			return err
		}
	}
	return w.tx.Flush()
}

func (w *recordWriter) rowErr(line int, column, format string, args ...any) error {
	return &importer.RowError{File: w.file, Line: line, Column: column, Msg: fmt.Sprintf(format, args...)}
}

func (w *recordWriter) notes() []string {
	var out []string
	if len(w.res.CreatedClients) > 0 {
		verb := "added"
		if w.opt.DryRun {
			verb = "would add"
		}
		out = append(out, fmt.Sprintf("%s %d %s: %s", verb, len(w.res.CreatedClients),
			plural(len(w.res.CreatedClients), "client", "clients"), strings.Join(w.res.CreatedClients, ", ")))
	}
	if len(w.unknownPriorities) > 0 {
		var ps []string
		for p, n := range w.unknownPriorities {
			ps = append(ps, fmt.Sprintf("%q (%d)", p, n))
		}
		sort.Strings(ps)
		out = append(out, "priorities read as normal: "+strings.Join(ps, ", "))
	}
	return out
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
func (w *recordWriter) priority(s string) string {
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

func (w *recordWriter) ticket(r importer.TicketRecord) error {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	row := store.TicketRow{Line: r.Line(), ClientID: clientID, ExternalID: r.ExternalID, Opened: r.Opened, OpenedTZ: w.hours.Zone.String(),
		Closed: r.Closed, Priority: w.priority(r.Priority), Status: r.Status, Summary: r.Summary, OutOfScope: r.OutOfScope,
		Category: r.Category, UserSupport: r.UserSupport}
	if r.OpenedHasZone {
		row.OpenedTZ = r.Opened.Format("-07:00")
	}
	if r.AfterHours != nil {
		row.AfterHours = *r.AfterHours
	} else {
		row.AfterHours = w.hours.AfterHours(r.Opened, w.clients.zone[clientID])
	}
	// A content key written by an export in place of an id is still a
	// content key.
	if r.ExternalID == "" || strings.HasPrefix(r.ExternalID, "sha256:") {
		row.ExternalID, row.SourceHash = "", r.Key()
	}
	return w.tx.QueueTicket(row)
}

func (w *recordWriter) currency(m money.Money, clientID int64) string {
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

func (w *recordWriter) invoice(r importer.InvoiceRecord) error {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	row := store.InvoiceRow{Number: r.Number, ClientID: clientID, Issued: r.Issued, Due: r.Due, Paid: r.Paid,
		AmountMinor: r.Amount.Minor, Currency: w.currency(r.Amount, clientID), Status: r.Status,
		BalanceStated: r.HasBalance || !r.Paid.IsZero()}
	w.dueAndStatus(&row, r, clientID)
	// An export that says nothing of the balance leaves it as the whole
	// amount, unless it gives a paid date; payments may settle it later.
	switch {
	case r.HasBalance:
		row.BalanceMinor = &r.Balance.Minor
	case !r.Paid.IsZero():
		row.BalanceMinor = new(int64)
	}
	return w.tx.WriteInvoice(row)
}

func (w *recordWriter) payment(r importer.PaymentRecord) error {
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	if err := w.orphans.check(w.tx, r); err != nil {
		return err
	}
	return w.tx.WritePayment(store.PaymentRow{ClientID: clientID, Invoice: r.Invoice, Paid: r.Date, AmountMinor: r.Amount.Minor,
		Currency: w.currency(r.Amount, clientID), Method: r.Method, Reference: r.Reference, Key: r.Key()})
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

func (w *recordWriter) incident(r importer.IncidentRecord) error {
	kind, ok := incidentKinds[strings.ReplaceAll(r.Category, "-", "_")]
	if !ok {
		return w.rowErr(r.Line(), "category", "%q is not an incident kind (abuse, security, data_compliance, criminal, scope, declined_upgrade, naivete, after_hours, other)", r.Category)
	}
	severity := r.Severity
	if severity == 0 {
		severity = 3
	}
	if severity < 1 || severity > 5 {
		return w.rowErr(r.Line(), "severity", "%d is not a severity from 1 to 5", r.Severity)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	return w.tx.WriteIncident(store.IncidentRow{ClientID: clientID, Occurred: r.Occurred, Kind: kind, Severity: severity,
		Description: r.Description, ReportedBy: r.ReportedBy, Key: r.Key()})
}

func (w *recordWriter) upgrade(r importer.UpgradeRecord) error {
	decision := r.Decision
	if decision == "" {
		decision = "pending"
	}
	if decision != "pending" && decision != "accepted" && decision != "declined" {
		return w.rowErr(r.Line(), "decision", "%q is not a decision (pending, accepted, declined)", r.Decision)
	}
	clientID, err := w.resolveClient(r.Client, r.Line())
	if err != nil {
		return err
	}
	return w.tx.WriteUpgrade(store.UpgradeRow{ClientID: clientID, Title: r.Title, Proposed: r.Proposed, Decided: r.Decided,
		Decision: decision, EstimateMinor: r.Estimate.Minor, Note: r.Note, Key: r.Key()})
}

func (w *recordWriter) setting(r importer.SettingRecord) error {
	// A demo marker would let the demo generator overwrite a real database.
	if strings.HasPrefix(r.Name, "demo.") {
		return w.rowErr(r.Line(), "key", "%q belongs to the demo and is not imported", r.Name)
	}
	return w.tx.WriteSetting(r.Name, r.Value)
}
