package scoring

import "time"

// Coverage is where the records of each source begin: the first day of the
// first month holding a ticket, a time entry or an issued invoice. A zero
// start means no record of that kind is held, which bounds nothing.
//
// Records rarely reach back to a client's first day: a PSA export holds
// what the tool holds, an invoicing export the range asked for. The months
// before the records begin are not quiet months but unknown ones, and a
// client is judged only over the months its records cover (see From).
type Coverage struct {
	Tickets  time.Time
	Time     time.Time
	Invoices time.Time
}

// From is the first month that every source held covers: the latest of
// the starts, zero when no source is held.
//
// One start for all sources rather than a window per source, because the
// rates that matter most mix them: the effective rate and the margin
// divide invoices by hours, the out-of-scope share of hours needs the
// tickets behind the time. Over months only one source covers they would
// be wrong, not merely thin. One window also keeps every figure of an
// assessment over the same months, which the owner can check against the
// record; the price is that invoices older than the tickets (or time) go
// unused for rates until the other source reaches back as far.
func (c Coverage) From() time.Time {
	var from time.Time
	for _, t := range []time.Time{c.Tickets, c.Time, c.Invoices} {
		if t.After(from) {
			from = t
		}
	}
	return from
}
