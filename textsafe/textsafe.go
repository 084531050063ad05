// Package textsafe makes text that came from imported data safe to print on
// a terminal. Client names, incident descriptions and every other imported
// string may carry escape sequences (a clipboard write, a screen clear),
// control characters or bidi overrides that a terminal would obey instead of
// show. The functions here replace each of them with a visible placeholder,
// so the reader sees that something odd is in the data and the terminal
// executes nothing. Stored text stays as imported: sanitise only at the edge
// where text is shown.
package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Placeholders shown instead of characters a terminal would act on.
const (
	// Escape is U+241B SYMBOL FOR ESCAPE, shown where ESC was.
	Escape = '\u241b'
	// Delete is U+2421 SYMBOL FOR DELETE, shown where DEL was.
	Delete = '\u2421'
	// Replacement is U+FFFD, shown for C1 controls, bidi overrides and
	// isolates, and bytes that are not UTF-8.
	Replacement = '\ufffd'
)

// Line returns s safe for a one-line context (a table cell, a list row, a
// header, an error message): every control character, newline and tab
// included, becomes a visible placeholder, so the text cannot break the
// layout either.
func Line(s string) string { return clean(s, false) }

// Text returns s safe for a multi-line context (a description, a note, a
// post-mortem paragraph): like Line, but newline and tab are kept.
func Text(s string) string { return clean(s, true) }

// clean maps each rune that a terminal would act on to its placeholder.
// Replacing the introducer of an escape sequence (ESC, or a C1 control such
// as CSI 0x9b) is enough to neutralise the whole sequence: what follows it
// is plain printable text, and the BEL or ESC \ that ends an OSC, DCS, APC,
// PM or SOS string is replaced as well. The sequence stays visible, inert,
// so the reader can see what the data holds.
func clean(s string, keepLayout bool) string {
	if safe(s, keepLayout) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(Replacement)
			i++
			continue
		}
		if p, ok := placeholder(r, keepLayout); ok {
			b.WriteRune(p)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// safe reports whether s can be printed as it is, so the common case costs
// no allocation.
func safe(s string, keepLayout bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return false
		}
		if _, bad := placeholder(r, keepLayout); bad {
			return false
		}
		i += size
	}
	return true
}

// placeholder returns what to show instead of r, and false when r is shown
// as it is.
func placeholder(r rune, keepLayout bool) (rune, bool) {
	switch {
	case keepLayout && (r == '\n' || r == '\t'):
		return 0, false
	case r == 0x1b:
		return Escape, true
	case r < 0x20:
		// The Control Pictures block (U+2400–U+241F) has one symbol per
		// C0 control, in the same order.
		return 0x2400 + r, true
	case r == 0x7f:
		return Delete, true
	case r >= 0x80 && r <= 0x9f:
		return Replacement, true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		// Bidi embeddings, overrides and isolates reorder what follows
		// them, so a name could display as something else.
		return Replacement, true
	}
	return 0, false
}
