package importer

import "fmt"

// group is a record gathered from the rows that share a key: an invoice
// exported one row per line item, a remediation plan one row per item.
type group struct {
	key string
	// line and values are the first row's, for errors and a rejects file.
	line   int
	values []string
	// raw holds the columns every row of the group repeats, as first seen.
	raw map[string]string
	// acc accumulates what the rows add up to; finish makes the group's
	// record from it once all its rows are read.
	acc    any
	finish func() Record
}

// groups holds the groups of a file in the order first seen.
type groups struct {
	order []*group
	by    map[string]*group
}

func newGroups() *groups { return &groups{by: map[string]*group{}} }

// join finds the group a row belongs to, or starts one with start. A row of
// an existing group must repeat the group's columns (fields) as its first
// row had them; join reports the first that differs as a row error, naming
// the group as what and label, and returns nil.
func (p *rowParser) join(what, label, key string, fields []string, start func(g *group)) (g *group, first bool) {
	raw := map[string]string{}
	for _, f := range fields {
		if v, _, ok := p.raw(f); ok {
			raw[f] = v
		}
	}
	if g = p.groups.by[key]; g == nil {
		g = &group{key: key, line: p.row.Line, values: append([]string(nil), p.row.Values...), raw: raw}
		start(g)
		p.groups.by[key] = g
		p.groups.order = append(p.groups.order, g)
		return g, true
	}
	for _, f := range fields {
		if v, ok := raw[f]; ok && v != g.raw[f] {
			p.errs = append(p.errs, &RowError{File: p.file, Line: p.row.Line, Column: p.bind[f].header,
				Msg: fmt.Sprintf("%s %s has %q here but %q on line %d", what, label, v, g.raw[f], g.line)})
			return nil, false
		}
	}
	return g, false
}
