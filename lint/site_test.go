package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// corpora is where the shared real blogs live, beside the repository.
var corpora = filepath.Join("..", "..", "shared", "corpora")

func TestDiscoverCorpora(t *testing.T) {
	if _, err := os.Stat(corpora); err != nil {
		t.Skipf("real blogs not found at %s: %v", corpora, err)
	}
	tests := []struct {
		dir       string
		kind      SiteKind
		posts     int // Jekyll: files under _posts; Hugo: content pages
		lang      string
		testFile  string
		markdown  string
		baseURL   string
		contentOK bool
	}{
		{"aeris-blog", SiteJekyll, 57, "", "_posts", "kramdown", "", false},
		{"hugo-theme-learn", SiteHugo, 70, "en", "content", "goldmark", "", true},
		{"jekyll-docs", SiteJekyll, 102, "", "_posts", "kramdown", "", false},
		{"ludovicalarcon", SiteJekyll, 7, "", "_posts", "kramdown", "", false},
		{"pix-engineering", SiteJekyll, 15, "fr", "_posts", "kramdown", "", false},
		{"sauml", SiteHugo, 10, "fr", "content", "goldmark", "", true},
		{"travisdowns", SiteJekyll, 22, "", "_posts", "kramdown", "", false},
		{"zibok", SiteHugo, 22, "fr", "content", "goldmark", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join(corpora, tt.dir)
			// Discovery walks up from a file deep inside the site.
			entries, err := os.ReadDir(filepath.Join(dir, tt.testFile))
			if err != nil || len(entries) == 0 {
				t.Fatalf("no files in %s: %v", tt.testFile, err)
			}
			start := filepath.Join(dir, tt.testFile, entries[0].Name())
			root, kind := DiscoverSite(start, dir)
			wantRoot, _ := filepath.Abs(dir)
			if gotRoot, _ := filepath.Abs(root); gotRoot != wantRoot || kind != tt.kind {
				t.Fatalf("DiscoverSite = %s %s, want %s %s", root, kind, wantRoot, tt.kind)
			}
			s, err := LoadSite(root, kind)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, p := range s.Posts {
				if kind == SiteHugo || p.Kind == "post" {
					n++
				}
			}
			if n != tt.posts {
				t.Errorf("%d posts, want %d", n, tt.posts)
			}
			if s.Lang != tt.lang || s.Markdown != tt.markdown || s.BaseURL != tt.baseURL {
				t.Errorf("lang %q markdown %q baseurl %q", s.Lang, s.Markdown, s.BaseURL)
			}
		})
	}
}

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
