package store

import (
	"os"
	"path/filepath"
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
