package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExportExists reports an export path that already holds a file.
var ErrExportExists = errors.New("the file already exists")

// ErrNotRegular reports an export path that names a device, a pipe or a
// folder rather than a file.
var ErrNotRegular = errors.New("not a regular file; name a file, or - to print")

// WriteExportFile writes a document to path, creating its folder. The file
// appears whole or not at all: it is written beside its destination, synced,
// then moved into place. Unless overwrite is set, an existing file is never
// replaced and the error wraps ErrExportExists.
//
// Letters, plans and receipts carry client contact details, so like the
// database the file is readable by its owner only (0600), and folders it
// creates are 0700; a folder that already exists keeps its mode.
//
// A path that names something other than a regular file (a device such as
// /dev/null, a pipe, a folder) is refused: moving a file into place would
// replace it, and for a device that breaks the whole machine.
func WriteExportFile(path, content string, overwrite bool) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("export to %s: %w", path, ErrNotRegular)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(content); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	// CreateTemp asks for 0600, which a umask may narrow; set it exactly.
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	if overwrite {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("export to %s: %w", path, err)
		}
		return nil
	}
	// A hard link fails if path exists, so two exports racing for one name
	// cannot both win; the deferred Remove then drops the temporary name.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("export to %s: %w; choose another path", path, ErrExportExists)
		}
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}
