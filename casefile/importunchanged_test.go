package casefile

import (
	"context"
	"database/sql"
	"io"
	"slices"
	"strings"
	"testing"

	"offboard/importer"
	"offboard/store"
)

// unchangedTickets opens T-1 at 18:42 New York time, after hours for its
// client (C-001, America/New_York), and T-2 inside them.
const unchangedTickets = "external_id,client_id,opened,priority,status,summary\n" +
	"T-1,C-001,2024-01-05T18:42:10-05:00,high,closed,Email not syncing\n" +
	"T-2,C-002,2024-01-08T09:15:00-05:00,low,open,New starter account\n"

// notReadAgain reports whether an import was recorded without reading its
// rows.
func notReadAgain(res *ImportResult) bool {
	return slices.ContainsFunc(res.Notes, func(n string) bool { return strings.HasPrefix(n, "not read again") })
}

func TestUnchangedFileIsNotReadAgain(t *testing.T) {
	eightToEight := store.DefaultBusinessHours()
	eightToEight.End = 20 * 60
	tests := []struct {
		name string
		// between runs after the first import of unchangedTickets.
		between func(t *testing.T, s *Desk)
		// again is the second import's reader and options.
		reader func() io.Reader
		opt    ImportOptions
		// want: read again or not, new/updated/unchanged, T-1's status
		// and after-hours flag afterwards, imports recorded.
		readAgain bool
		counts    [3]int
		ticket    string
		imports   int
	}{
		{name: "nothing changed", counts: [3]int{0, 0, 2}, ticket: "closed 1", imports: 3},
		{name: "a dry run records nothing", opt: ImportOptions{DryRun: true}, counts: [3]int{0, 0, 2}, ticket: "closed 1", imports: 2},
		{name: "another file changed a ticket", between: func(t *testing.T, s *Desk) {
			importString(t, s, importer.KindTickets, strings.Replace(unchangedTickets, "high,closed", "high,open", 1), ImportOptions{})
		}, readAgain: true, counts: [3]int{0, 1, 1}, ticket: "closed 1", imports: 4},
		{name: "the client moved to another time zone", between: func(t *testing.T, s *Desk) {
			importString(t, s, importer.KindClients, "external_id,name,time_zone\nC-001,\"Acme Dental, Inc.\",America/Los_Angeles\n", ImportOptions{})
		}, readAgain: true, counts: [3]int{0, 1, 1}, ticket: "closed 0", imports: 4},
		{name: "other business hours", opt: ImportOptions{Hours: &eightToEight},
			readAgain: true, counts: [3]int{0, 1, 1}, ticket: "closed 0", imports: 3},
		{name: "a reader that cannot seek", reader: func() io.Reader { return io.MultiReader(strings.NewReader(unchangedTickets)) },
			readAgain: true, counts: [3]int{0, 0, 2}, ticket: "closed 1", imports: 3},
		{name: "a ticket deleted outside offboard", between: func(t *testing.T, s *Desk) {
			ctx := context.Background()
			err := s.Store.Tx(ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, "DELETE FROM tickets WHERE external_id = 'T-2'"); err != nil {
					return err
				}
				return store.RebuildRollup(ctx, tx, nil)
			})
			if err != nil {
				t.Fatal(err)
			}
		}, readAgain: true, counts: [3]int{1, 0, 1}, ticket: "closed 1", imports: 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openImportDesk(t)
			mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
			importString(t, s, importer.KindTickets, unchangedTickets, ImportOptions{})
			if tc.between != nil {
				tc.between(t, s)
			}
			r := io.Reader(strings.NewReader(unchangedTickets))
			if tc.reader != nil {
				r = tc.reader()
			}
			opt := tc.opt
			opt.Kind = importer.KindTickets
			res, err := s.Import(context.Background(), "tickets.csv", r, opt)
			if err != nil {
				t.Fatal(err)
			}
			if notReadAgain(res) == tc.readAgain {
				t.Errorf("read again = %v, want %v (notes %q)", !notReadAgain(res), tc.readAgain, res.Notes)
			}
			if got := [3]int{res.New, res.Updated, res.Unchanged}; got != tc.counts || res.Rows != 2 {
				t.Errorf("%d rows: new, updated, unchanged = %v, want 2 rows: %v", res.Rows, got, tc.counts)
			}
			if got := importQueryString(t, s, "SELECT status || ' ' || after_hours FROM tickets WHERE external_id = 'T-1'"); got != tc.ticket {
				t.Errorf("T-1 = %q, want %q", got, tc.ticket)
			}
			if n := importRowCount(t, s, "SELECT count(*) FROM imports"); n != tc.imports {
				t.Errorf("%d imports recorded, want %d", n, tc.imports)
			}
			noOrphans(t, s)
			checkRollupExact(t, s, tc.name)
		})
	}
}

// TestUnchangedTimeFollowsItsTickets checks that time entries are read
// again when the tickets they link to change, and only then.
func TestUnchangedTimeFollowsItsTickets(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	importString(t, s, importer.KindTickets, unchangedTickets, ImportOptions{})
	entries := "external_id,client_id,ticket,date,minutes\nE-1,C-001,T-1,2024-01-05,30\nE-2,C-001,T-3,2024-01-09,45\n"
	importString(t, s, importer.KindTime, entries, ImportOptions{})
	// The same tickets again are not read, and change nothing the entries
	// depend on.
	if res := importString(t, s, importer.KindTickets, unchangedTickets, ImportOptions{}); !notReadAgain(res) {
		t.Errorf("tickets read again: %+v", res)
	}
	if res := importString(t, s, importer.KindTime, entries, ImportOptions{}); !notReadAgain(res) || res.Unchanged != 2 {
		t.Errorf("time entries: read again %v, %d unchanged; want not read, 2 unchanged", !notReadAgain(res), res.Unchanged)
	}
	// T-3 arrives: E-2 is linked to it when the same entries come again.
	importString(t, s, importer.KindTickets, unchangedTickets+"T-3,C-001,2024-01-09T10:00:00-05:00,normal,open,Printer\n", ImportOptions{})
	res := importString(t, s, importer.KindTime, entries, ImportOptions{})
	if notReadAgain(res) || res.Updated != 1 || res.Unchanged != 1 {
		t.Errorf("time entries after a new ticket: read again %v, %d updated, %d unchanged; want read, 1 updated, 1 unchanged",
			!notReadAgain(res), res.Updated, res.Unchanged)
	}
	if got := importQueryString(t, s, "SELECT t.external_id FROM time_entries e JOIN tickets t ON t.id = e.ticket_id WHERE e.source_hash = 'E-2'"); got != "T-3" {
		t.Errorf("E-2 is linked to %q, want T-3", got)
	}
	checkRollupExact(t, s, "time entries after a new ticket")
}

// TestRejectingImportIsReadAgain: a file with a bad row, imported with
// --skip-bad, is read every time, so that its bad rows are reported again.
func TestRejectingImportIsReadAgain(t *testing.T) {
	s := openImportDesk(t)
	mustImport(t, s, importer.KindClients, "offboard/clients.csv", ImportOptions{})
	bad := unchangedTickets + "T-9,C-001,yesterday,low,open,Bad date\n"
	for i := range 2 {
		res := importString(t, s, importer.KindTickets, bad, ImportOptions{SkipBad: true})
		if notReadAgain(res) || res.Rejected != 1 {
			t.Errorf("import %d: read again %v, %d rejected; want read, 1 rejected", i+1, !notReadAgain(res), res.Rejected)
		}
	}
}

func TestOptionsFingerprint(t *testing.T) {
	eightToEight := store.DefaultBusinessHours()
	eightToEight.End = 20 * 60
	base := ImportOptions{Kind: importer.KindTickets, ClientDomains: map[string]string{"a.example": "A", "b.example": "B"}}
	same := []ImportOptions{
		base,
		{Kind: importer.KindTickets, ClientDomains: map[string]string{"b.example": "B", "a.example": "A"}, DryRun: true,
			OnRecord: func(int) {}},
	}
	differ := []ImportOptions{
		{Kind: importer.KindTickets},
		{Kind: importer.KindTime, ClientDomains: base.ClientDomains},
		{Kind: importer.KindTickets, ClientDomains: base.ClientDomains, SkipBad: true},
		{Kind: importer.KindTickets, ClientDomains: base.ClientDomains, Hours: &eightToEight},
		{Kind: importer.KindTickets, ClientDomains: base.ClientDomains, DateOrder: importer.DateOrderDMY},
	}
	want := optionsFingerprint(base)
	if len(want) != 64 {
		t.Fatalf("fingerprint %q is not a SHA-256", want)
	}
	for i, o := range same {
		if got := optionsFingerprint(o); got != want {
			t.Errorf("same options %d: fingerprint differs", i)
		}
	}
	seen := map[string]int{want: -1}
	for i, o := range differ {
		got := optionsFingerprint(o)
		if j, dup := seen[got]; dup {
			t.Errorf("options %d have the fingerprint of %d", i, j)
		}
		seen[got] = i
	}
}

// importString imports a file given as text and fails the test on error.
func importString(t *testing.T, s *Desk, kind importer.Kind, body string, opt ImportOptions) *ImportResult {
	t.Helper()
	opt.Kind = kind
	res, err := s.Import(context.Background(), string(kind)+".csv", strings.NewReader(body), opt)
	if err != nil {
		t.Fatalf("import %s: %v", kind, err)
	}
	return res
}
