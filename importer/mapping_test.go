package importer

import (
	"fmt"
	"strings"
	"testing"
)

func mappingPreset(t *testing.T, in string) (*Preset, *RowFilter) {
	t.Helper()
	m, err := ReadMapping("m.json", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return m.Preset("m.json"), m.Filter()
}

func TestFallbackColumns(t *testing.T) {
	preset, _ := mappingPreset(t, `{"kind":"time","columns":{"date":"Date","hours":"Hours",`+
		`"client":["Client","Project","Account"],"notes":["Notes","Description"]}}`)
	in := "Date,Client,Project,Account,Hours,Notes,Description\n" +
		"2024-01-15,Acme,Acme Website,,1.5,,set up DNS\n" +
		"2024-01-16,,Globex Intranet,,2,reboot,\n" +
		"2024-01-17,,,Initech,0.5,,\n" +
		"2024-01-18,,,,1,,\n"
	recs, sum, err := ParseAll("time.csv", strings.NewReader(in), Options{Kind: KindTime, Preset: preset})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		tr := r.(TimeRecord)
		got = append(got, tr.Client.Name+"/"+tr.Notes)
	}
	eq(t, "clients and notes, first non-empty", strings.Join(got, "|"), "Acme/set up DNS|Globex Intranet/reboot|Initech/")
	eq(t, "the row naming no client in any column", sum.Err().Error(), `time.csv:5: column "Client": no client: the row names none`)
	eq(t, "every named column is read", len(sum.Unused), 0)
}

func TestRowFilter(t *testing.T) {
	// A general-ledger export: the invoices are the Accounts Receivable
	// lines, less the voided ones.
	in := "Date,Transaction Type,Num,Name,Account,Amount,Memo\n" +
		"2024-02-01,Invoice,1001,Acme,Accounts Receivable,1200.00,\n" +
		"2024-02-01,Invoice,1001,Acme,Services,-1200.00,\n" +
		"2024-02-03,Invoice,1002,Globex, accounts receivable ,300.00,\n" +
		"2024-02-04,Invoice,1003,Globex,Accounts Receivable,50.00,VOID\n" +
		"2024-02-05,Deposit,,Acme,Undeposited Funds,1200.00,\n"
	tests := []struct {
		name, mapping, numbers string
		filtered               int
		err                    string
	}{
		{name: "only one account", mapping: `"only":{"Account":"Accounts Receivable"}`, numbers: "1001 1200|1002 300|1003 50", filtered: 2},
		{name: "only and skip", mapping: `"only":{"Account":"Accounts Receivable","Transaction Type":["Invoice","Credit Memo"]},"skip":{"Memo":"void"}`,
			numbers: "1001 1200|1002 300", filtered: 3},
		{name: "a blank value matches a blank cell", mapping: `"only":{"Account":"Accounts Receivable","Memo":""}`,
			numbers: "1001 1200|1002 300", filtered: 3},
		{name: "a column the file lacks", mapping: `"only":{"Acount":"Accounts Receivable"}`,
			err: `invoices.csv: the mapping's filter reads column "Acount", which the header lacks`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			preset, filter := mappingPreset(t, `{"kind":"invoices","columns":{"number":"Num","client":"Name","issued":"Date","amount":"Amount"},`+tt.mapping+`}`)
			recs, sum, err := ParseAll("invoices.csv", strings.NewReader(in), Options{Kind: KindInvoices, Preset: preset, Filter: filter})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sum.ErrorCount > 0 {
				t.Fatal(sum.Err())
			}
			var got []string
			for _, r := range recs {
				ir := r.(InvoiceRecord)
				got = append(got, fmt.Sprintf("%s %d", ir.Number, ir.Amount.Minor/100))
			}
			eq(t, "invoices", strings.Join(got, "|"), tt.numbers)
			eq(t, "rows left out", sum.Filtered, tt.filtered)
		})
	}
}

func TestReadMappingFilter(t *testing.T) {
	for in, want := range map[string]string{
		`{"kind":"time","columns":{"date":"D","hours":"H"},"only":{"A":[]}}`: `the filter on column "A" lists no value`,
		`{"kind":"time","columns":{"date":"D","hours":"H"},"skip":{"A":3}}`:  `must be a text or a list of texts, not 3`,
		`{"kind":"time","records":"items"}`:                                  `"records" reads a JSON file, which needs "columns"`,
	} {
		if _, err := ReadMapping("m.json", strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadMapping(%s): err = %v, want %q", in, err, want)
		}
	}
	m, err := ReadMapping("m.json", strings.NewReader(`{"kind":"time","only":{"Account":["A/R","Accounts Receivable"]},"skip":{"Memo":"void"}}`))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "a mapping with a filter and no columns keeps the recognised preset", m.Preset("m.json") == nil, true)
	eq(t, "filter", m.Filter().String(), `only Account "A/R", "Accounts Receivable", skipping Memo "void"`)
}

func TestDuplicateRows(t *testing.T) {
	in := "date,client,hours,notes\n" +
		"2024-01-15,Acme,1.5,backup check\n" +
		"2024-01-15,Acme,1.5,backup check\n" +
		"2024-01-15,Acme,1.5,backup check \n" +
		"2024-01-16,Acme,1.5,backup check\n" +
		"2024-01-15,Acme,1.5,backup check\n"
	for _, tt := range []struct {
		dedupe  bool
		records int
	}{{false, 5}, {true, 2}} {
		recs, sum, err := ParseAll("time.csv", strings.NewReader(in), Options{Kind: KindTime, Dedupe: tt.dedupe})
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "records", len(recs), tt.records)
		eq(t, "duplicates", sum.DuplicateCount, 3)
		eq(t, "rows read", sum.Rows, 5)
		want := []Duplicate{{Line: 3, First: 2}, {Line: 4, First: 2}, {Line: 6, First: 2}}
		for i, d := range want {
			eq(t, "duplicate", sum.Duplicates[i], d)
		}
	}
}

func TestFilterWithARecognisedPreset(t *testing.T) {
	m, err := ReadMapping("m.json", strings.NewReader(`{"kind":"time","skip":{"billable":"no"}}`))
	if err != nil {
		t.Fatal(err)
	}
	in := "date,client,hours,billable\n2024-01-15,Acme,1.5,yes\n2024-01-15,Acme,2,No\n2024-01-16,Acme,1,\n"
	recs, sum, err := ParseAll("time.csv", strings.NewReader(in), Options{Kind: KindTime, Filter: m.Filter()})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "preset", sum.Preset.Name, "offboard-time")
	eq(t, "records", len(recs), 2)
	eq(t, "left out", sum.Filtered, 1)
}

// A mapping file saved by Notepad or PowerShell is read in its encoding.
func TestReadMappingEncodings(t *testing.T) {
	const m = "{\r\n  \"kind\": \"tickets\",\r\n  \"columns\": {\"client\": \"Société\", \"opened\": \"Créé le\"}\r\n}\r\n"
	for _, tt := range []struct{ name, in string }{
		{"UTF-8", m},
		{"UTF-8 with a byte-order mark", "\ufeff" + m},
		{"UTF-16 little-endian", utf16(m, false)},
		{"UTF-16 big-endian", utf16(m, true)},
	} {
		got, err := ReadMapping("m.json", strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		eq(t, tt.name+": client column", strings.Join(got.Columns["client"], "|"), "Société")
		eq(t, tt.name+": opened column", strings.Join(got.Columns["opened"], "|"), "Créé le")
	}
}

// A mapping that is not one says where, in the file's terms.
func TestReadMappingErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `mapping m.json: the file is empty; a mapping is a JSON object such as {"kind": "time", "columns": {...}}`},
		{`{"kind": "time"`, "mapping m.json: the JSON ends too early: a brace or a quote is not closed"},
		{"{\"kind\": \"time\",\n \"columns\": {\"date\": \"Day\",}}", `mapping m.json: line 2, column 28: not valid JSON: invalid character '}' looking for beginning of object key string`},
		{`{"kind": "time", "colums": {}}`, `mapping m.json: unknown key "colums"; a mapping's keys are kind, columns, records, only, skip, date_order, currency, client_domains`},
		{`{"kind": 5}`, `mapping m.json: line 1: "kind" must be text, not a number`},
		{`{"kind": "time", "columns": ["Day"]}`, `mapping m.json: line 1: "columns" must be an object, not an array`},
		{`[{"kind": "time"}]`, `mapping m.json: the file holds an array; a mapping is a JSON object such as {"kind": "time", "columns": {...}}`},
		{`{"kind": "time"} {"kind": "tickets"}`, "mapping m.json: more follows the mapping's closing brace; a file holds one mapping"},
		{`{"kind": "tickts"}`, `mapping m.json: unknown kind "tickts"`},
	} {
		_, err := ReadMapping("m.json", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: err = %v\nwant %s", tt.in, err, tt.want)
		}
	}
}
