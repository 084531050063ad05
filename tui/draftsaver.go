package tui

import (
	"sync"
)

// draftSaver keeps concurrent saves in order: commands run on goroutines of
// their own, so a save started earlier could otherwise finish last and put
// back an older form.
type draftSaver struct {
	mu     sync.Mutex
	issued int
	saved  int
}

// next numbers a save as it is issued, from Update.
func (s *draftSaver) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.issued++
	return s.issued
}

// save runs write unless a later save has already been written.
func (s *draftSaver) save(seq int, write func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.saved {
		return nil
	}
	s.saved = seq
	return write()
}
