package money

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		text, currency string
		want           int64
		ok             bool
	}{
		{"18432.5", "USD", 1843250, true},
		{"18,432.50", "usd", 1843250, true},
		{"USD 18,432.50", "USD", 1843250, true},
		{"  165 ", "USD", 16500, true},
		{"-12.05", "EUR", -1205, true},
		{"1500", "JPY", 1500, true},
		{"1.5", "JPY", 0, false},
		{"1.2345", "KWD", 0, false},
		{"1.234", "KWD", 1234, true},
		{"12.345", "USD", 0, false},
		{"GBP 10", "USD", 0, false},
		{"lots", "USD", 0, false},
		{"", "USD", 0, false},
		{".50", "USD", 0, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.text, tt.currency)
		if (err == nil) != tt.ok || (tt.ok && got.Minor != tt.want) {
			t.Errorf("Parse(%q, %q) = %v, %v; want %d ok=%v", tt.text, tt.currency, got.Minor, err, tt.want, tt.ok)
		}
	}
	// It reads back what Money.String writes.
	for _, m := range []Money{{1843250, "USD"}, {-5, "EUR"}, {123456789, "JPY"}, {1, "BHD"}} {
		back, err := Parse(m.String(), m.Currency)
		if err != nil || back != m {
			t.Errorf("Parse(%q) = %v, %v; want %v", m.String(), back, err, m)
		}
	}
}
