package lint

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// ProseBlock is the text a reader sees in one block: a paragraph, a heading,
// a table cell, or the text of a tight list item. Runs are contiguous
// slices of the source in order.
type ProseBlock struct {
	Node ast.Node
	Runs []Span

	// doc and index say where the document keeps the block's Text: several
	// rules read the text of every block, and each text carries a table of
	// eight bytes per byte.
	doc   *Document
	index int
}

// proseText is a block's Text, computed once.
type proseText struct {
	once    sync.Once
	text    string
	offsets []int
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
//
// For the blocks of Document.Prose and the document's source, the result is
// computed once and shared: callers must not modify offsets.
func (b *ProseBlock) Text(src []byte) (text string, offsets []int) {
	d := b.doc
	if d == nil || len(src) != len(d.Src) || len(src) > 0 && &src[0] != &d.Src[0] {
		return b.join(src)
	}
	d.proseTextsOnce.Do(func() { d.proseTexts = make([]proseText, len(d.prose)) })
	t := &d.proseTexts[b.index]
	t.once.Do(func() { t.text, t.offsets = b.join(src) })
	return t.text, t.offsets
}

// PlainText returns the text of Text without its offsets, which take eight
// bytes per byte of text: rules that look at every block but report in few
// ask Text for them only when they report.
//
// For the blocks of Document.Prose and the document's source, the texts of
// all the blocks are built on the first call and kept: several rules read
// the text of every block. Each block's is a string of its own, so that a
// rule that keeps a word of it keeps no more than that block's text.
func (b *ProseBlock) PlainText(src []byte) string {
	d := b.doc
	if d == nil || len(src) != len(d.Src) || len(src) > 0 && &src[0] != &d.Src[0] {
		return b.plain(src)
	}
	d.plainTextsOnce.Do(func() {
		d.plainTexts = make([]string, len(d.prose))
		for i := range d.prose {
			d.plainTexts[i] = d.prose[i].plain(d.Src)
		}
	})
	return d.plainTexts[b.index]
}

// plain builds PlainText.
func (b *ProseBlock) plain(src []byte) string {
	var sb strings.Builder
	sb.Grow(b.maxTextLen())
	for i, r := range b.Runs {
		if i > 0 {
			sb.WriteString(runSeparator(src[b.Runs[i-1].End:r.Start]))
		}
		sb.Write(src[r.Start:r.End])
	}
	return sb.String()
}

// maxTextLen bounds the length of the block's text: a separator is at most
// len(Placeholder)'s 3 bytes.
func (b *ProseBlock) maxTextLen() int {
	n := 0
	for _, r := range b.Runs {
		n += r.End - r.Start + len(string(Placeholder))
	}
	return n
}

// runSeparator is what stands in the text for gap, the source between two
// runs (see Text).
func runSeparator(gap []byte) string {
	switch {
	case bytes.IndexByte(gap, '\n') >= 0:
		return "\n"
	case len(bytes.Trim(gap, "*_~[]!")) == 0:
		return ""
	}
	return string(Placeholder)
}

// join builds Text.
func (b *ProseBlock) join(src []byte) (text string, offsets []int) {
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
			sep := runSeparator(src[prev.End:r.Start])
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
// matter. They are gathered while the document is parsed (see scanTree).
func (d *Document) Prose() []ProseBlock { return d.prose }

// proseCollector gathers the prose blocks of a tree during scanTree's walk:
// paragraphs, headings, tight list items and table cells, whose text nodes
// give the runs; code, raw HTML and autolinks give none. An image-only
// paragraph or a tag line holds no prose and makes no block.
type proseCollector struct {
	// runs holds the runs of every block, each block's a slice of it. The
	// runs of a block are never changed once appended, so a block's slice
	// stays right when runs grows into a new array.
	runs    []Span
	blocks  []ProseBlock
	inBlock bool
	// lo is the index in runs of the open block's first run.
	lo int
}

// enterBlock opens a block.
func (c *proseCollector) enterBlock() {
	c.lo = len(c.runs)
	c.inBlock = true
}

// leaveBlock closes block n, which Document d keeps if it holds prose.
func (c *proseCollector) leaveBlock(d *Document, n ast.Node) {
	c.inBlock = false
	if hi := len(c.runs); hi > c.lo {
		c.blocks = append(c.blocks, ProseBlock{Node: n, Runs: c.runs[c.lo:hi:hi], doc: d, index: len(c.blocks)})
	}
}

// addText adds the text [start, end) to the open block. Blocks never
// nest.
func (c *proseCollector) addText(d *Document, start, end int) {
	c.runs = d.appendRuns(c.runs, start, end)
}

// appendRuns appends [start, end) minus hidden spans (tags, comments,
// attribute lists) to runs.
func (d *Document) appendRuns(runs []Span, start, end int) []Span {
	for start < end {
		h := d.nextHidden(start)
		if h == nil || h.Start >= end {
			return append(runs, Span{start, end})
		}
		if h.Start > start {
			runs = append(runs, Span{start, h.Start})
		}
		start = max(start, h.End)
	}
	return runs
}

func (d *Document) nextHidden(off int) *Span {
	i := sort.Search(len(d.hidden), func(i int) bool { return d.hidden[i].End > off })
	if i < len(d.hidden) {
		return &d.hidden[i]
	}
	return nil
}
