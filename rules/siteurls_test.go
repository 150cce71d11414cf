package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

// frontMatterCloseRE is the expression frontMatterClose replaces.
var frontMatterCloseRE = regexp.MustCompile(`(?m)^(---|\.\.\.)\s*$`)

func checkFrontMatterClose(t *testing.T, name string, b []byte) {
	t.Helper()
	want := -1
	if m := frontMatterCloseRE.FindIndex(b); m != nil {
		want = m[0]
	}
	if got := frontMatterClose(b); got != want {
		t.Errorf("%s: frontMatterClose = %d, the expression says %d", name, got, want)
	}
}

var frontMatterCloseSeeds = []string{"a: 1\n---\n", "a: 1\n--- \t\r\nx", "a\n----\n...", "---", "a\n...\f", "a\n--- x\n---\n\n", "x---\n", "\n\n---\r"}

func TestFrontMatterClose(t *testing.T) {
	for _, s := range frontMatterCloseSeeds {
		checkFrontMatterClose(t, s, []byte(s))
	}
	err := filepath.WalkDir(linttest.Corpora(t), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if len(b) > 3 {
			b = b[3:] // past an opening "---"
		}
		checkFrontMatterClose(t, p, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func FuzzFrontMatterClose(f *testing.F) {
	for _, s := range frontMatterCloseSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFrontMatterClose(t, "fuzz", []byte(s))
	})
}
