package importer

import (
	"offboard/money"
	"strings"
	"unicode"
)

// NumberFormat says how to read the numbers of one file.
type NumberFormat struct {
	// DecimalComma reads "2.000,5" as two thousand and a half. It is on for
	// files delimited by ";", the usual sign of a decimal-comma locale.
	DecimalComma bool
	// Cents reads an amount as an integer count of minor units.
	Cents bool
}

// currencySymbols maps the symbols that name one currency. "$" is absent on
// purpose: it is shared by many currencies, so the header or a setting must
// say which.
var currencySymbols = map[rune]string{'€': "EUR", '£': "GBP", '¥': "JPY", '₹': "INR", '₩': "KRW", '₽': "RUB", '₺': "TRY", '₪': "ILS", '₫': "VND"}

// ParseMoney reads an amount as exported by accounting tools: "$13.50",
// "($400.00)", "$-142.85", "1,020.00", "2.000,0" (with DecimalComma),
// "€ 12,50", "USD 100", "'13.50" (a spreadsheet formula guard) or, with
// Cents, "1350". The currency is "" unless the value names one; defCurrency
// fills it in and sets the number of minor digits.
func ParseMoney(s string, f NumberFormat, defCurrency string) (money.Money, error) {
	s = unguard(s)
	if s == "" {
		return money.Money{}, valueErr("an amount", "empty")
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	var num strings.Builder
	var letters strings.Builder
	currency := ""
	sign := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			num.WriteRune(r)
		case r == '-' || r == '+' || r == '−':
			if sign != 0 || (num.Len() > 0 && i != len(s)-1) {
				return money.Money{}, valueErr("an amount", "")
			}
			sign = 1
			if r != '+' {
				neg = !neg
			}
		case r == '$':
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’':
			// spaces and apostrophes group thousands in several locales
		case currencySymbols[r] != "":
			currency = currencySymbols[r]
		case unicode.IsLetter(r):
			letters.WriteRune(unicode.ToUpper(r))
		default:
			return money.Money{}, valueErr("an amount", "")
		}
	}
	if l := letters.String(); l != "" {
		if len(l) != 3 {
			return money.Money{}, valueErr("an amount", "")
		}
		currency = l
	}
	if currency == "" {
		currency = strings.ToUpper(defCurrency)
	}
	digits := money.MinorDigits(currency)
	var minor int64
	var err error
	if f.Cents {
		minor, err = parseCents(num.String())
	} else {
		minor, err = parseDecimal(num.String(), f.DecimalComma, digits)
	}
	if err != nil {
		return money.Money{}, err
	}
	if neg {
		minor = -minor
	}
	return money.Money{Minor: minor, Currency: currency}, nil
}

// unguard removes what spreadsheets and exporters wrap around a value to
// stop it being read as a formula: a leading apostrophe or ="...".
func unguard(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	s = strings.TrimPrefix(s, "'")
	return strings.TrimSpace(s)
}

func parseCents(s string) (int64, error) {
	if s == "" || strings.ContainsAny(s, ".,") {
		return 0, valueErr("an amount in cents", "")
	}
	return parseDigits(s, "an amount in cents")
}

// parseDecimal reads digits with grouping and decimal separators into an
// integer scaled by 10^digits. Extra fraction digits are rounded half away
// from zero, as accounting exports with four-place rates expect.
func parseDecimal(s string, decimalComma bool, digits int) (int64, error) {
	const what = "an amount"
	if s == "" {
		return 0, valueErr(what, "")
	}
	intPart, frac, err := splitDecimal(s, decimalComma)
	if err != nil {
		return 0, err
	}
	if intPart == "" && frac == "" {
		return 0, valueErr(what, "")
	}
	if intPart == "" {
		intPart = "0"
	}
	if len(intPart) > 15 {
		return 0, valueErr(what, "too large")
	}
	if frac != "" && !isDigits(frac) {
		return 0, valueErr(what, "")
	}
	n, err := parseDigits(intPart, what)
	if err != nil {
		return 0, err
	}
	for i := 0; i < digits; i++ {
		n *= 10
		if i < len(frac) {
			n += int64(frac[i] - '0')
		}
	}
	if len(frac) > digits && frac[digits] >= '5' {
		n++
	}
	return n, nil
}

// splitDecimal separates the integer digits (grouping removed) from the
// fraction digits. With both separators present the last one is the decimal
// mark; with one kind only, grouping is recognised by groups of three digits.
func splitDecimal(s string, decimalComma bool) (string, string, error) {
	const what = "an amount"
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	dec := byte(0)
	switch {
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			dec = '.'
		} else {
			dec = ','
		}
	case commas == 1:
		if decimalComma || len(s)-lastComma-1 != 3 {
			dec = ','
		}
	case dots == 1:
		if !decimalComma || len(s)-lastDot-1 != 3 {
			dec = '.'
		}
	}
	intPart, frac := s, ""
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if strings.ContainsAny(frac, ".,") || strings.IndexByte(intPart, dec) >= 0 {
			return "", "", valueErr(what, "")
		}
	}
	if strings.ContainsAny(intPart, ".,") {
		groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == '.' || r == ',' })
		if strings.Count(intPart, ".")+strings.Count(intPart, ",") != len(groups)-1 {
			return "", "", valueErr(what, "")
		}
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return "", "", valueErr(what, "")
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", "", valueErr(what, "")
			}
		}
		intPart = strings.Join(groups, "")
	}
	return intPart, frac, nil
}

func parseDigits(s, what string) (int64, error) {
	if s == "" || len(s) > 18 {
		return 0, valueErr(what, "")
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, valueErr(what, "")
		}
		n = n*10 + int64(c-'0')
	}
	return n, nil
}
