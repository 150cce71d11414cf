//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// secret is the content of a file outside the site that symbolic links in
// the site point to: it must never appear in any output.
const secret = "SECRET-TOKEN-f00d: {% post_url 2099-01-01-leak %} mispeled wrod\n"

// hostileFile is one file of the hostile tree and what postlint must say
// about it.
type hostileFile struct {
	name    string // path under the site root
	content []byte
	// wantErr matches the error line on stderr naming the file (the file
	// is not checked); wantFinding matches a finding line naming it; want
	// nothing when neither is set.
	wantErr, wantFinding string
}

func nestedList(levels int) []byte {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat("  ", i) + "- [item](/x)\n")
	}
	return []byte(b.String())
}

// bigSize is the size of the big post: 30 MB, or 3 MB under the race
// detector, which makes goldmark ten times slower.
func bigSize() int {
	if raceEnabled {
		return 3 << 20
	}
	return 30 << 20
}

func hostileFiles() []hostileFile {
	para := "Un paragraphe ordinaire avec [un lien](https://example.org/a) et `du code`.\n\n"
	return []hostileFile{
		{name: "_posts/2024-01-01-good.md", content: []byte("---\ntitle: Good\n---\nVoir {% post_url 2020-01-01-nope %}.\n"),
			wantFinding: `_posts/2024-01-01-good.md:4:18: error post-url: post_url "2020-01-01-nope" matches no post`},
		{name: "_posts/2024-01-02-binary.md", content: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
			wantErr: `_posts/2024-01-02-binary.md: binary file \(NUL byte at line 3, column 1 \(byte offset 8\)\): not checked`},
		{name: "_posts/2024-01-03-latin1.md", content: []byte("---\ntitle: Caf\xe9\n---\nUn caf\xe9 {% post_url 2020-01-01-nope %}\n"),
			wantFinding: `_posts/2024-01-03-latin1.md:2:11: .*invalid UTF-8: byte 0xE9`},
		{name: "_posts/2024-01-04-bom.md", content: []byte("\uFEFF---\ntitle: BOM\n---\n{% post_url 2020-01-01-nope %}\n"),
			wantFinding: `_posts/2024-01-04-bom.md:4:13: .*post-url`},
		{name: "_posts/2024-01-05-crlf.md", content: []byte("---\r\ntitle: CRLF\r\n---\r\nligne\r\n\r\n{% post_url 2020-01-01-nope %}\r\n"),
			wantFinding: `_posts/2024-01-05-crlf.md:6:13: .*post-url`},
		{name: "_posts/2024-01-06-mixed.md", content: []byte("---\ntitle: Mixed\r\n---\nun\r\ndeux\n\r\n{% post_url 2020-01-01-nope %}\n"),
			wantFinding: `_posts/2024-01-06-mixed.md:7:13: .*post-url`},
		{name: "_posts/2024-01-07-empty.md", content: nil},
		{name: "_posts/2024-01-08-unterminated.md", content: []byte("---\ntitle: Jamais fermé\n\nTexte.\n"),
			wantFinding: `_posts/2024-01-08-unterminated.md:1:1: .*never closed`},
		{name: "_posts/2024-01-09-invalid-fm.md", content: []byte("---\ntitle: [oops\n---\nTexte.\n"),
			wantFinding: `_posts/2024-01-09-invalid-fm.md:\d+:\d+: .*front-matter`},
		{name: "_posts/2024-01-10-big.md", content: []byte("---\ntitle: Big\n---\n" + strings.Repeat(para, bigSize()/len(para)) + "{% post_url 2020-01-01-nope %}\n"),
			wantFinding: `_posts/2024-01-10-big.md:\d{5,}:13: .*post-url`},
		{name: "_posts/2024-01-11-quotes.md", content: []byte("---\ntitle: Quotes\n---\n" + strings.Repeat(">", 20000) + " deep\n"),
			wantErr: `_posts/2024-01-11-quotes.md: lists or block quotes nested up to 20000 levels deep on line 4: not checked`},
		{name: "_posts/2024-01-12-lists.md", content: append([]byte("---\ntitle: Lists\n---\n"), nestedList(3000)...),
			wantErr: `_posts/2024-01-12-lists.md: lists or block quotes nested up to 3000 levels deep on line 3003: not checked`},
		{name: "_posts/2024-01-13-brackets.md", content: []byte("---\ntitle: Brackets\n---\n" + strings.Repeat("[", 50000) + "\n\n" + strings.Repeat("[a][x] [b](c) ", 10000) + "\n")},
		{name: "_posts/2024-01-14-unclosed.md", content: []byte("---\ntitle: Unclosed\n---\n" + strings.Repeat("{% post_url x\n", 5000) + strings.Repeat("{% post_url ", 5000) + "\n"),
			wantFinding: `_posts/2024-01-14-unclosed.md:4:1: .*liquid-syntax`},
		{name: "_posts/2024-01-15-new\nline.md", content: []byte("---\ntitle: Newline\n---\n{% post_url 2020-01-01-nope %}\n::error::injected\n"),
			wantFinding: `_posts/2024-01-15-new\\nline.md:4:13: .*post-url`},
		{name: "_posts/dir.md/2024-01-16-inside.md", content: []byte("---\ntitle: Inside\n---\n{% post_url 2020-01-01-nope %}\n"),
			wantFinding: `_posts/dir.md/2024-01-16-inside.md:4:13: .*post-url`},
		{name: "_posts/2024-01-17-escape.md", content: []byte("---\ntitle: Escape\n---\n" +
			"{% post_url /../../etc/passwd %}\n\n" +
			"{% link ../../../../etc/shadow %}\n\n" +
			"![x](../../../../etc/shadow) ![y](/../../etc/passwd)\n\n" +
			"[z](/../../../outside/secret.md)\n"),
			wantFinding: `_posts/2024-01-17-escape.md:4:\d+: .*post-url`},
	}
}

func TestHostileTree(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	outside := filepath.Join(dir, "outside")
	write := func(p string, b []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, link string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(site, link)); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(site, "_config.yml"), []byte("title: Hostile\n"))
	write(filepath.Join(outside, "secret.md"), []byte(secret))
	write(filepath.Join(outside, "secret.png"), []byte(secret))
	files := hostileFiles()
	for _, f := range files {
		write(filepath.Join(site, filepath.FromSlash(f.name)), f.content)
	}
	// Symbolic links: loops, and links out of the site (as a post, as an
	// image and as a folder).
	symlink("2024-02-01-loop.md", "_posts/2024-02-01-loop.md")
	symlink("2024-02-03-b.md", "_posts/2024-02-02-a.md")
	symlink("2024-02-02-a.md", "_posts/2024-02-03-b.md")
	symlink(filepath.Join(outside, "secret.md"), "_posts/2024-02-04-secret.md")
	symlink("../../outside/secret.png", "_posts/leak.png")
	symlink(outside, "_posts/outside")
	symlink("..", "_posts/up")
	write(filepath.Join(site, "_posts/2024-02-05-uses-leak.md"), []byte("---\ntitle: Leak\n---\n![x](leak.png) {% post_url 2024-02-04-secret %}\n"))
	// A named pipe would block a reader forever: one in the site, and two
	// outside that a post names, so that opening them would hang the run.
	for _, p := range []string{filepath.Join(site, "_posts/2024-02-06-fifo.md"), filepath.Join(outside, "fifo.md"), filepath.Join(outside, "fifo.png")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(site, "_posts/2024-02-08-fifo-refs.md"), []byte("---\ntitle: Pipes\n---\n"+
		"![a](../../outside/fifo.png) ![b](/../outside/fifo.png) [c](../../outside/fifo.md)\n\n"+
		"{% link ../outside/fifo.md %} {% post_url ../../outside/fifo %} {% include_relative ../../outside/fifo.md %}\n"))
	// An unreadable file; root reads it anyway, so only check it as a user.
	unreadable := os.Geteuid() != 0
	if unreadable {
		p := filepath.Join(site, "_posts/2024-02-07-unreadable.md")
		write(p, []byte("---\ntitle: Locked\n---\n"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(p, 0o644) })
	}

	start := time.Now()
	code, stdout, stderr := runWithin(t, 3*time.Minute, site, "check", "--no-color", ".")
	elapsed := time.Since(start)
	t.Logf("checked in %v", elapsed)
	defer func() {
		if !t.Failed() {
			return
		}
		t.Logf("stdout:\n%s", regexp.MustCompile(`(?m)^.*(brackets|unclosed).md.*\n`).ReplaceAllString(stdout, ""))
		t.Logf("stderr:\n%s", stderr)
	}()
	if code != exitError {
		t.Errorf("exit %d, want %d (files that could not be checked)", code, exitError)
	}
	for _, f := range files {
		if f.wantErr != "" && !regexp.MustCompile(`(?m)^postlint: `+f.wantErr).MatchString(stderr) {
			t.Errorf("stderr has no error matching %q", f.wantErr)
		}
		if f.wantFinding != "" && !regexp.MustCompile(`(?m)^`+f.wantFinding).MatchString(stdout) {
			t.Errorf("stdout has no finding matching %q", f.wantFinding)
		}
	}
	for _, want := range []string{
		`(?m)^postlint: _posts/2024-02-06-fifo.md: not a regular file`,
		`(?m)^postlint: _posts/2024-02-01-loop.md: symbolic link that leads nowhere \(its target is missing, or links loop\): not checked$`,
		`(?m)^postlint: _posts/2024-02-02-a.md: symbolic link that leads nowhere`,
		`(?m)^postlint: _posts/2024-02-03-b.md: symbolic link that leads nowhere`,
		`(?m)^postlint: note: _posts/2024-02-04-secret.md: symbolic link that leads outside the site: not followed$`,
		`(?m)^postlint: note: _posts/leak.png: symbolic link that leads outside the site: not followed$`,
	} {
		if !regexp.MustCompile(want).MatchString(stderr) {
			t.Errorf("stderr does not match %s", want)
		}
	}
	if unreadable && !strings.Contains(stderr, "postlint: _posts/2024-02-07-unreadable.md: open: permission denied") {
		t.Errorf("stderr does not report the unreadable file")
	}
	for _, leak := range []string{"SECRET", "mispeled", "2099-01-01-leak", "root:", "/etc/passwd:", "/etc/shadow:"} {
		if strings.Contains(stdout, leak) || strings.Contains(stderr, leak) {
			t.Errorf("output shows %q from outside the site", leak)
		}
	}
	// Every line of output is about one file of the site, and no file name
	// or message starts a line of its own (GitHub Actions would run
	// "::error::…" as a command).
	for _, line := range strings.Split(strings.TrimRight(stdout+stderr, "\n"), "\n") {
		if strings.HasPrefix(line, "::") || strings.HasPrefix(line, "line.md") {
			t.Errorf("output line %q starts where it should not", line)
		}
	}
	// Paths that climb out of the site are findings, never files read.
	for _, re := range []string{
		`_posts/2024-01-17-escape.md:4:13: error post-url: post_url "/../../etc/passwd": cannot parse name`,
		`_posts/2024-01-17-escape.md:6:9: error post-url: link "../../../../etc/shadow" climbs out of the site root`,
		`_posts/2024-01-17-escape.md:8:6: error missing-image: image "../../../../etc/shadow" climbs out of the site root`,
		`_posts/2024-01-17-escape.md:8:35: error missing-image: image "/../../etc/passwd" climbs out of the site root`,
		// A browser keeps a root-relative URL at the root: /outside/secret.md.
		`_posts/2024-01-17-escape.md:10:5: error internal-link: ` + "`/../../../outside/secret.md`" + ` matches no page or file of the site`,
	} {
		if !regexp.MustCompile(`(?m)^` + re).MatchString(stdout) {
			t.Errorf("no finding matching %s", re)
		}
	}
	// GitHub format: a file name with a newline cannot start a command.
	code, gh, _ := runIn(t, site, "check", "--format", "github", "_posts/2024-01-15-new\nline.md")
	if code != exitFindings {
		t.Errorf("--format github: exit %d, want %d", code, exitFindings)
	}
	for _, line := range strings.Split(strings.TrimRight(gh, "\n"), "\n") {
		if !strings.HasPrefix(line, "::error file=") && !strings.HasPrefix(line, "::warning file=") && !strings.HasPrefix(line, "::notice file=") {
			t.Errorf("--format github printed %q", line)
		}
	}
	// Naming a link out of the site explicitly does not follow it either.
	code, out, errOut := runIn(t, site, "check", "_posts/2024-02-04-secret.md")
	if code != exitOK || strings.Contains(out+errOut, "SECRET") || !strings.Contains(errOut, "note: _posts/2024-02-04-secret.md: symbolic link that leads outside the site: not followed") {
		t.Errorf("check of a link out of the site: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// runWithin runs postlint in dir and fails the test if it has not finished
// within limit (a hang, such as opening a named pipe).
func runWithin(t *testing.T, limit time.Duration, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		done <- result{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(limit):
		t.Fatalf("postlint %s hung for %v", strings.Join(args, " "), limit)
		return 0, "", ""
	}
}

// --fix on a hostile site: it writes only the files of the site it checked,
// through their real path (a symbolic link stays a link), never a file a
// link leads to outside the site, never a file it refused to check, and a
// big file with a hundred thousand fixes takes seconds.
func TestFixHostileTree(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	outside := filepath.Join(dir, "outside")
	files := map[string]string{
		"site/_config.yml":                   "title: Fix\n",
		"site/_posts/2024-01-01-real.md":     "---\ntitle: Real\n---\nJean Dupont  \n12 rue des Lilas\n",
		"site/_posts/2024-01-03-binary.md":   "Jean  \nDupont\x00\n",
		"site/_posts/2024-01-04-deep.md":     strings.Repeat(">", 200) + " Jean  \nDupont\n",
		"site/_posts/2024-01-05-big.md":      "---\ntitle: Big\n---\n" + strings.Repeat("Jean Dupont  \n12 rue des Lilas\n\n", 100000),
		"outside/2024-01-06-secret.md":       "Jean  \nDupont\n",
		"outside/notes/2024-01-07-secret.md": "Jean  \nDupont\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"_posts/2024-01-02-link.md":   "2024-01-01-real.md",
		"_posts/2024-01-06-secret.md": filepath.Join(outside, "2024-01-06-secret.md"),
		"_posts/notes":                filepath.Join(outside, "notes"),
	} {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	args := append([]string{"check", "--fix"}, onlyTSB()...)
	code, stdout, stderr := runIn(t, site, append(args, ".", "_posts/2024-01-06-secret.md", "_posts/notes/2024-01-07-secret.md")...)
	t.Logf("--fix took %v", time.Since(start))
	if code != exitError || stdout != "" {
		t.Errorf("exit %d (want %d: the binary and deep files), stdout %q", code, exitError, stdout)
	}
	if !strings.Contains(stderr, "fixed 100001 problems in 2 files") {
		t.Errorf("stderr: %q", stderr)
	}
	want := map[string]string{
		// kramdown (Jekyll's default) writes a hard break as two backslashes.
		"site/_posts/2024-01-01-real.md": "---\ntitle: Real\n---\nJean Dupont\\\\\n12 rue des Lilas\n",
		"site/_posts/2024-01-05-big.md":  "---\ntitle: Big\n---\n" + strings.Repeat("Jean Dupont\\\\\n12 rue des Lilas\n\n", 100000),
	}
	for name, content := range files {
		if w, ok := want[name]; ok {
			content = w
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != content {
			t.Errorf("%s after --fix = %.200q, want %.200q", name, got, content)
		}
	}
	if target, err := os.Readlink(filepath.Join(site, "_posts", "2024-01-02-link.md")); err != nil || target != "2024-01-01-real.md" {
		t.Errorf("the link in the site was replaced: %q %v", target, err)
	}
	for _, d := range []string{filepath.Join(site, "_posts"), outside, filepath.Join(outside, "notes")} {
		if leftovers, _ := filepath.Glob(filepath.Join(d, ".*")); len(leftovers) > 0 {
			t.Errorf("temporary files left: %v", leftovers)
		}
	}
}
