package integration

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPreCommitHook installs the hook of this checkout with the real
// pre-commit (`pre-commit try-repo`) in a fixture Git repository: a clean
// commit passes; a commit with a broken post_url fails and shows the finding.
func TestPreCommitHook(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit); .ci/run installs it")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if testing.Short() {
		t.Skip("-short: pre-commit builds postlint from source, which takes a while")
	}
	root := repoRoot(t)
	site := t.TempDir()
	home := t.TempDir() // pre-commit's cache and git's identity stay out of the user's
	env := []string{
		"HOME=" + home, "PRE_COMMIT_HOME=" + home + "/pre-commit",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_NOSYSTEM=1",
	}
	git := func(args ...string) {
		t.Helper()
		if out, code := runIn(t, site, env, "git", args...); code != 0 {
			t.Fatalf("git %s: %s", strings.Join(args, " "), out)
		}
	}
	git("init", "-q", "-b", "main")
	writeFiles(t, site, jekyllSite)
	git("add", ".")

	out, code := runIn(t, site, env, "pre-commit", "try-repo", root, "postlint", "--verbose")
	if code != 0 {
		t.Fatalf("clean site: pre-commit exited %d:\n%s", code, out)
	}
	if !strings.Contains(out, "postlint") || !strings.Contains(out, "Passed") {
		t.Errorf("clean site: the hook did not run and pass:\n%s", out)
	}
	git("commit", "-q", "-m", "clean")

	// Only the staged file is passed; the whole site is indexed, so the good
	// reference resolves and the broken one is reported.
	writeFiles(t, site, map[string]string{"_posts/2024-01-15-third.md": `---
title: Third
---
After [the second]({% post_url 2024-01-08-second %}) and [a typo]({% post_url 2024-01-08-secnd %}).
`})
	git("add", "_posts/2024-01-15-third.md")
	out, code = runIn(t, site, env, "pre-commit", "try-repo", root, "postlint", "--verbose")
	if code == 0 {
		t.Fatalf("broken post_url: pre-commit passed:\n%s", out)
	}
	for _, want := range []string{"Failed", "_posts/2024-01-15-third.md:4:", "post-url", "2024-01-08-secnd", "did you mean 2024-01-08-second"} {
		if !strings.Contains(out, want) {
			t.Errorf("broken post_url: output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2024-01-01-first") || strings.Contains(out, "second.md") {
		t.Errorf("files that were not staged were reported:\n%s", out)
	}
}
