package tui

import (
	"errors"
	"strings"
	"time"

	"offboard/casefile"
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
