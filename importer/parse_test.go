package importer

import (
	"errors"
	"offboard/money"
	"os"
	"strings"
	"testing"
)

func TestBadValueMessage(t *testing.T) {
	recs, sum := parseFixture(t, "pitfalls/bad-date.csv", Options{Kind: KindInvoices})
	want := `bad-date.csv:3: column "Due Date": cannot read "31/02/2024" as a date`
	if sum.ErrorCount != 1 || sum.Errors[0].Error() != want {
		t.Fatalf("errors = %v, want exactly %q", sum.Errors, want)
	}
	if len(recs) != 1 || len(sum.Rejects) != 1 || sum.Rejects[0].Line != 3 {
		t.Errorf("records %d, rejects %+v; want 1 record and line 3 rejected", len(recs), sum.Rejects)
	}
	if got := sum.Rejects[0].Values; len(got) != 7 || got[4] != "31/02/2024" {
		t.Errorf("reject keeps the row's values: %q", got)
	}
}

func TestPitfalls(t *testing.T) {
	tests := []struct {
		file   string
		opt    Options
		preset string
		count  int
		errs   []string
		check  func(t *testing.T, recs []Record, sum *Summary)
	}{
		{file: "pitfalls/quoted-newline.csv", opt: Options{Kind: KindTime}, preset: "offboard-time", count: 1,
			errs: []string{`quoted-newline.csv:5: column "date": cannot read "2024-13-45" as a date`}},
		{file: "pitfalls/banner.csv", opt: Options{Kind: KindTime}, preset: "harvest-time", count: 1,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				eq(t, "line after the banner", recs[0].Line(), 6)
				eq(t, "minutes", recs[0].(TimeRecord).Seconds, 30*60)
			}},
		{file: "pitfalls/bom-crlf.csv", opt: Options{Kind: KindInvoices}, preset: "offboard-invoices", count: 2,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				eq(t, "grouped thousands", recs[0].(InvoiceRecord).Amount.Minor, int64(102000))
				eq(t, "trailing spaces", recs[1].(InvoiceRecord).Amount.Minor, int64(1350))
				eq(t, "number after a BOM", recs[0].(InvoiceRecord).Number, "INV-9")
			}},
		{file: "pitfalls/money.csv", opt: Options{Kind: KindInvoices}, preset: "offboard-invoices", count: 6,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				want := []int64{1350, -40000, -14285, 102000, 200000, 1350}
				for i, r := range recs {
					inv := r.(InvoiceRecord)
					eq(t, inv.Number, inv.Amount.Minor, want[i])
					eq(t, inv.Number+" currency from header", inv.Amount.Currency, "EUR")
				}
			}},
		{file: "pitfalls/cents.csv", opt: Options{Kind: KindPayments}, preset: "offboard-payments", count: 2,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				eq(t, "cents", recs[0].(PaymentRecord).Amount, money.Money{Minor: 1350, Currency: "USD"})
				eq(t, "negative cents", recs[1].(PaymentRecord).Amount.Minor, int64(-200))
			}},
		{file: "pitfalls/dates-dmy.csv", opt: Options{Kind: KindTime}, preset: "offboard-time", count: 3,
			check: func(t *testing.T, recs []Record, sum *Summary) {
				byLine := timeByLine(recs)
				eqTime(t, "03/04 read day-first from 13/04 below", byLine[2].Worked, day("2024-04-03"))
				eqTime(t, "05/06", byLine[4].Worked, day("2024-06-05"))
				eq(t, "decided order", sum.DateOrders["date"], DateOrderDMY)
			}},
		{file: "pitfalls/dates-ambiguous.csv", opt: Options{Kind: KindTime}, preset: "offboard-time", count: 1,
			errs: []string{
				`dates-ambiguous.csv:2: column "date": cannot read "03/04/2024" as a date (day and month order is ambiguous; pass --date-order mdy or dmy)`,
				`dates-ambiguous.csv:3: column "date": cannot read "05/06/2024" as a date (day and month order is ambiguous; pass --date-order mdy or dmy)`,
			}},
		{file: "pitfalls/dates-ambiguous.csv", opt: Options{Kind: KindTime, DateOrder: DateOrderMDY}, preset: "offboard-time", count: 3,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				eqTime(t, "--date-order mdy", recs[0].(TimeRecord).Worked, day("2024-03-04"))
			}},
		{file: "pitfalls/dates-mixed.csv", opt: Options{Kind: KindTime}, preset: "offboard-time", count: 2,
			errs: []string{`dates-mixed.csv:2: column "date": has day-first dates (line 2) and month-first dates (line 3); fix the file or pass --date-order`}},
		{file: "pitfalls/totals.csv", opt: Options{Kind: KindTime}, preset: "harvest-time", count: 2,
			check: func(t *testing.T, recs []Record, sum *Summary) {
				eq(t, "totals row skipped", len(sum.TotalLines) == 1 && sum.TotalLines[0] == 4, true)
			}},
		{file: "pitfalls/windows-1252.csv", opt: Options{Kind: KindTime}, preset: "harvest-time", count: 1,
			check: func(t *testing.T, recs []Record, sum *Summary) {
				r := recs[0].(TimeRecord)
				eq(t, "encoding", sum.Encoding, "Windows-1252")
				eq(t, "client", r.Client.Name, "Müller GmbH")
				eq(t, "technician", r.Technician, "Jörg Weiß")
			}},
		{file: "pitfalls/translated.csv", opt: Options{Kind: KindTime}, preset: "offboard-time", count: 1,
			check: func(t *testing.T, recs []Record, _ *Summary) {
				r := recs[0].(TimeRecord)
				eq(t, "Stunden", r.Seconds, 90*60)
				eq(t, "Techniker", r.Technician, "Anna Lee")
				eq(t, "Kunde", r.Client.Name, "Acme Dental")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, sum := parseFixture(t, tt.file, tt.opt)
			if sum.Preset.Name != tt.preset {
				t.Errorf("preset %s, want %s", sum.Preset.Name, tt.preset)
			}
			var got []string
			for _, e := range sum.Errors {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.errs, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.errs, "\n"))
			}
			if len(recs) != tt.count {
				t.Fatalf("%d records, want %d", len(recs), tt.count)
			}
			if tt.check != nil {
				tt.check(t, recs, sum)
			}
		})
	}
}

func TestUnknownColumnsAndMapping(t *testing.T) {
	f, err := os.Open(fixture("pitfalls/unknown-columns.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = ParseAll("unknown-columns.csv", f, Options{Kind: KindTime})
	var npe *NoPresetError
	if !errors.As(err, &npe) {
		t.Fatalf("err = %v, want a NoPresetError", err)
	}
	if strings.Join(npe.Unplaced, "|") != "Work Day|Customer Account|Time Spent|Engineer" {
		t.Errorf("unplaced = %q", npe.Unplaced)
	}
	if !strings.Contains(err.Error(), `"kind": "time"`) || !strings.Contains(err.Error(), "--map") {
		t.Errorf("the error should show how to write a mapping file:\n%v", err)
	}

	mf, err := os.Open(fixture("pitfalls/mapping-time.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	m, err := ReadMapping("mapping-time.json", mf)
	if err != nil {
		t.Fatal(err)
	}
	recs, sum := parseFixture(t, "pitfalls/unknown-columns.csv", Options{Kind: KindTime, Preset: m.Preset("mapping-time.json")})
	if sum.ErrorCount != 0 || len(recs) != 1 {
		t.Fatalf("%d records, errors %v", len(recs), sum.Err())
	}
	r := recs[0].(TimeRecord)
	eq(t, "client", r.Client.Name, "Acme Dental")
	eq(t, "minutes", r.Seconds, 90*60)
	eq(t, "technician", r.Technician, "Anna Lee")
}

func TestReadMappingRejects(t *testing.T) {
	tests := map[string]string{
		`{"kind":"time","columns":{"date":"D"}}`:                                `required field "hours"`,
		`{"kind":"time","columns":{"date":"D","hours":"H","colour":"C"}}`:       `no field "colour"`,
		`{"kind":"bananas","columns":{}}`:                                       `unknown kind`,
		`{"kind":"time","columns":{"date":"D","hours":"H"},"extra":1}`:          `unknown key "extra"`,
		`{"kind":"time","columns":{"date":"D","hours":3}}`:                      `must be a text or a list of texts, not 3`,
		`{"kind":"time","columns":{"date":"D","hours":"H"},"date_order":"ymd"}`: `unknown date order`,
	}
	for in, want := range tests {
		if _, err := ReadMapping("m.json", strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadMapping(%s): err = %v, want it to mention %q", in, err, want)
		}
	}
}

func TestNamedPresetMustFit(t *testing.T) {
	p, err := PresetByName("itflow-tickets")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(fixture("kimai/export.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, _, err = ParseAll("export.csv", f, Options{Kind: KindTickets, Preset: p})
	if err == nil || !strings.Contains(err.Error(), `needs column(s) "Ticket Number", "Date Opened"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := PresetByName("nope"); err == nil {
		t.Error("unknown preset: want an error")
	}
}

func TestInvoiceLinesMustAgree(t *testing.T) {
	in := "number,client,issued,amount,line_total\nA-1,Acme,2024-01-01,100.00,60.00\nA-1,Acme,2024-01-01,120.00,40.00\nB-1,Acme,2024-01-02,,10.00\nB-1,Acme,2024-01-02,,5.50\n"
	recs, sum, err := ParseAll("lines.csv", strings.NewReader(in), Options{Kind: KindInvoices})
	if err != nil {
		t.Fatal(err)
	}
	want := `lines.csv:3: column "amount": invoice "A-1" has "120.00" here but "100.00" on line 2`
	if sum.ErrorCount != 1 || sum.Errors[0].Error() != want {
		t.Errorf("errors = %v, want %q", sum.Errors, want)
	}
	if len(recs) != 2 {
		t.Fatalf("%d invoices, want 2", len(recs))
	}
	eq(t, "total summed from lines", recs[1].(InvoiceRecord).Amount.Minor, int64(1550))
	eq(t, "lines", recs[1].(InvoiceRecord).Lines, 2)
}

func TestContentKeys(t *testing.T) {
	in := "client,date,hours\nAcme,2024-01-01,1\nAcme,2024-01-01,1\nAcme,2024-01-02,1\n"
	keys := func() []string {
		recs, _, err := ParseAll("k.csv", strings.NewReader(in), Options{Kind: KindTime})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.Key())
		}
		return out
	}
	a, b := keys(), keys()
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Errorf("keys differ between parses: %v vs %v", a, b)
	}
	if a[0] == a[1] || a[1] != a[0]+"#2" || a[2] == a[0] {
		t.Errorf("identical rows must get distinct, stable keys: %v", a)
	}
}

func TestMissingClient(t *testing.T) {
	in := "opened,summary,client\n2024-01-01,Printer,\n"
	_, sum, err := ParseAll("t.csv", strings.NewReader(in), Options{Kind: KindTickets})
	if err != nil {
		t.Fatal(err)
	}
	want := `t.csv:2: column "client": no client: the row names none`
	if sum.ErrorCount != 1 || sum.Errors[0].Error() != want {
		t.Errorf("errors = %v, want %q", sum.Errors, want)
	}
}

func TestErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("client,date,hours\n")
	for i := 0; i < 120; i++ {
		b.WriteString("Acme,not a date,1\n")
	}
	_, sum, err := ParseAll("many.csv", strings.NewReader(b.String()), Options{Kind: KindTime})
	if err != nil {
		t.Fatal(err)
	}
	if sum.ErrorCount != 120 || len(sum.Errors) != DefaultMaxErrors || sum.RejectCount != 120 || len(sum.Rejects) != DefaultMaxErrors {
		t.Errorf("count %d, kept %d, rejects %d of %d", sum.ErrorCount, len(sum.Errors), len(sum.Rejects), sum.RejectCount)
	}
	_, sum, err = ParseAll("many.csv", strings.NewReader(b.String()), Options{Kind: KindTime, KeepRejects: true})
	if err != nil || len(sum.Rejects) != 120 {
		t.Errorf("KeepRejects kept %d rejects, want 120 (%v)", len(sum.Rejects), err)
	}
	if !strings.HasSuffix(sum.Err().Error(), "... and 70 more errors") {
		t.Errorf("summary error should count the rest: %q", sum.Err().Error()[len(sum.Err().Error())-40:])
	}
}

func TestWriteRejects(t *testing.T) {
	_, sum := parseFixture(t, "pitfalls/bad-date.csv", Options{Kind: KindInvoices})
	var b strings.Builder
	if err := WriteRejects(&b, sum.Header, sum.Rejects); err != nil {
		t.Fatal(err)
	}
	want := "Invoice Number,Scope,Amount,Issued Date,Due Date,Status,Column 7,rejected because,line\n" +
		`INV-2,Managed services,1020.00,2024-02-01,31/02/2024,Sent,Acme Dental,"bad-date.csv:3: column ""Due Date"": cannot read ""31/02/2024"" as a date",3` + "\n"
	if b.String() != want {
		t.Errorf("rejects file:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestDescribePresets(t *testing.T) {
	var b strings.Builder
	if err := DescribePresets(&b); err != nil {
		t.Fatal(err)
	}
	for _, p := range Presets() {
		if !strings.Contains(b.String(), p.Name) {
			t.Errorf("preset %s missing from the list", p.Name)
		}
	}
	if !strings.Contains(b.String(), "Ticket Number*, Priority, Status, Subject, Date Opened*") {
		t.Errorf("ITFlow tickets' columns missing:\n%s", b.String())
	}
}

func TestPlanRowsMustAgree(t *testing.T) {
	in := "client,created,status,item_title\nAcme,2024-02-01T15:00:00Z,agreed,One\nAcme,2024-02-01T15:00:00Z,draft,Two\n"
	_, sum, err := ParseAll("plans.csv", strings.NewReader(in), Options{Kind: KindPlans})
	if err != nil {
		t.Fatal(err)
	}
	want := `plans.csv:3: column "status": the plan of Acme started 2024-02-01 has "draft" here but "agreed" on line 2`
	if sum.ErrorCount != 1 || sum.Errors[0].Error() != want {
		t.Errorf("errors = %v, want %q", sum.Errors, want)
	}
}
