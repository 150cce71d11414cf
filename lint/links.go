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
	f.visit(d.AST)
	return d.links
}

// linkFinder walks a document for Links, in the order and with the skips
// of ast.Walk, by plain recursion: the walk visits every node of the page,
// text included, and ast.Walk's two calls of a closure per node were most
// of its cost.
type linkFinder struct {
	d      *Document
	ix     *linkIndex
	cursor int
}

func (f *linkFinder) visit(n ast.Node) {
	var dest []byte
	image := false
	switch v := n.(type) {
	case *ast.Text:
		return // a leaf, and no block
	case *ast.Link:
		dest = v.Destination
	case *ast.Image:
		dest = v.Destination
		image = true
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.CodeSpan:
		return
	case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
		lines := n.Lines()
		if lines.Len() == 0 {
			f.visitChildren(n)
			return
		}
		// As for any block, below.
		f.cursor = lines.At(0).Start
		// Their inline content is parsed from their lines: without a "["
		// there, it holds no link or image, and its nodes, most of a
		// page's, need no visit.
		for i := range lines.Len() {
			seg := lines.At(i)
			if bytes.IndexByte(f.d.Masked[seg.Start:seg.Stop], '[') >= 0 {
				f.visitChildren(n)
				return
			}
		}
		return
	default:
		// Blocks are not always in source order (goldmark moves
		// footnote definitions to the end), so each block restarts
		// the search at its own first line.
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			f.cursor = n.Lines().At(0).Start
		}
		f.visitChildren(n)
		return
	}
	f.add(n, dest, image)
	f.visitChildren(n)
}

func (f *linkFinder) visitChildren(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		f.visit(c)
	}
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
