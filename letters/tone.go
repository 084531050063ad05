package letters

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// ToneKind groups the words the tone check looks for.
type ToneKind string

// The kinds of wording a cordial letter avoids. Seed 001: "All
// communication should remain cordial, even if they're at fault"; "Stick to the facts." The letter thanks the
// client, does not blame and does not list grievances: the internal reasons
// stay in the tool's records.
const (
	// ToneHostile is insulting or heated language.
	ToneHostile ToneKind = "hostile"
	// ToneBlaming assigns fault to the reader.
	ToneBlaming ToneKind = "blaming"
	// ToneGrievance names an internal reason for ending the relationship.
	ToneGrievance ToneKind = "grievance"
)

// ToneWarning is one hostile, blaming or grievance phrase found in a text.
type ToneWarning struct {
	// Phrase is the text as it appears, in its original case.
	Phrase string
	// Start and End are byte offsets of Phrase in the checked text.
	Start, End int
	// Line and Column locate Start, counting from 1; Column counts
	// characters, not bytes.
	Line, Column int
	// Kind says why the phrase is a problem.
	Kind ToneKind
	// Advice suggests what to write instead.
	Advice string
}

// toneRule is one pattern in the word list; words are separated by single
// spaces in pattern and may be separated by any whitespace in the text.
type toneRule struct {
	pattern string
	kind    ToneKind
	advice  string
}

// toneRules is the word list, each entry grounded in the seed where owners
// describe the behaviour they are tempted to name.
var toneRules = []toneRule{
	// Seeds 000 and 001 name abusive and toxic clients, shouting and rudeness.
	{`abus(?:e|es|ed|ive)`, ToneHostile, "describe what will happen next, not the behaviour that led here"},
	{`toxic`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`rude(?:ly|ness)?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`disrespectful`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`uncooperative`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`shout(?:s|ed|ing)?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`scream(?:s|ed|ing)?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	// Seed 002 speaks of vampires, tantrums and competence.
	{`vampires?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`tantrums?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`incompeten(?:t|ce)`, ToneHostile, "judge no one's competence; state dates and steps"},
	{`unacceptable`, ToneHostile, "state what was agreed and what happens next"},
	{`bad[- ]?mouth(?:s|ed|ing)?`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`belittl(?:e|es|ed|ing)`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	// Seed 001: "compliance nightmares"; seed 003: "horror stories".
	{`nightmares?`, ToneHostile, "describe the step, not how it felt"},
	{`horror`, ToneHostile, "describe the step, not how it felt"},
	{`had enough|enough is enough`, ToneHostile, "say that the agreement is ending and when"},
	// Seed 004: "This does not mean that you ... tell the client to take a hike."
	{`take a hike`, ToneHostile, "say that the agreement is ending and when"},
	// Seed 001: "even if they're at fault"; the letter states facts, not fault.
	{`fault(?:s|y)?`, ToneBlaming, "state the fact without assigning fault"},
	{`blam(?:e|es|ed|ing)`, ToneBlaming, "state the fact without assigning fault"},
	// Seed 003: "clients' actions or failures".
	{`fail(?:s|ed|ure|ures|ing)? to`, ToneBlaming, "state what is needed and by when"},
	// Seeds 000 and 001: clients who refuse to invest or to follow data rules.
	{`refus(?:e|es|ed|al|ing)`, ToneBlaming, "state what is needed and by when"},
	{`you never|you always`, ToneBlaming, "state the fact without generalising"},
	// Seed 000: "shouting, demanding immediate action".
	{`demand(?:s|ed|ing)?`, ToneBlaming, "ask or state; a letter that demands invites a dispute"},
	// Seed 001: "purposeful negligence", "ignoring privacy rules", "openly violate".
	{`neglig(?:ent|ence)`, ToneBlaming, "state the fact without assigning fault"},
	{`ignor(?:e|es|ed|ing)`, ToneBlaming, "state the fact without assigning fault"},
	{`violat(?:e|es|ed|ing|ion|ions)`, ToneBlaming, "leave compliance findings in the record, not the letter"},
	// Seeds 003 and 004: clients who take advantage; one-sided relationships.
	{`(?:take|takes|took|taken|taking) advantage`, ToneBlaming, "leave the reasons out of the letter; they stay in the record"},
	{`one[- ]sided`, ToneBlaming, "leave the reasons out of the letter; they stay in the record"},
	// The internal reasons themselves (seeds 000, 001, 003): late payment,
	// scope creep, unprofitability, noncompliance, criminal activity.
	{`late pay(?:ment|ments|er|ers)`, ToneGrievance, "the final invoice is stated as a fact; the payment history stays in the record"},
	{`unpaid`, ToneGrievance, "state the outstanding balance as a figure"},
	{`scope creep`, ToneGrievance, "leave the reasons out of the letter; they stay in the record"},
	{`unprofitable`, ToneGrievance, "leave the reasons out of the letter; they stay in the record"},
	{`non-?complian(?:ce|t)`, ToneGrievance, "leave compliance findings in the record, not the letter"},
	{`criminal|fraud(?:ulent)?|theft`, ToneGrievance, "take legal advice; do not put allegations in the letter"},
	// Seeds 001 and 003 speak of firing a client; the letter ends an agreement.
	{`fir(?:ed|ing)`, ToneGrievance, "say that the agreement is ending"},
	// Whole phrases, not single words: the ways an owner justifies the
	// decision to the client (seed 001: "Stick to the facts"). A letter that
	// explains why it had to be written argues the case it should not open.
	{`(?:left|leave|leaves|leaving) (?:us|me) (?:with )?(?:no|little) (?:other )?(?:choice|option|alternative)`, ToneBlaming,
		"say what is happening and when; the reasons stay in the record"},
	{`(?:forc(?:e|es|ed|ing)) (?:us |me )?to`, ToneBlaming, "say what we are doing, not who made us do it"},
	{`warn(?:ed|ing|ings)? (?:you )?(?:repeatedly|again and again|several times|many times|more than once|on several occasions)`, ToneBlaming,
		"leave earlier warnings in the record; the letter states the decision"},
	{`(?:repeated|numerous|several|many) (?:warnings|reminders)`, ToneBlaming,
		"leave earlier warnings in the record; the letter states the decision"},
	{`despite (?:our|all|every) (?:\w+ )?(?:warnings|reminders|requests|efforts)`, ToneBlaming,
		"leave earlier warnings in the record; the letter states the decision"},
	{`time and (?:time )?again|over and over`, ToneBlaming, "state the fact without generalising"},
	{`(?:consistently|repeatedly|habitually|always) late`, ToneGrievance, "the payment history stays in the record"},
	{`chronic(?:ally)?`, ToneGrievance, "leave the reasons out of the letter; they stay in the record"},
	{`unwilling(?:ness)? to`, ToneBlaming, "state what is needed and by when"},
	{`(?:will|can|cannot|could|won't|will not|can't) (?:no longer )?(?:not )?tolerate|intolerable`, ToneHostile,
		"say that the agreement is ending and when"},
	{`unprofessional(?:ly|ism)?`, ToneHostile, "judge no one's conduct; state dates and steps"},
	{`difficult to work with`, ToneHostile, "leave the reasons out of the letter; they stay in the record"},
	{`last straw`, ToneHostile, "say that the agreement is ending and when"},
	// Seed 003: criminal activity; a for-cause letter cites the clause and
	// alleges nothing.
	{`breach(?:ed|es|ing)?`, ToneGrievance, "take legal advice; cite the clause that allows the termination, not a breach"},
}

// toneMatchers are the compiled rules: case-insensitive, whole words only.
var toneMatchers = compileToneRules(toneRules)

type toneMatcher struct {
	re *regexp.Regexp
	toneRule
}

func compileToneRules(rules []toneRule) []toneMatcher {
	out := make([]toneMatcher, len(rules))
	for i, r := range rules {
		pattern := strings.ReplaceAll(r.pattern, " ", `\s+`)
		out[i] = toneMatcher{re: regexp.MustCompile(`(?i)\b(?:` + pattern + `)\b`), toneRule: r}
	}
	return out
}

// ToneCheck returns the hostile, blaming and grievance phrases in text, in
// order of position. Matching ignores case and only matches whole words, so
// "default" does not match "fault". Where two phrases overlap the earlier
// (then the longer) one is kept. An empty result means the text passed.
func ToneCheck(text string) []ToneWarning {
	var found []ToneWarning
	for _, m := range toneMatchers {
		for _, loc := range m.re.FindAllStringIndex(text, -1) {
			found = append(found, ToneWarning{
				Phrase: text[loc[0]:loc[1]],
				Start:  loc[0],
				End:    loc[1],
				Kind:   m.kind,
				Advice: m.advice,
			})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return found[i].End > found[j].End
	})
	var out []ToneWarning
	for _, w := range found {
		if len(out) > 0 && w.Start < out[len(out)-1].End {
			continue
		}
		w.Line, w.Column = lineColumn(text, w.Start)
		out = append(out, w)
	}
	return out
}

// lineColumn converts a byte offset into a 1-based line and character column.
func lineColumn(text string, offset int) (line, column int) {
	before := text[:offset]
	line = strings.Count(before, "\n") + 1
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCountInString(before) + 1
}
