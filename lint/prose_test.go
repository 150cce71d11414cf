package lint

import (
	"bytes"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// TestProseTextKeptPerDocument checks that a block's Text is computed once
// for the document's source, equals a fresh join, and is not reused for
// another source.
func TestProseTextKeptPerDocument(t *testing.T) {
	d := parse(t, "# Title *em* `code`\n\nA [link](u) and {{ tag }} text\nnext line.\n\n| a | b |\n|---|---|\n| c | d |\n", SyntaxLiquid)
	blocks := d.Prose()
	if len(blocks) < 4 {
		t.Fatalf("%d blocks", len(blocks))
	}
	for _, b := range blocks {
		text, offs := b.Text(d.Src)
		wantText, wantOffs := b.join(d.Src)
		if text != wantText || !slices.Equal(offs, wantOffs) {
			t.Errorf("Text = %q %v, want %q %v", text, offs, wantText, wantOffs)
		}
		_, again := b.Text(d.Src)
		if &again[0] != &offs[0] {
			t.Errorf("%q: computed twice", text)
		}
		other := bytes.Clone(d.Src)
		other[b.Runs[0].Start] = '#'
		otherText, otherOffs := b.Text(other)
		if &otherOffs[0] == &offs[0] || otherText[0] != '#' {
			t.Errorf("%q: kept text reused for another source: %q", text, otherText)
		}
	}
}

// proseByOwnWalk is how Prose gathered blocks before the parse's walk did it:
// a walk of its own over the finished document.
func proseByOwnWalk(d *Document) [][]Span {
	var blocks [][]Span
	inBlock := false
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell:
			if entering {
				blocks = append(blocks, nil)
			}
			inBlock = entering
		case ast.KindCodeSpan, ast.KindRawHTML, ast.KindAutoLink, ast.KindHTMLBlock,
			ast.KindFencedCodeBlock, ast.KindCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			if entering && inBlock {
				t := n.(*ast.Text)
				blocks[len(blocks)-1] = d.appendRuns(blocks[len(blocks)-1], t.Segment.Start, t.Segment.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return slices.DeleteFunc(blocks, func(runs []Span) bool { return len(runs) == 0 })
}

// TestProseGatheredDuringParse checks that the blocks gathered by the
// parse's single walk (which also records code) are those a walk of their
// own finds, and that code is still recorded.
func TestProseGatheredDuringParse(t *testing.T) {
	src := "---\ntitle: t\n---\n# Title `code` *em*\n\nText {{ tag }} with `span` and <b>html</b> <https://x.org> end[^1].\n\n" +
		"```go\nfenced `x`\n```\n\n    indented\n\n<div>\nblock\n</div>\n\n- item **bold**\n- [link](u) ![alt](i.png)\n\n" +
		"| a `c` | b |\n|---|---|\n| c | d |\n\n> quote\n> more\n\n[^1]: note `n` text\n\n![only](image.png)\n\n{% if x %}\n"
	d := parse(t, src, SyntaxLiquid)
	var got [][]Span
	for _, b := range d.Prose() {
		got = append(got, b.Runs)
	}
	if want := proseByOwnWalk(d); !reflect.DeepEqual(got, want) {
		t.Errorf("prose runs\n got %v\nwant %v", got, want)
	}
	for _, code := range []string{"`code`", "`span`", "`x`", "indented", "`n`"} {
		off := bytes.Index(d.Src, []byte(code)) + 1
		if !d.InCode(off) {
			t.Errorf("%q at %d is not in code", code, off)
		}
	}
	if off := bytes.Index(d.Src, []byte("Text")); d.InCode(off) {
		t.Error("prose is taken for code")
	}
}

// TestPlainTextKeptPerDocument checks that PlainText is Text's text, built
// once for the document's source and never reused for another source.
func TestPlainTextKeptPerDocument(t *testing.T) {
	d := parse(t, "# Title *em* `code`\n\nA [link](u) and {{ tag }} text\nnext line.\n\n| a | b |\n|---|---|\n| c | d |\n\nend **bold**_x_ !\n", SyntaxLiquid)
	blocks := d.Prose()
	if len(blocks) < 4 {
		t.Fatalf("%d blocks", len(blocks))
	}
	for _, b := range blocks {
		plain := b.PlainText(d.Src)
		if text, _ := b.join(d.Src); plain != text {
			t.Errorf("PlainText = %q, want %q", plain, text)
		}
		if again := b.PlainText(d.Src); unsafe.StringData(again) != unsafe.StringData(plain) {
			t.Errorf("%q: computed twice", plain)
		}
		other := bytes.Clone(d.Src)
		other[b.Runs[0].Start] = '#'
		if otherText := b.PlainText(other); otherText[0] != '#' || otherText[1:] != plain[1:] {
			t.Errorf("%q: kept text reused for another source: %q", plain, otherText)
		}
	}
}

// BenchmarkScanTree is the walk of the parse that records code and gathers
// prose, over every tenth file of the real blogs, parsed beforehand; with
// links, Document.Links after it: what every document that a link rule
// checks costs besides goldmark's parse.
func BenchmarkScanTree(b *testing.B) {
	docs := tenthOfCorpora(b)
	for _, links := range []bool{false, true} {
		b.Run(map[bool]string{false: "walk", true: "walk+links"}[links], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					d.code, d.linkRefs = d.code[:0], d.linkRefs[:0]
					d.scanTree()
					if links {
						d.links, d.linksDone = nil, false
						d.Links()
					}
				}
			}
		})
	}
}

// tenthOfCorpora parses every tenth file of the real blogs, for benchmarks
// of what runs on parsed documents.
func tenthOfCorpora(b *testing.B) []*Document {
	md := NewMarkdown()
	var docs []*Document
	for _, src := range fuzzSeeds(b, []string{corporaDir()}, 10, 1<<20) {
		docs = append(docs, parseDocument(md, "x.md", "/x.md", src, SyntaxLiquid, false, nil))
	}
	return docs
}
