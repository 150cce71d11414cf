package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
)

// The French dictionary cache keeps what the fast paths of french-typos
// need from a hunspell dictionary, its words and their accent-folded
// forms, so that a run that needs no real Spell never parses the .aff and
// .dic (about half a second). Beside it, the answers file keeps the full
// speller's answers (french_dict_answers.go), so that a run asking about
// the same words again does not parse it either. Both live in
// $POSTLINT_CACHE_DIR, else os.UserCacheDir()/postlint ($XDG_CACHE_HOME/postlint,
// else ~/.cache/postlint on Linux), a pair of files per set of dictionary
// paths, and are rewritten whenever one of those files changes (path,
// size, modification time or mode), postlint's cache format or gospell's
// version changes. Deleting the folder is always safe.

// cacheDirEnv names the environment variable that moves the cache folder
// (as RUFF_CACHE_DIR or GOLANGCI_LINT_CACHE do): CI caches it, tests
// point it at a temporary folder.
const cacheDirEnv = "POSTLINT_CACHE_DIR"

// frenchDictCacheDoc is the part of french-typos' Doc about the cache.
const frenchDictCacheDoc = `   The dictionary's word list, and the answers for the words it was asked
   about, are cached, so that most runs never parse the dictionary (about
   half a second): in ` + "`$POSTLINT_CACHE_DIR`" + ` when set, else in
   ` + "`$XDG_CACHE_HOME/postlint`" + ` (by default ` + "`~/.cache/postlint`" + ` on Linux,
   ` + "`~/Library/Caches/postlint`" + ` on macOS, ` + "`%LocalAppData%\\postlint`" + ` on
   Windows), a ` + "`french-dict-*.cache`" + ` and a ` + "`french-dict-*.answers`" + ` file per
   dictionary, rebuilt whenever a dictionary file changes. Deleting the
   folder is always safe (clear it with ` + "`rm -rf ~/.cache/postlint`" + `);
   where it cannot be written, postlint works without it.`

// frenchDictCacheFormat names the layout of a cache file: change it when
// the layout or the meaning of its sections changes.
const frenchDictCacheFormat = "postlint french dictionary cache 2"

// foldProbe holds the letters foldAccents maps: its folding goes into the
// cache key, so a change of foldAccents invalidates the folded words.
const foldProbe = "àâäáéèêëîïíôöóùûüúçÿÀÂÄÉÈÊËÎÏÔÖÙÛÜÇŸœŒæÆ"

// frenchDictCacheName returns the cache file name for a dictionary and its
// extra word lists: the same files always map to the same name, so a
// changed dictionary overwrites its stale cache instead of adding one.
func frenchDictCacheName(main string, extra []string) string {
	h := sha256.New()
	for _, p := range append([]string{frenchDictCacheFormat, main}, extra...) {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "french-dict-" + hex.EncodeToString(h.Sum(nil)[:12]) + ".cache"
}

// frenchDictCacheKey describes the files a cached word list comes from and
// the code that made it; a cache file whose key differs is stale.
func frenchDictCacheKey(main string, extra []string) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\ngospell %s\nfold %q\n", frenchDictCacheFormat, gospellVersion(), foldAccents(foldProbe))
	files := append([]string{strings.TrimSuffix(main, ".dic") + ".aff", main}, extra...)
	for _, p := range files {
		st, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "file %q %d %d %s\n", p, st.Size(), st.ModTime().UnixNano(), st.Mode())
	}
	return b.String(), nil
}

// gospellVersion returns the version of gospell built in, whose parsing
// makes the word list.
func gospellVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/client9/gospell" {
			if m.Replace != nil {
				return m.Replace.Path + " " + m.Replace.Version
			}
			return m.Version
		}
	}
	return "unknown"
}

// frenchDictSets are the word sets kept in the cache.
type frenchDictSets struct {
	// words and folded are the dictionary words and their folded forms.
	words, folded wordSet
	// suffixRoots are the roots with each suffix flag they carry
	// ("marteler/b0"), for the suffix fast path (empty when it is off).
	suffixRoots wordSet
}

// readFrenchDictCache returns the word sets of the cache file when its key
// is key; ok is false when it is missing, stale or damaged.
func readFrenchDictCache(file, key string) (sets frenchDictSets, ok bool) {
	if file == "" {
		return sets, false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return sets, false
	}
	s := string(data)
	rest, found := strings.CutPrefix(s, key)
	if !found {
		return sets, false
	}
	sizes, body, found := strings.Cut(rest, "\n")
	if !found {
		return sets, false
	}
	f := strings.Fields(sizes)
	if len(f) != 4 || f[0] != "data" {
		return sets, false
	}
	n := make([]int, 3)
	total := 0
	for i := range n {
		n[i], err = strconv.Atoi(f[i+1])
		if err != nil || n[i] < 1 {
			return sets, false
		}
		total += n[i]
	}
	if total != len(body) {
		return sets, false
	}
	sets = frenchDictSets{
		words:       wordSet(body[:n[0]]),
		folded:      wordSet(body[n[0] : n[0]+n[1]]),
		suffixRoots: wordSet(body[n[0]+n[1]:]),
	}
	if !sets.words.valid() || !sets.folded.valid() || !sets.suffixRoots.valid() {
		return frenchDictSets{}, false
	}
	return sets, true
}

// writeFrenchDictCache writes the cache file atomically. Errors are
// returned for tests; the loader ignores them, as the cache only saves
// time.
func writeFrenchDictCache(file, key string, sets frenchDictSets) error {
	if file == "" {
		return fmt.Errorf("no cache folder")
	}
	return writeFileAtomic(file, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%sdata %d %d %d\n%s%s%s", key, len(sets.words), len(sets.folded), len(sets.suffixRoots),
			sets.words, sets.folded, sets.suffixRoots)
		return err
	})
}

// writeFileAtomic writes a file of the cache folder, creating the folder,
// through a temporary file renamed over it: a reader sees the old file or
// the new one, never half of one.
func writeFileAtomic(file string, write func(io.Writer) error) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// wordSet is a sorted list of distinct words, each between newlines
// ("\nabri\nabricot\n"), searched in place: loading one from the cache
// builds nothing. Hunspell words are read line by line and never hold a
// newline.
type wordSet string

// newWordSet sorts words (in place) and drops repeats.
func newWordSet(words []string) wordSet {
	sort.Strings(words)
	var b strings.Builder
	n := 1
	for _, w := range words {
		n += len(w) + 1
	}
	b.Grow(n)
	b.WriteByte('\n')
	for i, w := range words {
		if i > 0 && w == words[i-1] {
			continue
		}
		b.WriteString(w)
		b.WriteByte('\n')
	}
	return wordSet(b.String())
}

// valid tells whether s has the shape of a word set (its order is trusted:
// only writeFrenchDictCache writes one).
func (s wordSet) valid() bool {
	return len(s) > 0 && s[0] == '\n' && s[len(s)-1] == '\n'
}

// has tells whether w is in the set, by binary search over the bytes: the
// range (lo, hi) between two newlines holds the words still possible.
func (s wordSet) has(w string) bool {
	lo, hi := 0, len(s)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(string(s[lo:mid+1]), '\n') + lo
		end := strings.IndexByte(string(s[start+1:]), '\n') + start + 1
		switch word := string(s[start+1 : end]); {
		case word == w:
			return true
		case word < w:
			lo = end
		default:
			hi = start
		}
	}
	return false
}

// each calls fn with every word of the set, in order.
func (s wordSet) each(fn func(string)) {
	if len(s) < 2 {
		return
	}
	for _, w := range strings.Split(string(s[1:len(s)-1]), "\n") {
		fn(w)
	}
}
