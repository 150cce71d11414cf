package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strings"
)

// spellAnswers keeps gospell's answers on disk, beside the dictionary's
// word cache: the words french-typos had to ask the full speller about,
// each with its answer. The fast paths answer most words; the few left are
// a post's real typos and rare words, and a blog is checked again and
// again (pre-commit, CI) with the same ones. Without the answers each of
// those runs parses the dictionary (about half a second, and some 70 MB
// the garbage collector then scans for the rest of the run) to be told
// again that "aeris" is not French.
//
// The file is "french-dict-<name>.answers": a header line naming the
// format and a hash of the dictionary cache key (the dictionary files'
// paths, sizes, mtimes and modes, and gospell's version), then one line
// per word, "+word" when known and "-word" when not. Lines are appended, a
// whole line in one write, so that concurrent runs (pre-commit checks
// files in parallel processes) only add lines; a file whose header
// differs is stale and replaced atomically on the first new answer. A
// partial or damaged line ends the reading, and the file stops growing at
// maxSpellAnswersBytes.
type spellAnswers struct {
	// file is the answers file; "" turns the persistence off (no cache
	// folder, or it could not be written).
	file string
	// header is the file's expected first line.
	header string
	// current says the file on disk was found with this header.
	current bool
}

// spellAnswersFormat names the layout of the answers file.
const spellAnswersFormat = "postlint french spell answers 1"

// maxSpellAnswersBytes caps the answers file: about 300,000 words, far more
// than a blog asks about, yet a bound for a cache folder no one clears.
const maxSpellAnswersBytes = 4 << 20

// newSpellAnswers returns the answers kept for the dictionary whose cache
// file is dictCache and whose cache key is key.
func newSpellAnswers(dictCache, key string) *spellAnswers {
	if dictCache == "" {
		return &spellAnswers{}
	}
	sum := sha256.Sum256([]byte(key))
	return &spellAnswers{
		file:   strings.TrimSuffix(dictCache, ".cache") + ".answers",
		header: spellAnswersFormat + " " + hex.EncodeToString(sum[:16]) + "\n",
	}
}

// readInto adds the answers on disk to known (words already there keep
// their answer).
func (a *spellAnswers) readInto(known map[string]bool) {
	if a == nil || a.file == "" {
		return
	}
	data, err := os.ReadFile(a.file)
	if err != nil {
		return
	}
	rest, ok := strings.CutPrefix(string(data), a.header)
	if !ok {
		return
	}
	a.current = true
	for {
		line, after, complete := strings.Cut(rest, "\n")
		if !complete || len(line) < 2 || (line[0] != '+' && line[0] != '-') {
			return
		}
		if _, seen := known[line[1:]]; !seen {
			known[line[1:]] = line[0] == '+'
		}
		rest = after
	}
}

// record appends the answer for w. Errors turn the persistence off for the
// rest of the run: the answers only save time.
func (a *spellAnswers) record(w string, known bool) {
	if a == nil || a.file == "" || w == "" || strings.ContainsAny(w, "\n\r") {
		return
	}
	if !a.current {
		err := writeFileAtomic(a.file, func(w io.Writer) error {
			_, err := io.WriteString(w, a.header)
			return err
		})
		if err != nil {
			a.file = ""
			return
		}
		a.current = true
	}
	f, err := os.OpenFile(a.file, os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		a.file = ""
		return
	}
	defer func() { _ = f.Close() }()
	// Another run may have replaced the file since (a different
	// dictionary or postlint version): append only under our header, and
	// only while the file is under its cap.
	head := make([]byte, len(a.header))
	if _, err := f.ReadAt(head, 0); err != nil || string(head) != a.header {
		a.file = ""
		return
	}
	if st, err := f.Stat(); err != nil || st.Size() >= maxSpellAnswersBytes {
		a.file = ""
		return
	}
	sign := "-"
	if known {
		sign = "+"
	}
	if _, err := io.WriteString(f, sign+w+"\n"); err != nil {
		a.file = ""
	}
}
