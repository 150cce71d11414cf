package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

func TestInternalLinkJekyll(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-internal-link", rules.InternalLink)
}

func TestInternalLinkHugo(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-internal-link", rules.InternalLink)
}

func TestInternalLinkPlain(t *testing.T) {
	linttest.Run(t, "../testdata/plain-internal-link", rules.InternalLink)
}

func TestInternalLinkKramdownIDs(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-kramdown-ids", rules.InternalLink)
}

func TestInternalLinkHugoLanguages(t *testing.T) {
	linttest.Run(t, "../testdata/hugo-internal-link-i18n", rules.InternalLink)
}

// TestInternalLinkCheckedAnchors checks the reuse of a checked page's
// anchors for links from pages checked after it: reused when the file on
// disk is what was checked (no second parse), not when the checked content
// differs from the disk, as with --fix. The headings have emphasis, so that
// the target's anchors need a parse (see TestInternalLinkScannedAnchors),
// and the target links to its own heading: only the anchors a page's own
// links computed are kept (TestInternalLinkAnchorsNotKept).
func TestInternalLinkCheckedAnchors(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "1-target.md")
	linking := filepath.Join(dir, "2-linking.md")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(target, "# Old *heading*\n\n[up](#old-heading)\n")
	write(linking, "[old](1-target.md#old-heading)\n")
	run := func(readFile func(string) ([]byte, error)) *lint.Result {
		res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{rules.InternalLink}, Cwd: dir, SiteKind: "plain", Jobs: 1, ReadFile: readFile})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := run(nil)
	if len(res.Findings) != 0 || res.Parsed != 2 {
		t.Errorf("unchanged files: %d findings, %d parsed; want 0 findings and no second parse of the target", len(res.Findings), res.Parsed)
	}
	res = run(func(abs string) ([]byte, error) {
		if abs == target {
			return []byte("# New *heading*\n\n[up](#new-heading)\n"), nil
		}
		return os.ReadFile(abs)
	})
	if len(res.Findings) != 0 || res.Parsed != 3 {
		t.Errorf("target checked with other content than on disk: %d findings, %d parsed; want the disk's anchors, parsed again", len(res.Findings), res.Parsed)
	}
}

// TestInternalLinkAnchorsNotKept checks that the anchors of a checked page
// none of whose links names one of its own fragments are not computed for
// the pages checked after it: a link to them parses the page again, and
// gets the same findings.
func TestInternalLinkAnchorsNotKept(t *testing.T) {
	dir := t.TempDir()
	for name, s := range map[string]string{
		"1-target.md":  "# Old *heading*\n\n[other](3-other.md)\n",
		"2-linking.md": "[old](1-target.md#old-heading) [bad](1-target.md#new-heading)\n",
		"3-other.md":   "Text.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{rules.InternalLink}, Cwd: dir, SiteKind: "plain", Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "`#new-heading` matches no heading") || res.Parsed != 4 {
		t.Errorf("%d findings %v, %d parsed; want the one for #new-heading and a second parse of the target", len(res.Findings), res.Findings, res.Parsed)
	}
}

// TestInternalLinkScannedAnchors checks that the anchors of a linked page
// whose headings are plain lines are read from the disk without a parse,
// whatever content was checked for it.
func TestInternalLinkScannedAnchors(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "2-target.md")
	for p, s := range map[string]string{
		target:                          "# Old heading\n\nText.\n",
		filepath.Join(dir, "1-link.md"): "[old](2-target.md#old-heading) [new](2-target.md#new-heading)\n",
	} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{rules.InternalLink}, Cwd: dir, SiteKind: "plain", Jobs: 1,
		ReadFile: func(abs string) ([]byte, error) {
			if abs == target {
				return []byte("# New heading\n"), nil
			}
			return os.ReadFile(abs)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Parsed != 2 {
		t.Errorf("%d findings (%v), %d parsed; want one finding for #new-heading and no second parse of the target", len(res.Findings), res.Findings, res.Parsed)
	}
}
