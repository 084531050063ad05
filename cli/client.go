package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"offboard/casefile"
	"offboard/store"
	"offboard/textsafe"
)

// openClient opens the database and finds the client named; the caller
// closes the store.
func openClient(ctx context.Context, env Env, db *storeFlags, fs *flag.FlagSet, name string) (*store.Store, store.Client, error) {
	st, err := db.open(ctx, env, fs)
	if err != nil {
		return nil, store.Client{}, err
	}
	cl, err := findClient(ctx, st, name)
	if err != nil {
		st.Close()
		return nil, store.Client{}, err
	}
	return st, cl, nil
}

// openDesk opens the database and finds the client named, with a desk
// whose renderer applies the owner's templates; the caller closes the
// desk's store.
func openDesk(ctx context.Context, env Env, db *storeFlags, fs *flag.FlagSet, name string) (*casefile.Desk, store.Client, error) {
	r, err := newRenderer(env)
	if err != nil {
		return nil, store.Client{}, err
	}
	st, cl, err := openClient(ctx, env, db, fs, name)
	if err != nil {
		return nil, store.Client{}, err
	}
	return &casefile.Desk{Store: st, Letters: r, Now: env.Now}, cl, nil
}

// emitDocument prints a rendered document when path is "-", or otherwise
// writes it to path and records it on the client (casefile.Desk.Export).
func emitDocument(ctx context.Context, env Env, desk *casefile.Desk, doc store.Document, path string) error {
	if path == "-" {
		_, err := fmt.Fprint(env.Stdout, textsafe.Text(doc.Markdown))
		return err
	}
	return desk.Export(ctx, doc, path)
}

// findClient resolves a client named on the command line. A name matching
// nothing gets the closest names as suggestions; one matching several lists
// them (store.AmbiguousClientError).
func findClient(ctx context.Context, st *store.Store, query string) (store.Client, error) {
	c, err := st.FindClient(ctx, query)
	if !errors.Is(err, store.ErrNoClient) {
		return c, err
	}
	all, lerr := st.Clients(ctx)
	if lerr != nil || len(all) == 0 {
		return c, err
	}
	key := store.NormalizeName(query)
	type scored struct {
		name string
		d    int
	}
	var near []scored
	for _, cl := range all {
		name := store.NormalizeName(cl.Name)
		d := editDistance(key, name)
		// Also compare with the name cut to the query's length, so "harbr"
		// finds "Harbor Dental Group" as well as a full misspelling does.
		if len(name) > len(key) {
			d = min(d, editDistance(key, name[:len(key)]))
		}
		if d <= max(2, len(key)/3) {
			near = append(near, scored{cl.Name, d})
		}
	}
	if len(near) == 0 {
		return c, fmt.Errorf("no client matches %q: %w; 'offboard score' lists them", query, store.ErrNoClient)
	}
	sort.SliceStable(near, func(i, j int) bool { return near[i].d < near[j].d })
	names := make([]string, 0, 5)
	for _, n := range near[:min(len(near), 5)] {
		names = append(names, textsafe.Line(n.name))
	}
	return c, fmt.Errorf("no client matches %q: %w; did you mean: %s", query, store.ErrNoClient, strings.Join(names, ", "))
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
