package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"offboard/scoring"
)

// The sentence beside the flags must be true to the arithmetic of the
// score: a sum, a cap at 100, or zero tolerance overriding the points.
func TestScoreSentence(t *testing.T) {
	tests := []struct {
		name  string
		flags []scoring.Flag
		want  string
	}{
		// 12.4 + 10.3 = 22.7, which rounds to 23.
		{"sum", []scoring.Flag{{Points: 12.4}, {Points: 10.3}}, "the points add up to 22.7, the score 23/100"},
		// 60 + 70 = 130, over the cap.
		{"capped", []scoring.Flag{{Points: 60}, {Points: 70}}, "the points add up to 130.0, capped at 100/100"},
		// One criminal flag of 50 points, yet the score is 100.
		{"zero tolerance", []scoring.Flag{{Points: 50, ZeroTolerance: true}}, "zero tolerance sets the score to 100/100; the points add up to 50.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &scoring.Assessment{Flags: tt.flags, Score: scoring.Score(tt.flags)}
			if got := scoreSentence(a); got != tt.want {
				t.Errorf("scoreSentence = %q, want %q", got, tt.want)
			}
		})
	}
}

// At 80 columns the key to the lab's markers wraps rather than losing its
// last word.
func TestLabKeyWrapsAt80(t *testing.T) {
	snap := fixtureSnapshot()
	a := snap.Find(13)
	out := labPane(DefaultTheme(), ClientTarget{ID: 13, Assessment: a, Snapshot: snap, Name: a.Client.Name}, 78)
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "a dot: shown, not judged") || strings.Contains(out, "…") {
		t.Errorf("the lab key is cut:\n%s", out)
	}
	// "see below" points at the reason only a client not rated has.
	if strings.Contains(out, "see below") {
		t.Errorf("the key points below with nothing below:\n%s", out)
	}
	unrated := *a
	unrated.Unrated = "no seat count"
	out = labPane(DefaultTheme(), ClientTarget{ID: 13, Assessment: &unrated, Snapshot: snap, Name: a.Client.Name}, 78)
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "not judged (see below)") {
		t.Errorf("an unrated client's key does not point at the reason:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(line)); w > 78 {
			t.Errorf("line of %d cells at width 78: %q", w, line)
		}
	}
}

// At 80 columns the sentence beside the flags' heading wraps under it
// rather than stopping mid-sentence at the window's edge.
func TestFlagsHeadingSentenceWraps(t *testing.T) {
	a := &scoring.Assessment{Flags: []scoring.Flag{{Title: "Mistreatment of staff", Points: 50, ZeroTolerance: true}}}
	a.Score = scoring.Score(a.Flags)
	out := verdictPane(DefaultTheme(), a, 76)
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "zero tolerance sets the score to 100/100; the points add up to 50.0") {
		t.Errorf("the score sentence is not whole:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := lipgloss.Width(line); w > 76 {
			t.Errorf("line of %d cells at width 76: %q", w, line)
		}
	}
}
