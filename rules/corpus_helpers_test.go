package rules

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// forEachCorpusMarkdown calls fn with the path and content of every
// Markdown file of the real blogs (the test skips when they are absent),
// for tests that hold a fast path to the code it replaces.
func forEachCorpusMarkdown(tb testing.TB, fn func(path string, src []byte)) {
	tb.Helper()
	err := filepath.WalkDir(linttest.Corpora(tb), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fn(p, src)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// forEachCorpusSite calls fn with each real blog loaded as its site (the
// test skips when they are absent).
func forEachCorpusSite(tb testing.TB, fn func(site *lint.Site)) {
	tb.Helper()
	root := linttest.Corpora(tb)
	entries, err := os.ReadDir(root)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		_, kind := lint.DiscoverSite(dir, root)
		site, err := lint.LoadSite(dir, kind)
		if err != nil {
			tb.Fatal(err)
		}
		fn(site)
	}
}

// randomMixes returns n strings, each of up to maxPieces pieces drawn by
// rng: inputs that put a fast path's corner cases side by side.
func randomMixes(rng *rand.Rand, pieces []string, maxPieces, n int) []string {
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range rng.IntN(maxPieces) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}
