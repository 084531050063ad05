package cli

import (
	"context"
	"errors"
	"fmt"

	"offboard/casefile"
	"offboard/letters"
	"offboard/store"
	"offboard/textsafe"
)

func planCommand() *Command {
	c := &Command{Name: "plan", Summary: "export a client's remediation plan or agenda, or record its review",
		Usage: "plan export CLIENT [--agenda] [-o FILE] [--db FILE]\n       offboard " + planReviewUsage}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		if len(args) > 0 && args[0] == "review" {
			return planReview(ctx, env, args[1:])
		}
		fs := newFlags(env, c.Name, c.Usage, `Writes the client's latest remediation plan (or, with --agenda, the meeting
agenda) as Markdown, by default to exports/<client>-remediation-plan-<date>.md,
and records the export on the client with its SHA-256 in the communications log.
An edit kept from the workbench's preview is what gets exported. An existing file
is never replaced: name another with -o.

A plan is exported only when it is complete: every goal a number to reach, every
action with an owner, a due date on or after the meeting and a target, and our
own commitments written down. Otherwise the export names each missing part and
its item; fill them in the workbench (press r on the client) and export again.
An exported plan that has been agreed shows where it stands: its status, the
figures before the meeting and since against each goal, and notes on the
checkpoints passed.

'offboard plan review CLIENT -h' tells how to record the decision at the plan's
review: resolved, extended to a new date, or failed.`)
		out := fs.String("o", "", "write to `file` instead of the default path; - prints it without recording")
		agenda := fs.Bool("agenda", false, "export the meeting agenda instead of the plan")
		db := storeFlag(fs)
		if len(args) == 0 || args[0] != "export" {
			if err := parse(env, fs, args); err != nil {
				return err
			}
			return usagef(fs, "missing the action: offboard plan export CLIENT, or offboard plan review CLIENT")
		}
		names, err := parseInterspersed(env, fs, args[1:])
		if err != nil {
			return err
		}
		if len(names) != 1 {
			return usagef(fs, "name one client, for example: offboard plan export \"Harbor Dental\"")
		}
		st, err := db.open(ctx, env, fs)
		if err != nil {
			return err
		}
		defer st.Close()
		kind := letters.KindRemediationPlan
		if *agenda {
			kind = letters.KindAgenda
		}
		desk := &casefile.Desk{Store: st, Now: env.Now}
		if desk.Letters, err = newRenderer(env); err != nil {
			return err
		}
		doc, err := exportPlanDocument(ctx, desk, names[0], kind, *out)
		var incomplete *letters.IncompleteError
		if errors.As(err, &incomplete) {
			return fmt.Errorf("%w\nsee 'offboard help %s'", err, c.Name)
		}
		if err != nil {
			return err
		}
		if *out == "-" {
			_, err := fmt.Fprint(env.Stdout, textsafe.Text(doc.Markdown))
			return err
		}
		fmt.Fprintf(env.Stdout, "%s exported to %s\nSHA-256 %s, recorded in the communications log.\n",
			doc.Title, doc.ExportedPath, store.SHA256Hex([]byte(doc.Markdown)))
		return nil
	}
	return c
}

// exportPlanDocument finds the client's latest plan (a finished one, else
// the walkthrough in progress) and exports one of its documents, drawn by
// the desk's renderer (the owner's template folder applied).
func exportPlanDocument(ctx context.Context, desk *casefile.Desk, name string, kind letters.Kind, path string) (store.Document, error) {
	client, err := findClient(ctx, desk.Store, name)
	if err != nil {
		return store.Document{}, err
	}
	plan, ok, err := desk.LatestPlan(ctx, client.ID)
	if err != nil {
		return store.Document{}, err
	}
	if !ok {
		if plan, ok, err = desk.DraftPlan(ctx, client.ID); err != nil {
			return store.Document{}, err
		}
	}
	if !ok {
		return store.Document{}, fmt.Errorf("%s has no remediation plan yet: open the client in the workbench and press r to prepare the meeting", client.Name)
	}
	markdown, _, err := desk.PlanMarkdown(ctx, plan.ID, kind, desk.Letters)
	if err != nil {
		return store.Document{}, fmt.Errorf("%w\ncomplete the walkthrough in the workbench (press r on the client), then export again", err)
	}
	if path == "-" {
		// Printed for a look or a pipe, not sent: nothing is recorded.
		return casefile.PlanDocument(client.ID, plan.ID, kind, markdown), nil
	}
	return desk.ExportPlanDocument(ctx, client, plan.ID, kind, markdown, path)
}
