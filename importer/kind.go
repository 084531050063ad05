package importer

import (
	"fmt"
	"strings"
)

// Kind names one sort of record an import brings in.
type Kind string

// The kinds of record offboard imports, one CSV file per kind.
const (
	KindClients   Kind = "clients"
	KindTickets   Kind = "tickets"
	KindTime      Kind = "time"
	KindInvoices  Kind = "invoices"
	KindPayments  Kind = "payments"
	KindIncidents Kind = "incidents"
	KindSecurity  Kind = "security"
	KindUpgrades  Kind = "upgrades"
	KindSettings  Kind = "settings"
	KindPlans     Kind = "plans"
)

// Kinds lists every kind in the order an import of a whole export should run:
// settings first, so business hours apply to the tickets, then clients, so
// later kinds can refer to them.
func Kinds() []Kind {
	return []Kind{KindSettings, KindClients, KindTickets, KindTime, KindInvoices, KindPayments, KindIncidents, KindSecurity, KindUpgrades, KindPlans}
}

// ParseKind reads a kind name as typed on the command line.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds() {
		if k == known {
			return k, nil
		}
	}
	names := make([]string, 0, len(Kinds()))
	for _, known := range Kinds() {
		names = append(names, string(known))
	}
	return "", fmt.Errorf("unknown kind %q (want one of %s)", s, strings.Join(names, ", "))
}
