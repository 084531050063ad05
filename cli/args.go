package cli

import (
	"flag"
	"time"
)

// oneClient parses the flags and the one client name a command takes.
func oneClient(env Env, fs *flag.FlagSet, args []string) (string, error) {
	pos, err := parseInterspersed(env, fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef(fs, "name one client (got %d arguments)", len(pos))
	}
	return pos[0], nil
}

// dateFlag reads a date flag typed as YYYY-MM-DD; an empty value is def.
func dateFlag(fs *flag.FlagSet, name, value string, def time.Time) (time.Time, error) {
	if value == "" {
		return def, nil
	}
	t, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return t, usagef(fs, "--%s %q is not a date in the form YYYY-MM-DD", name, value)
	}
	return t, nil
}
