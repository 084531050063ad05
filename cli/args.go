package cli

import (
	"flag"
	"time"
)

// parseInterspersed parses flags wherever they stand among the positional
// arguments, so "offboard letter Acme --sent 2026-12-01" works as well as
// the flags-first order the flag package expects. Everything after "--" is
// positional, for a name that starts with a dash.
func parseInterspersed(env Env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(env, fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

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
