package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// tree lists the files and folders under root, relative to it, sorted.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestProvisionalDatabase(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// before makes what is there before the open, under root.
		before func(t *testing.T, root string)
		// during runs on the open store before it is closed.
		during func(t *testing.T, s *Store, root string)
		want   []string
	}{
		{
			name: "created and left unwritten: removed with the folders made for it",
			want: nil,
		},
		{
			name: "created and written in: kept",
			during: func(t *testing.T, s *Store, _ string) {
				addClient(t, s, "Acme Dental")
			},
			want: []string{"data", "data/offboard", "data/offboard/o.db"},
		},
		{
			name: "a folder that was there already stays",
			before: func(t *testing.T, root string) {
				if err := os.Mkdir(filepath.Join(root, "data"), 0o700); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"data"},
		},
		{
			name: "a made folder that was given another file meanwhile stays",
			during: func(t *testing.T, _ *Store, root string) {
				if err := os.WriteFile(filepath.Join(root, "data", "notes.txt"), []byte("mine"), 0o600); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"data", "data/notes.txt"},
		},
		{
			name: "an empty file that was there is never removed",
			before: func(t *testing.T, root string) {
				if err := os.MkdirAll(filepath.Join(root, "data", "offboard"), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(root, "data", "offboard", "o.db"), nil, 0o600); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{"data", "data/offboard", "data/offboard/o.db"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.before != nil {
				tt.before(t, root)
			}
			s, err := Open(ctx, filepath.Join(root, "data", "offboard", "o.db"), Provisional())
			if err != nil {
				t.Fatal(err)
			}
			if tt.during != nil {
				tt.during(t, s, root)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got := tree(t, root); !sameList(got, tt.want) {
				t.Errorf("left %q, want %q", got, tt.want)
			}
		})
	}
}

// A database that was there before a provisional open is kept byte for
// byte, even with nothing in it.
func TestProvisionalKeepsAnExistingDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), path, Provisional())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertUntouched(t, path, before)
}

// An open that fails after making the file takes away what it made.
func TestFailedOpenRemovesWhatItMade(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(root, "new", "o.db")
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("an open with a cancelled context succeeded")
	}
	if _, err := os.Stat(filepath.Join(root, "new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed open left %q", tree(t, root))
	}
}

// A new database another process has open stays when the one that made it
// closes without writing: the other may write in it yet.
func TestProvisionalKeepsADatabaseOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "o.db")
	maker, err := Open(ctx, path, Provisional())
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, path, Provisional())
	if err != nil {
		t.Fatal(err)
	}
	if err := maker.Close(); err != nil {
		t.Fatal(err)
	}
	addClient(t, other, "Acme Dental")
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, ReadOnly())
	if err != nil {
		t.Fatalf("the database open elsewhere was removed: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM clients").Scan(&n); err != nil || n != 1 {
		t.Errorf("clients = %d, %v; want the one the other process wrote", n, err)
	}
}
