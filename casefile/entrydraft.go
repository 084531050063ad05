package casefile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// EntryDraft is a hand entry as typed, every field still text: the
// workbench's form and the command line's flags both fill one, so both read
// times, amounts and numbers alike. Fields that do not apply to the kind
// are ignored, so text typed before the kind changed is kept, not refused.
type EntryDraft struct {
	Kind string
	// At is when it happened, "YYYY-MM-DD HH:MM" in the client's time zone;
	// empty means now.
	At                      string
	Summary, Body           string
	Direction, Attachment   string // communications
	Category, Severity, Who string // incidents
	Edit                    EditDraft
	Corrects                string // the record entry corrected, empty for none
}

// EditDraft is a change to the client and its agreement as typed; empty
// fields stay as they are.
type EditDraft struct {
	Seats, MRR, NoticeDays, Clause, TermEnd, Contact, Email, Phone string
	// Licence is a licence we manage for the client, added to those on
	// record: "42 x Microsoft 365 Business Premium until 2027-04-30 annual".
	Licence string
}

// DraftEntry is the kind of draft a hand entry typed but not recorded is
// kept as, when the workbench quits with it open.
const DraftEntry = "entry"

// WhenLayout is how an entry's time is typed.
const WhenLayout = "2006-01-02 15:04"

// ClientZone is the zone a client's times are typed and read in: the
// client record's own time zone, else ours (business.time_zone in cfg),
// else UTC. Never this machine's zone: the owner may type on a laptop
// abroad, and the record must hold the instant the client lived.
func ClientZone(cl store.Client, cfg scoring.Config) *time.Location {
	for _, name := range []string{cl.TimeZone, cfg.Hours.TimeZone} {
		if name == "" || name == "Local" {
			continue
		}
		if l, err := time.LoadLocation(name); err == nil {
			return l
		}
	}
	return time.UTC
}

// ParseWhen reads a typed time in loc, as ReadDate reads a date with a
// time ("2026-12-03 14:20", "yesterday 16:00"); empty means now.
func ParseWhen(value string, loc *time.Location, now time.Time) (time.Time, error) {
	if strings.TrimSpace(value) == "" {
		return now, nil
	}
	t, err := ReadDate(value, now, loc, true)
	if err != nil {
		return time.Time{}, &FieldError{"at", err.Error()}
	}
	return t.Time, nil
}

// Entry reads the draft for the client cl, its time typed in loc (see
// ClientZone), and checks it as Log would, so a form can say what is wrong
// while the owner types. The error is a *FieldError naming the first field
// to fix.
func (d EntryDraft) Entry(cl store.Client, loc *time.Location, now time.Time) (Entry, error) {
	e := Entry{Kind: strings.TrimSpace(d.Kind), Summary: strings.TrimSpace(d.Summary)}
	var err error
	if e.At, err = ParseWhen(d.At, loc, now); err != nil {
		return e, err
	}
	if e.Corrects, err = wholeNumber("corrects", d.Corrects, 1, "a record entry's number"); err != nil {
		return e, err
	}
	switch e.Kind {
	case "call", "email", "meeting":
		e.Direction, e.Body, e.Attachment = strings.TrimSpace(d.Direction), strings.TrimSpace(d.Body), strings.TrimSpace(d.Attachment)
	case "incident":
		e.Category, e.Who = strings.TrimSpace(d.Category), strings.TrimSpace(d.Who)
		if e.Category == "" {
			return e, &FieldError{"category", "choose the red flag it falls under"}
		}
		if strings.TrimSpace(d.Severity) == "" {
			return e, &FieldError{"severity", "choose how grave it was, 1 (minor) to 5 (grave)"}
		}
		sev, err := wholeNumber("severity", d.Severity, 0, "a severity from 1 (minor) to 5 (grave)")
		if err != nil {
			return e, err
		}
		e.Severity = int(sev)
	case "edit":
		if e.Edit, err = d.Edit.parse(cl.Currency); err != nil {
			return e, err
		}
		if s := strings.TrimSpace(d.Edit.Licence); s != "" {
			l, err := ParseLicence(cl.ID, s)
			if err != nil {
				return e, &FieldError{"licence", err.Error()}
			}
			e.Licence = &l
		}
	}
	return e, e.check(now)
}

// parse turns the typed edit into a store edit; empty fields stay nil.
func (d EditDraft) parse(currency string) (store.ClientEdit, error) {
	var e store.ClientEdit
	for _, n := range []struct {
		field, value string
		dst          **int
	}{{"seats", d.Seats, &e.Seats}, {"notice days", d.NoticeDays, &e.NoticeDays}} {
		if strings.TrimSpace(n.value) == "" {
			continue
		}
		v, err := wholeNumber(n.field, n.value, 0, "a whole number")
		if err != nil {
			return e, err
		}
		i := int(v)
		*n.dst = &i
	}
	if s := strings.TrimSpace(d.MRR); s != "" {
		m, err := money.Parse(s, currency)
		if err != nil {
			return e, &FieldError{"mrr", err.Error()}
		}
		e.MRRMinor = &m.Minor
	}
	if s := strings.TrimSpace(d.TermEnd); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return e, &FieldError{"term end", fmt.Sprintf("%q is not a date like 2027-06-30", s)}
		}
		e.TermEnd = &t
	}
	if s := strings.TrimSpace(d.Email); s != "" && !strings.Contains(s, "@") {
		return e, &FieldError{"email", fmt.Sprintf("%q is not an email address", s)}
	}
	for _, t := range []struct {
		value string
		dst   **string
	}{{d.Clause, &e.TerminationClause}, {d.Contact, &e.ContactName}, {d.Email, &e.ContactEmail}, {d.Phone, &e.Phone}} {
		if v := strings.TrimSpace(t.value); v != "" {
			*t.dst = &v
		}
	}
	return e, nil
}

// wholeNumber reads a typed number of at least least; empty is 0.
func wholeNumber(field, value string, least int64, what string) (int64, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil || n < least {
		return 0, &FieldError{field, fmt.Sprintf("%q is not %s", value, what)}
	}
	return n, nil
}
