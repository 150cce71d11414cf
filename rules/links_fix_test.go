package rules_test

import (
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// Fixes are offered only where the intended target is certain.
func TestLinkRuleFixes(t *testing.T) {
	res := linttest.Check(t, "../testdata/jekyll-links", rules.PostURL, rules.MissingImage)
	want := map[string]string{
		`post_url "2023-04-23-KubeCon-J2.md"`:                "2023-04-23-KubeCon-J2",
		`post_url "2023-04-23-kubecon-j2"`:                   "2023-04-23-KubeCon-J2",
		`post_url "2020-01-02-rust"`:                         "tech/2020-01-02-rust",
		`link "assets/images/photo.png"`:                     "assets/images/Photo.png",
		`image "/assets/images/posts/kubecon/entrance.jpeg"`: "/assets/images/posts/kubecon/Entrance.jpeg",
		`front matter images[] "/assets/images/Logo.png"`:    "/assets/images/logo.png",
	}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		for prefix, text := range want {
			if !strings.HasPrefix(f.Message, prefix) {
				continue
			}
			seen[prefix] = true
			if f.Fix == nil || len(f.Fix.Edits) != 1 || f.Fix.Edits[0].NewText != text {
				t.Errorf("%s: fix %+v, want %q", f.Message, f.Fix, text)
			}
		}
		if strings.Contains(f.Message, "did you mean") && strings.Contains(f.Message, " or ") && f.Fix != nil {
			t.Errorf("%s: a fix among several candidates", f.Message)
		}
	}
	for prefix := range want {
		if !seen[prefix] {
			t.Errorf("no finding %s", prefix)
		}
	}
}
