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

// ExtendByDays is how far a review suggests pushing the plan's review back
// when it is extended.
const ExtendByDays = 30

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
	return OnWorkingDay(cal, CivilDay(meeting).AddDate(0, 0, ReviewAfterDays))
}

// SuggestExtension is the new review date a plan's review suggests when
// extending it: ExtendByDays after the current review date, or after today
// in zone (the client's, see ClientZone) when the review is held late, on
// a working day of cal, with why it moved as OnWorkingDay says it.
func SuggestExtension(cal calendar.Calendar, zone *time.Location, now, current time.Time) ReviewDay {
	day := CivilDay(current).AddDate(0, 0, ExtendByDays)
	if later := CivilDay(now.In(zone)).AddDate(0, 0, ExtendByDays); later.After(day) {
		day = later
	}
	return reviewDayOn(cal, day)
}

// ReviewDay is a review date as typed and where it falls.
type ReviewDay struct {
	// Typed is the day as typed, and Day the day the review is held: the
	// next working day when the business is closed on Typed. Both are
	// civil days (midnight UTC), as the record keeps dates.
	Typed, Day time.Time
	// Moved says why Day is not Typed, as OnWorkingDay says it; empty
	// when they are the same day.
	Moved string
}

// ReadReviewDay reads a review date as a form or the command line takes
// it ("2027-01-15", "+30d", "next fri": ReadDate), relative to now in zone,
// the client's (ClientZone), never this machine's: "today" is the client's
// today. A day cal has the business closed on moves to the next working
// day, and Moved says so.
func ReadReviewDay(text string, cal calendar.Calendar, zone *time.Location, now time.Time) (ReviewDay, error) {
	typed, err := ReadDate(text, now, zone, false)
	if err != nil {
		return ReviewDay{}, err
	}
	return reviewDayOn(cal, typed.Time), nil
}

// reviewDayOn is the review held on day, or the next working day of cal.
func reviewDayOn(cal calendar.Calendar, day time.Time) ReviewDay {
	r := ReviewDay{Typed: CivilDay(day)}
	r.Day, r.Moved = OnWorkingDay(cal, r.Typed)
	return r
}
