package casefile

import (
	"errors"
	"testing"
	"time"

	"offboard/scoring"
	"offboard/store"
)

// A draft is read in the client's time zone, only for the fields of its
// kind, and a problem names the field to fix.
func TestEntryDraft(t *testing.T) {
	cl := store.Client{Name: "Harborline Freight", TimeZone: "America/New_York", Currency: "USD"}
	now := recordNow // 2026-11-20 09:00 UTC

	e, err := EntryDraft{Kind: "call", At: "2026-11-19 10:15", Direction: "inbound", Summary: " Asked about the renewal ",
		Category: "rudeness", Edit: EditDraft{Seats: "many"}}.Entry(cl, ClientZone(cl, scoring.Config{}), now)
	if err != nil {
		t.Fatalf("a call with stray incident and edit text: %v", err)
	}
	// 10:15 in New York in November (EST, UTC-5) is 15:15 UTC.
	if want := time.Date(2026, 11, 19, 15, 15, 0, 0, time.UTC); !e.At.Equal(want) || e.Summary != "Asked about the renewal" ||
		e.Category != "" || e.Edit != (store.ClientEdit{}) {
		t.Errorf("call read as %+v, want at %v and no incident or edit", e, want)
	}
	if e, err := (EntryDraft{Kind: "note", Summary: "x"}).Entry(cl, ClientZone(cl, scoring.Config{}), now); err != nil || !e.At.Equal(now) {
		t.Errorf("a note with no time: %v at %v, want now", err, e.At)
	}

	e, err = EntryDraft{Kind: "edit", Summary: "renewed", Edit: EditDraft{Seats: "42", MRR: "4,200.50", TermEnd: "2028-06-30",
		Email: "ops@harborline.example"}}.Entry(cl, ClientZone(cl, scoring.Config{}), now)
	if err != nil {
		t.Fatal(err)
	}
	if *e.Edit.Seats != 42 || *e.Edit.MRRMinor != 420050 || e.Edit.TermEnd.Format(time.DateOnly) != "2028-06-30" ||
		*e.Edit.ContactEmail != "ops@harborline.example" || e.Edit.NoticeDays != nil || e.Edit.Phone != nil {
		t.Errorf("edit read as %+v", e.Edit)
	}

	for _, tt := range []struct {
		draft EntryDraft
		field string
	}{
		{EntryDraft{Kind: "call", At: "someday soon", Summary: "x"}, "at"},
		{EntryDraft{Kind: "call", At: "2026-11-21 09:00", Direction: "inbound", Summary: "x"}, "at"}, // the future
		{EntryDraft{Kind: "incident", Summary: "x", Severity: "3"}, "category"},
		{EntryDraft{Kind: "incident", Summary: "x", Category: "abuse"}, "severity"},
		{EntryDraft{Kind: "incident", Summary: "x", Category: "abuse", Severity: "four"}, "severity"},
		{EntryDraft{Kind: "incident", Summary: "x", Category: "abuse", Severity: "6"}, "severity"},
		{EntryDraft{Kind: "edit", Summary: "x", Edit: EditDraft{Seats: "-3"}}, "seats"},
		{EntryDraft{Kind: "edit", Summary: "x", Edit: EditDraft{MRR: "lots"}}, "mrr"},
		{EntryDraft{Kind: "edit", Summary: "x", Edit: EditDraft{TermEnd: "30/06/2028"}}, "term end"},
		{EntryDraft{Kind: "edit", Summary: "x", Edit: EditDraft{Email: "ops at harborline"}}, "email"},
		{EntryDraft{Kind: "edit", Summary: "x"}, "edit"},
		{EntryDraft{Kind: "note", Summary: "x", Corrects: "0"}, "corrects"},
		{EntryDraft{Kind: "note"}, "summary"},
	} {
		_, err := tt.draft.Entry(cl, ClientZone(cl, scoring.Config{}), now)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%+v gave %v, want a problem with %s", tt.draft, err, tt.field)
		}
	}
}

// A client's times are read in its own zone, else ours, else UTC: never in
// the zone of the machine the owner happens to type on.
func TestClientZone(t *testing.T) {
	ours := scoring.Config{Hours: scoring.BusinessHours{TimeZone: "Europe/London"}}
	tests := []struct {
		name   string
		client string
		cfg    scoring.Config
		want   string
	}{
		{"the client's own", "America/Chicago", ours, "America/Chicago"},
		{"ours when the client has none", "", ours, "Europe/London"},
		{"ours when the client's is unknown", "Mars/Olympus", ours, "Europe/London"},
		{"UTC when neither is set", "", scoring.Config{}, "UTC"},
		{"never the machine's", "Local", scoring.Config{Hours: scoring.BusinessHours{TimeZone: "Local"}}, "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClientZone(store.Client{TimeZone: tt.client}, tt.cfg).String(); got != tt.want {
				t.Errorf("ClientZone = %s, want %s", got, tt.want)
			}
		})
	}
	// 10:00 typed for a Chicago client is 16:00 UTC in November, whatever
	// zone this machine is in.
	cl := store.Client{TimeZone: "America/Chicago"}
	e, err := EntryDraft{Kind: "note", Summary: "x", At: "2026-11-10 10:00"}.Entry(cl, ClientZone(cl, ours), recordNow)
	if want := time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC); err != nil || !e.At.Equal(want) {
		t.Errorf("10:00 in Chicago read as %v (%v), want %v", e.At, err, want)
	}
}
