package tui

import "testing"

func TestStackTables(t *testing.T) {
	table := "Intro.\n\n| Red flag | First seen | Days to act |\n| --- | --- | --- |\n| Late payment | Monday, 15 September 2025 | 148 |\n| Scope creep \\| extra | Monday, 3 November 2025 | 198 |\n\nAfter.\n"
	// The widest cells: 20 ("Scope creep \| extra"), 25, 11; with a space
	// each side and a rule between, 1 + 23 + 28 + 14 = 66 cells.
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"fits", 66, table},
		{"too wide", 65, "Intro.\n\n" +
			"**Late payment**\n\n- First seen: Monday, 15 September 2025\n- Days to act: 148\n\n" +
			"**Scope creep \\| extra**\n\n- First seen: Monday, 3 November 2025\n- Days to act: 198\n\n" +
			"\nAfter.\n"},
		{"no table", 10, "| not a table |\nbecause no delimiter row\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := table
			if tt.name == "no table" {
				in = tt.want
			}
			if got := stackTables(in, tt.width); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
