package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
)

func formatGitHub(t *testing.T, res *lint.Result, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := GitHub(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// summaryEnv makes a step summary file holding what an earlier command of
// the step wrote, and the Getenv that points at it.
func summaryEnv(t *testing.T) (string, func(string) string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "step_summary")
	if err := os.WriteFile(path, []byte("Earlier content.\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return path
		}
		return ""
	}
}

func TestGitHubGolden(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	path, getenv := summaryEnv(t)
	opts.Getenv = getenv
	golden(t, "site.github.txt", []byte(formatGitHub(t, withErrors(res), opts)))
	summary, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(summary), "Earlier content.\n\n") {
		t.Errorf("the summary must be appended, not overwrite the file")
	}
	golden(t, "site.summary.md", summary)
}

func TestGitHubWithoutSummary(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	out := formatGitHub(t, res, opts) // Getenv nil
	if n := strings.Count(out, "\n"); n != len(res.Findings) {
		t.Errorf("%d lines for %d findings:\n%s", n, len(res.Findings), out)
	}
	opts.Getenv = func(string) string { return "" }
	if out2 := formatGitHub(t, res, opts); out2 != out {
		t.Errorf("an unset GITHUB_STEP_SUMMARY changed the output")
	}
}

// commandRE is how the runner reads a workflow command: name, properties up
// to the first "::", message to the end of the line.
var commandRE = regexp.MustCompile(`^::([a-z]+)(?: ([^:]*))?::(.*)$`)

func unescapeCommand(s string) string {
	return strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",").Replace(s)
}

// A hostile file name or message can neither start a new command nor add a
// property, and the runner gets back exactly the original strings.
func TestGitHubInjection(t *testing.T) {
	hostilePath := "a,b:c%d\n::error file=x::pwned.md"
	hostileMsg := "bad %0A thing\r\n::error::injected, title=x::y\nlast line"
	res := &lint.Result{
		Findings: []lint.Finding{{
			Rule: "test-todo", Severity: lint.SeverityWarning, Path: hostilePath,
			Start: lint.Position{Line: 3, Column: 2}, End: lint.Position{Line: 3, Column: 6}, Message: hostileMsg,
		}},
		Errors: []error{&lint.FileError{Path: hostilePath, Err: fmt.Errorf("cannot read:\n::error::injected")}},
	}
	path, getenv := summaryEnv(t)
	out := formatGitHub(t, res, Options{Getenv: getenv})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 commands, got %d:\n%s", len(lines), out)
	}
	m := commandRE.FindStringSubmatch(lines[0])
	if m == nil || m[1] != "warning" {
		t.Fatalf("not one warning command: %q", lines[0])
	}
	props := map[string]string{}
	for _, kv := range strings.Split(m[2], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("property %q in %q", kv, m[2])
		}
		props[k] = unescapeCommand(v)
	}
	want := map[string]string{"file": hostilePath, "line": "3", "col": "2", "endLine": "3", "endColumn": "6", "title": "postlint (test-todo)"}
	if fmt.Sprint(props) != fmt.Sprint(want) {
		t.Errorf("properties %v, want %v", props, want)
	}
	if got := unescapeCommand(m[3]); got != hostileMsg {
		t.Errorf("message %q, want %q", got, hostileMsg)
	}
	if e := commandRE.FindStringSubmatch(lines[1]); e == nil || e[1] != "error" || !strings.Contains(unescapeCommand(e[3]), "::error::injected") {
		t.Errorf("error command %q", lines[1])
	}

	// The summary keeps each finding on one table row.
	summary, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(string(summary), "\n") {
		if strings.HasPrefix(l, "| a,b") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 1 || strings.Count(strings.ReplaceAll(rows[0], `\|`, ""), "|") != 5 {
		t.Errorf("finding rows %q", rows)
	}
}

// A range over several lines has no columns: GitHub rejects them there.
func TestGitHubMultiLine(t *testing.T) {
	res := &lint.Result{Findings: []lint.Finding{{
		Rule: "r", Severity: lint.SeverityInfo, Path: "p.md",
		Start: lint.Position{Line: 2, Column: 5}, End: lint.Position{Line: 4, Column: 1}, Message: "m",
	}}}
	want := "::notice file=p.md,line=2,endLine=4,title=postlint (r)::m\n"
	if got := formatGitHub(t, res, Options{}); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestStepSummaryLimit(t *testing.T) {
	res := &lint.Result{Files: 1}
	for i := range 5000 {
		res.Findings = append(res.Findings, lint.Finding{
			Rule: "test-todo", Severity: lint.SeverityWarning, Path: "_posts/a.md",
			Start: lint.Position{Line: i + 1, Column: 1}, End: lint.Position{Line: i + 1, Column: 5},
			Message: strings.Repeat("long message ", 20),
		})
	}
	const budget = 64 << 10
	s := stepSummary(res, budget)
	if len(s) > budget {
		t.Errorf("summary is %d bytes, over its budget of %d", len(s), budget)
	}
	shown := strings.Count(s, `| \_posts/a.md:`)
	m := regexp.MustCompile(`_(\d+) findings left out`).FindStringSubmatch(s)
	if m == nil || m[1] != fmt.Sprint(5000-shown) || shown == 0 {
		t.Errorf("%d rows shown, footer %q", shown, m)
	}
	if !strings.Contains(s, "| test-todo | warning | 5000 |") {
		t.Errorf("the per-rule counts must count every finding")
	}
	if stepSummary(res, 100) != "" {
		t.Errorf("no room for even the header: want nothing")
	}

	// Through the file: an almost full summary file gets a warning, not an error.
	path, getenv := summaryEnv(t)
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), maxStepSummary), 0o644); err != nil {
		t.Fatal(err)
	}
	out := formatGitHub(t, res, Options{Getenv: getenv})
	if !strings.HasSuffix(out, "close to GitHub's 1 MiB limit\n") || !strings.HasPrefix(out[strings.LastIndex(out[:len(out)-1], "\n")+1:], "::warning title=postlint::") {
		t.Errorf("last line: %q", out[strings.LastIndex(out[:len(out)-1], "\n")+1:])
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != maxStepSummary {
		t.Errorf("the full summary file was written to: %v", err)
	}
}

func TestMarkdownCellEscaping(t *testing.T) {
	got := mdText("a|b *c* _d_ `e` [f](g) <h> &amp; ~i~ $j$ \\ \r\nk\x00")
	want := `a\|b \*c\* \_d\_ \` + "`" + `e\` + "`" + ` \[f\](g) \<h\> \&amp; \~i\~ \$j\$ \\  k` + "\uFFFD"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
