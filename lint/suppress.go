package lint

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Directive is one inline postlint comment.
type Directive struct {
	// Action is "disable", "enable", "disable-line", "disable-next-line" or
	// "disable-file".
	Action string
	// Rules are the rule names given; empty means every rule.
	Rules []string
	// Span is the comment's extent; Line its first line.
	Span Span
	Line int
	// RuleSpans are the positions of the names in Rules.
	RuleSpans []Span
}

var directiveRE = regexp.MustCompile(`<!--\s*postlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->`)

// Directives returns the document's inline postlint comments, found in HTML
// blocks and inline HTML only (never in code). They are found on the first
// call; callers must not modify the result.
func (d *Document) Directives() []Directive {
	if !d.directivesDone {
		d.directivesDone = true
		// Most files hold no directive, and need no walk of their tree.
		if mayHoldDirective(d.Src) {
			d.directives = d.findDirectives()
		}
	}
	return d.directives
}

// mayHoldDirective reports whether src holds "<!--", white space (as \s
// of directiveRE) and "postlint-", as every directive starts. It looks for
// "<!--" first: "<" is rarer in a post than the "p" of "postlint-".
func mayHoldDirective(src []byte) bool {
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("<!--"))
		if k < 0 {
			return false
		}
		i += k + len("<!--")
		j := i
		for j < len(src) && strings.IndexByte("\t\n\f\r ", src[j]) >= 0 {
			j++
		}
		if bytes.HasPrefix(src[j:], []byte("postlint-")) {
			return true
		}
	}
}

// findDirectives looks for the inline comments in the HTML of the tree.
func (d *Document) findDirectives() []Directive {
	var out []Directive
	scan := func(start, end int) {
		for _, m := range directiveRE.FindAllSubmatchIndex(d.Src[start:end], -1) {
			dir := Directive{
				Action: string(d.Src[start+m[2] : start+m[3]]),
				Span:   Span{start + m[0], start + m[1]},
			}
			dir.Line = d.Lines.Position(dir.Span.Start).Line
			argStart := start + m[4]
			args := string(d.Src[argStart : start+m[5]])
			for i := 0; i < len(args); {
				for i < len(args) && strings.ContainsRune(" \t\r\n,", rune(args[i])) {
					i++
				}
				j := i
				for j < len(args) && !strings.ContainsRune(" \t\r\n,", rune(args[j])) {
					j++
				}
				if j > i {
					dir.Rules = append(dir.Rules, args[i:j])
					dir.RuleSpans = append(dir.RuleSpans, Span{argStart + i, argStart + j})
				}
				i = j
			}
			out = append(out, dir)
		}
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.HTMLBlock:
			lines := v.Lines()
			if lines.Len() > 0 {
				end := lines.At(lines.Len() - 1).Stop
				if v.HasClosure() {
					end = v.ClosureLine.Stop
				}
				scan(lines.At(0).Start, end)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if v.Segments.Len() > 0 {
				scan(v.Segments.At(0).Start, v.Segments.At(v.Segments.Len()-1).Stop)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// suppressor decides which findings inline comments silence. It indexes
// the directives once, so that each finding costs a few map look-ups and a
// binary search however many comments the file holds.
type suppressor struct {
	// file, line and nextLine map a rule name ("" for every rule) to what
	// silences it: a disable-file comment, and the lines that
	// disable-line and disable-next-line comments cover.
	file     map[string]bool
	lines    map[string]map[int]bool
	toggles  map[string][]toggle // per named rule: its own and the all-rules disable/enable, in source order
	allRules []toggle            // disable/enable comments that name no rule
}

type toggle struct {
	off     int
	disable bool
}

// newSuppressor indexes a document's directives. A document without any
// (most) gets a nil suppressor, which silences nothing, and no maps.
func newSuppressor(directives []Directive, lines *LineIndex) *suppressor {
	if len(directives) == 0 {
		return nil
	}
	s := &suppressor{file: map[string]bool{}, lines: map[string]map[int]bool{}, toggles: map[string][]toggle{}}
	ds := append([]Directive(nil), directives...)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start })
	keys := func(d *Directive) []string {
		if len(d.Rules) == 0 {
			return []string{""}
		}
		return d.Rules
	}
	addLine := func(rule string, line int) {
		if s.lines[rule] == nil {
			s.lines[rule] = map[int]bool{}
		}
		s.lines[rule][line] = true
	}
	named := map[string]bool{}
	for i := range ds {
		d := &ds[i]
		for _, k := range keys(d) {
			switch d.Action {
			case "disable-file":
				s.file[k] = true
			case "disable-line":
				addLine(k, d.Line)
			case "disable-next-line":
				addLine(k, lines.Position(d.Span.End).Line+1)
			case "disable", "enable":
				if k != "" {
					named[k] = true
				}
			}
		}
	}
	for i := range ds {
		d := &ds[i]
		if d.Action != "disable" && d.Action != "enable" {
			continue
		}
		t := toggle{off: d.Span.Start, disable: d.Action == "disable"}
		if len(d.Rules) == 0 {
			s.allRules = append(s.allRules, t)
			for k := range named {
				s.toggles[k] = append(s.toggles[k], t)
			}
			continue
		}
		for _, k := range d.Rules {
			if n := len(s.toggles[k]); n == 0 || s.toggles[k][n-1] != t {
				s.toggles[k] = append(s.toggles[k], t)
			}
		}
	}
	return s
}

// suppressed reports whether a finding of rule at offset off on line is
// silenced: the last disable or enable comment before it that concerns the
// rule decides.
func (s *suppressor) suppressed(rule string, off, line int) bool {
	if s == nil {
		return false
	}
	if s.file[""] || s.file[rule] || s.lines[""][line] || s.lines[rule][line] {
		return true
	}
	ts, ok := s.toggles[rule]
	if !ok {
		ts = s.allRules
	}
	i := sort.Search(len(ts), func(i int) bool { return ts[i].off > off })
	return i > 0 && ts[i-1].disable
}
