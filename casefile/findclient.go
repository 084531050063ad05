package casefile

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"offboard/importer"
	"offboard/store"
)

// AmbiguousClientError reports a client name that matches several clients.
type AmbiguousClientError struct {
	Query      string
	Candidates []store.Client
}

func (e *AmbiguousClientError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		names[i] = c.Name
	}
	return fmt.Sprintf("%q matches %d clients: %s; be more specific", e.Query, len(e.Candidates), strings.Join(names, ", "))
}

// FindClient resolves what a person typed to one client: an exact external
// id, an exact name as clients are matched (importer.NormalizeName), or else
// the one name containing it. Several matches give an *AmbiguousClientError
// listing them; none gives an error wrapping store.ErrNoClient that names
// the closest clients, so a typo is one step from the right command.
func (d *Desk) FindClient(ctx context.Context, query string) (store.Client, error) {
	all, err := d.Store.Clients(ctx)
	if err != nil {
		return store.Client{}, err
	}
	key := importer.NormalizeName(query)
	var contains []store.Client
	for _, c := range all {
		name := importer.NormalizeName(c.Name)
		if (c.ExternalID != "" && c.ExternalID == query) || name == key {
			return c, nil
		}
		if key != "" && strings.Contains(name, key) {
			contains = append(contains, c)
		}
	}
	switch len(contains) {
	case 1:
		return contains[0], nil
	case 0:
		return store.Client{}, noClient(query, key, all)
	default:
		return store.Client{}, &AmbiguousClientError{Query: query, Candidates: contains}
	}
}

// noClient is the error for a query matching nothing, suggesting up to five
// names within a few typing mistakes of it.
func noClient(query, key string, all []store.Client) error {
	type scored struct {
		name string
		d    int
	}
	var near []scored
	for _, cl := range all {
		name := importer.NormalizeName(cl.Name)
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
		return fmt.Errorf("no client matches %q: %w; 'offboard score' lists them", query, store.ErrNoClient)
	}
	sort.SliceStable(near, func(i, j int) bool { return near[i].d < near[j].d })
	names := make([]string, 0, 5)
	for _, n := range near[:min(len(near), 5)] {
		names = append(names, n.name)
	}
	return fmt.Errorf("no client matches %q: %w; did you mean: %s", query, store.ErrNoClient, strings.Join(names, ", "))
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
