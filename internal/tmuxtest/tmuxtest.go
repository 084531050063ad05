// Package tmuxtest drives a real terminal program inside a detached tmux
// session for end-to-end tests: start it at a fixed size, send keys, wait for
// text to appear on the screen and capture what is shown.
//
// A test calls Require (which skips with a clear message when tmux is not
// installed), builds its binary with Build, then Start:
//
//	tmuxtest.Require(t)
//	bin := tmuxtest.Build(t, "offboard", ".")
//	s := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30}, bin, "--db", db)
//	s.WaitFor("Clients")
//	s.Send("j", "Enter")
//	s.WaitFor("Lab panel")
//
// Sessions run on a private tmux server (a socket under the test's temporary
// folder), so tests never touch the user's own tmux and can run in parallel.
package tmuxtest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// DefaultTimeout is how long WaitFor waits unless Options say otherwise.
const DefaultTimeout = 10 * time.Second

// Require skips the test when tmux is not installed.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test needs it (.ci/run installs it)")
	}
}

// Build compiles the main package in dir (relative to the test's working
// directory) into a temporary folder and returns the binary's path.
//
// The go command caches a test's result unless a file the test read has
// changed; a build in a child process is invisible to it, so Build looks at
// every file of the module first and an edit anywhere reruns the test.
func Build(t testing.TB, name, dir string) string {
	t.Helper()
	if err := statModule(dir); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", dir, err, out)
	}
	return bin
}

// statModule stats every file under the module that holds dir, skipping
// version control and build output.
func statModule(dir string) error {
	root, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			return fmt.Errorf("no go.mod above %s", dir)
		}
		root = parent
	}
	return filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			_, err = os.Stat(path)
		}
		return err
	})
}

// Options set the terminal a session runs in.
type Options struct {
	Width, Height int
	// Env is added to the program's environment (KEY=VALUE). TERM is
	// xterm-256color unless given here.
	Env []string
	// Dir is the program's working folder; the test's when empty.
	Dir string
	// Timeout bounds each WaitFor; DefaultTimeout when zero.
	Timeout time.Duration
}

// Session is one program running in its own tmux server.
type Session struct {
	t       testing.TB
	socket  string
	conf    string
	name    string
	timeout time.Duration
}

// Start runs program with args in a new detached session of the given size
// and stops it when the test ends.
func Start(t testing.TB, o Options, program string, args ...string) *Session {
	t.Helper()
	if o.Width == 0 || o.Height == 0 {
		o.Width, o.Height = 100, 30
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	dir, err := os.MkdirTemp("", "tmuxtest")
	if err != nil {
		t.Fatal(err)
	}
	// The socket path must stay short (a Unix socket path has ~100 bytes),
	// so it lives in a fresh folder under the system temp, not t.TempDir.
	s := &Session{t: t, socket: filepath.Join(dir, "s"), conf: filepath.Join(dir, "tmux.conf"), name: "t", timeout: o.Timeout}
	// No status bar, so the program gets the whole Width×Height.
	if err := os.WriteFile(s.conf, []byte("set -g status off\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"TERM=xterm-256color"}
	env = append(env, o.Env...)
	// The shell prints the program's exit status when it ends and then
	// stays, so the pane keeps what the program printed last: when a pane
	// dies, tmux may lose the output written just before and may record
	// the status long after.
	shell := "env " + quoteAll(env) + " " + quoteAll(append([]string{program}, args...)) +
		"; echo " + exitMark + "$?; exec sleep 86400"
	newArgs := []string{"new-session", "-d", "-s", s.name, "-x", fmt.Sprint(o.Width), "-y", fmt.Sprint(o.Height)}
	if o.Dir != "" {
		newArgs = append(newArgs, "-c", o.Dir)
	}
	s.tmux(append(newArgs, shell)...)
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-S", s.socket, "kill-server").Run()
		os.RemoveAll(dir)
	})
	return s
}

func (s *Session) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket, "-f", s.conf}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Send types keys, each a tmux key name ("Enter", "Escape", "C-c", "Down")
// or a literal string; a literal such as "q" is sent as that key.
func (s *Session) Send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", s.name, k)
	}
}

// Type sends text literally, character by character as a user would type it.
func (s *Session) Type(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "-l", text)
}

// Capture returns the visible screen as plain text, one line per row.
func (s *Session) Capture() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

// WaitFor waits until every one of texts is on the screen at once and
// returns that screen; it fails the test with the last screen on timeout.
func (s *Session) WaitFor(texts ...string) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q on screen", texts), func(screen string) bool {
		for _, text := range texts {
			if !strings.Contains(screen, text) {
				return false
			}
		}
		return true
	})
}

// WaitGone waits until text is no longer on the screen and returns it.
func (s *Session) WaitGone(text string) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q gone", text), func(screen string) bool {
		return !strings.Contains(screen, text)
	})
}

func (s *Session) waitUntil(what string, ok func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(s.timeout)
	var screen string
	for {
		screen = s.Capture()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %s for %s; the screen shows:\n%s", s.timeout, what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// exitMark precedes the exit status the shell prints after the program.
const exitMark = "tmuxtest-exit-status="

var exitStatus = regexp.MustCompile(exitMark + `(\d+)`)

// WaitExit waits for the program to end and returns its exit status (128
// plus the signal number when a signal ended it, as the shell reports it).
func (s *Session) WaitExit() int {
	s.t.Helper()
	screen := s.waitUntil("the program to exit", exitStatus.MatchString)
	n, _ := strconv.Atoi(exitStatus.FindStringSubmatch(screen)[1])
	return n
}

// quoteAll quotes words for the POSIX shell tmux runs the command with.
func quoteAll(words []string) string {
	var b bytes.Buffer
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("'" + strings.ReplaceAll(w, "'", `'\''`) + "'")
	}
	return b.String()
}
