package casefile

import (
	"context"
	"errors"
	"fmt"

	"offboard/scoring"
)

// WhatIf is the decision in numbers before the letter: each client's four
// options side by side, and with several clients the portfolio after
// letting all of them go at once.
type WhatIf struct {
	// Portfolio is the assessment the figures come from.
	Portfolio *Portfolio
	// Clients holds one what-if per client, in the order asked.
	Clients []scoring.ClientWhatIf
	// Together is the portfolio after letting every client asked go at
	// once; nil when only one was asked.
	Together *scoring.Outcome
}

// WhatIf assesses the portfolio and weighs the options for the clients
// with the given ids, from the same facts and configuration as scoring.
func (d *Desk) WhatIf(ctx context.Context, ids ...int64) (*WhatIf, error) {
	p, err := d.Assess(ctx)
	if err != nil {
		return nil, err
	}
	return p.WhatIf(ids...)
}

// WhatIf weighs the options for the clients with the given ids against
// this assessment, so a caller that has already assessed (to choose the
// clients recommended Offboard, say) does not assess twice.
func (p *Portfolio) WhatIf(ids ...int64) (*WhatIf, error) {
	if len(ids) == 0 {
		return nil, errors.New("what-if: no client given")
	}
	at := make(map[int64]int, len(p.Assessments))
	for i := range p.Assessments {
		at[p.Assessments[i].Client.ID] = i
	}
	w := &WhatIf{Portfolio: p}
	indexes := make([]int, 0, len(ids))
	seen := make(map[int64]bool, len(ids))
	for _, id := range ids {
		i, ok := at[id]
		if !ok {
			return nil, fmt.Errorf("what-if: no client with id %d", id)
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		indexes = append(indexes, i)
		w.Clients = append(w.Clients, scoring.WhatIf(&p.Portfolio, i, &p.Setup.Config))
	}
	if len(indexes) > 1 {
		o := scoring.LetGo(&p.Portfolio, indexes, &p.Setup.Config)
		w.Together = &o
	}
	return w, nil
}

// Recommended lists the ids of the clients whose recommendation in force
// is r, highest score first.
func (p *Portfolio) Recommended(r scoring.Recommendation) []int64 {
	var ids []int64
	for i := range p.Assessments {
		if p.Assessments[i].Recommendation == r {
			ids = append(ids, p.Assessments[i].Client.ID)
		}
	}
	return ids
}
