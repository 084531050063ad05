package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestTicketLinks looks tickets up by number and by content key, on the
// lookups' own connection, with the import's transaction open: only the
// tickets of the reference's client count, and a reference two of its
// tickets hold returns both. Acme's and Cedar's references are many
// enough to be read over their range, Birch's are searched one by one;
// Cedar's range holds more tickets than the walk reads, and its numbers
// hold the walk's separators.
func TestTicketLinks(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	tx, err := s.BeginImport(ctx, "tickets")
	if err != nil {
		t.Fatal(err)
	}
	a, err := tx.CreateClient(Client{Name: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := tx.CreateClient(Client{Name: "Birch"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := tx.CreateClient(Client{Name: "Cedar"})
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	rows := []TicketRow{
		{ClientID: a, ExternalID: "T1", OutOfScope: &yes},                              // id 1
		{ClientID: a, ExternalID: "T2", Category: "Password reset", UserSupport: true}, // id 2
		{ClientID: b, ExternalID: "T1"},                                                // id 3
		{ClientID: b, SourceHash: "sha256:abc"},                                        // id 4
		{ClientID: a, ExternalID: "sha256:zzz"},                                        // id 5
		{ClientID: a, SourceHash: "sha256:zzz"},                                        // id 6
	}
	// Cedar's tickets are ids 7 to 206: "N 000:" to "N 199:".
	for i := range 200 {
		rows = append(rows, TicketRow{ClientID: c, ExternalID: fmt.Sprintf("N %03d:", i)})
	}
	for i, r := range rows {
		r.Line, r.Opened, r.Priority = i+2, opened, "normal"
		if err := tx.QueueTicket(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Finish(false); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	refs := []TicketRef{{a, "T1"}, {a, "T2"}, {b, "T1"}, {b, "sha256:abc"}, {a, "T9"}, {a, "sha256:zzz"}, {b, "T2"}}
	// Sixteen of Cedar's numbers, every tenth from 000 to 150: the walk
	// reads 4 × 16 + 64 = 128 tickets, "N 000:" to "N 127:", and the
	// three numbers past them are searched.
	var cedar []TicketLink
	for i := 0; i <= 150; i += 10 {
		ref := fmt.Sprintf("N %03d:", i)
		refs = append(refs, TicketRef{c, ref})
		cedar = append(cedar, TicketLink{ID: int64(7 + i), ClientID: c, Ref: ref})
	}
	want := []TicketLink{
		{ID: 1, ClientID: a, Ref: "T1", Scope: TicketScope{OutOfScope: true}},
		{ID: 2, ClientID: a, Ref: "T2", Scope: TicketScope{UserSupport: true}},
		{ID: 3, ClientID: b, Ref: "T1"},
		{ID: 4, ClientID: b, Ref: "sha256:abc"},
		// Two of Acme's tickets hold the reference: both come back, and
		// the entry is linked to neither.
		{ID: 5, ClientID: a, Ref: "sha256:zzz"},
		{ID: 6, ClientID: a, Ref: "sha256:zzz"},
	}
	want = append(want, cedar...)
	tx, err = s.BeginImport(ctx, "time")
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	// More references than one statement takes, in no order, so that the
	// lookup sorts them, splits them and pads the last statement.
	var many []TicketRef
	for i := range ticketLookupRefs + 3 {
		many = append(many, TicketRef{a, fmt.Sprintf("X%d", i)})
	}
	got, err := tx.TicketLinks(append(many, refs...))
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(got, func(x, y TicketLink) int { return int(x.ID - y.ID) })
	if !slices.Equal(got, want) {
		t.Errorf("links\n%+v\nwant\n%+v", got, want)
	}
	// Once the file is read, the lookups' read transaction ends: it would
	// hold back the commit's checkpoint.
	if err := tx.Flush(); err != nil {
		t.Fatal(err)
	}
	if tx.lookups != nil {
		t.Error("the ticket lookups outlived Flush")
	}
}
