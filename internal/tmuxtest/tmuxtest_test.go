package tmuxtest

import "testing"

func TestSessionRoundTrip(t *testing.T) {
	Require(t)
	s := Start(t, Options{Width: 90, Height: 20}, "sh", "-c", `stty size; read line; echo "got $line"; exit 3`)
	s.WaitFor("20 90")
	s.Type("it's here")
	s.WaitFor("20 90", "it's here")
	s.Send("Enter")
	s.WaitFor("got it's here")
	if code := s.WaitExit(); code != 3 {
		t.Errorf("exit status %d, want 3", code)
	}
}

func TestExitStatusZeroAndSignal(t *testing.T) {
	Require(t)
	if code := Start(t, Options{}, "true").WaitExit(); code != 0 {
		t.Errorf("true exited with %d", code)
	}
	if code := Start(t, Options{}, "sh", "-c", "kill -TERM $$").WaitExit(); code != 128+15 {
		t.Errorf("a program killed by SIGTERM gave %d, want 143", code)
	}
}
