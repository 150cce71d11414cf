package rules

import (
	"testing"

	"github.com/postlint/postlint/lint"
)

// TestProseTextCorpora checks proseText against ProseBlock.Text on every
// prose block of the real blogs.
func TestProseTextCorpora(t *testing.T) {
	blocks := 0
	forEachCorpusMarkdown(t, func(p string, src []byte) {
		doc := lint.ParseFile(nil, p, p, src, "", nil)
		for _, b := range doc.Prose() {
			blocks++
			if want, _ := b.Text(doc.Src); proseText(doc.Src, &b) != want {
				t.Errorf("%s: proseText = %q, want %q", p, proseText(doc.Src, &b), want)
			}
		}
	})
	if blocks < 10000 {
		t.Errorf("only %d blocks", blocks)
	}
}
