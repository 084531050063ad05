package tui

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/casefile"
	"offboard/demo"
	"offboard/letters"
	"offboard/money"
	"offboard/scoring"
	"offboard/store"
)

// demoSnapshot scores the demo portfolio as the workbench does.
func demoSnapshot(t *testing.T) (*Common, *Snapshot) {
	t.Helper()
	c := demoCommon(t)
	snap, err := LoadSnapshot(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return c, snap
}

func assessmentNamed(t *testing.T, snap *Snapshot, name string) *scoring.Assessment {
	t.Helper()
	for i := range snap.Assessments {
		if snap.Assessments[i].Client.Name == name {
			return &snap.Assessments[i]
		}
	}
	t.Fatalf("no client %q in the demo", name)
	return nil
}

// monthlyHours is a client's labour hours in an average month of its
// window, as the profit figures count them.
func monthlyHours(a *scoring.Assessment) float64 {
	return a.Profit.Hours / float64(a.Profit.Months)
}

// servicedMRR is the fee of every client still serviced.
func servicedMRR(snap *Snapshot) int64 {
	var mrr int64
	for _, a := range snap.Assessments {
		if a.Client.Status.Serviced() {
			mrr += a.Client.MRR
		}
	}
	return mrr
}

func TestWhatIfScreenShowsEveryFigure(t *testing.T) {
	c, snap := demoSnapshot(t)
	a := assessmentNamed(t, snap, demo.NameResourceDrain)
	s := NewWhatIfScreen(c, snap, a.Client.ID)
	s.SetSize(138, 60)
	view := s.View()

	increase := a.Profit.BreakEvenMonthly - a.Client.MRR
	hours := monthlyHours(a)
	technicians := snap.Setup.Config.Technicians
	for _, want := range []string{
		"Keep as is", "Re-price to target", "Narrow the scope", "Let go",
		// Re-pricing asks for the break-even fee, the increase in money and percent.
		money.Grouped(a.Profit.BreakEvenMonthly, ""),
		fmt.Sprintf("+%s (+%.1f%%)", money.Grouped(increase, ""), float64(increase)/float64(a.Client.MRR)*100),
		money.Grouped(12*a.Profit.BreakEvenMonthly, ""),
		// Letting go leaves the rest of the serviced portfolio's fees.
		money.Grouped(servicedMRR(snap)-a.Client.MRR, ""),
		fmt.Sprintf("%.1f technician hours a month freed (%.1f each of %d)", hours, hours/float64(technicians), technicians),
		fmt.Sprintf("per technician (%d)", technicians),
		"After-hours tickets removed", "not known", "Concentration after", "Client margin", "Annual revenue",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("the what-if lacks %q:\n%s", want, view)
		}
	}
	if technicians != 8 {
		t.Errorf("the demo has %d technicians set, want its 8", technicians)
	}
}

// demoList is the client list of the demo portfolio, already scored, with
// a driver that runs its commands.
func demoList(t *testing.T) (*ClientList, *driver, *Snapshot) {
	t.Helper()
	c, snap := demoSnapshot(t)
	list := NewClientList(c)
	list.SetSize(138, 40)
	list.setSnapshot(snap)
	return list, &driver{t: t, s: list}, snap
}

// TestListMarksWeighLettingGoTogether marks two clients in the list and
// checks the what-if it opens lets both go, and that letting them go
// together removes what letting each go alone removes, summed.
func TestListMarksWeighLettingGoTogether(t *testing.T) {
	list, d, snap := demoList(t)

	first := list.Selected()
	d.press("space", "j", "j")
	// Letting an offboarded client go changes nothing: mark a serviced one.
	for !list.Selected().Client.Status.Serviced() {
		d.press("j")
	}
	second := list.Selected()
	d.press("space")
	if v := list.View(); !strings.Contains(v, "2 marked") || strings.Count(v, "✓") != 2 {
		t.Errorf("the list does not show the two marks:\n%s", v)
	}
	d.press("w")
	if len(d.pushed) != 1 {
		t.Fatalf("w pushed %d screens", len(d.pushed))
	}
	w := d.pushed[0].(*WhatIfScreen).what
	if len(w.Clients) != 2 || w.Clients[0].Client.ID != first.Client.ID || w.Clients[1].Client.ID != second.Client.ID || w.Together == nil {
		t.Fatalf("what-if of %+v, want %s and %s together", w.Clients, first.Client.Name, second.Client.Name)
	}
	if !first.Client.Status.Serviced() || !second.Client.Status.Serviced() {
		t.Fatalf("pick serviced clients: %s, %s", first.Client.Status, second.Client.Status)
	}

	before, together := w.Clients[0].Before, *w.Together
	if want := servicedMRR(snap) - first.Client.MRR - second.Client.MRR; together.Portfolio.MRR != want {
		t.Errorf("portfolio MRR after %d, want %d", together.Portfolio.MRR, want)
	}
	if want := monthlyHours(first) + monthlyHours(second); math.Abs(together.HoursFreed-want) > 1e-9 {
		t.Errorf("hours freed %.4f, want %.4f", together.HoursFreed, want)
	}
	one, other := w.Clients[0].Options[3], w.Clients[1].Options[3]
	sums := []struct {
		name                 string
		together, one, other float64
	}{
		{"MRR lost", float64(before.MRR - together.Portfolio.MRR), float64(before.MRR - one.Portfolio.MRR), float64(before.MRR - other.Portfolio.MRR)},
		{"MRR change", together.MRRChange, one.MRRChange, other.MRRChange},
		{"annual revenue lost", float64(before.AnnualRevenue - together.Portfolio.AnnualRevenue), float64(before.AnnualRevenue - one.Portfolio.AnnualRevenue), float64(before.AnnualRevenue - other.Portfolio.AnnualRevenue)},
		{"hours freed", together.HoursFreed, one.HoursFreed, other.HoursFreed},
		{"per technician", together.HoursFreedPerTechnician, one.HoursFreedPerTechnician, other.HoursFreedPerTechnician},
		{"tickets", together.TicketsRemoved, one.TicketsRemoved, other.TicketsRemoved},
		{"after hours", *together.AfterHoursRemoved, *one.AfterHoursRemoved, *other.AfterHoursRemoved},
		{"after-hours share", *together.AfterHoursShare, *one.AfterHoursShare, *other.AfterHoursShare},
	}
	for _, s := range sums {
		if math.Abs(s.together-(s.one+s.other)) > 1e-6 {
			t.Errorf("%s: together %.4f, one by one %.4f + %.4f", s.name, s.together, s.one, s.other)
		}
	}

	// space again unmarks; with nothing marked, w weighs the client under
	// the cursor alone.
	d.press("space")
	d.press("w")
	if w := d.pushed[1].(*WhatIfScreen).what; len(w.Clients) != 1 || w.Together != nil || w.Clients[0].Client.ID != first.Client.ID {
		t.Errorf("after unmarking, w weighed %+v, want %s alone", w.Clients, first.Client.Name)
	}
}

func TestClientScreenOpensWhatIf(t *testing.T) {
	c, snap := demoSnapshot(t)
	a := assessmentNamed(t, snap, demo.NameLatePayment)
	d := &driver{t: t, s: NewClientScreen(c, snap, a.Client.ID)}
	d.press("w")
	if len(d.pushed) != 1 {
		t.Fatalf("w pushed %d screens", len(d.pushed))
	}
	if w, ok := d.pushed[0].(*WhatIfScreen); !ok || len(w.what.Clients) != 1 || w.what.Clients[0].Client.ID != a.Client.ID {
		t.Errorf("w opened %T for %v", d.pushed[0], w)
	}
}

// TestLetterQuotesLettingGoForTheOwnerOnly opens the letter from a client
// and checks the summary quotes letting it go while the letter does not.
func TestLetterQuotesLettingGoForTheOwnerOnly(t *testing.T) {
	c, snap := demoSnapshot(t)
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Letters, c.MarkdownStyle = r, "notty"
	a := assessmentNamed(t, snap, demo.NameResourceDrain)
	target := ClientTarget{ID: a.Client.ID, Name: a.Client.Name, Assessment: a, Snapshot: snap}
	var s *LetterScreen
	for _, act := range clientActions(c.Keys) {
		if act.Binding.Help().Key == c.Keys.Letter.Help().Key {
			s = act.Open(c, target).(*LetterScreen)
		}
	}
	d := drive(t, s, 200, 50)
	if len(d.errs) > 0 {
		t.Fatal(d.errs)
	}
	hours := fmt.Sprintf("%.1f technician hours a month freed", monthlyHours(a))
	if v := s.View(); !strings.Contains(v, "For you only, not in the letter") || !strings.Contains(v, hours) {
		t.Errorf("the summary does not quote letting go (%q):\n%s", hours, v)
	}
	if s.markdown == "" || strings.Contains(s.markdown, hours) || strings.Contains(s.markdown, "MRR") {
		t.Errorf("the letter quotes the what-if:\n%s", s.markdown)
	}
}

func TestAppendIfRoom(t *testing.T) {
	lines := []string{"one", "two"}
	if got := appendIfRoom(lines, "a note of five words", 3, 40); len(got) != 3 {
		t.Errorf("a note that fits was left out: %q", got)
	}
	// At 10 cells the note wraps to two lines: four in all, one too many.
	if got := appendIfRoom(lines, "a note of five words", 3, 10); len(got) != 2 {
		t.Errorf("a note that would be cut was added: %q", got)
	}
}

func TestPriceTermsQuoteRepricing(t *testing.T) {
	c, snap := demoSnapshot(t)
	a := assessmentNamed(t, snap, demo.NameResourceDrain)
	target := ClientTarget{ID: a.Client.ID, Name: a.Client.Name, Assessment: a, Snapshot: snap}
	ctx := context.Background()
	cl, err := c.Store.Client(ctx, a.Client.ID)
	if err != nil {
		t.Fatal(err)
	}
	f, err := seedWithWhatIf(SeedFromAssessment(a), target)(ctx, c.Desk, cl)
	if err != nil {
		t.Fatal(err)
	}
	increase := a.Profit.BreakEvenMonthly - a.Client.MRR
	want := fmt.Sprintf("%s a month instead of %s, +%s", money.Grouped(a.Profit.BreakEvenMonthly, ""), money.Grouped(a.Client.MRR, ""), money.Grouped(increase, ""))
	if !strings.Contains(f.Terms.WhatIf, want) || !strings.Contains(priceNote(f.Terms), want) {
		t.Errorf("price terms note %q lacks %q", priceNote(f.Terms), want)
	}
}

// TestWhatIfGolden draws the what-if of one client and of two marked in
// the list at the smallest window and a large one.
func TestWhatIfGolden(t *testing.T) {
	space := tea.KeyMsg{Type: tea.KeySpace}
	tests := []struct {
		name  string
		steps func(t *testing.T, tm *teatest.TestModel)
	}{
		{"client", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(keyMsg("w"))
			waitFor(t, tm, "Re-price to target")
		}},
		// The small window scrolls to the options that did not fit.
		{"client-end", func(t *testing.T, tm *teatest.TestModel) {
			openPlanted(t, tm, demo.NameResourceDrain)
			tm.Send(keyMsg("w"))
			waitFor(t, tm, "Re-price to target")
			tm.Send(keyMsg("G"))
			waitFor(t, tm, "Narrowing the scope leaves out")
		}},
		{"together", func(t *testing.T, tm *teatest.TestModel) {
			tm.Send(space)
			tm.Send(keyMsg("j"))
			tm.Send(space)
			waitFor(t, tm, "2 marked")
			tm.Send(keyMsg("w"))
			waitFor(t, tm, "All 2 together")
		}},
	}
	for _, size := range [][2]int{{80, 24}, {140, 45}} {
		for _, tt := range tests {
			if tt.name == "client-end" && size[0] > 80 {
				continue
			}
			t.Run(fmt.Sprintf("%s-%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				c := demoCommon(t)
				tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "60 clients")
				tt.steps(t, tm)
				requireGolden(t, tm)
			})
		}
	}
}

// TestPlanDocumentsLeaveTheWhatIfOut records a plan whose price terms
// carry the what-if and checks neither document sent to the client quotes
// it, while the new fee is there.
func TestPlanDocumentsLeaveTheWhatIfOut(t *testing.T) {
	h, id := newRemHarness(t)
	const quote = "What if we re-price to target: 1,234.56 a month"
	seed := func(context.Context, *casefile.Desk, store.Client) (casefile.PlanForm, error) {
		f := remSeed()
		f.Terms = casefile.TermsForm{PriceChange: true, NewPrice: "5,000.00", PriceFrom: "2027-01-01",
			CurrentMinor: 420000, BreakEvenMinor: 987654, Currency: "USD", WhatIf: quote}
		return f, nil
	}
	r := NewRemediation(h.c, id, seed)
	r.SetSize(100, 40)
	h.screen = r
	h.run(r.Init())
	finishAgreed(h)
	tr, ok := r.inner.(*PlanTracking)
	if !ok {
		t.Fatalf("after finishing: %T, errors %v", r.inner, h.errs)
	}
	for _, kind := range []letters.Kind{letters.KindAgenda, letters.KindRemediationPlan} {
		md, _, err := h.c.PlanMarkdown(context.Background(), tr.plan.ID, kind, h.c.Letters)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(md, "1,234.56") || strings.Contains(md, "What if") {
			t.Errorf("the %s quotes the what-if:\n%s", kind, md)
		}
		if kind == letters.KindRemediationPlan && !strings.Contains(md, "5,000.00") {
			t.Errorf("the plan lacks the new fee:\n%s", md)
		}
	}
}

// TestMarkAllShownWeighsTheRecommendedOffboard filters the list to the
// clients recommended Offboard, marks them all and weighs letting them go.
func TestMarkAllShownWeighsTheRecommendedOffboard(t *testing.T) {
	list, d, snap := demoList(t)
	d.press("v", "a")
	want := map[int64]bool{}
	var mrr int64
	for _, a := range snap.Assessments {
		if a.Recommendation == scoring.Offboard {
			want[a.Client.ID] = true
			if a.Client.Status.Serviced() {
				mrr += a.Client.MRR
			}
		}
	}
	if len(want) < 2 || len(list.marked) != len(want) {
		t.Fatalf("marked %d clients, %d are recommended Offboard", len(list.marked), len(want))
	}
	d.press("w")
	w := d.pushed[0].(*WhatIfScreen).what
	for _, cw := range w.Clients {
		if !want[cw.Client.ID] {
			t.Errorf("%s is not recommended Offboard", cw.Client.Name)
		}
	}
	if w.Together == nil || w.Together.Portfolio.MRR != servicedMRR(snap)-mrr {
		t.Errorf("letting them go leaves %+v, want MRR %d", w.Together, servicedMRR(snap)-mrr)
	}
	d.press("a")
	if len(list.marked) != 0 {
		t.Errorf("a again left %d marked", len(list.marked))
	}
}
