package letters

import (
	"strings"
	"testing"
	"time"
)

func TestPostMortemTimeline(t *testing.T) {
	in := harborlinePostMortem()
	tl := in.Timeline()
	// By hand: 15 Sep 2025 to 10 Feb 2026 is 15+31+30+31+31+10 = 148 days;
	// 3 Nov 2025 to 20 May 2026 is 27+31+31+28+31+30+20 = 198; 31 Mar 2026
	// to the notice on 1 Dec 2026 is 30+31+30+31+31+30+31+30+1 = 245.
	want := []struct {
		flag  string
		days  int
		acted bool
	}{{"Late payment", 148, true}, {"Scope creep", 198, true}, {"Unprofitable", 245, false}}
	for i, f := range tl {
		if f.Flag != want[i].flag || f.DaysToAction != want[i].days || f.Acted != want[i].acted {
			t.Errorf("timeline %d = %s %d %v, want %+v", i, f.Flag, f.DaysToAction, f.Acted, want[i])
		}
	}
	if s := in.Slowest(); s == nil || s.Flag != "Unprofitable" {
		t.Errorf("Slowest = %+v, want Unprofitable", s)
	}
	// 15 Sep 2025 to 1 Dec 2026: 365 + 15 + 31 + 30 + 1 = 442 days.
	if got := in.DaysFirstFlagToNotice(); got != 442 {
		t.Errorf("DaysFirstFlagToNotice = %d, want 442", got)
	}
}

func TestPostMortemWithoutFlags(t *testing.T) {
	in := harborlinePostMortem()
	in.Flags, in.Changes, in.Notes = nil, nil, ""
	if in.Slowest() != nil || in.DaysFirstFlagToNotice() != 0 {
		t.Error("no flags should give no slowest flag and 0 days")
	}
	md, err := newRenderer(t).PostMortem(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "post-mortem", md, "No red flags were recorded before notice.", "## What we will change\n\nNo changes recorded yet.\n")
	if strings.Contains(md, "## Notes") || strings.Contains(md, "first red flag") {
		t.Errorf("post-mortem without flags or notes:\n%s", md)
	}
}

// Without the owner's changes, the post-mortem points at the red flags
// nobody acted on, from its own data; it ends on no stock sentence.
func TestPostMortemWithoutChanges(t *testing.T) {
	in := harborlinePostMortem()
	in.Changes, in.Notes = nil, ""
	md, err := newRenderer(t).PostMortem(in)
	if err != nil {
		t.Fatal(err)
	}
	assertContains(t, "post-mortem", md,
		"Of the 3 red flags, 2 were acted on before notice.",
		"No changes recorded yet. These red flags had no action before notice, and are where a change would start:\n\n"+
			"- Unprofitable, first seen Tuesday, 31 March 2026: Margin -8% over the first quarter (normal 22% to 35%) (245 days to notice)\n")
	for _, stock := range []string{"take stock of how we got here", "worthwhile"} {
		if strings.Contains(md, stock) {
			t.Errorf("the post-mortem contains the stock sentence %q", stock)
		}
	}
	in.Flags[2].ActionTaken, in.Flags[2].Action = day(2026, time.April, 15), "Re-priced"
	if in.ActedCount() != 3 || len(in.Unacted()) != 0 {
		t.Errorf("all acted on: ActedCount %d, Unacted %d", in.ActedCount(), len(in.Unacted()))
	}
}

// The days below were counted by hand: 2 March 2026 to 1 April is 30
// days, to 20 March 18 days.
func TestPostMortemDaysFirstFlagToAction(t *testing.T) {
	first := FlagHistory{Flag: "Late payment", FirstSeen: day(2026, time.March, 2), ActionTaken: day(2026, time.April, 1)}
	later := FlagHistory{Flag: "Scope creep", FirstSeen: day(2026, time.March, 10), ActionTaken: day(2026, time.March, 20)}
	waited := FlagHistory{Flag: "Unprofitable", FirstSeen: day(2026, time.March, 2)}
	tests := []struct {
		name  string
		flags []FlagHistory
		want  int
	}{
		{"no flags", nil, -1},
		{"nothing done", []FlagHistory{waited}, -1},
		{"the first flag's own action", []FlagHistory{first, waited}, 30},
		{"an earlier action on a later flag", []FlagHistory{first, later}, 18},
	}
	for _, tt := range tests {
		if got := (PostMortemInput{Flags: tt.flags}).DaysFirstFlagToAction(); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

// 302,400.00 less 219,600.00 is 82,800.00; 126,000.00 less 133,200.00 is
// -7,200.00.
func TestPostMortemEconomics(t *testing.T) {
	e := harborlinePostMortem().Economics
	if e.Margin() != usd(8280000) || e.FlagMargin() != usd(-720000) {
		t.Errorf("margins %v and %v", e.Margin(), e.FlagMargin())
	}
}

func TestPostMortemActedSummary(t *testing.T) {
	acted := FlagHistory{Flag: "Late payment", FirstSeen: day(2026, time.March, 2), ActionTaken: day(2026, time.April, 1)}
	waited := FlagHistory{Flag: "Scope creep", FirstSeen: day(2026, time.March, 2)}
	tests := []struct {
		flags []FlagHistory
		want  string
	}{
		{nil, ""},
		{[]FlagHistory{acted}, ""},
		{[]FlagHistory{waited}, ""},
		{[]FlagHistory{acted, acted}, "All 2 red flags were acted on before notice."},
		{[]FlagHistory{waited, waited}, "None of the 2 red flags was acted on before notice."},
		{[]FlagHistory{acted, waited, waited}, "Of the 3 red flags, 1 was acted on before notice."},
		{[]FlagHistory{acted, acted, waited}, "Of the 3 red flags, 2 were acted on before notice."},
	}
	for _, tt := range tests {
		if got := (PostMortemInput{Flags: tt.flags}).ActedSummary(); got != tt.want {
			t.Errorf("%d flags: %q, want %q", len(tt.flags), got, tt.want)
		}
	}
}

func TestPostMortemErrors(t *testing.T) {
	r := newRenderer(t)
	in := harborlinePostMortem()
	in.Flags[0].ActionTaken = day(2025, time.October, 1)
	if _, err := r.PostMortem(in); err == nil || !strings.Contains(err.Error(), `red flag "Scope creep" was acted on (Wednesday, 1 October 2025) before it first appeared (Monday, 3 November 2025)`) {
		t.Errorf("error = %v", err)
	}
	in = harborlinePostMortem()
	in.NoticeSent = time.Time{}
	if _, err := r.PostMortem(in); err == nil || !strings.Contains(err.Error(), "notice was sent is not set") {
		t.Errorf("error = %v", err)
	}
}

// A post-mortem written during the notice period speaks of the end of the
// agreement in the future tense; one written after it, in the past.
func TestPostMortemTenseOfTheEnd(t *testing.T) {
	for _, c := range []struct {
		prepared time.Time
		want     string
	}{
		{day(2027, time.January, 8), "and the agreement ended on Thursday, 31 December 2026."},
		{day(2026, time.December, 31), "and the agreement ended on Thursday, 31 December 2026."},
		{day(2026, time.December, 10), "and the agreement ends on Thursday, 31 December 2026."},
	} {
		in := harborlinePostMortem()
		in.Prepared = c.prepared
		md, err := newRenderer(t).PostMortem(in)
		if err != nil {
			t.Fatal(err)
		}
		assertContains(t, "post-mortem prepared "+c.prepared.Format(time.DateOnly), md, c.want)
	}
}
