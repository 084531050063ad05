package importer

import (
	"strings"
	"unicode"
)

// userSupportWords are the words of a ticket category that name help for
// the client's people rather than work on their systems: the support a
// narrower agreement "for the systems, not the users" leaves out (seed 002).
var userSupportWords = []string{
	"user", "password", "how to", "training", "account", "printer", "onboarding", "access request",
}

// UserSupport reports whether a ticket category is user support: it holds,
// in any case and as whole words or their plural, one of "user" (so "end
// user", "User support"), "password", "how to" (or "how-to"), "training",
// "account", "printer", "onboarding" or "access request". Whole words keep
// "Accounting software" out.
func UserSupport(category string) bool {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(category), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, w := range userSupportWords {
		if strings.Contains(words, " "+w+" ") || strings.Contains(words, " "+w+"s ") {
			return true
		}
	}
	return false
}
