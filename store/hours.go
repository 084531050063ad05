package store

import "time"

// BusinessHours says when our staff are on duty. A ticket opened outside
// them, read in the client's own time zone, is after hours (seed 000, "Mr.
// Urgent"). The command line fills it from the scoring configuration, so
// import and scoring agree.
type BusinessHours struct {
	Zone  *time.Location
	Start int // minutes after midnight
	End   int // minutes after midnight
	Days  [7]bool
}

// DefaultBusinessHours is 08:00 to 18:00, Monday to Friday, in UTC, as the
// scoring configuration's defaults.
func DefaultBusinessHours() BusinessHours {
	h := BusinessHours{Zone: time.UTC, Start: 8 * 60, End: 18 * 60}
	for d := time.Monday; d <= time.Friday; d++ {
		h.Days[d] = true
	}
	return h
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
