package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

// proseCorpusFindings runs one rule, at its defaults, on one corpus and
// returns its findings as "path:line:col: message" lines (paths relative to
// the corpus), sorted. It skips the test when the corpora are absent.
func proseCorpusFindings(t *testing.T, corpus string, rule *lint.Rule) []string {
	t.Helper()
	dir := filepath.Join(linttest.Corpora(t), corpus)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus %s absent: %v", corpus, err)
	}
	res := linttest.Check(t, dir, rule)
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.Message))
	}
	sort.Strings(out)
	return out
}
