package casefile

import (
	"slices"
	"testing"

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
	want := []flagOnset{
		{"Resistance to modernization", day("2025-02-01"), "upgrade declined: Replace Windows 10 PCs (2 signs in all)"},
		{"After-hours urgency", day("2025-03-02"), "first incident: weekend call for a printer (2 signs in all)"},
		{"Late payment", day("2025-03-31"), "invoice I2 paid 45 days after its due date (3 signs in all)"},
		{"Mistreatment of staff", day("2025-08-01"), "first incident: shouted at the technician"},
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
