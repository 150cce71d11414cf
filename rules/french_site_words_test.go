package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// writeFrenchSite makes a Jekyll site whose posts have the given bodies.
func writeFrenchSite(t *testing.T, bodies ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "_posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("title: Site\nlang: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, body := range bodies {
		name := filepath.Join(dir, "_posts", "2024-01-0"+string(rune('1'+i))+"-post.md")
		if err := os.WriteFile(name, []byte("---\ntitle: Billet\n---\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func frenchTestConfig(t *testing.T) *lint.Config {
	t.Helper()
	dict, err := filepath.Abs(filepath.Join("..", "testdata", "french-dict"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := lint.DefaultConfig()
	cfg.Dictionaries = []string{dict}
	return cfg
}

// TestFrenchSiteWords checks that a word used in site-words files of the
// site is not reported, and one used in fewer is.
func TestFrenchSiteWords(t *testing.T) {
	const typo = "Nous parlons des ecosystemes du sujet."
	for _, c := range []struct {
		bodies []string
		want   int
	}{
		{[]string{typo, typo, typo, "Bonjour."}, 0},
		{[]string{typo, typo, "Bonjour.", "Bonjour."}, 2},
	} {
		dir := writeFrenchSite(t, c.bodies...)
		rule := newFrenchTypos(&frenchDictLoader{})
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{rule}, Config: frenchTestConfig(t), Enable: []string{rule.Name}})
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, f := range res.Findings {
			if strings.Contains(f.Message, "écosystèmes") {
				got++
			}
		}
		if got != c.want {
			t.Errorf("%q: %d findings, want %d: %v", c.bodies, got, c.want, res.Findings)
		}
	}
}

// TestFrenchSiteWordsReadOnDemand checks that the site's pages are read
// only once a document has a word to correct.
func TestFrenchSiteWordsReadOnDemand(t *testing.T) {
	dir := writeFrenchSite(t, "Bonjour tout le monde.", "Nous parlons des ecosystemes du sujet.")
	site, err := lint.LoadSite(dir, lint.SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	var passes []*lint.Pass
	capture := &lint.Rule{Name: "capture", DefaultSeverity: lint.SeverityWarning, Check: func(p *lint.Pass) { passes = append(passes, p) }}
	cfg := frenchTestConfig(t)
	enabled, err := lint.SelectRules([]*lint.Rule{capture}, cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	checker := lint.NewChecker([]*lint.Rule{capture}, enabled, cfg, "")
	for _, p := range site.Posts {
		abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
		src, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := checker.Check(site, abs, p.Path, src); err != nil {
			t.Fatal(err)
		}
	}
	if len(passes) != 2 || passes[0].Doc.Lang != "fr" {
		t.Fatalf("%d passes", len(passes))
	}
	loader := &frenchDictLoader{}
	checkFrenchTypos(passes[0], loader)
	if v := siteVocabularyOf(site); v.lowered != nil || v.counts != nil {
		t.Fatal("a document with no word to correct read the site")
	}
	checkFrenchTypos(passes[1], loader)
	if v := siteVocabularyOf(site); v.lowered == nil && v.counts == nil {
		t.Fatal("a document with a word to correct did not read the site")
	}
}

// TestSiteVocabularyAccentIndex: the places of the accented letters that
// uses tries for a word with one find the texts hasWord finds searching
// each text whole, on every accented word and part of a word of a
// French corpus site and on accented letters next to capitals, hyphens
// and apostrophes.
func TestSiteVocabularyAccentIndex(t *testing.T) {
	dir := writeFrenchSite(t, "L'été, ÉTÉ et l’été-là : déjà à côté.", "Été éTé peut-être ÊTRE ça ÿ ß œuvre", "été")
	sites := []*lint.Site{loadCorpusSite(t, "aeris-blog")}
	if site, err := lint.LoadSite(dir, lint.SiteJekyll); err == nil {
		sites = append(sites, site)
	} else {
		t.Fatal(err)
	}
	for _, site := range sites {
		v := &siteVocabulary{site: site}
		v.read(maxSiteText)
		probes := map[string]bool{"é": true, "été": true, "être": true, "peut-être": true, "ça": true, "ÿ": true, "là": true}
		for _, text := range v.lowered {
			frenchWords(text, func(w string, _ bool) {
				probes[w] = true
				for part := range strings.SplitSeq(w, "-") {
					probes[part] = true
				}
			})
		}
		tried := 0
		for w := range probes {
			k := v.rarestAccent(w)
			if k < 0 {
				continue
			}
			tried++
			want := 0
			for _, text := range v.lowered {
				if hasWord(text, w, v.rarestByte(w)) {
					want++
				}
			}
			if got := v.countAt(w, k); got != want {
				t.Fatalf("%s: %q is in %d texts by its accents, %d by search", site.Root, w, got, want)
			}
		}
		if tried < 5 {
			t.Fatalf("%s: only %d words with accents", site.Root, tried)
		}
	}
}
