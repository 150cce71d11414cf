package lint_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

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
