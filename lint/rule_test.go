package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/postlint/postlint/lint"
)

func TestReportFixes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("one two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shared := &lint.Fix{Message: "two\nlines", Edits: []lint.Edit{{Start: 4, End: 7, NewText: "2"}}}
	fixes := &lint.Rule{
		Name: "fixes", Summary: "test rule", DefaultSeverity: lint.SeverityWarning,
		Check: func(p *lint.Pass) {
			p.ReportWithFix(0, 3, "one", "write 1", "1")
			p.Report(lint.Finding{Start: lint.Position{Offset: 4}, End: lint.Position{Offset: 7}, Message: "two", Fix: shared})
		},
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{fixes}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 {
		t.Fatalf("got %d findings, want 2", len(res.Findings))
	}
	want := []lint.Fix{
		{Message: "write 1", Edits: []lint.Edit{{Start: 0, End: 3, NewText: "1"}}},
		{Message: `two\nlines`, Edits: []lint.Edit{{Start: 4, End: 7, NewText: "2"}}},
	}
	for i, f := range res.Findings {
		if !reflect.DeepEqual(*f.Fix, want[i]) {
			t.Errorf("finding %d: fix %+v, want %+v", i, *f.Fix, want[i])
		}
	}
	if shared.Message != "two\nlines" {
		t.Errorf("Report changed the rule's own fix: message %q", shared.Message)
	}
}
