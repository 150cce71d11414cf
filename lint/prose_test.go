package lint

import (
	"bytes"
	"slices"
	"testing"
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
