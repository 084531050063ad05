package tui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"offboard/letters"
)

// TestHostileNameThroughEveryScreen runs the workbench on a client whose
// name carries an OSC 52 clipboard write, a screen clear, a newline and a
// bidi override, opens every screen a key reaches from the list and the
// client, and checks the bytes the program wrote to the terminal: the
// renderer's own escapes are there, but no OSC, BEL, DCS, C1 control or
// bidi override, and the payload shows as inert text.
func TestHostileNameThroughEveryScreen(t *testing.T) {
	c, _ := hostileCommon(t)
	r, err := letters.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Letters = r
	tm := teatest.NewTestModel(t, NewApp(c, NewClientList(c)), teatest.WithInitialTermSize(120, 40))
	var out bytes.Buffer
	capture := func() {
		// Give the screen time to load and draw, then keep what it wrote.
		time.Sleep(300 * time.Millisecond)
		b, err := io.ReadAll(tm.Output())
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
	}
	keys := func(ks ...string) {
		for _, k := range ks {
			switch k {
			case "enter":
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			case "esc":
				tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
			case "tab":
				tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			default:
				tm.Send(keyMsg(k))
			}
		}
		capture()
	}
	capture()
	keys("/")
	tm.Type("Evil")
	keys("enter")
	keys("p")
	keys("esc")
	keys("?")
	keys("?")
	keys("enter")
	for range 4 {
		keys("tab")
	}
	// From the client: override, remediation, letter, checklist,
	// post-mortem; each is closed again with esc (twice, for a prompt or
	// form inside it).
	for _, k := range []string{"o", "r", "t", "c", "m"} {
		keys(k)
		keys("esc")
		keys("esc")
		keys("enter")
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	capture()
	s := out.String()
	for _, bad := range []string{"\x1b]", "\x07", "\x1bP", "\x1b_", "\x1b^", "\u009b", "\u202e", "\x1b[2JAcme", "Corp\x1b"} {
		if i := strings.Index(s, bad); i >= 0 {
			t.Errorf("the terminal was sent %q at byte %d: ...%q...", bad, i, s[max(0, i-40):min(len(s), i+40)])
		}
	}
	if !strings.Contains(s, "␛]52;c;ZWNobyBwd25lZA==") || !strings.Contains(s, "␛[2J") {
		t.Error("the name's sequences are not shown as inert text")
	}
}
