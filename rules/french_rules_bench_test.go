package rules

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// frenchBenchPasses parses every page of the French corpus site aeris-blog
// as the engine does and returns the passes a rule gets for each, so that
// the benchmarks time the French rules alone, not the parse.
func frenchBenchPasses(b testing.TB) (*lint.Site, []*lint.Pass) {
	b.Helper()
	site, err := lint.LoadSite(filepath.Join(linttest.Corpora(b), "aeris-blog"), lint.SiteJekyll)
	if err != nil {
		b.Fatal(err)
	}
	var passes []*lint.Pass
	capture := &lint.Rule{Name: "french-bench", DefaultSeverity: lint.SeverityWarning, Check: func(pass *lint.Pass) {
		if pass.Doc.Lang == "fr" {
			passes = append(passes, pass)
		}
	}}
	cfg := lint.DefaultConfig()
	enabled, err := lint.SelectRules([]*lint.Rule{capture}, cfg, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	checker := lint.NewChecker([]*lint.Rule{capture}, enabled, cfg, "")
	for _, p := range site.Posts {
		abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
		src, err := os.ReadFile(abs)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := checker.Check(site, abs, p.Path, src); err != nil {
			b.Fatal(err)
		}
	}
	if len(passes) < 50 {
		b.Fatalf("aeris-blog has %d French pages, want 50 or more", len(passes))
	}
	return site, passes
}

// BenchmarkFrenchTypos is french-typos over the 57 pages of a French blog
// (its dictionary loaded and its site word counts made once, as in a run).
func BenchmarkFrenchTypos(b *testing.B) {
	_, passes := frenchBenchPasses(b)
	loader := &frenchDictLoader{}
	for _, p := range passes {
		// Load the dictionary and fill its caches, as a run has after its
		// first pages.
		checkFrenchTypos(p, loader)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range passes {
			checkFrenchTypos(p, loader)
		}
	}
}

// BenchmarkFrenchTypography is french-typography over the same pages.
func BenchmarkFrenchTypography(b *testing.B) {
	_, passes := frenchBenchPasses(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range passes {
			checkFrenchTypography(p)
		}
	}
}

// BenchmarkFrenchSiteWords is what french-typos spends on the site's
// vocabulary once per site: every page of the site read, and the words
// the dictionary would correct in a run over the site looked up.
func BenchmarkFrenchSiteWords(b *testing.B) {
	site, passes := frenchBenchPasses(b)
	loader := &frenchDictLoader{}
	for _, p := range passes {
		checkFrenchTypos(p, loader)
	}
	asked := slices.Collect(maps.Keys(siteVocabularyOf(site).answers))
	if len(asked) < 10 {
		b.Fatalf("%d words asked", len(asked))
	}
	b.ReportAllocs()
	for b.Loop() {
		v := &siteVocabulary{site: site}
		for _, w := range asked {
			v.uses(w)
		}
	}
}

// BenchmarkCountSiteWords counts every word of every page of the site, as
// the vocabulary does for a site too large to keep its text.
func BenchmarkCountSiteWords(b *testing.B) {
	site, _ := frenchBenchPasses(b)
	b.ReportAllocs()
	for b.Loop() {
		countSiteWords(site)
	}
}

// BenchmarkAppendLower lowercases every Markdown file of the corpora, as
// the site vocabulary does with a site's pages.
func BenchmarkAppendLower(b *testing.B) {
	var texts []string
	size := 0
	forEachCorpusMarkdown(b, func(_ string, src []byte) {
		texts = append(texts, string(src))
		size += len(src)
	})
	b.SetBytes(int64(size))
	var buf []byte
	for b.Loop() {
		for _, text := range texts {
			buf = appendLower(buf[:0], text)
		}
	}
}

// BenchmarkTokenizeFrench tokenizes the prose of the French blog's pages
// into one reused slice, as a checker does.
func BenchmarkTokenizeFrench(b *testing.B) {
	_, passes := frenchBenchPasses(b)
	var texts []string
	size := 0
	for _, p := range passes {
		blocks := p.Doc.Prose()
		for i := range blocks {
			text := proseText(p.Doc.Src, &blocks[i])
			texts = append(texts, text)
			size += len(text)
		}
	}
	b.SetBytes(int64(size))
	var toks []frToken
	for b.Loop() {
		for _, text := range texts {
			toks = appendFrenchTokens(toks[:0], text)
		}
	}
}

// BenchmarkSiteVocabularyRead is the first read of the French blog's
// vocabulary: every page read and lowered.
func BenchmarkSiteVocabularyRead(b *testing.B) {
	site, _ := frenchBenchPasses(b)
	b.ReportAllocs()
	for b.Loop() {
		v := &siteVocabulary{site: site}
		v.read(maxSiteText)
	}
}

// BenchmarkFrenchTyposColdCache is BenchmarkFrenchTypos with the CPU's
// caches flushed between pages, as in a run, where the parse and the
// other rules of a page pass through them: the cost of the caches of
// french-typos that memory, not the CPU, bounds.
func BenchmarkFrenchTyposColdCache(b *testing.B) {
	_, passes := frenchBenchPasses(b)
	loader := &frenchDictLoader{}
	for _, p := range passes {
		checkFrenchTypos(p, loader)
	}
	flush := make([]byte, 8<<20)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range passes {
			b.StopTimer()
			for i := 0; i < len(flush); i += 64 {
				flush[i]++
			}
			b.StartTimer()
			checkFrenchTypos(p, loader)
		}
	}
}

// BenchmarkFrenchListMatch looks up every word of the French blog's
// prose in the list, as checkText does, the texts tokenized beforehand.
func BenchmarkFrenchListMatch(b *testing.B) {
	_, passes := frenchBenchPasses(b)
	type text struct {
		text string
		toks []frToken
	}
	var texts []text
	for _, p := range passes {
		blocks := p.Doc.Prose()
		for i := range blocks {
			t := proseText(p.Doc.Src, &blocks[i])
			texts = append(texts, text{t, tokenizeFrench(t)})
		}
	}
	c := &frChecker{opts: &FrenchTyposOptions{}, table: frenchTable(), accepted: map[string]bool{}, emit: func(int, int, string, *string) {}}
	offs := &textOffsets{offs: make([]int, 1<<20)}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			c.reported = map[[2]int]bool{}
			for i := range t.toks {
				c.matchList(t.toks, i, t.text, offs)
			}
		}
	}
}
