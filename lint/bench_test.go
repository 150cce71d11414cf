package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
)

func corporaOrSkip(b *testing.B) string {
	dir := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("real blogs not found at %s: %v", dir, err)
	}
	return dir
}

// BenchmarkRunCorpora is the whole engine (discovery, site index, parse,
// every default rule, sorting) over the eight real blogs.
func BenchmarkRunCorpora(b *testing.B) {
	dir := corporaOrSkip(b)
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
	dir := corporaOrSkip(b)
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
	dir := corporaOrSkip(b)
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
