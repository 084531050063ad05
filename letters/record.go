package letters

import (
	"fmt"
	"strings"
)

// RecordInput is a client's whole history for a dispute: where it stands,
// the red flags as they stand, every entry of the record in order, and
// whether the record verified when it was written out.
type RecordInput struct {
	Client      string
	GeneratedAt string
	Standing    string
	Flags       []RecordFlag
	Entries     []RecordEntry
	Verified    bool
	// Verification is the verify result in words.
	Verification string
}

// RecordFlag is a red flag as it stands, with its evidence.
type RecordFlag struct {
	Title, Evidence string
}

// RecordEntry is one entry of the record.
type RecordEntry struct {
	Seq      int64
	SealedAt string
	What     string // "decision recorded", "communication recorded", ...
	Fields   [][2]string
	Purged   bool
	Hash     string
}

// Record renders a client's history as Markdown, every value escaped.
func Record(in RecordInput) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Record of %s\n\nWritten out %s.  \n", EscapeInline(in.Client), EscapeInline(in.GeneratedAt))
	state := "**The record is intact.**"
	if !in.Verified {
		state = "**The record is NOT intact.**"
	}
	fmt.Fprintf(&b, "%s %s\n\n", state, EscapeInline(in.Verification))
	fmt.Fprintf(&b, "## Where the client stands\n\n%s\n\n", EscapeInline(in.Standing))
	if len(in.Flags) > 0 {
		b.WriteString("| red flag | evidence |\n| --- | --- |\n")
		for _, f := range in.Flags {
			fmt.Fprintf(&b, "| %s | %s |\n", EscapeInline(f.Title), EscapeInline(f.Evidence))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Entries, in the order they were recorded\n\n")
	for _, e := range in.Entries {
		fmt.Fprintf(&b, "### %d. %s\n\nSealed %s · SHA-256 `%s`\n\n", e.Seq, EscapeInline(e.What), EscapeInline(e.SealedAt), e.Hash)
		if e.Purged {
			b.WriteString("Its text was removed when the client's personal data was disposed of; its hash remains.\n\n")
			continue
		}
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "- %s: %s\n", EscapeInline(f[0]), EscapeInline(f[1]))
		}
		b.WriteString("\n")
	}
	return b.String()
}
