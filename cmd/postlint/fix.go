package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/postlint/postlint/lint"
	"github.com/spf13/cobra"
)

// fixFlags are the flags of `postlint check` about fixes.
type fixFlags struct {
	fix  bool
	diff bool
}

func (f *fixFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.fix, "fix", false, "apply the fix of every finding that has one, then report what remains")
	fl.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff (for patch -p0 or git apply -p0) and change nothing")
}

// maxFixRounds bounds the check-fix cycles: fixes skipped because they
// overlap another are applied in a later round, so that a second --fix run
// finds nothing left to do.
const maxFixRounds = 8

// fixedFile is one file's content across fix rounds.
type fixedFile struct {
	path      string // as findings show it
	abs       string // where it is written (symlinks resolved)
	orig, cur []byte
	fixes     int
	refused   error
}

// fixSession applies fixes in memory, re-checking the fixed content each
// round through lint.Options.ReadFile, until no fix applies.
type fixSession struct {
	files map[string]*fixedFile // by absolute path as the run sees it
}

func (s *fixSession) readFile(abs string) ([]byte, error) {
	if ff := s.files[abs]; ff != nil && ff.refused == nil {
		return ff.cur, nil
	}
	return os.ReadFile(abs)
}

// run fixes in memory until nothing more applies.
func (s *fixSession) run(ctx context.Context, opts lint.Options, res *lint.Result) error {
	s.files = map[string]*fixedFile{}
	opts.ReadFile = s.readFile
	for range maxFixRounds {
		byPath := map[string][]lint.Finding{}
		var paths []string
		for _, f := range res.Findings {
			if f.Fix == nil {
				continue
			}
			if byPath[f.Path] == nil {
				paths = append(paths, f.Path)
			}
			byPath[f.Path] = append(byPath[f.Path], f)
		}
		changed := false
		for _, p := range paths {
			ff, err := s.load(p)
			if err != nil {
				return err
			}
			if ff.refused != nil {
				continue
			}
			out, applied, _ := lint.ApplyFixes(ff.cur, byPath[p])
			if len(applied) == 0 || string(out) == string(ff.cur) {
				continue
			}
			if err := lint.CheckFixed(ff.orig, out); err != nil {
				ff.refused, ff.cur, ff.fixes = err, ff.orig, 0
				changed = true // its findings must be those of the original again
				continue
			}
			ff.cur = out
			ff.fixes += len(applied)
			changed = true
		}
		if !changed {
			return nil
		}
		var err error
		if res, err = lint.Run(ctx, opts); err != nil {
			return err
		}
	}
	return nil
}

func (s *fixSession) load(path string) (*fixedFile, error) {
	abs, err := filepath.Abs(filepath.FromSlash(path))
	if err != nil {
		return nil, err
	}
	if ff := s.files[abs]; ff != nil {
		return ff, nil
	}
	ff := &fixedFile{path: path, abs: abs}
	s.files[abs] = ff
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		ff.abs = real
	}
	if ff.orig, err = os.ReadFile(ff.abs); err != nil {
		ff.refused = err
		return ff, nil
	}
	ff.cur = ff.orig
	ff.refused = lint.FixRefusal(ff.orig)
	return ff, nil
}

// sorted returns every file the fixes were about, in path order.
func (s *fixSession) sorted() []*fixedFile {
	var out []*fixedFile
	for _, ff := range s.files {
		out = append(out, ff)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// runFix applies the fixes to the files and returns the check of the fixed
// files. Files that cannot be fixed are named on stderr and left untouched.
func runFix(ctx context.Context, opts lint.Options, res *lint.Result, stderr io.Writer) (*lint.Result, error) {
	s := &fixSession{}
	if err := s.run(ctx, opts, res); err != nil {
		return nil, err
	}
	fixes, files := 0, 0
	var writeErrs []error
	for _, ff := range s.sorted() {
		if ff.refused != nil {
			fmt.Fprintf(stderr, "postlint: %s: not fixed: %v\n", ff.path, ff.refused)
			continue
		}
		if string(ff.cur) == string(ff.orig) {
			continue
		}
		if err := writeAtomic(ff.abs, ff.cur); err != nil {
			writeErrs = append(writeErrs, &lint.FileError{Path: ff.path, Err: err})
			continue
		}
		fixes += ff.fixes
		files++
	}
	if fixes > 0 {
		fmt.Fprintf(stderr, "postlint: fixed %s in %s\n", countWord(fixes, "problem"), countWord(files, "file"))
	}
	// Check again from the disk: what remains is what the user now has.
	final, err := lint.Run(ctx, opts)
	if err != nil {
		return nil, err
	}
	final.Errors = append(final.Errors, writeErrs...)
	return final, nil
}

// runDiff prints the fixes as a unified diff (to stdout, or to the
// --output file) and changes no file. The exit status follows the findings
// as they are now, before any fix.
func runDiff(ctx context.Context, opts lint.Options, res *lint.Result, output string, stdout, stderr io.Writer) (err error) {
	s := &fixSession{}
	if err := s.run(ctx, opts, res); err != nil {
		return err
	}
	out := stdout
	if output != "" {
		file, err := os.Create(output)
		if err != nil {
			return fmt.Errorf("--output: %w", err)
		}
		defer func() {
			if cerr := file.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("--output: %w", cerr)
			}
		}()
		out = file
	}
	fixes, files := 0, 0
	for _, ff := range s.sorted() {
		if ff.refused != nil {
			fmt.Fprintf(stderr, "postlint: %s: not fixed: %v\n", ff.path, ff.refused)
			continue
		}
		d := lint.UnifiedDiff(ff.path, ff.orig, ff.cur)
		if d == nil {
			continue
		}
		if _, err := out.Write(d); err != nil {
			return fmt.Errorf("writing the diff: %w", err)
		}
		fixes += ff.fixes
		files++
	}
	fmt.Fprintf(stderr, "postlint: %s in %s would be fixed\n", countWord(fixes, "problem"), countWord(files, "file"))
	return nil
}

func countWord(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeAtomic replaces the file at path with data: a temporary file in the
// same folder, given the old file's mode, then renamed over it, so that a
// reader never sees half a file and a crash leaves the old one.
func writeAtomic(path string, data []byte) (err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".postlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(fi.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
