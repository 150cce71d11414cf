package report

import (
	"bufio"
	"bytes"
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

// JSON writes {"version":1,"findings":[…],"errors":[…],"summary":{…}},
// indented by two spaces. The findings are encoded one at a time straight
// to w: a large run's report (25 MB for 46,800 findings) is never held in
// memory whole, only the encoding of one finding is.
func JSON(w io.Writer, res *lint.Result, _ Options) error {
	out := &indentedWriter{w: bufio.NewWriter(w)}
	out.enc = json.NewEncoder(&out.buf)
	out.text("{\n  \"version\": 1,\n  \"findings\": ")
	if len(res.Findings) == 0 {
		out.text("[]")
	} else {
		out.text("[")
		for i := range res.Findings {
			if i > 0 {
				out.text(",")
			}
			out.text("\n    ")
			out.value(newJSONFinding(&res.Findings[i]), "    ")
		}
		out.text("\n  ]")
	}
	errs := make([]jsonError, 0, len(res.Errors))
	for _, e := range res.Errors {
		errs = append(errs, jsonError{Message: e.Error()})
	}
	out.text(",\n  \"errors\": ")
	out.value(errs, "  ")
	out.text(",\n  \"summary\": ")
	out.value(Summarize(res), "  ")
	out.text("\n}\n")
	if out.err != nil {
		return out.err
	}
	return out.w.Flush()
}

// indentedWriter writes JSON values nested in a hand-written envelope,
// indented as encoding/json indents a whole document. The first error
// sticks and ends the writing.
type indentedWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer  // one value's encoding, reused
	enc *json.Encoder // writes to buf; reused for its indentation buffer
	err error
}

func (iw *indentedWriter) text(s string) {
	if iw.err == nil {
		_, iw.err = iw.w.WriteString(s)
	}
}

// value writes v indented by two spaces, with prefix before every line but
// the first: the depth at which v sits in the document.
func (iw *indentedWriter) value(v any, prefix string) {
	if iw.err != nil {
		return
	}
	iw.buf.Reset()
	iw.enc.SetIndent(prefix, "  ")
	if iw.err = iw.enc.Encode(v); iw.err != nil {
		return
	}
	// Encode ends the value with a newline; the envelope places its own.
	_, iw.err = iw.w.Write(bytes.TrimSuffix(iw.buf.Bytes(), []byte("\n")))
}

func newJSONFinding(f *lint.Finding) jsonFinding {
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
	return jf
}
