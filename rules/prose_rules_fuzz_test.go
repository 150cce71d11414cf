package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
)

// FuzzProseRules runs french-typography, image-alt, heading-increment and
// misspell on arbitrary Markdown, as French and as English: no panic,
// findings inside the file, fixes that apply cleanly.
func FuzzProseRules(f *testing.F) {
	for _, p := range []string{
		"../testdata/jekyll-french-typography/_posts/2024-01-10-positifs.md",
		"../testdata/jekyll-french-typography/_posts/2024-01-11-negatifs.md",
		"../testdata/jekyll-image-alt/_posts/2024-03-01-images.md",
		"../testdata/jekyll-heading-increment/_posts/2024-03-01-h2-start.md",
		"../testdata/jekyll-misspell/_posts/2024-03-01-spelling.md",
		"../testdata/hugo-french-typography/content/post/partie-1.md",
	} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("« »!:;?...,. «a» a!b a ! [x](y): ![](z) <img src=x> ### h\n# a\n#### b")
	rules := []*lint.Rule{FrenchTypography, FrenchTypos, ImageAlt, HeadingIncrement, Misspell}
	f.Fuzz(func(t *testing.T, src string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "page.md")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"fr", "en"} {
			res, err := lint.Run(context.Background(), lint.Options{Paths: []string{p}, Rules: rules, Lang: lang, Cwd: dir, SiteKind: "plain", Jobs: 1})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range res.Findings {
				if fd.Start.Offset < 0 || fd.End.Offset > len(src) || fd.Start.Offset > fd.End.Offset {
					t.Fatalf("%s finding out of the file: %+v", fd.Rule, fd)
				}
				if fd.Fix == nil {
					continue
				}
				for _, e := range fd.Fix.Edits {
					if e.Start < 0 || e.End > len(src) || e.Start > e.End {
						t.Fatalf("%s fix out of the file: %+v", fd.Rule, e)
					}
					if utf8.ValidString(src) && !utf8.ValidString(src[:e.Start]+e.NewText+src[e.End:]) {
						t.Fatalf("%s fix breaks UTF-8: %+v", fd.Rule, e)
					}
				}
			}
		}
	})
}
