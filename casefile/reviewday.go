package casefile

import (
	"fmt"
	"time"

	"offboard/calendar"
	"offboard/letters"
)

// ReviewAfterDays is the default review date after the meeting: the end of
// a 30/60/90-day plan.
const ReviewAfterDays = 90

// OnWorkingDay is day when cal has the business open on it; otherwise the
// next working day, with where it moved from for a form to say beside the
// field: "moved from Sunday, 14 March 2027, not a working day". A review
// promised for a Sunday is a review nobody holds.
func OnWorkingDay(cal calendar.Calendar, day time.Time) (time.Time, string) {
	why := cal.ClosedBecause(day)
	if why == "" {
		return day, ""
	}
	if why == day.Weekday().String() {
		why = "" // the date already names the weekday
	} else {
		why = " (" + why + ")"
	}
	return cal.NextWorkingDay(day), fmt.Sprintf("moved from %s%s, not a working day", letters.FormatDate(day), why)
}

// SuggestReview is the review date a walkthrough suggests for a meeting:
// ReviewAfterDays later, on the next working day of cal when the business
// is closed then, with why it moved as OnWorkingDay says it.
func SuggestReview(cal calendar.Calendar, meeting time.Time) (time.Time, string) {
	day := time.Date(meeting.Year(), meeting.Month(), meeting.Day(), 0, 0, 0, 0, time.UTC)
	return OnWorkingDay(cal, day.AddDate(0, 0, ReviewAfterDays))
}
