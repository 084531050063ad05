package tui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"offboard/letters"
	"offboard/store"
)

func TestPreviewEditAndExport(t *testing.T) {
	h, id := finishedPlan(t)
	h.press("ctrl+o")
	if len(h.pushed) != 1 {
		t.Fatalf("ctrl+o pushed %d screens", len(h.pushed))
	}
	p := h.pushed[0].(*PlanPreview)
	h.screen = p
	p.SetSize(100, 30)
	h.run(p.Init())
	// From a finished plan the preview opens on the written plan.
	if v := p.View(); !strings.Contains(v, "Service improvement plan: Harbor Dental Group") {
		t.Fatalf("plan preview:\n%s", v)
	}
	h.press("tab")
	if v := p.View(); !strings.Contains(v, "Meeting agenda: Harbor Dental Group") {
		t.Fatalf("agenda preview:\n%s", v)
	}
	h.press("tab")
	// A resize draws again at the new width from the cached Markdown.
	p.SetSize(60, 30)
	h.send(tea.WindowSizeMsg{Width: 60, Height: 30})
	if d := p.docs[letters.KindRemediationPlan]; d.width != 60 {
		t.Errorf("rendered at %d after resizing to 60", d.width)
	}

	// The edit made in the editor is kept, in the database too.
	edited := filepath.Join(t.TempDir(), "edit.md")
	const mine = "# Service improvement plan: Harbor Dental Group\n\nOur own words.\n"
	os.WriteFile(edited, []byte(mine), 0o600)
	h.send(editorDoneMsg{kind: letters.KindRemediationPlan, path: edited})
	if d := p.docs[letters.KindRemediationPlan]; !d.edited || d.markdown != mine || !strings.Contains(p.View(), "Our own words.") {
		t.Fatalf("edit not kept:\n%s", p.View())
	}
	if _, err := os.Stat(edited); !os.IsNotExist(err) {
		t.Error("the temporary file was not removed")
	}
	plan, _, _ := h.c.Store.LatestPlan(context.Background(), id)
	if md, ok, _ := h.c.Store.EditedDocument(context.Background(), id, store.EditKey(letters.KindRemediationPlan, plan.ID)); !ok || md != mine {
		t.Errorf("kept edit in the store = %q, %v", md, ok)
	}

	// x offers the default path, editable; enter exports and records.
	h.press("x")
	if !p.Capturing() || p.path.Value() != "exports/harbor-dental-group-remediation-plan-2026-11-23.md" {
		t.Fatalf("export prompt: capturing %v, path %q", p.Capturing(), p.path.Value())
	}
	out := filepath.Join(t.TempDir(), "plan.md")
	p.path.SetValue(out)
	h.press("enter")
	if got, err := os.ReadFile(out); err != nil || string(got) != mine {
		t.Fatalf("exported %q, %v (errors %v)", got, err, h.errs)
	}
	if !strings.Contains(strings.Join(h.status, "\n"), "Exported "+out+" · SHA-256 "+store.SHA256Hex([]byte(mine))[:12]) {
		t.Errorf("status = %v", h.status)
	}
	comms, _ := h.c.Store.Communications(context.Background(), id, 1)
	if comms[0].DocumentID == 0 || !strings.Contains(comms[0].Body, store.SHA256Hex([]byte(mine))) {
		t.Errorf("last log entry = %+v", comms[0])
	}

	// ctrl+r drops the edit and generates afresh.
	h.press("ctrl+r")
	if d := p.docs[letters.KindRemediationPlan]; d.edited || strings.Contains(d.markdown, "Our own words.") {
		t.Errorf("regenerated = %+v", d)
	}
	// esc while exporting cancels the prompt only.
	h.press("x", "esc")
	if p.Capturing() || h.popped != 0 {
		t.Errorf("esc: capturing %v, popped %d", p.Capturing(), h.popped)
	}
}

func TestPreviewOfAnIncompleteDraftSaysWhatIsMissing(t *testing.T) {
	h, id := newRemHarness(t)
	h.open(id)
	h.press("ctrl+o")
	p := h.pushed[0].(*PlanPreview)
	h.screen = p
	p.SetSize(100, 30)
	h.run(p.Init())
	if v := p.View(); !strings.Contains(v, "cannot be drawn yet") || !strings.Contains(v, "the meeting date is not set") {
		t.Errorf("preview of an empty draft:\n%s", v)
	}
	h.press("x", "e")
	if p.Capturing() || len(h.errs) != 0 {
		t.Errorf("export or edit offered on a document that cannot be drawn")
	}
}

func TestEditorCommand(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want []string
	}{
		{map[string]string{"VISUAL": "code --wait", "EDITOR": "nano"}, []string{"code", "--wait", "/tmp/x.md"}},
		{map[string]string{"EDITOR": "nano"}, []string{"nano", "/tmp/x.md"}},
		{map[string]string{"EDITOR": "  "}, []string{"vi", "/tmp/x.md"}},
	}
	for _, c := range cases {
		cmd := editorCommand("/tmp/x.md", func(k string) string { return c.env[k] })
		if !reflect.DeepEqual(cmd.Args, c.want) {
			t.Errorf("%v: args %q, want %q", c.env, cmd.Args, c.want)
		}
	}
}
