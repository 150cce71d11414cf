package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestSeriesOrderCorporaDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	root, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpora"))
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir, _ := filepath.Abs(filepath.Join(root, e.Name()))
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{rules.SeriesOrder}, Cwd: root})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			t.Logf("%s:%d:%d %s %s", f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Message)
		}
		for _, er := range res.Errors {
			t.Logf("ERR %v", er)
		}
	}
}

func TestSeriesOrderJekyllFR(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-series-fr", rules.SeriesOrder)
}

func TestSeriesOrderJekyllEN(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-series-en", rules.SeriesOrder)
}

func TestSeriesOrderHugoFR(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-series-fr", rules.SeriesOrder)
}

func TestSeriesOrderHugoEN(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-series-en", rules.SeriesOrder)
}
