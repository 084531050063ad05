package casefile

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"offboard/importer"
	"offboard/money"
)

// ExportKind writes every record of a kind as CSV in the generic offboard
// format, which Import reads back to the same records, and returns how many
// records it wrote. A clientID other than 0 writes only that client's
// records, for the handoff of a departing client's data (seed 001).
func (d *Desk) ExportKind(ctx context.Context, k importer.Kind, w io.Writer, clientID int64) (int, error) {
	fields := importer.ExportFields(k)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.Name
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return 0, fmt.Errorf("export %s: %w", k, err)
	}
	n, err := d.Store.ExportRows(ctx, string(k), clientID, func(values []string) error {
		if err := cw.Write(exportRow(k, values)); err != nil {
			return fmt.Errorf("export %s: %w", k, err)
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// exportRow turns a stored row into the generic format's values: money
// in units, flags as words, instants in the zone they were opened in.
func exportRow(k importer.Kind, v []string) []string {
	flag := func(s string) string {
		if s == "1" {
			return "true"
		}
		return "false"
	}
	switch k {
	case importer.KindClients:
		v[7] = money.Plain(parseInt64(v[7]), v[8])
	case importer.KindTickets:
		v[3] = inZone(v[3], v[4])
		v = append(v[:4], v[5:]...)
		v[8], v[9] = flag(v[8]), flag(v[9])
	case importer.KindTime:
		v[6] = flag(v[6])
	case importer.KindInvoices:
		v[6] = money.Plain(parseInt64(v[6]), v[8])
		v[7] = money.Plain(parseInt64(v[7]), v[8])
	case importer.KindPayments:
		v[5] = money.Plain(parseInt64(v[5]), v[6])
	case importer.KindSecurity:
		// A part no report gave stays blank: unknown, not 0%.
		for _, i := range []int{3, 4} {
			if v[i] != "" {
				v[i] += "%"
			}
		}
	case importer.KindUpgrades:
		// The estimate is in the client's currency, which the file does
		// not repeat.
		v[7] = money.Plain(parseInt64(v[7]), v[8])
		v = append(v[:8], v[9])
	}
	return v
}

func parseInt64(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// inZone writes a stored UTC instant in the zone it was opened in (an IANA
// name or an offset such as -05:00), so the export shows local times.
func inZone(utc, zone string) string {
	t, err := time.Parse(time.RFC3339, utc)
	if err != nil {
		return utc
	}
	if loc, err := time.LoadLocation(zone); err == nil && zone != "" {
		return t.In(loc).Format(time.RFC3339)
	}
	if off, err := time.Parse("-07:00", zone); err == nil {
		_, secs := off.Zone()
		return t.In(time.FixedZone("", secs)).Format(time.RFC3339)
	}
	return utc
}
