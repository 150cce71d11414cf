package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/rules"
)

// TestDumpCorpus prints the findings of POSTLINT_DUMP's rule on every
// corpus; it is a development aid and does nothing by default.
func TestDumpCorpus(t *testing.T) {
	name := os.Getenv("POSTLINT_DUMP")
	if name == "" {
		t.Skip("set POSTLINT_DUMP=RULE to print its findings on the corpora")
	}
	r := rules.ByName(name)
	if r == nil {
		t.Fatalf("no rule %s", name)
	}
	base := corporaDir(t)
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir, _ := filepath.Abs(filepath.Join(base, e.Name()))
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{r}, Enable: []string{name}, Cwd: filepath.Dir(dir), Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			fmt.Printf("%s:%d:%d: %s %s: %s\n", f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Rule, f.Message)
		}
		for _, e := range res.Errors {
			fmt.Println("ERROR", e)
		}
	}
}

// corporaDir finds the shared corpora beside the repository (or beside the
// worktree folder that holds it), skipping the test when absent.
func corporaDir(t *testing.T) string {
	t.Helper()
	for _, p := range []string{filepath.Join("..", "..", "shared", "corpora"), filepath.Join("..", "..", "..", "shared", "corpora")} {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
	}
	t.Skip("corpora absent: ../../shared/corpora not found")
	return ""
}
