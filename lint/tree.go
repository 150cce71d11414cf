package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// tree is one walk of a folder, or the part of one below a folder (see
// cut; its entries' paths stay relative to the walk's root): every folder, file and link below it, in
// the order filepath.WalkDir visits them, skipped folders (SkippedDir) left
// out. A run walks each folder it is given once: discovery reads the tree
// for the files to check, and the file index of every site whose root lies
// in it is a part of it, instead of a walk of its own. Reading folders is
// most of the cost of a walk.
type tree struct {
	// root is the absolute path of the folder walked.
	root string
	// entries are in walk order, the root first (its path is ".", unless
	// the tree was cut from a larger one). Below
	// the root, walk order is the byte order of the paths with the slash
	// first (see walkOrder), which look-ups rely on.
	entries []treeEntry
	// readErrs are the errors of reading folders, by the folder's index in
	// entries; the entries read before the error are kept, as WalkDir does.
	readErrs map[int]error
	// rootErr is the error of Lstat on the root: the tree has no entries.
	rootErr error
}

// treeEntry is one file, folder or link of a tree.
type treeEntry struct {
	// rel is the slash path relative to the tree's root.
	rel string
	// typ is the entry's type bits, links not followed (fs.DirEntry.Type).
	typ fs.FileMode
}

// walkTree walks root as filepath.WalkDir does: the root is not followed
// when it is a symbolic link, links below it never are, and a folder that
// cannot be read keeps the entries read before the error.
func walkTree(root string) *tree {
	t := &tree{root: root}
	fi, err := os.Lstat(root)
	if err != nil {
		t.rootErr = err
		return t
	}
	t.entries = append(t.entries, treeEntry{rel: ".", typ: fi.Mode().Type()})
	if fi.IsDir() {
		t.readDir(root, "")
	}
	return t
}

// readDir appends the entries below the folder abs (rel in the tree), which
// was appended last.
func (t *tree) readDir(abs, rel string) {
	index := len(t.entries) - 1
	children, err := os.ReadDir(abs)
	if err != nil {
		if t.readErrs == nil {
			t.readErrs = map[int]error{}
		}
		t.readErrs[index] = err
	}
	for _, c := range children {
		name := c.Name()
		if c.IsDir() && SkippedDir(name) {
			continue
		}
		childRel := name
		if rel != "" {
			childRel = rel + "/" + name
		}
		t.entries = append(t.entries, treeEntry{rel: childRel, typ: c.Type()})
		if c.IsDir() {
			t.readDir(filepath.Join(abs, name), childRel)
		}
	}
}

// abs returns the absolute path of entry i, as WalkDir would name it.
func (t *tree) abs(i int) string {
	if i == 0 {
		return t.root
	}
	return filepath.Join(t.root, filepath.FromSlash(t.entries[i].rel))
}

// name returns the base name of entry i.
func (t *tree) name(i int) string {
	if i == 0 {
		return filepath.Base(t.root)
	}
	rel := t.entries[i].rel
	return rel[strings.LastIndexByte(rel, '/')+1:]
}

// subtreeEnd returns the index after the last entry below folder entry i.
func (t *tree) subtreeEnd(i int) int {
	if i == 0 {
		return len(t.entries)
	}
	under := t.entries[i].rel + "/"
	rest := t.entries[i+1:]
	n, _ := slices.BinarySearchFunc(rest, under, func(e treeEntry, under string) int {
		if strings.HasPrefix(e.rel, under) {
			return -1
		}
		return 1
	})
	return i + 1 + n
}

// folder returns the index of the folder at the absolute path abs, and
// false when abs is not a folder the walk went into.
func (t *tree) folder(abs string) (int, bool) {
	if len(t.entries) == 0 || !t.entries[0].typ.IsDir() {
		return 0, false
	}
	if abs == t.root {
		return 0, true
	}
	rest, ok := strings.CutPrefix(abs, t.root)
	if !ok {
		return 0, false
	}
	if !strings.HasSuffix(t.root, string(filepath.Separator)) {
		if rest, ok = strings.CutPrefix(rest, string(filepath.Separator)); !ok {
			return 0, false
		}
	}
	rel := filepath.ToSlash(rest)
	n, found := slices.BinarySearchFunc(t.entries[1:], rel, func(e treeEntry, rel string) int { return walkOrder(e.rel, rel) })
	if !found || !t.entries[1+n].typ.IsDir() {
		return 0, false
	}
	return 1 + n, true
}

// cut returns the part of the tree at the folder root (absolute) as a tree
// of its own, for the file index of the site rooted there: a site keeps
// only its part, and the walk is freed as the sites are checked. It is nil
// when the walk did not go into root.
func (t *tree) cut(root string) *tree {
	i, ok := t.folder(root)
	if !ok {
		return nil
	}
	if i == 0 {
		return t
	}
	part := &tree{root: root, entries: slices.Clone(t.entries[i:t.subtreeEnd(i)])}
	if err := t.readErrs[i]; err != nil {
		part.readErrs = map[int]error{0: err}
	}
	return part
}

// walkOrder compares two slash paths in the order a walk visits them: byte
// order, except that the slash comes before every other byte, so that a
// folder's files come right after it ("a", "a/z", "a-b", "a.c").
func walkOrder(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	switch {
	case i == len(a) && i == len(b):
		return 0
	case i == len(a):
		return -1
	case i == len(b):
		return 1
	case a[i] == '/':
		return -1
	case b[i] == '/':
		return 1
	case a[i] < b[i]:
		return -1
	}
	return 1
}

// FileSet is the set of files of a site, for exact and case-insensitive
// look-ups of root-relative slash paths. It is the part of a tree below the
// site root.
type FileSet struct {
	// entries are those of the tree below the site root, in walk order;
	// their rel starts with prefix bytes (the root's rel and a slash) that
	// the site's paths leave out.
	entries []treeEntry
	prefix  int
	// targets are what the usable symbolic links lead to, by path: 0 for
	// a regular file, fs.ModeDir for a folder. Links that dangle, loop,
	// lead outside the site or to something else are not files. When the
	// root itself is not a folder (a root given as a link), its entry "."
	// is here too, as a walk sees it.
	targets map[string]fs.FileMode
	files   int
	// Escaping lists symlinks that lead outside the site, in walk order;
	// they are not followed.
	Escaping []string

	foldOnce sync.Once
	fold     map[string][]string // lower-case path -> real paths
}

// indexFiles returns the files of the site rooted at root (absolute): the
// part of walked below root when the walk went into root, else a walk of
// its own. Folders that cannot be read are left out (their files are
// reported when checked), except the root.
func indexFiles(root string, walked *tree) (*FileSet, error) {
	i, ok := 0, false
	if walked != nil {
		i, ok = walked.folder(root)
	}
	if !ok {
		walked = walkTree(root)
		if walked.rootErr != nil {
			return nil, walked.rootErr
		}
	}
	return walked.fileSet(root, i)
}

// fileSet returns the files below entry i, whose absolute path is root.
func (t *tree) fileSet(root string, i int) (*FileSet, error) {
	if err := t.readErrs[i]; err != nil {
		return nil, err
	}
	end := t.subtreeEnd(i)
	f := &FileSet{entries: t.entries[i+1 : end]}
	if rel := t.entries[i].rel; rel != "." {
		f.prefix = len(rel) + 1
	}
	// Links are resolved to real paths, so compare them with the real root:
	// a root reached through a symbolic link (/tmp on macOS) would otherwise
	// make every link look like it leads outside.
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	resolve := func(rel, abs string, typ fs.FileMode) {
		if typ&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(abs)
			if err != nil {
				return // dangling or looping: the file does not exist
			}
			if r, err := filepath.Rel(realRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				f.Escaping = append(f.Escaping, rel)
				return
			}
			fi, err := os.Stat(target)
			if err != nil {
				return
			}
			typ = fi.Mode().Type()
		}
		if typ.IsDir() || typ.IsRegular() {
			if f.targets == nil {
				f.targets = map[string]fs.FileMode{}
			}
			f.targets[rel] = typ & fs.ModeDir
		}
	}
	if !t.entries[i].typ.IsDir() {
		resolve(".", root, t.entries[i].typ)
	}
	for _, e := range f.entries {
		switch {
		case e.typ&fs.ModeSymlink != 0:
			rel := e.rel[f.prefix:]
			resolve(rel, filepath.Join(root, filepath.FromSlash(rel)), e.typ)
		case e.typ.IsRegular():
			f.files++
		}
	}
	for _, typ := range f.targets {
		if typ.IsRegular() {
			f.files++
		}
	}
	return f, nil
}

// entry returns the kind of what is at rel: a regular file (0) or a folder
// (fs.ModeDir), links followed, and false for nothing or anything else.
func (f *FileSet) entry(rel string) (fs.FileMode, bool) {
	if typ, ok := f.targets[rel]; ok {
		return typ, true
	}
	n, found := slices.BinarySearchFunc(f.entries, rel, func(e treeEntry, rel string) int { return walkOrder(e.rel[f.prefix:], rel) })
	if !found {
		return 0, false
	}
	typ := f.entries[n].typ
	return typ, typ.IsDir() || typ.IsRegular()
}

// Has reports whether a file exists at exactly this path.
func (f *FileSet) Has(rel string) bool {
	typ, ok := f.entry(rel)
	return ok && typ.IsRegular()
}

// HasDir reports whether a folder exists at exactly this path ("" is the root).
func (f *FileSet) HasDir(rel string) bool {
	if rel == "" {
		return true
	}
	typ, ok := f.entry(rel)
	return ok && typ.IsDir()
}

// Fold returns the files whose path equals rel ignoring case, in walk
// order. The table is built on first use: most sites never need it.
func (f *FileSet) Fold(rel string) []string {
	f.foldOnce.Do(func() {
		f.fold = make(map[string][]string, f.files)
		f.Walk(func(p string) {
			low := strings.ToLower(p)
			f.fold[low] = append(f.fold[low], p)
		})
	})
	return f.fold[strings.ToLower(rel)]
}

// Len returns the number of files.
func (f *FileSet) Len() int { return f.files }

// Walk calls fn for every file path, in walk order (callers must not rely
// on it).
func (f *FileSet) Walk(fn func(rel string)) {
	if typ, ok := f.targets["."]; ok && typ.IsRegular() {
		fn(".")
	}
	for _, e := range f.entries {
		switch {
		case e.typ.IsRegular():
			fn(e.rel[f.prefix:])
		case e.typ&fs.ModeSymlink != 0:
			rel := e.rel[f.prefix:]
			if typ, ok := f.targets[rel]; ok && typ.IsRegular() {
				fn(rel)
			}
		}
	}
}

// within reports whether the absolute path abs is the tree's root or lies
// below it.
func (t *tree) within(abs string) bool {
	rest, ok := strings.CutPrefix(abs, t.root)
	return ok && (rest == "" || strings.HasSuffix(t.root, string(filepath.Separator)) || rest[0] == filepath.Separator)
}
