package letters

import (
	"offboard/calendar"

	"fmt"
	"time"
)

// The documents deal in calendar days, not instants: a notice sent on
// 31 January is sent on that day wherever the reader is. Every date is
// therefore reduced to its year, month and day in the location it was given
// in, and arithmetic happens at midnight UTC, where no daylight-saving shift
// can turn a day into 23 or 25 hours.

// civil returns t's calendar day at midnight UTC.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays returns the calendar day n days after t (before t when n is
// negative). Month ends and 29 February are handled by the calendar, so
// 31 January 2028 plus 30 days is 1 March 2028.
func AddDays(t time.Time, n int) time.Time {
	return civil(t).AddDate(0, 0, n)
}

// DaysBetween returns the number of calendar days from a to b: 1 for
// consecutive days, negative when b is before a.
func DaysBetween(a, b time.Time) int {
	return int(civil(b).Sub(civil(a)).Hours() / 24)
}

// FormatDate writes a date the way the documents show it, with its weekday:
// "Monday, 4 January 2027". The zero time gives "".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Monday, 2 January 2006")
}

// EndRule says how an agreement fixes the day termination takes effect.
type EndRule int

const (
	// EndAfterNotice ends the agreement when the notice period has run from
	// the day notice is sent.
	EndAfterNotice EndRule = iota
	// EndAtTermEnd ends the agreement at the end of its current term, as
	// agreements that only end at renewal require, but never before the
	// notice period has run.
	EndAtTermEnd
)

// EffectiveDate computes the day termination takes effect: the last day on
// which services are provided, at whose close our access ends.
//
// The rule, in full:
//   - The notice period runs in calendar days from the day after notice is
//     sent, so the earliest effective date is sent + noticeDays (30 days
//     from 31 January 2028 is 1 March 2028, since 2028 is a leap year).
//   - With EndAfterNotice that earliest date is the effective date.
//   - With EndAtTermEnd the effective date is the term end if it falls
//     after the notice period, and otherwise the end of the notice period:
//     the effective date is never earlier than sent + noticeDays, because
//     the client is always owed their full notice (seed 002's real case gave
//     30 days to find a new provider). Whether a term end inside the notice
//     period renews the agreement for another term depends on its wording;
//     the owner can then enter the later date by hand.
//
// termEnd is only read with EndAtTermEnd, where it must be set.
func EffectiveDate(sent time.Time, noticeDays int, termEnd time.Time, rule EndRule) (time.Time, error) {
	if sent.IsZero() {
		return time.Time{}, fmt.Errorf("effective date: the date notice is sent is not set")
	}
	if noticeDays < 0 {
		return time.Time{}, fmt.Errorf("effective date: notice period of %d days is negative", noticeDays)
	}
	earliest := AddDays(sent, noticeDays)
	switch rule {
	case EndAfterNotice:
		return earliest, nil
	case EndAtTermEnd:
		if termEnd.IsZero() {
			return time.Time{}, fmt.Errorf("effective date: the agreement ends at its term end, but no term end date is set")
		}
		if end := civil(termEnd); end.After(earliest) {
			return end, nil
		}
		return earliest, nil
	default:
		return time.Time{}, fmt.Errorf("effective date: unknown end rule %d", rule)
	}
}

// ShortNoticeError reports a notice period shorter than the agreement's
// without the owner's explicit override.
type ShortNoticeError struct {
	// Used is the notice period the letter would give, in days.
	Used int
	// Agreed is the notice period the agreement requires, in days.
	Agreed int
}

// Error names both numbers so the owner sees what the agreement requires.
func (e *ShortNoticeError) Error() string {
	return fmt.Sprintf("notice of %d days is shorter than the %d days the agreement requires; give at least %d days or set the shorter-notice override",
		e.Used, e.Agreed, e.Agreed)
}

// CheckNotice returns a *ShortNoticeError when used is shorter than agreed
// and override is false. Shorter notice is sometimes right (seed 003: a
// client engaged in criminal activity), but it must be a deliberate choice.
func CheckNotice(used, agreed int, override bool) error {
	if used < 0 {
		return fmt.Errorf("notice period of %d days is negative", used)
	}
	if used < agreed && !override {
		return &ShortNoticeError{Used: used, Agreed: agreed}
	}
	return nil
}

// EffectiveDateOn is EffectiveDate on a business calendar: the day
// EffectiveDate computes, moved to the next working day when it falls on a
// weekend, a public holiday of the calendar's region or a day the business
// is closed, so that no agreement ends "at the close of business" on a
// Sunday or on Christmas Day. Moving forward only ever adds notice.
func EffectiveDateOn(cal calendar.Calendar, sent time.Time, noticeDays int, termEnd time.Time, rule EndRule) (time.Time, error) {
	eff, err := EffectiveDate(sent, noticeDays, termEnd, rule)
	if err != nil {
		return time.Time{}, err
	}
	return cal.NextWorkingDay(eff), nil
}

// PostDays is the number of working days a notice sent by post is taken to
// need to arrive. Notice clauses commonly deem a posted notice received two
// to five business days after posting; the agreement's own wording governs,
// and this default only makes the letter's warnings err on the safe side.
const PostDays = 3

// DeliveredOn is the day a notice sent on sent is taken to reach the client:
// the same day by email or by hand, PostDays working days later by post.
// A notice period that runs from receipt runs from this day.
func DeliveredOn(cal calendar.Calendar, sent time.Time, d Delivery) time.Time {
	if d == DeliveryPost {
		return cal.AddWorkingDays(sent, PostDays)
	}
	return civil(sent)
}
