package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
)

// linkCorpusFindings runs rs over every corpus and returns its findings as
// "corpus/path:line:col: severity rule: message" lines.
func linkCorpusFindings(t *testing.T, rs ...*lint.Rule) []string {
	t.Helper()
	// ../../shared in a clone of the project; one more level up from a
	// worktree under wt/.
	root := filepath.Join("..", "..", "shared", "corpora")
	entries, err := os.ReadDir(root)
	if err != nil {
		root = filepath.Join("..", "..", "..", "shared", "corpora")
		if entries, err = os.ReadDir(root); err != nil {
			t.Skipf("corpora not found at ../../shared/corpora: %v", err)
		}
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir, err := filepath.Abs(filepath.Join(root, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: rs, Config: lint.DefaultConfig(), Cwd: dir, Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, er := range res.Errors {
			t.Errorf("%s: %v", e.Name(), er)
		}
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
