package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// proseCorpusDirs are where the shared real blogs live, relative to this
// package: beside the main checkout, or beside a worktree's parent.
var proseCorpusDirs = []string{
	filepath.Join("..", "..", "shared", "corpora"),
	filepath.Join("..", "..", "..", "shared", "corpora"),
}

// proseCorpusFindings runs one rule, at its defaults, on one corpus and
// returns its findings as "path:line:col: message" lines (paths relative to
// the corpus), sorted. It skips the test when the corpora are absent.
func proseCorpusFindings(t *testing.T, corpus string, rule *lint.Rule) []string {
	t.Helper()
	dir := ""
	for _, d := range proseCorpusDirs {
		if _, err := os.Stat(filepath.Join(d, corpus)); err == nil {
			dir = filepath.Join(d, corpus)
			break
		}
	}
	if dir == "" {
		t.Skipf("corpus %s not found under %s: skipping the real-content test", corpus, strings.Join(proseCorpusDirs, " or "))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{abs}, Rules: []*lint.Rule{rule}, Cwd: abs, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("run error: %v", e)
	}
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.Message))
	}
	sort.Strings(out)
	return out
}
