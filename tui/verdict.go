package tui

import (
	"fmt"
	"strings"

	"offboard/scoring"
)

// badgeWidth fits the longest recommendation ("Remediate") and the
// override mark.
const badgeWidth = 10

// badgeText is a recommendation as words, with "*" when it is the owner's
// override rather than the computed one. Words, not colour alone, carry
// the meaning so the badge reads with NO_COLOR.
func badgeText(a *scoring.Assessment) string {
	t := a.Recommendation.Title()
	if a.Override != nil {
		t += "*"
	}
	return t
}

// badge renders a recommendation in its own colour.
func (t Theme) badge(a *scoring.Assessment) string {
	return t.Badge[string(a.Recommendation)].Render(badgeText(a))
}

// flagShort names a red flag in a word or two for the client list.
var flagShort = map[scoring.FlagID]string{
	scoring.FlagLatePayment:    "late payment",
	scoring.FlagResourceDrain:  "resource drain",
	scoring.FlagUnprofitable:   "unprofitable",
	scoring.FlagAfterHours:     "after-hours",
	scoring.FlagStaffAbuse:     "staff abuse",
	scoring.FlagSecurity:       "security",
	scoring.FlagDataCompliance: "data compliance",
	scoring.FlagScopeCreep:     "scope creep",
	scoring.FlagModernization:  "modernization",
	scoring.FlagCriminal:       "criminal",
}

// zeroMark prefixes a zero-tolerance flag wherever flags are listed.
const zeroMark = "✖ "

// topFlags names a client's heaviest flags (zero-tolerance first, as the
// assessment orders them), at most n of them, counting the rest: "late
// payment, security +2".
func topFlags(a *scoring.Assessment, n int) string {
	s := flagNames(a.Flags[:min(n, len(a.Flags))])
	if len(a.Flags) > n {
		s += fmt.Sprintf(" +%d", len(a.Flags)-n)
	}
	return s
}

// flagNames names flags in a word or two each, zero-tolerance ones marked.
func flagNames(flags []scoring.Flag) string {
	parts := make([]string, len(flags))
	for i, f := range flags {
		name := flagShort[f.ID]
		if name == "" {
			name = strings.ToLower(f.Title)
		}
		if f.ZeroTolerance {
			name = zeroMark + name
		}
		parts[i] = name
	}
	return strings.Join(parts, ", ")
}
