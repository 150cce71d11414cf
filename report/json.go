package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

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
			out.finding(&res.Findings[i])
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
	// scratch is one finding's encoding, reused.
	scratch []byte
	err     error
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

// finding writes f as value(newJSONFinding(f), "    ") does, without
// encoding/json's reflection and re-indentation, which cost a second on
// the 46,800 findings of a large run, alone on one CPU after the checks.
func (iw *indentedWriter) finding(f *lint.Finding) {
	if iw.err != nil {
		return
	}
	b := iw.scratch[:0]
	b = append(b, "{\n      \"path\": "...)
	b = appendJSONString(b, f.Path)
	b = append(b, ",\n      \"line\": "...)
	b = strconv.AppendInt(b, int64(f.Start.Line), 10)
	b = append(b, ",\n      \"column\": "...)
	b = strconv.AppendInt(b, int64(f.Start.Column), 10)
	b = append(b, ",\n      \"endLine\": "...)
	b = strconv.AppendInt(b, int64(f.End.Line), 10)
	b = append(b, ",\n      \"endColumn\": "...)
	b = strconv.AppendInt(b, int64(f.End.Column), 10)
	b = append(b, ",\n      \"rule\": "...)
	b = appendJSONString(b, f.Rule)
	b = append(b, ",\n      \"severity\": "...)
	b = appendJSONString(b, f.Severity.String())
	b = append(b, ",\n      \"message\": "...)
	b = appendJSONString(b, f.Message)
	b = append(b, ",\n      \"fix\": "...)
	if f.Fix == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, "{\n        \"message\": "...)
		b = appendJSONString(b, f.Fix.Message)
		b = append(b, ",\n        \"edits\": "...)
		if len(f.Fix.Edits) == 0 {
			b = append(b, "[]"...)
		} else {
			b = append(b, '[')
			for k, e := range f.Fix.Edits {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, "\n          {\n            \"start\": "...)
				b = strconv.AppendInt(b, int64(e.Start), 10)
				b = append(b, ",\n            \"end\": "...)
				b = strconv.AppendInt(b, int64(e.End), 10)
				b = append(b, ",\n            \"newText\": "...)
				b = appendJSONString(b, e.NewText)
				b = append(b, "\n          }"...)
			}
			b = append(b, "\n        ]"...)
		}
		b = append(b, "\n      }"...)
	}
	b = append(b, "\n    }"...)
	iw.scratch = b
	_, iw.err = iw.w.Write(b)
}

// appendJSONString appends s quoted as encoding/json writes it, HTML
// escaping included (FuzzAppendJSONString holds it to json.Marshal).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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
