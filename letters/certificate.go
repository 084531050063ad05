package letters

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// CertificateInput is what a certificate of destruction states: whose data
// was removed, what, when, by whom, and under which clause (seed 001:
// confidentiality and disposal of personal information).
type CertificateInput struct {
	Company        string
	Client         string
	Agreement      string
	Clause         string
	RetentionUntil time.Time // zero when the client was never given notice
	At             time.Time
	By             string
	ForcedReason   string
	Removed        map[string]int64
	// Entries is the number of record entries whose text was removed; their
	// hashes stay, so the record can still be verified.
	Entries int64
}

// Certificate renders a certificate of destruction as Markdown.
func Certificate(in CertificateInput) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Certificate of destruction of personal data\n\n")
	fmt.Fprintf(&b, "**Client:** %s  \n", EscapeInline(in.Client))
	if in.Agreement != "" {
		fmt.Fprintf(&b, "**Agreement:** %s  \n", EscapeInline(in.Agreement))
	}
	fmt.Fprintf(&b, "**Removed on:** %s (%s)  \n", in.At.Format("Monday, 2 January 2006 at 15:04"), in.At.Format("MST"))
	fmt.Fprintf(&b, "**Removed by:** %s\n\n", EscapeInline(in.By))
	switch {
	case in.Clause != "" && !in.RetentionUntil.IsZero():
		fmt.Fprintf(&b, "The data was kept until %s, as the notice of termination set out under the agreement's clause: %s\n\n",
			in.RetentionUntil.Format("Monday, 2 January 2006"), EscapeInline(in.Clause))
	case !in.RetentionUntil.IsZero():
		fmt.Fprintf(&b, "The data was kept until %s, as the notice of termination set out.\n\n", in.RetentionUntil.Format("Monday, 2 January 2006"))
	}
	if in.ForcedReason != "" {
		fmt.Fprintf(&b, "The data was removed before the end of its retention period, for this reason: %s\n\n", EscapeInline(in.ForcedReason))
	}
	b.WriteString("## What was removed\n\n| data | records |\n| --- | ---: |\n")
	kinds := make([]string, 0, len(in.Removed))
	for k := range in.Removed {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&b, "| %s | %d |\n", EscapeInline(k), in.Removed[k])
	}
	if len(kinds) == 0 {
		b.WriteString("| nothing held personal data | 0 |\n")
	}
	fmt.Fprintf(&b, "\nContact names, email addresses, phone numbers and postal addresses, and the free text of tickets, "+
		"time entries, incidents, communications and documents, were removed from the database and the file was "+
		"rewritten so that no copy remains in it. Amounts, dates and counts were kept, as were the SHA-256 hashes of "+
		"%d record entries, so the record can still be verified.\n\n", in.Entries)
	fmt.Fprintf(&b, "Signed for %s:\n\n| name | signature | date |\n| --- | --- | --- |\n| %s | | %s |\n",
		EscapeInline(in.Company), EscapeInline(in.By), in.At.Format("2 January 2006"))
	return b.String()
}
