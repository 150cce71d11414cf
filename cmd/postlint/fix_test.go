package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// runIn runs postlint with args in dir and returns the exit code, stdout and
// stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// onlyTSB returns the flags that leave only trailing-space-break on, so
// that rules added later do not change what these tests see.
func onlyTSB() []string {
	const name = "trailing-space-break"
	var off []string
	for _, r := range rules.All() {
		if r.Name != name {
			off = append(off, r.Name)
		}
	}
	if len(off) == 0 {
		return []string{"--enable", name}
	}
	return []string{"--enable", name, "--disable", strings.Join(off, ",")}
}

// readTree returns every regular file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTrees(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	for p, x := range a {
		if y, ok := b[p]; !ok {
			t.Errorf("%s: %s missing", what, p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s: %s differs", what, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s: %s extra", what, p)
		}
	}
}

// applyPatch applies a diff in dir with patch -p0, and checks that
// git apply -p0 on a copy gives the same files; with only one of the tools
// installed it uses that one. It returns false when neither is.
func applyPatch(t *testing.T, dir string, diff string) bool {
	t.Helper()
	_, errPatch := exec.LookPath("patch")
	_, errGit := exec.LookPath("git")
	hasPatch, hasGit := errPatch == nil, errGit == nil
	if hasGit {
		target := dir
		if hasPatch {
			target = t.TempDir()
			linttest.CopyTree(t, dir, target)
			defer func() { sameTrees(t, "git apply vs patch", readTree(t, target), readTree(t, dir)) }()
		}
		cmd := exec.Command("git", "apply", "-p0", "-")
		cmd.Dir, cmd.Stdin = target, strings.NewReader(diff)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git apply -p0: %v\n%s", err, out)
		}
	}
	if hasPatch {
		cmd := exec.Command("patch", "-p0", "--quiet", "--no-backup-if-mismatch")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(diff)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch -p0: %v\n%s", err, out)
		}
	}
	return hasPatch || hasGit
}

func TestCheckFixFixture(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "jekyll-trailing-space"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	linttest.CopyTree(t, src, dir)
	crlf := filepath.Join(dir, "_posts", "2024-01-02-crlf.md")
	if err := os.Chmod(crlf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"check", "--fix"}, onlyTSB()...)
	code, stdout, stderr := runIn(t, dir, append(args, ".")...)
	if code != exitOK || stdout != "" {
		t.Fatalf("--fix: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "fixed 24 problems in 4 files") {
		t.Errorf("stderr: %q", stderr)
	}
	for _, name := range []string{"2024-01-01-lf.md", "2024-01-02-crlf.md", "2024-01-03-bom.md"} {
		want, err := os.ReadFile(filepath.Join(src, "_posts", name+".fixed"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "_posts", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s after --fix:\n%q\nwant\n%q", name, got, want)
		}
	}
	if fi, err := os.Stat(crlf); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after --fix: %v %v, want 0600", fi.Mode(), err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "_posts", ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	once := readTree(t, dir)
	code, _, stderr = runIn(t, dir, append(args, ".")...)
	if code != exitOK || strings.Contains(stderr, "fixed") {
		t.Errorf("second --fix: exit %d, stderr %q", code, stderr)
	}
	sameTrees(t, "second --fix", readTree(t, dir), once)
}

func TestCheckDiffAppliesLikeFix(t *testing.T) {
	for _, fixture := range []string{"jekyll-trailing-space", "hugo-trailing-space", "plain-trailing-space-spaces"} {
		t.Run(fixture, func(t *testing.T) {
			src, err := filepath.Abs(filepath.Join("..", "..", "testdata", fixture))
			if err != nil {
				t.Fatal(err)
			}
			fixed, patched := t.TempDir(), t.TempDir()
			linttest.CopyTree(t, src, fixed)
			linttest.CopyTree(t, src, patched)
			before := readTree(t, patched)
			args := append([]string{"check"}, onlyTSB()...)

			if code, _, stderr := runIn(t, fixed, append(args, "--fix", ".")...); code != exitOK {
				t.Fatalf("--fix: exit %d: %s", code, stderr)
			}
			code, diff, stderr := runIn(t, patched, append(args, "--diff", ".")...)
			if code != exitFindings {
				t.Errorf("--diff: exit %d, want %d (the findings are still there): %s", code, exitFindings, stderr)
			}
			if !strings.HasPrefix(diff, "--- ") || !strings.Contains(diff, "\n@@ -") {
				t.Fatalf("--diff printed %q", diff)
			}
			sameTrees(t, "--diff writes nothing", readTree(t, patched), before)
			if !applyPatch(t, patched, diff) {
				t.Skip("neither patch nor git installed")
			}
			sameTrees(t, "--diff applied vs --fix", readTree(t, patched), readTree(t, fixed))
		})
	}
}

func TestCheckFixRefuses(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"broken.md":  "---\ntitle: [oops\n---\n\nJean Dupont  \n12 rue des Lilas\n",
		"latin1.md":  "Caf\xe9  \nnext\n",
		"fixable.md": "Jean Dupont  \n12 rue des Lilas\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := append([]string{"check", "--fix", "--format", "json"}, onlyTSB()...)
	code, stdout, stderr := runIn(t, dir, append(args, ".")...)
	if code != exitFindings {
		t.Errorf("exit %d, want %d: what remains decides", code, exitFindings)
	}
	for _, name := range []string{"broken.md", "latin1.md"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != files[name] {
			t.Errorf("%s was changed to %q", name, got)
		}
		if !strings.Contains(stderr, name+": not fixed: ") {
			t.Errorf("stderr does not say %s was left alone: %q", name, stderr)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "fixable.md")); string(got) != "Jean Dupont\\\n12 rue des Lilas\n" {
		t.Errorf("fixable.md = %q", got)
	}
	var rep struct {
		Findings []struct{ Path string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if len(rep.Findings) != 2 {
		t.Errorf("remaining findings: %+v, want the two of the untouched files", rep.Findings)
	}
}

func TestCheckFixAndDiffExclusive(t *testing.T) {
	code, _, stderr := runIn(t, t.TempDir(), "check", "--fix", "--diff")
	if code != exitError || !strings.Contains(stderr, "choose one") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestFixCorpora fixes copies of two kramdown blogs full of two-space
// breaks and checks that (1) every break became "\\", (2) the pages render
// the same, (3) a second --fix changes nothing, (4) --diff applied with
// patch gives the same files.
//
// Rendering: each page is rendered with goldmark before and after. goldmark
// reads the two-space breaks of the original as <br />; it reads "\\" at a
// line end as an escaped backslash followed by a soft break, which kramdown
// reads as a hard break (its LINE_BREAK is /(  |\\\\)(?=\n)/). So in both
// renderings a rendered "\" at the end of a line is turned into "<br />",
// and the two HTML texts must then be identical: same breaks at the same
// places, and nothing else changed. White space before a <br> is dropped in
// both first: goldmark keeps some of a run of 3 or more spaces (so does
// kramdown), the fix removes the whole run, and a browser shows neither.
// Lines holding a block attribute list ({:.center}) are emptied first, as
// kramdown ends a paragraph there while goldmark would read on.
func TestFixCorpora(t *testing.T) {
	corpora := linttest.Corpora(t)
	want := map[string]struct{ findings, breaks, files int }{
		"ludovicalarcon": {138, 95, 7},
		"aeris-blog":     {172, 129, 28},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join(corpora, name)
			if _, err := os.Stat(src); err != nil {
				t.Skipf("corpus %s absent: %v", src, err)
			}
			fixed, patched := t.TempDir(), t.TempDir()
			linttest.CopyTree(t, src, fixed)
			linttest.CopyTree(t, src, patched)
			orig := readTree(t, fixed)
			args := append([]string{"check", "--format", "json"}, onlyTSB()...)

			_, stdout, _ := runIn(t, fixed, append(args, ".")...)
			var rep struct {
				Findings []struct {
					Path, Message string
				}
			}
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatal(err)
			}
			breaks := 0
			for _, f := range rep.Findings {
				if strings.Contains(f.Message, "hard line break nobody can see") {
					breaks++
				}
			}
			if len(rep.Findings) != w.findings || breaks != w.breaks {
				t.Errorf("%d findings of which %d breaks, want %d and %d", len(rep.Findings), breaks, w.findings, w.breaks)
			}

			code, stdout, stderr := runIn(t, fixed, append(args, "--fix", ".")...)
			if code != exitOK || strings.Contains(stdout, "trailing-space-break") {
				t.Errorf("--fix: exit %d, remaining %s, stderr %s", code, stdout, stderr)
			}
			t.Logf("%s: %s", name, strings.TrimSpace(stderr))
			after := readTree(t, fixed)

			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(html.WithUnsafe()))
			render := func(b []byte) string {
				var buf bytes.Buffer
				if err := md.Convert(blockIAL.ReplaceAll(b, nil), &buf); err != nil {
					t.Fatal(err)
				}
				return spaceBeforeBR.ReplaceAllString(strings.ReplaceAll(buf.String(), "\\\n", "<br>\n"), "<br>")
			}
			changed, added := 0, 0
			for p, b := range after {
				if bytes.Equal(b, orig[p]) {
					continue
				}
				changed++
				added += bytes.Count(b, []byte("\\\\\n")) - bytes.Count(orig[p], []byte("\\\\\n"))
				if !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".markdown") {
					t.Errorf("%s is not Markdown but was changed", p)
				}
				if r0, r1 := render(orig[p]), render(b); r0 != r1 {
					t.Errorf("%s renders differently after --fix:\n%s", p, firstDiff(r0, r1))
				}
			}
			if changed != w.files || added != w.breaks {
				t.Errorf("%d files changed, %d \\\\ breaks added; want %d and %d", changed, added, w.files, w.breaks)
			}

			if code, _, stderr := runIn(t, fixed, append(args, "--fix", ".")...); code != exitOK || strings.Contains(stderr, "fixed") {
				t.Errorf("second --fix: exit %d, %s", code, stderr)
			}
			sameTrees(t, "second --fix", readTree(t, fixed), after)

			_, diff, _ := runIn(t, patched, append(args, "--diff", ".")...)
			if applyPatch(t, patched, diff) {
				sameTrees(t, "--diff applied vs --fix", readTree(t, patched), after)
			}
		})
	}
}

var (
	spaceBeforeBR = regexp.MustCompile(`[ \t]+<br>`)
	blockIAL      = regexp.MustCompile(`(?m)^ {0,3}\{:[^:/}][^}\n]*\}[ \t]*$`)
)

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "before: " + al[i] + "\nafter:  " + bl[i]
		}
	}
	return "(lengths differ)"
}
