package main

import (
	"context"
	"testing"
	"time"

	"offboard/casefile"
	"offboard/demo"
	"offboard/internal/tmuxtest"
	"offboard/store"
)

// TestRecordEndToEnd drives offboard in a real terminal at its smallest
// size (tmux, 80×24) on the demo portfolio: open a client the assessment
// keeps, log an inbound call from its screen, then an abuse incident of
// severity 4, and see the client turn to Offboard as soon as the incident
// is saved. Afterwards the database holds both entries and its record
// verifies.
func TestRecordEndToEnd(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, "offboard", ".")
	data := t.TempDir()
	env := map[string]string{"XDG_DATA_HOME": data, "HOME": data}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: []string{"XDG_DATA_HOME=" + data, "HOME=" + data}},
		bin, "--demo")
	s.WaitFor("60 clients")

	s.Send("/")
	s.WaitFor("/ client name")
	s.Type("ashby")
	s.WaitFor("/ ashby")
	s.Send("Enter")
	s.WaitFor("showing 1 of 60")
	s.Send("Enter")
	s.WaitFor("[Verdict & flags]", "Keep", "score 0/100")

	// Two days ago, typed in the client's time and echoed with its weekday.
	day := time.Now().AddDate(0, 0, -2)
	s.Send("n")
	s.WaitFor("Log an entry for Ashby Lane", "(•) call")
	s.Send("Tab")
	s.Type(day.Format("2006-01-02") + " 10:15")
	s.WaitFor("When  " + day.Format("Monday 2 January 2006") + ", 10:15")
	s.Send("Tab")
	s.Send("Left") // from outbound to inbound
	s.WaitFor("(•) inbound")
	s.Send("Tab")
	s.Type("Asked why the invoice went up")
	s.WaitFor("✓ Ready")
	s.Send("C-s")
	s.WaitFor("Recorded the call of "+day.Format("Monday, 2 January 2006"), "Keep", "score 0/100")

	s.Send("n")
	s.WaitFor("Log an entry for Ashby Lane")
	for range 4 {
		s.Send("Right") // call, email, meeting, note, incident
		time.Sleep(100 * time.Millisecond)
	}
	s.WaitFor("(•) incident", "Red flag")
	s.Send("Tab")
	s.Type(day.Format("2006-01-02") + " 16:40")
	s.WaitFor("16:40")
	s.Send("Tab")
	s.Send("Right") // abuse, the first red flag
	s.WaitFor("(•) abuse")
	s.Send("Tab")
	for range 4 {
		s.Send("Right")
		time.Sleep(100 * time.Millisecond)
	}
	s.WaitFor("(•) 4")
	s.Send("Tab")
	s.Type("Priya, helpdesk")
	s.Send("Tab")
	s.Type("Screamed at the technician and threw the keyboard")
	s.WaitFor("✓ Ready")
	s.Send("C-s")
	s.WaitFor("Recorded the abuse incident of severity 4", "Offboard", "score 100/100", "Mistreatment of staff")

	s.Send("q")
	if code := s.WaitExit(); code != 0 {
		t.Fatalf("offboard exited with %d", code)
	}

	ctx := context.Background()
	path, err := store.DemoPath(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cl, err := (&casefile.Desk{Store: st}).FindClient(ctx, demo.NameReengaged)
	if err != nil {
		t.Fatal(err)
	}
	comms, err := st.Communications(ctx, cl.ID, 1)
	if err != nil || len(comms) != 1 || comms[0].Summary != "Asked why the invoice went up" || comms[0].Direction != "inbound" {
		t.Errorf("the call is not the newest communication: %+v, %v", comms, err)
	}
	v, err := (&casefile.Desk{Store: st, Now: time.Now}).Verify(ctx)
	if err != nil || !v.OK() {
		t.Errorf("the record does not verify after the hand entries: %+v, %v", v.Problems, err)
	}
}
