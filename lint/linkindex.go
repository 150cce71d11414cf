package lint

import (
	"bytes"
	"sort"
)

// maxDestinationCandidates bounds how many "](" after a link's text are
// tried as its destination. The right one is almost always the first; the
// bound keeps a paragraph of thousands of reference links (which have no
// "](" of their own) from costing the square of its size.
const maxDestinationCandidates = 64

// linkIndex locates link destinations in the masked source. It finds every
// "](", blank line and reference definition once, so that locating each
// link costs a bounded amount of work whatever the size of the file.
type linkIndex struct {
	m    []byte
	body int // where the body starts
	// openers are the offsets of every "](" in the body; extents[i] is the
	// extent of the destination after openers[i], computed when first
	// needed (a zero Start until then: a destination starts after its "](").
	openers []int
	extents []Span
	// blanks are the blank lines ("\n\n" or "\n\r\n") in the body, found
	// when first needed: a link whose first candidate is its destination
	// (most) needs none.
	blanks      []Span
	blanksFound bool
	// defs maps a destination as written, and with its backslash escapes
	// removed, to the first reference definition that has it; ampDef is
	// the first definition whose destination holds an entity (&…;), which
	// goldmark decodes, so it matches any destination.
	defs       map[string]defEntry
	defsBuilt  bool
	ampDef     defEntry
	ampDefSeen bool
}

type defEntry struct {
	order int
	span  Span
}

func newLinkIndex(m []byte, from int) *linkIndex {
	ix := &linkIndex{m: m, body: from}
	for i := from; ; {
		k := bytes.Index(m[i:], []byte("]("))
		if k < 0 {
			break
		}
		ix.openers = append(ix.openers, i+k)
		i += k + 1
	}
	ix.extents = make([]Span, len(ix.openers))
	return ix
}

// findBlanks records the blank lines of the body.
func (ix *linkIndex) findBlanks() {
	ix.blanksFound = true
	m := ix.m
	for i := ix.body; ; {
		k := bytes.IndexByte(m[i:], '\n')
		if k < 0 {
			break
		}
		p := i + k
		switch {
		case p+1 < len(m) && m[p+1] == '\n':
			ix.blanks = append(ix.blanks, Span{p, p + 2})
		case p+2 < len(m) && m[p+1] == '\r' && m[p+2] == '\n':
			ix.blanks = append(ix.blanks, Span{p, p + 3})
		}
		i = p + 1
	}
}

// blankWithin reports whether a whole blank line lies in [start, end).
func (ix *linkIndex) blankWithin(start, end int) bool {
	if !ix.blanksFound {
		ix.findBlanks()
	}
	i := sort.Search(len(ix.blanks), func(i int) bool { return ix.blanks[i].Start >= start })
	// Blank lines are at most three bytes long, so the first two that start
	// after start hold the one that ends first.
	for j := i; j < len(ix.blanks) && j < i+2; j++ {
		if ix.blanks[j].End <= end {
			return true
		}
	}
	return false
}

// destinationAfter returns the extent of the destination after the "(" of
// openers[k].
func (ix *linkIndex) destinationAfter(k int) Span {
	if s := ix.extents[k]; s.Start > 0 {
		return s
	}
	m := ix.m
	j := ix.openers[k] + 2
	for j < len(m) && (m[j] == ' ' || m[j] == '\t' || m[j] == '\n' || m[j] == '\r') {
		j++
	}
	angle := j < len(m) && m[j] == '<'
	if angle {
		j++
	}
	end := j
	if angle {
		for end < len(m) && m[end] != '>' && m[end] != '\n' {
			end++
		}
	} else {
		depth := 0
		for end < len(m) && m[end] > ' ' {
			if m[end] == '\\' && end+1 < len(m) {
				end += 2
				continue
			}
			if m[end] == '(' {
				depth++
			} else if m[end] == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			end++
		}
	}
	s := Span{j, end}
	ix.extents[k] = s
	return s
}

// findDestination looks for "](dest" or "](<dest" at or after from and
// returns the destination's span. Only the "](" of the same paragraph can
// belong to the link: the search stops after the first blank line.
func (ix *linkIndex) findDestination(from int, dest []byte) (Span, bool) {
	i := sort.SearchInts(ix.openers, from)
	prev := from
	for n := 0; i < len(ix.openers) && n < maxDestinationCandidates; i, n = i+1, n+1 {
		o := ix.openers[i]
		s := ix.destinationAfter(i)
		if destEqual(ix.m[s.Start:s.End], dest) {
			return s, true
		}
		if ix.blankWithin(prev, o) {
			return Span{}, false
		}
		prev = o + 2
	}
	return Span{}, false
}

// findDefinition finds the first reference definition "[label]: dest" whose
// destination is dest.
func (ix *linkIndex) findDefinition(dest []byte) (Span, bool) {
	if !ix.defsBuilt {
		ix.buildDefs()
	}
	e, ok := ix.defs[string(dest)]
	if ix.ampDefSeen && (!ok || ix.ampDef.order < e.order) {
		e, ok = ix.ampDef, true
	}
	return e.span, ok
}

func (ix *linkIndex) buildDefs() {
	ix.defsBuilt = true
	ix.defs = map[string]defEntry{}
	m := ix.m
	order := 0
	for i := ix.body; ; order++ {
		k := bytes.Index(m[i:], []byte("]:"))
		if k < 0 {
			return
		}
		j := i + k + 2
		for j < len(m) && (m[j] == ' ' || m[j] == '\t' || m[j] == '\n' || m[j] == '\r') {
			j++
		}
		angle := j < len(m) && m[j] == '<'
		if angle {
			j++
		}
		end := j
		for end < len(m) && m[end] != '\n' && (angle && m[end] != '>' || !angle && m[end] > ' ') {
			end++
		}
		e := defEntry{order, Span{j, end}}
		written := m[j:end]
		if _, ok := ix.defs[string(written)]; !ok {
			ix.defs[string(written)] = e
		}
		if bytes.IndexByte(written, '\\') >= 0 {
			if u := string(unescapeDest(written)); u != string(written) {
				if _, ok := ix.defs[u]; !ok {
					ix.defs[u] = e
				}
			}
		}
		if !ix.ampDefSeen && bytes.IndexByte(written, '&') >= 0 {
			ix.ampDef, ix.ampDefSeen = e, true
		}
		i = j
	}
}

// unescapeDest drops backslash escapes, as goldmark does.
func unescapeDest(written []byte) []byte {
	b := make([]byte, 0, len(written))
	for i := 0; i < len(written); i++ {
		if written[i] == '\\' && i+1 < len(written) {
			i++
		}
		b = append(b, written[i])
	}
	return b
}
