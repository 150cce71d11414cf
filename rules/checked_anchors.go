package rules

import (
	"bytes"
	"sync"

	"github.com/postlint/postlint/lint"
)

// checkedAnchors keeps the anchors of the site's documents that
// internal-link has checked and computed (for links to their own
// fragments), with the source they were computed from: a
// link to the headings of a page checked earlier then needs no second parse
// of that page, as long as the file on disk is still the source that was
// checked (--fix and editors check content that is not on disk).
type checkedAnchors struct {
	mu   sync.Mutex
	docs map[string]checkedDoc // by root-relative path
	// retained is the size of the sources held; past maxRetainedSource no
	// more are kept, so that a huge site does not stay in memory.
	retained int
}

type checkedDoc struct {
	src     []byte
	anchors *docAnchors
}

const maxRetainedSource = 16 << 20

// checkedAnchorsOf returns the site's store, shared by all its documents.
func checkedAnchorsOf(site *lint.Site) *checkedAnchors {
	return site.Memo("internal-link:checked-anchors", func() any {
		return &checkedAnchors{docs: map[string]checkedDoc{}}
	}).(*checkedAnchors)
}

// keep records the anchors computed from src, the checked content of rel.
func (s *checkedAnchors) keep(rel string, src []byte, a *docAnchors) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.docs[rel]; ok || s.retained+len(src) > maxRetainedSource {
		return
	}
	s.docs[rel] = checkedDoc{src: src, anchors: a}
	s.retained += len(src)
}

// lookup returns the anchors of rel when they were computed from exactly
// src.
func (s *checkedAnchors) lookup(rel string, src []byte) (*docAnchors, bool) {
	s.mu.Lock()
	d, ok := s.docs[rel]
	s.mu.Unlock()
	if !ok || !bytes.Equal(d.src, src) {
		return nil, false
	}
	return d.anchors, true
}
