// Package report writes a run's findings in one output format per file.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/postlint/postlint/lint"
)

// Options are what formats may need beyond the findings.
type Options struct {
	// Version is postlint's version, for tool metadata.
	Version string
	// Color enables ANSI colour (text only).
	Color bool
	// Excerpt shows the source line and a caret under each finding (text).
	Excerpt bool
	// ReadFile returns a file's content by the path findings show, for
	// excerpts and fingerprints; nil disables both.
	ReadFile func(path string) ([]byte, error)
	// Getenv reads the environment (GITHUB_STEP_SUMMARY …); nil means none.
	Getenv func(string) string
}

// Formatter writes a whole result.
type Formatter func(w io.Writer, res *lint.Result, opts Options) error

// Formats maps each --format name to its writer.
func Formats() map[string]Formatter {
	return map[string]Formatter{
		"text":   Text,
		"json":   JSON,
		"sarif":  SARIF,
		"github": GitHub,
	}
}

// FormatNames lists the format names, sorted, for help and errors.
func FormatNames() []string {
	var names []string
	for n := range Formats() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Summary counts findings by severity.
type Summary struct {
	Files    int `json:"files"`
	Findings int `json:"findings"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Summarize counts a result's findings.
func Summarize(res *lint.Result) Summary {
	s := Summary{Files: res.Files, Findings: len(res.Findings)}
	for i := range res.Findings {
		switch res.Findings[i].Severity {
		case lint.SeverityError:
			s.Errors++
		case lint.SeverityWarning:
			s.Warnings++
		case lint.SeverityInfo:
			s.Infos++
		}
	}
	return s
}

// String is the one-line summary shown on stderr after text output.
func (s Summary) String() string {
	if s.Findings == 0 {
		return fmt.Sprintf("%s checked, no problems found", plural(s.Files, "file"))
	}
	return fmt.Sprintf("%s checked: %s (%s, %s, %s)", plural(s.Files, "file"), plural(s.Findings, "problem"),
		plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if word == "info" {
		return fmt.Sprintf("%d infos", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
