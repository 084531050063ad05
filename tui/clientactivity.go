package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"offboard/scoring"
)

// recentIncidents bounds the incidents the activity pane lists.
const recentIncidents = 15

// activityPane is the client's record, newest first: incidents, the
// communications log and the decisions log (status changes, overrides).
func activityPane(th Theme, a *scoring.Assessment, d clientDetail, width int) string {
	var b strings.Builder
	incidents := slices.Clone(a.Client.Incidents)
	slices.SortStableFunc(incidents, func(x, y scoring.Incident) int { return y.At.Compare(x.At) })
	b.WriteString(th.Heading.Render(fmt.Sprintf("Incidents (%d)", len(incidents))) + "\n")
	if len(incidents) == 0 {
		b.WriteString("  " + th.Subtle.Render("None recorded.") + "\n")
	}
	for _, in := range incidents[:min(len(incidents), recentIncidents)] {
		head := fmt.Sprintf("%s  %-16s sev %d  ", in.At.Format(time.DateOnly), incidentKind(in.Kind), in.Severity)
		writeEntry(&b, th, head, in.Description, width)
	}
	if len(incidents) > recentIncidents {
		b.WriteString("  " + th.Faint.Render(fmt.Sprintf("and %d older", len(incidents)-recentIncidents)) + "\n")
	}

	b.WriteString("\n" + th.Heading.Render("Communications") + "\n")
	switch {
	case !d.loaded:
		b.WriteString("  " + th.Subtle.Render("Loading…") + "\n")
	case len(d.comms) == 0:
		b.WriteString("  " + th.Subtle.Render("None recorded.") + "\n")
	}
	for _, c := range d.comms {
		head := fmt.Sprintf("%s  %-16s ", c.At.Format(time.DateOnly), c.Channel+" "+arrow(c.Direction))
		writeEntry(&b, th, head, c.Summary, width)
	}

	b.WriteString("\n" + th.Heading.Render("Decisions") + "\n")
	if d.loaded && len(d.decisions) == 0 {
		b.WriteString("  " + th.Subtle.Render("None yet.") + "\n")
	}
	for _, dec := range d.decisions {
		what := dec.Reason
		switch {
		case dec.Kind == "override" && dec.To == "":
			what = fmt.Sprintf("cleared, back to the assessment (was %s): %s", cmp.Or(dec.From, "none"), dec.Reason)
		case dec.From != "" || dec.To != "":
			what = fmt.Sprintf("%s → %s: %s", cmp.Or(dec.From, "none"), cmp.Or(dec.To, "none"), dec.Reason)
		}
		head := fmt.Sprintf("%s  %-16s ", dec.At.Format(time.DateOnly), dec.Kind)
		writeEntry(&b, th, head, what, width)
	}
	return strings.TrimRight(b.String(), "\n")
}

// writeEntry writes a dated entry: the head, then the text wrapped to the
// room left and indented under itself.
func writeEntry(b *strings.Builder, th Theme, head, text string, width int) {
	head = "  " + head
	indent := strings.Repeat(" ", len([]rune(head)))
	lines := wrap(text, max(width-len([]rune(head)), 20))
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i, l := range lines {
		if i == 0 {
			b.WriteString(th.Subtle.Render(head) + l + "\n")
		} else {
			b.WriteString(indent + l + "\n")
		}
	}
}

// incidentKind words an incident kind for the record.
func incidentKind(k scoring.IncidentKind) string {
	return strings.ReplaceAll(string(k), "_", " ")
}

// arrow shows which way a communication went.
func arrow(direction string) string {
	switch direction {
	case "inbound":
		return "in"
	case "outbound":
		return "out"
	}
	return direction
}
