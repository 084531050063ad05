package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// fakeScreen records what the root gives it.
type fakeScreen struct {
	title     string
	capturing bool
	w, h      int
	keys      []string
}

func (f *fakeScreen) Init() tea.Cmd { return nil }
func (f *fakeScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		f.keys = append(f.keys, k.String())
	}
	return f, nil
}
func (f *fakeScreen) View() string             { return "body of " + f.title }
func (f *fakeScreen) SetSize(w, h int)         { f.w, f.h = w, h }
func (f *fakeScreen) Title() string            { return f.title }
func (f *fakeScreen) Capturing() bool          { return f.capturing }
func (f *fakeScreen) ShortHelp() []key.Binding { return nil }
func (f *fakeScreen) FullHelp() [][]key.Binding {
	return nil
}

func newTestApp() (*App, *fakeScreen) {
	home := &fakeScreen{title: "Home"}
	c := &Common{Theme: DefaultTheme(), Keys: DefaultKeyMap()}
	a := NewApp(c, home)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a, home
}

// namedKeys are the key names tests use beside single characters.
var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace,
	"ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "ctrl+r": tea.KeyCtrlR,
	"space": tea.KeySpace,
}

// keyMsg is the message for a key name ("enter", "ctrl+d") or for the
// characters typed.
func keyMsg(s string) tea.KeyMsg {
	if t, ok := namedKeys[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestTooSmallWindowAsksForMore(t *testing.T) {
	a, _ := newTestApp()
	for _, size := range [][2]int{{79, 30}, {100, 23}, {40, 10}} {
		a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := a.View()
		if !strings.Contains(v, "make the window larger") || strings.Contains(v, "body of Home") {
			t.Errorf("%dx%d: view %q", size[0], size[1], v)
		}
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := a.View(); !strings.Contains(v, "body of Home") {
		t.Errorf("80x24 should lay out: %q", v)
	}
}

func TestSizeIsPassedDown(t *testing.T) {
	a, home := newTestApp()
	if home.w != 98 || home.h <= 0 || home.h >= 30 {
		t.Errorf("screen got %dx%d", home.w, home.h)
	}
	a.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	if home.w != 198 || home.h < 50 {
		t.Errorf("after resize screen got %dx%d", home.w, home.h)
	}
	if got := strings.Count(a.View(), "\n") + 1; got != 60 {
		t.Errorf("view is %d lines, want the window's 60", got)
	}
}

func TestNavigationAndQuit(t *testing.T) {
	a, home := newTestApp()
	child := &fakeScreen{title: "Child"}
	_, cmd := a.Update(PushMsg{Screen: child})
	_ = cmd
	if v := a.View(); !strings.Contains(v, "Home › Child") || !strings.Contains(v, "body of Child") {
		t.Fatalf("after push: %q", a.View())
	}
	if child.w == 0 {
		t.Error("a pushed screen was not sized")
	}
	_, cmd = a.Update(keyMsg("esc"))
	a.Update(cmd())
	if v := a.View(); !strings.Contains(v, "body of Home") {
		t.Errorf("esc did not go back: %q", v)
	}
	_, cmd = a.Update(keyMsg("esc"))
	if cmd != nil || len(home.keys) != 1 {
		t.Errorf("esc on the home screen should reach the screen, got cmd %v keys %v", cmd, home.keys)
	}
	_, cmd = a.Update(keyMsg("q"))
	if !isQuit(cmd) {
		t.Error("q did not quit")
	}
}

func TestCapturingScreenGetsQ(t *testing.T) {
	a, home := newTestApp()
	home.capturing = true
	_, cmd := a.Update(keyMsg("q"))
	if isQuit(cmd) || len(home.keys) != 1 || home.keys[0] != "q" {
		t.Errorf("q while typing: quit=%v keys=%v", isQuit(cmd), home.keys)
	}
	_, cmd = a.Update(keyMsg("?"))
	if a.fullHelp {
		t.Error("? while typing toggled help")
	}
	_, cmd = a.Update(keyMsg("ctrl+c"))
	if !isQuit(cmd) {
		t.Error("ctrl+c must always quit")
	}
}

func TestHelpToggleAndStatus(t *testing.T) {
	a, _ := newTestApp()
	short := a.View()
	a.Update(keyMsg("?"))
	if !a.fullHelp {
		t.Fatal("? did not open full help")
	}
	if a.View() == short {
		t.Error("full help looks the same as short help")
	}
	a.Update(ErrMsg{Err: errors.New("database is locked")})
	if !strings.Contains(a.View(), "database is locked") {
		t.Error("error not shown in the status line")
	}
}

// manyKeys is a screen whose short help is wider than any window.
type manyKeys struct{ fakeScreen }

func (m *manyKeys) Update(tea.Msg) (Screen, tea.Cmd) { return m, nil }

func (m *manyKeys) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, k := range "abcdefghijklmnop" {
		out = append(out, key.NewBinding(key.WithKeys(string(k)), key.WithHelp(string(k), "does something useful")))
	}
	return out
}

// However narrow the window, the footer keeps the way to more help and out;
// the screen's own keys give way, marked with an ellipsis.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, width := range []int{80, 100, 200} {
		a := NewApp(&Common{Theme: DefaultTheme(), Keys: DefaultKeyMap()}, &manyKeys{fakeScreen{title: "Home"}})
		a.Update(tea.WindowSizeMsg{Width: width, Height: 30})
		lines := strings.Split(a.View(), "\n")
		footer := strings.TrimRight(lines[len(lines)-1], " ")
		if !strings.HasSuffix(footer, "? help • q quit") || !strings.Contains(footer, "a does something useful") ||
			!strings.Contains(footer, "…") {
			t.Errorf("width %d: footer %q", width, footer)
		}
		if w := lipgloss.Width(footer); w > width {
			t.Errorf("width %d: footer is %d wide", width, w)
		}
	}
}

// A status message longer than the line wraps onto the next at word
// boundaries, read whole, and the screen above gives up a line for it.
func TestLongStatusWrapsAtWords(t *testing.T) {
	a, home := newTestApp()
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	full := home.h
	msg := "export plan 3: the plan cannot be exported yet: action 2 has no owner, action 3 has no due date, goal 1 has no target"
	a.Update(ErrMsg{Err: errors.New(msg)})
	view := a.View()
	if h := lipgloss.Height(view); h != 24 {
		t.Errorf("the view is %d lines high, want 24", h)
	}
	if home.h != full-1 {
		t.Errorf("the screen has %d lines under a two-line status, want %d", home.h, full-1)
	}
	var status []string
	for _, l := range strings.Split(view, "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %q is %d wide", l, w)
		}
		if l = strings.TrimSpace(l); strings.HasPrefix(msg, strings.Join(append(status, l), " ")) && l != "" {
			status = append(status, l)
		}
	}
	if got := strings.Join(status, " "); got != msg || len(status) != 2 {
		t.Errorf("status read back as %d lines %q, want the whole message on two", len(status), got)
	}
	// Gone with the next screen, and the screen has its lines back.
	a.Update(PushMsg{Screen: &fakeScreen{title: "Next"}})
	if a.top().(*fakeScreen).h != full {
		t.Errorf("after the status cleared the screen has %d lines, want %d", a.top().(*fakeScreen).h, full)
	}
}

// askingScreen asks whether to throw away what was typed.
type askingScreen struct {
	fakeScreen
	asking bool
}

func (s *askingScreen) Asking() bool                     { return s.asking }
func (s *askingScreen) Update(tea.Msg) (Screen, tea.Cmd) { return s, nil }
func (s *askingScreen) ShortHelp() []key.Binding {
	if s.asking {
		return questionKeys()
	}
	return []key.Binding{key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save"))}
}

// While a screen asks a question, the footer shows the question's keys
// and nothing else: no "esc back", no quit.
func TestFooterDuringAQuestionShowsOnlyItsKeys(t *testing.T) {
	a, _ := newTestApp()
	s := &askingScreen{fakeScreen: fakeScreen{title: "Form", capturing: true}}
	a.Update(PushMsg{Screen: s})
	footer := func() string {
		lines := strings.Split(a.View(), "\n")
		return strings.TrimSpace(lines[len(lines)-1])
	}
	if got := footer(); !strings.Contains(got, "esc back") || !strings.Contains(got, "ctrl+s save") {
		t.Errorf("footer of the form: %q", got)
	}
	s.asking = true
	if got, want := footer(), "y discard • any other key keep typing"; got != want {
		t.Errorf("footer during the question = %q, want %q", got, want)
	}
	a.fullHelp = true // opened before the question
	if got := a.View(); !strings.Contains(got, "keep typing") || strings.Contains(got, "back") || strings.Contains(got, "quit") {
		t.Errorf("full help during the question offers more than its keys:\n%s", got)
	}
}

// The hand entry's esc question puts its keys in the footer.
func TestLogEntryFooterDuringDiscardQuestion(t *testing.T) {
	a, _ := newTestApp()
	m := openLogEntry(t)
	a.Update(PushMsg{Screen: m})
	focusField(t, m, "summary")
	for _, k := range []string{"Long call", "esc"} {
		a.Update(keyMsg(k))
	}
	lines := strings.Split(a.View(), "\n")
	if got, want := strings.TrimSpace(lines[len(lines)-1]), "y discard • any other key keep typing"; got != want {
		t.Errorf("footer during the discard question = %q, want %q", got, want)
	}
}
