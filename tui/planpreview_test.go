package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"offboard/casefile"
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
	for _, line := range strings.Split(p.View(), "\n") {
		if w := lipgloss.Width(line); w > 60 {
			t.Fatalf("after resizing to 60 a line is %d wide:\n%s", w, p.View())
		}
	}

	// The edit made in the editor is kept, in the database too.
	const mine = "# Service improvement plan: Harbor Dental Group\n\nOur own words.\n"
	h.send(EditedMsg{Tag: editTag{preview: p, kind: letters.KindRemediationPlan}, Text: mine})
	if d := p.docs[letters.KindRemediationPlan]; !d.edited || d.markdown != mine || !strings.Contains(p.View(), "Our own words.") {
		t.Fatalf("edit not kept:\n%s", p.View())
	}
	// An answer meant for another screen is not taken.
	h.send(EditedMsg{Tag: "someone else", Text: "not ours"})
	if p.docs[letters.KindRemediationPlan].markdown != mine {
		t.Error("another screen's edit was taken")
	}
	plan, _, _ := h.c.LatestPlan(context.Background(), id)
	if md, ok, _ := h.c.Store.EditedDocument(context.Background(), id, casefile.EditKey(letters.KindRemediationPlan, plan.ID)); !ok || md != mine {
		t.Errorf("kept edit in the store = %q, %v", md, ok)
	}

	// x offers the default path, editable; enter exports and records.
	h.press("x")
	if !p.Capturing() || p.exporting.Value(0) != "exports/harbor-dental-group-remediation-plan-2026-11-23.md" {
		t.Fatalf("export prompt: capturing %v", p.Capturing())
	}
	// The suggested path is selected: the path typed replaces it.
	out := filepath.Join(t.TempDir(), "plan.md")
	h.typeText(out)
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

// The preview scrolls with the navigation keys its help lists.
func TestPreviewScrollsWithTheKeys(t *testing.T) {
	h, _ := finishedPlan(t)
	h.press("ctrl+o")
	p := h.pushed[0].(*PlanPreview)
	h.screen = p
	p.SetSize(100, 12)
	h.run(p.Init())
	view := func() *MarkdownView { return p.docs[p.current()].view }
	for _, tc := range []struct {
		key  string
		want func(float64) bool
	}{
		{"G", func(pc float64) bool { return pc == 1 }},
		{"g", func(pc float64) bool { return pc == 0 }},
		{"j", func(pc float64) bool { return pc > 0 && pc < 1 }},
		{"k", func(pc float64) bool { return pc == 0 }},
		{"ctrl+d", func(pc float64) bool { return pc > 0 && pc < 1 }},
	} {
		h.press(tc.key)
		if pc := view().ScrollPercent(); !tc.want(pc) {
			t.Errorf("after %s the preview is at %.0f%%", tc.key, pc*100)
		}
	}
	var help []string
	for _, col := range p.FullHelp() {
		for _, b := range col {
			help = append(help, b.Help().Key)
		}
	}
	if got := strings.Join(help, " "); !strings.Contains(got, "g/home") || !strings.Contains(got, "G/end") {
		t.Errorf("full help %q does not list top and bottom", got)
	}
}
