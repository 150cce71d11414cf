package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// shout reports every "BAD" in a document: a rule for testing the engine.
var shout = &lint.Rule{
	Name:            "shout",
	Summary:         "test rule",
	DefaultSeverity: lint.SeverityWarning,
	Check: func(pass *lint.Pass) {
		src := pass.Doc.Src
		for i := bytes.Index(src, []byte("BAD")); i >= 0; {
			pass.Reportf(i, i+3, "BAD at %d", i)
			j := bytes.Index(src[i+3:], []byte("BAD"))
			if j < 0 {
				break
			}
			i += 3 + j
		}
	},
}

// everyLink reports every link and image: a test rule with many findings on
// real blogs.
var everyLink = &lint.Rule{
	Name:            "every-link",
	Summary:         "test rule",
	DefaultSeverity: lint.SeverityInfo,
	Check: func(pass *lint.Pass) {
		for _, l := range pass.Doc.Links() {
			pass.Reportf(l.DestSpan.Start, l.DestSpan.End, "link to %s", l.Dest)
		}
	},
}

var other = &lint.Rule{Name: "other", Summary: "test rule", DefaultSeverity: lint.SeverityWarning, Check: func(*lint.Pass) {}}

func TestInlineComments(t *testing.T) {
	linttest.Run(t, "../testdata/plain-inline-comments", shout, other, rules.InlineComment)
}

func TestDeterministicWhateverTheJobs(t *testing.T) {
	corpora := linttest.Corpora(t)
	run := func(jobs int) []lint.Finding {
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{corpora}, Rules: append(rules.All(), everyLink), Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}
	one, eight := run(1), run(8)
	if len(one) == 0 {
		t.Fatal("no findings: the comparison would prove nothing")
	}
	if !reflect.DeepEqual(one, eight) {
		t.Errorf("--jobs 1 and --jobs 8 disagree: %d vs %d findings", len(one), len(eight))
	}
}

// TestRulesWarmedForFolders: a run over a folder has the enabled rules
// build their tables while it looks for files, and their site's facts when
// it loads it; a run over named files, a disabled rule, never does.
func TestRulesWarmedForFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nSome text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		path    string
		disable []string
		want    bool
	}{
		{"folder", dir, nil, true},
		{"file", filepath.Join(dir, "a.md"), nil, false},
		{"disabled", dir, []string{"warm"}, false},
	} {
		// Warming runs beside the run: wait for it when it is due, and
		// a little when it is not.
		wait := 100 * time.Millisecond
		if tc.want {
			wait = 10 * time.Second
		}
		tables, site := make(chan struct{}, 1), make(chan struct{}, 1)
		var siteWarmed atomic.Bool
		rule := &lint.Rule{Name: "warm", Summary: "test rule", DefaultSeverity: lint.SeverityWarning,
			// A site's facts are warmed while its files are left to
			// check: the check waits for them.
			Check: func(*lint.Pass) {
				select {
				case <-site:
					siteWarmed.Store(true)
				case <-time.After(wait):
				}
			},
			Warm:     func() { tables <- struct{}{} },
			WarmSite: func(*lint.Site, any) { site <- struct{}{} },
		}
		_, err := lint.Run(context.Background(), lint.Options{Paths: []string{tc.path}, Rules: []*lint.Rule{rule}, Disable: tc.disable})
		if err != nil {
			t.Fatal(err)
		}
		tablesWarmed := false
		select {
		case <-tables:
			tablesWarmed = true
		case <-time.After(wait):
		}
		if tablesWarmed != tc.want {
			t.Errorf("%s: tables warmed %v, want %v", tc.name, tablesWarmed, tc.want)
		}
		if got := siteWarmed.Load() || len(site) > 0; got != tc.want {
			t.Errorf("%s: site warmed %v, want %v", tc.name, got, tc.want)
		}
	}
}
