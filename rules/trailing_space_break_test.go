package rules_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files of the trailing-space-break fixtures")

// The fixtures of trailing-space-break keep their expectations in golden
// files (findings.golden, and FILE.fixed for the fixed content): a want
// comment on the line would change the very trailing characters under test,
// and one on a line of its own would split the paragraph.
func TestTrailingSpaceBreak(t *testing.T) {
	for _, dir := range []string{"jekyll-trailing-space", "hugo-trailing-space", "plain-trailing-space-spaces"} {
		t.Run(dir, func(t *testing.T) {
			src := filepath.Join("..", "testdata", dir)
			work := t.TempDir()
			linttest.CopyTree(t, src, work)
			res := linttest.Check(t, work, rules.TrailingSpaceBreak)

			var got strings.Builder
			for _, f := range res.Findings {
				fmt.Fprintf(&got, "%s:%d:%d-%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column, f.Message)
				if f.Fix != nil {
					fmt.Fprintf(&got, " [fix: %q]", f.Fix.Edits[0].NewText)
				}
				got.WriteString("\n")
			}
			linttest.Golden(t, filepath.Join(src, "findings.golden"), []byte(got.String()), *update)

			for p, out := range linttest.ApplyFixes(t, work, res.Findings) {
				linttest.Golden(t, filepath.Join(src, filepath.FromSlash(p)+".fixed"), out, *update)
			}
			// Every finding has a fix, so the fixed site has nothing left.
			again := linttest.Check(t, work, rules.TrailingSpaceBreak)
			for _, f := range again.Findings {
				t.Errorf("after fixing: %s:%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.Message)
			}
		})
	}
}

func TestTrailingSpaceBreakOptions(t *testing.T) {
	o := &rules.TrailingSpaceBreakOptions{Style: "explicit", Break: "auto"}
	if err := o.Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
	for _, bad := range []rules.TrailingSpaceBreakOptions{{Style: "space", Break: "auto"}, {Style: "explicit", Break: "br"}} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

// TestTrailingSpaceBreakCorpora pins every finding on the real blogs; each
// was reviewed: the two-space breaks are real invisible breaks, the rest is
// trailing white space that renders as nothing (one space, end of a
// paragraph or list item, after a heading, blank lines of spaces, tabs).
func TestTrailingSpaceBreakCorpora(t *testing.T) {
	corpora := linttest.Corpora(t)
	entries, err := os.ReadDir(corpora)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		res := linttest.Check(t, filepath.Join(corpora, e.Name()), rules.TrailingSpaceBreak)
		for _, f := range res.Findings {
			fmt.Fprintf(&got, "%s/%s:%d:%d: %s\n", e.Name(), f.Path, f.Start.Line, f.Start.Column, f.Message)
		}
	}
	linttest.Golden(t, filepath.Join("..", "testdata", "corpora", "trailing-space-break.golden"), []byte(got.String()), *update)
}
