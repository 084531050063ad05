package importer

import (
	"strings"
	"testing"
)

func TestTermsDays(t *testing.T) {
	tests := []struct {
		label string
		days  int
		ok    bool
	}{
		{"Net 30", 30, true},
		{"NET15", 15, true},
		{"45 days", 45, true},
		{"Due in 10 days", 10, true},
		{"Due on receipt", 0, true},
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
