package rules

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/postlint/postlint/lint"
)

// doublestarExcludes is how jekyllReads matched an exclude pattern before
// its literal fast path: the reference the fast path must agree with.
func doublestarExcludes(pattern, rel string) bool {
	if ok, _ := doublestar.Match(pattern, rel); ok {
		return true
	}
	ok, _ := doublestar.Match(strings.TrimSuffix(pattern, "/")+"/**", rel)
	return ok
}

func TestJekyllExcludeLiteralMatchesDoublestar(t *testing.T) {
	pieces := []string{"a", "b", "ab", "/", "//", ".", "..", "_", "-", "*", "?", "[a]", "{a,b}", "\\", "vendor", "bundle", "Gemfile", "é", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	patterns := append(randomMixes(rng, pieces, 5, 400), jekyllDefaultExcludes...)
	patterns = append(patterns, "", "a", "a/b", "a/", "/a", "a//b", "./a", "a/./b", "a/../b", ".")
	rels := append(randomMixes(rng, pieces, 6, 400), "", "a", "a/b", "a/b/c", "ab", "a/", "/a", "a//b", "vendor/bundle/x.rb", "vendor/bundlex", "Gemfile", "Gemfile.lock", ".sass-cache/a", "node_modules/x/y.md")
	literals := 0
	for _, p := range patterns {
		e := jekyllExclude{pattern: p, literal: literalGlob(p), under: p + "/"}
		if e.literal {
			literals++
		}
		for _, rel := range rels {
			if got, want := e.matches(rel), doublestarExcludes(p, rel); got != want {
				t.Errorf("pattern %q, path %q: fast path says %v, doublestar %v", p, rel, got, want)
			}
		}
	}
	if literals < 50 {
		t.Fatalf("only %d literal patterns tried", literals)
	}
}

// jekyllReadsReference is jekyllReads as it was before jekyllReader: the
// configuration read and every pattern matched by doublestar on each call.
func jekyllReadsReference(site *lint.Site, rel string) bool {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	collectionsDir := strings.Trim(fmString(site.Config["collections_dir"]), "/")
	if collectionsDir != "" {
		if rest, ok := strings.CutPrefix(dir, collectionsDir+"/"); ok {
			dir = rest
		} else if dir == collectionsDir {
			dir = ""
		}
	}
	cols := jekyllCollections(site)
	if dir != "" {
		for i, part := range strings.Split(dir, "/") {
			if part == "_posts" || part == "_drafts" {
				continue
			}
			if i == 0 && strings.HasPrefix(part, "_") {
				if _, ok := cols[strings.TrimPrefix(part, "_")]; ok {
					continue
				}
			}
			if strings.HasPrefix(part, "_") || strings.HasPrefix(part, ".") || strings.HasPrefix(part, "#") || strings.HasPrefix(part, "~") {
				return false
			}
		}
	}
	for _, pat := range jekyllExcludes(site) {
		if doublestarExcludes(pat, rel) {
			return false
		}
	}
	return true
}

func TestJekyllReadsMatchesReferenceOnCorpora(t *testing.T) {
	n := 0
	forEachCorpusSite(t, func(site *lint.Site) {
		if site.Kind != lint.SiteJekyll {
			return
		}
		site.Files.Walk(func(rel string) {
			n++
			if got, want := jekyllReads(site, rel), jekyllReadsReference(site, rel); got != want {
				t.Errorf("%s: %s: jekyllReads %v, reference %v", site.Root, rel, got, want)
			}
		})
	})
	if n == 0 {
		t.Fatal("no Jekyll file tried")
	}
}

// BenchmarkJekyllReads asks jekyllReads about every file of the Jekyll
// blogs, as the URL index and the rules' builtBySite do; "reference" is the
// code it replaced.
func BenchmarkJekyllReads(b *testing.B) {
	var sites []*lint.Site
	forEachCorpusSite(b, func(site *lint.Site) {
		if site.Kind == lint.SiteJekyll {
			sites = append(sites, site)
		}
	})
	for _, fn := range []struct {
		name  string
		reads func(*lint.Site, string) bool
	}{{"fast", jekyllReads}, {"reference", jekyllReadsReference}} {
		b.Run(fn.name, func(b *testing.B) {
			for b.Loop() {
				for _, site := range sites {
					site.Files.Walk(func(rel string) { fn.reads(site, rel) })
				}
			}
		})
	}
}
