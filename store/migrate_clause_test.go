package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// A notice recorded before the clause was kept gets it back from its
// letter when the letter is in the standard wording (unescaped as the
// letter escaped it), is marked for cause by that wording or by a legal
// hold, and otherwise keeps the clause empty, to be asked for.
func TestMigrationReadsTheForCauseClauseBackFromTheLetter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "before.db")
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	at := slices.IndexFunc(names, func(n string) bool { return strings.HasSuffix(n, "_termination_clause.sql") })
	if at < 0 {
		t.Fatalf("no clause migration among %v", names)
	}
	letter := func(under, agreement, ending string) string {
		return "**Bluepeak**\n\n## Notice\n\nDear Pat,\n\nThis letter is our written notice, under " + under + " of the " +
			agreement + " dated Tuesday, 13 August 2024, that we are ending the agreement" + ending + " This letter gives 30 days.\n"
	}
	rows := []string{`INSERT INTO clients (id, name, name_key, created_at, updated_at) VALUES
            (1, 'Standard', 'standard', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
            (2, 'Escaped', 'escaped', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
            (3, 'Own wording', 'own wording', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
            (4, 'Ordinary', 'ordinary', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
            (5, 'Unnamed agreement', 'unnamed agreement', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`}
	docs := []struct {
		client    int
		markdown  string
		agreement string
		legalHold int
	}{
		{1, letter("§14.4 (termination for cause)", "Managed Services Agreement v3 (2023)", " for cause."), "Managed Services Agreement v3 (2023)", 1},
		{2, letter(`clause 14\_4 of the \*schedule\* \[cause\]`, "MSA", " for cause."), "MSA", 0},
		{3, "We end the MSA for cause under clause 9.\n", "MSA", 1},
		{4, letter("clause 11", "MSA", "."), "MSA", 0},
		{5, letter("clause 12", "MSA", " for cause."), "", 0},
	}
	for _, d := range docs {
		rows = append(rows,
			`INSERT INTO documents (id, client_id, kind, title, markdown, sha256, sent, created_at) VALUES (`+strconv.Itoa(d.client)+`, `+
				strconv.Itoa(d.client)+`, 'termination', 'Notice', '`+d.markdown+`', 'x', 1, '2026-11-16T09:00:00Z')`,
			`INSERT INTO terminations (client_id, document_id, sent_on, notice_days, effective_on, retention_until, created_at,
                agreement_name, legal_hold) VALUES (`+strconv.Itoa(d.client)+`, `+strconv.Itoa(d.client)+`, '2026-11-16', 30, '2026-12-16', '2027-01-15',
                '2026-11-16T09:00:00Z', '`+d.agreement+`', `+strconv.Itoa(d.legalHold)+`)`)
	}
	writeAtVersion(t, path, at, rows...)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tests := []struct {
		client   int64
		forCause bool
		clause   string
	}{
		{1, true, "§14.4 (termination for cause)"},
		{2, true, "clause 14_4 of the *schedule* [cause]"},
		{3, true, ""},
		{4, false, ""},
		{5, true, ""},
	}
	for _, tt := range tests {
		term, ok, err := s.LatestTermination(ctx, tt.client)
		if err != nil || !ok {
			t.Fatalf("client %d: no notice (%v)", tt.client, err)
		}
		if term.ForCause != tt.forCause || term.ForCauseClause != tt.clause {
			t.Errorf("client %d: for cause %v under %q; want %v under %q", tt.client, term.ForCause, term.ForCauseClause, tt.forCause, tt.clause)
		}
	}
}
