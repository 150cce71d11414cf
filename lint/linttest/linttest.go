// Package linttest runs rules on fixture sites and checks their findings
// against expectations written next to the cases they describe:
//
//	Cette phrase a une faute: ecosystem. <!-- want french-typos "écosystème" -->
//	<!-- want-next-line post-url `matches no post` -->
//	{% post_url 2023-01-01-nope %}
//
// In front matter, where HTML comments are not possible, a YAML or TOML
// comment does the same: `title: x # want front-matter "title"`.
//
// Every finding must be wanted and every want must be found. A want is a
// rule name followed by a regular expression in Go string syntax ("…" or
// `…`) matched against the message; several pairs may share a comment.
package linttest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// Want is one expectation.
type Want struct {
	Path string
	Line int
	Rule string
	RE   *regexp.Regexp
}

var (
	wantHTML = regexp.MustCompile(`<!--\s*want(-next-line)?\s+(.*?)-->`)
	wantHash = regexp.MustCompile(`#\s*want(-next-line)?\s+(.*)$`)
	pairRE   = regexp.MustCompile(`([a-z][a-z0-9-]*)\s+("(?:[^"\\]|\\.)*"|` + "`[^`]*`" + `)`)
)

// Run checks the fixture site at dir with the given rules (each at its
// default severity unless dir/.postlint.yml says otherwise) and compares
// the findings with the wants found in its Markdown files. It returns the
// result for further assertions.
func Run(t testing.TB, dir string, rules ...*lint.Rule) *lint.Result {
	t.Helper()
	res := Check(t, dir, rules...)
	wants, err := ParseWants(dir)
	if err != nil {
		t.Fatal(err)
	}
	Compare(t, res.Findings, wants)
	return res
}

// Check runs the rules on dir and returns the result without comparing it
// to wants. Errors of the run fail the test.
func Check(t testing.TB, dir string, rules ...*lint.Rule) *lint.Result {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := lint.DefaultConfig()
	if p := filepath.Join(abs, ".postlint.yml"); fileExists(p) {
		if cfg, err = lint.LoadConfig(p); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{abs}, Rules: rules, Config: cfg, Cwd: abs, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("run error: %v", e)
	}
	return res
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// ParseWants reads the wants of every Markdown file under dir; paths are
// relative to dir, slash-separated.
func ParseWants(dir string) ([]Want, error) {
	var wants []Want
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !lint.IsMarkdown(p) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		inFrontMatter := false
		for i, line := range strings.Split(string(src), "\n") {
			lineNo := i + 1
			trimmed := strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF"))
			if i == 0 && (trimmed == "---" || trimmed == "+++") {
				inFrontMatter = true
				continue
			}
			if inFrontMatter && (trimmed == "---" || trimmed == "+++") {
				inFrontMatter = false
				continue
			}
			var ms [][]string
			if inFrontMatter {
				if m := wantHash.FindStringSubmatch(line); m != nil {
					ms = append(ms, m)
				}
			} else {
				ms = wantHTML.FindAllStringSubmatch(line, -1)
			}
			for _, m := range ms {
				target := lineNo
				if m[1] != "" {
					target++
				}
				pairs := pairRE.FindAllStringSubmatch(m[2], -1)
				if len(pairs) == 0 {
					return fmt.Errorf("%s:%d: want comment without RULE \"regexp\" pairs", rel, lineNo)
				}
				for _, pr := range pairs {
					pattern, err := strconv.Unquote(pr[2])
					if err != nil {
						return fmt.Errorf("%s:%d: %w", rel, lineNo, err)
					}
					re, err := regexp.Compile(pattern)
					if err != nil {
						return fmt.Errorf("%s:%d: %w", rel, lineNo, err)
					}
					wants = append(wants, Want{Path: rel, Line: target, Rule: pr[1], RE: re})
				}
			}
		}
		return nil
	})
	return wants, err
}

// Compare reports unexpected findings and unmet wants.
func Compare(t testing.TB, findings []lint.Finding, wants []Want) {
	t.Helper()
	used := make([]bool, len(wants))
	for _, f := range findings {
		matched := false
		for i, w := range wants {
			if !used[i] && w.Path == f.Path && w.Line == f.Start.Line && w.Rule == f.Rule && w.RE.MatchString(f.Message) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected %s finding: %s", f.Path, f.Start.Line, f.Start.Column, f.Rule, f.Message)
		}
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("%s:%d: no %s finding matching %q", w.Path, w.Line, w.Rule, w.RE)
		}
	}
}
