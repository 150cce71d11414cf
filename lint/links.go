package lint

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Link is a Markdown link or image with the source position of its
// destination. goldmark keeps no position for destinations, so they are
// found again in the source.
type Link struct {
	Node  ast.Node
	Image bool
	// Dest is the destination exactly as written in the source, template
	// tags included ("{{ site.baseurl }}/img/a.png"); DestSpan is where.
	Dest     string
	DestSpan Span
	// Reference is set when the destination comes from a reference
	// definition ([label]: dest) elsewhere in the file.
	Reference bool
	// Located is false when the destination could not be found in the
	// source; DestSpan then covers the link's text.
	Located bool
}

// Links returns every inline and reference link and image of the body, in
// source order.
func (d *Document) Links() []Link {
	if d.linksDone {
		return d.links
	}
	d.linksDone = true
	f := linkFinder{d: d, cursor: d.BodyStart}
	for _, r := range d.linkRefs {
		if r.restart >= 0 {
			f.cursor = r.restart
		}
		switch v := r.node.(type) {
		case *ast.Link:
			f.add(v, v.Destination, false)
		case *ast.Image:
			f.add(v, v.Destination, true)
		}
	}
	return d.links
}

// linkRef is a link or image node as scanTree meets it, in the order and
// with the skips of ast.Walk (code and HTML blocks, code spans), and where
// the search for its destination restarts: the first line of the last
// block entered before it, when there is one since the previous link (-1
// otherwise). Blocks are not always in source order (goldmark moves
// footnote definitions to the end), so each block restarts the search at
// its own first line.
type linkRef struct {
	node    ast.Node
	restart int
}

// enterLinkBlock notes that the walk enters block n, where the search for
// the next link's destination restarts if n has lines.
func (d *Document) enterLinkBlock(n ast.Node) {
	if lines := n.Lines(); lines.Len() > 0 {
		d.linkRestart = lines.At(0).Start
	}
}

// linkFinder locates the destinations of a document's links in order.
type linkFinder struct {
	d      *Document
	ix     *linkIndex
	cursor int
}

// add records the link or image n, whose destination goldmark decoded as
// dest, and locates its destination in the source.
func (f *linkFinder) add(n ast.Node, dest []byte, image bool) {
	d := f.d
	if s, ok := inlineSpan(n); ok {
		f.cursor = max(f.cursor, s.End)
	}
	l := Link{Node: n, Image: image}
	if f.ix == nil {
		f.ix = newLinkIndex(d.Masked, d.BodyStart)
		// Inline links and images have one "(" each: room for
		// them all and a few reference links.
		d.links = make([]Link, 0, len(f.ix.openers)+4)
	}
	if s, ok := f.ix.findDestination(f.cursor, dest); ok {
		l.DestSpan, l.Located = s, true
		f.cursor = s.End
	} else if s, ok := f.ix.findDefinition(dest); ok {
		l.DestSpan, l.Located, l.Reference = s, true, true
	} else if s, ok := inlineSpan(n); ok {
		l.DestSpan = s
	} else {
		l.DestSpan = Span{f.cursor, f.cursor}
	}
	if l.Located {
		l.Dest = string(d.Src[l.DestSpan.Start:l.DestSpan.End])
	} else {
		l.Dest = string(dest)
	}
	d.links = append(d.links, l)
}

// destEqual compares a destination as written with goldmark's decoded form,
// which drops backslash escapes.
func destEqual(written, decoded []byte) bool {
	if bytes.Equal(written, decoded) {
		return true
	}
	if bytes.IndexByte(written, '\\') < 0 && bytes.IndexByte(written, '&') < 0 {
		return false
	}
	var b []byte
	for i := 0; i < len(written); i++ {
		if written[i] == '\\' && i+1 < len(written) {
			i++
		}
		b = append(b, written[i])
	}
	return bytes.Equal(b, decoded) || bytes.IndexByte(written, '&') >= 0
}
