package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// trickyTree writes a tree holding what walks get wrong and returns its
// root: links of every kind (to a file or a folder inside, out of the tree,
// out of a nested site only, dangling, looping), skipped folders at the top
// and deeper, a site inside a skipped folder, nested sites (a Jekyll theme
// inside a Jekyll site, a Hugo site beside it), names whose walk order is
// not their byte order ("a", "a-b", "a.c", "a/z"), case variants, named
// pipes and, unless run as root, a folder that cannot be read.
func trickyTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	outside := filepath.Join(dir, "outside")
	write := func(p string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: t\n---\n# "+filepath.Base(p)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{
		"README.md", "a.md", "A.md", "a-b/x.md", "a.c/x.md", "a/z.md", "a/b/c.md", "a/b/C.MD", "a b/x.md", "B/é.md", "notes/todo.MD",
		"node_modules/pkg/readme.md", "deep/vendor/x.md", "deep/.git/x.md", "deep/public/x.md", "deep/keep.md", "deep/_site/x.md",
		"archive/old.md", "archive/sub/older.md", "notes/draft.md",
		"blog/_config.yml", "blog/_posts/2024-01-01-a.md", "blog/_posts/img.png", "blog/docs/page.md", "blog/_layouts/default.html",
		"blog/theme/_config.yml", "blog/theme/index.md", "blog/theme/_posts/2024-02-01-t.md",
		"hugo/config.toml", "hugo/content/post.md", "hugo/content/fr/post.fr.md", "hugo/static/x.png", "hugo/content/public/p.md",
		"vendor/site/_config.yml", "vendor/site/p.md", "empty/.keep",
	} {
		write(filepath.Join(root, filepath.FromSlash(rel)))
	}
	if err := os.MkdirAll(filepath.Join(root, "empty-dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(outside, "secret.md"))
	write(filepath.Join(outside, "dir", "x.md"))
	for link, target := range map[string]string{
		"link-file.md":                  "a.md",
		"link-dir":                      "a",
		"Link-Case.MD":                  "a/b/c.md",
		"blog/_posts/2024-01-02-out.md": filepath.Join(outside, "secret.md"),
		"blog/out-dir":                  filepath.Join(outside, "dir"),
		"blog/up":                       "..",
		"blog/_posts/readme.md":         "../../README.md",
		"hugo/content/shared.md":        "../../a.md",
		"dangling.md":                   "nope.md",
		"loop.md":                       "loop.md",
		"a/b/pipe-link.md":              "../../pipe.md",
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range []string{"pipe.md", "blog/pipe.png"} {
		if err := syscall.Mkfifo(filepath.Join(root, filepath.FromSlash(rel)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(root, "blog", "locked")
		write(filepath.Join(locked, "x.md"))
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	}
	return root
}

// everyPath returns the slash path of everything below root, skipped
// folders included, with case variants and a few paths that exist nowhere:
// the look-ups a file set must answer as the old one did.
func everyPath(t *testing.T, root string) []string {
	t.Helper()
	paths := []string{"", ".", "nope", "a/", "./a.md", "/a.md", "a//z.md"}
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if rel, rerr := filepath.Rel(root, p); rerr == nil && rel != "." {
			rel = filepath.ToSlash(rel)
			paths = append(paths, rel, strings.ToUpper(rel), strings.ToLower(rel), rel+"/")
		}
		return nil
	})
	return paths
}

// sameFileSet reports how got differs from want, the file index built by
// a walk of its own.
func sameFileSet(got *FileSet, want *refFileSet, paths []string) error {
	var walked []string
	got.Walk(func(rel string) { walked = append(walked, rel) })
	if !slices.Equal(walked, want.order) {
		return fmt.Errorf("Walk = %q\nwant %q", walked, want.order)
	}
	if got.Len() != len(want.files) {
		return fmt.Errorf("Len = %d, want %d", got.Len(), len(want.files))
	}
	if !slices.Equal(got.Escaping, want.Escaping) {
		return fmt.Errorf("Escaping = %q, want %q", got.Escaping, want.Escaping)
	}
	for _, rel := range paths {
		if got.Has(rel) != want.files[rel] {
			return fmt.Errorf("Has(%q) = %v", rel, got.Has(rel))
		}
		if got.HasDir(rel) != (rel == "" || want.dirs[rel]) {
			return fmt.Errorf("HasDir(%q) = %v", rel, got.HasDir(rel))
		}
		if g, w := got.Fold(rel), want.fold[strings.ToLower(rel)]; !slices.Equal(g, w) {
			return fmt.Errorf("Fold(%q) = %q, want %q", rel, g, w)
		}
	}
	return nil
}

// checkFileSets compares the file index of every site root in roots, read
// from a walk of its own and from walked, with the old one.
func checkFileSets(t *testing.T, walked *tree, roots []string) {
	t.Helper()
	for _, root := range roots {
		want, wantErr := walkDirFileSet(root)
		paths := everyPath(t, root)
		var part *tree
		if walked != nil {
			part = walked.cut(root)
		}
		for _, from := range []*tree{nil, walked, part} {
			got, err := indexFiles(root, from)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s: error %v, want %v", root, err, wantErr)
				continue
			}
			if err != nil {
				continue
			}
			if err := sameFileSet(got, want, paths); err != nil {
				t.Errorf("%s (from a walk of %v): %v", root, from != nil, err)
			}
		}
	}
}

func TestFileSetMatchesWalkDir(t *testing.T) {
	root := trickyTree(t)
	walked := walkTree(root)
	var roots []string
	for _, rel := range []string{".", "blog", "blog/theme", "blog/_posts", "hugo", "hugo/content", "a", "a/b", "empty-dir",
		"deep", "deep/vendor", "vendor/site", "link-dir", "a.md", "nope", "blog/locked"} {
		roots = append(roots, filepath.Join(root, filepath.FromSlash(rel)))
	}
	checkFileSets(t, walked, roots)
	// A walk must have gone into a root for its index to be read from it.
	for _, rel := range []string{"blog", "blog/theme", "a/b", "empty-dir"} {
		if _, ok := walked.folder(filepath.Join(root, filepath.FromSlash(rel))); !ok {
			t.Errorf("%s: not found in the walk", rel)
		}
	}
	for _, rel := range []string{"deep/vendor", "vendor/site", "link-dir", "a.md", "nope", "a/z.md"} {
		if _, ok := walked.folder(filepath.Join(root, filepath.FromSlash(rel))); ok {
			t.Errorf("%s: found in the walk, which does not go into it", rel)
		}
	}
}

func TestFileSetMatchesWalkDirOnCorpora(t *testing.T) {
	corpora := corporaDir()
	if corpora == "" {
		t.Skip("real blogs not found")
	}
	entries, err := os.ReadDir(corpora)
	if err != nil {
		t.Fatal(err)
	}
	roots := []string{corpora}
	for _, e := range entries {
		roots = append(roots, filepath.Join(corpora, e.Name()))
	}
	checkFileSets(t, walkTree(corpora), roots)
}

// sameDiscovery reports how got differs from want, discovery as it was.
func sameDiscovery(got, want *discovered) error {
	describe := func(d *discovered) string {
		var b strings.Builder
		for _, tg := range d.targets {
			fmt.Fprintf(&b, "target %s in %s\n", tg.abs, tg.slot.root)
		}
		for _, sl := range d.slots {
			fmt.Fprintf(&b, "site %d %s %s\n", sl.order, sl.root, sl.kind)
		}
		for _, err := range d.errors {
			fmt.Fprintf(&b, "error %v\n", err)
		}
		for _, err := range d.skipped {
			fmt.Fprintf(&b, "skipped %v\n", err)
		}
		return b.String()
	}
	if g, w := describe(got), describe(want); g != w {
		return fmt.Errorf("got:\n%swant:\n%s", g, w)
	}
	return nil
}

func TestDiscoverMatchesWalkDir(t *testing.T) {
	root := trickyTree(t)
	linkRoot := filepath.Join(filepath.Dir(root), "link-root")
	if err := os.Symlink(root, linkRoot); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(root, ".postlint.yml")
	ignoring, err := ParseConfig(cfgPath, []byte("ignore:\n  - archive/**\n  - notes/draft.md\n  - \"**/theme/**\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := func(rels ...string) []string {
		var out []string
		for _, rel := range rels {
			out = append(out, filepath.Join(root, filepath.FromSlash(rel)))
		}
		return out
	}
	tests := []struct {
		name           string
		paths          []string
		cfg            *Config
		siteRoot, kind string
	}{
		{"root", in("."), DefaultConfig(), "", ""},
		{"ignored", in("."), ignoring, "", ""},
		{"nested sites", in("blog", "hugo", "blog/theme"), DefaultConfig(), "", ""},
		{"inside a site", in("blog/_posts", "hugo/content/fr"), DefaultConfig(), "", ""},
		{"files and folders", in("a.md", "blog/_posts/2024-01-01-a.md", ".", "blog/_posts/2024-01-02-out.md", "missing", "link-dir", "pipe.md"), DefaultConfig(), "", ""},
		{"a skipped folder named", in("deep/vendor", "vendor", "node_modules"), DefaultConfig(), "", ""},
		{"a link as the root", []string{linkRoot}, DefaultConfig(), "", ""},
		{"forced site root", in("blog"), DefaultConfig(), root, "jekyll"},
		{"forced site root inside", in("."), DefaultConfig(), filepath.Join(root, "blog"), "auto"},
		{"forced kind", in("."), DefaultConfig(), "", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := discover(tt.paths, tt.cfg, root, tt.siteRoot, tt.kind)
			want := walkDirDiscover(tt.paths, tt.cfg, root, tt.siteRoot, tt.kind)
			if err := sameDiscovery(got, want); err != nil {
				t.Fatal(err)
			}
			for _, sl := range got.slots {
				if sl.walked == nil && strings.HasPrefix(sl.root+"/", root+"/") && slices.Contains(tt.paths, root) && tt.siteRoot == "" {
					t.Errorf("site %s: its files are walked again", sl.root)
				}
				checkFileSets(t, sl.walked, []string{sl.root})
			}
		})
	}
}

func TestDiscoverMatchesWalkDirOnCorpora(t *testing.T) {
	corpora := corporaDir()
	if corpora == "" {
		t.Skip("real blogs not found")
	}
	got := discover([]string{corpora}, DefaultConfig(), corpora, "", "")
	want := walkDirDiscover([]string{corpora}, DefaultConfig(), corpora, "", "")
	if err := sameDiscovery(got, want); err != nil {
		t.Fatal(err)
	}
	for _, sl := range got.slots {
		if sl.walked == nil {
			t.Errorf("site %s: its files are walked again", sl.root)
		}
	}
}

func TestWalkOrder(t *testing.T) {
	// The order os.ReadDir and a walk give: a folder's files right after it.
	paths := []string{"a", "a/b", "a/b/c", "a/z", "a b", "a-b", "a.c", "a0", "aa", "b"}
	for i := range paths {
		for j := range paths {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := walkOrder(paths[i], paths[j]); got != want {
				t.Errorf("walkOrder(%q, %q) = %d, want %d", paths[i], paths[j], got, want)
			}
		}
	}
}

// BenchmarkDiscoverAndIndex is what a run does with the file system before
// checking anything: find the files to check and index the files of every
// site, over the eight real blogs. walk-once reads each folder once;
// walk-per-site is how it was: a walk for discovery, one per site.
func BenchmarkDiscoverAndIndex(b *testing.B) {
	corpora := corporaDir()
	if corpora == "" {
		b.Skip("real blogs not found")
	}
	cfg := DefaultConfig()
	b.Run("walk-once", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, sl := range discover([]string{corpora}, cfg, corpora, "", "").slots {
				if _, err := indexFiles(sl.root, sl.walked); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("walk-per-site", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, sl := range walkDirDiscover([]string{corpora}, cfg, corpora, "", "").slots {
				if _, err := walkDirFileSet(sl.root); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestSitesKeepOnlyTheirOwnFiles checks that a site's index keeps the
// content of the files the run checks as that site's only: a Jekyll site
// indexes the pages of a site nested in it, which their own site checks.
func TestSitesKeepOnlyTheirOwnFiles(t *testing.T) {
	root := trickyTree(t)
	found := discover([]string{root}, DefaultConfig(), root, "", "")
	blog := filepath.Join(root, "blog")
	for _, sl := range found.slots {
		if sl.root != blog {
			continue
		}
		site, err := sl.load(found.siteOf)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, p := range site.Posts {
			abs := filepath.Join(blog, filepath.FromSlash(p.Path))
			src := site.takeSource(abs)
			if own := found.siteOf[abs] == sl; own != (src != nil) {
				t.Errorf("%s: kept %v, checked as the site's own %v", p.Path, src != nil, own)
			}
			if src != nil {
				kept++
			}
		}
		if kept == 0 || !slices.ContainsFunc(site.Posts, func(p *Post) bool { return strings.HasPrefix(p.Path, "theme/") }) {
			t.Errorf("kept %d files; posts %d", kept, len(site.Posts))
		}
		return
	}
	t.Fatal("no blog site found")
}
