package importer

import (
	"fmt"
	"sort"
	"strings"
)

// RowFilter selects the rows of a file a mapping reads, for exports that
// mix what offboard needs with what it does not: a general-ledger export
// whose invoices are the lines of the "Accounts Receivable" account, a
// transaction list holding invoices, credit notes and journal entries. In
// a mapping file:
//
//	"only": {"Account": "Accounts Receivable", "Type": ["Invoice", "Bill"]},
//	"skip": {"Status": "Deleted"}
//
// A row is read when every column named under "only" holds one of the
// values listed for it, and no column named under "skip" holds one of
// its. Values compare ignoring case and surrounding spaces; "" matches a
// blank cell. The rows left out are counted in the summary, never
// reported as errors.
type RowFilter struct {
	Only map[string][]string
	Skip map[string][]string
}

// columns lists the columns the filter reads, sorted.
func (f *RowFilter) columns() []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, m := range []map[string][]string{f.Only, f.Skip} {
		for c := range m {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// String describes the filter as the summary shows it.
func (f *RowFilter) String() string {
	var parts []string
	for _, rule := range []struct {
		m    map[string][]string
		verb string
	}{{f.Only, "only"}, {f.Skip, "skipping"}} {
		cols := make([]string, 0, len(rule.m))
		for c := range rule.m {
			cols = append(cols, c)
		}
		sort.Strings(cols)
		for _, c := range cols {
			parts = append(parts, fmt.Sprintf("%s %s %s", rule.verb, c, quoteList(rule.m[c])))
		}
	}
	return strings.Join(parts, ", ")
}

// filterRule is one column of a filter placed in the header.
type filterRule struct {
	index  int
	values []string
}

// boundFilter is a RowFilter placed in a file's header.
type boundFilter struct {
	only, skip []filterRule
}

// bindFilter places a filter's columns in a header, exactly as the mapping
// names them; a column the header lacks is an error, since a filter that
// reads nothing would let every row through.
func bindFilter(file string, f *RowFilter, header []string) (*boundFilter, error) {
	if f == nil {
		return nil, nil
	}
	idx := indexHeader(header)
	place := func(m map[string][]string) ([]filterRule, error) {
		var out []filterRule
		for _, col := range sortedKeys(m) {
			i := -1
			for j, h := range header {
				if h == col {
					i = j
					break
				}
			}
			if at := idx.pos[NormalizeHeader(col)]; i < 0 && len(at) == 1 {
				i = at[0]
			}
			if i < 0 {
				return nil, fmt.Errorf("%s: the mapping's filter reads column %q, which the header lacks; the header has %s", file, col, quoteList(header))
			}
			out = append(out, filterRule{index: i, values: m[col]})
		}
		return out, nil
	}
	only, err := place(f.Only)
	if err != nil {
		return nil, err
	}
	skip, err := place(f.Skip)
	if err != nil {
		return nil, err
	}
	return &boundFilter{only: only, skip: skip}, nil
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// keep reports whether the filter lets a row through.
func (b *boundFilter) keep(values []string) bool {
	if b == nil {
		return true
	}
	for _, r := range b.only {
		if !r.matches(values) {
			return false
		}
	}
	for _, r := range b.skip {
		if r.matches(values) {
			return false
		}
	}
	return true
}

func (r filterRule) matches(values []string) bool {
	v := ""
	if r.index < len(values) {
		v = strings.TrimSpace(values[r.index])
	}
	for _, want := range r.values {
		if strings.EqualFold(v, strings.TrimSpace(want)) {
			return true
		}
	}
	return false
}

// indexes lists the columns the filter reads.
func (b *boundFilter) indexes() []int {
	if b == nil {
		return nil
	}
	var out []int
	for _, r := range append(append([]filterRule(nil), b.only...), b.skip...) {
		out = append(out, r.index)
	}
	return out
}
