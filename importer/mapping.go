package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
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
//
// A field given a list of columns reads, row by row, the first of them
// that holds a value. "only" and "skip" select rows (see RowFilter). For a
// JSON export the columns are dotted paths into each record
// ("company.name"), and "records" names the array holding the records
// when an object wraps it ("tickets" in HaloPSA's {"tickets": [...]}).
type Mapping struct {
	Kind          Kind                `json:"kind"`
	Columns       map[string]textList `json:"columns"`
	DateOrder     string              `json:"date_order,omitempty"`
	Currency      string              `json:"currency,omitempty"`
	ClientDomains map[string]string   `json:"client_domains,omitempty"`
	Only          map[string]textList `json:"only,omitempty"`
	Skip          map[string]textList `json:"skip,omitempty"`
	Records       string              `json:"records,omitempty"`
}

// textList accepts one text or a list of them: a field's column and its
// fallbacks, a filter's values.
type textList []string

func (c *textList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*c = textList{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("a column or a filter value must be a text or a list of texts, not %s", bytes.TrimSpace(b))
	}
	*c = many
	return nil
}

// ReadMapping reads and checks a mapping file.
// A mapping file is read in every encoding an export is: Notepad and
// PowerShell on Windows save JSON with a byte-order mark, or as UTF-16.
func ReadMapping(name string, r io.Reader) (*Mapping, error) {
	t, err := decodeText(name, r)
	if err != nil {
		return nil, fmt.Errorf("read mapping %s: %w", name, err)
	}
	data, err := io.ReadAll(t.r)
	if err != nil {
		return nil, fmt.Errorf("read mapping %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Mapping
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("mapping %s: %s", name, mappingJSONError(data, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("mapping %s: more follows the mapping's closing brace; a file holds one mapping", name)
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
	for _, rule := range []map[string]textList{m.Only, m.Skip} {
		for col, values := range rule {
			if len(values) == 0 {
				return nil, fmt.Errorf("mapping %s: the filter on column %q lists no value", name, col)
			}
		}
	}
	if len(m.Columns) == 0 {
		if m.Records != "" {
			return nil, fmt.Errorf("mapping %s: \"records\" reads a JSON file, which needs \"columns\" naming our fields by path", name)
		}
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

// mappingKeys are the keys a mapping file may hold, for the message about
// one it may not.
const mappingKeys = "kind, columns, records, only, skip, date_order, currency, client_domains"

// mappingJSONError says where and how a mapping file is not the JSON of a
// mapping, in the words of the file rather than of the decoder's types.
func mappingJSONError(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return "the file is empty; a mapping is a JSON object such as {\"kind\": \"time\", \"columns\": {...}}"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends too early: a brace or a quote is not closed"
	case errors.As(err, &syntax):
		// The decoder stops just after the byte it could not take.
		line, col := lineColumn(data, syntax.Offset-1)
		return fmt.Sprintf("line %d, column %d: not valid JSON: %v", line, col, syntax)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Sprintf("the file holds %s; a mapping is a JSON object such as {\"kind\": \"time\", \"columns\": {...}}", jsonArticle(typ.Value))
	case errors.As(err, &typ):
		line, _ := lineColumn(data, typ.Offset)
		return fmt.Sprintf("line %d: %q must be %s, not %s", line, typ.Field, jsonWant(typ.Type), jsonArticle(typ.Value))
	}
	if key, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Sprintf("unknown key %s; a mapping's keys are %s", key, mappingKeys)
	}
	return err.Error()
}

// jsonArticle names a JSON value's kind as the decoder's type errors give
// it ("number", "array") with its article.
func jsonArticle(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	case "bool":
		return "true or false"
	}
	return "a " + kind
}

// jsonWant names what a mapping's key must hold, for its Go type.
func jsonWant(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}

// lineColumn gives the line and column, from 1, of the byte at offset.
func lineColumn(data []byte, offset int64) (line, col int) {
	offset = max(0, min(offset, int64(len(data))))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// Preset turns the mapping into a preset named after its file, or returns
// nil for a mapping without columns.
func (m *Mapping) Preset(name string) *Preset {
	if len(m.Columns) == 0 {
		return nil
	}
	order, _ := ParseDateOrder(m.DateOrder)
	p := &Preset{Name: "map:" + name, Tool: "mapping file", Kind: m.Kind, DateOrder: order, ClientDomains: m.ClientDomains,
		Records: parseJSONPath(m.Records), exactNames: true}
	for _, f := range Fields(m.Kind) {
		if cols := m.Columns[f.Name]; len(cols) > 0 {
			p.Columns = append(p.Columns, Column{Field: f.Name, Names: cols, Required: f.Required})
		}
	}
	return p
}

// Filter returns the mapping's row filter, or nil when it has none.
func (m *Mapping) Filter() *RowFilter {
	if len(m.Only) == 0 && len(m.Skip) == 0 {
		return nil
	}
	f := &RowFilter{Only: map[string][]string{}, Skip: map[string][]string{}}
	for col, v := range m.Only {
		f.Only[col] = v
	}
	for col, v := range m.Skip {
		f.Skip[col] = v
	}
	return f
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
	return mappingExample(k, func(field string) string { return "Your column for " + field })
}

// mappingExample is MappingExample with each field's column named by
// placeholder.
func mappingExample(k Kind, placeholder func(field string) string) string {
	cols := map[string]string{}
	for _, f := range Fields(k) {
		if f.Required || f.Name == "client" {
			cols[f.Name] = placeholder(f.Name)
		}
	}
	if oneOf := kindOneOf[k]; len(oneOf) > 0 {
		cols[oneOf[0]] = placeholder(oneOf[0])
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
