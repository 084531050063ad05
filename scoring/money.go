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
