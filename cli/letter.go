package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"offboard/casefile"
	"offboard/letters"
	"offboard/scoring"
	"offboard/store"
	"offboard/textsafe"
)

// settingFor names the setting behind each letterhead field that
// letters.Company.Missing can report, so the error says how to fix it.
var settingFor = map[string]string{
	"company name":    store.SettingCompanyName,
	"company address": store.SettingCompanyAddress,
	"signer":          store.SettingCompanySigner,
	"signer title":    store.SettingCompanySignerTitle,
	"contact email":   store.SettingCompanyEmail,
	"contact phone":   store.SettingCompanyPhone,
}

// flagFor names the flag that fills each agreement field the client's
// record may lack.
var flagFor = map[string]string{
	"agreement name": "--agreement",
	"agreement date": "--agreement-date",
}

func letterCommand() *Command {
	c := &Command{
		Name:    "letter",
		Summary: "write a client's notice of termination and record it as sent",
		Usage: "letter CLIENT [--notice-days N] [--sent DATE] [--effective DATE] [--shorter-notice]\n" +
			"                      [--delivery email|post|hand] [--agreement NAME] [--agreement-date DATE]\n" +
			"                      [--draft] [-o FILE] [--db FILE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, "Writes the cordial notice of termination (seeds 001, 002) as Markdown. Unless --draft is\n"+
			"given, the letter is recorded as sent: kept with its SHA-256, logged, the client put under\n"+
			"notice and the offboarding checklist scheduled. Dates are YYYY-MM-DD.")
		noticeDays := fs.String("notice-days", "", "notice period in `days` (default: the agreement's)")
		sent := fs.String("sent", "", "`date` notice is sent (default: today)")
		effective := fs.String("effective", "", "last `date` of service (default: the end of the notice period, or the end of the agreement's term when later)")
		shorter := fs.Bool("shorter-notice", false, "allow less notice than the agreement requires")
		delivery := fs.String("delivery", store.DeliveryEmail, "how the notice is delivered: `email`, post or hand")
		agreement := fs.String("agreement", "", "agreement `name`, when the client's record lacks it")
		agreementDate := fs.String("agreement-date", "", "agreement signing `date`, when the client's record lacks it")
		draft := fs.Bool("draft", false, "write the letter without recording it as sent (- as the file prints it)")
		out := fs.String("o", "", "output `file` (default: exports/<client>-termination-<date>.md, -draft.md for drafts)")
		db := storeFlag(fs)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		if *out == "-" && !*draft {
			return usagef(fs, "a letter recorded as sent must be written to a file; use --draft to print it")
		}
		sentDay, err := dateFlag(fs, "sent", *sent, today(env.Now()))
		if err != nil {
			return err
		}
		st, cl, err := openClient(ctx, env, db, fs, name)
		if err != nil {
			return err
		}
		defer st.Close()
		if err := checkNotNoticed(ctx, st, cl, *draft); err != nil {
			return err
		}
		d, err := st.FreshLetterDraft(ctx, cl, sentDay)
		if err != nil {
			return err
		}
		if *agreement != "" {
			d.AgreementName = *agreement
		}
		if *agreementDate != "" {
			d.AgreementDate = *agreementDate
		}
		if *noticeDays != "" {
			d.NoticeDays = *noticeDays
			d.Reschedule()
		}
		if *effective != "" {
			d.Effective = *effective
			d.RescheduleFromEffective()
		}
		d.ShorterNotice, d.Delivery = *shorter, *delivery
		in, err := d.Input(cl)
		if err != nil {
			return usagef(fs, "%v", flagErrors(err))
		}
		r, err := newRenderer(env)
		if err != nil {
			return err
		}
		md, err := r.Termination(in)
		if err != nil {
			var short *letters.ShortNoticeError
			if errors.As(err, &short) {
				return fmt.Errorf("%w (--shorter-notice)", err)
			}
			return err
		}
		for _, w := range letters.ToneCheck(md) {
			fmt.Fprintf(env.Stderr, "tone: line %d, column %d: %q (%s): %s\n", w.Line, w.Column, w.Phrase, w.Kind, w.Advice)
		}
		if *draft {
			return writeDraftLetter(env, cl, in, md, *out)
		}
		if err := in.ExportableAsSent(); err != nil {
			return notSendable(err)
		}
		path := *out
		if path == "" {
			path = d.ExportPath
		}
		term, err := st.RecordLetterSent(ctx, store.SentLetterOf(cl.ID, in, md, path))
		if err != nil {
			if errors.Is(err, store.ErrExportExists) {
				return fmt.Errorf("%w (nothing was recorded; choose another file with -o)", err)
			}
			return err
		}
		steps, err := st.Checklist(ctx, cl.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Notice of termination for %s written to %s\n", textsafe.Line(cl.Name), path)
		fmt.Fprintf(env.Stdout, "  sha256     %s\n", store.SHA256Hex([]byte(md)))
		fmt.Fprintf(env.Stdout, "  sent       %s, %s\n", letters.FormatDate(term.Sent), strings.ToLower(in.Delivery.String()))
		fmt.Fprintf(env.Stdout, "  notice     %d days\n", term.NoticeDays)
		fmt.Fprintf(env.Stdout, "  effective  %s%s\n", letters.FormatDate(term.Effective), termEndNote(cl, term.Effective))
		fmt.Fprintf(env.Stdout, "  data kept  until %s\n", letters.FormatDate(term.Retention))
		fmt.Fprintf(env.Stdout, "%s is now under notice; %d offboarding steps are scheduled: offboard checklist %q\n",
			textsafe.Line(cl.Name), len(steps), cl.Name)
		return nil
	}
	return c
}

// checkNotNoticed refuses a second notice to a client already given one,
// saying when and what to do instead; a draft is always allowed.
func checkNotNoticed(ctx context.Context, st *store.Store, cl store.Client, draft bool) error {
	if status := casefile.ClientStatusOf(cl.Status); draft || (status != scoring.StatusNotice && status != scoring.StatusOffboarded) {
		return nil
	}
	term, ok, err := st.LatestTermination(ctx, cl.ID)
	if err != nil || !ok {
		return err
	}
	return fmt.Errorf("%s was given notice on %s, effective %s, and is %s: see offboard checklist %q (--draft writes the letter again without recording it)",
		cl.Name, letters.FormatDate(term.Sent), letters.FormatDate(term.Effective), statusWords(cl.Status), cl.Name)
}

// statusWords says where a client stands, as a sentence puts it.
func statusWords(status string) string {
	if casefile.ClientStatusOf(status) == scoring.StatusNotice {
		return "under notice"
	}
	return status
}

// writeDraftLetter writes a letter that is not recorded as sent, to a file
// (replacing an earlier draft) or to standard output.
func writeDraftLetter(env Env, cl store.Client, in letters.TerminationInput, md, path string) error {
	if path == "-" {
		_, err := fmt.Fprint(env.Stdout, textsafe.Text(md))
		return err
	}
	if path == "" {
		path = strings.TrimSuffix(letters.DefaultExportPath(letters.KindTermination, cl.Name, in.Sent), ".md") + "-draft.md"
	}
	if err := store.WriteExportFile(path, md, true); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Draft notice of termination for %s written to %s (not recorded as sent)\n", textsafe.Line(cl.Name), path)
	if missing := in.MissingForSending(); len(missing) > 0 {
		fmt.Fprintf(env.Stdout, "Before it can be sent, fill in: %s\n", strings.Join(missing, ", "))
	}
	return nil
}

// notSendable explains why a letter cannot be exported as sent, with the
// command or flag that fills each missing field.
func notSendable(err error) error {
	var missing *letters.MissingFieldsError
	if !errors.As(err, &missing) {
		return fmt.Errorf("the letter cannot be exported as sent: %w", err)
	}
	var fixes []string
	for _, f := range missing.Fields {
		switch {
		case settingFor[f] != "":
			fixes = append(fixes, fmt.Sprintf("  offboard config set %s VALUE    (%s)", settingFor[f], f))
		case flagFor[f] != "":
			fixes = append(fixes, fmt.Sprintf("  %s VALUE    (%s)", flagFor[f], f))
		}
	}
	msg := err.Error()
	if len(fixes) > 0 {
		msg += "\nfill them in with:\n" + strings.Join(fixes, "\n")
	}
	return errors.New(msg + "\nor write an unsent draft with --draft")
}

// termEndNote explains an effective date that is the end of the
// agreement's term rather than the end of the notice period.
func termEndNote(cl store.Client, effective time.Time) string {
	if !cl.TermEnd.IsZero() && store.Date(cl.TermEnd) == store.Date(effective) {
		return " (the end of the agreement's term; --effective sets another date)"
	}
	return ""
}

// flagNames are the flags that set the letter form's fields.
var flagNames = map[string]string{
	"sent": "--sent", "notice_days": "--notice-days", "effective": "--effective",
	"delivery": "--delivery", "agreement_date": "--agreement-date",
}

// flagErrors renames the form fields in a store.FieldErrors after the flags
// that set them.
func flagErrors(err error) error {
	var fe store.FieldErrors
	if !errors.As(err, &fe) {
		return err
	}
	renamed := store.FieldErrors{}
	for field, e := range fe {
		if name, ok := flagNames[field]; ok {
			field = name
		}
		renamed[field] = e
	}
	return renamed
}

// today is the calendar day of now where the owner is, as a UTC midnight,
// the form every stored date takes.
func today(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}
