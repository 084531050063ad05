package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteExportFileModes(t *testing.T) {
	root := t.TempDir()
	// A folder the owner already has keeps its mode: offboard tightens only
	// what it creates.
	mine := filepath.Join(root, "documents")
	if err := os.Mkdir(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(mine, "letters", "harbor", "notice.md")
	if err := WriteExportFile(path, "Dear Dana", false); err != nil {
		t.Fatal(err)
	}
	if err := WriteExportFile(filepath.Join(mine, "receipt.md"), "one", false); err != nil {
		t.Fatal(err)
	}
	if err := WriteExportFile(filepath.Join(mine, "receipt.md"), "two", true); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{
		mine:                                     0o755,
		filepath.Join(mine, "letters"):           0o700,
		filepath.Join(mine, "letters", "harbor"): 0o700,
		path:                                     0o600,
		filepath.Join(mine, "receipt.md"):        0o600,
	}
	for p, mode := range want {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != mode {
			t.Errorf("%s: mode %o, want %o", p, got, mode)
		}
	}
}

// An export named onto a pipe or a folder must leave it as it was: moving a
// file into place over /dev/null, as root, would break the machine.
func TestWriteExportFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a pipe here: %v", err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, folder} {
		for _, overwrite := range []bool{false, true} {
			err := WriteExportFile(path, "Dear Dana", overwrite)
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s (overwrite %v): error %v, want ErrNotRegular", path, overwrite, err)
			}
		}
	}
	if fi, err := os.Stat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		t.Errorf("the folder was replaced: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
