package letters

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kind names a document for file names and the communications log.
type Kind string

// The documents this package writes.
const (
	KindTermination     Kind = "termination"
	KindChecklist       Kind = "offboarding-receipt"
	KindPostMortem      Kind = "post-mortem"
	KindAgenda          Kind = "remediation-agenda"
	KindRemediationPlan Kind = "remediation-plan"
)

// maxSlug keeps file names comfortably inside every file system's limit.
const maxSlug = 60

// Slug turns a client name into a file-name-safe form: lower case ASCII
// letters and digits separated by single hyphens, accents folded
// ("Café Müller & Söhne" becomes "cafe-muller-sohne"). A name with nothing
// usable in it becomes "client".
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	if s == "" {
		return "client"
	}
	return s
}

// DefaultExportPath is where a document is exported unless the owner chooses
// otherwise: exports/<client-slug>-<kind>-<YYYY-MM-DD>.md, relative to the
// working directory, for example exports/harbor-freight-logistics-termination-2026-12-01.md.
func DefaultExportPath(kind Kind, clientName string, date time.Time) string {
	return filepath.Join("exports", Slug(clientName)+"-"+string(kind)+"-"+civil(date).Format(time.DateOnly)+".md")
}

// SHA256Hex returns the SHA-256 of the document as lower-case hex, the
// fingerprint recorded with every export so the audit trail (seed 001) can
// show later that a file is the one that was sent.
func SHA256Hex(markdown string) string {
	sum := sha256.Sum256([]byte(markdown))
	return hex.EncodeToString(sum[:])
}
