package importer

import "strings"

// fullName joins the first_name and last_name columns of exports that
// split a person's name in two.
func (p *rowParser) fullName() string {
	return strings.TrimSpace(p.text("first_name") + " " + p.text("last_name"))
}

// address joins the street with the city, region, postal code and country
// of exports that give each its own column, so that none is dropped.
func (p *rowParser) address() string {
	var parts []string
	for _, f := range []string{"address", "city", "region", "postal_code", "country"} {
		if v := p.text(f); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}

// domainAddress turns the first of a client's email domains ("acme.com,
// acme.co.uk") into the contact address "@acme.com", by which tickets and
// accounts of that domain find the client; "" when there is none.
func domainAddress(domains string) string {
	first, _, _ := strings.Cut(domains, ",")
	first = strings.TrimPrefix(strings.TrimSpace(first), "@")
	if first == "" {
		return ""
	}
	return "@" + strings.ToLower(first)
}
