package letters

import "time"

// Company is our side of every document: the MSP sending it. It comes from
// the owner's settings.
type Company struct {
	// Name is the company's legal or trading name.
	Name string
	// Address is the postal address, on one line or several.
	Address string
	// Signer is the person who signs letters.
	Signer string
	// SignerTitle is the signer's job title.
	SignerTitle string
	// Email is the contact email printed in the letterhead.
	Email string
	// Phone is the contact phone number printed in the letterhead.
	Phone string
}

// Missing lists, in letterhead order, the fields a letter needs that are
// unset: "company name", "company address", "signer", "signer title",
// "contact email", "contact phone".
func (c Company) Missing() []string {
	var missing []string
	for _, f := range []struct{ label, value string }{
		{"company name", c.Name},
		{"company address", c.Address},
		{"signer", c.Signer},
		{"signer title", c.SignerTitle},
		{"contact email", c.Email},
		{"contact phone", c.Phone},
	} {
		if isBlank(f.value) {
			missing = append(missing, f.label)
		}
	}
	return missing
}

// Client is the client a document is addressed to or about.
type Client struct {
	// Name is the client's company name.
	Name string
	// ContactName is the person the document is addressed to.
	ContactName string
	// ContactEmail is that person's email address.
	ContactEmail string
	// ContactTitle is that person's job title, printed under their name
	// where they sign; optional.
	ContactTitle string
	// Address is the client's postal address.
	Address string
}

// Agreement is the contract between us and the client.
type Agreement struct {
	// Name is the agreement's title, for example "Managed Services Agreement".
	Name string
	// Signed is the date the agreement was signed.
	Signed time.Time
	// TerminationClause is the clause that governs ending it, for example
	// "clause 14.2".
	TerminationClause string
	// NoticeDays is the notice period the agreement requires, in days.
	NoticeDays int
}

// Person is someone named in a document.
type Person struct {
	// Name is the person's full name.
	Name string
	// Role is their job title or role in the matter.
	Role string
	// Email is their email address; optional.
	Email string
	// Phone is their phone number; optional.
	Phone string
}

// Measure is one number behind a red flag, shown like a blood-test result
// beside its normal range (seed 002): "Average days late", "41 days",
// "0 to 12 days". The strings are written by the caller, which knows the units.
type Measure struct {
	// Name says what is measured.
	Name string
	// Value is the client's figure.
	Value string
	// Normal is the range across the portfolio; optional.
	Normal string
}

// DatedNote is a fact with the date it happened or was recorded.
type DatedNote struct {
	// Date is when it happened.
	Date time.Time
	// Text describes it.
	Text string
}
