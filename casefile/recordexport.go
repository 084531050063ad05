package casefile

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"offboard/letters"
)

// recordNouns name each covered table's rows in a client's record.
var recordNouns = map[string]string{
	"clients": "client and agreement", "decisions": "decision", "communications": "communication",
	"documents": "document", "incidents": "incident", "terminations": "notice of termination",
	"checklist_steps": "offboarding step", "purges": "disposal of personal data",
}

var recordVerbs = map[string]string{"insert": "recorded", "update": "changed", "delete": "removed"}

// ClientRecord writes out a client's whole history for a dispute: where it
// stands and its red flags, every entry of the record in order with its
// hash, and the result of verifying the whole record.
func (d *Desk) ClientRecord(ctx context.Context, clientID int64) (string, Verification, error) {
	v, err := d.Verify(ctx)
	if err != nil {
		return "", v, err
	}
	p, err := d.Assess(ctx)
	if err != nil {
		return "", v, err
	}
	entries, err := d.Store.ClientLedger(ctx, clientID)
	if err != nil {
		return "", v, err
	}
	in := letters.RecordInput{GeneratedAt: d.Now().UTC().Format("Monday, 2 January 2006 at 15:04 UTC"), Verified: v.OK(),
		Verification: verificationWords(v)}
	for _, a := range p.Assessments {
		if a.Client.ID != clientID {
			continue
		}
		in.Client = a.Client.Name
		in.Standing = fmt.Sprintf("Score %d of 100; recommendation in force: %s.", a.Score, a.Recommendation.Title())
		for _, f := range a.Flags {
			in.Flags = append(in.Flags, letters.RecordFlag{Title: f.Title, Evidence: f.Evidence})
		}
	}
	for _, e := range entries {
		fields, err := orderedFields(e.Content)
		if err != nil && !e.Purged {
			return "", v, fmt.Errorf("record entry %d: %w", e.Seq, err)
		}
		in.Entries = append(in.Entries, letters.RecordEntry{Seq: e.Seq, SealedAt: e.SealedAt, Purged: e.Purged, Hash: e.EntrySHA256,
			What:   fmt.Sprintf("%s %d %s", strings.ToUpper(recordNouns[e.RefTable][:1])+recordNouns[e.RefTable][1:], e.RefID, recordVerbs[e.Action]),
			Fields: fields})
	}
	return letters.Record(in), v, nil
}

// verificationWords says what verify found, in a sentence.
func verificationWords(v Verification) string {
	if v.OK() {
		return fmt.Sprintf("All %d entries of the database's record are sealed and chained, and %d exported documents were checked.", v.Entries, v.Documents)
	}
	return fmt.Sprintf("%d problems were found; the first: %s.", len(v.Problems), v.Problems[0].What)
}

// orderedFields reads an entry's canonical content, a JSON object, as
// name-value pairs in the order recorded, leaving out empty values.
func orderedFields(content string) ([][2]string, error) {
	if content == "" {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(content))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var out [][2]string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		var val string
		if err := json.Unmarshal(raw, &val); err != nil {
			val = string(bytes.TrimSpace(raw))
		}
		if val == "" || val == "null" {
			continue
		}
		out = append(out, [2]string{strings.ReplaceAll(fmt.Sprint(k), "_", " "), val})
	}
	return out, nil
}
