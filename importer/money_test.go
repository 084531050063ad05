package importer

import "testing"

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in       string
		f        NumberFormat
		currency string
		want     int64
		wantCur  string
	}{
		{"$13.50", NumberFormat{}, "", 1350, ""},
		{"$13.50   ", NumberFormat{}, "", 1350, ""},
		{"($400.00)", NumberFormat{}, "", -40000, ""},
		{"$-142.85", NumberFormat{}, "", -14285, ""},
		{"-$142.85", NumberFormat{}, "", -14285, ""},
		{"142.85-", NumberFormat{}, "", -14285, ""},
		{"1,020.00", NumberFormat{}, "", 102000, ""},
		{"1,020", NumberFormat{}, "", 102000, ""},
		{"1,234,567.8", NumberFormat{}, "", 123456780, ""},
		{"2.000,0", NumberFormat{}, "", 200000, ""},
		{"2.000,0", NumberFormat{DecimalComma: true}, "", 200000, ""},
		{"2.000", NumberFormat{DecimalComma: true}, "", 200000, ""},
		{"12,5", NumberFormat{DecimalComma: true}, "", 1250, ""},
		{"1.020,00 €", NumberFormat{DecimalComma: true}, "", 102000, "EUR"},
		{"€ 12,50", NumberFormat{DecimalComma: true}, "", 1250, "EUR"},
		{"USD 100", NumberFormat{}, "", 10000, "USD"},
		{"100 eur", NumberFormat{}, "", 10000, "EUR"},
		{"£7", NumberFormat{}, "", 700, "GBP"},
		{"'13.50", NumberFormat{}, "", 1350, ""},
		{`="13.50"`, NumberFormat{}, "", 1350, ""},
		{"13.50", NumberFormat{}, "eur", 1350, "EUR"},
		{"1350", NumberFormat{Cents: true}, "", 1350, ""},
		{"-200", NumberFormat{Cents: true}, "", -200, ""},
		{"150.0050", NumberFormat{}, "", 15001, ""},
		{"150.0049", NumberFormat{}, "", 15000, ""},
		{"0.5", NumberFormat{}, "", 50, ""},
		{".5", NumberFormat{}, "", 50, ""},
		{"1'000.00", NumberFormat{}, "CHF", 100000, "CHF"},
		{"1 000,00", NumberFormat{DecimalComma: true}, "", 100000, ""},
		{"¥1200", NumberFormat{}, "", 1200, "JPY"},
		{"12.345", NumberFormat{}, "KWD", 12345, "KWD"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.f, tt.currency)
		if err != nil {
			t.Errorf("ParseMoney(%q, %+v): %v", tt.in, tt.f, err)
			continue
		}
		if got.Minor != tt.want || got.Currency != tt.wantCur {
			t.Errorf("ParseMoney(%q, %+v) = %d %q, want %d %q", tt.in, tt.f, got.Minor, got.Currency, tt.want, tt.wantCur)
		}
	}
}

func TestParseMoneyRejects(t *testing.T) {
	for _, in := range []string{"", "abc", "$", "1.2.3,4,5", "1,0,0", "12.34.56", "--5", "5-5", "1,23,456.00", "13.5O", "1350.5", "12 apples", "1e5", "(", "99999999999999999999"} {
		f := NumberFormat{}
		if in == "1350.5" {
			f.Cents = true
		}
		if got, err := ParseMoney(in, f, ""); err == nil {
			t.Errorf("ParseMoney(%q) = %+v, want an error", in, got)
		}
	}
}
