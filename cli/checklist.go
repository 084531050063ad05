package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
	"offboard/textsafe"
)

func checklistCommand() *Command {
	c := &Command{
		Name:    "checklist",
		Summary: "show, tick off or export a client's offboarding checklist",
		Usage: "checklist CLIENT [--tick STEP --by NAME [--on DATE] [--exception TEXT]]\n" +
			"                         [--export FILE] [--db FILE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, "Shows the offboarding checklist scheduled when the notice was sent, overdue steps marked.\n"+
			"--tick signs a step off (by its number or key); when the last step is done the client\n"+
			"becomes offboarded. --export writes the checklist as a Markdown receipt and records it\n"+
			"(- prints it without recording).")
		tick := fs.String("tick", "", "sign off the `step` with this number or key")
		by := fs.String("by", "", "`name` of whoever signs the step off (required with --tick)")
		on := fs.String("on", "", "`date` the step was done (default: today)")
		exception := fs.String("exception", "", "what was done differently from the standard step, if anything")
		export := fs.String("export", "", "write the receipt to `file`")
		db := storeFlag(fs)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		if *tick == "" && (*by != "" || *on != "" || *exception != "") {
			return usagef(fs, "--by, --on and --exception go with --tick")
		}
		if *tick != "" && strings.TrimSpace(*by) == "" {
			return usagef(fs, "--tick needs --by NAME: the receipt says who signed each step off")
		}
		now := casefile.CivilDay(env.Now())
		doneOn, err := dateFlag(fs, "on", *on, now)
		if err != nil {
			return err
		}
		desk, cl, err := openDesk(ctx, env, db, fs, name)
		if err != nil {
			return err
		}
		defer desk.Store.Close()
		list, err := desk.OpenChecklist(ctx, cl.ID)
		if err != nil {
			return err
		}
		steps := list.Steps
		if len(steps) == 0 {
			return fmt.Errorf("%s has no offboarding checklist: it starts when the notice is sent (offboard letter %q)", cl.Name, cl.Name)
		}
		if *tick != "" {
			step, err := pickStep(steps, *tick)
			if err != nil {
				return usagef(fs, "%v", err)
			}
			if steps, err = tickStep(ctx, env, desk, cl, step, store.Tick{By: *by, On: doneOn, Exception: *exception}); err != nil {
				return err
			}
		}
		if *export != "" {
			return exportReceipt(ctx, env, desk, cl, now, *export)
		}
		printChecklist(env.Stdout, cl, steps, now)
		return nil
	}
	return c
}

// tickStep signs a step off, says so, and returns the checklist as it now
// stands.
func tickStep(ctx context.Context, env Env, desk *casefile.Desk, cl store.Client, step store.StepRow, tick store.Tick) ([]store.StepRow, error) {
	res, err := desk.SignOff(ctx, cl.ID, step.Key, tick)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(env.Stdout, "Signed off: %s (%s, %s)\n", textsafe.Line(step.Title), textsafe.Line(res.Step.SignedOffBy), letters.FormatDate(tick.On))
	if res.Offboarded {
		fmt.Fprintf(env.Stdout, "Every step is done: %s is now offboarded. Take stock with: offboard postmortem %q\n", textsafe.Line(cl.Name), cl.Name)
	}
	list, err := desk.OpenChecklist(ctx, cl.ID)
	return list.Steps, err
}

// pickStep finds a step by its number in the list or by its key.
func pickStep(steps []store.StepRow, which string) (store.StepRow, error) {
	if n, err := strconv.Atoi(which); err == nil {
		for _, s := range steps {
			if s.Position == n {
				return s, nil
			}
		}
		return store.StepRow{}, fmt.Errorf("there is no step %d; the steps are numbered 1 to %d", n, len(steps))
	}
	keys := make([]string, len(steps))
	for i, s := range steps {
		if s.Key == which {
			return s, nil
		}
		keys[i] = s.Key
	}
	return store.StepRow{}, fmt.Errorf("there is no step %q; the steps are: %s", which, strings.Join(keys, ", "))
}

func printChecklist(w io.Writer, cl store.Client, steps []store.StepRow, now time.Time) {
	done, overdue := 0, 0
	fmt.Fprintf(w, "Offboarding checklist: %s (%s)\n\n", textsafe.Line(cl.Name), statusWords(cl.Status))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tstep\tdue\tdone\tkey")
	for _, s := range steps {
		state := "open"
		switch {
		case s.IsDone():
			done++
			state = store.Date(s.Done) + " " + s.SignedOffBy
			if s.Exception != "" {
				state += " (exception)"
			}
		case s.Overdue(now):
			overdue++
			state = "OVERDUE"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", s.Position, textsafe.Line(s.Title), store.Date(s.Due), state, s.Key)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d of %d steps done", done, len(steps))
	if overdue > 0 {
		fmt.Fprintf(w, ", %d overdue", overdue)
	}
	fmt.Fprintln(w)
}

// exportReceipt writes the offboarding receipt to path and records it, or
// prints it when path is "-".
func exportReceipt(ctx context.Context, env Env, desk *casefile.Desk, cl store.Client, now time.Time, path string) error {
	r, err := desk.Receipt(ctx, cl, now)
	if err != nil {
		return err
	}
	if err := emitDocument(ctx, env, desk, r.Document, path); err != nil || path == "-" {
		return err
	}
	fmt.Fprintf(env.Stdout, "Offboarding receipt for %s written to %s (%d of %d steps signed off)\n",
		textsafe.Line(cl.Name), path, r.Input.DoneCount(), len(r.Input.Steps))
	return nil
}
