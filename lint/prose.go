package lint

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// ProseBlock is the text a reader sees in one block: a paragraph, a heading,
// a table cell, or the text of a tight list item. Runs are contiguous
// slices of the source in order.
type ProseBlock struct {
	Node ast.Node
	Runs []Span
}

// Placeholder stands, in ProseBlock.Text, for inline content that is not
// prose (code spans, tags, raw HTML, autolinks), so that neighbouring words
// neither merge nor seem to touch punctuation.
const Placeholder = '\uFFFC'

// Text joins the block's runs. Runs separated by a line break are joined
// with "\n"; runs separated only by emphasis or link brackets are joined
// directly; runs separated by anything else (code, a tag, a URL) are joined
// with Placeholder. offsets[i] is the source offset of byte i of the text
// (len(text)+1 entries; inserted characters map to the gap's start).
func (b *ProseBlock) Text(src []byte) (text string, offsets []int) {
	// Every rule that reads prose calls this for every block: size both
	// results once (a separator is at most len(Placeholder)'s 3 bytes).
	n := 0
	for _, r := range b.Runs {
		n += r.End - r.Start + 3
	}
	var sb strings.Builder
	sb.Grow(n)
	offsets = make([]int, 0, n+1)
	for i, r := range b.Runs {
		if i > 0 {
			prev := b.Runs[i-1]
			gap := src[prev.End:r.Start]
			var sep string
			switch {
			case bytes.IndexByte(gap, '\n') >= 0:
				sep = "\n"
			case len(bytes.Trim(gap, "*_~[]!")) == 0:
				sep = ""
			default:
				sep = string(Placeholder)
			}
			for range len(sep) {
				offsets = append(offsets, prev.End)
			}
			sb.WriteString(sep)
		}
		for o := r.Start; o < r.End; o++ {
			offsets = append(offsets, o)
		}
		sb.Write(src[r.Start:r.End])
	}
	end := 0
	if n := len(b.Runs); n > 0 {
		end = b.Runs[n-1].End
	}
	offsets = append(offsets, end)
	return sb.String(), offsets
}

// Prose returns the document's prose blocks in source order: the text of
// paragraphs, headings, list items, quotes, table cells, link text and image
// alt text; never code, raw HTML, template tags, URLs, autolinks or front
// matter.
func (d *Document) Prose() []ProseBlock {
	if d.proseDone {
		return d.prose
	}
	d.proseDone = true
	var current *ProseBlock
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell:
			if entering {
				d.prose = append(d.prose, ProseBlock{Node: n})
				current = &d.prose[len(d.prose)-1]
			} else {
				current = nil
			}
			return ast.WalkContinue, nil
		case ast.KindCodeSpan, ast.KindRawHTML, ast.KindAutoLink, ast.KindHTMLBlock,
			ast.KindFencedCodeBlock, ast.KindCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			if entering && current != nil {
				t := n.(*ast.Text)
				d.appendRuns(current, t.Segment.Start, t.Segment.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	// Blocks never nest, so current is always the last block; drop the
	// blocks that held no prose (an image-only paragraph, a tag line).
	out := d.prose[:0]
	for _, b := range d.prose {
		if len(b.Runs) > 0 {
			out = append(out, b)
		}
	}
	d.prose = out
	return d.prose
}

// appendRuns adds [start, end) to the block minus hidden spans (tags,
// comments, attribute lists).
func (d *Document) appendRuns(b *ProseBlock, start, end int) {
	for start < end {
		h := d.nextHidden(start)
		if h == nil || h.Start >= end {
			b.Runs = append(b.Runs, Span{start, end})
			return
		}
		if h.Start > start {
			b.Runs = append(b.Runs, Span{start, h.Start})
		}
		start = max(start, h.End)
	}
}

func (d *Document) nextHidden(off int) *Span {
	i := sort.Search(len(d.hidden), func(i int) bool { return d.hidden[i].End > off })
	if i < len(d.hidden) {
		return &d.hidden[i]
	}
	return nil
}
