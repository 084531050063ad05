package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"offboard/casefile"
	"offboard/importer"
	"offboard/scoring"
	"offboard/store"
	"offboard/textsafe"
)

const importSummary = `Brings in the CSV exports of the tools you already use, and the JSON of
their REST APIs. KIND is one of settings, clients, tickets, time, invoices,
payments, incidents, security, upgrades or plans. The preset is recognised
from each file's header row unless --preset or --map names one.
A file with a bad row imports nothing unless --skip-bad; importing the same
file twice changes nothing the second time; --dry-run writes nothing at all;
an import that fails leaves no database where there was none.

A mapping file (--map) names, for each of our fields, your column, or a
list of columns of which each row's first with a value is read; "only"
and "skip" select rows; a JSON file's fields are dotted paths:

    {
      "kind": "invoices",
      "columns": {"number": "Num", "client": ["Customer", "Project"],
                  "issued": "Date", "amount": "Amount", "terms": "Terms"},
      "only": {"Account": "Accounts Receivable"},
      "skip": {"Memo": ["void", "deleted"]}
    }

    {
      "kind": "tickets",
      "records": "tickets",
      "columns": {"external_id": "id", "client": "company.name",
                  "opened": "_info.dateEntered", "closed": "closedDate",
                  "status": "status.name", "summary": "summary"}
    }

A row is read when each column under "only" holds one of its values and
no column under "skip" holds one of its (ignoring case; "" is a blank
cell). "records" names the array of records when an object wraps it; a
JSON file is known by its content, whatever its name.`

// progressBytes is the file size from which a terminal shows a progress
// bar: a few thousand rows.
const progressBytes = 256 << 10

type importFlags struct {
	db, config, preset, mapFile, order string
	client, taken                      string
	dryRun, skipBad, create, dedupe    bool
	list, adopt                        bool
}

func importCommand() *Command {
	c := &Command{Name: "import", Summary: "bring in CSV or JSON exports from a PSA, helpdesk, time tracker or invoicing tool",
		Usage: "import KIND FILE... [--db FILE] [--adopt] [--config FILE] [--preset NAME | --map MAPPING.json] [--dry-run] [--skip-bad] [--dedupe] [--create-clients] [--date-order mdy|dmy] [--client NAME] [--taken DATE]\n       offboard import --list-presets"}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		var f importFlags
		fs := newFlags(env, c.Name, c.Usage, importSummary)
		fs.StringVar(&f.db, "db", "", dbUsage)
		fs.StringVar(&f.config, "config", "", "scoring configuration `file`, for the business hours that decide after-hours tickets (default: $OFFBOARD_CONFIG, else $XDG_CONFIG_HOME/offboard/config.toml)")
		fs.StringVar(&f.preset, "preset", "", "read the files with this `preset` (see --list-presets) instead of recognising it")
		fs.StringVar(&f.mapFile, "map", "", "read the files with a mapping `file` (JSON) from our fields to your columns")
		fs.BoolVar(&f.dryRun, "dry-run", false, "parse, check and count what would change, writing nothing: no database change, no rejects file")
		fs.BoolVar(&f.dedupe, "dedupe", false, "import a row that repeats an earlier row of its file exactly only once (without it, such rows are imported and reported)")
		fs.BoolVar(&f.skipBad, "skip-bad", false, "import the good rows; write the bad ones with reasons to FILE.rejects.csv")
		fs.BoolVar(&f.create, "create-clients", false, "add the clients the files name that the database lacks")
		fs.StringVar(&f.order, "date-order", "", "read dates such as 03/04/2024 in this `order`: mdy or dmy (default: decided from each file)")
		fs.StringVar(&f.client, "client", "", "the `client` of every row that names none, such as the one tenant of an MFA report (default: found by email domain)")
		fs.StringVar(&f.taken, "taken", "", "the `day` (YYYY-MM-DD) a security report of accounts or devices was taken (default: the newest date it gives)")
		fs.BoolVar(&f.list, "list-presets", false, "list the presets and the columns each expects")
		fs.BoolVar(&f.adopt, "adopt", false, "add offboard's tables to a SQLite file that holds another program's (refused otherwise)")
		pos, err := parseInterspersed(env, fs, args)
		if err != nil {
			return err
		}
		if f.list {
			return importer.DescribePresets(env.Stdout)
		}
		if len(pos) < 2 {
			return usagef(fs, "import needs a KIND and at least one FILE")
		}
		opt, err := importOptions(fs, f, pos[0])
		if err != nil {
			return err
		}
		var opts []store.Option
		if f.adopt {
			opts = append(opts, store.Adopt())
		}
		db, cleanup, err := dryRunDatabase(env, f)
		if err != nil {
			return err
		}
		defer cleanup()
		st, setup, err := openScoring(ctx, env, db, f.config, opts...)
		if err != nil {
			return err
		}
		defer st.Close()
		if opt.Hours, err = businessHours(setup.Config.Hours); err != nil {
			return err
		}
		desk := setup.desk
		var failed []string
		for _, file := range pos[1:] {
			if err := importFile(ctx, env, desk, file, opt); err != nil {
				if errors.Is(err, context.Canceled) {
					return fmt.Errorf("%s: import interrupted; nothing was written", file)
				}
				fmt.Fprintln(env.Stderr, textsafe.Text(err.Error()))
				if step := nextStep(err); step != "" {
					fmt.Fprintln(env.Stderr, step)
				}
				failed = append(failed, file)
			}
		}
		if len(failed) > 0 {
			return fmt.Errorf("%d of %d %s not imported: %s", len(failed), len(pos)-1, pluralWord(len(pos)-1, "file", "files"), strings.Join(failed, ", "))
		}
		return nil
	}
	return c
}

// importOptions checks the flags and turns them into import options.
func importOptions(fs *flag.FlagSet, f importFlags, kindArg string) (casefile.ImportOptions, error) {
	kind, err := importer.ParseKind(kindArg)
	if err != nil {
		return casefile.ImportOptions{}, usagef(fs, "%v", err)
	}
	order, err := importer.ParseDateOrder(f.order)
	if err != nil {
		return casefile.ImportOptions{}, usagef(fs, "%v", err)
	}
	opt := casefile.ImportOptions{Kind: kind, DateOrder: order, DryRun: f.dryRun, SkipBad: f.skipBad, CreateClients: f.create, Dedupe: f.dedupe,
		Client: strings.TrimSpace(f.client)}
	if f.taken != "" {
		if opt.Taken, err = time.Parse(time.DateOnly, f.taken); err != nil {
			return opt, usagef(fs, "--taken %q is not a day such as 2026-03-31", f.taken)
		}
	}
	switch {
	case f.preset != "" && f.mapFile != "":
		return opt, usagef(fs, "--preset and --map cannot be used together")
	case f.preset != "":
		if opt.Preset, err = importer.PresetByName(f.preset); err != nil {
			return opt, usagef(fs, "%v", err)
		}
		if opt.Preset.Kind != kind {
			return opt, usagef(fs, "preset %s reads %s, not %s", opt.Preset.Name, opt.Preset.Kind, kind)
		}
	case f.mapFile != "":
		mf, err := os.Open(f.mapFile)
		if err != nil {
			return opt, unreadable("mapping file "+f.mapFile, err)
		}
		defer mf.Close()
		m, err := importer.ReadMapping(f.mapFile, mf)
		if err != nil {
			return opt, fmt.Errorf("%w\n%s", err, mappingHelp)
		}
		if m.Kind != kind {
			return opt, fmt.Errorf("mapping %s is for %s, not %s: import the files as %s, or change the mapping's \"kind\"", f.mapFile, m.Kind, kind, m.Kind)
		}
		opt.Preset = m.Preset(filepath.Base(f.mapFile))
		opt.ClientDomains, opt.Currency, opt.Filter = m.ClientDomains, m.Currency, m.Filter()
		if order == importer.DateOrderAuto {
			opt.DateOrder, _ = importer.ParseDateOrder(m.DateOrder)
		}
	}
	return opt, nil
}

// dryRunDatabase returns the database an import opens. A dry run against
// a database that does not exist yet reads into a scratch one, removed
// afterwards, so that it leaves no file behind.
func dryRunDatabase(env Env, f importFlags) (string, func(), error) {
	if !f.dryRun {
		return f.db, func() {}, nil
	}
	path, err := store.ResolvePath(f.db, env.Getenv)
	if err != nil {
		return "", nil, err
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return f.db, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "offboard-dry-run-")
	if err != nil {
		return "", nil, err
	}
	fmt.Fprintf(env.Stdout, "dry run: no database at %s yet; checking against an empty one\n", textsafe.Line(path))
	return filepath.Join(dir, "dry-run.db"), func() { os.RemoveAll(dir) }, nil
}

// businessHours turns the scoring configuration's business hours into the
// store's, so that tickets are judged after hours at import exactly as the
// configuration says.
func businessHours(h scoring.BusinessHours) (*store.BusinessHours, error) {
	loc, err := time.LoadLocation(h.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("business.time_zone %q: %w", h.TimeZone, err)
	}
	out := &store.BusinessHours{Zone: loc, Start: h.Start, End: h.End}
	for _, d := range h.Days {
		out.Days[d] = true
	}
	return out, nil
}

// parseInterspersed parses flags placed before, between or after the
// positional arguments, as "import time a.csv --dry-run" is typed.
func parseInterspersed(env Env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(env, fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// countingReader counts the bytes read, for the progress bar's ETA.
type countingReader struct {
	r io.ReadSeeker
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Seek moves in the file, which an import reads twice when it first checks
// whether the file was imported before, unchanged.
func (c *countingReader) Seek(offset int64, whence int) (int64, error) {
	pos, err := c.r.Seek(offset, whence)
	c.n.Store(pos)
	return pos, err
}

// mappingHelp is where to read how a mapping file is written.
const mappingHelp = "see 'offboard help import' for how a mapping file is written"

// unreadable says why a file named on the command line cannot be read, in
// words that say what to check.
func unreadable(what string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file; check its name and folder", what)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: not allowed to read it; check its permissions", what)
	}
	return fmt.Errorf("%s: cannot read it: %w", what, err)
}

// nextStep is what to do about a file whose form no preset or mapping
// reads, or "".
func nextStep(err error) string {
	var noPreset *importer.NoPresetError
	var noMapping *importer.MappingNeededError
	switch {
	case errors.As(err, &noPreset):
		return "  " + mappingHelp + ", and 'offboard import --list-presets' for the columns each preset reads"
	case errors.As(err, &noMapping):
		return "  " + mappingHelp + ", with an example for a JSON export"
	}
	return ""
}

// importFile imports one file and prints what happened.
func importFile(ctx context.Context, env Env, desk *casefile.Desk, file string, opt casefile.ImportOptions) error {
	f, err := os.Open(file)
	if err != nil {
		return unreadable(file, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return unreadable(file, err)
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a folder; name the export files in it, such as %s", file, filepath.Join(file, "*.csv"))
	}
	in := &countingReader{r: f}
	run := func(ctx context.Context, onRecord func(int)) (*casefile.ImportResult, error) {
		o := opt
		o.OnRecord = onRecord
		return desk.Import(ctx, file, in, o)
	}
	var res *casefile.ImportResult
	if env.IsTerminal && info.Size() >= progressBytes {
		res, err = runWithProgress(ctx, env, filepath.Base(file), info.Size(), &in.n, run)
	} else {
		res, err = run(ctx, nil)
	}
	if res != nil && (err == nil || opt.SkipBad) {
		printImport(env.Stdout, res, opt)
	}
	if err != nil {
		return err
	}
	if opt.SkipBad && res.Rejected > 0 {
		if opt.DryRun {
			fmt.Fprintln(env.Stderr, textsafe.Text(fmt.Sprint(res.Parse.Err())))
			return nil
		}
		return writeRejects(env, file, res)
	}
	return nil
}

// writeRejects writes FILE.rejects.csv and lists the reasons on stderr.
func writeRejects(env Env, file string, res *casefile.ImportResult) error {
	path := file + ".rejects.csv"
	out, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := importer.WriteRejects(out, res.Parse.Header, res.Parse.Rejects); err != nil {
		out.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintln(env.Stderr, textsafe.Text(fmt.Sprint(res.Parse.Err())))
	fmt.Fprintf(env.Stdout, "  %s skipped; %s lists them with the reasons\n",
		count(res.Rejected, "bad row", "bad rows"), path)
	return nil
}

// printImport writes the plain summary of one import.
func printImport(w io.Writer, res *casefile.ImportResult, opt casefile.ImportOptions) {
	how := ""
	if res.Recognized {
		how = " (recognised from the header)"
	}
	prefix := ""
	if opt.DryRun {
		prefix = "dry run: "
	}
	fmt.Fprintf(w, "%s%s: %s read as %s%s: %s new, %s updated, %s unchanged, %s rejected\n",
		prefix, res.File, count(res.Rows, "row", "rows"), res.Preset, how,
		thousands(res.New), thousands(res.Updated), thousands(res.Unchanged), thousands(res.Rejected))
	cols := make([]string, 0, len(res.Parse.DateOrders))
	for col := range res.Parse.DateOrders {
		cols = append(cols, col)
	}
	sort.Strings(cols)
	for _, col := range cols {
		order := "month/day"
		if res.Parse.DateOrders[col] == importer.DateOrderDMY {
			order = "day/month"
		}
		fmt.Fprintf(w, "  dates in %q read as %s, as the file shows\n", col, order)
	}
	if len(res.Parse.Unused) > 0 {
		fmt.Fprintf(w, "  columns not read: %s\n", textsafe.Line(quoteNames(res.Parse.Unused)))
	}
	if enc := res.Parse.Encoding; enc != "" && enc != "UTF-8" {
		fmt.Fprintf(w, "  the file is not UTF-8; read it as %s\n", enc)
	}
	if res.Parse.Format == "JSON" && res.Rejected > 0 {
		fmt.Fprintln(w, "  read as JSON: a line number in a message is the record's index in the array, from 0")
	}
	for _, line := range res.Parse.TotalLines {
		fmt.Fprintf(w, "  skipped the totals row on line %d\n", line)
	}
	if res.DerivedPaid > 0 {
		fmt.Fprintf(w, "  paid dates taken from payments for %s\n", count(res.DerivedPaid, "invoice", "invoices"))
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "  %s\n", textsafe.Line(n))
	}
	if !res.PreviousImport.IsZero() {
		fmt.Fprintf(w, "  this file was imported before, on %s\n", res.PreviousImport.Format("2006-01-02 15:04 MST"))
	}
	if opt.DryRun {
		if opt.SkipBad && res.Rejected > 0 {
			fmt.Fprintf(w, "  %s would be skipped and listed in %s.rejects.csv\n",
				count(res.Rejected, "bad row", "bad rows"), textsafe.Line(res.File))
		}
		fmt.Fprintln(w, "  nothing was written, not even a rejects file")
	}
}

// quoteNames lists column names as the file spells them, quoted.
func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func count(n int, one, many string) string {
	return thousands(n) + " " + pluralWord(n, one, many)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
