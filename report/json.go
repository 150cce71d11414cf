package report

import (
	"encoding/json"
	"io"

	"github.com/postlint/postlint/lint"
)

// jsonFinding is the stable JSON shape of a finding (see README, "JSON
// output"). Columns count code points; endColumn is exclusive.
type jsonFinding struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Fix       *jsonFix `json:"fix"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces the bytes [start, end) of the file with newText.
type jsonEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
}

type jsonError struct {
	Message string `json:"message"`
}

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	Summary  Summary       `json:"summary"`
}

// JSON writes {"version":1,"findings":[…],"errors":[…],"summary":{…}}.
func JSON(w io.Writer, res *lint.Result, _ Options) error {
	out := jsonReport{Version: 1, Findings: make([]jsonFinding, 0, len(res.Findings)), Errors: []jsonError{}, Summary: Summarize(res)}
	for i := range res.Findings {
		f := &res.Findings[i]
		jf := jsonFinding{
			Path: f.Path, Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Message: f.Fix.Message, Edits: make([]jsonEdit, len(f.Fix.Edits))}
			for k, e := range f.Fix.Edits {
				jf.Fix.Edits[k] = jsonEdit(e)
			}
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, e := range res.Errors {
		out.Errors = append(out.Errors, jsonError{Message: e.Error()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
