package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// wholeJSON is how JSON wrote a report before it streamed the findings:
// the whole document built in memory, then encoded at once. The streamed
// output must stay byte for byte the same.
func wholeJSON(res *lint.Result) []byte {
	type jsonReport struct {
		Version  int           `json:"version"`
		Findings []jsonFinding `json:"findings"`
		Errors   []jsonError   `json:"errors"`
		Summary  Summary       `json:"summary"`
	}
	out := jsonReport{Version: 1, Findings: []jsonFinding{}, Errors: []jsonError{}, Summary: Summarize(res)}
	for i := range res.Findings {
		out.Findings = append(out.Findings, newJSONFinding(&res.Findings[i]))
	}
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, jsonError{Message: e.Error()})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func TestJSONStreamsTheWholeDocumentEncoding(t *testing.T) {
	at := func(line, col int) lint.Position { return lint.Position{Line: line, Column: col} }
	withFix := lint.Finding{
		Rule: "test-todo", Severity: lint.SeverityWarning, Path: "a/<b>&c.md", Start: at(1, 2), End: at(1, 6),
		Message: "\"quoted\" <html> & \u2028 é\t\x01",
		Fix:     &lint.Fix{Message: "Replace", Edits: []lint.Edit{{Start: 1, End: 5, NewText: "DONE\n"}, {Start: 7, End: 7}}},
	}
	plain := lint.Finding{Rule: "test-fixme", Severity: lint.SeverityError, Path: "b.md", Start: at(3, 1), End: at(4, 1), Message: "FIXME"}
	noEdits := lint.Finding{Rule: "x", Severity: lint.SeverityInfo, Path: "c.md", Start: at(1, 1), End: at(1, 1), Message: "m", Fix: &lint.Fix{Message: "none"}}
	for name, res := range map[string]*lint.Result{
		"empty":         {},
		"files only":    {Files: 3},
		"errors only":   {Files: 1, Errors: []error{errors.New("a.md: unreadable"), errors.New(`b.md: "bad" <x>`)}},
		"one finding":   {Files: 1, Findings: []lint.Finding{plain}},
		"many findings": {Files: 2, Findings: []lint.Finding{withFix, plain, noEdits, withFix}, Errors: []error{errors.New("c.md: broken")}},
	} {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			if err := JSON(&got, res, Options{}); err != nil {
				t.Fatal(err)
			}
			if want := wholeJSON(res); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("streamed JSON differs from the whole-document encoding:\ngot:\n%s\nwant:\n%s", got.Bytes(), want)
			}
		})
	}
}

// BenchmarkJSON writes a report of 10,000 findings, streamed and, for
// comparison, encoded whole as before: B/op is the memory a large report
// costs.
func BenchmarkJSON(b *testing.B) {
	res := &lint.Result{Files: 1000}
	for i := range 10000 {
		res.Findings = append(res.Findings, lint.Finding{
			Rule: "french-typography", Severity: lint.SeverityWarning, Path: "content/posts/a-long-enough-path.md",
			Start: lint.Position{Offset: i, Line: i, Column: 3}, End: lint.Position{Offset: i + 1, Line: i, Column: 4},
			Message: `the space before ":" must be a narrow no-break space (French typography, space: strict)`,
			Fix:     &lint.Fix{Message: "replace it with a narrow no-break space", Edits: []lint.Edit{{Start: i, End: i + 1, NewText: "\u202f"}}},
		})
	}
	b.Run("stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := JSON(io.Discard, res, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = io.Discard.Write(wholeJSON(res))
		}
	})
}

// FuzzAppendJSONString holds the hand-written string encoding of findings
// to encoding/json's.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"q"`, `a\b`, "<&>", "\u2028\u2029", "é", "\x00\x1f\x7f", "\xff\xfe", "tab\there", "\b\f\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestJSONMatchesEncodingJSONOnCorpora writes the findings of every rule
// on the real blogs, and holds them to encoding/json's whole-document
// encoding.
func TestJSONMatchesEncodingJSONOnCorpora(t *testing.T) {
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{linttest.Corpora(t)}, Rules: rules.All()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("no findings on the corpora")
	}
	var got bytes.Buffer
	if err := JSON(&got, res, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := wholeJSON(res); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("JSON differs from encoding/json's on the corpora (%d findings)", len(res.Findings))
	}
}
