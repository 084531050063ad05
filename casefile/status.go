package casefile

import "offboard/scoring"

// ClientStatusOf reads a client's status as the store keeps it: scoring's
// ClientStatus is the one named type for it, and this is where a stored
// string becomes one.
func ClientStatusOf(stored string) scoring.ClientStatus { return scoring.ClientStatus(stored) }

// PlanStatusOf reads a plan's status as the store keeps it into scoring's
// PlanStatus, the one named type for it.
func PlanStatusOf(stored string) scoring.PlanStatus { return scoring.PlanStatus(stored) }
