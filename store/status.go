package store

// The client statuses the store moves a client to itself, as
// clients.status holds them; the domain's one named type for a client's
// status is scoring.ClientStatus.
const (
	statusActive     = "active"
	statusNotice     = "notice"
	statusOffboarded = "offboarded"
	statusReengaged  = "re-engaged"
)
