package rules

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

// fuzzSite is a tiny site for FuzzRules: the fuzzed document plus a few
// neighbours that references can resolve to.
type fuzzSite struct {
	files map[string]string
	doc   string // where the fuzzed document goes
}

var fuzzSites = []fuzzSite{
	{
		files: map[string]string{
			"_config.yml":                  "title: Blog\nlang: fr\nbaseurl: /blog\n",
			"_posts/2024-01-01-premier.md": "---\ntitle: Premier\nseries: s\n---\nTexte.\n",
			"_posts/2024-02-01-second.md":  "---\ntitle: Second\nseries: s\n---\nVoir {% post_url 2024-01-01-premier %}.\n",
			"about.md":                     "---\ntitle: À propos\n---\n# À propos\n",
			"assets/img/a.png":             "",
		},
		doc: "_posts/2024-03-01-doc.md",
	},
	{
		files: map[string]string{
			"config.toml":                   "baseURL = \"https://example.org/blog/\"\nlanguageCode = \"fr\"\ntitle = \"Blog\"\n",
			"content/posts/premier.md":      "---\ntitle: Premier\n---\nTexte.\n",
			"content/posts/second/index.md": "+++\ntitle = \"Second\"\n+++\nVoir {{< ref \"premier.md\" >}}.\n",
			"content/posts/second/img.png":  "",
			"static/img/a.png":              "",
		},
		doc: "content/posts/doc.md",
	},
}

func writeFuzzSite(t *testing.T, s fuzzSite, doc []byte) (root, docPath string) {
	t.Helper()
	root = t.TempDir()
	for name, content := range s.files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docPath = filepath.Join(root, filepath.FromSlash(s.doc))
	if err := os.MkdirAll(filepath.Dir(docPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docPath, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	return root, docPath
}

func allRuleNames() []string {
	var names []string
	for _, r := range All() {
		names = append(names, r.Name)
	}
	return names
}

// runFuzzRules checks doc with the given rules (every rule enabled) and
// fails on a rule's internal error or on any other unexpected error.
func runFuzzRules(t *testing.T, root, docPath string, rules []*lint.Rule, enable []string) *lint.Result {
	t.Helper()
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{docPath}, Rules: rules, Enable: enable, Cwd: root, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		msg := e.Error()
		if strings.Contains(msg, "binary file") || strings.Contains(msg, "levels deep") {
			continue // refused on purpose, with a message naming the file
		}
		t.Fatalf("run error: %v", e)
	}
	return res
}

// checkFindings checks what every finding must satisfy, whatever the rule.
func checkFindings(src []byte, findings []lint.Finding, display string) error {
	idx := lint.NewLineIndex(src)
	for _, f := range findings {
		if f.Path != display {
			return fmt.Errorf("%s: finding about %q, not the document %q", f.Rule, f.Path, display)
		}
		if f.Start.Offset < 0 || f.Start.Offset > f.End.Offset || f.End.Offset > len(src) {
			return fmt.Errorf("%s: finding %d..%d out of the file (%d bytes): %s", f.Rule, f.Start.Offset, f.End.Offset, len(src), f.Message)
		}
		if f.Start.Line < 1 || f.Start.Column < 1 || f.End.Line < f.Start.Line || f.End.Line == f.Start.Line && f.End.Column < f.Start.Column {
			return fmt.Errorf("%s: positions %+v..%+v out of order: %s", f.Rule, f.Start, f.End, f.Message)
		}
		if p := idx.Position(f.Start.Offset); p != f.Start {
			return fmt.Errorf("%s: start %+v, but offset %d is at %+v: %s", f.Rule, f.Start, f.Start.Offset, p, f.Message)
		}
		if f.Message == "" || strings.ContainsAny(f.Message, "\n\r") {
			return fmt.Errorf("%s: message %q empty or on several lines", f.Rule, f.Message)
		}
		if f.Fix == nil {
			continue
		}
		if len(f.Fix.Edits) == 0 {
			return fmt.Errorf("%s: fix %q without edits", f.Rule, f.Fix.Message)
		}
		for i, e := range f.Fix.Edits {
			if e.Start < 0 || e.Start > e.End || e.End > len(src) {
				return fmt.Errorf("%s: edit %+v out of the file (%d bytes)", f.Rule, e, len(src))
			}
			for _, g := range f.Fix.Edits[:i] {
				if max(e.Start, g.Start) < min(e.End, g.End) || e.Start == g.Start {
					return fmt.Errorf("%s: edits %+v and %+v of one fix overlap", f.Rule, g, e)
				}
			}
		}
	}
	return nil
}

// FuzzRules runs every rule of All (rules added later are covered without
// changing this test) on an arbitrary document in a tiny Jekyll or Hugo
// site: no rule may panic, every finding must lie in the file, every fix
// must apply cleanly, and applying a rule's fixes must leave nothing more
// for that rule to fix.
func FuzzRules(f *testing.F) {
	for _, s := range ruleFuzzSeeds(f) {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src []byte, hugo bool) {
		site := fuzzSites[0]
		if hugo {
			site = fuzzSites[1]
		}
		root, docPath := writeFuzzSite(t, site, src)
		all := All()
		names := allRuleNames()
		res := runFuzzRules(t, root, docPath, all, names)
		if err := checkFindings(src, res.Findings, site.doc); err != nil {
			t.Fatal(err)
		}
		if lint.FixRefusal(src) != nil {
			return
		}
		byRule := map[string][]lint.Finding{}
		for _, fd := range res.Findings {
			if fd.Fix != nil {
				byRule[fd.Rule] = append(byRule[fd.Rule], fd)
			}
		}
		for _, r := range all {
			findings := byRule[r.Name]
			if len(findings) == 0 {
				continue
			}
			if !r.Fixable {
				t.Fatalf("%s is not Fixable but reported a fix: %+v", r.Name, findings[0])
			}
			cur := src
			for round := 1; len(findings) > 0; round++ {
				out, _, skipped := lint.ApplyFixes(cur, findings)
				if err := lint.CheckFixed(cur, out); err != nil {
					return // --fix would refuse to write: nothing to check
				}
				if err := os.WriteFile(docPath, out, 0o644); err != nil {
					t.Fatal(err)
				}
				again := runFuzzRules(t, root, docPath, all, []string{r.Name})
				if err := checkFindings(out, again.Findings, site.doc); err != nil {
					t.Fatalf("after fixing %s: %v", r.Name, err)
				}
				findings = findings[:0]
				for _, fd := range again.Findings {
					if fd.Rule == r.Name && fd.Fix != nil {
						findings = append(findings, fd)
					}
				}
				// Fixes that clashed with others wait for the next round;
				// without such clashes one round must be enough.
				if len(findings) > 0 && (len(skipped) == 0 || round == 5) {
					t.Fatalf("%s: after applying its fixes (round %d) it still finds %d to fix, e.g. %s at %d:%d (%q → %q) in\n%q",
						r.Name, round, len(findings), findings[0].Message, findings[0].Start.Line, findings[0].Start.Column,
						out[findings[0].Fix.Edits[0].Start:findings[0].Fix.Edits[0].End], findings[0].Fix.Edits[0].NewText, out)
				}
				cur = out
			}
			if err := os.WriteFile(docPath, src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// ruleFuzzSeeds are the Markdown files of the fixtures, a sample of the
// real corpora when present, and small hostile documents.
func ruleFuzzSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	seeds := [][]byte{
		nil,
		[]byte("\uFEFF---\ntitle: x\n---\nbody  \nnext\n"),
		[]byte("---\r\ntitle: x\r\n---\r\nligne  \r\nsuite\nmixte !\r\n"),
		[]byte("---\ntitle: [unterminated\n"),
		[]byte("---\ntitle: ok\n"),
		[]byte("{% post_url 2024-01-01-premier %} {% post_url /../../etc/passwd %} {% link ../../../../etc/shadow %}\n"),
		[]byte("[a](/../../etc/passwd) ![b](../../../../etc/shadow) ![c](/assets/img/a.png) {{< ref \"/../../etc/passwd\" >}}\n"),
		[]byte(strings.Repeat("{% post_url ", 50) + "\n"),
		[]byte(strings.Repeat(">", 50) + " deep\n" + strings.Repeat("- ", 50) + "x\n"),
		[]byte(strings.Repeat("[", 300) + "\n"),
		[]byte("Bonjour! Ça va ? « oui »  \nLigne suivante\\\n<br>\n"),
		[]byte("caf\xe9\x00\n"),
		[]byte("<!-- postlint-disable -->\n# T\n#### U\n<!-- postlint-enable -->\n"),
	}
	roots := []string{filepath.Join("..", "testdata")}
	for _, c := range []string{filepath.Join("..", "..", "shared", "corpora"), filepath.Join("..", "..", "..", "shared", "corpora")} {
		if _, err := os.Stat(c); err == nil {
			roots = append(roots, c)
			break
		}
	}
	for i, root := range roots {
		n := 0
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !lint.IsMarkdown(p) {
				return nil
			}
			n++
			if i > 0 && n%10 != 0 { // a sample of the corpora: the seeds run as tests too
				return nil
			}
			if b, err := os.ReadFile(p); err == nil && len(b) <= 16<<10 {
				seeds = append(seeds, b)
			}
			return nil
		})
	}
	return seeds
}
