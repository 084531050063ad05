package scoring

import (
	"strings"
	"time"
)

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

// reachNote is a sentence naming the sources that reach back further than
// From, which the rates leave aside before it; "" when all begin together.
func (c Coverage) reachNote() string {
	from := c.From()
	var earlier, limiting []string
	for _, k := range []struct {
		name string
		at   time.Time
	}{{"ticket", c.Tickets}, {"time", c.Time}, {"invoice", c.Invoices}} {
		switch {
		case k.at.IsZero():
		case k.at.Before(from) && len(earlier) == 0:
			earlier = append(earlier, k.name+" records reach back to "+monthName(k.at))
		case k.at.Before(from):
			earlier = append(earlier, k.name+" records to "+monthName(k.at))
		default:
			limiting = append(limiting, k.name)
		}
	}
	if len(earlier) == 0 {
		return ""
	}
	s := and(earlier)
	return strings.ToUpper(s[:1]) + s[1:] + ", but the rates start with the " + and(limiting) +
		" records, as they weigh one against the other."
}

// and joins words as a list is read: "a", "a and b", "a, b and c".
func and(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
