package textsafe

import (
	"io"
	"unicode/utf8"
)

// Writer passes what is written through Text on its way to a terminal, so
// a command's output shows the escapes in what it prints and obeys none,
// whichever line printed it.
type Writer struct {
	w io.Writer
	// pending holds the start of a character cut off at the end of a
	// write, so that a character split across two writes is not taken
	// for two bytes that are not UTF-8.
	pending []byte
}

// NewWriter returns a Writer printing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes Text of p, holding back an incomplete last character until
// the next write or Flush. It reports len(p) written when w took it all.
func (s *Writer) Write(p []byte) (int, error) {
	buf := append(s.pending, p...)
	cut := len(buf)
	// A UTF-8 character is at most UTFMax bytes: look that far back for
	// the start of one that is not complete yet.
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	s.pending = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(s.w, Text(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a character left incomplete by the last write, as the
// placeholder for bytes that are not UTF-8.
func (s *Writer) Flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	rest := s.pending
	s.pending = nil
	_, err := io.WriteString(s.w, Text(string(rest)))
	return err
}

// Raw returns the writer under w when w is a Writer, for a program that
// draws on the terminal itself (a progress bar) and sanitises what it
// draws; any other writer is returned as it is.
func Raw(w io.Writer) io.Writer {
	if s, ok := w.(*Writer); ok {
		return s.w
	}
	return w
}
