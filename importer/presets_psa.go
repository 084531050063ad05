package importer

// psaPresets are the PSAs' exports beyond the tickets and time of the tool
// presets: HaloPSA and Syncro tickets, invoices and time, Autotask and
// ConnectWise invoices, time and companies, and Kaseya BMS. Column names
// follow each tool's list views as exported to CSV.
var psaPresets = []*Preset{
	{
		Name: "halopsa-tickets", Tool: "HaloPSA", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket ID"),
			req("client", "Client", "Customer"),
			col("summary", "Summary"),
			col("status", "Status"),
			col("priority", "Priority"),
			req("opened", "Date Logged", "Date Opened"),
			col("closed", "Date Closed"),
			col("requester_email", "User Email"),
			col("category", "Category", "Category 1"),
		},
	},
	{
		Name: "halopsa-invoices", Tool: "HaloPSA", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice Number", "Invoice No"),
			req("client", "Client", "Customer"),
			req("issued", "Invoice Date"),
			col("due", "Due Date"),
			req("amount", "Total"),
			col("balance", "Amount Due"),
			col("paid_date", "Date Paid"),
			col("status", "Status"),
		},
		Signature: []string{"Site"},
	},
	{
		Name: "halopsa-time", Tool: "HaloPSA", Kind: KindTime,
		Columns: []Column{
			req("technician", "Agent"),
			req("date", "Date"),
			req("hours", "Time Taken"),
			col("ticket", "Ticket ID"),
			col("client", "Client", "Customer"),
			col("billable", "Billable"),
			col("notes", "Note"),
		},
	},
	{
		Name: "halopsa-clients", Tool: "HaloPSA", Kind: KindClients,
		Columns: []Column{
			req("name", "Client Name", "Customer Name"),
			col("external_id", "Client ID", "Customer ID"),
			col("contact_email", "Main Email", "Email"),
			col("contact_phone", "Main Phone", "Phone Number"),
			col("address", "Main Site Address"),
			col("seats", "Users", "Number of Users"),
		},
	},
	{
		Name: "syncro-tickets", Tool: "Syncro", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket Number", "Number"),
			req("client", "Business Name", "Customer"),
			req("summary", "Subject"),
			col("status", "Status"),
			col("priority", "Priority"),
			req("opened", "Created"),
			col("resolved", "Resolved"),
			col("requester_email", "Customer Email"),
			req("category", "Problem Type"),
		},
	},
	{
		Name: "syncro-invoices", Tool: "Syncro", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice Number", "Number"),
			req("client", "Business Name", "Customer"),
			req("issued", "Date"),
			col("due", "Due Date"),
			req("amount", "Total"),
			col("balance", "Balance Due"),
			col("status", "Status"),
		},
		Signature: []string{"Ticket"},
	},
	{
		Name: "syncro-time", Tool: "Syncro", Kind: KindTime,
		Columns: []Column{
			req("technician", "Tech", "Technician"),
			req("date", "Start Time", "Start At"),
			req("minutes", "Duration (min)", "Duration Minutes"),
			col("ticket", "Ticket Number", "Ticket"),
			col("client", "Business Name", "Customer"),
			col("billable", "Billable"),
			col("notes", "Notes"),
		},
	},
	{
		Name: "syncro-customers", Tool: "Syncro", Kind: KindClients,
		// The organisation export's columns are Syncro's field names
		// (business_name, firstname, mobile_phone); the list view's titles
		// are the variants.
		Columns: []Column{
			req("name", "business_name", "Business Name"),
			col("external_id", "id", "Customer ID"),
			col("first_name", "firstname", "First Name"),
			col("last_name", "lastname", "Last Name"),
			col("contact_email", "email"),
			col("contact_phone", "phone", "mobile_phone", "Mobile"),
			col("address", "Address"),
			col("city", "City"),
			col("region", "State"),
			col("postal_code", "Zip"),
		},
	},
	{
		Name: "autotask-invoices", Tool: "Autotask", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice Number"),
			req("client", "Organization", "Account"),
			col("client_id", "Organization ID", "Account ID"),
			req("issued", "Invoice Date"),
			col("due", "Due Date"),
			req("amount", "Total Amount", "Invoice Total"),
			col("paid_date", "Paid Date"),
			col("terms", "Payment Terms"),
		},
	},
	{
		Name: "autotask-time", Tool: "Autotask", Kind: KindTime,
		Columns: []Column{
			req("technician", "Resource"),
			req("date", "Date Worked"),
			req("hours", "Hours Worked"),
			col("ticket", "Ticket Number"),
			col("client", "Organization", "Account"),
			col("billable", "Billable"),
			col("notes", "Summary Notes"),
		},
	},
	{
		Name: "autotask-companies", Tool: "Autotask", Kind: KindClients,
		Columns: []Column{
			req("name", "Organization Name", "Account Name"),
			col("external_id", "Organization ID", "Account ID"),
			col("contact_phone", "Phone"),
			col("address", "Address 1"),
			col("city", "City"),
			col("region", "State"),
			col("postal_code", "Postal Code"),
			col("country", "Country"),
		},
	},
	{
		Name: "connectwise-companies", Tool: "ConnectWise PSA", Kind: KindClients,
		Columns: []Column{
			req("name", "Company Name"),
			col("external_id", "Company ID"),
			col("contact_name", "Contact"),
			col("contact_email", "Email"),
			col("contact_phone", "Phone"),
			col("address", "Address Line 1"),
			col("city", "City"),
			col("region", "State"),
			col("postal_code", "Zip"),
			col("status", "Status"),
		},
	},
	{
		Name: "kaseya-bms-invoices", Tool: "Kaseya BMS", Kind: KindInvoices,
		Columns: []Column{
			req("number", "Invoice #"),
			req("client", "Account Name"),
			req("issued", "Invoice Date"),
			col("due", "Due Date"),
			req("amount", "Invoice Amount"),
			col("balance", "Balance"),
			col("status", "Status"),
			col("terms", "Terms"),
		},
	},
	{
		Name: "kaseya-bms-tickets", Tool: "Kaseya BMS", Kind: KindTickets,
		Columns: []Column{
			req("external_id", "Ticket #"),
			req("client", "Account Name"),
			col("summary", "Title"),
			col("status", "Status"),
			col("priority", "Priority"),
			req("opened", "Open Date"),
			col("closed", "Closed Date"),
		},
	},
	{
		Name: "kaseya-bms-accounts", Tool: "Kaseya BMS", Kind: KindClients,
		Columns: []Column{
			req("name", "Account Name"),
			col("external_id", "Account Code"),
			col("contact_email", "Email"),
			col("contact_phone", "Phone"),
			col("address", "Address"),
			col("city", "City"),
			col("seats", "Number of Employees"),
		},
	},
}
