package casefile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"offboard/importer"
	"offboard/store"
)

// importUnchanged records an import without reading its rows when the
// store says it would repeat an earlier one exactly: the same file (by its
// SHA-256), read with the same options, into a database nothing it depends
// on has changed since (see store.ImportTx.Unchanged). Reading a million
// rows again only to find each one unchanged costs as much as importing
// them; hashing the file costs a fraction of a second. The import is still
// recorded, so the imports table keeps every import made. ok is false when
// the file must be read; r is then back at its start. A reader that cannot
// seek is always read.
func (d *Desk) importUnchanged(tx *store.ImportTx, file string, r io.Reader, opt ImportOptions) (res *ImportResult, ok bool, err error) {
	rs, seekable := r.(io.ReadSeeker)
	options := optionsFingerprint(opt)
	if !seekable || options == "" {
		return nil, false, nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, rs); err != nil {
		return nil, false, fmt.Errorf("import %s: %w", file, err)
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return nil, false, fmt.Errorf("import %s: %w", file, err)
	}
	digest := hex.EncodeToString(sum.Sum(nil))
	was, ok, err := tx.Unchanged(string(opt.Kind), digest, options)
	if err != nil || !ok {
		return nil, false, wrapImport(file, err)
	}
	res = &ImportResult{File: file, SHA256: digest, Kind: opt.Kind, Preset: was.Preset, Recognized: opt.Preset == nil,
		Rows: was.Rows, Records: was.Rows, Unchanged: was.Rows, PreviousImport: was.At,
		Parse: &importer.Summary{File: file, Kind: opt.Kind, Rows: was.Rows, Records: was.Rows},
		Notes: []string{"not read again: nothing the rows depend on has changed since the same file was imported with the same options"}}
	// The tables of a first import have their indexes dropped for the
	// load; Finish puts them back even when no row came.
	if _, err := tx.Finish(false); err != nil {
		return nil, false, wrapImport(file, err)
	}
	if opt.DryRun {
		return res, true, nil
	}
	if _, err := tx.Record(store.Import{Kind: string(opt.Kind), File: filepath.Base(file), SHA256: digest,
		Preset: was.Preset, Rows: was.Rows, Unchanged: was.Rows, At: tx.Now(), OptionsSHA256: options}); err != nil {
		return nil, false, wrapImport(file, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, false, wrapImport(file, err)
	}
	res.Written = true
	return res, true, nil
}

func wrapImport(file string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("import %s: %w", file, err)
}

// optionsFingerprint is the SHA-256 of everything in the options that
// decides what an import writes: every field, whatever fields the options
// gain, but the progress callback and DryRun, which write nothing of their
// own. It is "" when some value cannot be written out faithfully (a
// function, a structure nested too deep), and such an import is always
// read.
func optionsFingerprint(opt ImportOptions) string {
	opt.OnRecord, opt.DryRun = nil, false
	var b strings.Builder
	if !describe(&b, reflect.ValueOf(opt), 0) {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// describeDepth bounds how deep describe follows a value.
const describeDepth = 12

var stringer = reflect.TypeFor[fmt.Stringer]()

func asTime(v reflect.Value) (time.Time, bool) {
	if v.Type() != reflect.TypeFor[time.Time]() || !v.CanInterface() {
		return time.Time{}, false
	}
	return v.Interface().(time.Time), true
}

// describe writes a value out, following pointers, so that two values
// describe alike only when they are equal: a time zone or a compiled
// pattern as its String, a map's entries in sorted order. It reports false
// for a value it cannot describe.
func describe(b *strings.Builder, v reflect.Value, depth int) bool {
	if depth > describeDepth {
		return false
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return true
		}
		if v.Kind() == reflect.Pointer && v.Type().Implements(stringer) && v.CanInterface() {
			fmt.Fprintf(b, "%q", v.Interface().(fmt.Stringer).String())
			return true
		}
		return describe(b, v.Elem(), depth+1)
	case reflect.Struct:
		if t, ok := asTime(v); ok {
			// Its own fields hold a cache that changes as the time is used.
			b.WriteString(t.Format(time.RFC3339Nano) + " " + t.Location().String())
			return true
		}
		b.WriteString(v.Type().String() + "{")
		for i := range v.NumField() {
			b.WriteString(v.Type().Field(i).Name + ":")
			if !describe(b, v.Field(i), depth+1) {
				return false
			}
			b.WriteByte(' ')
		}
		b.WriteByte('}')
	case reflect.Slice, reflect.Array:
		b.WriteByte('[')
		for i := range v.Len() {
			if !describe(b, v.Index(i), depth+1) {
				return false
			}
			b.WriteByte(' ')
		}
		b.WriteByte(']')
	case reflect.Map:
		entries := make([]string, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			var e strings.Builder
			if !describe(&e, it.Key(), depth+1) {
				return false
			}
			e.WriteByte(':')
			if !describe(&e, it.Value(), depth+1) {
				return false
			}
			entries = append(entries, e.String())
		}
		sort.Strings(entries)
		b.WriteString("map[" + strings.Join(entries, " ") + "]")
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		if !v.IsNil() {
			return false
		}
		b.WriteString("nil")
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprint(b, v)
	}
	return true
}
