// Package calendar decides which days are working days for the documents
// of offboard: weekends, the public holidays of a region and the days the
// owner's business is closed. It is pure: dates come in as inputs, and the
// holiday rules (Easter, substitute days, observed days) come from
// github.com/rickar/cal/v2, whose lists are kept up to date by the
// countries' own users.
package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
)

// Calendar is a business calendar. The zero value closes weekends only:
// no public holidays and no closed days of the owner's own.
type Calendar struct {
	// Region chooses the public holidays; "" has none.
	Region Region
	// Closed are further days the business is closed, such as a local
	// holiday or the days between Christmas and New Year; only their
	// calendar day counts.
	Closed []time.Time
}

// civil returns t's calendar day at midnight UTC, the form every date in
// the documents takes.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// IsWorkingDay reports whether t's calendar day is a working day: a Monday
// to Friday that is neither a public holiday of the region (on the day or
// on the day it is observed) nor one of the closed days.
func (c Calendar) IsWorkingDay(t time.Time) bool { return c.ClosedBecause(t) == "" }

// ClosedBecause names why t's calendar day is not a working day, for a
// warning: "Saturday", "Christmas Day", "a closed day of the business";
// "" when it is a working day.
func (c Calendar) ClosedBecause(t time.Time) string {
	d := civil(t)
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return wd.String()
	}
	if name := c.Region.holiday(d); name != "" {
		return name
	}
	if slices.ContainsFunc(c.Closed, func(x time.Time) bool { return civil(x).Equal(d) }) {
		return "a closed day of the business"
	}
	return ""
}

// NextWorkingDay returns t's calendar day when it is a working day, and
// otherwise the first working day after it: a due date that falls on a
// Sunday or a holiday moves forward, never back.
func (c Calendar) NextWorkingDay(t time.Time) time.Time { return c.seek(civil(t), 1) }

// PreviousWorkingDay returns t's calendar day when it is a working day, and
// otherwise the last working day before it, for steps that must be done
// before a date rather than on it.
func (c Calendar) PreviousWorkingDay(t time.Time) time.Time { return c.seek(civil(t), -1) }

// AddWorkingDays returns the day n working days after t (before t when n
// is negative), counting from the day after t: two working days after
// Thursday 24 December 2026 in the UK are Tuesday 29 and Wednesday 30
// December, so the result is Wednesday 30 December. n = 0 returns t's day.
func (c Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	d, step := civil(t), 1
	if n < 0 {
		n, step = -n, -1
	}
	for ; n > 0; n-- {
		d = c.seek(d.AddDate(0, 0, step), step)
	}
	return d
}

// seek walks from d in steps of dir days until it reaches a working day.
// Every region has at most a handful of consecutive closed days, but the
// owner's closed days are a list of any length, so the walk is bounded only
// by the calendar itself.
func (c Calendar) seek(d time.Time, dir int) time.Time {
	for !c.IsWorkingDay(d) {
		d = d.AddDate(0, 0, dir)
	}
	return d
}

// Region names a country, or a state of one, whose public holidays close
// the business.
type Region string

// The regions with a holiday list. The national lists hold the holidays
// every part of the country keeps (the UK's are England and Wales');
// Australia has no national list of its own, so "AU" is the holidays all
// its states share, and a state such as "AU-NSW" or "DE-BY" adds its own.
var regions = map[Region][]*cal.Holiday{
	"US": us.Holidays, "UK": gb.Holidays, "CA": ca.Holidays, "DE": de.Holidays,
	"AU":     {au.NewYear, au.AustraliaDay, au.GoodFriday, au.EasterMonday, au.AnzacDay, au.ChristmasDay, au.BoxingDay},
	"AU-ACT": au.HolidaysACT, "AU-NSW": au.HolidaysNSW, "AU-NT": au.HolidaysNT, "AU-QLD": au.HolidaysQLD,
	"AU-SA": au.HolidaysSA, "AU-TAS": au.HolidaysTAS, "AU-VIC": au.HolidaysVIC, "AU-WA": au.HolidaysWA,
	"DE-BW": de.HolidaysBW, "DE-BY": de.HolidaysBY, "DE-BE": de.HolidaysBE, "DE-BB": de.HolidaysBB,
	"DE-HB": de.HolidaysHB, "DE-HH": de.HolidaysHH, "DE-HE": de.HolidaysHE, "DE-MV": de.HolidaysMV,
	"DE-NI": de.HolidaysNI, "DE-NW": de.HolidaysNW, "DE-RP": de.HolidaysRP, "DE-SL": de.HolidaysSL,
	"DE-SN": de.HolidaysSN, "DE-ST": de.HolidaysST, "DE-SH": de.HolidaysSH, "DE-TH": de.HolidaysTH,
}

// Regions lists every region with a holiday list, sorted.
func Regions() []Region {
	out := make([]Region, 0, len(regions))
	for r := range regions {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// ParseRegion reads a region as typed in the settings: "us", "UK", "GB"
// (the same as UK), "de-by"; "" and "none" mean weekends only.
func ParseRegion(s string) (Region, error) {
	r := Region(strings.ToUpper(strings.TrimSpace(s)))
	switch r {
	case "", "NONE":
		return "", nil
	case "GB":
		return "UK", nil
	}
	if _, ok := regions[r]; !ok {
		return "", fmt.Errorf("region %q: want one of %s, or none", s, strings.Join(regionNames(), ", "))
	}
	return r, nil
}

func regionNames() []string {
	var names []string
	for _, r := range Regions() {
		names = append(names, string(r))
	}
	return names
}

// holiday names the public holiday on d (a civil day), actual or observed,
// or returns "". A holiday observed in the year before its own (New Year's
// Day on a Saturday is observed on the Friday before in the US) is found by
// also computing next year's holidays.
func (r Region) holiday(d time.Time) string {
	for _, h := range regions[r] {
		for _, year := range []int{d.Year(), d.Year() + 1} {
			actual, observed := h.Calc(year)
			if sameDay(actual, d) || sameDay(observed, d) {
				return h.Name
			}
		}
	}
	return ""
}

// sameDay compares calendar days, whatever the location each is in: the
// holiday library computes in its own default location.
func sameDay(t, d time.Time) bool {
	return !t.IsZero() && t.Year() == d.Year() && t.Month() == d.Month() && t.Day() == d.Day()
}
