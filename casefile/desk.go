// Package casefile holds the use cases of offboard: the owner's work on a
// client's case, from assessing the portfolio through the remediation plan,
// the letter, the offboarding checklist and the post-mortem, with the record
// kept of each. It sits between the store, which only reads and writes rows,
// and the two front ends (cli and tui), which only turn flags or keys into
// calls here and results into text. Scoring and letters stay pure; this
// package translates rows into their inputs and their outputs into rows.
package casefile

import (
	"time"

	"offboard/letters"
	"offboard/store"
)

// Desk is one owner's desk over one database: the store, the scoring
// configuration file layered under the database's settings, the document
// renderer and the clock. Both front ends build one and call its methods;
// it holds no state of its own between calls.
type Desk struct {
	// Store is the open database.
	Store *store.Store
	// ConfigFile is the scoring configuration file's contents as read at
	// start (nil when there is none); the database's settings are layered
	// over it on every call, so a change made in the workbench counts at once.
	ConfigFile []byte
	// ConfigPath names the configuration file, for messages; "" when none.
	ConfigPath string
	// Letters renders the documents, with the owner's template folder applied.
	Letters *letters.Renderer
	// Now is the clock; time.Now in the program, fixed in tests.
	Now func() time.Time
	// AsOf, when set, is the last day of history an archive is judged on:
	// the assessment is made as the portfolio stood at the end of that day,
	// and nothing dated after it counts. Zero judges the portfolio as of
	// now, and a demo portfolio as of its own last day.
	AsOf time.Time
}
