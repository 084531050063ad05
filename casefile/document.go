package casefile

import (
	"context"

	"offboard/store"
)

// Export writes a rendered document to path and records it on its client
// (store.RecordExport).
func (d *Desk) Export(ctx context.Context, doc store.Document, path string) error {
	doc.ExportedPath = path
	_, err := d.Store.RecordExport(ctx, doc)
	return err
}
