package letters

import (
	"strconv"
	"strings"
)

// Money is an amount held in the currency's minor unit (cents for USD), so
// that balances and rates never pick up floating-point error.
type Money struct {
	// Minor is the amount in minor units: 485000 is USD 4,850.00.
	Minor int64
	// Currency is the ISO 4217 code, for example "USD" or "GBP".
	Currency string
}

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.Minor == 0 }

// minorDigits lists the ISO 4217 currencies whose minor unit is not the
// usual hundredth; every other code is formatted with two decimals.
var minorDigits = map[string]int{
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	"CLP": 0, "ISK": 0, "JPY": 0, "KRW": 0, "PYG": 0, "UGX": 0, "VND": 0,
}

// String formats the amount as "USD 12,345.67": the ISO code first, because a
// bare "$" is ambiguous in a letter that may cross borders, then the amount
// with thousands separators and the currency's own number of decimals.
func (m Money) String() string {
	code := strings.ToUpper(strings.TrimSpace(m.Currency))
	digits, ok := minorDigits[code]
	if !ok {
		digits = 2
	}
	amount := m.Minor
	sign := ""
	if amount < 0 {
		sign = "-"
		amount = -amount
	}
	scale := int64(1)
	for range digits {
		scale *= 10
	}
	s := sign + groupThousands(strconv.FormatInt(amount/scale, 10))
	if digits > 0 {
		frac := strconv.FormatInt(amount%scale, 10)
		s += "." + strings.Repeat("0", digits-len(frac)) + frac
	}
	if code == "" {
		return s
	}
	return code + " " + s
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
