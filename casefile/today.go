package casefile

import "time"

// CivilDay is the calendar day of now where the owner is, as a UTC
// midnight: the form every stored date takes.
func CivilDay(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// Today is the owner's calendar day by the desk's clock (CivilDay).
func (d *Desk) Today() time.Time { return CivilDay(d.Now()) }
