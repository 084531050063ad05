package scoring

import (
	"fmt"
	"time"
)

// Window is the span of complete calendar months an assessment covers: from
// the first day of From's month up to, not including, To.
type Window struct {
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Months int       `json:"months"`
}

// Phrase renders the window for an evidence sentence.
func (w Window) Phrase() string {
	if w.Months == 1 {
		return "in the last month"
	}
	return fmt.Sprintf("in the last %d months", w.Months)
}

// monthIndex numbers calendar months so that consecutive months differ by one.
func monthIndex(t time.Time) int {
	t = t.UTC()
	return t.Year()*12 + int(t.Month()) - 1
}

func monthStart(index int) time.Time {
	return time.Date(index/12, time.Month(index%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// totals sums a client's monthly roll-ups over a span of calendar months.
type totals struct {
	MonthFacts
	months int // calendar months in the span, with or without a roll-up row
}

func (t *totals) add(m MonthFacts) {
	t.MinutesWorked += m.MinutesWorked
	t.BillableMinutes += m.BillableMinutes
	t.Tickets += m.Tickets
	t.AfterHoursTickets += m.AfterHoursTickets
	t.UrgentTickets += m.UrgentTickets
	t.OutOfScopeTickets += m.OutOfScopeTickets
	t.OutOfScopeMinutes += m.OutOfScopeMinutes
	t.UserSupportTickets += m.UserSupportTickets
	t.UserSupportMinutes += m.UserSupportMinutes
	t.OutOfScopeUserSupportTickets += m.OutOfScopeUserSupportTickets
	t.OutOfScopeUserSupportMinutes += m.OutOfScopeUserSupportMinutes
	t.Invoiced += m.Invoiced
	t.InvoicesIssued += m.InvoicesIssued
	t.InvoicesPaidLate += m.InvoicesPaidLate
	t.DaysLateSum += m.DaysLateSum
	t.PaidOnTime += m.PaidOnTime
	t.PaidLate1to7 += m.PaidLate1to7
	t.PaidLate8to15 += m.PaidLate8to15
	t.PaidLate16to30 += m.PaidLate16to30
	t.PaidLateOver30 += m.PaidLateOver30
}

func (t totals) hours() float64 { return float64(t.MinutesWorked) / 60 }

// paid counts the invoices in the span that have been paid.
func (t totals) paid() int {
	return t.PaidOnTime + t.PaidLate1to7 + t.PaidLate8to15 + t.PaidLate16to30 + t.PaidLateOver30
}

func (t totals) late() int {
	return t.PaidLate1to7 + t.PaidLate8to15 + t.PaidLate16to30 + t.PaidLateOver30
}

// bandMean is the average payment band of the paid invoices: 0 on time, 1
// for 1–7 days late, 2 for 8–15, 3 for 16–30, 4 for over 30.
func (t totals) bandMean() float64 {
	p := t.paid()
	if p == 0 {
		return 0
	}
	return float64(t.PaidLate1to7+2*t.PaidLate8to15+3*t.PaidLate16to30+4*t.PaidLateOver30) / float64(p)
}

// span is one client's months summed three ways: over the assessment
// window, and over the two trend periods.
type span struct {
	history int // complete months of history before the assessment month
	// recordsFrom is the month the records begin when that is after the
	// client's start and so where history starts; zero otherwise.
	recordsFrom time.Time
	window      totals
	recent      totals // the last TrendMonths months
	previous    totals // the TrendMonths months before those
}

// trendKnown reports whether the history covers both trend periods.
func (s span) trendKnown(cfg *Config) bool {
	return s.history >= 2*cfg.Stats.TrendMonths
}

// summarize sums a client's roll-ups. History starts with the client (its
// Since, else its first roll-up) or with the records, whichever is later:
// a month before the records begin is unknown, not empty, and counting it
// would dilute every rate. Months from the assessment month on are
// ignored: the window ends with the last complete month.
func summarize(f *ClientFacts, cfg *Config, end int) span {
	start := end
	switch {
	case !f.Since.IsZero():
		start = monthIndex(f.Since)
	case len(f.Months) > 0:
		start = monthIndex(f.Months[0].Month)
	}
	var s span
	if from := f.Records.From(); !from.IsZero() && monthIndex(from) > start {
		start = monthIndex(from)
		s.recordsFrom = monthStart(start)
	}
	s.history = max(0, end-start)
	s.window.months = min(cfg.Stats.WindowMonths, s.history)
	t := cfg.Stats.TrendMonths
	s.recent.months = min(t, s.history)
	s.previous.months = min(t, max(0, s.history-t))
	for _, m := range f.Months {
		age := end - monthIndex(m.Month) // 1 for the last complete month
		if age < 1 || age > s.history {
			continue
		}
		if age <= cfg.Stats.WindowMonths {
			s.window.add(m)
		}
		switch {
		case age <= t:
			s.recent.add(m)
		case age <= 2*t:
			s.previous.add(m)
		}
	}
	return s
}
