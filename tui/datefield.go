package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"offboard/calendar"
	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
)

// dateHelp is the placeholder of a date field: the forms it reads.
const dateHelp = "2026-12-04, today, fri, next fri, 15 jan, +3d"

// dateInput is the check and settle of a field taking a date, or a date
// and a time with withTime: what is typed is read as casefile.ReadDate
// reads it, relative to now in loc, and echoed back as a weekday and date
// (and zone with a time); on leaving the field it is kept in its ISO form,
// so a saved "fri" cannot drift to another Friday. Empty is allowed here;
// a form that needs the date says so when it is submitted.
func dateInput(now func() time.Time, loc *time.Location, withTime bool) (check func(string) (string, error), settle func(string) string) {
	read := func(s string) (casefile.TypedDate, error) { return casefile.ReadDate(s, now(), loc, withTime) }
	check = func(s string) (string, error) {
		if strings.TrimSpace(s) == "" {
			return "", nil
		}
		d, err := read(s)
		if err != nil {
			return "", err
		}
		return d.Echo(), nil
	}
	settle = func(s string) string {
		if d, err := read(s); err == nil {
			return d.ISO()
		}
		return s
	}
	return check, settle
}

// dateLine is a one-line field over p taking a date (and a time with
// withTime).
func dateLine(label, hint string, p *string, now func() time.Time, loc *time.Location, withTime bool) *field {
	f := line(label, hint, p)
	f.check, f.settle = dateInput(now, loc, withTime)
	return f
}

// zoneOr is loc, or UTC until the client's zone is known: never this
// machine's zone, which is no client's.
func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// movedDay is a review date a form moved off a closed day: the day it
// moved to and from (ISO), and why, for the field to keep saying so after
// the cursor left it.
type movedDay struct{ to, from, why string }

// reviewDayLine is a one-line field over p taking a review date, read in
// zone (the client's) as casefile.ReadReviewDay reads it: a day cal has the
// business closed on moves to the next working day as the cursor leaves
// the field, and the field says so beside it, then and afterwards (moved
// keeps it, and a date suggested already moved can be set there too).
func reviewDayLine(label, hint string, p *string, now func() time.Time, zone *time.Location, cal calendar.Calendar, moved *movedDay) *field {
	f := dateLine(label, hint, p, now, zone, false)
	read := func(s string) (casefile.ReviewDay, error) { return casefile.ReadReviewDay(s, cal, zone, now()) }
	echo := f.check
	f.check = func(s string) (string, error) {
		note, err := echo(s)
		if err != nil || note == "" {
			return note, err
		}
		if d, _ := read(s); d.Moved != "" {
			return fmt.Sprintf("%s is not a working day: it moves to %s", letters.FormatDate(d.Typed), letters.FormatDate(d.Day)), nil
		}
		if moved.why != "" && s == moved.to {
			return note + " · " + moved.why, nil
		}
		return note, nil
	}
	f.settle = func(s string) string {
		d, err := read(s)
		if err != nil {
			return s
		}
		iso := store.Date(d.Day)
		if d.Moved != "" {
			*moved = movedDay{to: iso, from: store.Date(d.Typed), why: d.Moved}
		}
		return iso
	}
	return f
}

// required wraps a check so that an empty value is an error saying what
// is needed.
func required(check func(string) (string, error), need string) func(string) (string, error) {
	return func(s string) (string, error) {
		if strings.TrimSpace(s) == "" {
			return "", errors.New(need)
		}
		if check == nil {
			return "", nil
		}
		return check(s)
	}
}
