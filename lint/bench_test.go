package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// BenchmarkRunCorpora is the whole engine (discovery, site index, parse,
// every default rule, sorting) over the eight real blogs.
func BenchmarkRunCorpora(b *testing.B) {
	dir := linttest.Corpora(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: rules.All()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunOneFile is a pre-commit style run: one post, its whole site
// indexed.
func BenchmarkRunOneFile(b *testing.B) {
	dir := linttest.Corpora(b)
	post := filepath.Join(dir, "ludovicalarcon", "_posts", "2023-04-30-KubeCon-J3.md")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.Run(context.Background(), lint.Options{Paths: []string{post}, Rules: rules.All()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAndCheck is one large real post parsed and checked by every
// default rule, per iteration, without the site index.
func BenchmarkParseAndCheck(b *testing.B) {
	dir := linttest.Corpora(b)
	site, err := lint.LoadSite(filepath.Join(dir, "travisdowns"), lint.SiteJekyll)
	if err != nil {
		b.Fatal(err)
	}
	abs, _ := filepath.Abs(filepath.Join(dir, "travisdowns", "_posts", "2020-07-06-concurrency-costs.md"))
	src, err := os.ReadFile(abs)
	if err != nil {
		b.Fatal(err)
	}
	enabled, err := lint.SelectRules(rules.All(), lint.DefaultConfig(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	checker := lint.NewChecker(rules.All(), enabled, lint.DefaultConfig(), "")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Check(site, abs, "x.md", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the engine's per-file work without rules: every
// Markdown file of a real site read and parsed (front matter, tags,
// masking, goldmark, language), per iteration, the site index built once.
func BenchmarkParse(b *testing.B) {
	site, files, size := jekyllDocsSources(b)
	checker := lint.NewChecker(rules.All(), nil, lint.DefaultConfig(), "")
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for abs, src := range files {
			if _, err := checker.Check(site, abs, "x.md", src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadSite is the site index: configuration, file list and the
// front matter of every post of a real site.
func BenchmarkLoadSite(b *testing.B) {
	dir := linttest.Corpora(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.LoadSite(filepath.Join(dir, "jekyll-docs"), lint.SiteJekyll); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOtherPages is what rules pay to parse the pages they read
// besides the checked one (linked pages, series members): every Markdown
// file of a real site, with and without language detection.
func BenchmarkParseOtherPages(b *testing.B) {
	site, files, size := jekyllDocsSources(b)
	b.Run("ParseFile", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for abs, src := range files {
				lint.ParseFile(site, abs, "x.md", src, "", nil)
			}
		}
	})
	b.Run("WithoutLanguage", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for abs, src := range files {
				lint.ParseFileWithoutLanguage(site, abs, "x.md", src)
			}
		}
	})
}

// jekyllDocsSources loads the jekyll-docs corpus site and reads every one
// of its pages: the sources by absolute path and their total size.
func jekyllDocsSources(b *testing.B) (site *lint.Site, files map[string][]byte, size int) {
	b.Helper()
	root, err := filepath.Abs(filepath.Join(linttest.Corpora(b), "jekyll-docs"))
	if err != nil {
		b.Fatal(err)
	}
	if site, err = lint.LoadSite(root, lint.SiteJekyll); err != nil {
		b.Fatal(err)
	}
	files = map[string][]byte{}
	for _, p := range site.Posts {
		abs := filepath.Join(root, filepath.FromSlash(p.Path))
		src, err := os.ReadFile(abs)
		if err != nil {
			b.Fatal(err)
		}
		files[abs] = src
		size += len(src)
	}
	return site, files, size
}

// BenchmarkParseWithProse is a checked page's parse and the prose blocks
// most rules read: every Markdown file of a real site, per iteration.
func BenchmarkParseWithProse(b *testing.B) {
	site, files, size := jekyllDocsSources(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for abs, src := range files {
			lint.ParseFileWithoutLanguage(site, abs, "x.md", src).Prose()
		}
	}
}
