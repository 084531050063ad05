package importer

import (
	"strings"
	"unicode"
)

// legalSuffixes are the company-form words dropped when matching client
// names, so "Acme, Inc." and "ACME" match.
var legalSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "ltd": true, "limited": true,
	"corp": true, "corporation": true, "co": true, "company": true, "plc": true,
	"gmbh": true, "ag": true, "kg": true, "sarl": true, "sa": true, "srl": true,
	"bv": true, "nv": true, "pty": true, "pllc": true, "lp": true, "llp": true,
}

// NormalizeName reduces a company name to the key clients are matched on
// (clients.name_key), so a name typed by the owner and a name in an export
// match the same way: lower case, letters and digits only, "&" read as
// "and", and company-form suffixes such as Inc., Ltd, LLC or GmbH dropped
// from the end.
func NormalizeName(s string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(r)
		case r == '.' || r == '\'' || r == '’':
			// "Inc." and "O'Brien" keep their word whole.
		case r == '&':
			flush()
			words = append(words, "and")
		default:
			flush()
		}
	}
	flush()
	for len(words) > 1 && legalSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, " ")
}
