package lint

import (
	"path/filepath"
	"testing"
)

// BenchmarkLinks is Document.Links on every file of the fixtures and the
// real corpora, parsed once.
func BenchmarkLinks(b *testing.B) {
	md := newMarkdown()
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
