package rules

import (
	"context"
	"sync"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// corporaPasses parses every page of the real blogs as a run does and
// returns the pass the engine gave each, so that a benchmark can time one
// rule's check of each document alone, without the parse.
func corporaPasses(b *testing.B) []*lint.Pass {
	b.Helper()
	var mu sync.Mutex
	var passes []*lint.Pass
	capture := &lint.Rule{Name: "capture", DefaultSeverity: lint.SeverityWarning, Check: func(pass *lint.Pass) {
		mu.Lock()
		passes = append(passes, pass)
		mu.Unlock()
	}}
	opts := lint.Options{Paths: []string{linttest.Corpora(b)}, Rules: []*lint.Rule{capture}}
	if _, err := lint.Run(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	return passes
}

// BenchmarkDocRules times, for each rule that checks one document at a
// time, its check of every page of the real blogs (parsed once; what the
// documents memoize for all rules, as their links and prose text, is built
// by the first round).
func BenchmarkDocRules(b *testing.B) {
	passes := corporaPasses(b)
	for _, r := range []*lint.Rule{Misspell, MissingImage, SeriesOrder, FrenchTypography, TrailingSpaceBreak, FrontMatter, ImageAlt, HeadingIncrement, LiquidSyntax, PostURL} {
		b.Run(r.Name, func(b *testing.B) {
			var opts any
			if r.NewOptions != nil {
				opts = r.NewOptions()
			}
			rulePasses := make([]*lint.Pass, len(passes))
			for i, p := range passes {
				rp := *p
				rp.Rule, rp.Options = r, opts
				rulePasses[i] = &rp
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range rulePasses {
					r.Check(p)
				}
			}
		})
	}
}
