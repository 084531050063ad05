// Package importer reads the CSV exports of the tools an MSP already uses
// (PSA, helpdesk, time tracker, invoicing) and turns them into typed records.
//
// Parsing is pure: it reads bytes and returns records or precise errors that
// name the file, the physical line, the column and the value. Writing the
// records to the database is a separate step.
package importer
