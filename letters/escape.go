package letters

import (
	"regexp"
	"strings"
	"unicode"
)

// Client-provided text (names, addresses, notes) lands inside Markdown we
// generate. A client called "*Acme* <script>" or "# Heading" must print as
// exactly that, not as emphasis, raw HTML or a heading, and a "|" must not
// split a table cell. CommonMark lets any ASCII punctuation be escaped with
// a backslash, but escaping all of it makes the exported file hard to read
// in an editor ("Inc\."), so only the characters that can start or close a
// construct are escaped, plus the line-start markers when they open the text.

// inlineSpecial are escaped wherever they appear: they open or close
// emphasis, code spans, links, raw HTML, autolinks, table cells and GFM
// strikethrough, or (the backslash) would swallow the next character.
const inlineSpecial = "\\`*_[]<>|~"

// entityRef matches an HTML entity or numeric character reference such as
// "&amp;" or "&#60;", which would otherwise render as the character it names.
var entityRef = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// orderedMarker matches the start of an ordered list item: "1. " or
// "2027)" at the end of the text; "2.9" is a number, not a list item.
var orderedMarker = regexp.MustCompile(`^[0-9]{1,9}[.)](?:[ \t]|$)`)

// EscapeInline makes s safe to place anywhere in a line of Markdown,
// including at its start and inside a table cell. Line breaks and runs of
// whitespace become single spaces, since an inline field that could start a
// new line could also start a new block.
func EscapeInline(s string) string {
	return escapeLine(strings.Join(strings.Fields(stripControl(s)), " "))
}

// EscapeBlock makes multi-line text safe to place at the start of a line:
// paragraphs (separated by blank lines) are kept, each line is escaped as
// EscapeInline would, and indentation is dropped so that no line turns into a
// code block.
func EscapeBlock(s string) string {
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
			lines = nil
		}
	}
	for _, line := range strings.Split(stripControl(strings.ReplaceAll(s, "\r\n", "\n")), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			flush()
			continue
		}
		lines = append(lines, escapeLine(line))
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// stripControl drops control characters other than newlines and tabs: they
// have no place in a letter and some terminals act on them.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
}

// escapeLine escapes one line of text that contains no line breaks.
func escapeLine(line string) string {
	if line == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(line) + 8)
	// Headings, bullets, setext underlines, thematic breaks and
	// definition-list details are only recognised at the start of a line,
	// and only when the marker is followed by a space, another marker or
	// nothing; "-8%" and "#1" stay as they are.
	if strings.IndexByte("#+-=:", line[0]) >= 0 && (len(line) == 1 || !isAlnum(line[1])) {
		b.WriteByte('\\')
	}
	if orderedMarker.MatchString(line) {
		dot := strings.IndexAny(line, ".)")
		b.WriteString(line[:dot])
		b.WriteByte('\\')
		line = line[dot:]
	}
	entities := entityRef.FindAllStringIndex(line, -1)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case strings.IndexByte(inlineSpecial, c) >= 0:
			b.WriteByte('\\')
		case c == '&' && startsAny(entities, i):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// startsAny reports whether one of the spans starts at offset i.
func startsAny(spans [][]int, i int) bool {
	for _, s := range spans {
		if s[0] == i {
			return true
		}
	}
	return false
}
