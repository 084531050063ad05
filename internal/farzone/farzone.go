// Package farzone puts a test's process in a time zone far from every
// client's, so that a date read in the machine's zone instead of the
// client's shows as a day off.
package farzone

import (
	"testing"
	"time"
)

// Zone is the zone Set puts the process in: Pacific/Kiritimati (UTC+14),
// where the day is already tomorrow for every client in the Americas.
const Zone = "Pacific/Kiritimati"

// Set puts the process in Zone until the test ends. Go reads TZ once, so
// time.Local is set as well.
func Set(t testing.TB) {
	t.Helper()
	far, err := time.LoadLocation(Zone)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TZ", Zone)
	was := time.Local
	time.Local = far
	t.Cleanup(func() { time.Local = was })
}
