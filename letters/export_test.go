package letters

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harborline Freight Logistics, Inc.", "harborline-freight-logistics-inc"},
		{"Café Müller & Söhne", "cafe-muller-sohne"},
		{"  *Acme* <script>  ", "acme-script"},
		{"../../etc/passwd", "etc-passwd"},
		{"O'Brien's 24/7 IT", "o-brien-s-24-7-it"},
		{"株式会社", "client"},
		{"", "client"},
		{strings.Repeat("long name ", 10), "long-name-long-name-long-name-long-name-long-name-long-name"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDefaultExportPath(t *testing.T) {
	tests := []struct {
		kind Kind
		name string
		date time.Time
		want string
	}{
		{KindTermination, "Harborline Freight Logistics, Inc.", day(2026, time.December, 1), "exports/harborline-freight-logistics-inc-termination-2026-12-01.md"},
		{KindRemediationPlan, "Kessler Dental Group", day(2027, time.January, 15), "exports/kessler-dental-group-remediation-plan-2027-01-15.md"},
		// The date is the sender's calendar day, not the UTC one.
		{KindTermination, "Kessler Dental Group", time.Date(2028, time.February, 29, 23, 30, 0, 0, time.FixedZone("UTC-8", -8*3600)), "exports/kessler-dental-group-termination-2028-02-29.md"},
	}
	for _, tt := range tests {
		if got := DefaultExportPath(tt.kind, tt.name, tt.date); got != filepath.FromSlash(tt.want) {
			t.Errorf("DefaultExportPath(%s, %q) = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

func TestSHA256Hex(t *testing.T) {
	// FIPS 180-2 test vectors.
	tests := []struct{ in, want string }{
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, tt := range tests {
		if got := SHA256Hex(tt.in); got != tt.want {
			t.Errorf("SHA256Hex(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
