package rules

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
)

// TestFrenchDictionaryLoadedOnlyForFrench guards the cost of the French
// dictionary (about half a second to load): a run over English documents
// never loads it, a run over French ones loads it once.
func TestFrenchDictionaryLoadedOnlyForFrench(t *testing.T) {
	dict, err := filepath.Abs(filepath.Join("..", "testdata", "french-dict"))
	if err != nil {
		t.Fatal(err)
	}
	loader := &frenchDictLoader{}
	all := []*lint.Rule{}
	for _, r := range All() {
		if r == FrenchTypos {
			r = newFrenchTypos(loader)
		}
		all = append(all, r)
	}
	cfg := lint.DefaultConfig()
	cfg.Dictionaries = []string{dict}
	run := func(dir string) {
		t.Helper()
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: all, Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		if res.Files == 0 {
			t.Fatalf("no file checked in %s", dir)
		}
	}
	run(filepath.Join("..", "testdata", "jekyll-series-en"))
	run(filepath.Join("..", "testdata", "hugo-series-en"))
	if n := loader.loads.Load(); n != 0 {
		t.Fatalf("English documents loaded the French dictionary %d times", n)
	}
	run(filepath.Join("..", "testdata", "jekyll-french-typos"))
	run(filepath.Join("..", "testdata", "jekyll-series-fr"))
	if n := loader.loads.Load(); n != 1 {
		t.Fatalf("French documents loaded the French dictionary %d times, want once", n)
	}
}

// TestOneFileParses guards the pre-commit case: checking one post parses
// that post plus only what its links need (the pages it links to with a
// #fragment, and, when it has a series navigation list, the posts that can
// hold one), never the whole site.
func TestOneFileParses(t *testing.T) {
	for _, c := range []struct {
		file string
		max  int64
	}{
		{"jekyll-internal-link/_posts/2024-04-01-setup.md", 1},
		// itself, and the post its #fragment link points to
		{"jekyll-internal-link/_posts/2024-04-02-links.md", 2},
		// itself, then its series navigation list needs the lists of
		// the 15 posts with enough links, out of 26
		{"jekyll-series-fr/_posts/2021-05-02-go-2.md", 16},
	} {
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{filepath.Join("..", "testdata", c.file)}, Rules: All()})
		if err != nil {
			t.Fatal(err)
		}
		if res.Sites != 1 {
			t.Fatalf("%s: %d sites", c.file, res.Sites)
		}
		if n := res.Parsed; n > c.max {
			t.Errorf("%s: %d documents parsed, want at most %d", c.file, n, c.max)
		}
	}
}
