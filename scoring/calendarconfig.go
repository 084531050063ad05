package scoring

import (
	"slices"
	"strings"
	"time"

	"offboard/calendar"
)

// calendarRegionParam is the key choosing the public holidays on which the
// business is closed, so that a letter never ends an agreement or sets a
// due date on one.
func calendarRegionParam() param {
	return textParam("calendar.region", "The country or state whose public holidays close the business; a letter's effective date and every due date of the handover fall on a working day. none closes weekends only.",
		"none or a region such as US, UK, CA, AU, DE, or a state such as AU-NSW or DE-BY",
		func(c *Config) string {
			if c.Calendar.Region == "" {
				return "none"
			}
			return string(c.Calendar.Region)
		},
		func(c *Config, v any) bool {
			s, ok := v.(string)
			if !ok {
				return false
			}
			r, err := calendar.ParseRegion(s)
			if err != nil {
				return false
			}
			c.Calendar.Region = r
			return true
		})
}

// calendarClosedParam is the key listing the business's own closed days,
// beyond weekends and the region's public holidays; none lists no day.
func calendarClosedParam() param {
	p := listParam("calendar.closed", "Further days the business is closed, such as the days between Christmas and New Year; no letter date falls on one.",
		"dates as YYYY-MM-DD separated by commas, or none",
		func(c *Config) *[]time.Time { return &c.Calendar.Closed },
		func(d time.Time) string { return d.Format(time.DateOnly) }, parseClosedDays)
	get := p.get
	p.get = func(c *Config) string {
		if len(c.Calendar.Closed) == 0 {
			return "none"
		}
		return get(c)
	}
	return p
}

// parseClosedDays reads closed days as YYYY-MM-DD separated by commas, or a
// TOML array of them, sorted without repeats; "none" or "" is no day.
func parseClosedDays(v any) ([]time.Time, bool) {
	if s, ok := v.(string); ok && (strings.TrimSpace(s) == "" || strings.EqualFold(strings.TrimSpace(s), "none")) {
		return nil, true
	}
	items, ok := listItems(v)
	if !ok {
		return nil, false
	}
	var days []time.Time
	for _, it := range items {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(it))
		if err != nil {
			return nil, false
		}
		days = append(days, d)
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(days, time.Time.Equal), true
}
