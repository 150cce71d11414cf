package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// TestProseTextCorpora checks proseText against ProseBlock.Text on every
// prose block of the real blogs.
func TestProseTextCorpora(t *testing.T) {
	blocks := 0
	err := filepath.WalkDir(linttest.Corpora(t), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc := lint.ParseFile(nil, p, p, src, "", nil)
		for _, b := range doc.Prose() {
			blocks++
			if want, _ := b.Text(doc.Src); proseText(doc.Src, &b) != want {
				t.Errorf("%s: proseText = %q, want %q", p, proseText(doc.Src, &b), want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if blocks < 10000 {
		t.Errorf("only %d blocks", blocks)
	}
}
