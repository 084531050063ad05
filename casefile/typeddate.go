package casefile

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TypedDate is a day, and perhaps a time of day, read from what the owner
// typed into a form: ISO ("2026-12-04", "2026-12-04 14:20") or a few
// natural forms, which a form echoes back as a weekday and date so a slip
// ("fri" meant last Friday) shows before it is saved.
type TypedDate struct {
	// Time is the day at midnight, or the moment when HasTime, in the zone
	// it was read in.
	Time    time.Time
	HasTime bool
}

// dateForms is what a date field accepts, for error messages.
const dateForms = "write 2026-12-04, today, tomorrow, fri, next fri, last fri, 15 jan, +3d or in 2 weeks"

// ReadDate reads a typed date relative to now, in loc. withTime allows a
// time of day after the date ("tomorrow 14:00", "2026-12-04 09:30"); a
// date alone is then midnight. The natural forms:
//
//	today, tomorrow, yesterday
//	fri, friday       the coming Friday, today if it is one
//	next fri          the first Friday after today
//	last fri          the last Friday before today
//	15 jan, jan 15    the 15 January nearest today; 15 jan 2027 exactly
//	+3d, -1w, +2m     days, weeks or months from today
//	in 2 weeks, 3 days ago
func ReadDate(text string, now time.Time, loc *time.Location, withTime bool) (TypedDate, error) {
	raw := strings.TrimSpace(text)
	if raw == "" {
		return TypedDate{}, fmt.Errorf("no date: %s", dateForms)
	}
	norm := raw
	if len(norm) > 10 && norm[4] == '-' && norm[10] == 'T' {
		norm = norm[:10] + " " + norm[11:] // 2026-12-04T14:20
	}
	words := strings.Fields(strings.ToLower(norm))
	today := time.Date(now.In(loc).Year(), now.In(loc).Month(), now.In(loc).Day(), 0, 0, 0, 0, loc)
	var clock *[2]int
	if n := len(words); n > 1 && strings.Contains(words[n-1], ":") {
		hm, err := readClock(words[n-1])
		if err != nil {
			// Say what is wrong with the date as well, so one look fixes both.
			if _, dayErr := readDay(words[:n-1], today); dayErr != nil {
				return TypedDate{}, fmt.Errorf("%q is not a date: %v; and %w", raw, dayErr, err)
			}
			return TypedDate{}, err
		}
		if !withTime {
			return TypedDate{}, fmt.Errorf("%q: this field takes a date without a time", raw)
		}
		clock, words = &hm, words[:n-1]
		if k := len(words); k > 1 && words[k-1] == "at" {
			words = words[:k-1]
		}
	}
	day, err := readDay(words, today)
	if err != nil {
		return TypedDate{}, fmt.Errorf("%q is not a date: %w", raw, err)
	}
	if clock == nil {
		return TypedDate{Time: day}, nil
	}
	return TypedDate{Time: time.Date(day.Year(), day.Month(), day.Day(), clock[0], clock[1], 0, 0, loc), HasTime: true}, nil
}

// ISO is the date as forms store it: "2026-12-04", or "2026-12-04 14:20"
// with a time.
func (t TypedDate) ISO() string {
	if t.HasTime {
		return t.Time.Format(WhenLayout)
	}
	return t.Time.Format(time.DateOnly)
}

// Echo is the date as a person reads it back: "Friday 4 December 2026",
// with the time and its zone when one was typed, the zone named in full
// beside its abbreviation ("10:00 CST (America/Chicago)") so nobody
// mistakes whose ten o'clock it is.
func (t TypedDate) Echo() string {
	if t.HasTime {
		s := t.Time.Format("Monday 2 January 2006, 15:04 MST")
		if name := t.Time.Location().String(); name != t.Time.Format("MST") {
			s += " (" + name + ")"
		}
		return s
	}
	return t.Time.Format("Monday 2 January 2006")
}

// readClock reads "14:20" or "9:05".
func readClock(s string) ([2]int, error) {
	hh, mm, _ := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || len(mm) != 2 || len(hh) > 2 {
		return [2]int{}, fmt.Errorf("%q is not a time of day: write it like 14:20", s)
	}
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return [2]int{}, fmt.Errorf("%s is not a time of day: hours run 00 to 23, minutes 00 to 59", s)
	}
	return [2]int{h, m}, nil
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// weekday reads a weekday's name or its first three or more letters.
func weekday(s string) (time.Weekday, bool) {
	if len(s) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), s) {
			return d, true
		}
	}
	d, ok := weekdays[s]
	return d, ok
}

// month reads a month's name or its first three or more letters.
func month(s string) (time.Month, bool) {
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return m, true
		}
	}
	if s == "sept" {
		return time.September, true
	}
	return 0, false
}

// readDay reads the date words relative to today.
func readDay(words []string, today time.Time) (time.Time, error) {
	switch len(words) {
	case 0:
		return time.Time{}, fmt.Errorf("no date before the time: %s", dateForms)
	case 1:
		w := words[0]
		switch w {
		case "today":
			return today, nil
		case "tomorrow", "tmrw":
			return today.AddDate(0, 0, 1), nil
		case "yesterday":
			return today.AddDate(0, 0, -1), nil
		}
		if d, ok := weekday(w); ok {
			return today.AddDate(0, 0, (int(d)-int(today.Weekday())+7)%7), nil
		}
		if w[0] == '+' || w[0] == '-' {
			return offset(w, today)
		}
		if strings.Count(w, "-") == 2 {
			return isoDay(w, today.Location())
		}
	case 2:
		if d, ok := weekday(words[1]); ok {
			switch words[0] {
			case "next":
				return today.AddDate(0, 0, (int(d)-int(today.Weekday())+6)%7+1), nil
			case "last":
				return today.AddDate(0, 0, -((int(today.Weekday())-int(d)+6)%7 + 1)), nil
			case "this":
				return today.AddDate(0, 0, (int(d)-int(today.Weekday())+7)%7), nil
			}
		}
	case 3:
		if words[0] == "in" {
			return offset("+"+words[1]+words[2], today)
		}
		if words[2] == "ago" {
			return offset("-"+words[0]+words[1], today)
		}
	}
	if len(words) == 2 || len(words) == 3 {
		return dayMonth(words, today)
	}
	return time.Time{}, fmt.Errorf("%s", dateForms)
}

// isoDay reads YYYY-MM-DD and says which part is out of range.
func isoDay(s string, loc *time.Location) (time.Time, error) {
	parts := strings.Split(s, "-")
	y, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	d, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil || len(parts[0]) != 4 {
		return time.Time{}, fmt.Errorf("write the year, month and day as 2026-12-04")
	}
	return calendarDay(y, time.Month(m), d, loc)
}

// calendarDay is the day, or an error when the month or the day does not
// exist (2026-13-45, 31 April).
func calendarDay(y int, m time.Month, d int, loc *time.Location) (time.Time, error) {
	if m < time.January || m > time.December {
		return time.Time{}, fmt.Errorf("there is no month %d", int(m))
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	if d < 1 || t.Month() != m {
		return time.Time{}, fmt.Errorf("%s %d has no day %d", m, y, d)
	}
	return t, nil
}

// offset reads "+3d", "-2w", "+1m", "+3days", "+2weeks".
func offset(s string, today time.Time) (time.Time, error) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = s[1:]
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n > 3660 {
		return time.Time{}, fmt.Errorf("%s", dateForms)
	}
	n *= sign
	switch unit := strings.TrimSuffix(s[i:], "s"); unit {
	case "d", "day":
		return today.AddDate(0, 0, n), nil
	case "w", "wk", "week":
		return today.AddDate(0, 0, 7*n), nil
	case "m", "mo", "month":
		return today.AddDate(0, n, 0), nil
	}
	return time.Time{}, fmt.Errorf("%s", dateForms)
}

// dayMonth reads "15 jan", "jan 15", "15 january 2027" or "jan 15 2027".
// Without a year it is the occurrence nearest today, so "15 jan" typed in
// December is next month and "20 nov" is last month.
func dayMonth(words []string, today time.Time) (time.Time, error) {
	d, err := strconv.Atoi(strings.TrimSuffix(words[0], ","))
	m, ok := month(words[1])
	if err != nil || !ok {
		if m, ok = month(words[0]); !ok {
			return time.Time{}, fmt.Errorf("%s", dateForms)
		}
		if d, err = strconv.Atoi(strings.TrimSuffix(words[1], ",")); err != nil {
			return time.Time{}, fmt.Errorf("%s", dateForms)
		}
	}
	if len(words) == 3 {
		y, err := strconv.Atoi(words[2])
		if err != nil || len(words[2]) != 4 {
			return time.Time{}, fmt.Errorf("write the year in full, as 2027")
		}
		return calendarDay(y, m, d, today.Location())
	}
	best := time.Time{}
	var bestErr error
	for y := today.Year() - 4; y <= today.Year()+4; y++ {
		t, err := calendarDay(y, m, d, today.Location())
		if err != nil {
			// 29 February exists one year in four.
			bestErr = err
			continue
		}
		if best.IsZero() || absDays(t.Sub(today)) < absDays(best.Sub(today)) {
			best = t
		}
	}
	if best.IsZero() {
		return time.Time{}, bestErr
	}
	return best, nil
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
