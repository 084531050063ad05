package textsafe

import "testing"

func TestLineAndText(t *testing.T) {
	tests := []struct {
		name, in, line, text string
	}{
		{"plain text", "Acme Dental, LLC", "Acme Dental, LLC", "Acme Dental, LLC"},
		{"accents and emoji", "Café Müller 🦷", "Café Müller 🦷", "Café Müller 🦷"},
		{"OSC 52 clipboard write", "a\x1b]52;c;ZWNobyBwd25lZA==\x07b", "a␛]52;c;ZWNobyBwd25lZA==␇b", "a␛]52;c;ZWNobyBwd25lZA==␇b"},
		{"OSC ended by ST", "\x1b]0;title\x1b\\x", "␛]0;title␛\\x", "␛]0;title␛\\x"},
		{"CSI clear screen", "\x1b[2JAcme", "␛[2JAcme", "␛[2JAcme"},
		{"two-byte ESC", "\x1bcreset", "␛creset", "␛creset"},
		{"DCS up to ST", "\x1bPq#0\x1b\\", "␛Pq#0␛\\", "␛Pq#0␛\\"},
		{"C1 CSI 0x9b as UTF-8", "a\u009b2Jb", "a\ufffd2Jb", "a\ufffd2Jb"},
		{"raw byte 0x9b", "a\x9b2Jb", "a\ufffd2Jb", "a\ufffd2Jb"},
		{"BEL", "ding\a", "ding␇", "ding␇"},
		{"NUL", "a\x00b", "a␀b", "a␀b"},
		{"DEL", "a\x7fb", "a␡b", "a␡b"},
		{"carriage return", "paid\rdue", "paid␍due", "paid␍due"},
		{"bidi override", "invoice\u202egnp.exe", "invoice\ufffdgnp.exe", "invoice\ufffdgnp.exe"},
		{"bidi isolate", "\u2067x\u2069", "\ufffdx\ufffd", "\ufffdx\ufffd"},
		{"newline and tab", "line one\nline\ttwo", "line one␊line␉two", "line one\nline\ttwo"},
		{"invalid UTF-8", "ok\xff\xfe", "ok\ufffd\ufffd", "ok\ufffd\ufffd"},
		{"truncated UTF-8", "caf\xc3", "caf\ufffd", "caf\ufffd"},
		{"replacement char kept", "a\ufffdb", "a\ufffdb", "a\ufffdb"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := Text(tt.in); got != tt.text {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.text)
			}
		})
	}
}

// TestNoControlSurvives checks every byte value and every C1 and bidi code
// point: nothing a terminal would act on comes out of Line.
func TestNoControlSurvives(t *testing.T) {
	var in []byte
	for b := 0; b < 256; b++ {
		in = append(in, byte(b))
	}
	for r := rune(0x80); r <= 0x9f; r++ {
		in = append(in, string(r)...)
	}
	for _, r := range []rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069} {
		in = append(in, string(r)...)
	}
	for _, r := range Line(string(in)) {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("Line left %U in its output", r)
		}
	}
}
