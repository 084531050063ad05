package importer

import (
	"strings"
	"testing"
	"time"
)

func TestTermsDays(t *testing.T) {
	tests := []struct {
		label string
		days  int
		ok    bool
	}{
		{"Net 30", 30, true},
		{"NET15", 15, true},
		{"n30", 30, true},
		{"45 days", 45, true},
		{"Due in 10 days", 10, true},
		{"30 days net", 30, true},
		{"2/10 Net 30", 30, true},
		{"1.5% 10, Net 45", 45, true},
		{"Due on receipt", 0, true},
		{"due upon  receipt", 0, true},
		{"COD", 0, true},
		{"End of month", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		days, ok := TermsDays(tt.label)
		if days != tt.days || ok != tt.ok {
			t.Errorf("TermsDays(%q) = %d, %v; want %d, %v", tt.label, days, ok, tt.days, tt.ok)
		}
	}
}

func TestDueFromTerms(t *testing.T) {
	tests := []struct {
		issued, label, due string
	}{
		{"2024-01-10", "Net 30", "2024-02-09"},
		{"2024-01-10", "Due on receipt", "2024-01-10"},
		{"2024-01-10", "EOM", "2024-01-31"},
		{"2024-01-31", "Net EOM", "2024-01-31"},
		{"2024-02-05", "Due end of month", "2024-02-29"},
		{"2023-02-05", "End of the month", "2023-02-28"},
		{"2024-03-15", "Net 10 EOM", "2024-04-10"},
		{"2024-03-15", "EOM+15", "2024-04-15"},
		{"2024-03-15", "EOM 15", "2024-04-15"},
		{"2024-03-15", "15 EOM", "2024-04-15"},
		{"2024-03-15", "20 days after the end of the invoice month", "2024-04-20"},
		{"2024-01-20", "Due end of next month", "2024-02-29"},
		{"2024-12-20", "End of the following month", "2025-01-31"},
		{"2024-01-20", "20th of the following month", "2024-02-20"},
		{"2024-01-20", "31st of the following month", "2024-02-29"},
		{"2024-11-02", "15 of next month", "2024-12-15"},
		{"2024-01-10", "2% 10 days", ""},
		{"2024-01-10", "whenever", ""},
		{"2024-01-10", "", ""},
	}
	for _, tt := range tests {
		due, ok := DueFromTerms(day(tt.issued), tt.label)
		if tt.due == "" {
			if ok {
				t.Errorf("DueFromTerms(%s, %q) = %s; want not understood", tt.issued, tt.label, due.Format(time.DateOnly))
			}
			continue
		}
		if !ok || !due.Equal(day(tt.due)) {
			t.Errorf("DueFromTerms(%s, %q) = %s, %v; want %s", tt.issued, tt.label, due.Format(time.DateOnly), ok, tt.due)
		}
	}
}

func TestInvoiceStatusAndTerms(t *testing.T) {
	in := "number,client,issued,due,terms,amount,status\n" +
		"1,Acme,2024-01-10,,Net 30,100.00,Sent\n" +
		"2,Acme,2024-01-10,2024-01-20,Net 30,100.00,Sent\n" +
		"3,Acme,2024-01-10,2024-01-20,,100.00,Draft\n" +
		"4,Acme,2024-01-10,2024-01-20,,100.00,Void\n"
	recs, sum, err := ParseAll("invoices.csv", strings.NewReader(in), Options{Kind: KindInvoices})
	if err != nil || sum.ErrorCount > 0 {
		t.Fatalf("err %v, %v", err, sum.Err())
	}
	byNumber := map[string]InvoiceRecord{}
	for _, r := range recs {
		byNumber[r.(InvoiceRecord).Number] = r.(InvoiceRecord)
	}
	eqTime(t, "10 January plus 30 days", byNumber["1"].Due, day("2024-02-09"))
	eqTime(t, "a due date beats the terms", byNumber["2"].Due, day("2024-01-20"))
	for _, n := range []string{"3", "4"} {
		r := byNumber[n]
		eq(t, "never falls due "+n, r.Due.IsZero(), true)
		eq(t, "owes nothing "+n, r.HasBalance && r.Balance.Minor == 0, true)
	}
}
