package tui

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
)

// termNow is the clock of the termination screens' tests: Monday
// 23 November 2026.
var termNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// termCommon opens a temporary database holding one client, Harborline
// Freight Logistics, with our letterhead complete when letterhead is set.
func termCommon(t *testing.T, letterhead bool) (*Common, int64) {
	t.Helper()
	ctx := context.Background()
	st, id := storeWithClient(t, termNow, store.Client{Name: "Harborline Freight Logistics, Inc.",
		ContactName: "Dana Whitfield", Address: "2200 Port of Tacoma Road\nTacoma, WA 98421", Currency: "USD",
		AgreementName: "Managed Services Agreement", AgreementSigned: time.Date(2022, 3, 14, 0, 0, 0, 0, time.UTC),
		TerminationClause: "clause 14.2", NoticeDays: 30})
	if letterhead {
		for k, v := range map[string]string{
			store.SettingCompanyName: "Bluewater Managed IT, LLC", store.SettingCompanyAddress: "418 Commerce Street\nTacoma, WA 98402",
			store.SettingCompanySigner: "Alex Moreno", store.SettingCompanySignerTitle: "Managing Director",
			store.SettingCompanyEmail: "office@bluewater-it.example", store.SettingCompanyPhone: "(253) 555-0147",
		} {
			if err := st.SetSetting(ctx, k, v); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Tx(ctx, func(tx *sql.Tx) error {
			_, err := store.InsertLicence(ctx, tx, store.Licence{ClientID: id, Product: "Microsoft 365 Business Premium", Quantity: 24,
				TermEnd: time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC), Billing: store.BillingAnnual}, termNow)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Common{Desk: &casefile.Desk{Store: st, Now: func() time.Time { return termNow }, Letters: r}, Theme: DefaultTheme(), Keys: DefaultKeyMap(), MarkdownStyle: "notty", Getenv: func(string) string { return "" }, Output: new(strings.Builder)}, id
}

// driver runs a screen the way the program would: each command is run and
// its message fed back, until nothing is left. What the screen asks of the
// root (push, pop, status) is recorded instead.
type driver struct {
	t      *testing.T
	s      Screen
	status []string
	errs   []error
	pushed []Screen
	popped int
}

func drive(t *testing.T, s Screen, w, h int) *driver {
	d := &driver{t: t, s: s}
	s.SetSize(w, h)
	d.run(s.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			d.run(c)
		}
		return
	}
	if seq, ok := asCmds(msg); ok {
		for _, c := range seq {
			d.run(c)
		}
		return
	}
	d.send(msg)
}

func (d *driver) send(msg tea.Msg) {
	switch m := msg.(type) {
	case nil:
		return
	case ErrMsg:
		d.errs = append(d.errs, m.Err)
		return
	case StatusMsg:
		d.status = append(d.status, m.Text)
		return
	case PushMsg:
		d.pushed = append(d.pushed, m.Screen)
		return
	case PopMsg:
		d.popped++
		return
	}
	var cmd tea.Cmd
	d.s, cmd = d.s.Update(msg)
	d.run(cmd)
}

// press sends keys: a name from namedKeys, or text typed one character at
// a time.
func (d *driver) press(keys ...string) {
	for _, k := range keys {
		if _, ok := namedKeys[k]; ok {
			d.send(keyMsg(k))
			continue
		}
		for _, r := range k {
			d.send(keyMsg(string(r)))
		}
	}
}

// sendNotice records a notice sent to the client on 1 October 2026 with
// the agreement's 30 days, so its checklist is under way on the tests' day.
func sendNotice(t *testing.T, c *Common, id int64) {
	t.Helper()
	ctx := context.Background()
	cl, _ := c.Store.Client(ctx, id)
	in, err := casefile.NewLetterDraft(cl, letters.Company{}, casefile.LetterFacts{}, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)).Input(cl, casefile.LetterFacts{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SendLetter(ctx, id, casefile.Letter{Input: in, Markdown: "# Notice\n"}, filepath.Join(t.TempDir(), "l.md"), false); err != nil {
		t.Fatal(err)
	}
}

func letterScreen(t *testing.T, letterhead bool) (*driver, *LetterScreen, *Common, int64) {
	c, id := termCommon(t, letterhead)
	s := NewLetterScreen(c, id)
	return drive(t, s, 140, 40), s, c, id
}

// moveTo puts the form's cursor on the field with key.
func moveTo(d *driver, s *LetterScreen, key string) {
	for s.cursor > 0 {
		d.press("k")
	}
	for letterFields[s.cursor].key != key {
		d.press("j")
	}
}

func TestLetterScreenPrefillsAndShowsGaps(t *testing.T) {
	d, s, _, _ := letterScreen(t, false)
	if len(d.errs) > 0 {
		t.Fatal(d.errs)
	}
	if s.draft.NoticeDays != "30" || s.draft.Effective != "2026-12-23" || s.draft.AgreementName != "Managed Services Agreement" {
		t.Errorf("draft = %+v", s.draft)
	}
	v := s.View()
	for _, want := range []string{"effective Wednesday, 23 December 2026", "Missing before it can be sent: company name",
		"Wed 23 Dec 2026"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	moveTo(d, s, "company_name")
	if v := s.View(); !strings.Contains(v, "(missing)") {
		t.Errorf("the company name is not marked missing:\n%s", v)
	}
	d.press("x")
	var missing *letters.MissingFieldsError
	if len(d.errs) != 1 || !errors.As(d.errs[0], &missing) || s.prompt != nil {
		t.Errorf("export without a letterhead: errs %v, prompt %v", d.errs, s.prompt != nil)
	}
}

func TestLetterScreenEditsRescheduleAndSaveAsTyped(t *testing.T) {
	d, s, c, id := letterScreen(t, true)
	moveTo(d, s, "notice_days")
	d.press("enter", "ctrl+u", "45")
	if !s.Capturing() {
		t.Fatal("editing a field should capture keys")
	}
	// 23 November 2026 + 45 days = Thursday 7 January 2027.
	if s.draft.Effective != "2027-01-07" || !strings.Contains(s.View(), "effective Thursday, 7 January 2027") {
		t.Errorf("effective = %s after typing 45 days", s.draft.Effective)
	}
	cl, _ := c.Store.Client(context.Background(), id)
	saved, ok, err := c.LetterDraftFor(context.Background(), cl, casefile.LetterFacts{}, c.Now())
	if err != nil || !ok || saved.NoticeDays != "45" || saved.Effective != "2027-01-07" {
		t.Errorf("not saved as typed: %+v %v %v", saved, ok, err)
	}
	d.press("esc")
	if s.Capturing() || s.draft.NoticeDays != "30" || s.draft.Effective != "2026-12-23" {
		t.Errorf("esc did not restore the field and its dates: %+v", s.draft)
	}

	d.press("enter", "ctrl+u", "10")
	if !strings.Contains(s.View(), "shorter than the 30 days") {
		t.Errorf("short notice not reported:\n%s", s.View())
	}
	d.press("enter")
	moveTo(d, s, "shorter_notice")
	d.press("space")
	if !s.draft.ShorterNotice || s.problem != nil || s.draft.Effective != "2026-12-03" {
		t.Errorf("override: %+v, %v", s.draft, s.problem)
	}

	again := NewLetterScreen(c, id)
	d2 := drive(t, again, 140, 40)
	if again.draft.NoticeDays != "10" || !again.draft.ShorterNotice || len(d2.status) == 0 || !strings.Contains(d2.status[0], "Resumed") {
		t.Errorf("reopened letter did not resume the draft: %+v %v", again.draft, d2.status)
	}
}

func TestLetterScreenToneCheckNamesTheWords(t *testing.T) {
	d, s, _, _ := letterScreen(t, true)
	if len(s.tone) != 0 {
		t.Fatalf("the generated letter fails its own tone check: %+v", s.tone)
	}
	d.send(EditedMsg{Tag: s, Text: "# Notice\n\nBecause of your late payments and your rude staff, we are done.\n"})
	v := s.View()
	for _, want := range []string{`"late payments" (grievance`, `"rude" (hostile`, "Your edited text"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	d.send(EditedMsg{Tag: new(int), Text: "not for this screen"})
	if !strings.HasPrefix(s.markdown, "# Notice") {
		t.Error("an edit meant for another screen was taken")
	}
	d.press("ctrl+r")
	if s.draft.Markdown != "" || len(s.tone) != 0 {
		t.Errorf("regenerating kept the edit: %q", s.draft.Markdown)
	}
}

func TestLetterScreenExportRecordsAndOpensChecklist(t *testing.T) {
	d, s, c, id := letterScreen(t, true)
	path := filepath.Join(t.TempDir(), "exports", "letter.md")
	d.press("x")
	if s.prompt == nil {
		t.Fatalf("no export prompt; errors %v", d.errs)
	}
	d.press("ctrl+u", path, "enter")
	if len(d.errs) > 0 {
		t.Fatal(d.errs)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "Dear Dana Whitfield") {
		t.Fatalf("exported file: %v", err)
	}
	cl, _ := c.Store.Client(context.Background(), id)
	steps, _ := c.Store.Checklist(context.Background(), id)
	if cl.Status != string(scoring.StatusNotice) || len(steps) != 11 {
		t.Errorf("status %s, %d steps", cl.Status, len(steps))
	}
	if d.popped != 1 || len(d.pushed) != 1 {
		t.Fatalf("popped %d, pushed %d", d.popped, len(d.pushed))
	}
	if _, ok := d.pushed[0].(*ChecklistScreen); !ok || !strings.Contains(strings.Join(d.status, "\n"), "Notice sent") {
		t.Errorf("after sending: pushed %T, status %v", d.pushed[0], d.status)
	}

	sent := NewLetterScreen(c, id)
	drive(t, sent, 100, 30)
	if sent.sent == nil || !strings.Contains(sent.View(), "Notice sent to Harborline Freight Logistics, Inc. on Monday, 23 November 2026") {
		t.Errorf("a noticed client's letter is not shown as sent:\n%s", sent.View())
	}
}

func TestChecklistScreenTicksAndOffboards(t *testing.T) {
	c, id := termCommon(t, true)
	ctx := context.Background()
	sendNotice(t, c, id)
	s := NewChecklistScreen(c, id)
	d := drive(t, s, 100, 30)
	v := s.View()
	// Notice sent 1 October 2026 with 30 days: by 23 November every step
	// due before then is overdue.
	if !strings.Contains(v, "OVERDUE") || !strings.Contains(v, "0 of 11 steps signed off") || !strings.Contains(v, "overdue") {
		t.Errorf("view:\n%s", v)
	}
	d.press("space")
	if s.prompt == nil || !s.Capturing() {
		t.Fatal("space did not open the sign-off prompt")
	}
	d.press("enter", "enter", "Confirmed by email to Dana", "enter")
	steps, _ := c.Store.Checklist(ctx, id)
	if !steps[0].IsDone() || steps[0].SignedOffBy != "Alex Moreno" || steps[0].Exception != "Confirmed by email to Dana" ||
		store.Date(steps[0].Done) != "2026-11-23" {
		t.Fatalf("step 1 = %+v, errs %v", steps[0], d.errs)
	}
	if !strings.Contains(s.View(), "1 of 11 steps signed off") {
		t.Errorf("the screen did not reload:\n%s", s.View())
	}
	for i := 1; i < len(steps); i++ {
		d.press("j", "space", "enter", "enter", "enter")
	}
	cl, _ := c.Store.Client(ctx, id)
	if cl.Status != string(scoring.StatusOffboarded) || !strings.Contains(strings.Join(d.status, "\n"), "now offboarded") {
		t.Errorf("status %s after the last step; status line %v; errs %v", cl.Status, d.status, d.errs)
	}
	d.press("R", "narrower contract: system support only", "enter")
	cl, _ = c.Store.Client(ctx, id)
	if cl.Status != string(scoring.StatusReengaged) {
		t.Errorf("re-engage: status %s, errs %v", cl.Status, d.errs)
	}
}

func TestDraftSaverKeepsTheLatestForm(t *testing.T) {
	var s draftSaver
	first, second := s.next(), s.next()
	var written []int
	write := func(n int) func() error { return func() error { written = append(written, n); return nil } }
	s.save(second, write(second))
	s.save(first, write(first))
	if !reflect.DeepEqual(written, []int{second}) {
		t.Errorf("written %v: an older form overwrote a newer one", written)
	}
}

// screenGolden runs s inside the workbench at 100×30, waits for want to be
// drawn, then compares the final frame (colours off, see TestMain) with a
// golden file.
func screenGolden(t *testing.T, c *Common, s Screen, want string, keys ...tea.KeyMsg) {
	t.Helper()
	tm := teatest.NewTestModel(t, NewApp(c, s), teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(5*time.Second))
	for _, k := range keys {
		tm.Send(k)
	}
	// A last round trip, so the keys are handled before the frame is taken.
	tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	time.Sleep(100 * time.Millisecond)
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
	golden.RequireEqual(t, []byte(final.View()))
}

func TestLetterScreenGolden(t *testing.T) {
	c, id := termCommon(t, false)
	screenGolden(t, c, NewLetterScreen(c, id), "Missing before it can be sent")
}

func TestLetterPreviewGolden(t *testing.T) {
	c, id := termCommon(t, true)
	screenGolden(t, c, NewLetterScreen(c, id), "Ready to send", tea.KeyMsg{Type: tea.KeyTab})
}

func TestChecklistScreenGolden(t *testing.T) {
	c, id := termCommon(t, true)
	ctx := context.Background()
	sendNotice(t, c, id)
	if _, err := c.Store.TickStep(ctx, id, letters.StepConfirmNotice, store.Tick{By: "Alex Moreno", On: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		Exception: "Confirmed by phone as well as by email"}); err != nil {
		t.Fatal(err)
	}
	screenGolden(t, c, NewChecklistScreen(c, id), "steps signed off")
}

func TestPostMortemScreenKeepsTheOwnersNotes(t *testing.T) {
	c, id := termCommon(t, true)
	ctx := context.Background()
	sendNotice(t, c, id)
	s := NewPostMortemScreen(c, id)
	d := drive(t, s, 100, 30)
	if len(d.errs) > 0 || !strings.Contains(s.note.Document.Markdown, "No changes recorded") {
		t.Fatalf("errs %v, note:\n%s", d.errs, s.note.Document.Markdown)
	}
	d.send(EditedMsg{Tag: s, Text: lessonsGuide + "- Raise a watch at the second late invoice.\nWe waited for the quarterly review.\n"})
	facts, _ := c.Store.PostMortem(ctx, id)
	if facts.Lessons != "- Raise a watch at the second late invoice.\nWe waited for the quarterly review." {
		t.Errorf("lessons saved as %q: the editor's guide must not be kept", facts.Lessons)
	}
	if !strings.Contains(s.note.Document.Markdown, "- Raise a watch at the second late invoice.") || !strings.Contains(s.note.Document.Markdown, "## Notes") {
		t.Errorf("the note was not rebuilt with the lessons:\n%s", s.note.Document.Markdown)
	}
	path := filepath.Join(t.TempDir(), "pm.md")
	d.press("x", "ctrl+u", path, "enter")
	if b, err := os.ReadFile(path); err != nil || string(b) != s.note.Document.Markdown {
		t.Errorf("export: %v", err)
	}

	never := NewPostMortemScreen(c, id+1)
	d2 := drive(t, never, 100, 30)
	if len(d2.errs) != 1 {
		t.Errorf("a post-mortem of a client that does not exist: errs %v", d2.errs)
	}
}

func TestLetterScreenCopiesOverOSC52(t *testing.T) {
	d, s, c, _ := letterScreen(t, true)
	out := c.Output.(*strings.Builder)
	d.press("y")
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s.markdown)) + "\a"
	if out.String() != want || len(d.status) == 0 || !strings.Contains(d.status[len(d.status)-1], "OSC 52") {
		t.Errorf("wrote %q, status %v", out.String(), d.status)
	}
	out.Reset()
	c.Getenv = func(k string) string { return map[string]string{"TMUX": "socket,4242,0"}[k] }
	d.press("y")
	if !strings.HasPrefix(out.String(), "\x1bPtmux;\x1b\x1b]52;c;") {
		t.Errorf("inside tmux the sequence is not passed through: %q", out.String()[:min(30, out.Len())])
	}
}

// While a sign-off prompt is open, esc cancels it; the help line says so
// instead of leaving the workbench's "esc back" to stand for it, and says
// what enter does on the field at hand: the next field, then confirm.
func TestChecklistPromptHelpSaysEscCancels(t *testing.T) {
	c, id := termCommon(t, true)
	sendNotice(t, c, id)
	s := NewChecklistScreen(c, id)
	d := drive(t, s, 100, 30)
	d.press("space")
	if s.prompt == nil {
		t.Fatal("space did not open the sign-off prompt")
	}
	var help []string
	for _, b := range s.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if want := []string{"enter next field", "tab/shift+tab move", "esc cancel"}; !slices.Equal(help, want) {
		t.Errorf("help under the prompt = %q, want %q", help, want)
	}
	d.press("tab", "tab")
	help = help[:0]
	for _, b := range s.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if want := []string{"enter confirm", "tab/shift+tab move", "esc cancel"}; !slices.Equal(help, want) {
		t.Errorf("help on the last field = %q, want %q", help, want)
	}
	d.press("esc")
	if s.prompt != nil || d.popped != 0 {
		t.Errorf("esc: prompt open %v, popped %d", s.prompt != nil, d.popped)
	}
}

// At 80 columns a step's title is cut to a few words in its column; the
// selected one is given in full below the list.
func TestChecklistShowsTheSelectedTitleInFull(t *testing.T) {
	c, id := termCommon(t, true)
	sendNotice(t, c, id)
	s := NewChecklistScreen(c, id)
	d := drive(t, s, 80, 24)
	d.press("j", "j", "j") // step 4: export and hand over data
	v := s.View()
	const title = "Export and hand over data, documentation, password vaults and backup encryption keys"
	if !strings.Contains(strings.Join(strings.Fields(v), " "), title) {
		t.Errorf("the selected step's full title is missing:\n%s", v)
	}
	for _, line := range strings.Split(v, "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("a line is %d wide:\n%s", w, v)
		}
	}
}

// The sign-off prompt fits the window whole, its bottom border too, even
// when a long step title wraps in its box.
func TestChecklistPromptFitsAtTheSmallestWindow(t *testing.T) {
	c, id := termCommon(t, true)
	sendNotice(t, c, id)
	s := NewChecklistScreen(c, id)
	const height = 24 - 4 // the workbench's chrome and help line
	d := drive(t, s, 78, height)
	d.press("j", "j", "j", "j", "space")
	v := s.View()
	if h := lipgloss.Height(v); h > height {
		t.Errorf("with the prompt open the screen is %d lines, more than %d:\n%s", h, height, v)
	}
	if !strings.Contains(v, "╰") {
		t.Errorf("the prompt's bottom border is missing:\n%s", v)
	}
}
