package rules

import (
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

func TestImageAlt(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-image-alt", ImageAlt)
}

// TestImageAltCorpora pins the findings on the real blogs: each is a
// Markdown image written ![](path), which screen readers cannot describe.
func TestImageAltCorpora(t *testing.T) {
	for _, c := range []struct {
		corpus string
		total  int
	}{
		{"ludovicalarcon", 24}, {"pix-engineering", 6}, {"aeris-blog", 0}, {"zibok", 0},
		{"sauml", 0}, {"hugo-theme-learn", 0}, {"travisdowns", 0}, {"jekyll-docs", 0},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			got := proseCorpusFindings(t, c.corpus, ImageAlt)
			if len(got) != c.total {
				t.Errorf("%d findings, want %d:\n%s", len(got), c.total, strings.Join(got, "\n"))
			}
			for _, l := range got {
				if !strings.Contains(l, "has no alternative text: describe it between the brackets") {
					t.Errorf("unexpected kind of finding: %s", l)
				}
			}
		})
	}
}

// TestMayHoldImgTag checks the <img> prefilter of image-alt against its
// expression.
func TestMayHoldImgTag(t *testing.T) {
	for _, s := range []string{"<img", "<IMG src=x>", "<iMg/>", "< img", "<im", "img", "<<Img", "<imgx", "x<i\nmg"} {
		if mayHoldImgTag([]byte(s)) != strings.Contains(strings.ToLower(s), "<img") {
			t.Errorf("mayHoldImgTag(%q) = %v", s, mayHoldImgTag([]byte(s)))
		}
		if !mayHoldImgTag([]byte(s)) && imgTagRE.MatchString(s) {
			t.Errorf("mayHoldImgTag(%q) = false, but the expression matches", s)
		}
	}
}
