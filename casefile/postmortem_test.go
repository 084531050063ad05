package casefile

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"offboard/letters"
	"offboard/money"
	"offboard/store"
)

func TestFlagOnsetsNameDateAndCountTheFlags(t *testing.T) {
	// The first sign of each kind in a client's records, as the store reads
	// them: two kinds show resistance to modernization, one shows no flag.
	signs := []store.FlagSign{
		{Kind: "after_hours", FirstSeen: day("2025-03-02"), Count: 2, Detail: "weekend call for a printer"},
		{Kind: "abuse", FirstSeen: day("2025-08-01"), Count: 1, Detail: "shouted at the technician"},
		{Kind: "other", FirstSeen: day("2025-09-01"), Count: 1, Detail: "not a flag"},
		{Kind: "naivete", FirstSeen: day("2025-06-01"), Count: 1},
		{Kind: store.SignDeclinedUpgrade, FirstSeen: day("2025-02-01"), Count: 1, Detail: "Replace Windows 10 PCs"},
		{Kind: store.SignLatePayment, FirstSeen: day("2025-03-31"), Count: 3, Detail: "I2", DaysLate: 45},
	}
	want := []letters.FlagHistory{
		{Flag: "Resistance to modernization", FirstSeen: day("2025-02-01"), Evidence: "upgrade declined: Replace Windows 10 PCs (2 signs in all)"},
		{Flag: "After-hours urgency", FirstSeen: day("2025-03-02"), Evidence: "first incident: weekend call for a printer (2 signs in all)"},
		{Flag: "Late payment", FirstSeen: day("2025-03-31"), Evidence: "invoice I2 paid 45 days after its due date (3 signs in all)"},
		{Flag: "Mistreatment of staff", FirstSeen: day("2025-08-01"), Evidence: "first incident: shouted at the technician"},
	}
	if got := flagOnsets(signs); !slices.Equal(got, want) {
		t.Errorf("onsets = %+v\nwant %+v", got, want)
	}
	open := flagOnsets([]store.FlagSign{{Kind: store.SignLatePayment, FirstSeen: day("2026-10-31"), Count: 1, Detail: "I4", DaysLate: 54, StillOpen: true}})
	if len(open) != 1 || open[0].Evidence != "invoice I4 still unpaid 54 days after its due date" {
		t.Errorf("an open invoice: %+v", open)
	}
}

func TestSplitLessons(t *testing.T) {
	changes, notes := SplitLessons("- Raise a watch at the second late invoice.\r\n* Price after-hours work.\n-\nWe waited.\n\nToo long.")
	if !slices.Equal(changes, []string{"Raise a watch at the second late invoice.", "Price after-hours work."}) ||
		notes != "We waited.\n\nToo long." {
		t.Errorf("changes %q, notes %q", changes, notes)
	}
}

func TestPostMortemDatesTheActionTakenOnEachFlag(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	if _, err := d.PostMortem(ctx, cl.ID, letterNow); !errors.Is(err, ErrNoNotice) {
		t.Fatalf("before notice: %v, want ErrNoNotice", err)
	}
	// After-hours calls from March 2025, a plan started in September that
	// failed, then staff mistreated in October: only the first flag was
	// acted on.
	plant(t, d, `INSERT INTO incidents (client_id, occurred_at, kind, severity, description) VALUES
        (?1, '2025-03-02T09:00:00Z', 'after_hours', 2, 'weekend call for a printer'),
        (?1, '2025-10-01T09:00:00Z', 'abuse', 4, 'shouted at the technician')`, cl.ID)
	plant(t, d, `INSERT INTO remediation_plans (client_id, status, created_at, updated_at) VALUES
        (?1, 'failed', '2025-09-15T10:00:00Z', '2025-10-15T10:00:00Z')`, cl.ID)
	sendNotice(t, d, cl)
	if err := d.Store.SaveLessons(ctx, cl.ID, "- Price after-hours work.\nWe waited too long."); err != nil {
		t.Fatal(err)
	}
	note, err := d.PostMortem(ctx, cl.ID, letterNow)
	if err != nil {
		t.Fatal(err)
	}
	flags := note.Input.Flags
	if len(flags) != 2 || flags[0].Flag != "After-hours urgency" || store.Date(flags[0].ActionTaken) != "2025-09-15" ||
		flags[0].Action != "Remediation plan started (failed)" || flags[1].Flag != "Mistreatment of staff" || !flags[1].ActionTaken.IsZero() {
		t.Errorf("flags = %+v", flags)
	}
	if !slices.Equal(note.Input.Changes, []string{"Price after-hours work."}) || note.Input.Notes != "We waited too long." ||
		note.Input.Author != "Sam Lee" || store.Date(note.Input.NoticeSent) != "2026-11-23" {
		t.Errorf("input = %+v", note.Input)
	}
	doc := note.Document
	if doc.ClientID != cl.ID || doc.Kind != "postmortem" || doc.Title != "Post-mortem of Acme" ||
		!strings.Contains(doc.Markdown, "Remediation plan started (failed)") {
		t.Errorf("document = %+v", doc)
	}
}

// The client since 1 January 2025, though its record begins with an
// invoice on 1 February 2025 (a Saturday), its first red flag on 2 March
// 2025 and notice effective 23 December 2026: revenue counts the invoices
// issued in each span, cost the minutes worked at 72.00 an hour (90 minutes cost
// 108.00, 30 minutes 36.00); what falls after the effective date does not
// count.
func TestPostMortemEconomics(t *testing.T) {
	d := letterDesk(t)
	cl := letterClient(t, d)
	ctx := context.Background()
	plant(t, d, `UPDATE clients SET client_since_on = '2025-01-01' WHERE id = ?1`, cl.ID)
	if err := d.Store.SetSetting(ctx, store.SettingLabourCostPerHour, "7200"); err != nil {
		t.Fatal(err)
	}
	plant(t, d, `INSERT INTO incidents (client_id, occurred_at, kind, severity) VALUES (?1, '2025-03-02T09:00:00Z', 'after_hours', 2)`, cl.ID)
	plant(t, d, `INSERT INTO invoices (client_id, number, issued_on, due_on, amount_minor, balance_minor) VALUES
        (?1, 'A', '2025-02-01', '2025-03-01', 100000, 0), (?1, 'B', '2025-04-01', '2025-05-01', 50000, 0),
        (?1, 'C', '2027-01-01', '2027-02-01', 70000, 70000)`, cl.ID)
	plant(t, d, `INSERT INTO time_entries (client_id, worked_on, seconds) VALUES
        (?1, '2025-02-10', 5400), (?1, '2025-06-10', 1800), (?1, '2027-01-05', 36000)`, cl.ID)
	sendNotice(t, d, cl)
	cl, _ = d.Store.Client(ctx, cl.ID)
	note, err := d.PostMortem(ctx, cl.ID, letterNow)
	if err != nil {
		t.Fatal(err)
	}
	usd := func(minor int64) money.Money { return money.Money{Minor: minor, Currency: "USD"} }
	want := letters.Economics{Since: day("2025-02-01"), Revenue: usd(150000), Cost: usd(14400), FlagRevenue: usd(50000), FlagCost: usd(3600)}
	if e := note.Input.Economics; e == nil || *e != want {
		t.Errorf("economics = %+v, want %+v", e, want)
	}
	if !strings.Contains(note.Document.Markdown, "| Since Saturday, 1 February 2025 | USD 1,500.00 | USD 144.00 | USD 1,356.00 |") {
		t.Errorf("the note does not show the economics:\n%s", note.Document.Markdown)
	}
}
