package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOrder says how to read a numeric date such as 03/04/2024 whose first
// two numbers could each be the day or the month.
type DateOrder int

// The day/month orders. DateOrderAuto decides from the file: a column (or, if
// the column cannot tell, the whole file) with a first number above 12 is
// day-first, one with a second number above 12 is month-first. A value that
// stays ambiguous is an error, never a guess.
const (
	DateOrderAuto DateOrder = iota
	DateOrderMDY
	DateOrderDMY
)

// ParseDateOrder reads "mdy", "dmy" or "" (auto) as given to --date-order.
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return DateOrderAuto, nil
	case "mdy":
		return DateOrderMDY, nil
	case "dmy":
		return DateOrderDMY, nil
	}
	return DateOrderAuto, fmt.Errorf("unknown date order %q (want mdy or dmy)", s)
}

func (o DateOrder) String() string {
	switch o {
	case DateOrderMDY:
		return "mdy"
	case DateOrderDMY:
		return "dmy"
	}
	return "auto"
}

// DateTime is a parsed date or timestamp. Time is in the zone the value named
// or, without one, in the location the caller gave.
type DateTime struct {
	Time    time.Time
	HasTime bool
	HasZone bool
}

const whatDate = "a date"

const reasonAmbiguous = "day and month order is ambiguous; pass --date-order mdy or dmy"

// ParseDate reads the dates and timestamps tools export: ISO 8601 with or
// without time and zone, "2006-01-02 15:04:05", "2/29/2020", "29.02.2020",
// "Jan 28 2021", "Jan 28, 2021", "28-Jan-2021", "09/Oct/25 1:42 PM", with
// 12- or 24-hour times, with or without seconds. Values without a zone are
// placed in loc (UTC when nil).
func ParseDate(s string, order DateOrder, loc *time.Location) (DateTime, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = unguard(s)
	if s == "" {
		return DateTime{}, valueErr(whatDate, "")
	}
	y, m, d, rest, err := parseDatePart(s, order)
	if err != nil {
		return DateTime{}, err
	}
	dt := DateTime{}
	hh, mm, ss, ns := 0, 0, 0, 0
	zone := loc
	if rest != "" {
		hh, mm, ss, ns, zone, dt.HasZone, err = parseTimePart(rest, loc)
		if err != nil {
			return DateTime{}, err
		}
		dt.HasTime = true
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return DateTime{}, valueErr(whatDate, "")
	}
	dt.Time = time.Date(y, time.Month(m), d, hh, mm, ss, ns, zone)
	return dt, nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseDatePart reads the date at the start of s and returns what follows
// (the time and zone, if any).
func parseDatePart(s string, order DateOrder) (y, m, d int, rest string, err error) {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && isDigits(s[:4]) && isDigits(s[5:7]) && isDigits(s[8:10]) {
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:10])
		rest = s[10:]
		if rest != "" {
			if rest[0] != 'T' && rest[0] != ' ' {
				return 0, 0, 0, "", valueErr(whatDate, "")
			}
			rest = strings.TrimSpace(rest[1:])
		}
		return y, m, d, rest, nil
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	ti := len(words)
	for i, w := range words {
		if strings.Contains(w, ":") {
			ti = i
			break
		}
	}
	dateWords := words[:ti]
	rest = strings.Join(words[ti:], " ")
	if len(dateWords) == 4 && weekday(dateWords[0]) {
		dateWords = dateWords[1:]
	}
	var parts []string
	dotted := false
	switch len(dateWords) {
	case 1:
		w := dateWords[0]
		dotted = strings.Contains(w, ".")
		parts = strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	case 3:
		parts = dateWords
	}
	if len(parts) != 3 {
		return 0, 0, 0, "", valueErr(whatDate, "")
	}
	y, m, d, err = assignDateParts(parts, order, dotted)
	return y, m, d, rest, err
}

// assignDateParts decides which of three date parts is the year, the month
// and the day.
func assignDateParts(parts []string, order DateOrder, dotted bool) (y, m, d int, err error) {
	bad := valueErr(whatDate, "")
	named := -1
	for i, p := range parts {
		if !isDigits(p) {
			if named >= 0 {
				return 0, 0, 0, bad
			}
			mon, ok := monthByName(p)
			if !ok {
				return 0, 0, 0, bad
			}
			named, m = i, mon
		}
	}
	if named >= 0 {
		var nums []string
		for i, p := range parts {
			if i != named {
				nums = append(nums, p)
			}
		}
		yi := 1
		if len(nums[0]) == 4 {
			yi = 0
		}
		y, err = year(nums[yi])
		if err != nil {
			return 0, 0, 0, err
		}
		d, _ = strconv.Atoi(nums[1-yi])
		if len(nums[1-yi]) > 2 {
			return 0, 0, 0, bad
		}
		return y, m, d, nil
	}
	if len(parts[0]) == 4 {
		y, _ = strconv.Atoi(parts[0])
		m, _ = strconv.Atoi(parts[1])
		d, _ = strconv.Atoi(parts[2])
		if len(parts[1]) > 2 || len(parts[2]) > 2 {
			return 0, 0, 0, bad
		}
		return y, m, d, nil
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return 0, 0, 0, bad
	}
	y, err = year(parts[2])
	if err != nil {
		return 0, 0, 0, err
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	if dotted && order == DateOrderAuto {
		// 29.02.2020 is day-first wherever it is written.
		order = DateOrderDMY
	}
	switch order {
	case DateOrderMDY:
		return y, a, b, nil
	case DateOrderDMY:
		return y, b, a, nil
	}
	switch {
	case a > 12 && b <= 12:
		return y, b, a, nil
	case b > 12 && a <= 12:
		return y, a, b, nil
	case a == b:
		return y, a, b, nil
	}
	return 0, 0, 0, valueErr(whatDate, reasonAmbiguous)
}

func year(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, valueErr(whatDate, "")
	}
	switch len(s) {
	case 4:
		return n, nil
	case 2:
		// Two-digit years in exports are this century unless clearly not.
		if n < 70 {
			return 2000 + n, nil
		}
		return 1900 + n, nil
	}
	return 0, valueErr(whatDate, "")
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

func monthByName(s string) (int, bool) {
	m, ok := monthNames[strings.TrimSuffix(strings.ToLower(s), ".")]
	return m, ok
}

func weekday(s string) bool {
	w := strings.ToLower(strings.TrimSuffix(s, "."))
	switch w[:min(3, len(w))] {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun":
		return true
	}
	return false
}

// parseTimePart reads "13:42", "1:42 PM", "01:42:07PM", "13:42:07.250",
// optionally followed by a zone: Z, UTC, GMT, +01:00 or -0500.
func parseTimePart(s string, loc *time.Location) (hh, mm, ss, ns int, zone *time.Location, hasZone bool, err error) {
	bad := valueErr(whatDate, "")
	zone = loc
	s = strings.TrimSpace(s)
	// Split off a zone glued to the time, as in 13:42:07Z or 13:42:07+01:00.
	clock, tail := s, ""
	for i := 1; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == 'Z' || c == '+' || c == '-' || c == 'a' || c == 'A' || c == 'p' || c == 'P' {
			clock, tail = s[:i], strings.TrimSpace(s[i:])
			break
		}
	}
	fields := strings.Split(clock, ":")
	if len(fields) < 2 || len(fields) > 3 {
		return 0, 0, 0, 0, nil, false, bad
	}
	if !isDigits(fields[0]) || len(fields[0]) > 2 || !isDigits(fields[1]) || len(fields[1]) != 2 {
		return 0, 0, 0, 0, nil, false, bad
	}
	hh, _ = strconv.Atoi(fields[0])
	mm, _ = strconv.Atoi(fields[1])
	if len(fields) == 3 {
		sec, frac, _ := strings.Cut(fields[2], ".")
		if !isDigits(sec) || len(sec) != 2 || (frac != "" && (!isDigits(frac) || len(frac) > 9)) {
			return 0, 0, 0, 0, nil, false, bad
		}
		ss, _ = strconv.Atoi(sec)
		if frac != "" {
			ns, _ = strconv.Atoi((frac + "000000000")[:9])
		}
	}
	meridiem := ""
	if tail != "" {
		w, after, _ := strings.Cut(tail, " ")
		switch strings.ToLower(strings.ReplaceAll(w, ".", "")) {
		case "am", "pm":
			meridiem = strings.ToLower(strings.ReplaceAll(w, ".", ""))
			tail = strings.TrimSpace(after)
		}
	}
	if meridiem != "" {
		if hh < 1 || hh > 12 {
			return 0, 0, 0, 0, nil, false, bad
		}
		hh %= 12
		if meridiem == "pm" {
			hh += 12
		}
	}
	if hh > 23 || mm > 59 || ss > 59 {
		return 0, 0, 0, 0, nil, false, bad
	}
	if tail != "" {
		zone, err = parseZone(tail)
		if err != nil {
			return 0, 0, 0, 0, nil, false, err
		}
		hasZone = true
	}
	return hh, mm, ss, ns, zone, hasZone, nil
}

func parseZone(s string) (*time.Location, error) {
	bad := valueErr(whatDate, "")
	switch strings.ToUpper(s) {
	case "Z", "UTC", "GMT":
		return time.UTC, nil
	}
	if len(s) < 3 || (s[0] != '+' && s[0] != '-') {
		return nil, bad
	}
	digits := strings.ReplaceAll(s[1:], ":", "")
	if !isDigits(digits) || (len(digits) != 2 && len(digits) != 4) {
		return nil, bad
	}
	h, _ := strconv.Atoi(digits[:2])
	m := 0
	if len(digits) == 4 {
		m, _ = strconv.Atoi(digits[2:])
	}
	if h > 14 || m > 59 {
		return nil, bad
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return time.FixedZone("", off), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// orderEvidence gathers, over a column, what its numeric dates say about the
// day/month order.
type orderEvidence struct {
	dayFirst, monthFirst bool
}

// add looks at one value; only all-numeric dates with the year last count.
// It runs on every date of a file, so it does not allocate.
func (e *orderEvidence) add(s string) {
	a, n := leadingNumber(s, 0)
	if n == 0 || n > 2 || n >= len(s) || (s[n] != '/' && s[n] != '-') {
		return
	}
	sep := s[n]
	b, m := leadingNumber(s, n+1)
	if m == 0 || m > 2 || n+1+m >= len(s) || s[n+1+m] != sep {
		return
	}
	if a > 12 && b <= 12 {
		e.dayFirst = true
	}
	if b > 12 && a <= 12 {
		e.monthFirst = true
	}
}

func leadingNumber(s string, from int) (value, length int) {
	for i := from; i < len(s) && s[i] >= '0' && s[i] <= '9' && i-from < 4; i++ {
		value = value*10 + int(s[i]-'0')
		length++
	}
	return value, length
}

// order returns the order the evidence shows, DateOrderAuto when it shows
// none, and conflict when it shows both.
func (e orderEvidence) order() (o DateOrder, conflict bool) {
	switch {
	case e.dayFirst && e.monthFirst:
		return DateOrderAuto, true
	case e.dayFirst:
		return DateOrderDMY, false
	case e.monthFirst:
		return DateOrderMDY, false
	}
	return DateOrderAuto, false
}
