package importer

// FieldType is the type of value a field holds, which decides its parser.
type FieldType int

// The field types.
const (
	TypeText FieldType = iota
	TypeDate
	TypeMoney
	TypeCents
	TypeHours   // a duration; a bare number is hours
	TypeMinutes // a duration; a bare number is minutes
	TypeInt
	TypeDecimal
	TypeBool
	TypePercent
)

// Field is one thing offboard reads from a file of some kind. Its name is
// also the column name in the generic offboard format.
type Field struct {
	Name string
	Type FieldType
	// Required fields must be mapped to a column and hold a value.
	Required bool
	// Alternative fields are other ways in for a value another field
	// holds (hours for minutes, cents for an amount); the generic format
	// reads them but an export does not write them.
	Alternative bool
	Help        string
}

// ExportFields returns the columns of the generic format as offboard
// writes it: every field but the alternatives.
func ExportFields(k Kind) []Field {
	var out []Field
	for _, f := range kindFields[k] {
		if !f.Alternative {
			out = append(out, f)
		}
	}
	return out
}

// Fields returns the fields of a kind, in the column order of the generic
// offboard format.
func Fields(k Kind) []Field {
	return kindFields[k]
}

var clientRefFields = []Field{
	{Name: "client_id", Help: "the client's id in the source tool"},
	{Name: "client", Help: "the client's name"},
}

// withClient puts the client columns after a kind's key column.
func withClient(fs ...Field) []Field {
	out := append([]Field{fs[0]}, clientRefFields...)
	return append(out, fs[1:]...)
}

var kindFields = map[Kind][]Field{
	KindSettings: {
		{Name: "key", Required: true, Help: "a settings key, such as business.hours"},
		{Name: "value"},
	},
	KindClients: {
		{Name: "external_id", Help: "the client's id in the source tool"},
		{Name: "name", Required: true},
		{Name: "contact_name"},
		{Name: "first_name", Help: "joined with last_name as the contact's name", Alternative: true},
		{Name: "last_name", Alternative: true},
		{Name: "contact_email"},
		{Name: "contact_phone", Help: "the main phone number"},
		{Name: "domains", Help: "the client's email domains; with no contact email, the first finds the client's requesters and accounts", Alternative: true},
		{Name: "address", Help: "the street; city, region, postal_code and country are appended"},
		{Name: "city", Alternative: true},
		{Name: "region", Help: "state or province", Alternative: true},
		{Name: "postal_code", Alternative: true},
		{Name: "country", Alternative: true},
		{Name: "seats", Type: TypeInt},
		{Name: "mrr", Type: TypeMoney, Help: "monthly recurring revenue"},
		{Name: "currency"},
		{Name: "agreement", Help: "the agreement's name"},
		{Name: "agreement_signed", Type: TypeDate},
		{Name: "termination_clause", Help: "where the agreement sets out termination"},
		{Name: "notice_days", Type: TypeInt},
		{Name: "term_end", Type: TypeDate},
		{Name: "time_zone", Help: "the client's IANA time zone, such as America/New_York"},
		{Name: "client_since", Type: TypeDate},
		{Name: "payment_terms", Help: "default terms of the client's invoices, such as Net 30, EOM or Due on receipt: they date an invoice that gives neither a due date nor terms"},
		{Name: "status", Help: "active, watch, remediation, notice, offboarded or re-engaged"},
	},
	KindTickets: withClient(
		Field{Name: "external_id", Help: "the ticket number"},
		Field{Name: "requester_email", Help: "maps to a client by email domain when there is no client column", Alternative: true},
		Field{Name: "opened", Type: TypeDate, Required: true},
		Field{Name: "resolved", Type: TypeDate, Help: "used as closed when there is no closed time", Alternative: true},
		Field{Name: "closed", Type: TypeDate},
		Field{Name: "priority"},
		Field{Name: "status"},
		Field{Name: "summary"},
		Field{Name: "after_hours", Type: TypeBool},
		Field{Name: "out_of_scope", Type: TypeBool},
		Field{Name: "category", Help: "the ticket's type or category in the helpdesk; one naming user support (see UserSupport) marks work a narrower agreement would exclude"},
	),
	KindTime: withClient(
		Field{Name: "external_id"},
		Field{Name: "ticket", Help: "the ticket number the time was spent on"},
		Field{Name: "date", Type: TypeDate, Required: true},
		Field{Name: "hours", Type: TypeHours, Help: "decimal hours, h:mm or h:mm:ss", Alternative: true},
		Field{Name: "minutes", Type: TypeMinutes, Help: "minutes, or h:mm:ss to the second"},
		Field{Name: "billable", Type: TypeBool},
		Field{Name: "technician"},
		Field{Name: "first_name", Help: "joined with last_name as the technician", Alternative: true},
		Field{Name: "last_name", Alternative: true},
		Field{Name: "notes"},
	),
	KindInvoices: withClient(
		Field{Name: "number", Required: true},
		Field{Name: "issued", Type: TypeDate, Required: true},
		Field{Name: "due", Type: TypeDate},
		Field{Name: "terms", Help: "payment terms such as Net 30, which date an invoice without a due date", Alternative: true},
		Field{Name: "paid_date", Type: TypeDate},
		Field{Name: "amount", Type: TypeMoney, Help: "the invoice total; summed from line items when absent"},
		Field{Name: "amount_cents", Type: TypeCents, Alternative: true},
		Field{Name: "balance", Type: TypeMoney},
		Field{Name: "paid_amount", Type: TypeMoney, Alternative: true},
		Field{Name: "currency"},
		Field{Name: "status"},
		Field{Name: "line_total", Type: TypeMoney, Alternative: true},
		Field{Name: "line_cost", Type: TypeMoney, Alternative: true},
		Field{Name: "line_quantity", Type: TypeDecimal, Alternative: true},
	),
	KindPayments: withClient(
		Field{Name: "external_id"},
		Field{Name: "invoice", Help: "the number of the invoice paid"},
		Field{Name: "date", Type: TypeDate, Required: true},
		Field{Name: "amount", Type: TypeMoney},
		Field{Name: "amount_cents", Type: TypeCents, Alternative: true},
		Field{Name: "currency"},
		Field{Name: "method"},
		Field{Name: "reference"},
	),
	KindIncidents: withClient(
		Field{Name: "external_id"},
		Field{Name: "occurred", Type: TypeDate, Required: true},
		Field{Name: "category", Required: true, Help: "abuse, security, data_compliance, criminal, scope, declined_upgrade, naivete, after_hours or other"},
		Field{Name: "severity", Type: TypeInt, Help: "1 (minor) to 5 (severe)"},
		Field{Name: "description"},
		Field{Name: "reported_by"},
	),
	// A security file is either one snapshot a row, or a report with one
	// account (an identity report) or one device (an RMM report) a row,
	// which is gathered into a snapshot per client (see securityTally).
	KindSecurity: append(append([]Field{}, clientRefFields...),
		Field{Name: "taken", Type: TypeDate, Help: "the snapshot's day; in a report of accounts or devices, the newest date dates the report; a file without one needs the day given (--taken)"},
		Field{Name: "mfa_coverage", Type: TypePercent, Help: "blank when the snapshot does not say"},
		Field{Name: "patch_compliance", Type: TypePercent, Help: "blank when the snapshot does not say"},
		Field{Name: "eol_devices", Type: TypeInt, Help: "devices past end of life"},
		Field{Name: "total_devices", Type: TypeInt},
		Field{Name: "backup_status", Help: "ok, warning, failing or none; in a report of devices, the device's"},
		Field{Name: "mfa_accounts", Type: TypeInt, Help: "the accounts mfa_coverage was counted over"},
		Field{Name: "mfa_registered", Type: TypeInt, Help: "the accounts of mfa_accounts registered for MFA"},
		Field{Name: "patch_compliant", Type: TypeInt, Help: "devices fully patched"},
		Field{Name: "patch_unknown", Type: TypeInt, Help: "devices with no patch status, counted as not patched"},
		Field{Name: "os_unknown", Type: TypeInt, Help: "devices whose end of life could not be judged from their operating system"},
		Field{Name: "account", Help: "an account's user principal name or email: one account a row, the client found by its domain", Alternative: true},
		Field{Name: "mfa", Help: "whether the account is registered for MFA: yes/no, true/false, Registered/Not registered, Capable/Not capable", Alternative: true},
		Field{Name: "account_type", Help: "member or guest; guests are left out, their MFA is their own organisation's", Alternative: true},
		Field{Name: "device", Help: "a device's name: one device a row", Alternative: true},
		Field{Name: "os", Help: "the device's operating system, judged against its publisher's end-of-support date", Alternative: true},
		Field{Name: "os_eol", Type: TypeBool, Help: "whether the device's operating system is past its end of life, where the tool says", Alternative: true},
		Field{Name: "patch_status", Help: "the device's patch status as the tool words it", Alternative: true},
		Field{Name: "missing_patches", Type: TypeInt, Help: "the patches the device lacks; 0 is fully patched", Alternative: true},
	),
	// A remediation plan is written one row per item, the plan's columns
	// repeated on each (seeds 003, 004).
	KindPlans: append(append([]Field{}, clientRefFields...),
		Field{Name: "created", Type: TypeDate, Required: true, Help: "when the plan was started; with the client, its key"},
		Field{Name: "status", Help: "draft, agreed, partly_agreed, refused, extended, resolved or failed"},
		Field{Name: "meeting_at", Type: TypeDate},
		Field{Name: "meeting_place"},
		Field{Name: "attendees_ours"},
		Field{Name: "attendees_theirs"},
		Field{Name: "contributors"},
		Field{Name: "review_on", Type: TypeDate},
		Field{Name: "baseline_from", Type: TypeDate},
		Field{Name: "baseline_to", Type: TypeDate},
		Field{Name: "outcome_note"},
		Field{Name: "updated", Type: TypeDate},
		Field{Name: "closed", Type: TypeDate},
		Field{Name: "item_position", Type: TypeInt},
		Field{Name: "item_kind", Help: "topic, action or term"},
		Field{Name: "item_flag", Help: "the red flag the item answers"},
		Field{Name: "item_title"},
		Field{Name: "item_evidence"},
		Field{Name: "item_client_said"},
		Field{Name: "item_we_change"},
		Field{Name: "item_owner_side", Help: "us or client"},
		Field{Name: "item_owner_name"},
		Field{Name: "item_due", Type: TypeDate},
		Field{Name: "item_target"},
		Field{Name: "item_done", Type: TypeDate},
		Field{Name: "item_note"},
	),
	KindUpgrades: withClient(
		Field{Name: "external_id"},
		Field{Name: "title", Required: true, Help: "what we recommended, such as replacing end-of-life PCs"},
		Field{Name: "proposed", Type: TypeDate, Required: true},
		Field{Name: "decided", Type: TypeDate},
		Field{Name: "decision", Help: "pending, accepted or declined"},
		Field{Name: "estimate", Type: TypeMoney},
		Field{Name: "note"},
	),
}

func fieldByName(k Kind, name string) (Field, bool) {
	for _, f := range kindFields[k] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
