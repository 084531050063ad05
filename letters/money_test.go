package letters

import "testing"

func TestMoneyString(t *testing.T) {
	tests := []struct {
		in   Money
		want string
	}{
		{Money{1843250, "USD"}, "USD 18,432.50"},
		{Money{16500, "usd"}, "USD 165.00"},
		{Money{5, "EUR"}, "EUR 0.05"},
		{Money{0, "GBP"}, "GBP 0.00"},
		{Money{123456789012, "USD"}, "USD 1,234,567,890.12"},
		{Money{-250000, "USD"}, "USD -2,500.00"},
		{Money{1500000, "JPY"}, "JPY 1,500,000"},
		{Money{12345, "KWD"}, "KWD 12.345"},
		{Money{100000, ""}, "1,000.00"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}
