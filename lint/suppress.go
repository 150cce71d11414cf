package lint

import (
	"regexp"
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
// blocks and inline HTML only (never in code).
func (d *Document) Directives() []Directive {
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

// suppressor decides which findings inline comments silence.
type suppressor struct {
	directives []Directive
	lines      *LineIndex
}

func names(rules []string, rule string) bool {
	if len(rules) == 0 {
		return true
	}
	for _, r := range rules {
		if r == rule {
			return true
		}
	}
	return false
}

// suppressed reports whether a finding of rule at offset off on line is
// silenced.
func (s *suppressor) suppressed(rule string, off, line int) bool {
	disabled := false
	for i := range s.directives {
		d := &s.directives[i]
		if !names(d.Rules, rule) {
			continue
		}
		switch d.Action {
		case "disable-file":
			return true
		case "disable-line":
			if line == d.Line {
				return true
			}
		case "disable-next-line":
			if line == s.lines.Position(d.Span.End).Line+1 {
				return true
			}
		case "disable":
			if d.Span.Start <= off {
				disabled = true
			}
		case "enable":
			if d.Span.Start <= off {
				disabled = false
			}
		}
	}
	return disabled
}
