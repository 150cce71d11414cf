package rules_test

import (
	"regexp"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestFrontMatter(t *testing.T) {
	dir := "../testdata/jekyll-front-matter"
	res := linttest.Check(t, dir, rules.FrontMatter)
	wants, err := linttest.ParseWants(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Line 1 holds the opening delimiter, where no want comment fits.
	wants = append(wants, linttest.Want{Path: "unterminated.md", Line: 1, Rule: "front-matter", RE: regexp.MustCompile(`^front matter opened with "---" on line 1 is never closed: add a "---" line after the last key$`)})
	linttest.Compare(t, res.Findings, wants)
	for _, f := range res.Findings {
		want := lint.SeverityWarning
		if regexp.MustCompile(`does not parse|never closed|invalid date`).MatchString(f.Message) {
			want = lint.SeverityError
		}
		if f.Severity != want {
			t.Errorf("%s:%d: severity %v, want %v (%s)", f.Path, f.Start.Line, f.Severity, want, f.Message)
		}
	}
}

func TestFrontMatterSeverityOverride(t *testing.T) {
	res := linttest.Check(t, "../testdata/jekyll-front-matter-override", rules.FrontMatter)
	if len(res.Findings) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(res.Findings), res.Findings)
	}
	for _, f := range res.Findings {
		if f.Severity != lint.SeverityInfo {
			t.Errorf("%s:%d: severity %v, want info (configured)", f.Path, f.Start.Line, f.Severity)
		}
	}
}

func TestFrontMatterHugo(t *testing.T) {
	dir := "../testdata/hugo-front-matter"
	res := linttest.Check(t, dir, rules.FrontMatter)
	wants, err := linttest.ParseWants(dir)
	if err != nil {
		t.Fatal(err)
	}
	// JSON has no comments: the want for its error is written here.
	wants = append(wants, linttest.Want{Path: "content/posts/broken-json.md", Line: 4, Rule: "front-matter", RE: regexp.MustCompile(`^front matter does not parse as JSON: line 4: invalid character '}' looking for beginning of object key string$`)})
	linttest.Compare(t, res.Findings, wants)
}
