package importer

import "regexp"

func col(field string, names ...string) Column { return Column{Field: field, Names: names} }

func req(field string, names ...string) Column {
	return Column{Field: field, Names: names, Required: true}
}

// The tools' presets. Column names are the tools' own, taken from their
// export code or documented export grids; aliases cover variants and
// translated exports.
var toolPresets = []*Preset{
	{
		Name: "itflow-tickets", Tool: "ITFlow", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket Number"),
			col("priority", "Priority"),
			col("status", "Status"),
			col("summary", "Subject"),
			req("opened", "Date Opened"),
			col("resolved", "Date Resolved"),
			col("closed", "Date Closed"),
			col("client", "Client"),
		},
		// ITFlow's per-client export is named "<client>-Tickets-<date>.csv"
		// and has no client column.
		ClientFromFileName: regexp.MustCompile(`^(.+)-Tickets-\d{4}-\d{2}-\d{2}`),
		Note:               "per-client exports take the client from the file name",
	},
	{
		Name: "itflow-invoices", Tool: "ITFlow", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice Number"),
			req("amount", "Amount"),
			req("issued", "Issued Date"),
			col("due", "Due Date"),
			col("status", "Status"),
			// ITFlow writes the client's name as a seventh value under a
			// six-name header.
			col("client", "Client", "Column 7"),
			col("currency", "Currency"),
			col("paid_amount", "Paid"),
			col("balance", "Balance"),
		},
		ClientFromFileName: regexp.MustCompile(`^(.+)-Invoices-\d{4}-\d{2}-\d{2}`),
	},
	{
		Name: "itflow-payments", Tool: "ITFlow", Kind: KindPayments,
		Columns: []Column{
			req("date", "Date"),
			req("client", "Client"),
			req("amount", "Amount"),
			req("method", "Payment Method"),
			col("currency", "Currency"),
			col("reference", "Reference"),
		},
	},
	{
		Name: "connectwise-time", Tool: "ConnectWise PSA", Kind: KindTime,
		Columns: []Column{
			req("technician", "Member"),
			req("date", "Date"),
			col("billable", "Bill"),
			req("hours", "Hours"),
			req("ticket", "Ticket #"),
			col("client", "Company", "Company Name"),
			col("client_id", "Company ID"),
			col("notes", "Notes"),
		},
		Note: "time entries without a company column take the client of their ticket",
	},
	{
		Name: "connectwise-invoices", Tool: "ConnectWise PSA", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice"),
			req("amount", "Invoice Total"),
			req("issued", "Date"),
			col("due", "Due Date"),
			col("status", "Status"),
			col("balance", "Invoice Balance"),
			col("paid_amount", "Paid Amount"),
			col("paid_date", "Date Paid"),
			col("client", "Company Name", "Company"),
			col("client_id", "Company ID"),
		},
	},
	{
		Name: "autotask-tickets", Tool: "Autotask", Kind: KindTickets,
		Columns: []Column{
			req("summary", "[required] Title", "Title"),
			req("client", "[required] Company", "Company"),
			col("status", "[required] Status", "Status"),
			col("priority", "[required] Priority", "Priority"),
			req("opened", "Create Date/Time", "Created"),
			col("closed", "Complete Date/Time", "Completed"),
			col("external_id", "Ticket Number"),
			col("client_id", "Company ID"),
			col("category", "Issue Type"),
		},
	},
	{
		Name: "zendesk-tickets", Tool: "Zendesk", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Id", "ID"),
			col("client", "Organization"),
			col("requester_email", "Requester email"),
			req("summary", "Subject"),
			col("status", "Status"),
			col("priority", "Priority"),
			req("opened", "Created at"),
			col("resolved", "Solved at"),
			col("category", "Type", "Ticket type"),
		},
	},
	{
		Name: "freshdesk-tickets", Tool: "Freshdesk", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket ID"),
			col("summary", "Subject"),
			col("status", "Status"),
			col("priority", "Priority"),
			req("opened", "Created time"),
			col("resolved", "Resolved time"),
			col("closed", "Closed time"),
			col("client", "Company Name", "Company"),
			col("requester_email", "Email", "Contact Email"),
			col("category", "Type"),
		},
	},
	{
		Name: "osticket-tickets", Tool: "osTicket", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket Number"),
			req("opened", "Date Created"),
			col("summary", "Subject"),
			req("requester_email", "From Email"),
			col("priority", "Priority"),
			col("status", "Current Status"),
			col("closed", "Closed Date"),
			col("client", "Organization"),
			col("category", "Help Topic"),
		},
		Note: "osTicket exports no company: clients are found by the requester's email domain (client_domains in a mapping file, else the clients' contact emails)",
	},
	{
		Name: "kimai-time", Tool: "Kimai", Kind: KindTime,
		Columns: []Column{
			req("date", "Date", "Datum"),
			req("hours", "Duration", "Dauer"),
			req("client", "Customer", "Kunde"),
			col("notes", "Description", "Beschreibung"),
			col("billable", "Billable", "Abrechenbar"),
			col("technician", "User", "Benutzer"),
		},
	},
	{
		Name: "clockify-time", Tool: "Clockify", Kind: KindTime,
		Columns: []Column{
			req("client", "Client"),
			col("notes", "Description"),
			req("technician", "User"),
			col("billable", "Billable"),
			req("date", "Start Date"),
			// "Duration (h)" is h:mm:ss, exact to the second; the decimal
			// column is rounded to hundredths of an hour (36 seconds).
			req("hours", "Duration (h)", "Duration (decimal)"),
		},
	},
	{
		Name: "toggl-time", Tool: "Toggl Track", Kind: KindTime,
		Columns: []Column{
			req("technician", "User"),
			req("client", "Client"),
			col("notes", "Description"),
			col("billable", "Billable"),
			req("date", "Start date"),
			req("hours", "Duration"),
		},
	},
	{
		Name: "harvest-time", Tool: "Harvest", Kind: KindTime,
		Columns: []Column{
			req("date", "Date"),
			req("client", "Client"),
			col("notes", "Notes"),
			req("hours", "Hours"),
			col("billable", "Billable?"),
			col("first_name", "First Name", "First name"),
			col("last_name", "Last Name", "Last name"),
		},
	},
	{
		Name: "invoiceninja-invoices", Tool: "Invoice Ninja v4", Kind: KindInvoices,
		Columns: []Column{
			req("client", "Client"),
			req("number", "Invoice Number"),
			req("amount", "Amount"),
			col("paid_amount", "Paid"),
			col("status", "Status"),
			req("issued", "Invoice Date"),
			col("due", "Due Date"),
			col("line_cost", "Unit Cost", "Cost"),
			col("line_quantity", "Quantity", "Qty"),
		},
		Note: "one row per line item; rows are grouped by invoice number",
	},
	{
		Name: "invoiceninja-payments", Tool: "Invoice Ninja v4", Kind: KindPayments,
		Columns: []Column{
			req("client", "Client"),
			req("invoice", "Invoice Number"),
			req("amount", "Amount"),
			req("date", "Payment Date", "Date"),
			col("method", "Method"),
			col("reference", "Transaction Reference"),
		},
	},
}

// genericTranslations are column names in other languages accepted by the
// generic format, for files whose headers a spreadsheet translated.
var genericTranslations = map[string][]string{
	"client":      {"Kunde", "Cliente", "Klant"},
	"date":        {"Datum", "Fecha", "Data"},
	"hours":       {"Stunden", "Heures", "Horas", "Uren"},
	"amount":      {"Betrag", "Montant", "Importe", "Bedrag"},
	"number":      {"Rechnungsnummer", "Numéro de facture", "Número de factura"},
	"issued":      {"Rechnungsdatum", "Date de facture", "Fecha de factura"},
	"due":         {"Fälligkeitsdatum", "Date d'échéance", "Fecha de vencimiento"},
	"notes":       {"Notizen", "Bemerkungen"},
	"technician":  {"Techniker", "Technicien", "Técnico"},
	"billable":    {"Abrechenbar", "Facturable"},
	"summary":     {"Betreff", "Sujet", "Asunto"},
	"opened":      {"Erstellt", "Créé", "Creado"},
	"closed":      {"Geschlossen", "Fermé", "Cerrado"},
	"description": {"Beschreibung"},
}

// genericPreset builds the offboard format of a kind: columns named as our
// fields, plus their translations.
func genericPreset(k Kind) *Preset {
	p := &Preset{Name: "offboard-" + string(k), Tool: "offboard", Kind: k}
	for _, f := range Fields(k) {
		names := append([]string{f.Name}, genericTranslations[f.Name]...)
		p.Columns = append(p.Columns, Column{Field: f.Name, Names: names, Required: f.Required})
	}
	return p
}

var allPresets = func() []*Preset {
	out := append(append(append([]*Preset{}, toolPresets...), accountingPresets...), psaPresets...)
	out = append(append(out, securityPresets...), clientPresets...)
	for _, k := range Kinds() {
		out = append(out, genericPreset(k))
	}
	return out
}()
