package rules_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
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
			copyTree(t, src, work)
			res := linttest.Check(t, work, rules.TrailingSpaceBreak)

			var got strings.Builder
			byPath := map[string][]lint.Finding{}
			for _, f := range res.Findings {
				fmt.Fprintf(&got, "%s:%d:%d-%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.End.Line, f.End.Column, f.Message)
				if f.Fix != nil {
					fmt.Fprintf(&got, " [fix: %q]", f.Fix.Edits[0].NewText)
				}
				got.WriteString("\n")
				byPath[f.Path] = append(byPath[f.Path], f)
			}
			golden(t, filepath.Join(src, "findings.golden"), []byte(got.String()))

			for p, fs := range byPath {
				orig, err := os.ReadFile(filepath.Join(work, filepath.FromSlash(p)))
				if err != nil {
					t.Fatal(err)
				}
				out, applied, skipped := lint.ApplyFixes(orig, fs)
				if len(skipped) > 0 || len(applied) != len(fs) {
					t.Errorf("%s: %d fixes applied, %d skipped, want all %d applied", p, len(applied), len(skipped), len(fs))
				}
				if err := lint.CheckFixed(orig, out); err != nil {
					t.Errorf("%s: %v", p, err)
				}
				golden(t, filepath.Join(src, filepath.FromSlash(p)+".fixed"), out)
				if err := os.WriteFile(filepath.Join(work, filepath.FromSlash(p)), out, 0o644); err != nil {
					t.Fatal(err)
				}
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

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// copyTree copies the fixture at src into dst, leaving out golden files.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".golden") || strings.HasSuffix(p, ".fixed") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTrailingSpaceBreakCorpora pins every finding on the real blogs; each
// was reviewed: the two-space breaks are real invisible breaks, the rest is
// trailing white space that renders as nothing (one space, end of a
// paragraph or list item, after a heading, blank lines of spaces, tabs).
func TestTrailingSpaceBreakCorpora(t *testing.T) {
	corpora := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(corpora); err != nil {
		// A worktree sits one level deeper than the main checkout.
		corpora = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	entries, err := os.ReadDir(corpora)
	if err != nil {
		t.Skipf("corpora absent (%v)", err)
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
	golden(t, filepath.Join("..", "testdata", "corpora", "trailing-space-break.golden"), []byte(got.String()))
}
