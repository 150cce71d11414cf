package lint

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// BenchmarkLinks is Document.Links on every file of the fixtures and the
// real corpora, parsed once.
func BenchmarkLinks(b *testing.B) {
	md := NewMarkdown()
	var docs []*Document
	size := 0
	for _, src := range fuzzSeeds(b, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 1<<20) {
		docs = append(docs, parseDocument(md, "x.md", "/x.md", src, SyntaxLiquid, true, nil))
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.links, d.linksDone = nil, false
			d.Links()
		}
	}
}

// TestBlankWithinMatchesDefinition compares the link index's blank line
// look-up, found on first use, with a scan of the bytes.
func TestBlankWithinMatchesDefinition(t *testing.T) {
	blankIn := func(m []byte, body, start, end int) bool {
		for p := max(start, body); p < end; p++ {
			if m[p] != '\n' {
				continue
			}
			if p+2 <= end && m[p+1] == '\n' || p+3 <= end && m[p+1] == '\r' && m[p+2] == '\n' {
				return true
			}
		}
		return false
	}
	seeds := fuzzSeeds(t, []string{filepath.Join("..", "testdata")}, 1, 4<<10)
	seeds = append(seeds, []byte("a\n\n\nb\r\n\r\n\nc\n\r\n\n"), []byte("---\nx: 1\n\n---\nbody\n\nmore"))
	for _, m := range seeds {
		for _, body := range []int{0, min(len(m), 5)} {
			ix := newLinkIndex(m, body)
			for start := body; start <= len(m); start++ {
				for end := start; end <= len(m) && end <= start+12; end++ {
					if got, want := ix.blankWithin(start, end), blankIn(m, body, start, end); got != want {
						t.Fatalf("%.80q from %d: blankWithin(%d, %d) = %v, want %v", m, body, start, end, got, want)
					}
				}
			}
		}
	}
}

// linksReference is Links as it was, walking the page with ast.Walk: the
// reference linkFinder must agree with.
func linksReference(d *Document) []Link {
	var links []Link
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
			links = make([]Link, 0, len(ix.openers)+4)
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
		links = append(links, l)
		return ast.WalkContinue, nil
	})
	return links
}

// TestLinksMatchesReference compares Links with linksReference on every
// file of the fixtures and the real corpora and on random pages, with each
// template syntax.
func TestLinksMatchesReference(t *testing.T) {
	md := NewMarkdown()
	links := 0
	pages := fuzzSeeds(t, []string{filepath.Join("..", "testdata"), corporaDir()}, 1, 1<<20)
	pieces := []string{"[a](b)", "[c][d]", "[d]: /d\n", "![i](j)", "[", "]", "(x)", "text ", "\n", "\n\n", "# ", "Title\n===\n", "- ", "> ", "    ",
		"`[k](l)`", "<a href=\"[m](n)\">", "{% x [o](p) %}", "{{ y }}", "[^1]", "[^1]: note\n", "| [q](r) |\n|---|\n", "<https://s>", "www.t.u ", "\\[", "[v]", "```\n[w](x)\n```\n", "{: #id}\n"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(25) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		pages = append(pages, []byte(b.String()))
	}
	for _, src := range pages {
		for _, syntax := range []Syntax{SyntaxLiquid, SyntaxShortcode} {
			d := parseDocument(md, "x.md", "/x.md", src, syntax, syntax == SyntaxLiquid, nil)
			got, want := d.Links(), linksReference(d)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: Links = %+v, want %+v", src[:min(len(src), 200)], got, want)
			}
			links += len(got)
		}
	}
	if links < 5000 {
		t.Errorf("only %d links", links)
	}
}
