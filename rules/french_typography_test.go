package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

func TestFrenchTypography(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-french-typography", FrenchTypography)
}

func TestFrenchTypographyNarrow(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-french-typography-narrow", FrenchTypography)
}

func TestFrenchTypographyOptions(t *testing.T) {
	o := FrenchTypography.NewOptions().(*FrenchTypographyOptions)
	if o.Space != "any" || o.Validate() != nil {
		t.Fatalf("default options %+v are not valid", o)
	}
	o.Space = "thin"
	if err := o.Validate(); err == nil || !strings.Contains(err.Error(), "any, nbsp or narrow") {
		t.Fatalf("Validate(thin) = %v", err)
	}
}

// applyFixes applies every finding's fix to the file it is about.
func applyFixes(t *testing.T, dir string, findings []lint.Finding) map[string]string {
	t.Helper()
	byPath := map[string][]lint.Edit{}
	for _, f := range findings {
		if f.Fix != nil {
			byPath[f.Path] = append(byPath[f.Path], f.Fix.Edits...)
		}
	}
	out := map[string]string{}
	for p, edits := range byPath {
		src, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
		s := string(src)
		for _, e := range edits {
			s = s[:e.Start] + e.NewText + s[e.End:]
		}
		out[p] = s
	}
	return out
}

func TestFrenchTypographyFixes(t *testing.T) {
	dir := "../testdata/jekyll-french-typography"
	res := linttest.Check(t, dir, FrenchTypography)
	fixed := applyFixes(t, dir, res.Findings)["_posts/2024-01-10-positifs.md"]
	for _, want := range []string{
		"title: \"Kubernetes\u00a0: le guide\"",
		"ce talk\u202f!",
		"ce talk\u00a0:",
		"Vraiment\u202f?",
		"Une liste\u202f; puis",
		"«\u00a0bonjour » et « au revoir\u00a0».",
		"D'abord, puis ensuite.",
		"Et puis… plus rien.",
		"des méthodes, etc. <!--",
		"**Astuce\u00a0:**",
	} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed text lacks %q:\n%s", want, fixed)
		}
	}
	// A second pass over the fixed text finds nothing.
	tmp := t.TempDir()
	if err := os.MkdirAll(filepath.Join(tmp, "_posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "_config.yml"), []byte("lang: fr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "_posts", "2024-01-10-positifs.md"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range linttest.Check(t, tmp, FrenchTypography).Findings {
		t.Errorf("after the fixes: %s:%d: %s", f.Path, f.Start.Line, f.Message)
	}
}

// TestFrenchTypographyCorpora pins the findings on the real blogs: every one
// was read and is a real slip of French typography (see the report of the
// rule's branch); a change in these numbers is a regression or a fix to
// review.
func TestFrenchTypographyCorpora(t *testing.T) {
	for _, c := range []struct {
		corpus          string
		total, ellipsis int
		must            []string
	}{
		{"ludovicalarcon", 33, 11, []string{
			`_posts/2023-04-30-KubeCon-J3.md:60:28: missing space before "!" (French typography): write "talk !"`,
			`_posts/2023-04-23-KubeCon-J2.md:53:32: missing space before ":" (French typography): write "talk :"`,
		}},
		{"pix-engineering", 117, 7, []string{
			`_posts/2020-04-14-les-capitaines-de-la-production.md:51:415: space before "." (French typography): write "désignée.", with no space`,
		}},
		{"aeris-blog", 9, 0, []string{
			`_posts/2013-03-29-devoxx-2013-journee-3.md:84:110: space before "," (French typography): write "»,", with no space`,
		}},
		{"zibok", 65, 49, nil},
		{"sauml", 34, 3, nil},
		{"hugo-theme-learn", 33, 3, nil},
		{"travisdowns", 0, 0, nil},
		{"jekyll-docs", 0, 0, nil},
	} {
		t.Run(c.corpus, func(t *testing.T) {
			got := proseCorpusFindings(t, c.corpus, FrenchTypography)
			ellipsis := 0
			for _, l := range got {
				if strings.Contains(l, "three periods") || strings.Contains(l, "etc. already ends") {
					ellipsis++
				}
			}
			if len(got) != c.total || ellipsis != c.ellipsis {
				t.Errorf("%d findings (%d ellipses), want %d (%d):\n%s", len(got), ellipsis, c.total, c.ellipsis, strings.Join(got, "\n"))
			}
			for _, m := range c.must {
				found := false
				for _, l := range got {
					found = found || l == m
				}
				if !found {
					t.Errorf("missing finding %s", m)
				}
			}
		})
	}
}

func TestFrenchTypographyNbsp(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-french-typography-nbsp", FrenchTypography)
}

func TestFrenchTypographyHugo(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-french-typography", FrenchTypography)
}
