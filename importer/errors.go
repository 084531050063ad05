package importer

import (
	"errors"
	"fmt"
)

// FieldError reports one value that could not be read. Its message names the
// file, the physical line where the record starts, the column and the value,
// in the form FILE:LINE: column "Due Date": cannot read "31/02/2024" as a date.
type FieldError struct {
	File   string
	Line   int
	Column string
	Value  string
	// What is the kind of value expected, such as "a date" or "an amount".
	What string
	// Reason, when set, explains a failure the value alone does not make
	// obvious, such as an ambiguous day/month order.
	Reason string
}

func (e *FieldError) Error() string {
	msg := fmt.Sprintf("%s:%d: column %q: cannot read %q as %s", e.File, e.Line, e.Column, e.Value, e.What)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg
}

// RowError reports a problem with a record as a whole, such as a missing
// required value or a client that cannot be identified.
type RowError struct {
	File string
	Line int
	// Column is empty when the problem is not tied to one column.
	Column string
	Msg    string
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: column %q: %s", e.File, e.Line, e.Column, e.Msg)
}

// errValue is the cause a value parser returns; the row parser wraps it in a
// FieldError that carries the file, line and column.
type errValue struct {
	what   string
	reason string
}

func (e *errValue) Error() string {
	if e.reason == "" {
		return "cannot read value as " + e.what
	}
	return "cannot read value as " + e.what + " (" + e.reason + ")"
}

func valueErr(what, reason string) error { return &errValue{what: what, reason: reason} }

// asFieldError places a value parser's error at a file, line and column.
func asFieldError(err error, file string, line int, column, value string) error {
	var ve *errValue
	if errors.As(err, &ve) {
		return &FieldError{File: file, Line: line, Column: column, Value: value, What: ve.what, Reason: ve.reason}
	}
	return &RowError{File: file, Line: line, Column: column, Msg: err.Error()}
}
