package letters

import (
	"fmt"
	"time"
)

// Warnings are the problems a lawyer would raise about a letter that
// Validate still lets through, because the owner may have a reason: a
// back-dated letter, a posted notice without time for delivery, dates on
// days the business is closed, a final invoice before the services it
// covers, a balance without its invoices. today is the day the owner is
// working on the letter. The sentences name the dates and what to do.
func (in TerminationInput) Warnings(today time.Time) []string {
	var out []string
	if back := DaysBetween(in.Sent, today); !in.Sent.IsZero() && back > 0 {
		out = append(out, fmt.Sprintf("The letter is dated %s, %s before today. Notice counts from the day it is given, so a back-dated letter does not start the notice period earlier; date it today, %s.",
			FormatDate(in.Sent), plural(back, "day", "days"), FormatDate(civil(today))))
	}
	if in.Delivery == DeliveryPost && !in.Sent.IsZero() && !in.Effective.IsZero() {
		arrives := DeliveredOn(in.Calendar, in.Sent, DeliveryPost)
		if end := in.Calendar.NextWorkingDay(AddDays(arrives, in.NoticeDays)); civil(in.Effective).Before(end) {
			out = append(out, fmt.Sprintf("Sent by post, the notice is taken to arrive on %s, %s after posting; counted from then, %s of notice give an earliest effective date of %s, later than the letter's %s. Move the effective date, or send the notice by email or by hand.",
				FormatDate(arrives), plural(PostDays, "working day", "working days"), plural(in.NoticeDays, "day", "days"), FormatDate(end), FormatDate(in.Effective)))
		}
	}
	for _, d := range []struct {
		what    string
		day     time.Time
		forward bool
	}{
		{"effective date", in.Effective, true},
		{"data export", in.Handoff.ExportDate, false},
		{"credentials handover", in.Handoff.CredentialsDate, false},
		{"licence and domain transfer", in.Handoff.TransferDate, false},
		{"final invoice", in.FinalInvoice, true},
		{"data retention deadline", in.RetentionDeadline, true},
	} {
		if d.day.IsZero() || in.Calendar.IsWorkingDay(d.day) {
			continue
		}
		move, which := in.Calendar.PreviousWorkingDay(d.day), "working day before"
		if d.forward {
			move, which = in.Calendar.NextWorkingDay(d.day), "next working day"
		}
		out = append(out, fmt.Sprintf("The %s, %s, falls on %s, when the business is closed; the %s is %s.",
			d.what, FormatDate(d.day), closedName(in.Calendar.ClosedBecause(d.day)), which, FormatDate(move)))
	}
	if in.Statement == nil && !in.FinalInvoice.IsZero() && !in.Effective.IsZero() && !civil(in.FinalInvoice).After(civil(in.Effective)) {
		out = append(out, fmt.Sprintf("The final invoice on %s comes before the end of the services it covers, on %s; issue it on %s.",
			FormatDate(in.FinalInvoice), FormatDate(in.Effective), FormatDate(FinalInvoiceDate(in.Calendar, in.Effective))))
	}
	if in.Statement == nil && !in.Balance.IsZero() {
		out = append(out, fmt.Sprintf("The balance of %s is one figure; list the unpaid invoices so that the letter separates what is overdue from what is not yet due.", in.Balance))
	}
	return out
}

// closedName turns calendar.ClosedBecause's reason into words that follow
// "falls on": "a Sunday", "Christmas Day", "a closed day of the business".
func closedName(reason string) string {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if reason == d.String() {
			return "a " + reason
		}
	}
	return reason
}
