package importer

import (
	"strconv"
	"strings"
)

// ParseDuration reads a duration as time trackers export it and returns
// it in whole seconds: decimal hours ("1.5", "1,5" with decimal comma, or
// Toggl's and Clockify's "0.011" for 40 seconds, rounded to the nearest
// second), "h:mm", "HH:MM:SS", or "1h 30m 40s". With unitMinutes a bare
// number is minutes rather than hours ("0.67" is 40 seconds). Seconds are
// kept because a tracker's short entries add up: thirty entries of 40
// seconds are twenty minutes, not nothing.
func ParseDuration(s string, decimalComma, unitMinutes bool) (int, error) {
	const what = "a duration"
	s = unguard(s)
	if s == "" {
		return 0, valueErr(what, "")
	}
	if strings.Contains(s, ":") {
		f := strings.Split(s, ":")
		if len(f) > 3 {
			return 0, valueErr(what, "")
		}
		var n [3]int
		for i, p := range f {
			if !isDigits(p) || len(p) > 6 || (i > 0 && len(p) != 2) {
				return 0, valueErr(what, "")
			}
			n[i], _ = strconv.Atoi(p)
			if i > 0 && n[i] > 59 {
				return 0, valueErr(what, "")
			}
		}
		return n[0]*3600 + n[1]*60 + n[2], nil
	}
	if secs, ok := parseUnits(strings.ToLower(s)); ok {
		return secs, nil
	}
	digits := 4
	if unitMinutes {
		digits = 2
	}
	v, err := parseDecimal(s, decimalComma, digits)
	if err != nil {
		return 0, valueErr(what, "")
	}
	if unitMinutes {
		// v is minutes scaled by 10^2.
		return int((v*60 + 50) / 100), nil
	}
	// v is hours scaled by 10^4; seconds = v*3600/10^4, rounded.
	return int((v*3600 + 5000) / 10000), nil
}

// WholeMinutes rounds seconds to the nearest minute, halves up: how a
// duration read to the second counts where only minutes are kept.
func WholeMinutes(seconds int) int { return (seconds + 30) / 60 }

// parseUnits reads "1h 30m", "1h", "45m", "40s", "2 hrs 5 mins 10 secs"
// as seconds.
func parseUnits(s string) (seconds int, ok bool) {
	s = strings.ReplaceAll(s, " ", "")
	seen := false
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 6 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		j := 0
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		switch s[:j] {
		case "h", "hr", "hrs", "hour", "hours":
			seconds += n * 3600
		case "m", "min", "mins", "minute", "minutes":
			seconds += n * 60
		case "s", "sec", "secs", "second", "seconds":
			seconds += n
		default:
			return 0, false
		}
		s = s[j:]
		seen = true
	}
	return seconds, seen
}

// ParseBool reads the yes/no values exports use: yes/no, true/false, y/n,
// 1/0, x, billable/non-billable, and ConnectWise's billing options.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(unguard(s)) {
	case "yes", "y", "true", "t", "1", "x", "billable", "ja", "oui", "sí", "si", "on":
		return true, nil
	case "no", "n", "false", "f", "0", "non-billable", "not billable", "nein", "non", "off", "",
		// ConnectWise's billing options other than "Billable"
		"do not bill", "no charge", "no default":
		return false, nil
	}
	return false, valueErr("yes or no", "")
}

// ParseInt reads a whole number, allowing thousands grouping.
func ParseInt(s string) (int64, error) {
	s = unguard(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, err := splitDecimal(s, false)
	if err != nil || frac != "" || len(intPart) > 15 {
		return 0, valueErr("a whole number", "")
	}
	n, err := parseDigits(intPart, "a whole number")
	if neg {
		n = -n
	}
	return n, err
}

// ParsePercent reads a share as "85%", "0.5%", "85" or a fraction such as
// "0.85", returning percent in [0, 100]. Only a value without "%" can be a
// fraction.
func ParsePercent(s string, decimalComma bool) (float64, error) {
	const what = "a percentage"
	s = unguard(s)
	explicit := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if decimalComma {
		s = strings.ReplaceAll(s, ",", ".")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v != v {
		return 0, valueErr(what, "")
	}
	if !explicit && v > 0 && v < 1 && strings.Contains(s, ".") {
		v *= 100
	}
	if v > 100 {
		return 0, valueErr(what, "above 100%")
	}
	return v, nil
}
