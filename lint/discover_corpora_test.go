package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

func TestDiscoverCorpora(t *testing.T) {
	corpora := linttest.Corpora(t)
	tests := []struct {
		dir       string
		kind      lint.SiteKind
		posts     int // Jekyll: files under _posts; Hugo: content pages
		lang      string
		testFile  string
		markdown  string
		baseURL   string
		contentOK bool
	}{
		{"aeris-blog", lint.SiteJekyll, 57, "", "_posts", "kramdown", "", false},
		{"hugo-theme-learn", lint.SiteHugo, 70, "en", "content", "goldmark", "", true},
		{"jekyll-docs", lint.SiteJekyll, 102, "", "_posts", "kramdown", "", false},
		{"ludovicalarcon", lint.SiteJekyll, 7, "", "_posts", "kramdown", "", false},
		{"pix-engineering", lint.SiteJekyll, 15, "fr", "_posts", "kramdown", "", false},
		{"sauml", lint.SiteHugo, 10, "fr", "content", "goldmark", "", true},
		{"travisdowns", lint.SiteJekyll, 22, "", "_posts", "kramdown", "", false},
		{"zibok", lint.SiteHugo, 22, "fr", "content", "goldmark", "", true},
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
			root, kind := lint.DiscoverSite(start, dir)
			wantRoot, _ := filepath.Abs(dir)
			if gotRoot, _ := filepath.Abs(root); gotRoot != wantRoot || kind != tt.kind {
				t.Fatalf("DiscoverSite = %s %s, want %s %s", root, kind, wantRoot, tt.kind)
			}
			s, err := lint.LoadSite(root, kind)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, p := range s.Posts {
				if kind == lint.SiteHugo || p.Kind == "post" {
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
