package cli

import "flag"

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
