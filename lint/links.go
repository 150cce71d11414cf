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
	var ix *linkIndex
	cursor := d.BodyStart
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		image := false
		switch v := n.(type) {
		case *ast.Link:
			dest = v.Destination
		case *ast.Image:
			dest = v.Destination
			image = true
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		default:
			// Blocks are not always in source order (goldmark moves
			// footnote definitions to the end), so each block restarts
			// the search at its own first line.
			if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				cursor = n.Lines().At(0).Start
			}
			return ast.WalkContinue, nil
		}
		if s, ok := inlineSpan(n); ok {
			cursor = max(cursor, s.End)
		}
		l := Link{Node: n, Image: image}
		if ix == nil {
			ix = newLinkIndex(d.Masked, d.BodyStart)
			// Inline links and images have one "(" each: room for
			// them all and a few reference links.
			d.links = make([]Link, 0, len(ix.openers)+4)
		}
		if s, ok := ix.findDestination(cursor, dest); ok {
			l.DestSpan, l.Located = s, true
			cursor = s.End
		} else if s, ok := ix.findDefinition(dest); ok {
			l.DestSpan, l.Located, l.Reference = s, true, true
		} else if s, ok := inlineSpan(n); ok {
			l.DestSpan = s
		} else {
			l.DestSpan = Span{cursor, cursor}
		}
		if l.Located {
			l.Dest = string(d.Src[l.DestSpan.Start:l.DestSpan.End])
		} else {
			l.Dest = string(dest)
		}
		d.links = append(d.links, l)
		return ast.WalkContinue, nil
	})
	return d.links
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
