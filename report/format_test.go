package report

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Test-only rules keep the golden files independent of the real rules.
var (
	testTodo = &lint.Rule{
		Name:            "test-todo",
		Summary:         "no TODO markers left in posts",
		Doc:             "Reports `TODO` markers.\nA post with one is\nnot finished.\n\n## Fix\n\nReplace it with `DONE`.\n",
		DefaultSeverity: lint.SeverityWarning,
		Tags:            []string{"test", "style", "test"},
		Fixable:         true,
		Check: func(p *lint.Pass) {
			forEach(p.Doc.Src, "TODO", func(i int) {
				p.ReportWithFix(i, i+4, "TODO left in the text: finish the sentence or remove the marker", "Replace TODO with DONE", "DONE")
			})
		},
	}
	testFixme = &lint.Rule{
		Name:            "test-fixme",
		Summary:         "no FIXME markers",
		DefaultSeverity: lint.SeverityError,
		Check: func(p *lint.Pass) {
			forEach(p.Doc.Src, "FIXME", func(i int) {
				rest := p.Doc.Src[i+5:]
				if j := bytes.IndexAny(rest, "\r\n"); j >= 0 {
					rest = rest[:j]
				}
				p.Reportf(i, i+5, "FIXME before %q", strings.TrimSpace(string(rest)))
			})
		},
	}
	// testSpan is off by default and enabled as info by the test's config;
	// its findings span lines and its fixes have two edits.
	testSpan = &lint.Rule{
		Name:            "test-span",
		Summary:         "no <<marked>> passages",
		Doc:             "Reports passages between `<<` and `>>`.",
		DefaultSeverity: lint.SeverityOff,
		Tags:            []string{"test"},
		Fixable:         true,
		Check: func(p *lint.Pass) {
			forEach(p.Doc.Src, "<<", func(i int) {
				j := bytes.Index(p.Doc.Src[i:], []byte(">>"))
				if j < 0 {
					return
				}
				end := i + j + 2
				p.Report(lint.Finding{
					Start: lint.Position{Offset: i}, End: lint.Position{Offset: end},
					Message: "marked passage",
					Fix:     &lint.Fix{Message: "Remove the markers", Edits: []lint.Edit{{Start: i, End: i + 2}, {Start: end - 2, End: end}}},
				})
			})
		},
	}
	testRules = []*lint.Rule{testTodo, testFixme, testSpan}
)

func forEach(src []byte, word string, fn func(int)) {
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte(word))
		if i < 0 {
			return
		}
		fn(off + i)
		off += i + len(word)
	}
}

const fixtureSite = "testdata/site"

// runFixture lints dir with the test rules, as the CLI would from dir, and
// returns the result and the options a format gets.
func runFixture(t *testing.T, dir string, rules ...*lint.Rule) (*lint.Result, Options) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 {
		rules = testRules
	}
	cfg := lint.DefaultConfig()
	for _, r := range rules {
		if r == testSpan {
			cfg.Rules[r.Name] = lint.RuleConfig{Severity: lint.SeverityInfo, SeveritySet: true}
		}
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{abs}, Rules: rules, Config: cfg, Cwd: abs, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Fatalf("run error: %v", e)
	}
	opts := Options{
		Version:  "1.2.3",
		ReadFile: func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(abs, filepath.FromSlash(p))) },
	}
	return res, opts
}

// withErrors adds the kinds of errors a run reports (the CLI passes config
// errors the same way).
func withErrors(res *lint.Result) *lint.Result {
	r := *res
	r.Errors = []error{
		&lint.FileError{Path: "_posts/2024-01-05-locked.md", Err: errors.New("open: permission denied")},
		&lint.ConfigError{Path: ".postlint.yml", Line: 3, Key: "rules.test-todo", Msg: "unknown option colour"},
	}
	return &r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	linttest.Golden(t, filepath.Join("testdata", "golden", name), got, *update)
}
