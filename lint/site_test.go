package lint

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestResolveConfines(t *testing.T) {
	s := &Site{Root: "/site"}
	tests := []struct {
		base, p, want string
		ok            bool
	}{
		{"_posts", "img/a.png", "_posts/img/a.png", true},
		{"_posts", "../assets/a.png", "assets/a.png", true},
		{"_posts", "/assets/a.png", "assets/a.png", true},
		{"_posts", "../../etc/passwd", "", false},
		{"", "/../../etc/passwd", "", false},
		{"a/b", "./c/../d", "a/b/d", true},
	}
	for _, tt := range tests {
		got, ok := s.Resolve(tt.base, tt.p)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%q, %q) = %q %v, want %q %v", tt.base, tt.p, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParsePostName(t *testing.T) {
	d, slug, ok := ParsePostName("2023-04-20-KubeCon-J1")
	if !ok || slug != "KubeCon-J1" || d.Format("2006-01-02") != "2023-04-20" {
		t.Errorf("got %v %q %v", d, slug, ok)
	}
	if _, _, ok := ParsePostName("2023-13-40-x"); ok {
		t.Error("invalid date accepted")
	}
	if _, _, ok := ParsePostName("about"); ok {
		t.Error("name without date accepted")
	}
}

// sameFrontMatter reports how two parses differ, or "".
func sameFrontMatter(got, want FrontMatter) string {
	errText := func(err error) string {
		if err == nil {
			return ""
		}
		return err.Error()
	}
	switch {
	case got.Format != want.Format || got.Span != want.Span || got.Content != want.Content:
		return fmt.Sprintf("format/span/content %v %v %v, want %v %v %v", got.Format, got.Span, got.Content, want.Format, want.Span, want.Content)
	case errText(got.Err) != errText(want.Err) || got.ErrOffset != want.ErrOffset || got.Unterminated != want.Unterminated:
		return fmt.Sprintf("err %q at %d (unterminated %v), want %q at %d (%v)", errText(got.Err), got.ErrOffset, got.Unterminated, errText(want.Err), want.ErrOffset, want.Unterminated)
	case !reflect.DeepEqual(got.Data, want.Data):
		return fmt.Sprintf("data %v, want %v", got.Data, want.Data)
	case !reflect.DeepEqual(got.YAML, want.YAML):
		return "YAML node trees differ"
	}
	return ""
}

// TestIndexedFrontMatterReuse checks that parsing a post reuses the front
// matter its site was indexed with only while the bytes it came from are
// unchanged, and that the reused parse equals a fresh one.
func TestIndexedFrontMatterReuse(t *testing.T) {
	root := t.TempDir()
	long := strings.Repeat("word ", frontMatterReadLimit/5+10)
	files := map[string]string{
		"_config.yml":              "title: x\n",
		"_posts/2024-01-01-a.md":   "---\ntitle: A\ntags: [x]\n---\nbody\n",
		"_posts/2024-01-02-b.md":   "---\ntitle: [broken\n---\nbody\n",
		"_posts/2024-01-03-c.md":   "---\ntitle: C\n---", // closing line at the end of the file
		"_posts/2024-01-04-d.md":   "---\ntitle: D\n" + long + "\n---\nbody\n",
		"_posts/2024-01-05-e.md":   "no front matter\n",
		"_posts/2024-01-06-f.md":   "---\ntitle: F\n---\n" + long,
		"_posts/2024-01-08-h.md":   "---\ntitle: H\nbody: " + strings.Repeat("y", 2*frontMatterFirstRead) + "\n---\n" + long,
		"_posts/2024-01-09-i.md":   strings.Repeat("-", frontMatterFirstRead) + "\n---\ntitle: I\n---\n",
		"_posts/2024-01-10-j.md":   "---" + strings.Repeat(" ", frontMatterFirstRead) + "\ntitle: J\n---\n",
		"_posts/2024-01-07-cut.md": "---\ntitle: G\nbody: " + strings.Repeat("x", frontMatterReadLimit-len("---\ntitle: G\nbody: ")-4) + "\n---more\n---\n",
	}
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := LoadSite(root, SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	reused := map[string]bool{
		"_posts/2024-01-01-a.md": true, "_posts/2024-01-02-b.md": true, "_posts/2024-01-03-c.md": true,
		"_posts/2024-01-06-f.md": true,
		// Blocks and first lines longer than the first read.
		"_posts/2024-01-08-h.md": true,
		"_posts/2024-01-09-i.md": false,
		"_posts/2024-01-10-j.md": true,
		// The block runs past the part of the file the index reads.
		"_posts/2024-01-04-d.md": false,
		// The head stops inside "---more": the index must not take "---" for the end.
		"_posts/2024-01-07-cut.md": false,
		"_posts/2024-01-05-e.md":   false,
	}
	if cut := site.PostByPath("_posts/2024-01-07-cut.md"); cut.Title != "G" || cut.FrontMatterErr != nil {
		t.Fatalf("the index should have read a whole block in the cut head: %q %v", cut.Title, cut.FrontMatterErr)
	}
	for rel, title := range map[string]string{"_posts/2024-01-08-h.md": "H", "_posts/2024-01-09-i.md": "", "_posts/2024-01-10-j.md": "J"} {
		if p := site.PostByPath(rel); p.Title != title || p.FrontMatterErr != nil {
			t.Errorf("%s: title %q (%v), want %q", rel, p.Title, p.FrontMatterErr, title)
		}
	}
	for rel, want := range reused {
		post := site.PostByPath(rel)
		src := []byte(files[rel])
		_, ok := post.frontMatterFor(src)
		if ok != want {
			t.Errorf("%s: reused %v, want %v", rel, ok, want)
		}
		abs := filepath.Join(root, filepath.FromSlash(rel))
		d := ParseFile(site, abs, rel, src, "", nil)
		if diff := sameFrontMatter(d.FrontMatter, parseFrontMatter(src, 0)); diff != "" {
			t.Errorf("%s: %s", rel, diff)
		}
		if ok && d.FrontMatter.Has() && d.FrontMatter.Data != nil && post.parsedFrontMatter.Data != nil &&
			reflect.ValueOf(d.FrontMatter.Data).Pointer() != reflect.ValueOf(post.parsedFrontMatter.Data).Pointer() {
			t.Errorf("%s: front matter decoded again", rel)
		}
	}
	// Edited content (as --fix checks it) is parsed afresh.
	post := site.PostByPath("_posts/2024-01-01-a.md")
	edited := []byte("---\ntitle: Edited\ntags: [x]\n---\nbody\n")
	if _, ok := post.frontMatterFor(edited); ok {
		t.Error("front matter reused for edited content")
	}
	d := ParseFile(site, filepath.Join(root, "_posts", "2024-01-01-a.md"), "a.md", edited, "", nil)
	if d.FrontMatter.Data["title"] != "Edited" {
		t.Errorf("title %v, want the edited one", d.FrontMatter.Data["title"])
	}
	// Only the block's bytes are kept, not the file.
	if n := len(site.PostByPath("_posts/2024-01-06-f.md").parsedFrom); n != len("---\ntitle: F\n---\n") {
		t.Errorf("kept %d bytes of the file", n)
	}
}

// A plain folder holding whole blogs (a repository with a README and a
// Jekyll and a Hugo site beside it) indexes only its own pages: the blogs'
// pages belong to their own sites. Its file index still sees every file,
// so links from the README into a blog resolve.
func TestPlainSiteLeavesNestedSitesOut(t *testing.T) {
	root := writeSite(t, map[string]string{
		"README.md":                       "# Repo\n",
		"notes/todo.md":                   "---\ntitle: t\n---\n",
		"blog/_config.yml":                "title: b\n",
		"blog/_posts/2024-01-01-a.md":     "---\ntitle: a\n---\n",
		"blog/docs/deep/page.md":          "x\n",
		"hugo/config.toml":                "title = 'h'\n",
		"hugo/content/post.md":            "+++\ntitle = 'p'\n+++\n",
		"hugo-like/content/not-a-site.md": "no config beside content/\n",
	})
	site, err := LoadSite(root, SitePlain)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range site.Posts {
		got = append(got, p.Path)
	}
	want := []string{"README.md", "hugo-like/content/not-a-site.md", "notes/todo.md"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("plain site pages = %q, want %q", got, want)
	}
	if !site.Files.Has("blog/_posts/2024-01-01-a.md") {
		t.Error("the file index lost a nested site's file")
	}
}

// TestOpensWithDashes checks the index's record of a file's first bytes
// against the files themselves.
func TestOpensWithDashes(t *testing.T) {
	files := map[string]bool{
		"_posts/2024-01-01-a.md": true,  // a block
		"_posts/2024-01-02-b.md": true,  // after a byte order mark
		"_posts/2024-01-03-c.md": true,  // "----": no block, but the dashes
		"_posts/2024-01-04-d.md": true,  // never closed
		"_posts/2024-01-05-e.md": true,  // "---" alone, no line break
		"_posts/2024-01-06-f.md": false, // TOML
		"_posts/2024-01-07-g.md": false, // none
		"_posts/2024-01-08-h.md": false, // "--"
		"_posts/2024-01-09-i.md": false, // empty
	}
	content := map[string]string{
		"_posts/2024-01-01-a.md": "---\ntitle: A\n---\nbody\n",
		"_posts/2024-01-02-b.md": "\xEF\xBB\xBF---\ntitle: B\n---\n",
		"_posts/2024-01-03-c.md": "----\ntext\n",
		"_posts/2024-01-04-d.md": "---\ntitle: D\n",
		"_posts/2024-01-05-e.md": "---",
		"_posts/2024-01-06-f.md": "+++\ntitle = \"F\"\n+++\n",
		"_posts/2024-01-07-g.md": "text\n",
		"_posts/2024-01-08-h.md": "--",
		"_posts/2024-01-09-i.md": "",
	}
	root := writeSite(t, content)
	site, err := LoadSite(root, SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range files {
		if got := site.PostByPath(rel).OpensWithDashes; got != want {
			t.Errorf("%s: OpensWithDashes %v, want %v", rel, got, want)
		}
	}
}

func TestSiteLocation(t *testing.T) {
	for tz, want := range map[any]string{"Europe/Paris": "Europe/Paris", "UTC": "UTC", "Nowhere/Atlantis": "", "": "", nil: "", 3: ""} {
		s := &Site{Config: map[string]any{"timezone": tz}}
		for range 2 { // loaded once, the same both times
			got := ""
			if loc, ok := s.Location(); ok {
				got = loc.String()
			}
			if got != want {
				t.Errorf("timezone %v: %q, want %q", tz, got, want)
			}
		}
	}
}

// TestIndexKeepsCheckedSources checks that the index keeps the whole
// content of the files to check, as the checker would read it, within the
// site's budget, and indexes every post as it does without keeping them.
func TestIndexKeepsCheckedSources(t *testing.T) {
	long := strings.Repeat("word ", frontMatterReadLimit/5+10)
	files := map[string]string{
		"_config.yml":              "title: x\n",
		"_posts/2024-01-01-a.md":   "---\ntitle: A\ntags: [x]\n---\nbody\n",
		"_posts/2024-01-02-b.md":   "---\ntitle: [broken\n---\nbody\n",
		"_posts/2024-01-03-c.md":   "---\ntitle: C\n---",
		"_posts/2024-01-04-d.md":   "---\ntitle: D\n" + long + "\n---\nbody\n",
		"_posts/2024-01-05-e.md":   "",
		"_posts/2024-01-06-f.md":   "\xEF\xBB\xBF---\ntitle: F\n---\n" + long,
		"_posts/2024-01-07-cut.md": "---\ntitle: G\nbody: " + strings.Repeat("x", frontMatterReadLimit-len("---\ntitle: G\nbody: ")-4) + "\n---more\n---\n",
		"_posts/2024-01-08-h.md":   "---\ntitle: H\nbody: " + strings.Repeat("y", 2*frontMatterFirstRead) + "\n---\n" + long,
		"_posts/2024-01-00-big.md": "---\ntitle: Big\n---\n" + strings.Repeat("z", sourceBudget),
		"notes/not-checked.md":     "---\ntitle: N\n---\n",
	}
	root := writeSite(t, files)
	plain, err := LoadSite(root, SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	checked := func(abs string) bool { return !strings.HasSuffix(abs, "not-checked.md") }
	keeping, err := loadSite(root, SiteJekyll, nil, checked)
	if err != nil {
		t.Fatal(err)
	}
	if len(keeping.Posts) != len(plain.Posts) {
		t.Fatalf("%d posts, want %d", len(keeping.Posts), len(plain.Posts))
	}
	kept := 0
	for i, p := range keeping.Posts {
		abs := filepath.Join(root, filepath.FromSlash(p.Path))
		src := keeping.takeSource(abs)
		want, _ := os.ReadFile(abs)
		switch {
		case !checked(abs) || p.Path == "_posts/2024-01-00-big.md":
			if src != nil {
				t.Errorf("%s: kept, over the budget or not checked", p.Path)
			}
		case !bytes.Equal(src, want) || src == nil:
			t.Errorf("%s: kept %d bytes, want the file's %d", p.Path, len(src), len(want))
		default:
			kept += len(src)
		}
		if keeping.takeSource(abs) != nil {
			t.Errorf("%s: taken twice", p.Path)
		}
		if !reflect.DeepEqual(p, plain.Posts[i]) {
			t.Errorf("%s: indexed as %+v, want %+v", p.Path, p, plain.Posts[i])
		}
	}
	if kept == 0 || kept > sourceBudget {
		t.Errorf("kept %d bytes in all", kept)
	}
	if plain.takeSource(filepath.Join(root, "_posts", "2024-01-01-a.md")) != nil {
		t.Error("LoadSite kept a file's content")
	}
}

// BenchmarkIndexAndReadPosts is a site's index and the reading of every
// post to check: read-once keeps the posts' content from the index for the
// checker; read-twice is how it was, the index reading the head of each
// post and the checker the whole file again.
func BenchmarkIndexAndReadPosts(b *testing.B) {
	corpora := corporaDir()
	if corpora == "" {
		b.Skip("real blogs not found")
	}
	root := filepath.Join(corpora, "jekyll-docs")
	all := func(string) bool { return true }
	for _, bc := range []struct {
		name    string
		checked func(string) bool
	}{{"read-once", all}, {"read-twice", nil}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				site, err := loadSite(root, SiteJekyll, nil, bc.checked)
				if err != nil {
					b.Fatal(err)
				}
				for _, p := range site.Posts {
					abs := filepath.Join(site.Root, filepath.FromSlash(p.Path))
					if src := site.takeSource(abs); src == nil {
						if _, err := readRegular(abs); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
	}
}

// TestRelMatchesFilepathRel holds Site.Rel's shortcut for clean paths to
// filepath.Rel on paths built from tricky elements.
func TestRelMatchesFilepathRel(t *testing.T) {
	slow := func(root, abs string) (string, bool) {
		r, err := filepath.Rel(root, abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", false
		}
		return filepath.ToSlash(r), true
	}
	elems := []string{"a", "b", ".", "..", "", "c.md", ".hidden", "..x", "a b"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, root := range []string{"/", "/site", "/site/", "/si", "/site/a"} {
		s := &Site{Root: root}
		for range 20000 {
			abs := "/site"
			if rng.IntN(4) == 0 {
				abs = "/sit"
			}
			for range rng.IntN(5) {
				abs += "/" + elems[rng.IntN(len(elems))]
			}
			gotRel, gotOK := s.Rel(abs)
			wantRel, wantOK := slow(root, abs)
			if gotRel != wantRel || gotOK != wantOK {
				t.Fatalf("Rel(%q) in %q = %q, %v; filepath.Rel gives %q, %v", abs, root, gotRel, gotOK, wantRel, wantOK)
			}
		}
	}
}
