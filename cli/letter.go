package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
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

// letterOptions are the letter command's flags.
type letterOptions struct {
	noticeDays, sent, effective, delivery, agreement, agreementDate, out *string
	shorter, draft                                                       *bool
	db                                                                   *storeFlags
	// The transition terms.
	hours, included, rate, requestDays, windowDays *string
	// A termination for cause, a superseding notice, the tone check, no
	// licences.
	forCause                          optionalBool
	clause                            *string
	legalHold, writtenOnly            optionalBool
	supersede, acceptTone, noLicences *bool
}

// optionalBool is a boolean flag that knows whether it was given, so that
// its default can come from the client's record.
type optionalBool struct{ value, set *bool }

// newOptionalBool registers an optionalBool flag on fs.
func newOptionalBool(fs *flag.FlagSet, name, usage string) optionalBool {
	o := optionalBool{value: new(bool), set: new(bool)}
	fs.Var(boolValue(o), name, usage)
	return o
}

// or is the flag's value when it was given, otherwise def.
func (o optionalBool) or(def bool) bool {
	if *o.set {
		return *o.value
	}
	return def
}

// boolValue is an optionalBool as a flag.Value.
type boolValue optionalBool

func (b boolValue) String() string {
	if b.value == nil {
		return "false"
	}
	return strconv.FormatBool(*b.value)
}

func (b boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	*b.value, *b.set = v, true
	return err
}

func (b boolValue) IsBoolFlag() bool { return true }

func letterCommand() *Command {
	c := &Command{
		Name:    "letter",
		Summary: "write a client's notice of termination and record it as sent",
		Usage: "letter CLIENT [--notice-days N] [--sent DATE] [--effective DATE] [--shorter-notice]\n" +
			"                      [--delivery email|post|hand] [--agreement NAME] [--agreement-date DATE]\n" +
			"                      [--transition-hours N] [--included-hours N] [--rate AMOUNT] [--request-days N] [--window-days N]\n" +
			"                      [--for-cause[=false]] [--clause TEXT] [--legal-hold[=false]] [--written-only[=false]]\n" +
			"                      [--no-licences]\n" +
			"                      [--supersede] [--accept-tone] [--draft] [-o FILE] [--db FILE]",
	}
	c.Run = func(ctx context.Context, env Env, args []string) error {
		fs := newFlags(env, c.Name, c.Usage, "Writes the cordial notice of termination as Markdown. Unless --draft is given, the\n"+
			"letter is recorded as sent: kept with its SHA-256, logged, the client put under notice and the\n"+
			"offboarding checklist scheduled. Dates are YYYY-MM-DD and fall on working days of\n"+
			"calendar.region and calendar.closed. A client with a zero-tolerance incident gets a notice\n"+
			"for cause unless --for-cause=false. A letter the tone check questions is recorded as sent\n"+
			"only with --accept-tone; a client already under notice only with --supersede.")
		o := letterFlags(fs)
		name, err := oneClient(env, fs, args)
		if err != nil {
			return err
		}
		if *o.out == "-" && !*o.draft {
			return usagef(fs, "a letter recorded as sent must be written to a file; use --draft to print it")
		}
		sentDay, err := dateFlag(fs, "sent", *o.sent, casefile.CivilDay(env.Now()))
		if err != nil {
			return err
		}
		desk, cl, err := openDesk(ctx, env, o.db, fs, name)
		if err != nil {
			return err
		}
		defer desk.Store.Close()
		if !*o.draft && !*o.supersede {
			if err := checkNotNoticed(ctx, desk, cl); err != nil {
				return err
			}
		}
		form, l, err := draftFromFlags(ctx, fs, desk, cl, sentDay, o)
		if err != nil {
			return err
		}
		for _, w := range letters.ToneCheck(l.Markdown) {
			fmt.Fprintf(env.Stderr, "tone: line %d, column %d: %q (%s): %s\n", w.Line, w.Column, w.Phrase, w.Kind, w.Advice)
		}
		for _, w := range l.Input.Warnings(casefile.CivilDay(env.Now())) {
			fmt.Fprintf(env.Stderr, "warning: %s\n", w)
		}
		if *o.draft && !*o.supersede {
			if err := noteNotice(ctx, env, desk, cl); err != nil {
				return err
			}
		}
		if *o.draft {
			return writeDraftLetter(env, cl, l, *o.out)
		}
		path := *o.out
		if path == "" {
			path = form.ExportPath
		}
		return sendLetter(ctx, env, desk, cl, l, path, *o.acceptTone)
	}
	return c
}

// letterFlags registers the letter command's flags.
func letterFlags(fs *flag.FlagSet) letterOptions {
	return letterOptions{
		noticeDays:    fs.String("notice-days", "", "notice period in `days` (default: the agreement's)"),
		sent:          fs.String("sent", "", "`date` notice is sent (default: today)"),
		effective:     fs.String("effective", "", "last `date` of service (default: the end of the notice period, or the end of the agreement's term when later)"),
		shorter:       fs.Bool("shorter-notice", false, "allow less notice than the agreement requires"),
		delivery:      fs.String("delivery", store.DeliveryEmail, "how the notice is delivered: `email`, post or hand"),
		agreement:     fs.String("agreement", "", "agreement `name`, when the client's record lacks it"),
		agreementDate: fs.String("agreement-date", "", "agreement signing `date`, when the client's record lacks it"),
		draft:         fs.Bool("draft", false, "write the letter without recording it as sent (- as the file prints it)"),
		out:           fs.String("o", "", "output `file` (default: exports/<client>-termination-<date>.md, -draft.md for drafts)"),
		db:            storeFlag(fs),
		hours:         fs.String("transition-hours", "", "`hours` of transition assistance offered (default 0)"),
		included:      fs.String("included-hours", "", "of those `hours`, how many at no charge (default 0)"),
		rate:          fs.String("rate", "", "price per further transition hour, an `amount` such as 150.00 (default: labour.standard_rate_per_hour)"),
		requestDays:   fs.String("request-days", "", "working `days` of notice a transition request needs (default 0)"),
		windowDays:    fs.String("window-days", "", "`days` after the effective date the assistance can be used (default 0: until the effective date)"),
		forCause:      newOptionalBool(fs, "for-cause", "a termination for cause (default: when the client has a zero-tolerance incident)"),
		clause:        fs.String("clause", "", "the agreement's clause allowing termination for cause, `text` such as \"clause 14.4\""),
		legalHold:     newOptionalBool(fs, "legal-hold", "for cause: keep the client's data under a legal hold instead of disposing of it (default: for cause)"),
		writtenOnly:   newOptionalBool(fs, "written-only", "for cause: all communication in writing, to the single point of contact (default: for cause)"),
		supersede:     fs.Bool("supersede", false, "replace the notice the client is already under"),
		acceptTone:    fs.Bool("accept-tone", false, "record the letter as sent although the tone check questions its wording"),
		noLicences:    fs.Bool("no-licences", false, "confirm that we manage no licences for the client (offboard log CLIENT --kind edit --licence adds one)"),
	}
}

// draftFromFlags fills a fresh letter form for notice sent on sentDay,
// overridden by the flags given, and renders it. A field that does not
// parse is a usage error naming its flag.
func draftFromFlags(ctx context.Context, fs *flag.FlagSet, desk *casefile.Desk, cl store.Client, sentDay time.Time,
	o letterOptions) (casefile.LetterDraft, casefile.Letter, error) {
	facts, err := desk.LetterFacts(ctx, cl, sentDay)
	if err != nil {
		return casefile.LetterDraft{}, casefile.Letter{}, err
	}
	if *o.draft && !*o.supersede {
		// A draft records nothing, so it may be written again for a client
		// already under notice; only sending it needs --supersede.
		facts.Prior = nil
	}
	form, err := desk.FreshLetterDraft(ctx, cl, facts, sentDay)
	if err != nil {
		return form, casefile.Letter{}, err
	}
	for _, f := range []struct {
		field *string
		flag  string
	}{
		{&form.TransitionHours, *o.hours}, {&form.IncludedHours, *o.included}, {&form.TransitionRate, *o.rate},
		{&form.RequestDays, *o.requestDays}, {&form.WindowDays, *o.windowDays}, {&form.ForCauseClause, *o.clause},
	} {
		if f.flag != "" {
			*f.field = f.flag
		}
	}
	form.ForCause = o.forCause.or(form.ForCause)
	form.LegalHold = form.ForCause && o.legalHold.or(true)
	form.WrittenOnly = form.ForCause && o.writtenOnly.or(true)
	if form.ForCause && form.ContactName == "" {
		form.ContactName, form.ContactRole, form.ContactEmail, form.ContactPhone = form.Signer, form.SignerTitle, form.CompanyEmail, form.CompanyPhone
	}
	form.Supersedes, form.NoLicences = *o.supersede, *o.noLicences
	if err := facts.ClauseToAsk(form); err != nil {
		return form, casefile.Letter{}, usagef(fs, "%v: give it with --clause, for example --clause \"clause 14.4 (Termination for cause)\"", err)
	}
	if *o.agreement != "" {
		form.AgreementName = *o.agreement
	}
	if *o.agreementDate != "" {
		form.AgreementDate = *o.agreementDate
	}
	if *o.noticeDays != "" {
		form.NoticeDays = *o.noticeDays
		form.Reschedule(facts.Calendar)
	}
	if *o.effective != "" {
		form.Effective = *o.effective
		form.RescheduleFromEffective(facts.Calendar)
	}
	form.ShorterNotice, form.Delivery = *o.shorter, *o.delivery
	l, err := desk.DraftLetter(cl, facts, form)
	var fe casefile.FieldErrors
	var short *letters.ShortNoticeError
	var noticed *letters.AlreadyUnderNoticeError
	switch {
	case errors.As(err, &fe):
		return form, l, usagef(fs, "%v", flagErrors(fe))
	case errors.As(err, &short):
		return form, l, fmt.Errorf("%w (--shorter-notice)", err)
	case errors.As(err, &noticed):
		return form, l, fmt.Errorf("%s: %w (--supersede)", textsafe.Line(cl.Name), noticed)
	}
	return form, l, err
}

// sendLetter exports the letter to path as sent, once nothing it needs is
// missing, and reports the notice and the checklist it scheduled.
func sendLetter(ctx context.Context, env Env, desk *casefile.Desk, cl store.Client, l casefile.Letter, path string, acceptTone bool) error {
	if err := l.Input.ExportableAsSent(); err != nil {
		return notSendable(err)
	}
	term, err := desk.SendLetter(ctx, cl.ID, l, path, acceptTone)
	var tone *casefile.ToneNotAcceptedError
	if errors.As(err, &tone) {
		return fmt.Errorf("not sent: the tone check questions %s; reword the letter, or pass --accept-tone to send it as it is",
			strings.Join(tone.Quoted(), ", "))
	}
	if err != nil {
		if errors.Is(err, store.ErrExportExists) {
			return fmt.Errorf("%w (nothing was recorded; choose another file with -o)", err)
		}
		return err
	}
	list, err := desk.OpenChecklist(ctx, cl.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Notice of termination for %s written to %s\n", textsafe.Line(cl.Name), path)
	fmt.Fprintf(env.Stdout, "  sha256     %s\n", store.SHA256Hex([]byte(l.Markdown)))
	fmt.Fprintf(env.Stdout, "  sent       %s, %s\n", letters.FormatDate(term.Sent), strings.ToLower(l.Input.Delivery.String()))
	fmt.Fprintf(env.Stdout, "  notice     %d days\n", term.NoticeDays)
	fmt.Fprintf(env.Stdout, "  effective  %s%s\n", letters.FormatDate(term.Effective), termEndNote(cl, term.Effective))
	fmt.Fprintf(env.Stdout, "  data kept  until %s\n", letters.FormatDate(term.Retention))
	fmt.Fprintf(env.Stdout, "%s is now under notice; %d offboarding steps are scheduled: offboard checklist %q\n",
		textsafe.Line(cl.Name), len(list.Steps), cl.Name)
	return nil
}

// checkNotNoticed refuses a second notice to a client already given one,
// saying when and what to do instead.
func checkNotNoticed(ctx context.Context, desk *casefile.Desk, cl store.Client) error {
	n, ok, err := desk.NoticeGiven(ctx, cl)
	if err != nil || !ok {
		return err
	}
	hint := "--draft writes the letter again without recording it"
	if casefile.ClientStatusOf(cl.Status) == scoring.StatusNotice {
		hint = "--supersede sends a notice replacing it; " + hint
	}
	return fmt.Errorf("%s was given notice on %s, effective %s, and is %s: see offboard checklist %q (%s)",
		cl.Name, letters.FormatDate(n.Termination.Sent), letters.FormatDate(n.Termination.Effective), statusWords(cl.Status), cl.Name, hint)
}

// noteNotice tells the owner drafting a letter to a client already given
// notice that the draft does not replace that notice.
func noteNotice(ctx context.Context, env Env, desk *casefile.Desk, cl store.Client) error {
	n, ok, err := desk.NoticeGiven(ctx, cl)
	if err != nil || !ok {
		return err
	}
	hint := "re-engage the client before giving notice again"
	if casefile.ClientStatusOf(cl.Status) == scoring.StatusNotice {
		hint = "--supersede writes a notice that replaces it"
	}
	fmt.Fprintf(env.Stderr, "note: %s was given notice on %s, effective %s, and is %s; this draft does not replace that notice (%s)\n",
		textsafe.Line(cl.Name), letters.FormatDate(n.Termination.Sent), letters.FormatDate(n.Termination.Effective), statusWords(cl.Status), hint)
	return nil
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
func writeDraftLetter(env Env, cl store.Client, l casefile.Letter, path string) error {
	if path == "-" {
		_, err := fmt.Fprint(env.Stdout, textsafe.Text(l.Markdown))
		return err
	}
	path, err := casefile.WriteDraft(cl, l, path)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Draft notice of termination for %s written to %s (not recorded as sent)\n", textsafe.Line(cl.Name), path)
	if missing := l.Input.MissingForSending(); len(missing) > 0 {
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
	if casefile.EffectiveAtTermEnd(cl, effective) {
		return " (the end of the agreement's term; --effective sets another date)"
	}
	return ""
}

// flagNames are the flags that set the letter form's fields.
var flagNames = map[string]string{
	"sent": "--sent", "notice_days": "--notice-days", "effective": "--effective",
	"delivery": "--delivery", "agreement_date": "--agreement-date",
	"transition_hours": "--transition-hours", "included_hours": "--included-hours", "transition_rate": "--rate",
	"request_days": "--request-days", "window_days": "--window-days",
}

// flagErrors renames the form fields in a casefile.FieldErrors after the
// flags that set them.
func flagErrors(fe casefile.FieldErrors) error {
	renamed := casefile.FieldErrors{}
	for field, e := range fe {
		if name, ok := flagNames[field]; ok {
			field = name
		}
		renamed[field] = e
	}
	return renamed
}
