package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"
)

// The settings keys that say when our staff are on duty; the scoring
// configuration reads the same keys.
const (
	SettingTimeZone      = "hours.time_zone"
	SettingBusinessStart = "hours.business_start"
	SettingBusinessEnd   = "hours.business_end"
	SettingBusinessDays  = "hours.business_days"
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
	for _, key := range []string{SettingTimeZone, SettingBusinessStart, SettingBusinessEnd, SettingBusinessDays} {
		v, err := get(key)
		if err != nil {
			return h, err
		}
		if v == "" {
			continue
		}
		switch key {
		case SettingTimeZone:
			if loc, err := time.LoadLocation(v); err == nil {
				h.Zone = loc
			}
		case SettingBusinessStart:
			if m, ok := clockMinutes(v); ok {
				h.Start = m
			}
		case SettingBusinessEnd:
			if m, ok := clockMinutes(v); ok {
				h.End = m
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

func weekdays(s string) ([7]bool, bool) {
	var days [7]bool
	names := map[string]time.Weekday{"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday}
	for _, part := range strings.Split(s, ",") {
		d, ok := names[strings.ToLower(strings.TrimSpace(part))]
		if !ok {
			return days, false
		}
		days[d] = true
	}
	return days, true
}
