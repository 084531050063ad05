package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// stackTables rewrites each Markdown table too wide for width cells as a
// list per row: the row's first cell, then every other cell under its
// column's heading. glamour squeezes a wide table into the width by
// breaking words inside its cells ("modernizatio" / "n") and cutting its
// headings; a stacked row wraps at word boundaries like any paragraph.
// Tables that fit are left as they are.
func stackTables(md string, width int) string {
	lines := strings.Split(md, "\n")
	var out []string
	for i := 0; i < len(lines); {
		if !isTableRow(lines[i]) || i+1 >= len(lines) || !isDelimiterRow(lines[i+1]) {
			out = append(out, lines[i])
			i++
			continue
		}
		end := i + 2
		for end < len(lines) && isTableRow(lines[end]) {
			end++
		}
		head, rows := tableCells(lines[i]), make([][]string, 0, end-i-2)
		for _, l := range lines[i+2 : end] {
			rows = append(rows, tableCells(l))
		}
		if tableWidth(head, rows) <= width {
			out = append(out, lines[i:end]...)
		} else {
			out = append(out, stacked(head, rows)...)
		}
		i = end
	}
	return strings.Join(out, "\n")
}

// isTableRow reports whether line is a row of a pipe table.
func isTableRow(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) > 1 && t[0] == '|' && t[len(t)-1] == '|'
}

// isDelimiterRow reports whether line is the |---|:---:| line under a
// table's headings.
func isDelimiterRow(line string) bool {
	return isTableRow(line) && strings.Trim(strings.TrimSpace(line), "|-: ") == ""
}

// tableCells splits a table row into its trimmed cells; an escaped pipe
// (\|) stays inside its cell.
func tableCells(line string) []string {
	t := strings.TrimSpace(line)
	t = t[1 : len(t)-1]
	var cells []string
	var cell strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t):
			cell.WriteString(t[i : i+2])
			i++
		case t[i] == '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(t[i])
		}
	}
	return append(cells, strings.TrimSpace(cell.String()))
}

// tableWidth is the width a table takes with every cell on one line: its
// widest cell in each column, a space each side and a rule between.
func tableWidth(head []string, rows [][]string) int {
	widths := make([]int, len(head))
	for _, r := range append([][]string{head}, rows...) {
		for j, c := range r {
			if j < len(widths) {
				widths[j] = max(widths[j], lipgloss.Width(c))
			}
		}
	}
	total := 1
	for _, w := range widths {
		total += w + 3
	}
	return total
}

// stacked lays a table out as a paragraph per row, its first cell in
// bold, and a list of the other cells named by their headings.
func stacked(head []string, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		out = append(out, "**"+r[0]+"**", "")
		for j := 1; j < len(r); j++ {
			item := r[j]
			if j < len(head) && head[j] != "" {
				item = head[j] + ": " + item
			}
			out = append(out, "- "+item)
		}
		out = append(out, "")
	}
	return out
}
