package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The file walks as they were before a run walked each folder once (one
// walk for discovery, one per site for its file index): the references the
// tree-based walks must match exactly.

// refFileSet is the file index as it was built by a walk of its own.
type refFileSet struct {
	files    map[string]bool
	dirs     map[string]bool
	fold     map[string][]string
	order    []string // files in walk order
	Escaping []string
}

func walkDirFileSet(root string) (*refFileSet, error) {
	fsIdx := &refFileSet{files: map[string]bool{}, dirs: map[string]bool{}, fold: map[string][]string{}}
	// Links are resolved to real paths, so compare them with the real root:
	// a root reached through a symbolic link (/tmp on macOS) would otherwise
	// make every link look like it leads outside.
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // unreadable folders are reported when their files are checked
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && SkippedDir(d.Name()) {
				return filepath.SkipDir
			}
			if rel != "." {
				fsIdx.dirs[rel] = true
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				return nil // dangling or looping: the file does not exist
			}
			if r, err := filepath.Rel(realRoot, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				fsIdx.Escaping = append(fsIdx.Escaping, rel)
				return nil
			}
			fi, err := os.Stat(target)
			if err != nil {
				return nil
			}
			if fi.IsDir() {
				fsIdx.dirs[rel] = true
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // pipes, sockets, devices: reading them could block forever
		}
		fsIdx.files[rel] = true
		fsIdx.order = append(fsIdx.order, rel)
		low := strings.ToLower(rel)
		fsIdx.fold[low] = append(fsIdx.fold[low], rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fsIdx, nil
}

// walkDirDiscover is discover as it was, with filepath.WalkDir.
func walkDirDiscover(paths []string, cfg *Config, cwd, siteRoot, kind string) *discovered {
	found := &discovered{}
	sites := map[string]*siteSlot{}
	var slots []*siteSlot
	var targets []target
	// Files of one folder share their site: discovery (several stats per
	// folder up to the site root) runs once per folder, not once per file.
	type siteAt struct {
		root string
		kind SiteKind
	}
	discoveredIn := map[[2]string]siteAt{}
	// siteFor is called with files only.
	siteFor := func(file, stop string) *siteSlot {
		root, k := siteRoot, SiteKind(kind)
		if root == "" {
			key := [2]string{filepath.Dir(file), stop}
			d, ok := discoveredIn[key]
			if !ok {
				d.root, d.kind = DiscoverSite(file, stop)
				discoveredIn[key] = d
			}
			root = d.root
			if k == "" || k == "auto" {
				k = d.kind
			}
		} else if k == "" || k == "auto" {
			if k = siteKindAt(root); k == "" {
				k = SitePlain
			}
		}
		root, _ = filepath.Abs(root)
		if sl := sites[root]; sl != nil {
			return sl
		}
		sl := &siteSlot{root: root, kind: k, order: len(slots)}
		sites[root] = sl
		slots = append(slots, sl)
		return sl
	}

	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			found.errors = append(found.errors, &FileError{Path: p, Err: err})
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			found.errors = append(found.errors, &FileError{Path: displayable(p), Err: describeStatError(err)})
			continue
		}
		if !fi.IsDir() {
			if cfg.Ignored(abs) || seen[abs] {
				continue
			}
			sl := siteFor(abs, filepath.Dir(abs))
			if escapes(sl.root, abs) {
				found.skipped = append(found.skipped, &FileError{Path: displayPath(cwd, abs), Err: errEscapingLink})
				continue
			}
			seen[abs] = true
			targets = append(targets, target{abs, sl})
			continue
		}
		walkErr := filepath.WalkDir(abs, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				found.errors = append(found.errors, &FileError{Path: displayPath(cwd, fp), Err: pathErr(err)})
				return nil
			}
			if d.IsDir() {
				if fp != abs && (SkippedDir(d.Name()) || cfg.Ignored(fp)) {
					return filepath.SkipDir
				}
				return nil
			}
			if !IsMarkdown(d.Name()) || cfg.Ignored(fp) || seen[fp] {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if _, err := os.Stat(fp); err != nil {
					// Jekyll and Hugo fail on it too.
					found.errors = append(found.errors, &FileError{Path: displayPath(cwd, fp), Err: errBrokenLink})
				}
				return nil // the file it points to is checked where it lives
			}
			if !d.Type().IsRegular() {
				found.errors = append(found.errors, &FileError{Path: displayPath(cwd, fp), Err: errNotRegular})
				return nil
			}
			seen[fp] = true
			targets = append(targets, target{fp, siteFor(fp, abs)})
			return nil
		})
		if walkErr != nil {
			found.errors = append(found.errors, &FileError{Path: displayable(p), Err: pathErr(walkErr)})
		}
	}
	found.targets, found.slots = targets, slots
	return found
}
