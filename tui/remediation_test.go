package tui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/casefile"
	"offboard/scoring"
	"offboard/store"
)

var remNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// remHarness drives one screen without a program: it runs commands at
// once, feeds their messages back to the screen, and records what would
// have gone to the root.
type remHarness struct {
	t      testing.TB
	c      *Common
	screen Screen
	pushed []Screen
	popped int
	status []string
	errs   []string
}

func newRemHarness(t testing.TB) (*remHarness, int64) {
	t.Helper()
	return remHarnessIn(t, "", nil)
}

// remSeed is what the red flags would pre-fill: two topics.
func remSeed() casefile.PlanForm {
	f := casefile.NewPlanForm()
	f.Topics = []casefile.TopicForm{
		{FlagID: "late_payment", Title: "Invoice payment times", Evidence: "Average 41 days late",
			Measures: []casefile.MeasureForm{{Name: "Average days late", Value: "41", Normal: "0–12"}}},
		{FlagID: "after_hours", Title: "Calls outside business hours", Evidence: "38% of tickets after hours"},
	}
	return f
}

// open shows the remediation screen for client id, as `r` would.
func (h *remHarness) open(id int64) {
	h.t.Helper()
	r := NewRemediation(h.c, id, func(context.Context, *casefile.Desk, store.Client) (casefile.PlanForm, error) {
		return remSeed(), nil
	})
	r.SetSize(100, 40)
	h.screen = r
	h.run(r.Init())
}

func (h *remHarness) run(cmd tea.Cmd) {
	if cmd != nil {
		h.deliver(cmd())
	}
}

var cmdType = reflect.TypeOf((*tea.Cmd)(nil)).Elem()

func (h *remHarness) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case PushMsg:
		h.pushed = append(h.pushed, msg.Screen)
	case PopMsg:
		h.popped++
	case StatusMsg:
		h.status = append(h.status, msg.Text)
	case ErrMsg:
		h.errs = append(h.errs, msg.Err.Error())
	default:
		if seq, ok := asCmds(msg); ok {
			for _, c := range seq {
				h.run(c)
			}
			return
		}
		h.send(msg)
	}
}

// asCmds reads tea.Sequence's message, an unexported slice of commands.
func asCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

func (h *remHarness) send(msg tea.Msg) {
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	h.run(cmd)
}

// press sends named keys: "ctrl+n", "tab", "enter", "space" and so on.
func (h *remHarness) press(keys ...string) {
	for _, k := range keys {
		h.send(namedKey(k))
	}
}

// typeText types s one rune at a time.
func (h *remHarness) typeText(s string) {
	for _, r := range s {
		if r == ' ' {
			h.send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// typeFields types each value into a field and tabs to the next.
func (h *remHarness) typeFields(values ...string) {
	for i, v := range values {
		if i > 0 {
			h.press("tab")
		}
		h.typeText(v)
	}
}

func namedKey(k string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP, "ctrl+t": tea.KeyCtrlT, "ctrl+x": tea.KeyCtrlX,
		"ctrl+o": tea.KeyCtrlO, "ctrl+s": tea.KeyCtrlS, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "left": tea.KeyLeft, "right": tea.KeyRight, "ctrl+e": tea.KeyCtrlE, "ctrl+a": tea.KeyCtrlA,
	}
	if t, ok := types[k]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}}
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// walk is the walkthrough on screen; it fails the test when another screen
// is shown.
func (h *remHarness) walk() *Walkthrough {
	h.t.Helper()
	w, ok := h.screen.(*Remediation).inner.(*Walkthrough)
	if !ok {
		h.t.Fatalf("the walkthrough is not shown: %T (errors %v)", h.screen.(*Remediation).inner, h.errs)
	}
	return w
}

func (h *remHarness) focusedLabel() string { return h.walk().fields.focused().label }

func TestWalkthroughStepsNextPreviousAndSkip(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	w := h.walk()
	if w.form.Step != casefile.StepPrepare || !strings.Contains(h.screen.View(), "Step 1 of 5 · Prepare") {
		t.Fatalf("opened on step %v:\n%s", w.form.Step, h.screen.View())
	}
	h.press("ctrl+n")
	if w.form.Step != casefile.StepNotes || !strings.Contains(h.screen.View(), "Step 2 of 5 · Meeting notes") {
		t.Errorf("ctrl+n: step %v", w.form.Step)
	}
	h.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
	if w.form.Step != casefile.StepOutcome {
		t.Errorf("past the last step: %v", w.form.Step)
	}
	h.press("ctrl+p", "ctrl+p")
	if w.form.Step != casefile.StepActions || h.focusedLabel() != "Owner" {
		t.Errorf("ctrl+p twice: step %v on %q", w.form.Step, h.focusedLabel())
	}
	for range 12 {
		h.press("ctrl+p")
	}
	if w.form.Step != casefile.StepPrepare {
		t.Errorf("before the first step: %v", w.form.Step)
	}
	// Tab runs through the fields and on into the next step; shift+tab
	// comes back to the last field of the step before.
	n := len(w.fields.fields)
	for range n {
		h.press("tab")
	}
	if w.form.Step != casefile.StepNotes || h.focusedLabel() != "What the client said" {
		t.Errorf("tab past the last field: step %v on %q", w.form.Step, h.focusedLabel())
	}
	h.press("shift+tab")
	if w.form.Step != casefile.StepPrepare || w.fields.focus != n-1 {
		t.Errorf("shift+tab: step %v field %d, want field %d", w.form.Step, w.fields.focus, n-1)
	}
}

func TestStepBarMarksVisitedSteps(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	if v := h.screen.View(); !strings.Contains(v, "● Prepare ─ ○ Meeting notes ─ ○ Agreed actions ─ ○ Terms ─ ○ Outcome") {
		t.Errorf("step bar on opening:\n%s", v)
	}
	// Visited but empty steps are begun (◐), never ticked; the terms are
	// optional, so seeing them fills them.
	h.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+p")
	if v := h.screen.View(); !strings.Contains(v, "◐ Prepare ─ ◐ Meeting notes ─ ● Agreed actions ─ ✓ Terms ─ ○ Outcome") {
		t.Errorf("step bar after visiting four steps:\n%s", v)
	}
	// Filling the first step ticks it: a meeting held, people on both sides.
	h.press("ctrl+p", "ctrl+p")
	h.typeText("2026-11-20 10:00")
	h.press("tab", "tab")
	h.typeText("Dana Whitfield, Owner")
	h.press("tab")
	h.typeText("Alex Moreno, Office manager")
	h.press("ctrl+n")
	if v := h.screen.View(); !strings.Contains(v, "✓ Prepare ─ ● Meeting notes") {
		t.Errorf("step bar after filling the first step:\n%s", v)
	}
}

// A meeting dated after today is scheduled, not held: the outcome step
// says so, is never ticked, and finishing refuses it, keeping the draft.
func TestFutureMeetingCannotBeRecordedAsHeld(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	h.typeText("next tue 10:00")
	if v := h.screen.View(); !strings.Contains(v, "Tuesday 24 November 2026, 10:00") {
		t.Errorf("the meeting date is not read back:\n%s", v)
	}
	h.press("tab")
	w := h.walk()
	if w.form.Prepare.MeetingDate != "2026-11-24 10:00" {
		t.Errorf("kept as %q, want the ISO form", w.form.Prepare.MeetingDate)
	}
	h.press("ctrl+n", "ctrl+n", "space", "tab")
	h.typeFields("Sam Okafor", "Publish the emergency line", "2026-12-08", "Line live")
	h.press("ctrl+n", "ctrl+n")
	if v := h.screen.View(); !strings.Contains(v, "The meeting is Tuesday 24 November 2026 10:00, still to come") {
		t.Errorf("the outcome step does not say the meeting is to come:\n%s", v)
	}
	h.press("space") // agreed
	for h.focusedLabel() != "Finish and record the plan" {
		h.press("tab")
	}
	h.press("enter")
	if _, ok := h.screen.(*Remediation).inner.(*Walkthrough); !ok || w.form.Step != casefile.StepPrepare ||
		!strings.Contains(h.screen.View(), "✗ meeting date is Tuesday 24 November 2026 10:00, still to come") {
		t.Errorf("finishing a meeting still to come: on step %v\n%s", w.form.Step, h.screen.View())
	}
}

// Fast typing or a paste brings several characters in one message; "up"
// among them is text, not the up key.
func TestSeveralCharactersInOneKeyMessage(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	h.press("tab")
	for _, part := range []string{"Set ", "up", " autopay ", "down"} {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(part)})
	}
	if got := h.walk().form.Prepare.Place; got != "Set up autopay down" {
		t.Errorf("place = %q", got)
	}
}

func TestWalkthroughTypingFillsTheForm(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	w := h.walk()
	h.typeText("2026-12-01 10:00")
	h.press("enter") // one-line fields move on with enter
	h.typeText("Client office")
	h.press("tab")
	h.typeText("Alex Moreno, Owner")
	h.press("enter") // several-line fields take a new line
	h.typeText("Priya Shah")
	p := w.form.Prepare
	if p.MeetingDate != "2026-12-01 10:00" || p.Place != "Client office" || p.OurAttendees != "Alex Moreno, Owner\nPriya Shah" {
		t.Errorf("prepare = %+v", p)
	}
	h.press("backspace")
	if w.form.Prepare.OurAttendees != "Alex Moreno, Owner\nPriya Sha" {
		t.Errorf("backspace: %q", w.form.Prepare.OurAttendees)
	}
	// The agenda is pre-filled and editable.
	for h.focusedLabel() != "Topic" {
		h.press("tab")
	}
	if got := w.fields.focused().input.Value(); got != "Invoice payment times" {
		t.Errorf("pre-filled topic = %q", got)
	}
	// The suggestion is selected: typing replaces it, an arrow keeps it to
	// edit.
	h.typeText("Payment times")
	if w.form.Topics[0].Title != "Payment times" {
		t.Errorf("typed over the suggestion: topic = %q", w.form.Topics[0].Title)
	}
	h.press("tab", "shift+tab", "right")
	h.typeText(" (last 12 months)")
	if w.form.Topics[0].Title != "Payment times (last 12 months)" {
		t.Errorf("after an arrow: topic = %q", w.form.Topics[0].Title)
	}
	// Notes per topic.
	h.press("ctrl+n")
	h.typeFields("Invoices go to an old mailbox", "Send invoices to accounts@", "Paid within 30 days")
	tp := w.form.Topics[0]
	if tp.ClientSaid != "Invoices go to an old mailbox" || tp.WeChange != "Send invoices to accounts@" || tp.Goal != "Paid within 30 days" {
		t.Errorf("notes = %+v", tp)
	}
	// Terms: space ticks a box.
	h.press("ctrl+n", "ctrl+n", "space")
	if !w.form.Terms.Autopay {
		t.Error("space did not tick autopay")
	}
	h.press("space")
	if w.form.Terms.Autopay {
		t.Error("space did not untick autopay")
	}
}

func TestWalkthroughAddsAndRemovesActions(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	w := h.walk()
	h.press("ctrl+n", "ctrl+n")
	if len(w.form.Actions) != 1 || h.focusedLabel() != "Owner" {
		t.Fatalf("actions step opens with %d rows on %q", len(w.form.Actions), h.focusedLabel())
	}
	h.press("tab")
	h.typeText("Pat Kim")
	h.press("ctrl+t")
	if len(w.form.Actions) != 2 || h.focusedLabel() != "Owner" || w.fields.focused().row != 1 {
		t.Fatalf("ctrl+t: %d rows, on %q of row %d", len(w.form.Actions), h.focusedLabel(), w.fields.focused().row)
	}
	if w.form.Actions[1].Owner != "client" {
		t.Errorf("a new action is the client's: %q", w.form.Actions[1].Owner)
	}
	h.press("space")
	if w.form.Actions[1].Owner != "us" {
		t.Errorf("space on the owner: %q", w.form.Actions[1].Owner)
	}
	h.press("tab")
	h.typeFields("Sam Okafor", "Publish the emergency line", "2026-12-08", "Line live")
	want := casefile.ActionForm{Owner: "us", Person: "Sam Okafor", What: "Publish the emergency line", Due: "2026-12-08", Target: "Line live"}
	if w.form.Actions[1] != want {
		t.Errorf("action 2 = %+v", w.form.Actions[1])
	}
	if !strings.Contains(h.screen.View(), "Action 2 of 2") {
		t.Errorf("view lacks the second action:\n%s", h.screen.View())
	}
	// Remove the first row from one of its fields.
	for w.fields.focused().row != 0 {
		h.press("shift+tab")
	}
	h.press("ctrl+x")
	if len(w.form.Actions) != 1 || w.form.Actions[0] != want {
		t.Errorf("after ctrl+x: %+v", w.form.Actions)
	}
}

// TestInterruptedWalkthroughResumes types across several steps, drops the
// model without finishing, and opens a new one from the database: nothing
// typed is lost, and it reopens on the same step.
func TestInterruptedWalkthroughResumes(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	h.typeText("2026-12-01 10:00")
	h.press("tab")
	h.typeText("Client office")
	h.press("ctrl+n")
	h.typeText("We pay when we can")
	h.press("ctrl+n", "tab")
	h.typeText("Pat Kim")
	typed := h.walk().form

	// Each keystroke scheduled a save; the harness ran them. A new model
	// built from the store sees every value and the step.
	again, _ := newRemHarness(t)
	again.c = h.c
	again.open(id)
	got := again.walk().form
	if got.Step != casefile.StepActions || got.Prepare.MeetingDate != "2026-12-01 10:00" || got.Prepare.Place != "Client office" ||
		got.Topics[0].ClientSaid != "We pay when we can" || len(got.Actions) != 1 || got.Actions[0].Person != "Pat Kim" {
		t.Errorf("resumed form lost input:\n got %+v\nwant %+v", got, typed)
	}
	if !strings.Contains(strings.Join(again.status, " "), "Resumed the walkthrough") {
		t.Errorf("no resume notice: %v", again.status)
	}
	if again.focusedLabel() != "Owner" {
		t.Errorf("resumed on %q", again.focusedLabel())
	}
}

// TestQuitFlushesTypingNotYetSaved types without letting any debounced
// save run, then quits through the root: the root's flush saves it.
func TestQuitFlushesTypingNotYetSaved(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	r := h.screen.(*Remediation)
	app := NewApp(h.c, r)
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	for _, k := range "Boardroom" {
		// The commands (the debounced saves) are dropped, as if the
		// program quit before they fired.
		r.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{k}})
	}
	if r.Flush() == nil {
		t.Fatal("nothing pending after typing")
	}
	_, quit := app.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	h.run(quit)
	p, ok, err := h.c.DraftPlan(context.Background(), id)
	if err != nil || !ok || p.Form.Prepare.MeetingDate != "Boardroom" {
		t.Errorf("after quit the draft holds %q (%v, %v)", p.Form.Prepare.MeetingDate, ok, err)
	}
	if r.Flush() != nil {
		t.Error("still pending after the flush")
	}
	// Run's own flush after the program has ended has nothing left to do,
	// and doing it again changes nothing.
	app.FlushNow()
}

// fillMinimal completes the walkthrough with the least an agreed plan
// needs, for a meeting held three days before remNow.
func fillMinimal(h *remHarness) {
	h.typeText("2026-11-20 10:00")
	h.press("ctrl+n", "ctrl+n", "space", "tab") // owner: us
	h.typeFields("Sam Okafor", "Publish the emergency line", "2026-12-08", "Line live")
	h.press("ctrl+n", "ctrl+n") // terms skipped
}

func TestFinishingRecordsThePlanAndShowsItsTracking(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	fillMinimal(h)
	w := h.walk()
	if w.form.Outcome.ReviewDate != "2027-02-18" {
		t.Errorf("review date pre-filled %q, want 90 days after the meeting", w.form.Outcome.ReviewDate)
	}
	// Finishing with no outcome chosen lists the problem on its step.
	for h.focusedLabel() != "Finish and record the plan" {
		h.press("tab")
	}
	h.press("enter")
	if len(w.problems) != 1 || w.form.Step != casefile.StepOutcome || !strings.Contains(h.screen.View(), "✗ outcome is not chosen") {
		t.Fatalf("problems %v on step %v:\n%s", w.problems, w.form.Step, h.screen.View())
	}
	for h.focusedLabel() != "Result" {
		h.press("shift+tab")
	}
	h.press("space") // agreed
	for h.focusedLabel() != "Finish and record the plan" {
		h.press("tab")
	}
	h.press("enter")
	tr, ok := h.screen.(*Remediation).inner.(*PlanTracking)
	if !ok {
		t.Fatalf("after finishing: %T, errors %v", h.screen.(*Remediation).inner, h.errs)
	}
	if tr.plan.Status != scoring.PlanAgreed || len(tr.plan.Actions()) != 1 {
		t.Errorf("tracked plan = %+v", tr.plan)
	}
	c, _ := h.c.Store.Client(context.Background(), id)
	if c.Status != string(scoring.StatusRemediation) {
		t.Errorf("client status %s", c.Status)
	}
	v := h.screen.View()
	for _, want := range []string{"Plan agreed · meeting 2026-11-20 · review on 2027-02-18", "Actions · 0 of 1 done",
		"[ ] due 2026-12-08 · Publish the emergency line · Sam Okafor (us)"} {
		if !strings.Contains(v, want) {
			t.Errorf("tracking view lacks %q:\n%s", want, v)
		}
	}
	// Space ticks the action off, and again reopens it.
	h.press("space")
	if !tr.plan.Actions()[0].Done() || !strings.Contains(h.screen.View(), "[x] due 2026-12-08 · Publish the emergency line") {
		t.Errorf("space did not tick the action:\n%s", h.screen.View())
	}
	h.press("space")
	if tr.plan.Actions()[0].Done() {
		t.Error("second space did not reopen the action")
	}
	// Opening remediation again shows the tracking, not a new walkthrough.
	h.open(id)
	if _, ok := h.screen.(*Remediation).inner.(*PlanTracking); !ok {
		t.Errorf("reopened on %T", h.screen.(*Remediation).inner)
	}
}

// finishedPlan walks a client through to an agreed plan and returns the
// tracking screen.
func finishedPlan(t *testing.T) (*remHarness, int64) {
	t.Helper()
	h, id := newRemHarness(t)
	h.open(id)
	finishAgreed(h)
	return h, id
}

// finishAgreed fills the walkthrough in as little as it takes, records the
// outcome as agreed and finishes.
func finishAgreed(h *remHarness) {
	fillMinimal(h)
	for h.focusedLabel() != "Result" {
		h.press("shift+tab")
	}
	h.press("space")
	for h.focusedLabel() != "Finish and record the plan" {
		h.press("tab")
	}
	h.press("enter")
}

func TestReviewExtendsResolvesOrFails(t *testing.T) {
	h, id := finishedPlan(t)
	tracking := h.screen
	h.press("enter")
	if len(h.pushed) != 1 {
		t.Fatalf("enter pushed %d screens", len(h.pushed))
	}
	review := h.pushed[0].(*PlanReview)
	// 30 days after the review is Saturday 20 March 2027: the next working
	// day is offered.
	if review.date != "2027-03-22" {
		t.Errorf("extension date pre-filled %q, want 30 days after the review, on a working day", review.date)
	}
	// The one action is open: the review starts on extend and says why.
	review.SetSize(100, 40)
	if review.choice != reviewExtend || !strings.Contains(review.View(), "0 of 1 actions done") {
		t.Errorf("review starts on %q:\n%s", review.choice, review.View())
	}
	h.screen = review
	h.press("enter") // enter moves on from the choice, to the date, selected
	h.typeText("2027-04-15")
	h.press("enter")
	h.typeText("Autopay set up late.")
	h.press("tab", "enter")
	if h.popped != 1 || len(h.errs) != 0 {
		t.Fatalf("popped %d, errors %v", h.popped, h.errs)
	}
	p, _, _ := h.c.LatestPlan(context.Background(), id)
	if p.Status != scoring.PlanExtended || store.Date(p.ReviewOn) != "2027-04-15" {
		t.Errorf("plan %s, review %v", p.Status, p.ReviewOn)
	}
	h.screen = tracking
	h.send(DataChangedMsg{})
	if !strings.Contains(h.screen.View(), "Plan extended") {
		t.Errorf("tracking not reloaded:\n%s", h.screen.View())
	}

	h.press("enter")
	h.screen = h.pushed[1]
	h.press("space", "tab", "tab", "tab", "enter") // from extend to mark failed
	p, _, _ = h.c.LatestPlan(context.Background(), id)
	if p.Status != scoring.PlanFailed {
		t.Errorf("plan %s, want failed", p.Status)
	}
	h.screen = tracking
	h.send(DataChangedMsg{})
	v := h.screen.View()
	if !strings.Contains(v, "failed its review") || !strings.Contains(h.helpLine(), "new plan") {
		t.Errorf("failed plan view:\n%s\nhelp: %s", v, h.helpLine())
	}
	// r starts a new walkthrough, pre-filled again.
	h.press("r")
	if w := h.walk(); len(w.form.Topics) != 2 || w.form.Step != casefile.StepPrepare {
		t.Errorf("new walkthrough = %+v", w.form)
	}
}

func (h *remHarness) helpLine() string {
	var parts []string
	for _, b := range h.screen.ShortHelp() {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// A refused plan is a record, not a plan to follow: nothing to tick.
func TestRefusedPlanOffersNoTicks(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	fillMinimal(h)
	for h.focusedLabel() != "Result" {
		h.press("shift+tab")
	}
	h.press("space", "space", "space") // refused
	for h.focusedLabel() != "Finish and record the plan" {
		h.press("tab")
	}
	h.press("enter")
	tr := h.screen.(*Remediation).inner.(*PlanTracking)
	if tr.plan.Status != scoring.PlanRefused {
		t.Fatalf("plan %s", tr.plan.Status)
	}
	h.press("space")
	if p, _ := h.c.Store.Plan(context.Background(), tr.plan.ID); p.Actions()[0].Done() {
		t.Error("an action of a refused plan was ticked")
	}
	if help := h.helpLine(); strings.Contains(help, "tick") || !strings.Contains(help, "new plan") {
		t.Errorf("help on a refused plan: %s", help)
	}
	if v := h.screen.View(); !strings.Contains(v, "scoring now recommends offboarding") {
		t.Errorf("refused plan view:\n%s", v)
	}
}

// On an action's owner, a choice, the help says how to choose; space there
// does choose, and on a text field the hint goes away.
func TestWalkthroughHelpSaysHowToChooseTheOwner(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	w := h.walk()
	h.press("ctrl+n", "ctrl+n")
	if w.form.Step != casefile.StepActions || h.focusedLabel() != "Owner" {
		t.Fatalf("on step %v at %q, want the first action's owner", w.form.Step, h.focusedLabel())
	}
	if !strings.Contains(h.helpLine(), "space choose") {
		t.Errorf("help on the owner = %q, want space choose", h.helpLine())
	}
	before := w.form.Actions[0].Owner
	h.press("space")
	if w.form.Actions[0].Owner == before {
		t.Errorf("space left the owner at %q", before)
	}
	h.press("tab")
	if strings.Contains(h.helpLine(), "choose") {
		t.Errorf("help on %q = %q, offers a choice", h.focusedLabel(), h.helpLine())
	}
}

// The price note reads as the owner would say it, with no internal jargon.
func TestPriceNoteWording(t *testing.T) {
	got := priceNote(casefile.TermsForm{CurrentMinor: 190400, BreakEvenMinor: 629625, Currency: "USD"})
	if want := "Current fee USD 1,904.00 · break-even USD 6,296.25 at the target margin"; got != want {
		t.Errorf("priceNote = %q, want %q", got, want)
	}
}

// The review's outcome is a choice; its help line says how to make one.
func TestReviewHelpSaysHowToChoose(t *testing.T) {
	h, _ := finishedPlan(t)
	h.press("enter")
	h.screen = h.pushed[0].(*PlanReview)
	if !strings.Contains(h.helpLine(), "space choose") {
		t.Errorf("help on the outcome = %q, want space choose", h.helpLine())
	}
	h.press("tab")
	if strings.Contains(h.helpLine(), "choose") {
		t.Errorf("help on the date = %q, offers a choice", h.helpLine())
	}
}

// The review starts on the outcome the plan's actions and figures point
// to, and says why; never resolved while actions are open.
func TestSuggestedReview(t *testing.T) {
	tests := []struct {
		open, actions, improved, worse, figures int
		choice, why                             string
	}{
		{3, 4, 4, 1, 5, reviewExtend, "1 of 4 actions done, 4 improved, 1 worse of 5 figures: suggested, extend to give the 3 open actions time; not resolved while any is open."},
		{1, 4, 2, 0, 5, reviewExtend, "3 of 4 actions done, 2 improved, 0 worse of 5 figures: suggested, extend to give the 1 open action time"},
		{2, 3, 1, 3, 5, reviewFail, "1 of 3 actions done and 1 improved, 3 worse of 5 figures: suggested, mark failed."},
		{0, 2, 0, 2, 5, reviewFail, "2 of 2 actions done, but 0 improved, 2 worse of 5 figures: suggested, mark failed."},
		{0, 2, 3, 1, 5, reviewResolve, "2 of 2 actions done and 3 improved, 1 worse of 5 figures: suggested, close as resolved."},
	}
	for _, tt := range tests {
		choice, why := suggestedReview(tt.open, tt.actions, tt.improved, tt.worse, tt.figures)
		if choice != tt.choice || !strings.HasPrefix(why, tt.why) {
			t.Errorf("%d of %d open, %d improved, %d worse: %s, %q; want %s, %q", tt.open, tt.actions, tt.improved, tt.worse, choice, why, tt.choice, tt.why)
		}
	}
}
