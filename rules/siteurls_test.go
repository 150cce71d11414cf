package rules

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/postlint/postlint/lint"
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

// TestStartsWithDashes checks that startsWithDashes, which reads the first
// bytes of a file, says what the whole file says, on every file of the
// corpus sites and on short files.
func TestStartsWithDashes(t *testing.T) {
	check := func(s *lint.Site, rel string) {
		b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(rel)))
		want := err == nil && bytes.HasPrefix(b, []byte("---"))
		if got := startsWithDashes(s, rel); got != want {
			t.Errorf("%s: startsWithDashes = %v, the whole file says %v", rel, got, want)
		}
	}
	forEachCorpusSite(t, func(s *lint.Site) {
		s.Files.Walk(func(rel string) { check(s, rel) })
	})
	dir := t.TempDir()
	for i, content := range []string{"", "-", "--", "---", "---\n", "--x", " ---", "-----"} {
		name := "f" + strconv.Itoa(i) + ".html"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := lint.LoadSite(dir, lint.SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	site.Files.Walk(func(rel string) { check(site, rel) })
	check(site, "missing.html") // not walked, but must not be read either
}

// BenchmarkSiteURLIndex computes the URL index of every corpus site.
func BenchmarkSiteURLIndex(b *testing.B) {
	var sites []*lint.Site
	forEachCorpusSite(b, func(s *lint.Site) { sites = append(sites, s) })
	for b.Loop() {
		for _, s := range sites {
			computeSiteURLs(s)
		}
	}
}
