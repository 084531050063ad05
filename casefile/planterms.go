package casefile

import (
	"fmt"
	"strings"
	"time"
)

// TermItem is a standard term as one line of the plan.
type TermItem struct {
	Title string
	From  time.Time
	Note  string
}

// Items lists the terms that apply, as the plan states them.
func (t Terms) Items() []TermItem {
	var out []TermItem
	if t.Autopay {
		out = append(out, TermItem{Title: "Invoices are paid by automatic collection (autopay)", From: t.AutopayFrom})
	}
	if t.Scope != "" {
		out = append(out, TermItem{Title: "Scope of work as the agreement states it", Note: t.Scope})
	}
	if t.PriceChange {
		note := "from " + FormatMinor(t.CurrentMinor, t.Currency)
		if t.BreakEvenMinor > 0 {
			note += "; break-even " + FormatMinor(t.BreakEvenMinor, t.Currency)
		}
		out = append(out, TermItem{Title: "Monthly fee of " + FormatMinor(t.NewPriceMinor, t.Currency),
			From: t.PriceFrom, Note: note})
	}
	return out
}

// FormatMinor writes an amount of minor units as "USD 4,800.00".
func FormatMinor(minor int64, currency string) string {
	sign := ""
	if minor < 0 {
		sign, minor = "-", -minor
	}
	whole := fmt.Sprint(minor / 100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	s := fmt.Sprintf("%s%s.%02d", sign, b.String(), minor%100)
	if currency == "" {
		return s
	}
	return currency + " " + s
}
