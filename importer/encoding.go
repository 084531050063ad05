package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffBytes is how much of a file is examined to find its encoding, its
// format and, in a CSV file, the delimiter and the header row; banners and
// section labels sit well inside it.
const sniffBytes = 64 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// text is an export's content decoded to UTF-8, whatever encoding it was
// saved in, with its start peeked so the format can be told from it.
type text struct {
	r *bufio.Reader
	// prefix is the start of the decoded content: up to sniffBytes of it.
	prefix []byte
	// encoding names what the file was saved in (see Reader.Encoding).
	encoding string
}

// decodeText reads a file's encoding from its start: a byte-order mark
// (UTF-8's is dropped; UTF-16's, little- or big-endian, decides the byte
// order), else UTF-8 when the start is valid UTF-8, else Windows-1252, as
// spreadsheets and PowerShell on Windows save text. CSV and JSON exports
// are both read through it, so each is read in every encoding either is.
func decodeText(file string, r io.Reader) (*text, error) {
	t := &text{r: bufio.NewReaderSize(r, sniffBytes), encoding: "UTF-8"}
	if err := t.peek(file); err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(t.prefix, utf8BOM):
		_, _ = t.r.Discard(len(utf8BOM))
		t.prefix = t.prefix[len(utf8BOM):]
	case bytes.HasPrefix(t.prefix, []byte{0xFF, 0xFE}), bytes.HasPrefix(t.prefix, []byte{0xFE, 0xFF}):
		// Excel's "Unicode text", PowerShell 5's Out-File and some report
		// writers save UTF-16 with its byte-order mark, which the decoder
		// reads, follows and drops.
		t.encoding = "UTF-16"
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return t.reread(file, transform.NewReader(t.r, dec))
	}
	if !validUTF8Prefix(t.prefix) {
		t.encoding = "Windows-1252"
		return t.reread(file, charmap.Windows1252.NewDecoder().Reader(t.r))
	}
	return t, nil
}

// reread reads the file on through a decoder and peeks its decoded start.
func (t *text) reread(file string, r io.Reader) (*text, error) {
	t.r = bufio.NewReaderSize(r, sniffBytes)
	if err := t.peek(file); err != nil {
		return nil, err
	}
	return t, nil
}

// peek reads the start of the content into prefix; a file shorter than
// sniffBytes is all prefix.
func (t *text) peek(file string) error {
	var err error
	t.prefix, err = t.r.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// validUTF8Prefix reports whether the start of a file is UTF-8, allowing
// the last character to be cut off where the prefix ends.
func validUTF8Prefix(b []byte) bool {
	for cut := 0; cut < utf8.UTFMax && cut <= len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) {
			return true
		}
	}
	return false
}
