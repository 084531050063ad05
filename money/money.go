// Package money holds amounts of money: an integer count of a currency's
// minor unit, the currency's ISO 4217 exponent, and the ways the program
// writes and reads amounts. It imports nothing of the project's, so every
// package (the store, the importer, scoring, letters, the front ends) can
// share one definition and one table of minor digits.
package money

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount held in the currency's minor unit (cents for USD), so
// that balances and rates never pick up floating-point error.
type Money struct {
	// Minor is the amount in minor units: 485000 is USD 4,850.00.
	Minor int64
	// Currency is the ISO 4217 code, for example "USD" or "GBP"; empty when
	// neither the value nor its source named one.
	Currency string
}

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.Minor == 0 }

// minorDigits lists the ISO 4217 currencies whose minor unit is not the
// usual hundredth (the exponents of the standard's current list); every
// other code has two decimals.
var minorDigits = map[string]int{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
	"PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	"CLF": 4, "UYW": 4,
}

// MinorDigits returns how many decimal places a currency's minor unit has.
func MinorDigits(currency string) int {
	if d, ok := minorDigits[strings.ToUpper(strings.TrimSpace(currency))]; ok {
		return d
	}
	return 2
}

// String formats the amount as "USD 12,345.67": the ISO code first, because a
// bare "$" is ambiguous in a letter that may cross borders, then the amount
// with thousands separators and the currency's own number of decimals.
func (m Money) String() string {
	code := strings.ToUpper(strings.TrimSpace(m.Currency))
	s := Grouped(m.Minor, code)
	if code == "" {
		return s
	}
	return code + " " + s
}

// Grouped writes minor units with thousands separators and the currency's
// decimals, without the code: 325000 in USD is "3,250.00".
func Grouped(minor int64, currency string) string {
	whole, frac, neg := split(minor, MinorDigits(currency))
	s := groupThousands(whole)
	if frac != "" {
		s += "." + frac
	}
	if neg {
		return "-" + s
	}
	return s
}

// Plain writes minor units as a plain decimal ("-1234.50") with the
// currency's number of minor digits: the form the generic CSV format uses
// and Parse reads back exactly.
func Plain(minor int64, currency string) string {
	whole, frac, neg := split(minor, MinorDigits(currency))
	s := whole
	if frac != "" {
		s += "." + frac
	}
	if neg {
		return "-" + s
	}
	return s
}

// split returns the whole and fractional digits of an amount.
func split(minor int64, digits int) (whole, frac string, neg bool) {
	u := uint64(minor)
	if minor < 0 {
		neg, u = true, uint64(-minor)
	}
	scale := uint64(1)
	for range digits {
		scale *= 10
	}
	whole = strconv.FormatUint(u/scale, 10)
	if digits > 0 {
		f := strconv.FormatUint(u%scale, 10)
		frac = strings.Repeat("0", digits-len(f)) + f
	}
	return whole, frac, neg
}

// groupThousands inserts a comma every three digits from the right.
func groupThousands(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Parse reads an amount as an owner types it into a form, in the given
// currency: "18432.5", "18,432.50" or "USD 18,432.50" (the code, when given,
// must be currency's). It is the inverse of String and of Plain. More
// decimals than the currency has are an error rather than silently rounded.
func Parse(text, currency string) (Money, error) {
	code := strings.ToUpper(strings.TrimSpace(currency))
	s := strings.TrimSpace(text)
	if fields := strings.Fields(s); len(fields) == 2 {
		if !strings.EqualFold(fields[0], code) {
			return Money{}, fmt.Errorf("amount %q: currency %s is not the client's %s", text, fields[0], code)
		}
		s = fields[1]
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.ReplaceAll(strings.TrimPrefix(s, "-"), ",", "")
	whole, frac, _ := strings.Cut(s, ".")
	digits := MinorDigits(code)
	if whole == "" || len(frac) > digits || !allDigits(whole) || !allDigits(frac) {
		return Money{}, fmt.Errorf("amount %q: want a number such as 1250.00, with at most %d decimals", text, digits)
	}
	frac += strings.Repeat("0", digits-len(frac))
	minor, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return Money{}, fmt.Errorf("amount %q: %w", text, err)
	}
	if neg {
		minor = -minor
	}
	return Money{Minor: minor, Currency: code}, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
