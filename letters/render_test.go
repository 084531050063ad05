package letters

import (
	"offboard/money"

	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"
)

func TestTemplateOverride(t *testing.T) {
	folder := fstest.MapFS{
		"termination.md.tmpl": {Data: []byte("# Notice to {{md .Client.Name}}\n\nEnds {{date .Effective}}; contact {{.OurContact.Name}}.\n")},
		"unrelated.txt":       {Data: []byte("ignored")},
	}
	r, err := New(folder)
	if err != nil {
		t.Fatal(err)
	}
	in := harborlineTermination()
	in.Client.Name = "*Acme*"
	got, err := r.Termination(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# Notice to \\*Acme\\*\n\nEnds Thursday, 31 December 2026; contact Priya Shah.\n"; got != want {
		t.Errorf("overridden letter = %q, want %q", got, want)
	}
	if !r.Overridden(KindTermination) || r.Overridden(KindRemediationPlan) {
		t.Errorf("Overridden: termination %v, plan %v; want true, false", r.Overridden(KindTermination), r.Overridden(KindRemediationPlan))
	}
	// The templates not in the folder are still the built-in ones.
	plan, err := r.RemediationPlan(kesslerPlan())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(plan, "# Service improvement plan: Kessler Dental Group\n") {
		t.Errorf("plan does not come from the built-in template:\n%s", plan)
	}
}

func TestTemplateOverrideErrors(t *testing.T) {
	tests := []struct {
		name   string
		folder fstest.MapFS
		want   string // in the error from New, or from rendering when New succeeds
	}{
		{"does not parse", fstest.MapFS{"remediation-plan.md.tmpl": {Data: []byte("{{if .Start}}unclosed")}},
			"parse remediation-plan.md.tmpl from the template folder"},
		{"unknown function", fstest.MapFS{"termination.md.tmpl": {Data: []byte("{{shout .Client.Name}}")}},
			`function "shout" not defined`},
		{"unknown field", fstest.MapFS{"termination.md.tmpl": {Data: []byte("{{.Client.Nickname}}")}},
			"render termination"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.folder)
			if err == nil {
				_, err = r.Termination(harborlineTermination())
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDefaultTemplatesAreTheBuiltInOnes(t *testing.T) {
	folder := fstest.MapFS{}
	for _, k := range Kinds() {
		src, err := DefaultTemplate(k)
		if err != nil {
			t.Fatal(err)
		}
		folder[k.TemplateName()] = &fstest.MapFile{Data: src}
	}
	copied, err := New(folder)
	if err != nil {
		t.Fatal(err)
	}
	want, err := newRenderer(t).Termination(harborlineTermination())
	if err != nil {
		t.Fatal(err)
	}
	got, err := copied.Termination(harborlineTermination())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Error("a folder holding copies of the built-in templates renders differently")
	}
	if _, err := DefaultTemplate("memo"); err == nil {
		t.Error("DefaultTemplate of an unknown kind gave no error")
	}
}

func TestMissingSenderFields(t *testing.T) {
	tests := []struct {
		name string
		our  Company
		want []string
	}{
		{"complete", bluewater, nil},
		{"empty", Company{}, []string{"company name", "company address", "signer", "signer title", "contact email", "contact phone"}},
		{"blank counts as unset", Company{Name: "Bluewater", Address: "  ", Signer: "Alex", SignerTitle: "MD", Email: "a@b.example", Phone: "\t"},
			[]string{"company address", "contact phone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.our.Missing(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Missing() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLetterWithGapsPreviewsButIsNotExportable(t *testing.T) {
	in := harborlineTermination()
	in.Our.Address = ""
	in.Our.Phone = ""
	in.Agreement.Name = ""

	md, err := newRenderer(t).Termination(in)
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	assertContains(t, "preview", md, "**[company address missing]**", "**[contact phone missing]**", "**[agreement name missing]**")

	err = in.ExportableAsSent()
	var missing *MissingFieldsError
	if !errors.As(err, &missing) {
		t.Fatalf("ExportableAsSent = %v, want a MissingFieldsError", err)
	}
	if want := []string{"company address", "contact phone", "agreement name"}; !reflect.DeepEqual(missing.Fields, want) {
		t.Errorf("missing fields = %q, want %q", missing.Fields, want)
	}
	if !strings.Contains(err.Error(), "company address, contact phone, agreement name") {
		t.Errorf("error %q does not name the missing fields", err)
	}
	if err := harborlineTermination().ExportableAsSent(); err != nil {
		t.Errorf("the complete letter is not exportable: %v", err)
	}
}

func TestTerminationValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(*TerminationInput)
		want   []string
	}{
		{"effective date inside the notice period", func(in *TerminationInput) { in.Effective = day(2026, time.December, 30) },
			[]string{"effective date Wednesday, 30 December 2026 is before the end of the 30-day notice period, Thursday, 31 December 2026"}},
		{"retention before the effective date", func(in *TerminationInput) { in.RetentionDeadline = day(2026, time.December, 1) },
			[]string{"data retention deadline Tuesday, 1 December 2026 is before the effective date"}},
		{"export after the effective date", func(in *TerminationInput) { in.Handoff.ExportDate = day(2027, time.January, 4) },
			[]string{"the data export date Monday, 4 January 2027 is outside the notice period"}},
		{"several problems at once", func(in *TerminationInput) {
			in.Handoff.CredentialsDate = time.Time{}
			in.Handoff.TransferDate = day(2026, time.November, 30)
			in.Transition.Hours = -2
		}, []string{"credentials handover date is not set", "licence and domain transfer date Monday, 30 November 2026 is outside", "-2 hours is negative"}},
		{"dates not set", func(in *TerminationInput) {
			in.Sent, in.Effective, in.RetentionDeadline = time.Time{}, time.Time{}, time.Time{}
		},
			[]string{"date notice is sent is not set", "effective date is not set", "retention deadline is not set"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := harborlineTermination()
			tt.change(&in)
			_, err := newRenderer(t).Termination(in)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), `termination letter for "Harborline Freight Logistics, Inc.": `) {
				t.Errorf("error %q does not name the letter and client", err)
			}
			assertContains(t, "error", err.Error(), tt.want...)
		})
	}
}

func TestParseDelivery(t *testing.T) {
	for in, want := range map[string]Delivery{"email": DeliveryEmail, " Post ": DeliveryPost, "hand": DeliveryHand, "by hand": DeliveryHand} {
		got, err := ParseDelivery(in)
		if err != nil || got != want {
			t.Errorf("ParseDelivery(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseDelivery("pigeon"); err == nil || !strings.Contains(err.Error(), `"pigeon"`) {
		t.Errorf("ParseDelivery(pigeon) error = %v", err)
	}
}

func TestTidy(t *testing.T) {
	in := "\n\nTitle  \n\n\n\nBody\\\nnext\t\n\n"
	if got, want := tidy(in), "Title\n\nBody\\\nnext\n"; got != want {
		t.Errorf("tidy = %q, want %q", got, want)
	}
}

func TestGaps(t *testing.T) {
	tests := []struct {
		md   string
		want []string
	}{
		{"No gaps here.", nil},
		{"**[company address missing]** and **[date missing]**, **[company address missing]**", []string{"company address", "date"}},
		// A client named like a marker is escaped and is not a gap.
		{EscapeInline("**[signer missing]**"), nil},
	}
	for _, tt := range tests {
		if got := Gaps(tt.md); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Gaps(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

// TestEveryGapBlocksSending blanks each text field and each date of every
// letter fixture in turn, following pointers and the first element of
// slices that are set: whenever the preview shows a gap, ExportableAsSent
// must refuse the letter, so no marked gap can go out as sent.
func TestEveryGapBlocksSending(t *testing.T) {
	r := newRenderer(t)
	type getter func(*TerminationInput) (reflect.Value, bool)
	var blankers []func(*TerminationInput) (string, bool)
	var collect func(path string, get getter, typ reflect.Type)
	collect = func(path string, get getter, typ reflect.Type) {
		switch {
		case typ == reflect.TypeFor[time.Time]() || typ.Kind() == reflect.String:
			blankers = append(blankers, func(in *TerminationInput) (string, bool) {
				v, ok := get(in)
				if ok {
					v.Set(reflect.Zero(v.Type()))
				}
				return path, ok
			})
		case typ.Kind() == reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				collect(path+"."+f.Name, func(in *TerminationInput) (reflect.Value, bool) {
					v, ok := get(in)
					if !ok || !v.Field(i).CanSet() {
						return reflect.Value{}, false
					}
					return v.Field(i), true
				}, f.Type)
			}
		case typ.Kind() == reflect.Pointer && typ.Elem().Kind() == reflect.Struct:
			collect(path, func(in *TerminationInput) (reflect.Value, bool) {
				v, ok := get(in)
				if !ok || v.IsNil() {
					return reflect.Value{}, false
				}
				return v.Elem(), true
			}, typ.Elem())
		case typ.Kind() == reflect.Slice:
			collect(path+"[0]", func(in *TerminationInput) (reflect.Value, bool) {
				v, ok := get(in)
				if !ok || v.Len() == 0 {
					return reflect.Value{}, false
				}
				return v.Index(0), true
			}, typ.Elem())
		}
	}
	collect("TerminationInput", func(in *TerminationInput) (reflect.Value, bool) { return reflect.ValueOf(in).Elem(), true },
		reflect.TypeFor[TerminationInput]())
	for name, fixture := range map[string]func() TerminationInput{
		"harborline": harborlineTermination, "halvorsen": halvorsenForCause, "juniper": juniperStatement,
	} {
		tried := 0
		for _, blank := range blankers {
			in := fixture()
			field, ok := blank(&in)
			if !ok {
				continue
			}
			tried++
			md, err := r.Termination(in)
			if err != nil {
				continue // a date Validate requires; ExportableAsSent fails too
			}
			if gaps := Gaps(md); len(gaps) > 0 && in.ExportableAsSent() == nil {
				t.Errorf("%s: with %s blank the letter shows gaps %q but is exportable as sent", name, field, gaps)
			}
		}
		if tried < 30 {
			t.Errorf("%s: only %d fields found", name, tried)
		}
	}
}

// failingFS fails every read with a permission error, as an unreadable
// template folder would.
type failingFS struct{}

func (failingFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestUnreadableTemplateFolder(t *testing.T) {
	_, err := New(failingFS{})
	if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "from the template folder") {
		t.Errorf("New(unreadable folder) error = %v", err)
	}
}

func TestTemplateFuncs(t *testing.T) {
	tests := []struct {
		name, src string
		data      any
		want      string
	}{
		{"datetime at midnight shows the date only", `{{datetime .}}`, day(2027, time.January, 12), "Tuesday, 12 January 2027"},
		{"datetime with a time", `{{datetime .}}`, time.Date(2027, time.January, 12, 9, 5, 0, 0, time.UTC), "Tuesday, 12 January 2027 at 09:05"},
		{"zero date is a gap", `{{date .}}`, time.Time{}, "**[date missing]**"},
		{"one day", `{{days .}}`, 1, "1 day"},
		{"many days", `{{days .}}`, 30, "30 days"},
		{"field present", `{{field "signer" .}}`, "A_B", `A\_B`},
		{"field blank", `{{field "signer" .}}`, " ", "**[signer missing]**"},
		{"bold present", `{{bold "client name" .}}`, "Acme", "**Acme**"},
		{"lines", `{{lines .}}`, "1 Main St\n\n# Floor 2\n", "1 Main St\\\n\\# Floor 2"},
		{"stack drops empty parts", `{{stack "a" "" "b"}}`, nil, "a\\\nb"},
		{"money is escaped", `{{money .}}`, money.Money{Minor: 100, Currency: "*X*"}, `\*X\* 1.00`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl := template.Must(template.New("t").Funcs(templateFuncs).Parse(tt.src))
			var b strings.Builder
			if err := tmpl.Execute(&b, tt.data); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("%s = %q, want %q", tt.src, b.String(), tt.want)
			}
		})
	}
}

func BenchmarkTermination(b *testing.B) {
	r, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	in := harborlineTermination()
	for b.Loop() {
		if _, err := r.Termination(in); err != nil {
			b.Fatal(err)
		}
	}
}
