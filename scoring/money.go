package scoring

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatMoney formats an amount in minor units (cents) with a thousands
// separator and two decimals: 325000 becomes "3,250.00".
func FormatMoney(minor int64) string {
	sign := ""
	if minor < 0 {
		sign = "-"
		minor = -minor
	}
	whole := strconv.FormatInt(minor/100, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	fmt.Fprintf(&b, ".%02d", minor%100)
	return b.String()
}

// ParseMoney reads an amount written in major units ("65", "65.5",
// "1,250.00") into minor units.
func ParseMoney(s string) (int64, error) {
	clean := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	whole, frac, hasFrac := strings.Cut(clean, ".")
	if whole == "" || strings.HasPrefix(whole, "+") || (hasFrac && (len(frac) == 0 || len(frac) > 2)) {
		return 0, fmt.Errorf("%q is not an amount like 65.00", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount like 65.00", s)
	}
	var f int64
	if hasFrac {
		if len(frac) == 1 {
			frac += "0"
		}
		f, err = strconv.ParseInt(frac, 10, 64)
		if err != nil || f < 0 {
			return 0, fmt.Errorf("%q is not an amount like 65.00", s)
		}
	}
	if strings.HasPrefix(whole, "-") {
		return w*100 - f, nil
	}
	return w*100 + f, nil
}
