package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Mapping is the content of a --map file: which of the user's columns holds
// each of our fields, and how to read the file. A mapping without columns
// only sets how to read: the preset is still recognised from the header,
// which suits osTicket, whose clients come from client_domains. For example:
//
//	{
//	  "kind": "time",
//	  "columns": {"date": "Work Day", "hours": ["Time", "Duration"], "client": "Customer"},
//	  "date_order": "dmy",
//	  "currency": "EUR",
//	  "client_domains": {"acme.example": "Acme Inc."}
//	}
type Mapping struct {
	Kind          Kind                 `json:"kind"`
	Columns       map[string]columnSet `json:"columns"`
	DateOrder     string               `json:"date_order,omitempty"`
	Currency      string               `json:"currency,omitempty"`
	ClientDomains map[string]string    `json:"client_domains,omitempty"`
}

// columnSet accepts one column name or a list of alternatives.
type columnSet []string

func (c *columnSet) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*c = columnSet{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("a column must be a name or a list of names")
	}
	*c = many
	return nil
}

// ReadMapping reads and checks a mapping file.
func ReadMapping(name string, r io.Reader) (*Mapping, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read mapping %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Mapping
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("mapping %s: %w", name, err)
	}
	if _, err := ParseKind(string(m.Kind)); err != nil {
		return nil, fmt.Errorf("mapping %s: %w", name, err)
	}
	if _, err := ParseDateOrder(m.DateOrder); err != nil {
		return nil, fmt.Errorf("mapping %s: %w", name, err)
	}
	for field, cols := range m.Columns {
		if _, ok := fieldByName(m.Kind, field); !ok {
			return nil, fmt.Errorf("mapping %s: %s has no field %q (fields: %s)", name, m.Kind, field, fieldNames(m.Kind))
		}
		if len(cols) == 0 {
			return nil, fmt.Errorf("mapping %s: field %q names no column", name, field)
		}
	}
	if len(m.Columns) == 0 {
		return &m, nil
	}
	for _, f := range Fields(m.Kind) {
		if f.Required && len(m.Columns[f.Name]) == 0 {
			return nil, fmt.Errorf("mapping %s: required field %q is not mapped", name, f.Name)
		}
	}
	if missing := missingOneOf(m.Kind, func(f string) bool { return len(m.Columns[f]) > 0 }); missing != nil {
		return nil, fmt.Errorf("mapping %s: required field %q (or one of %s) is not mapped", name, missing[0], strings.Join(missing[1:], ", "))
	}
	return &m, nil
}

// Preset turns the mapping into a preset named after its file, or returns
// nil for a mapping without columns.
func (m *Mapping) Preset(name string) *Preset {
	if len(m.Columns) == 0 {
		return nil
	}
	order, _ := ParseDateOrder(m.DateOrder)
	p := &Preset{Name: "map:" + name, Tool: "mapping file", Kind: m.Kind, DateOrder: order, ClientDomains: m.ClientDomains, exactNames: true}
	for _, f := range Fields(m.Kind) {
		if cols := m.Columns[f.Name]; len(cols) > 0 {
			p.Columns = append(p.Columns, Column{Field: f.Name, Names: cols, Required: f.Required})
		}
	}
	return p
}

func fieldNames(k Kind) string {
	var names []string
	for _, f := range Fields(k) {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// MappingExample returns a mapping file for a kind with every required field
// and a few common ones, to show the user what to write.
func MappingExample(k Kind) string {
	cols := map[string]string{}
	for _, f := range Fields(k) {
		if f.Required || f.Name == "client" {
			cols[f.Name] = "Your column for " + f.Name
		}
	}
	if oneOf := kindOneOf[k]; len(oneOf) > 0 {
		cols[oneOf[0]] = "Your column for " + oneOf[0]
	}
	keys := make([]string, 0, len(cols))
	for k := range cols {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "    {\n      \"kind\": %q,\n      \"columns\": {\n", k)
	for i, key := range keys {
		sep := ","
		if i == len(keys)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "        %q: %q%s\n", key, cols[key], sep)
	}
	b.WriteString("      }\n    }")
	return b.String()
}
