package lint

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func loadTestSite(t *testing.T, kind SiteKind, files map[string]string) *Site {
	t.Helper()
	s, err := LoadSite(writeSite(t, files), kind)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestResolvePostURL(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml":                           "title: x\n",
		"_posts/2023-04-20-KubeCon-J1.md":       "---\ntitle: J1\n---\n",
		"_posts/2023-04-23-KubeCon-J2.markdown": "---\ntitle: J2\n---\n",
		"_posts/tech/2020-01-02-sub.md":         "---\n---\n",
		"blog/_posts/2021-05-06-nested.html":    "---\n---\n",
		"_posts/2019-01-01-moved.md":            "---\nslug: renamed\n---\n",
		"_posts/notes.md":                       "no date: not a post\n",
		"_posts/2022-02-02-text.textile":        "---\n---\n",
		"_drafts/2024-01-01-draft.md":           "---\n---\n",
	})
	tests := []struct {
		name       string
		want       string
		deprecated bool
		err        error
	}{
		{"2023-04-20-KubeCon-J1", "_posts/2023-04-20-KubeCon-J1.md", false, nil},
		{" 2023-04-23-KubeCon-J2 ", "_posts/2023-04-23-KubeCon-J2.markdown", false, nil},
		{"/2023-04-20-KubeCon-J1", "_posts/2023-04-20-KubeCon-J1.md", false, nil},
		{"tech/2020-01-02-sub", "_posts/tech/2020-01-02-sub.md", false, nil},
		{"blog/2021-05-06-nested", "blog/_posts/2021-05-06-nested.html", false, nil},
		{"2022-02-02-text", "_posts/2022-02-02-text.textile", false, nil},
		// Only date and slug match: Jekyll's deprecated fallback.
		{"2020-01-02-sub", "_posts/tech/2020-01-02-sub.md", true, nil},
		{"2019-01-01-renamed", "_posts/2019-01-01-moved.md", true, nil},
		{"2023-04-20-kubecon-j1", "", false, &PostURLError{}},
		{"2024-01-01-draft", "", false, &PostURLError{}},
		{"notes", "", false, ErrPostName},
		{"2023-04-20-KubeCon-J1.md", "", false, &PostURLError{}},
	}
	for _, tt := range tests {
		p, dep, err := s.ResolvePostURL(tt.name)
		switch {
		case tt.err == nil && err != nil:
			t.Errorf("%q: unexpected error %v", tt.name, err)
		case errors.Is(tt.err, ErrPostName) && !errors.Is(err, ErrPostName):
			t.Errorf("%q: error %v, want ErrPostName", tt.name, err)
		case tt.err != nil && err == nil:
			t.Errorf("%q: resolved to %s, want an error", tt.name, p.Path)
		case tt.err == nil && (p.Path != tt.want || dep != tt.deprecated):
			t.Errorf("%q: got %s deprecated=%v, want %s deprecated=%v", tt.name, p.Path, dep, tt.want, tt.deprecated)
		}
	}
	_, _, err := s.ResolvePostURL("2023-04-20-kubecon-j1")
	var pe *PostURLError
	if !errors.As(err, &pe) || len(pe.Similar) == 0 || pe.Similar[0] != "2023-04-20-KubeCon-J1" {
		t.Errorf("similar for a case typo: %#v", err)
	}
	_, _, err = s.ResolvePostURL("2023-04-21-KubeCon-J1")
	if !errors.As(err, &pe) || len(pe.Similar) == 0 || pe.Similar[0] != "2023-04-20-KubeCon-J1" {
		t.Errorf("similar for a date a day off: %#v", err)
	}
	_, _, err = s.ResolvePostURL("2023-04-20-KubeCon-J9")
	if !errors.As(err, &pe) || len(pe.Similar) == 0 || pe.Similar[0] != "2023-04-20-KubeCon-J1" {
		t.Errorf("similar for a slug typo: %#v", err)
	}
	_, _, err = s.ResolvePostURL("1999-01-01-nothing-like-it")
	if !errors.As(err, &pe) || len(pe.Similar) != 0 {
		t.Errorf("similar for an unrelated name: %#v", err)
	}
	if got := s.PostURLName("_posts/tech/2020-01-02-sub.md"); got != "tech/2020-01-02-sub" {
		t.Errorf("PostURLName = %q", got)
	}
}

func TestResolveLink(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml":             "collections:\n  docs:\n    output: true\n",
		"about.md":                "---\n---\n",
		"assets/Img.png":          "",
		"_docs/install.md":        "---\n---\n",
		"_posts/2020-01-01-a.md":  "---\n---\n",
		"_includes/footer.html":   "",
		"_drafts/2020-01-01-d.md": "---\n---\n",
	})
	for _, ok := range []string{"about.md", "/assets/Img.png", "_docs/install.md", "_posts/2020-01-01-a.md"} {
		if _, err := s.ResolveLink(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	var le *LinkError
	if _, err := s.ResolveLink("assets/img.png"); !errors.As(err, &le) || !reflect.DeepEqual(le.CaseVariants, []string{"assets/Img.png"}) {
		t.Errorf("case variant: %#v", err)
	}
	if _, err := s.ResolveLink("../etc/passwd"); !errors.As(err, &le) || !le.Escapes {
		t.Errorf("escape: %#v", err)
	}
	if _, err := s.ResolveLink("_includes/footer.html"); !errors.As(err, &le) || le.Unpublished == "" {
		t.Errorf("underscore folder: %#v", err)
	}
	if _, err := s.ResolveLink("_drafts/2020-01-01-d.md"); !errors.As(err, &le) || le.Unpublished == "" {
		t.Errorf("draft: %#v", err)
	}
	if _, err := s.ResolveLink("./about.md"); err == nil {
		t.Errorf("./about.md resolved; Jekyll compares paths verbatim")
	}
}

func TestResolveRef(t *testing.T) {
	s := loadTestSite(t, SiteHugo, map[string]string{
		"config.toml":                      "baseURL = 'https://x.org/'\n",
		"content/_index.md":                "---\n---\n",
		"content/about.md":                 "---\n---\n",
		"content/posts/_index.md":          "---\n---\n",
		"content/posts/first.md":           "---\n---\n",
		"content/posts/My-Bundle/index.md": "---\n---\n",
		"content/posts/My-Bundle/notes.md": "resource, not a page\n",
		"content/tech/first.md":            "---\n---\n",
		"content/tech/deep/second.md":      "---\n---\n",
	})
	tests := []struct{ from, ref, want string }{
		{"content/posts/first.md", "about", "content/about.md"},
		{"content/posts/first.md", "about.md", "content/about.md"},
		{"content/posts/first.md", "/About", "content/about.md"},
		{"content/about.md", "posts/first", "content/posts/first.md"},
		{"content/about.md", "posts/my-bundle", "content/posts/My-Bundle/index.md"},
		{"content/about.md", "posts/My-Bundle/index.md", "content/posts/My-Bundle/index.md"},
		{"content/about.md", "posts/_index.md", "content/posts/_index.md"},
		{"content/about.md", "posts", "content/posts/_index.md"},
		// Page-relative first: from posts/, "first" is posts/first.
		{"content/posts/first.md", "first", "content/posts/first.md"},
		{"content/tech/first.md", "first.md", "content/tech/first.md"},
		// A leaf bundle looks from its parent folder.
		{"content/posts/My-Bundle/index.md", "first", "content/posts/first.md"},
		{"content/tech/first.md", "deep/second", "content/tech/deep/second.md"},
		{"content/about.md", "second", "content/tech/deep/second.md"},
		{"content/about.md", "#anchor", "content/about.md"},
		{"content/about.md", "tech/first#part", "content/tech/first.md"},
	}
	for _, tt := range tests {
		p, err := s.ResolveRef(tt.from, tt.ref, "")
		if err != nil {
			t.Errorf("%s: ref %q: %v", tt.from, tt.ref, err)
			continue
		}
		if p.Path != tt.want {
			t.Errorf("%s: ref %q = %s, want %s", tt.from, tt.ref, p.Path, tt.want)
		}
	}
	var re *RefError
	if _, err := s.ResolveRef("content/about.md", "first", ""); !errors.As(err, &re) || len(re.Ambiguous) != 2 {
		t.Errorf("ambiguous: %#v", err)
	}
	if _, err := s.ResolveRef("content/about.md", "notes", ""); !errors.As(err, &re) {
		t.Errorf("a bundle resource is no page: %#v", err)
	}
	if _, err := s.ResolveRef("content/about.md", "./first", ""); err == nil {
		t.Errorf("./first from content/ resolved")
	}
	if _, err := s.ResolveRef("content/about.md", "tech/frist", ""); !errors.As(err, &re) || len(re.Similar) == 0 || re.Similar[0] != "content/tech/first.md" {
		t.Errorf("similar: %#v", err)
	}
}

func TestResolveRefMultilingual(t *testing.T) {
	s := loadTestSite(t, SiteHugo, map[string]string{
		"config.toml":                     "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/cont/pages.en.md":        "---\n---\n",
		"content/cont/pages.fr.md":        "---\n---\n",
		"content/cont/only-en.md":         "---\n---\n",
		"content/shortcodes/_index.en.md": "---\n---\n",
		"content/shortcodes/_index.fr.md": "---\n---\n",
	})
	tests := []struct{ from, ref, lang, want string }{
		{"content/cont/pages.fr.md", "cont/pages", "", "content/cont/pages.fr.md"},
		{"content/cont/pages.fr.md", "cont/pages.fr.md", "", "content/cont/pages.fr.md"},
		{"content/cont/pages.en.md", "cont/pages", "", "content/cont/pages.en.md"},
		{"content/cont/pages.en.md", "cont/pages", "fr", "content/cont/pages.fr.md"},
		{"content/cont/pages.en.md", "shortcodes/_index.md", "", "content/shortcodes/_index.en.md"},
		{"content/cont/pages.en.md", "only-en", "", "content/cont/only-en.md"},
	}
	for _, tt := range tests {
		p, err := s.ResolveRef(tt.from, tt.ref, tt.lang)
		if err != nil {
			t.Errorf("%s: ref %q: %v", tt.from, tt.ref, err)
			continue
		}
		if p.Path != tt.want {
			t.Errorf("%s: ref %q = %s, want %s", tt.from, tt.ref, p.Path, tt.want)
		}
	}
	if _, err := s.ResolveRef("content/cont/pages.fr.md", "only-en", ""); err == nil {
		t.Errorf("an English-only page resolved from French")
	}
	if _, err := s.ResolveRef("content/cont/pages.fr.md", "x", "de"); err == nil {
		t.Errorf("unknown language accepted")
	}
}

func TestJekyllURL(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml":                 "permalink: pretty\ncollections:\n  docs:\n    permalink: /:collection/:path/\n  tutorials:\n    output: true\n",
		"_posts/2023-04-20-Hello.md":  "---\ncategories: [Tech, go]\n---\n",
		"blog/_posts/2020-01-02-x.md": "---\n---\n",
		"_docs/install/index.md":      "---\n---\n",
		"_tutorials/a.md":             "---\n---\n",
		"about.md":                    "---\n---\n",
		"guide/index.md":              "---\n---\n",
		"custom.md":                   "---\npermalink: /elsewhere/page.html\n---\n",
		"_includes/x.md":              "",
	})
	tests := map[string]string{
		"_posts/2023-04-20-Hello.md":  "/tech/go/2023/04/20/Hello/",
		"blog/_posts/2020-01-02-x.md": "/blog/2020/01/02/x/",
		"_docs/install/index.md":      "/docs/install/index/",
		"_tutorials/a.md":             "/tutorials/a/",
		"about.md":                    "/about/",
		"guide/index.md":              "/guide/",
		"custom.md":                   "/elsewhere/page.html",
	}
	for rel, want := range tests {
		got, ok := s.JekyllURL(rel, s.PostByPath(rel).FrontMatter)
		if !ok || got != want {
			t.Errorf("JekyllURL(%s) = %q, %v; want %q", rel, got, ok, want)
		}
	}
	if _, ok := s.JekyllURL("_includes/x.md", nil); ok {
		t.Errorf("an include has no URL")
	}
}

func TestResolvePostURLCollectionsDir(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml":                           "collections_dir: my_collections\n",
		"my_collections/_posts/2020-01-01-a.md": "---\n---\n",
		"_posts/2021-01-01-ignored.md":          "---\n---\n",
	})
	if p, _, err := s.ResolvePostURL("2020-01-01-a"); err != nil || p.Path != "my_collections/_posts/2020-01-01-a.md" {
		t.Errorf("got %v, %v", p, err)
	}
	if _, _, err := s.ResolvePostURL("2021-01-01-ignored"); err == nil {
		t.Errorf("a _posts folder outside collections_dir is read")
	}
}

// jekyllExcludedAsFirstWritten is JekyllExcluded before the globs were
// compiled once and the folders taken as prefixes of the path.
func jekyllExcludedAsFirstWritten(pats []string, rel string) bool {
	fnmatch := func(pattern, name string) bool {
		re := fnmatchRegexp(pattern)
		return re != nil && re.MatchString(name)
	}
	entry := ""
	for _, seg := range strings.Split(rel, "/") {
		if entry != "" {
			entry += "/"
		}
		entry += seg
		for _, p := range pats {
			if strings.HasPrefix(entry, p) || p == entry+"/" || fnmatch(p, entry) {
				return true
			}
		}
	}
	return false
}

// TestJekyllExcludedAsFirstWritten compares excludedBy with the code it
// replaced on random paths (slashes doubled, leading and trailing) and
// pattern lists (plain, folders, globs).
func TestJekyllExcludedAsFirstWritten(t *testing.T) {
	patterns := []string{"notes", "*.txt", "private/secret.md", "docs/", "a?/b", "[ab]x", "*", "x*", "a/", "[", "é"}
	pieces := []string{"/", "//", "a", "b", "x", "notes", "docs", "private", "secret.md", ".txt", "ax", "é"}
	rng := rand.New(rand.NewPCG(3, 4))
	excluded := 0
	for range 20000 {
		var texts []string
		var pats []excludePattern
		for range rng.IntN(4) {
			p := patterns[rng.IntN(len(patterns))]
			texts = append(texts, p)
			pats = append(pats, excludePattern{p, fnmatchRegexp(p)})
		}
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		rel := b.String()
		got, want := excludedBy(pats, rel), jekyllExcludedAsFirstWritten(texts, rel)
		if got != want {
			t.Fatalf("excludedBy(%q, %q) = %v, the old code says %v", texts, rel, got, want)
		}
		if got {
			excluded++
		}
	}
	if excluded < 2000 || excluded > 18000 {
		t.Fatalf("%d of 20000 paths excluded: the test does not exercise both answers", excluded)
	}
}

func TestJekyllExcluded(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml": "exclude: [notes, '*.txt', /private/secret.md, docs/]\ninclude: [node_modules]\n",
	})
	for rel, want := range map[string]bool{
		"notes/a.md":           true,
		"notes-old/a.md":       true, // Jekyll matches a plain prefix
		"a.txt":                true,
		"sub/b.txt":            true, // * crosses folders in fnmatch without flags
		"private/secret.md":    true,
		"private/other.md":     false,
		"docs/x.md":            true,
		"docsx/y.md":           false,
		"Gemfile":              true,
		"vendor/bundle/x.md":   true,
		"vendor/x.md":          false,
		"node_modules/x.md":    false, // included again
		"about.md":             false,
		"_posts/2020-01-01.md": false,
	} {
		if got := s.JekyllExcluded(rel); got != want {
			t.Errorf("JekyllExcluded(%s) = %v, want %v", rel, got, want)
		}
	}
}

func TestJekyllRendersLiquid(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml": "collections:\n  docs:\n    output: true\nexclude: [private]\n",
	})
	tests := []struct {
		rel  string
		fm   bool
		want bool
	}{
		{"_posts/2020-01-01-a.md", false, true},
		{"_posts/notes.md", true, false}, // not a post: never read
		{"blog/_posts/2020-01-01-a.md", false, true},
		{"_drafts/idea.md", false, true},
		{"_docs/a.md", false, true},
		{"_includes/a.md", false, true},
		{"_notes/a.md", true, false},
		{".github/a.md", true, false},
		{"about.md", true, true},
		{"README.md", false, false},
		{"private/a.md", true, false},
	}
	for _, tt := range tests {
		if got := s.JekyllRendersLiquid(tt.rel, tt.fm, nil); got != tt.want {
			t.Errorf("JekyllRendersLiquid(%s, %v) = %v, want %v", tt.rel, tt.fm, got, tt.want)
		}
	}
	if s.JekyllRendersLiquid("about.md", true, map[string]any{"render_with_liquid": false}) {
		t.Errorf("render_with_liquid: false ignored")
	}
}

func TestJekyllURLs(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml":                      "collections:\n  tutorials:\n    output: true\ndefaults:\n  - scope: {path: legal}\n    values: {permalink: /law/:basename/}\n",
		"_posts/2023-04-20-a.md":           "---\ndate: 2023-04-20 23:30:00 -0500\n---\n",
		"_posts/2023-04-21-C'est l'été.md": "---\ncategory: Blog Notes\n---\n",
		"_tutorials/b.md":                  "---\nslug: Be Sure\n---\n",
		"legal/terms.md":                   "---\n---\n",
	})
	tests := map[string][]string{
		// Without a timezone the day depends on the build machine's zone.
		"_posts/2023-04-20-a.md":           {"/2023/04/20/a.html", "/2023/04/21/a.html"},
		"_posts/2023-04-21-C'est l'été.md": {"/blog notes/2023/04/21/C'est-l'été.html"},
		"_tutorials/b.md":                  {"/tutorials/b.html"},
		"legal/terms.md":                   {"/law/terms/"},
	}
	for rel, want := range tests {
		got, ok := s.JekyllURLs(rel, s.PostByPath(rel).FrontMatter)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("JekyllURLs(%s) = %q, %v; want %q", rel, got, ok, want)
		}
	}
}

// TestPostFileNamedMatchesJekyllRegexp holds postFileNamed to the regexp
// of Jekyll's post_url.rb it replaces, on paths built from the pieces
// that matter (folders, _posts, dots, extensions) and on random bytes.
func TestPostFileNamedMatchesJekyllRegexp(t *testing.T) {
	jekyll := func(rel, dir, name string) bool {
		re := regexp.MustCompile(`^_posts/` + regexp.QuoteMeta(dir+name) + `\.[^.]+|^` + regexp.QuoteMeta(dir) + `_posts/?` + regexp.QuoteMeta(name) + `\.[^.]+`)
		return re.MatchString(rel)
	}
	pieces := []string{"_posts", "/", ".", "..", "md", "a", "2020-01-02-a", "2020-01-02-a.b", "sub/", "é", "\n", "\xff"}
	dirs := []string{"", "sub/", "a/b/", "_posts/", "./"}
	names := []string{"2020-01-02-a", "2020-01-02-a.b", "2020-01-02-", "2020-01-02-é"}
	rng := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		rel := b.String()
		dir, name := dirs[rng.IntN(len(dirs))], names[rng.IntN(len(names))]
		if rng.IntN(2) == 0 {
			// Most random paths match nothing: build a near miss of a match.
			rel = []string{"_posts/" + dir, dir + "_posts/", dir + "_posts"}[rng.IntN(3)] + name + rel
		}
		got, want := postFileNamed(rel, dir, name), jekyll(rel, dir, name)
		if got != want {
			t.Fatalf("postFileNamed(%q, %q, %q) = %v, Jekyll's regexp says %v", rel, dir, name, got, want)
		}
		if got {
			matched++
		}
	}
	if matched < 500 {
		t.Fatalf("only %d matches: the test does not exercise matching", matched)
	}
}

// TestIsDatedFilename checks isDatedFilename against the expression it
// replaces, on paths built from the pieces of dated and undated names.
func TestIsDatedFilename(t *testing.T) {
	pieces := []string{"2020", "20", "202", "20201", "1", "01", "123", "-", "/", "//", ".", "..", "md", "markdown", "a", "b c", "\n", "é", "\xff", "_posts", "0"}
	rng := rand.New(rand.NewPCG(5, 6))
	inputs := []string{"", "2020-01-02-a.md", "/2020-01-02-a.md", "x/2020-01-02-a.md", "//2020-01-02-a.md", "a\n/2020-01-02-a.md", "2020-1-2-.md", "2020-01-02-a.", "2020-01-02-a.b.c", "2020-01-02.md"}
	some := func(b *strings.Builder, n int) {
		for range rng.IntN(n) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
	}
	digits := func(b *strings.Builder, n int) {
		for range rng.IntN(n) {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
	}
	seps := []string{"-", "-", "-", "-", "/", ".", ""}
	folders := []string{"", "", "a/", "x/y/", "/", "//", "\n/", "a\n/", "a/\n", "é/"}
	names := []string{"a.md", "b c.markdown", ".md", "a.", "a.b.c", "a", "a/b.md", "a.\n", "\n.x", "a..", "x.é"}
	for range 100000 {
		var b strings.Builder
		if rng.IntN(2) == 0 {
			b.WriteString(folders[rng.IntN(len(folders))])
		} else {
			some(&b, 4) // noise
		}
		for _, n := range []int{6, 4, 4} {
			digits(&b, n)
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		if rng.IntN(2) == 0 {
			b.WriteString(names[rng.IntN(len(names))])
		} else {
			some(&b, 4) // noise
		}
		inputs = append(inputs, b.String())
	}
	matched := 0
	for _, s := range inputs {
		want := jekyllDateFilename.MatchString(s)
		if got := isDatedFilename(s); got != want {
			t.Errorf("isDatedFilename(%q) = %v, the expression says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 300 {
		t.Errorf("only %d inputs match", matched)
	}
}

// BenchmarkIsDatedFilename reads typical post names with isDatedFilename
// and with the expression it replaces.
func BenchmarkIsDatedFilename(b *testing.B) {
	names := []string{"2023-04-20-KubeCon-J1.md", "2019/2019-12-01-advent-of-code-day-1.markdown", "drafts/notes.md", "2021-3-7-x.md", "index.md"}
	for _, fn := range []struct {
		name  string
		match func(string) bool
	}{{"fast", isDatedFilename}, {"regexp", jekyllDateFilename.MatchString}} {
		b.Run(fn.name, func(b *testing.B) {
			for b.Loop() {
				for _, n := range names {
					fn.match(n)
				}
			}
		})
	}
}
