package rules

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// checkScanAnchors holds scanAnchors to computeAnchors over a full parse:
// when the scan answers, it must give exactly the same anchors. It reports
// whether the scan answered.
func checkScanAnchors(t *testing.T, site *lint.Site, name string, src []byte) bool {
	t.Helper()
	got, ok := scanAnchors(site, src)
	if !ok {
		return false
	}
	abs := filepath.Join(site.Root, "x.md")
	want := computeAnchors(site, lint.ParseFileWithoutLanguage(site, abs, "x.md", src))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: scanAnchors = %+v\nwant (parsed) %+v\nsource:\n%s", name, got, want, src)
	}
	return true
}

// anchorTestSites are a site of each id engine and template syntax.
func anchorTestSites(t testing.TB) []*lint.Site {
	t.Helper()
	var sites []*lint.Site
	for _, s := range []struct {
		kind   lint.SiteKind
		config string
	}{
		{lint.SiteJekyll, "title: x\n"},                                           // kramdown, GFM input
		{lint.SiteJekyll, "kramdown:\n  input: kramdown\n  auto_id_prefix: p-\n"}, // kramdown's own ids
		{lint.SiteJekyll, "markdown: CommonMarkGhPages\n"},                        // GitHub ids, no attribute lists
		{lint.SiteJekyll, "kramdown:\n  auto_ids: false\n"},
		{lint.SiteHugo, "title = 'x'\n"},
		{lint.SitePlain, ""},
	} {
		dir := t.TempDir()
		cfg := map[lint.SiteKind]string{lint.SiteJekyll: "_config.yml", lint.SiteHugo: "hugo.toml"}[s.kind]
		if cfg != "" {
			if err := os.WriteFile(filepath.Join(dir, cfg), []byte(s.config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		site, err := lint.LoadSite(dir, s.kind)
		if err != nil {
			t.Fatal(err)
		}
		sites = append(sites, site)
	}
	return sites
}

// TestScanAnchorsCorpora compares the scan with the parse on every
// Markdown page of the real blogs, read as a page of each kind of site,
// and checks that the scan answers for most of them.
func TestScanAnchorsCorpora(t *testing.T) {
	sites := anchorTestSites(t)
	pages, scanned := 0, 0
	forEachCorpusMarkdown(t, func(p string, src []byte) {
		pages++
		for i, site := range sites {
			if checkScanAnchors(t, site, p, src) && i == 0 {
				scanned++
			}
		}
	})
	t.Logf("scanAnchors answered for %d of %d pages", scanned, pages)
	if pages > 0 && scanned*3 < pages {
		t.Errorf("scanAnchors answered for only %d of %d pages", scanned, pages)
	}
}

// scanAnchorPieces are lines that put the scan's limits side by side.
var scanAnchorPieces = []string{
	"---\n", "---\ntitle: x\n---\n", "--- \n", "...\n", "===\n", "-\n", "- - -\n", "***\n",
	"# Title\n", "## Two words\n", "### Été déjà\n", "# Dup\n", "# Dup\n", "#NoSpace\n", "####### seven\n", "#\n", "## x ##\n",
	"# a & b\n", "# a &amp; b\n", "# *em* x\n", "# `code`\n", "# [link](/x)\n", "# a_b\n", "# www.example.com\n", "# see http://x.io\n", "# a@b.c\n",
	"# Title {#custom}\n", "# T {{ site.x }}\n", "# a -- b\n", "# 1. Intro\n", "# Q? (yes!)\n", "# x\u00a0\n",
	"{: #ial}\n", "{: .class}\n", "{:toc}\n",
	"text\n", "more text\n", "\n", "\n", "\n",
	"```\n", "```go\n", "~~~\n", "````\n", "``` `x`\n", "   ```\n", "    ```\n", "  # indented\n", "    # code\n", "\t# tab\n", "#\ttab\n",
	"- item\n", "  continued\n", "1. one\n", "> quote\n", "> # quoted\n", "- # listed\n", "[^1]: note\n", "[^2]: # note heading\n", "[ref]: /url\n",
	"<div>\n", "</div>\n", "<!--\n", "-->\n", "<div id=\"html\"></div>\n", "a <span id='s'>x</span>\n",
	"{% raw %}\n", "{% endraw %}\n", "{% include x.html %}\n", "{{ page.title }}\n", "{{\n", "}}\n", "{{< ref \"x\" >}}\n",
	"a {% raw %}`{% highlight %}`{% endraw %} b\n", "{%- raw -%}\n", "{% endraw -%}\n", "{% comment %}\n", "{% endcomment %}\n",
	"{% highlight go %}\n", "{% endhighlight %}\n", "{% if x %}\n", "{% endif %}\n", "{% assign a = 1 %}\n", "{% include_relative x %}\n",
	"```{{ `x` }}\n", "``` {: .x}\n", "# a  b  \n", "# a \u00a0 b\n", "# Ünïcödé ’quote’ 日本\n", "# 100% (v2.0): done!\n",
	"{% unknown %}\n", "{%\n", "%}\n", "{% # note %}\n", "x {{ a }} y\n", "{{ a\n", "{{ a }}# T\n",
	"| a | b |\n", "|---|---|\n", "Term\n", "text[^1]\n", "\r\n",
	"<div class=\"note\">\n", "<DIV>\n", "<p>text</p>\n", "</details>\n", "<div\tx>\n", "</ div>\n", "<section/>\n", "<custom>\n",
	"<pre>\n", "<!-- c -->\n", "<div>{{ x }}\n", "<div {{ x }}>\n", "<div{{ x }}>\n", "  {{ x }}\n", "a {{ x }}\n", "\f\n", " \v \n", "\t\n",
	"# R&D\n", "# a &amp;b\n", "# &copy; 2024\n", "# a&nbsp;b\n", "# &\n", "# a &unknown; b\n", "# Q&A -- x\n", "# a &#35; b\n",
	"# `pending-feedback`\n", "## a `b` c\n", "# `a` `b`\n", "# ``x``\n", "# ` x `\n", "# ` x`\n", "# `x\n", "# `*x*` _y_\n",
	"# `<b>` & `&amp;`\n", "# `{{ x }}`\n", "# `a\\`b`\n", "# x `#` ##\n", "# `www.x.io`\n", "# `x`{#id}\n", "# `\tx`\n", "# a``b\n",
	"  <a href=\"{{ '/x/' | relative_url }}\">x</a>\n", "  <tbody>\n", "   <div>\n", "    <tr>\n", "  {%- for e in x %}\n", "{{ x }}\n",
	"## a {%- include x.html -%}\n", "# `x` {{ y }}\n", "# {{ a }}\n", "# a {{ b\n", "# a {% raw %}{{ b }}{% endraw %}\n", "# a {{ b }}{#id}\n",
	"# a {{ b }} ##\n", "## T {#t}\n", "## T {#}\n", "## T{#t}\n", "## T {#t} \n", "## T {#a.b}\n", "## T {#t .c}\n", "## {#t}\n", "## T {#t}}\n",
	"## T {{ x }} {#t}\n", "## T {#t} {{ x }}\n", "## `c` {#t}\n", "## T {#Été}\n", "## a {b} {#t}\n", "## T {#t}\n{: #u}\n", "## T \\{#t}\n", "# x {{ '}}' }}\n", "# a {% if x %}b{% endif %} c\n", "# `a {{ b }}` c\n", "# a{{b}}`c`\n", "# a {x} {{ y }}\n",
	"   ```sh\n", "  ```\n", " ~~~\n", "   ```\n", "   # in code\n", "  x\n", "\t```\n", " \t```\n", "  ````\n", "1. step\n", "   more\n",
	"    {% endfor -%}\n", "  {{ x }} {{ y }}\n", "  {% x %}y\n", "{{ a %}\n", ": def\n", "+\n", "2) two\n", "10.\n", "{% if x %}<p>\n", "<h2 id=\"h\">T</h2>\n", "<hr/>\n", "<ul>\n", "<li>item</li>\n",
}

// TestScanAnchorsRandom compares the scan with the parse on random mixes
// of awkward lines.
func TestScanAnchorsRandom(t *testing.T) {
	compareScanOnRandomPages(t, "random mix", scanAnchorPieces, rand.NewPCG(1, 2), 14, 20000, 1)
}

// scanAnchorPlainPieces are lines of the pages the scan reads: random
// mixes of them compare many headings, duplicates and attribute lists.
var scanAnchorPlainPieces = []string{
	"# Title\n", "## Two words\n", "### Été déjà\n", "# Dup\n", "## Dup\n", "# a -- b\n", "# a---b\n", "# 1. Intro\n", "# Q? (yes!)\n",
	"# x\u00a0\n", "#   spaced   out   \n", "# 2024\n", "# -\n", "# Section 1\n", "# section\n", "# Ünïcödé ’quote’ 日本\n",
	"{: #ial}\n", "{: .class}\n", "{:toc}\n", "{: #a .b}\n", "{:#c}\n",
	"text\n", "text with {{ page.x }} inline\n", "a {% raw %}`{% x %}`{% endraw %} b\n", "{% if x %}\n", "{% endif %}\n",
	"\n", "\n", "```\n", "```go\n", "~~~~\n", "- item\n", "1. one\n", "> quote\n",
	"[^1]: note\n", "[^n]: other\n", "text[^1]\n", "a <span id='s'>x</span>\n", "<a name=\"n\"></a> x\n",
	"# R&D\n", "# Q&A -- x\n", "# `code` title\n", "## Installing {#install}\n", "## T {#t-1_b}\n", "## `x` and `y`\n", "# a `b-c` d\n", "# `Dup`\n",
	"<div class=\"note\">\n", "</div>\n", "<p>text\n", "<div id=\"d\"></div>\n", "  see <a href=\"{{ x }}\">y</a>\n",
}

// TestScanAnchorsRandomPlain compares the scan with the parse on random
// pages the scan mostly reads.
func TestScanAnchorsRandomPlain(t *testing.T) {
	sites := anchorTestSites(t)
	rng := rand.New(rand.NewPCG(5, 6))
	answered := 0
	for _, s := range randomMixes(rng, scanAnchorPlainPieces, 30, 5000) {
		for _, site := range sites {
			if checkScanAnchors(t, site, "random plain page", []byte(s)) {
				answered++
			}
		}
	}
	if answered < 6*5000/4 {
		t.Errorf("scanAnchors answered for only %d of %d pages", answered, 6*5000)
	}
}

// scanAnchorHTMLPieces are lines of pages with HTML blocks, tables built by
// template loops and headings around them, as documentation sites write.
var scanAnchorHTMLPieces = []string{
	"   ```sh\n", "   ```\n", "  ```\n", "```\n", "    x\n", "  # in code\n", "1. step\n", "- item\n", " \t```\n",
	"<table>\n", "  <thead>\n", "  <tbody>\n", "</table>\n", "   <div class=\"note\">\n", "<div>\n", "</div>\n",
	"    {%- for e in x %}\n", "  {% endfor -%}\n", "{{ x }}\n", "  {{ x }} {{ y }}\n", "{% raw %}\n", "{% endraw %}\n",
	"    <tr>\n", "      <td>{{ e.name }}</td>\n", "<p id=\"p\">x</p>\n", "  <h2 id=\"h\">T</h2>\n",
	"# Heading\n", "## Two `code`\n", "# R&D\n", "## Installing {#install}\n", "## Dup {#install}\n", "### A `b` c {%- include x.html v=\"1\" -%}\n", "# {{ x }} y\n", "# Heading\n", "    # code\n", "  # indented\n", "Title\n", "---\n",
	"\n", "\n", "\n", "text\n", "```\n", "- item\n", "> quote\n", "1. one\n", "[^1]: note\n", ": def\n", "{: #ial}\n",
}

// TestScanAnchorsRandomHTML compares the scan with the parse on random
// pages of HTML blocks and template tags.
func TestScanAnchorsRandomHTML(t *testing.T) {
	compareScanOnRandomPages(t, "random HTML page", scanAnchorHTMLPieces, rand.NewPCG(7, 8), 24, 10000, 6*10000/10)
}

// compareScanOnRandomPages compares the scan with the parse on pages of
// up to lines random pieces, on every test site; the scan must answer for
// at least minAnswered of them.
func compareScanOnRandomPages(t *testing.T, what string, pieces []string, src rand.Source, lines, pages, minAnswered int) {
	sites := anchorTestSites(t)
	answered := 0
	for _, s := range randomMixes(rand.New(src), pieces, lines, pages) {
		for _, site := range sites {
			if checkScanAnchors(t, site, what, []byte(s)) {
				answered++
			}
		}
	}
	t.Logf("scanAnchors answered for %d of %d pages", answered, len(sites)*pages)
	if answered < minAnswered {
		t.Errorf("scanAnchors answered for only %d of %d pages", answered, len(sites)*pages)
	}
}

func FuzzScanAnchors(f *testing.F) {
	for _, p := range scanAnchorPieces {
		f.Add(p + "# Title\n" + p)
	}
	f.Add("---\ntitle: x\n---\n# A\n{: #a}\n## B\ntext\n```\n# not\n```\n# A\n")
	f.Add("# 0 \u00a0") // a heading's text is trimmed of Unicode spaces too
	for _, p := range scanAnchorHTMLPieces {
		f.Add("<table>\n  <tbody>\n" + p + "# Title\n" + p)
	}
	sites := anchorTestSites(f)
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Count(s, "\n") > 200 {
			return
		}
		for _, site := range sites {
			checkScanAnchors(t, site, "fuzz", []byte(s))
		}
	})
}

// BenchmarkLinkedPageAnchors is the anchors of every page of the real
// blogs read as a linked page: parsed, as before scanAnchors, or scanned
// when the scan can answer.
func BenchmarkLinkedPageAnchors(b *testing.B) {
	site := anchorTestSites(b)[0]
	var pages [][]byte
	forEachCorpusMarkdown(b, func(_ string, src []byte) { pages = append(pages, src) })
	abs := filepath.Join(site.Root, "x.md")
	parse := func(src []byte) *docAnchors {
		return computeAnchors(site, lint.ParseFileWithoutLanguage(site, abs, "x.md", src))
	}
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range pages {
				parse(src)
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, src := range pages {
				if _, ok := scanAnchors(site, src); !ok {
					parse(src)
				}
			}
		}
	})
}

// BenchmarkComputeAnchors is the anchors of every page of the real blogs,
// parsed once beforehand, as internal-link computes them for each page it
// checks.
func BenchmarkComputeAnchors(b *testing.B) {
	type page struct {
		site *lint.Site
		doc  *lint.Document
	}
	var pages []page
	forEachCorpusSite(b, func(site *lint.Site) {
		site.Files.Walk(func(rel string) {
			if !lint.IsMarkdown(rel) {
				return
			}
			abs := filepath.Join(site.Root, filepath.FromSlash(rel))
			src, err := os.ReadFile(abs)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, page{site, lint.ParseFileWithoutLanguage(site, abs, rel, src)})
		})
	})
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			computeAnchors(p.site, p.doc)
		}
	}
}

// ialIDRE is the expression attributeListLine replaces.
var ialIDRE = regexp.MustCompile(`^\s*\{:\s*([^}]*)\}\s*$`)

func checkAttributeListLine(t *testing.T, line string) {
	t.Helper()
	var want []byte
	m := ialIDRE.FindStringSubmatch(line)
	if m != nil {
		want = []byte(m[1])
	}
	got, ok := attributeListLine([]byte(line))
	if ok != (m != nil) || ok && !bytes.Equal(got, want) {
		t.Errorf("%q: attributeListLine = %q, %v; the expression says %q, %v", line, got, ok, want, m != nil)
	}
}

var attributeListSeeds = []string{"{: #a}", " \t{:#a}", "\f{: .x #y }  ", "\v{: #a}", "x {: #a}", "{:", "{: #a} x", "{:}", "{: a}}", "{: a } \r\n",
	"{:\n #a}", "{: #a}\v", "  {:  \t#id  .c}\t", "{{: #a}", "{:: #a}", "{: é}"}

// TestAttributeListLine compares attributeListLine with the expression on
// seeds and every line of the real blogs.
func TestAttributeListLine(t *testing.T) {
	for _, s := range attributeListSeeds {
		checkAttributeListLine(t, s)
	}
	forEachCorpusMarkdown(t, func(_ string, src []byte) {
		for _, line := range strings.Split(string(src), "\n") {
			checkAttributeListLine(t, line)
		}
	})
}

func FuzzAttributeListLine(f *testing.F) {
	for _, s := range attributeListSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAttributeListLine)
}
