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
