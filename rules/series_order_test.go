package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// TestSeriesOrderCorpora pins every series-order finding on the real blogs:
// each is a real defect (see the rule's report), and the correct or
// deliberately incomplete series of aeris-blog, zibok, sauml and
// pix-engineering stay silent.
func TestSeriesOrderCorpora(t *testing.T) {
	root := linttest.Corpora(t)
	want := []string{
		`ludovicalarcon/_posts/2023-04-30-KubeCon-J3.md:11:20: error: says "deuxième" (part 2) but this is part 3 of 3 by date (Jour 1 2023-04-20, Jour 2 2023-04-23, Jour 3 2023-04-30)`,
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		res := linttest.Check(t, filepath.Join(root, e.Name()), rules.SeriesOrder)
		for _, f := range res.Findings {
			got = append(got, fmt.Sprintf("%s/%s:%d:%d: %s: %s", e.Name(), f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Message))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("series-order findings on the corpora:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
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

// TestSeriesOrderOptions runs a site whose .postlint.yml renames the keys,
// accepts two-part lists and lowers the severity: missing parts then come
// at that lower severity too.
func TestSeriesOrderOptions(t *testing.T) {
	res := linttest.Run(t, "../testdata/jekyll-series-options", rules.SeriesOrder)
	for _, f := range res.Findings {
		if f.Severity != lint.SeverityInfo {
			t.Errorf("%s:%d: severity %s, want info", f.Path, f.Start.Line, f.Severity)
		}
	}
	for _, o := range []rules.SeriesOrderOptions{{SeriesKey: "", MinLinks: 2}, {SeriesKey: "series", MinLinks: 0}} {
		if err := o.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want an error", o)
		}
	}
}

// Links through {% link %} with a leading slash, relative_url and the
// site's permalink URLs name their parts.
func TestSeriesOrderJekyllLinks(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-series-links", rules.SeriesOrder)
}
