package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// linkCorpusFindings runs rs over every corpus and returns its findings as
// "corpus/path:line:col: severity rule: message" lines.
func linkCorpusFindings(t *testing.T, rs ...*lint.Rule) []string {
	t.Helper()
	root := linttest.Corpora(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		res := linttest.Check(t, filepath.Join(root, e.Name()), rs...)
		for _, f := range res.Findings {
			out = append(out, fmt.Sprintf("%s/%s:%d:%d: %s %s: %s", e.Name(), f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Rule, f.Message))
		}
	}
	return out
}

func TestLinkRulesCorporaDump(t *testing.T) {
	if os.Getenv("POSTLINT_DUMP") == "" {
		t.Skip("set POSTLINT_DUMP=1 to print findings")
	}
	fmt.Println(strings.Join(linkCorpusFindings(t, rules.PostURL, rules.MissingImage), "\n"))
}

// TestLinkRulesCorpora pins every post-url and missing-image finding on
// the real blogs: each is a real defect of the site.
func TestLinkRulesCorpora(t *testing.T) {
	got := linkCorpusFindings(t, rules.PostURL, rules.MissingImage)
	want := []string{
		// The post links to itself where it announces its second part.
		`pix-engineering/_posts/2023-08-25-migrer-de-commonjs-vers-esm.md:25:112: warning post-url: post_url "2023-08-25-migrer-de-commonjs-vers-esm" links to this post itself; the next or previous part was probably meant; did you mean 2023-09-06-migrer-de-commonjs-vers-esm-migration?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings on the corpora:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
