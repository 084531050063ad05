package importer

// clientPresets are the client lists of tools whose other exports have
// presets elsewhere, so a client list from any of them brings name,
// contact, phone, address and seats in.
var clientPresets = []*Preset{
	{
		Name: "itflow-clients", Tool: "ITFlow", Kind: KindClients,
		Columns: []Column{
			req("name", "Client Name"),
			col("contact_name", "Contact Name", "Primary Contact Name"),
			col("contact_email", "Contact Email"),
			col("contact_phone", "Contact Phone", "Location Phone", "Contact Mobile"),
			col("address", "Location Address", "Primary Address"),
			col("city", "City"),
			col("region", "State"),
			col("postal_code", "Postal Code"),
			col("country", "Country"),
			col("currency", "Currency"),
			col("payment_terms", "Payment Terms"),
		},
		Signature: []string{"Referral"},
	},
	{
		Name: "invoiceninja-clients", Tool: "Invoice Ninja v4", Kind: KindClients,
		Columns: []Column{
			req("name", "Name"),
			col("first_name", "First Name"),
			col("last_name", "Last Name"),
			col("contact_email", "Email"),
			col("contact_phone", "Phone", "Work Phone"),
			col("address", "Billing Street", "Billing Address 1"),
			col("city", "Billing City"),
			col("region", "Billing State/Province", "Billing State"),
			col("postal_code", "Billing Postal Code"),
			col("country", "Billing Country"),
			col("currency", "Currency"),
		},
		Signature: []string{"Paid to Date"},
	},
	{
		Name: "invoicely-clients", Tool: "Invoicely", Kind: KindClients,
		Columns: []Column{
			req("name", "Client", "Client Name", "Organization"),
			col("contact_name", "Contact", "Contact Name"),
			col("contact_email", "Email"),
			col("contact_phone", "Phone"),
			col("address", "Address", "Street"),
			col("city", "City"),
			col("region", "State"),
			col("postal_code", "Zip", "Postal Code"),
			col("country", "Country"),
			col("currency", "Currency"),
		},
		Signature: []string{"Email"},
	},
	{
		Name: "freshdesk-companies", Tool: "Freshdesk", Kind: KindClients,
		Columns: []Column{
			req("name", "Name", "Company Name"),
			col("domains", "Domains"),
		},
		Signature: []string{"Domains"},
		Note:      "companies carry no contact: the first of their domains finds their requesters' tickets",
	},
}
