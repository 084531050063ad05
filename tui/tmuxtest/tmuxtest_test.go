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
