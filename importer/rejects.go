package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// RejectsColumn heads the column of a rejects file that says why each row
// was rejected.
const RejectsColumn = "rejected because"

// WriteRejects writes rejected rows as CSV under the file's own header plus
// a column of reasons, so the user can fix them and import that file again.
func WriteRejects(w io.Writer, header []string, rejects []Reject) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append(append([]string(nil), header...), RejectsColumn, "line")); err != nil {
		return err
	}
	for _, r := range rejects {
		rec := make([]string, len(header), len(header)+2)
		copy(rec, r.Values)
		rec = append(rec, strings.Join(r.Reasons, "; "), fmt.Sprint(r.Line))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// DescribePresets writes every preset with the columns it reads, required
// ones marked with *, for --list-presets.
func DescribePresets(w io.Writer) error {
	for _, p := range Presets() {
		var cols []string
		for _, c := range p.Columns {
			name := c.Names[0]
			if c.Required {
				name += "*"
			}
			cols = append(cols, name)
		}
		if _, err := fmt.Fprintf(w, "%-24s %-9s %s\n  %s\n", p.Name, p.Kind, p.Tool, strings.Join(cols, ", ")); err != nil {
			return err
		}
		if p.Note != "" {
			if _, err := fmt.Fprintf(w, "  (%s)\n", p.Note); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintln(w, "\n* required. Without --preset the preset is recognised from the header row; --map FILE reads a mapping file instead.")
	return err
}
