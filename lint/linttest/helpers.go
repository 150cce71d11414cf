package linttest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// Corpora returns the absolute path of the shared real blogs: the folder
// shared/corpora beside the checkout (../../shared/corpora from a package
// of the main checkout, one level more from a worktree), found by walking
// up from the package folder. It skips the test when there is none.
func Corpora(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		c := filepath.Join(dir, "shared", "corpora")
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	t.Skip("real blogs not found: no shared/corpora in a parent folder (../../shared/corpora from a package); skipping the real-content check")
	return ""
}

// CopyTree copies the fixture site at src into dst, leaving out golden
// files (*.golden, *.fixed) and anything that is not a regular file.
func CopyTree(t testing.TB, src, dst string) {
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
		if strings.HasSuffix(p, ".golden") || strings.HasSuffix(p, ".fixed") || !d.Type().IsRegular() {
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

// Golden compares got with the file at path, or, when update is set (the
// test package's -update flag), rewrites the file with it.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run the test with -update to rewrite it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// ApplyFixes applies the fixes of findings (from a run on dir) to the files
// under dir as `postlint fix` would, failing the test when a finding has no
// fix, a fix is skipped or one makes a file unsafe (lint.CheckFixed). It writes the fixed files back
// and returns their contents by slash path, so that the caller can compare
// them and check dir again.
func ApplyFixes(t testing.TB, dir string, findings []lint.Finding) map[string][]byte {
	t.Helper()
	byPath := map[string][]lint.Finding{}
	for _, f := range findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	out := map[string][]byte{}
	for p, fs := range byPath {
		file := filepath.Join(dir, filepath.FromSlash(p))
		orig, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fixed, applied, skipped := lint.ApplyFixes(orig, fs)
		if len(skipped) > 0 || len(applied) != len(fs) {
			t.Errorf("%s: %d fixes applied, %d skipped, want all %d applied", p, len(applied), len(skipped), len(fs))
		}
		if err := lint.CheckFixed(orig, fixed); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if err := os.WriteFile(file, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		out[p] = fixed
	}
	return out
}
