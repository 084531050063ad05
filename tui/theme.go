package tui

import "github.com/charmbracelet/lipgloss"

// Theme holds every style the workbench draws with. Colours are adaptive so
// one theme reads on light and dark terminals; with NO_COLOR set, lipgloss
// drops the colours and the bold, reverse and marker glyphs still carry
// the meaning.
type Theme struct {
	App        lipgloss.Style
	Title      lipgloss.Style
	Crumb      lipgloss.Style
	Subtle     lipgloss.Style
	Faint      lipgloss.Style
	Heading    lipgloss.Style
	Selected   lipgloss.Style
	Cursor     lipgloss.Style
	StatusLine lipgloss.Style
	Error      lipgloss.Style
	Warning    lipgloss.Style
	Good       lipgloss.Style
	Box        lipgloss.Style
	ActiveBox  lipgloss.Style
	Badge      map[string]lipgloss.Style
	High       lipgloss.Style
	Low        lipgloss.Style
	Bar        lipgloss.Style
	BarEmpty   lipgloss.Style
	ZeroTol    lipgloss.Style
	Missing    lipgloss.Style
	Key        lipgloss.Style
	Tab        lipgloss.Style
	ActiveTab  lipgloss.Style
	// Band draws a portfolio's normal range; Outlier what falls outside it.
	Band    lipgloss.Style
	Outlier lipgloss.Style
}

var (
	colorAccent = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#9D8CFF"}
	colorSubtle = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	colorFaint  = lipgloss.AdaptiveColor{Light: "#A0A0A0", Dark: "#5C5C5C"}
	colorGood   = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#5FD07A"}
	colorWatch  = lipgloss.AdaptiveColor{Light: "#8A6D00", Dark: "#E5C454"}
	colorFix    = lipgloss.AdaptiveColor{Light: "#B45309", Dark: "#F59E4B"}
	colorBad    = lipgloss.AdaptiveColor{Light: "#B91C1C", Dark: "#FF6B6B"}
	colorSelBg  = lipgloss.AdaptiveColor{Light: "#E6E0FA", Dark: "#3A3161"}
	colorBorder = lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#4A4A4A"}
)

// DefaultTheme is the workbench's one theme.
func DefaultTheme() Theme {
	badge := func(c lipgloss.AdaptiveColor) lipgloss.Style {
		return lipgloss.NewStyle().Foreground(c).Bold(true)
	}
	return Theme{
		App:        lipgloss.NewStyle().Padding(0, 1),
		Title:      lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		Crumb:      lipgloss.NewStyle().Foreground(colorSubtle),
		Subtle:     lipgloss.NewStyle().Foreground(colorSubtle),
		Faint:      lipgloss.NewStyle().Foreground(colorFaint),
		Heading:    lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		Selected:   lipgloss.NewStyle().Background(colorSelBg).Bold(true),
		Cursor:     lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		StatusLine: lipgloss.NewStyle().Foreground(colorSubtle),
		Error:      lipgloss.NewStyle().Foreground(colorBad).Bold(true),
		Warning:    lipgloss.NewStyle().Foreground(colorFix),
		Good:       lipgloss.NewStyle().Foreground(colorGood),
		Box:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorBorder).Padding(0, 1),
		ActiveBox:  lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).Padding(0, 1),
		Badge: map[string]lipgloss.Style{
			"keep":      badge(colorGood),
			"watch":     badge(colorWatch),
			"remediate": badge(colorFix),
			"offboard":  badge(colorBad),
		},
		High:      lipgloss.NewStyle().Foreground(colorBad).Bold(true),
		Low:       lipgloss.NewStyle().Foreground(colorFix).Bold(true),
		Bar:       lipgloss.NewStyle().Foreground(colorFix),
		BarEmpty:  lipgloss.NewStyle().Foreground(colorFaint),
		ZeroTol:   lipgloss.NewStyle().Foreground(colorBad).Bold(true).Reverse(true),
		Missing:   lipgloss.NewStyle().Foreground(colorBad).Underline(true),
		Key:       lipgloss.NewStyle().Foreground(colorAccent),
		Tab:       lipgloss.NewStyle().Foreground(colorSubtle).Padding(0, 1),
		ActiveTab: lipgloss.NewStyle().Foreground(colorAccent).Bold(true).Underline(true).Padding(0, 1),
		Band:      lipgloss.NewStyle().Foreground(colorGood),
		Outlier:   lipgloss.NewStyle().Foreground(colorBad).Bold(true),
	}
}
