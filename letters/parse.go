package letters

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseMoney reads an amount as an owner types it into a form, in the given
// currency: "18432.5", "18,432.50" or "USD 18,432.50" (the code, when given,
// must be currency's). It is the inverse of Money.String. More decimals
// than the currency has are an error rather than silently rounded.
func ParseMoney(text, currency string) (Money, error) {
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
	digits := currencyDigits(code)
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

// currencyDigits is the number of decimals of an ISO 4217 currency.
func currencyDigits(code string) int {
	if d, ok := minorDigits[code]; ok {
		return d
	}
	return 2
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
