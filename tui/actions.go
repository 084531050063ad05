package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"offboard/scoring"
)

// ClientTarget is what a screen opened from a client is given: the client
// and its assessment, within the portfolio it was scored in (for the normal
// ranges, the break-even price and the flags' evidence).
type ClientTarget struct {
	ID         int64
	Name       string
	Assessment *scoring.Assessment
	Snapshot   *Snapshot
}

// ClientAction is a screen reached from the client screen by one key, such
// as the remediation walkthrough or the termination letter. Its binding
// shows in the client screen's help only while the action is available.
type ClientAction struct {
	Binding key.Binding
	// Available reports whether the action applies to the client (a
	// checklist exists only once notice was given); nil means always.
	Available func(ClientTarget) bool
	// Open builds the screen; the client screen pushes it.
	Open func(*Common, ClientTarget) Screen
}

// clientActions lists the screens that open from a client, in help order.
// Each screen that opens from a client adds its line here.
func clientActions(k KeyMap) []ClientAction {
	return []ClientAction{
		{Binding: k.LogEntry, Open: func(c *Common, t ClientTarget) Screen { return NewLogEntryScreen(c, t) }},
		{Binding: k.Remediate, Open: func(c *Common, t ClientTarget) Screen {
			return NewRemediation(c, t.ID, seedWithWhatIf(SeedFromAssessment(t.Assessment), t))
		}},
		{Binding: k.Letter, Open: func(c *Common, t ClientTarget) Screen {
			l := NewLetterScreen(c, t.ID)
			l.decision = whatIfNote(t, letGoNote)
			return l
		}},
		{Binding: k.Checklist, Available: givenNotice,
			Open: func(c *Common, t ClientTarget) Screen { return NewChecklistScreen(c, t.ID) }},
		{Binding: k.WhatIf, Open: func(c *Common, t ClientTarget) Screen { return NewWhatIfScreen(c, t.Snapshot, t.ID) }},
	}
}

// givenNotice reports whether the client was given notice, so that it has
// an offboarding checklist.
func givenNotice(t ClientTarget) bool {
	if t.Assessment == nil || t.Assessment.Client == nil {
		return false
	}
	s := t.Assessment.Client.Status
	return s == scoring.StatusNotice || s == scoring.StatusOffboarded
}
