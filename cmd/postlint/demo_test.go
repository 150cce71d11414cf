package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestREADMEDemo runs the command on the README's first screen: the demo
// site shows one defect of each kind postlint exists for, and exits 1.
func TestREADMEDemo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--no-color", "../../testdata/demo-jekyll"}, nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitFindings, &stdout, &stderr)
	}
	for _, want := range []string{
		`_posts/2024-03-03-conf-jour-3.md:11:39: error post-url: post_url "2024-03-02-conf-jour2" matches no post in _posts/; did you mean 2024-03-02-conf-jour-2?`,
		`_posts/2024-03-02-conf-jour-2.md:13:22: error missing-image: image "/assets/images/photo.jpg" exists only as assets/images/Photo.jpg`,
		`_posts/2024-03-03-conf-jour-3.md:4:20: error series-order: says "deuxième" (part 2) but this is part 3 of 3 by date`,
		`_posts/2024-03-03-conf-jour-3.md:10:67: warning french-typography: missing space before "!"`,
		`_posts/2024-03-02-conf-jour-2.md:10:59: warning trailing-space-break: line ends in 2 spaces`,
		`_posts/2024-03-02-conf-jour-2.md:10:40: warning french-typos: "allez": after être the past participle is needed`,
		`_posts/2024-03-03-conf-jour-3.md:10:18: warning french-typos: "ecosystem": English spelling of a French word; did you mean "écosystème"?`,
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, &stdout)
		}
	}
}
