package store

import (
	"context"
	"database/sql"
	"fmt"
)

// batchRows is how many rows one multi-row INSERT writes (see valueRows):
// a statement costs far more than a row in pure-Go SQLite, and 100 rows of
// 13 values stay well inside SQLite's limit on parameters.
const batchRows = 100

// queuedBatches is how many batches may wait for the inserting goroutine.
// The reader works in bursts: a time import stops every thousand entries
// to look their tickets up, then queues them all at once. With room for
// two batches, the inserter idled through each lookup and the reader then
// waited for it, which cost a million-entry import two seconds each way;
// 32 batches of 100 rows cover a burst.
const queuedBatches = 32

// batchTable is what a table written in batches tells rowBatch: its
// multi-row INSERT, the natural key by which the rows a statement inserted
// are told from those whose key was taken, and how those are settled.
// Q is a row as queued, with its values as stored.
type batchTable[Q any] interface {
	// name is the table's name.
	name() string
	// insert is an INSERT of n rows that skips those whose key is taken.
	insert(n int) string
	// args appends the row's values in the order of insert's columns.
	args(q *Q, args []any) []any
	// key is the row's natural key, as insertedSince returns it.
	key(q *Q) string
	// line is where the row is in its file.
	line(q *Q) int
	// insertedSince returns the keys of the rows with ids above id.
	insertedSince(t *ImportTx, id int64) (map[string]bool, error)
	// settle writes, in file order, the rows whose key was taken: those
	// unchanged are only counted. Their shares of the roll-up, added when
	// they were queued, are taken back in back, and the clients of those
	// updated are marked dirty there.
	settle(t *ImportTx, back *MonthSums, taken []*Q) error
}

// batcher is a rowBatch whatever its row type, as ImportTx ends it.
type batcher interface {
	// flush sends the rows still queued, waits until every one is written
	// and returns the roll-up's corrections.
	flush() (*MonthSums, error)
	// finish waits for the inserting goroutine; it may be called more than
	// once.
	finish() error
}

// queuedRows is a batch of rows with the statement's arguments.
type queuedRows[Q any] struct {
	rows []Q
	args []any
}

// rowBatch queues rows and hands them a batch at a time to a goroutine
// that inserts them, so that reading the file and writing the database take
// a core each: the reader does all it can before a batch leaves (checks,
// arguments, the roll-up's sums, as if every row were new). Until the
// batches are finished, the inserting goroutine alone uses the ImportTx's
// prepared statements and counts, and keeps its own roll-up corrections in
// back; the transaction serialises its statements with the reader's
// (clients added by CreateClient, ticket lookups).
type rowBatch[Q any] struct {
	t     *ImportTx
	table batchTable[Q]
	// fullInsert is the statement of a full batch, built once.
	fullInsert string
	// next is the batch being filled by the reader.
	next *queuedRows[Q]
	// full carries batches to the inserting goroutine, up to
	// queuedBatches of them; spare brings them back for reuse.
	full, spare chan *queuedRows[Q]
	back        *MonthSums
	// failed is closed when an insert fails, done when the goroutine ends;
	// err is set before either.
	failed, done chan struct{}
	err          error
	finished     bool
	// lastID is the highest id of the table before the next batch: SQLite
	// numbers new rows upwards from the highest id, so the rows a batch
	// inserted are those above it.
	lastID int64
}

// startBatch starts the inserting goroutine of an import's table.
func startBatch[Q any](ctx context.Context, t *ImportTx, table batchTable[Q]) (*rowBatch[Q], error) {
	b := &rowBatch[Q]{t: t, table: table, fullInsert: table.insert(batchRows), next: newQueuedRows[Q](),
		full: make(chan *queuedRows[Q], queuedBatches), spare: make(chan *queuedRows[Q], queuedBatches+2), back: NewMonthSums(),
		failed: make(chan struct{}), done: make(chan struct{})}
	if err := t.tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM "+table.name()).Scan(&b.lastID); err != nil {
		return nil, fmt.Errorf("read %s: %w", table.name(), err)
	}
	go b.run()
	return b, nil
}

func newQueuedRows[Q any]() *queuedRows[Q] {
	return &queuedRows[Q]{rows: make([]Q, 0, batchRows), args: make([]any, 0, 13*batchRows)}
}

// queue adds a row to the batch being filled and sends the batch when it
// is full: an error may be that of an earlier batch.
func (b *rowBatch[Q]) queue(q Q) error {
	next := b.next
	next.rows = append(next.rows, q)
	next.args = b.table.args(&next.rows[len(next.rows)-1], next.args)
	if len(next.rows) == batchRows {
		return b.send()
	}
	return nil
}

// send hands the queued rows to the inserting goroutine.
func (b *rowBatch[Q]) send() error {
	if len(b.next.rows) == 0 {
		return nil
	}
	select {
	case b.full <- b.next:
	case <-b.failed:
		return b.err
	}
	select {
	case b.next = <-b.spare:
	default:
		b.next = newQueuedRows[Q]()
	}
	return nil
}

// run is the inserting goroutine. After a failure it only drains the
// batches, so the reader never blocks.
func (b *rowBatch[Q]) run() {
	defer close(b.done)
	for batch := range b.full {
		if b.err == nil {
			if b.err = b.insert(batch); b.err != nil {
				close(b.failed)
			}
		}
		clear(batch.rows)
		batch.rows, batch.args = batch.rows[:0], batch.args[:0]
		select {
		case b.spare <- batch:
		default:
		}
	}
}

func (b *rowBatch[Q]) finish() error {
	if !b.finished {
		b.finished = true
		close(b.full)
		<-b.done
	}
	return b.err
}

func (b *rowBatch[Q]) flush() (*MonthSums, error) {
	if err := b.send(); err != nil {
		return nil, err
	}
	if err := b.finish(); err != nil {
		return nil, err
	}
	return b.back, nil
}

// insert inserts a batch in one statement, then settles the rows whose
// natural key was already taken, in file order, so the outcome is that of
// writing the rows one by one.
func (b *rowBatch[Q]) insert(batch *queuedRows[Q]) error {
	t, rows := b.t, batch.rows
	query := b.fullInsert
	if len(rows) < batchRows {
		query = b.table.insert(len(rows))
	}
	st, err := t.stmt(query)
	if err != nil {
		return err
	}
	lines := fmt.Sprintf("lines %d-%d", b.table.line(&rows[0]), b.table.line(&rows[len(rows)-1]))
	res, err := st.ExecContext(t.ctx, batch.args...)
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	var fresh map[string]bool
	if int(n) < len(rows) {
		if fresh, err = b.table.insertedSince(t, b.lastID); err != nil {
			return fmt.Errorf("%s: %w", lines, err)
		}
	}
	if n > 0 {
		if b.lastID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("%s: %w", lines, err)
		}
	}
	var taken []*Q
	for i := range rows {
		q := &rows[i]
		// Of rows sharing a key, the first was inserted; the rest update it.
		if k := b.table.key(q); fresh == nil || fresh[k] {
			delete(fresh, k)
			t.count(inserted)
			continue
		}
		taken = append(taken, q)
	}
	if len(taken) == 0 {
		return nil
	}
	if err := b.table.settle(t, b.back, taken); err != nil {
		return fmt.Errorf("%s: %w", lines, err)
	}
	return nil
}

// Flush writes the rows still queued and waits until every one is written
// and counted.
func (t *ImportTx) Flush() error {
	t.endLookups()
	if t.batch == nil {
		return nil
	}
	back, err := t.batch.flush()
	if err != nil {
		return err
	}
	t.roll.merge(back)
	return nil
}

// keysAbove returns the keys, as key reads them from a row of query's
// columns, of the rows query selects with ids above id.
func keysAbove(t *ImportTx, query string, id int64, key func(*sql.Rows) (string, error)) (map[string]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, query, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		k, err := key(rows)
		if err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}
