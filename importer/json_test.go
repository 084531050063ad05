package importer

import (
	"os"
	"strings"
	"testing"
)

func readMappingFixture(t *testing.T, rel string) *Mapping {
	t.Helper()
	f, err := os.Open(fixture(rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := ReadMapping(rel, f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestConnectWiseProjectTicketsJSON(t *testing.T) {
	m := readMappingFixture(t, "connectwise/project-tickets.map.json")
	recs, sum := parseFixture(t, "connectwise/project-tickets.json", Options{Kind: KindTickets, Preset: m.Preset("project-tickets.map.json")})
	if sum.ErrorCount != 0 {
		t.Fatal(sum.Err())
	}
	eq(t, "format", sum.Format, "JSON")
	eq(t, "records", len(recs), 3)
	want := []struct {
		id, client, summary, status, priority, category string
		opened, closed                                  string
		line                                            int
	}{
		{"4107", "Tailspin Toys", "Migrate file shares to SharePoint", "In Progress", "Priority 3 - Normal Response", "Migration", "2024-03-04 14:22:10", "", 0},
		{"4108", "Tailspin Toys", "Cut over MX records and retire the old mail server", ">Closed", "Priority 2 - Quick Response", "Migration", "2024-03-05 08:10:00", "2024-03-16 22:40:00", 1},
		{"4215", "Northwind Traders", "Replace the core switch stack", "New", "Priority 1 - Emergency Response", "Infrastructure", "2024-04-02 19:55:31", "", 2},
	}
	for i, w := range want {
		r := recs[i].(TicketRecord)
		eq(t, "ticket number", r.ExternalID, w.id)
		eq(t, w.id+" key", r.Key(), w.id)
		eq(t, w.id+" client", r.Client.Name, w.client)
		eq(t, w.id+" summary", r.Summary, w.summary)
		eq(t, w.id+" status", r.Status, w.status)
		eq(t, w.id+" priority", r.Priority, w.priority)
		eq(t, w.id+" category", r.Category, w.category)
		eq(t, w.id+" line is the array index", r.Line(), w.line)
		eqTime(t, w.id+" opened", r.Opened, day(w.opened))
		eq(t, w.id+" opened with its zone", r.OpenedHasZone, true)
		if w.closed == "" {
			eq(t, w.id+" open", r.Closed.IsZero(), true)
		} else {
			eqTime(t, w.id+" closed", r.Closed, day(w.closed))
		}
	}
}

func TestJSONShapes(t *testing.T) {
	mapping := func(extra string) *Preset {
		m, err := ReadMapping("m.json", strings.NewReader(`{"kind":"tickets","columns":{"external_id":"ticket_id",`+
			`"client":["client.name","site.client_name"],"opened":"dateoccurred","status":"status.name"}`+extra+`}`))
		if err != nil {
			t.Fatal(err)
		}
		return m.Preset("m.json")
	}
	halo := `{"record_count": 2, "page_no": 1, "tickets": [
		{"ticket_id": 301, "client": {"id": 9, "name": "Fabrikam"}, "dateoccurred": "2024-05-01T09:00:00Z", "status": {"name": "New"}},
		{"ticket_id": 302, "client": null, "site": {"client_name": "Contoso"}, "dateoccurred": "2024-05-02T10:30:00Z", "status": {"name": "Closed"}}
	], "columns": ["a", "b"]}`
	tests := []struct {
		name    string
		in      string
		preset  *Preset
		clients string
		notes   string
		err     string
		errs    string
	}{
		{name: "HaloPSA's object found by its only array of records", in: halo, preset: mapping(""),
			clients: "301 Fabrikam|302 Contoso", notes: `read the records of JSON "tickets"`},
		{name: "records named in the mapping", in: halo, preset: mapping(`,"records":"tickets"`),
			clients: "301 Fabrikam|302 Contoso"},
		{name: "a nested wrapper", in: `{"data": {"meta": {"x": [1]}, "items": [{"ticket_id": 7, "client": {"name": "Acme"}, "dateoccurred": "2024-01-02"}]}}`,
			preset: mapping(`,"records":"data.items"`), clients: "7 Acme"},
		{name: "a byte-order mark and a file name that says nothing", in: "\ufeff[]", preset: mapping(""), clients: ""},
		{name: "two arrays of records make a guess", preset: mapping(""),
			in:  `{"tickets": [{"ticket_id": 1}], "actions": [{"ticket_id": 1}]}`,
			err: `more than one array of records; name the one to read in the mapping, as "records": "tickets"`},
		{name: "records that are not there", in: halo, preset: mapping(`,"records":"requests"`),
			err: `the file has no "requests" holding the records`},
		{name: "cut short", in: `[{"ticket_id": 1, "client": {"name": "A"}, "dateoccurred": "2024-01-02"}, {"ticket_id": 2`, preset: mapping(""),
			err: "the file is cut short"},
		{name: "a misspelt path is named", preset: mapping(""),
			in:      `[{"ticket_id": 1, "client": {"name": "A"}, "dateoccurred": "2024-01-02"}]`,
			clients: "1 A", notes: `no record has "site.client_name", "status.name": check the mapping's spelling`},
		{name: "errors name the file, the index and the path", preset: mapping(""),
			in: `[{"ticket_id": 1, "client": {"name": "A"}, "dateoccurred": "2024-01-02"},
			      {"ticket_id": 2, "client": {"name": "A"}, "dateoccurred": "yesterday"},
			      {"ticket_id": 3, "client": {"name": "A"}, "dateoccurred": "2024-01-02", "status": {"name": {"en": "New"}}},
			      "stray"]`,
			clients: "1 A",
			errs: `tickets.json:1: column "dateoccurred": cannot read "yesterday" as a date` + "\n" +
				`tickets.json:2: column "status.name": holds an object, not a value; name one of its fields (en)` + "\n" +
				`tickets.json:3: the record is a string, not an object`},
		{name: "records named for a CSV file", in: "ticket_id,client.name,dateoccurred\n1,A,2024-01-02\n",
			preset: mapping(`,"records":"tickets"`), err: `names the records of a JSON file, but this file is not JSON`},
		{name: "JSON without a mapping lists its paths", in: halo,
			err: `a JSON file is read through a mapping file (--map) naming our fields by dotted path, such as "client": "company.name"` +
				"\n  its records hold: client.id, client.name, dateoccurred, site.client_name, status.name, ticket_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, sum, err := ParseAll("tickets.json", strings.NewReader(tt.in), Options{Kind: KindTickets, Preset: tt.preset})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range recs {
				tr := r.(TicketRecord)
				got = append(got, tr.ExternalID+" "+tr.Client.Name)
			}
			eq(t, "tickets", strings.Join(got, "|"), tt.clients)
			if tt.notes != "" {
				eq(t, "notes", strings.Join(sum.Notes, "; "), tt.notes)
			}
			errs := ""
			if sum.Err() != nil {
				errs = sum.Err().Error()
			}
			eq(t, "errors", errs, tt.errs)
		})
	}
}

func TestIsJSON(t *testing.T) {
	tests := map[string]bool{
		`[{"id": 1}]`:                 true,
		" \n\t{\"tickets\": []}":      true,
		"\ufeff[ ]":                   true,
		"[required] Title,Account\n":  false,
		"[Ticket],[Client]\n1,Acme\n": false,
		"Date,Client,Hours\n":         false,
		"":                            false,
	}
	for in, want := range tests {
		if got := IsJSON([]byte(in)); got != want {
			t.Errorf("IsJSON(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestJSONPathLookup(t *testing.T) {
	rec := map[string]any{
		"company":      map[string]any{"name": "Tailspin Toys", "site": nil},
		"customFields": []any{map[string]any{"value": "CHG-1"}, map[string]any{"value": "CHG-2"}},
		"7":            "a key that is a number",
	}
	tests := []struct {
		path  string
		value any
		found bool
	}{
		{"company.name", "Tailspin Toys", true},
		{"customFields.1.value", "CHG-2", true},
		{"customFields[0].value", "CHG-1", true},
		{"customFields.2.value", nil, false},
		{"customFields.first.value", nil, false},
		{"company.site.name", nil, true},
		{"company.phone", nil, false},
		{"7", "a key that is a number", true},
	}
	for _, tt := range tests {
		v, found := parseJSONPath(tt.path).lookup(rec)
		if v != tt.value || found != tt.found {
			t.Errorf("lookup(%q) = %v, %v; want %v, %v", tt.path, v, found, tt.value, tt.found)
		}
	}
}

// A JSON export is read in every encoding a CSV export is: PowerShell 5
// saves ConvertTo-Json output as UTF-16 with a byte-order mark, editors on
// Windows add a UTF-8 one or save Windows-1252. Each fixture holds the same
// two tickets, with CRLF line ends and accented letters, dashes, guillemets
// and a euro sign that only a right decoding keeps.
func TestJSONEncodings(t *testing.T) {
	m := readMappingFixture(t, "encodings/tickets.map.json")
	want := []struct {
		id, client, summary, status string
		opened, closed              string
	}{
		{"5101", "Café Müller GmbH", "Drucker im 2. Stock – Störung", "Offen", "2024-06-03 08:15:00", ""},
		{"5102", "Bäckerei Löwe & Söhne", "Rechnung über 1.200 € prüfen — «dringend»", "Closed", "2024-06-04 13:40:00", "2024-06-05 09:05:00"},
	}
	for _, tt := range []struct{ file, encoding string }{
		{"tickets-utf8.json", "UTF-8"},
		{"tickets-utf8-bom.json", "UTF-8"},
		{"tickets-utf16le.json", "UTF-16"},
		{"tickets-utf16be.json", "UTF-16"},
		{"tickets-windows1252.json", "Windows-1252"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			recs, sum := parseFixture(t, "encodings/"+tt.file, Options{Kind: KindTickets, Preset: m.Preset("tickets.map.json")})
			if sum.ErrorCount != 0 {
				t.Fatal(sum.Err())
			}
			eq(t, "format", sum.Format, "JSON")
			eq(t, "encoding", sum.Encoding, tt.encoding)
			eq(t, "records", len(recs), len(want))
			for i, w := range want {
				r := recs[i].(TicketRecord)
				eq(t, "ticket number", r.ExternalID, w.id)
				eq(t, w.id+" client", r.Client.Name, w.client)
				eq(t, w.id+" summary", r.Summary, w.summary)
				eq(t, w.id+" status", r.Status, w.status)
				eqTime(t, w.id+" opened", r.Opened, day(w.opened))
				if w.closed == "" {
					eq(t, w.id+" open", r.Closed.IsZero(), true)
				} else {
					eqTime(t, w.id+" closed", r.Closed, day(w.closed))
				}
			}
		})
	}
}

// Without a mapping, a UTF-16 JSON file is still known for JSON, and the
// paths its records hold are listed decoded.
func TestJSONEncodingsWithoutMapping(t *testing.T) {
	for _, file := range []string{"tickets-utf16le.json", "tickets-utf16be.json", "tickets-windows1252.json"} {
		f, err := os.Open(fixture("encodings/" + file))
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = ParseAll(file, f, Options{Kind: KindTickets})
		f.Close()
		want := file + `: a JSON file is read through a mapping file (--map)`
		paths := "its records hold: client.name, dateclosed, dateoccurred, id, status.name, summary"
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), paths) {
			t.Errorf("%s: err = %v\nwant it to start %q and list %q", file, err, want, paths)
		}
	}
}
