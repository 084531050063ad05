package letters

import (
	"reflect"
	"testing"
)

func TestToneCheck(t *testing.T) {
	type hit struct {
		Phrase       string
		Start        int
		Line, Column int
		Kind         ToneKind
	}
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"empty", "", nil},
		{"cordial", "Thank you for the trust you have placed in us.", nil},
		{"blaming generalisation", "You never pay on time.", []hit{{"You never", 0, 1, 1, ToneBlaming}}},
		{"upper case", "This is UNACCEPTABLE.", []hit{{"UNACCEPTABLE", 8, 1, 9, ToneHostile}}},
		{"two in one sentence", "Your staff were rude and abusive.", []hit{
			{"rude", 16, 1, 17, ToneHostile},
			{"abusive", 25, 1, 26, ToneHostile},
		}},
		{"phrase across a line break", "you\n  never answered", []hit{{"you\n  never", 0, 1, 1, ToneBlaming}}},
		{"second line", "Line one\nWe demand payment", []hit{{"demand", 12, 2, 4, ToneBlaming}}},
		{"column counts characters", "Déjà vu: toxic", []hit{{"toxic", 11, 1, 10, ToneHostile}}},
		{"failed to", "The client failed to enable MFA.", []hit{{"failed to", 11, 1, 12, ToneBlaming}}},
		{"refused", "They refused the upgrade.", []hit{{"refused", 5, 1, 6, ToneBlaming}}},
		{"fault and faulty", "Not our fault; faulty disks.", []hit{
			{"fault", 8, 1, 9, ToneBlaming},
			{"faulty", 15, 1, 16, ToneBlaming},
		}},
		{"grievance", "Because of repeated late payments and scope creep", []hit{
			{"late payments", 20, 1, 21, ToneGrievance},
			{"scope creep", 38, 1, 39, ToneGrievance},
		}},
		{"incompetent, not competent", "a competent team, not incompetent", []hit{{"incompetent", 22, 1, 23, ToneHostile}}},
		{"whole words only", "The default route is prudent; firefighting is blameless; demandware.", nil},
		{"fired, not fire", "We fired them after the fire drill.", []hit{{"fired", 3, 1, 4, ToneGrievance}}},
		{"left us no choice", "Your conduct has left us no choice.", []hit{{"left us no choice", 17, 1, 18, ToneBlaming}}},
		{"leaves us with no other option", "This leaves us with no other option", []hit{{"leaves us with no other option", 5, 1, 6, ToneBlaming}}},
		{"forced to", "We are forced to end the agreement.", []hit{{"forced to", 7, 1, 8, ToneBlaming}}},
		{"forces us to", "which forces us to act", []hit{{"forces us to", 6, 1, 7, ToneBlaming}}},
		{"warned repeatedly", "We warned you repeatedly.", []hit{{"warned you repeatedly", 3, 1, 4, ToneBlaming}}},
		{"despite our warnings", "despite our many warnings, nothing changed", []hit{{"despite our many warnings", 0, 1, 1, ToneBlaming}}},
		{"repeated reminders", "after repeated reminders", []hit{{"repeated reminders", 6, 1, 7, ToneBlaming}}},
		{"chronic", "Chronic late payment", []hit{{"Chronic", 0, 1, 1, ToneGrievance}, {"late payment", 8, 1, 9, ToneGrievance}}},
		{"unwilling to pay", "You have been unwilling to pay.", []hit{{"unwilling to", 14, 1, 15, ToneBlaming}}},
		{"unprofessional", "Unprofessional conduct", []hit{{"Unprofessional", 0, 1, 1, ToneHostile}}},
		{"will not tolerate", "We will not tolerate this.", []hit{{"will not tolerate", 3, 1, 4, ToneHostile}}},
		{"time and again", "Time and again invoices were late.", []hit{{"Time and again", 0, 1, 1, ToneBlaming}}},
		{"always late", "payments always late", []hit{{"always late", 9, 1, 10, ToneGrievance}}},
		{"material breach", "a material breach of the agreement", []hit{{"breach", 11, 1, 12, ToneGrievance}}},
		{"neutral words nearby", "We will transfer the licences; the force of the clause; chronological order; a professional handover.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []hit
			for _, w := range ToneCheck(tt.text) {
				got = append(got, hit{w.Phrase, w.Start, w.Line, w.Column, w.Kind})
				if tt.text[w.Start:w.End] != w.Phrase {
					t.Errorf("offsets %d:%d give %q, not %q", w.Start, w.End, tt.text[w.Start:w.End], w.Phrase)
				}
				if w.Advice == "" {
					t.Errorf("%q has no advice", w.Phrase)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ToneCheck(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

// The built-in documents must pass the check they offer: every letter
// variant with no warning at all (the for-cause letter, above all, makes no
// allegation), the remediation documents with no hostile or blaming word
// (they name the gaps, so grievance words may appear in the client's data).
func TestBuiltInDocumentsPassToneCheck(t *testing.T) {
	r := newRenderer(t)
	for name, in := range map[string]TerminationInput{
		"harborline": harborlineTermination(), "kessler": kesslerTermination(),
		"juniper": juniperStatement(), "halvorsen": halvorsenForCause(),
	} {
		letter, err := r.Termination(in)
		if err != nil {
			t.Fatal(err)
		}
		if w := ToneCheck(letter); len(w) > 0 {
			t.Errorf("termination letter %s: %+v", name, w)
		}
	}
	agenda, err := r.Agenda(kesslerAgenda())
	if err != nil {
		t.Fatal(err)
	}
	plan, err := r.RemediationPlan(kesslerPlan())
	if err != nil {
		t.Fatal(err)
	}
	for name, md := range map[string]string{"agenda": agenda, "plan": plan} {
		for _, w := range ToneCheck(md) {
			if w.Kind != ToneGrievance {
				t.Errorf("%s: %+v", name, w)
			}
		}
	}
}
