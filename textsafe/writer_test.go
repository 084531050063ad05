package textsafe

import (
	"strings"
	"testing"
)

func TestWriterSanitisesEveryWrite(t *testing.T) {
	var out strings.Builder
	w := NewWriter(&out)
	// A character split across writes ("é" is C3 A9, "🦷" four bytes), an
	// OSC 52 clipboard write and a screen clear in separate writes.
	for _, p := range []string{"Caf\xc3", "\xa9 \xf0\x9f", "\xa6\xb7 ", "\x1b]52;c;ZWNobyBwd25lZA==\x07", "\x1b[2J\tok\n"} {
		if n, err := w.Write([]byte(p)); err != nil || n != len(p) {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := "Café 🦷 ␛]52;c;ZWNobyBwd25lZA==␇␛[2J\tok\n"; out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
}

func TestWriterFlushShowsACutCharacter(t *testing.T) {
	var out strings.Builder
	w := NewWriter(&out)
	w.Write([]byte("ab\xe2\x82"))
	if out.String() != "ab" {
		t.Errorf("before Flush: %q, want the incomplete character held back", out.String())
	}
	w.Flush()
	if out.String() != "ab\ufffd\ufffd" {
		t.Errorf("after Flush: %q", out.String())
	}
}

func TestRaw(t *testing.T) {
	var out strings.Builder
	if Raw(NewWriter(&out)) != &out || Raw(&out) != &out {
		t.Error("Raw does not return the terminal under a Writer, or changes another writer")
	}
}
