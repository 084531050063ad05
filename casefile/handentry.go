package casefile

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"offboard/store"
)

// EntryKinds are the kinds of entry the owner writes down by hand.
var EntryKinds = []string{"call", "email", "meeting", "note", "incident", "edit"}

// IncidentCategories are the red flags an incident can be filed under, as
// the incidents table names them.
var IncidentCategories = []string{"abuse", "security", "data_compliance", "criminal", "scope", "declined_upgrade",
	"naivete", "after_hours", "other"}

// Entry is one thing that happened, written down by the owner: a call, an
// email or a meeting (communications), a note, an incident, or an edit to
// the client and its agreement.
type Entry struct {
	Kind string
	At   time.Time
	// Summary is what happened, as written: the communication's summary,
	// the note, the incident's description, or the edit's reason.
	Summary   string
	Body      string
	Direction string // inbound, outbound or internal, for communications
	// Attachment is a file kept by path and SHA-256, for communications.
	Attachment string
	Category   string // for incidents
	Severity   int    // for incidents, 1 to 5
	Who        string // who reported the incident
	Edit       store.ClientEdit
	// Licence is a licence added with an edit; nil for none.
	Licence *store.Licence
	// Corrects is the record entry this one corrects, 0 for none.
	Corrects int64
}

// FieldError names the field of an entry that is wrong and why.
type FieldError struct {
	Field, Problem string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// check validates an entry before anything is written.
func (e Entry) check(now time.Time) error {
	switch {
	case !slices.Contains(EntryKinds, e.Kind):
		return &FieldError{"kind", fmt.Sprintf("%q is not one of %s", e.Kind, strings.Join(EntryKinds, ", "))}
	case e.At.IsZero():
		return &FieldError{"at", "when it happened is missing"}
	case e.At.After(now.Add(time.Minute)):
		return &FieldError{"at", e.At.Format("Monday, 2 January 2006 15:04 MST") + " is in the future"}
	case strings.TrimSpace(e.Summary) == "":
		return &FieldError{"summary", "say what happened (for an edit, why)"}
	}
	switch e.Kind {
	case "incident":
		if !slices.Contains(IncidentCategories, e.Category) {
			return &FieldError{"category", fmt.Sprintf("%q is not one of %s", e.Category, strings.Join(IncidentCategories, ", "))}
		}
		if e.Severity < 1 || e.Severity > 5 {
			return &FieldError{"severity", fmt.Sprintf("%d is not between 1 (minor) and 5 (grave)", e.Severity)}
		}
	case "call", "email", "meeting":
		if !slices.Contains([]string{"inbound", "outbound", "internal"}, e.Direction) {
			return &FieldError{"direction", fmt.Sprintf("%q is not inbound, outbound or internal", e.Direction)}
		}
	case "edit":
		if e.Edit == (store.ClientEdit{}) && e.Licence == nil {
			return &FieldError{"edit", "nothing to change: give at least one field"}
		}
	}
	return nil
}

// logEdit applies an edit to the client and its agreement, adds the
// licence it gives, and says so in the decisions log, which the record
// covers (the licences table is not, so the entry names the licence).
func logEdit(ctx context.Context, tx *sql.Tx, clientID int64, e Entry, now time.Time) error {
	if e.Edit != (store.ClientEdit{}) {
		if err := store.EditClient(ctx, tx, clientID, e.Edit, now); err != nil {
			return err
		}
	}
	to, reason := "agreement edited", e.Summary
	if l := e.Licence; l != nil {
		l.ClientID = clientID
		if _, err := store.InsertLicence(ctx, tx, *l, now); err != nil {
			return err
		}
		to = "licence added"
		reason += fmt.Sprintf(" (%d × %s, %s, term ends %s)", l.Quantity, l.Product, l.Billing, store.Date(l.TermEnd))
	}
	return store.LogDecision(ctx, tx, store.Decision{ClientID: clientID, At: e.At, Kind: "note",
		To: to, Reason: reason, CorrectsSeq: e.Corrects})
}

// channels maps a hand-entered communication to the log's channel.
var channels = map[string]string{"call": "phone", "email": "email", "meeting": "meeting"}

// Log writes an entry down for the client in one transaction; the record's
// triggers chain it. It returns a sentence saying what was recorded.
func (d *Desk) Log(ctx context.Context, clientID int64, e Entry) (string, error) {
	if err := e.check(d.Now()); err != nil {
		return "", err
	}
	var hash string
	if e.Attachment != "" {
		b, err := os.ReadFile(e.Attachment)
		if err != nil {
			return "", &FieldError{"attachment", err.Error()}
		}
		hash = store.SHA256Hex(b)
		if abs, err := filepath.Abs(e.Attachment); err == nil {
			e.Attachment = abs
		}
	}
	err := d.Store.Tx(ctx, func(tx *sql.Tx) error {
		switch e.Kind {
		case "incident":
			_, err := store.InsertIncident(ctx, tx, store.Incident{ClientID: clientID, OccurredAt: e.At, Kind: e.Category,
				Severity: e.Severity, Description: e.Summary, ReportedBy: e.Who, CorrectsSeq: e.Corrects})
			return err
		case "note":
			return store.LogDecision(ctx, tx, store.Decision{ClientID: clientID, At: e.At, Kind: "note", Reason: e.Summary,
				CorrectsSeq: e.Corrects})
		case "edit":
			return logEdit(ctx, tx, clientID, e, d.Now())
		}
		_, err := store.LogCommunication(ctx, tx, store.Communication{ClientID: clientID, At: e.At, Channel: channels[e.Kind],
			Direction: e.Direction, Summary: e.Summary, Body: e.Body, AttachmentPath: e.Attachment, AttachmentSHA256: hash,
			CorrectsSeq: e.Corrects})
		return err
	})
	if err != nil {
		return "", err
	}
	what := e.Kind
	if e.Kind == "incident" {
		what = fmt.Sprintf("%s incident of severity %d", strings.ReplaceAll(e.Category, "_", " "), e.Severity)
	}
	s := fmt.Sprintf("Recorded the %s of %s", what, e.At.Format("Monday, 2 January 2006 15:04 MST"))
	if hash != "" {
		s += fmt.Sprintf(", with %s (SHA-256 %s)", e.Attachment, hash)
	}
	return s + ".", nil
}
