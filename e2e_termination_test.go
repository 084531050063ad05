package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/internal/tmuxtest"
	"offboard/scoring"
	"offboard/store"
)

// TestTerminationEndToEnd drives offboard in a real terminal (tmux,
// 120×36) on the demo portfolio: open the planted client with a criminal
// incident, draft its notice of termination for cause, type the clause that
// allows it, read the preview, edit the letter in $EDITOR, export it as
// sent, then sign off the first step of the offboarding checklist. It checks the exported file and the database
// afterwards.
func TestTerminationEndToEnd(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data, work := t.TempDir(), t.TempDir()
	// The editor changes one phrase, as an owner would, and saves.
	editor := filepath.Join(work, "edit.sh")
	script := "#!/bin/sh\nsed -i 's/Dear Preston Vaughn/Dear Mr Vaughn/' \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 120, Height: 36, Dir: work,
		Env: []string{"XDG_DATA_HOME=" + data, "XDG_CONFIG_HOME=" + data, "HOME=" + data, "EDITOR=" + editor}},
		bin, "--demo")
	s.WaitFor("60 clients")

	s.Send("/")
	s.WaitFor("/ client name")
	s.Type("sterling")
	s.WaitFor("/ sterling")
	s.Send("Enter")
	s.WaitFor("showing 1 of 60")
	s.Send("Enter")
	s.WaitFor("[Verdict & flags]", "Criminal")

	s.Send("t")
	// The form and, beside it at this width, the preview rendered by glamour:
	// a criminal incident makes it a notice for cause, under the clause that
	// allows it, which the owner's saved form already holds.
	letter := s.WaitFor("Termination letter", "For-cause clause       §12.5 (termination", "Effective date", "Dear Preston Vaughn")
	for _, want := range []string{"Notice sent on", "2026-", "60 days' notice", "End for cause"} {
		if !strings.Contains(letter, want) {
			t.Errorf("the letter screen lacks %q:\n%s", want, letter)
		}
	}
	// Down the form to the clause, one field at a time: keys sent faster
	// than they are read arrive together and are not a move.
	for _, label := range []string{"Notice (days)", "Allow shorter notice", "Effective date", "Delivery", "Agreement ",
		"Agreement date", "Termination clause", "End for cause", "For-cause clause"} {
		s.Send("j")
		s.WaitFor("› " + label)
	}
	// The clause as the owner corrects it: typing replaces the value.
	s.Send("Enter")
	s.Type("clause 14.4")
	s.Send("Enter")
	s.WaitFor("Ready to send", "clause 14.4")

	s.Send("e")
	s.WaitFor("Your edited text", "Dear Mr Vaughn")

	s.Send("x")
	s.WaitFor("Export the letter and record it as sent", "exports/sterling-vaughn-wealth-partners-termination-")
	s.Send("Enter")
	s.WaitFor("Offboarding checklist", "0 of 11 steps signed off", "Notice sent to Sterling Vaughn")

	s.Send("Space")
	s.WaitFor("Sign off", "Signed off by", "Dana Whitfield")
	s.Send("Enter")
	time.Sleep(200 * time.Millisecond)
	s.Send("Enter")
	time.Sleep(200 * time.Millisecond)
	s.Type("confirmed by phone as well")
	s.WaitFor("confirmed by phone as well")
	s.Send("Enter")
	s.WaitFor("1 of 11 steps signed off", "Signed off: Confirm the notice")

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("offboard exited with %d", code)
	}

	files, _ := filepath.Glob(filepath.Join(work, "exports", "sterling-vaughn-wealth-partners-termination-*.md"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), "Dear Mr Vaughn") || !strings.Contains(string(b), "under clause 14.4 of the") {
		t.Errorf("the exported letter lacks the edit:\n%s", b)
	}
	db, err := store.DemoPath(func(k string) string { return map[string]string{"XDG_DATA_HOME": data, "HOME": data}[k] })
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := (&casefile.Desk{Store: st}).FindClient(context.Background(), demo.NameCriminal)
	if err != nil {
		t.Fatal(err)
	}
	steps, _ := st.Checklist(context.Background(), c.ID)
	if c.Status != string(scoring.StatusNotice) || len(steps) != 11 || steps[0].SignedOffBy != "Dana Whitfield" ||
		steps[0].Exception != "confirmed by phone as well" {
		t.Errorf("status %s, steps %+v", c.Status, steps)
	}
}
