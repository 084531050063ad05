package letters

import (
	"errors"
	"fmt"
	"time"
)

// Billing is how a licence is committed to with its vendor.
type Billing int

// A licence is billed monthly, and can be cancelled at a month's end, or
// committed for a year, and cannot be cancelled before its term ends.
const (
	BillingMonthly Billing = iota
	BillingAnnual
)

// String names the commitment in the letter: "Monthly", "Annual".
func (b Billing) String() string {
	if b == BillingAnnual {
		return "Annual"
	}
	return "Monthly"
}

// Licence is one licence we manage for the client, as the record holds it.
type Licence struct {
	// Product is the licence, for example "Microsoft 365 Business Premium".
	Product string
	// Quantity is the number of seats or units.
	Quantity int
	// TermEnds is the day the current term or commitment ends.
	TermEnds time.Time
	// Billing says whether it is committed monthly or annually.
	Billing Billing
}

// LicenceSource says where the licence section of the letter comes from.
type LicenceSource int

// The licence section is written from what the owner typed (the older
// form: AnnualLicences, or a sentence saying none is on an annual
// commitment), from the licences the record holds, or from the owner's
// confirmation that we manage none.
const (
	LicencesTyped LicenceSource = iota
	LicencesFromRecord
	LicencesNone
)

// FromRecord reports whether the section lists the record's licences.
func (s LicenceSource) FromRecord() bool { return s == LicencesFromRecord }

// None reports whether the owner confirmed that we manage no licences.
func (s LicenceSource) None() bool { return s == LicencesNone }

// licencesToComplete labels the marker the letter prints when the record
// holds no licences: the section asks rather than invents a sentence.
const licencesToComplete = "the licences we manage for you, each with product, quantity, term end, annual or monthly"

// HasAnnual reports whether any licence from the record is on an annual
// commitment.
func (in TerminationInput) HasAnnual() bool { return in.hasBilling(BillingAnnual) }

// HasMonthly reports whether any licence from the record is billed monthly.
func (in TerminationInput) HasMonthly() bool { return in.hasBilling(BillingMonthly) }

func (in TerminationInput) hasBilling(b Billing) bool {
	for _, l := range in.Licences {
		if l.Billing == b {
			return true
		}
	}
	return false
}

// licenceProblems are the contradictions Validate refuses.
func (in TerminationInput) licenceProblems() []error {
	var errs []error
	if in.LicenceSource != LicencesFromRecord && len(in.Licences) > 0 {
		errs = append(errs, errors.New("licences from the record are given, but the letter is not set to use them"))
	}
	if in.LicenceSource != LicencesTyped && len(in.AnnualLicences) > 0 {
		errs = append(errs, errors.New("typed annual licences are given, but the letter is set to other licences"))
	}
	for i, l := range in.Licences {
		if l.Quantity <= 0 {
			errs = append(errs, fmt.Errorf("licence %d %q has a quantity of %d", i+1, l.Product, l.Quantity))
		}
	}
	return errs
}

// licencesMissing lists what the licence section still needs before the
// letter can go out.
func (in TerminationInput) licencesMissing() []string {
	var missing []string
	switch in.LicenceSource {
	case LicencesFromRecord:
		if len(in.Licences) == 0 {
			missing = append(missing, licencesToComplete)
		}
		for i, l := range in.Licences {
			if isBlank(l.Product) {
				missing = append(missing, fmt.Sprintf("name of licence %d", i+1))
			}
			if l.TermEnds.IsZero() {
				missing = append(missing, fmt.Sprintf("term end of licence %d", i+1))
			}
		}
	case LicencesTyped:
		for i, l := range in.AnnualLicences {
			if isBlank(l.Product) {
				missing = append(missing, fmt.Sprintf("name of annual licence %d", i+1))
			}
			if l.TermEnds.IsZero() {
				missing = append(missing, fmt.Sprintf("commitment end of annual licence %d", i+1))
			}
		}
	}
	return missing
}
