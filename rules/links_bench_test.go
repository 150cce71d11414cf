package rules

import (
	"context"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// BenchmarkLinkRulesCorpora runs internal-link and series-order alone over
// the real blogs: site index, parse and the two rules.
func BenchmarkLinkRulesCorpora(b *testing.B) {
	for _, r := range []*lint.Rule{InternalLink, SeriesOrder} {
		b.Run(r.Name, func(b *testing.B) {
			dir := linttest.Corpora(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{r}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
