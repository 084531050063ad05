package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"
)

// BusinessHours says when our staff are on duty. A ticket opened outside
// them, read in the client's own time zone, is after hours (seed 000, "Mr.
// Urgent").
type BusinessHours struct {
	Zone  *time.Location
	Start int // minutes after midnight
	End   int // minutes after midnight
	Days  [7]bool
}

// DefaultBusinessHours is 08:00 to 18:00, Monday to Friday, in UTC.
func DefaultBusinessHours() BusinessHours {
	h := BusinessHours{Zone: time.UTC, Start: 8 * 60, End: 18 * 60}
	for d := time.Monday; d <= time.Friday; d++ {
		h.Days[d] = true
	}
	return h
}

// LoadBusinessHours reads the business hours from the settings, keeping the
// default for any key that is unset or unreadable.
func LoadBusinessHours(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (BusinessHours, error) {
	h := DefaultBusinessHours()
	get := func(key string) (string, error) {
		var v string
		err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if err == sql.ErrNoRows {
			return "", nil
		}
		return v, err
	}
	for _, key := range []string{SettingBusinessTimeZone, SettingBusinessHours, SettingBusinessDays} {
		v, err := get(key)
		if err != nil {
			return h, err
		}
		if v == "" {
			continue
		}
		switch key {
		case SettingBusinessTimeZone:
			if loc, err := time.LoadLocation(v); err == nil {
				h.Zone = loc
			}
		case SettingBusinessHours:
			from, to, _ := strings.Cut(v, "-")
			start, ok1 := clockMinutes(strings.TrimSpace(from))
			end, ok2 := clockMinutes(strings.TrimSpace(to))
			if ok1 && ok2 && end > start {
				h.Start, h.End = start, end
			}
		case SettingBusinessDays:
			if days, ok := weekdays(v); ok {
				h.Days = days
			}
		}
	}
	return h, nil
}

// AfterHours reports whether t falls outside business hours, read in loc
// (the client's zone) or, when loc is nil, in our own.
func (h BusinessHours) AfterHours(t time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = h.Zone
	}
	local := t.In(loc)
	if !h.Days[local.Weekday()] {
		return true
	}
	m := local.Hour()*60 + local.Minute()
	return m < h.Start || m >= h.End
}

func clockMinutes(s string) (int, bool) {
	hh, mm, ok := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if !ok || err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h*60+m > 24*60 {
		return 0, false
	}
	return h*60 + m, true
}

// weekdays reads "Mon-Fri", "Mon,Tue,Thu" or "Mon-Wed,Fri".
func weekdays(s string) ([7]bool, bool) {
	var days [7]bool
	index := func(name string) (int, bool) {
		name = strings.ToLower(strings.TrimSpace(name))
		for d := time.Sunday; d <= time.Saturday; d++ {
			if len(name) >= 3 && strings.HasPrefix(strings.ToLower(d.String()), name) {
				return int(d), true
			}
		}
		return 0, false
	}
	for _, item := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(item, "-")
		i, ok := index(from)
		j := i
		if isRange {
			var ok2 bool
			j, ok2 = index(to)
			ok = ok && ok2
		}
		if !ok {
			return days, false
		}
		for d := i; ; d = (d + 1) % 7 {
			days[d] = true
			if d == j {
				break
			}
		}
	}
	return days, true
}
