package store

import (
	"errors"
	"path/filepath"
)

// DefaultPath is where the database lives unless --db or OFFBOARD_DB says
// otherwise: $XDG_DATA_HOME/offboard/offboard.db, falling back to
// ~/.local/share/offboard/offboard.db. getenv is os.Getenv in production.
func DefaultPath(getenv func(string) string) (string, error) {
	return dataFile(getenv, "offboard.db")
}

// DemoPath is the demo portfolio's own file, beside the real database and
// never the same file.
func DemoPath(getenv func(string) string) (string, error) {
	return dataFile(getenv, "demo.db")
}

func dataFile(getenv func(string) string, name string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "offboard", name), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("cannot find the data folder: neither XDG_DATA_HOME nor HOME is set; pass --db PATH")
	}
	return filepath.Join(home, ".local", "share", "offboard", name), nil
}

// ResolvePath picks the database path: the --db flag, then OFFBOARD_DB, then
// DefaultPath.
func ResolvePath(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if p := getenv("OFFBOARD_DB"); p != "" {
		return p, nil
	}
	return DefaultPath(getenv)
}
