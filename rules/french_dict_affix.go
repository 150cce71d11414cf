package rules

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The suffix fast path answers "known" for most inflected forms without
// parsing the dictionary with gospell (about half a second and 55 MB): a
// word is known when one suffix rule of the .aff (SFX), applied to a
// dictionary root carrying that rule's flag, gives it ("martèle" from
// "marteler/b0…" by "SFX b0 eler èle"). Every such form is one gospell
// accepts, as gospell expands the same rules; the fast path never answers
// "unknown", which stays gospell's. Anything the model does not cover
// (prefixes, two suffixes, compounds, forbidden words, input conversion)
// falls back to gospell.

// suffixRule is one SFX line: a root ending in strip, whose end matches
// cond, takes add instead of strip.
type suffixRule struct {
	flag, strip, add string
	// cond is checked by matchesEnd.
	cond string
}

// suffixRules are the usable SFX rules of an .aff, by their add text.
type suffixRules struct {
	byAdd map[string][]suffixRule
	// iconv are the texts gospell converts before spelling: a word holding
	// one is left to gospell.
	iconv []string
}

// affSettings are the .aff settings the fast path depends on.
type affSettings struct {
	flagMode                                        string // "", "long" or "UTF-8"
	needAffix, forbidden, circumfix, onlyInCompound string
	compounding                                     bool
}

// readAffSettings reads the settings lines of an .aff file.
func readAffSettings(aff string) affSettings {
	var s affSettings
	for rest := aff; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if line == "" || line[0] < 'C' || line[0] > 'O' || strings.HasPrefix(line, "ICONV") {
			// Settings start with C, F, N or O; skip the rest (SFX, PFX,
			// REP, ...) without splitting them.
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "FLAG":
			s.flagMode = f[1]
		case "NEEDAFFIX":
			s.needAffix = f[1]
		case "FORBIDDENWORD":
			s.forbidden = f[1]
		case "CIRCUMFIX":
			s.circumfix = f[1]
		case "ONLYINCOMPOUND":
			s.onlyInCompound = f[1]
		case "COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPOUNDRULE":
			s.compounding = true
		}
	}
	return s
}

// supported tells whether the fast path understands these flags.
func (s affSettings) supported() bool {
	return s.flagMode == "" || s.flagMode == "long" || s.flagMode == "UTF-8"
}

// splitFlags cuts a flag string into flags.
func (s affSettings) splitFlags(flags string) []string {
	var out []string
	s.eachFlag(flags, func(f string) bool {
		out = append(out, f)
		return true
	})
	return out
}

// eachFlag calls fn with each flag of flags (without allocating), until fn
// returns false.
func (s affSettings) eachFlag(flags string, fn func(string) bool) {
	for i := 0; i < len(flags); {
		n := 1
		switch s.flagMode {
		case "long":
			_, a := utf8.DecodeRuneInString(flags[i:])
			if i+a >= len(flags) {
				return // an odd flag out: hunspell ignores it too
			}
			_, b := utf8.DecodeRuneInString(flags[i+a:])
			n = a + b
		case "UTF-8":
			_, n = utf8.DecodeRuneInString(flags[i:])
		}
		if !fn(flags[i : i+n]) {
			return
		}
		i += n
	}
}

// blocksWord tells whether a root or a rule carrying these flags can make
// a word gospell rejects alone (it needs another affix, is forbidden, or
// lives only in compounds).
func (s affSettings) blocksWord(flags string) bool {
	blocks := false
	s.eachFlag(flags, func(f string) bool {
		blocks = f == s.needAffix || f == s.forbidden || f == s.circumfix || f == s.onlyInCompound
		return !blocks
	})
	return blocks
}

// parseSuffixRules reads the SFX rules of an .aff file; nil when the file
// uses what the fast path does not model. It runs on the first Spell of a
// run, so it looks at the SFX and ICONV lines only.
func parseSuffixRules(aff string) *suffixRules {
	set := readAffSettings(aff)
	if !set.supported() {
		return nil
	}
	r := &suffixRules{byAdd: map[string][]suffixRule{}}
	remaining, flag := 0, ""
	for rest := aff; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if strings.HasPrefix(line, "ICONV") {
			if f := strings.Fields(line); len(f) >= 2 {
				if _, err := strconv.Atoi(f[1]); err != nil {
					r.iconv = append(r.iconv, f[1])
				}
			}
			continue
		}
		if !strings.HasPrefix(line, "SFX") {
			continue
		}
		f := strings.Fields(line)
		if remaining == 0 {
			// A header: "SFX flag cross-product count".
			if len(f) != 4 {
				return nil
			}
			n, err := strconv.Atoi(f[3])
			if err != nil {
				return nil
			}
			remaining, flag = n, f[1]
			continue
		}
		remaining--
		if len(f) < 4 || f[1] != flag {
			// A file the fast path cannot read for sure.
			return nil
		}
		rule := suffixRule{flag: flag, strip: f[2]}
		add, cont, _ := strings.Cut(f[3], "/")
		if rule.strip == "0" {
			rule.strip = ""
		}
		if add == "0" {
			add = ""
		}
		rule.add = add
		cond := "."
		if len(f) >= 5 {
			cond = f[4]
		}
		if !validCondition(cond) || set.blocksWord(cont) {
			continue
		}
		rule.cond = cond
		r.byAdd[add] = append(r.byAdd[add], rule)
	}
	return r
}

// validCondition tells whether the fast path understands a condition
// ("[^cg]er", "."): runes, dots and bracketed sets, possibly negated.
func validCondition(cond string) bool {
	for i := 0; i < len(cond); i++ {
		switch cond[i] {
		case '[':
			end := strings.IndexByte(cond[i:], ']')
			body := strings.TrimPrefix(cond[i+1:i+max(end, 1)], "^")
			if end < 0 || body == "" || strings.ContainsAny(body, "[^-") {
				return false
			}
			i += end
		case ']', '^', '-':
			return false
		}
	}
	return true
}

// matchesEnd tells whether the end of root matches the condition, read
// from its end.
func matchesEnd(root, cond string) bool {
	end := len(root)
	for i := len(cond); i > 0; {
		if end == 0 {
			return false
		}
		r, size := utf8.DecodeLastRuneInString(root[:end])
		end -= size
		switch cond[i-1] {
		case '.':
			i--
		case ']':
			open := strings.LastIndexByte(cond[:i-1], '[')
			body, negated := strings.CutPrefix(cond[open+1:i-1], "^")
			if strings.ContainsRune(body, r) == negated {
				return false
			}
			i = open
		default:
			c, csize := utf8.DecodeLastRuneInString(cond[:i])
			if c != r {
				return false
			}
			i -= csize
		}
	}
	return true
}

// derives tells whether one suffix rule turns a root of roots (entries
// "root/flag") into w.
func (r *suffixRules) derives(w string, roots wordSet) bool {
	for _, s := range r.iconv {
		if strings.Contains(w, s) {
			return false
		}
	}
	for cut := len(w); cut >= 0; cut-- {
		if cut < len(w) && !utf8.RuneStart(w[cut]) {
			continue
		}
		rules := r.byAdd[w[cut:]]
		for _, rule := range rules {
			root := w[:cut] + rule.strip
			// A rule never strips a whole root here (FULLSTRIP or not).
			if cut == 0 || !matchesEnd(root, rule.cond) {
				continue
			}
			if roots.has(root + "/" + rule.flag) {
				return true
			}
		}
	}
	return false
}

// suffixRootsOf reads the roots of .dic files with the SFX flags each
// carries, as "root/flag" entries; ok is false when the fast path must stay
// off for these files (flags it does not model, a forbidden word).
func suffixRootsOf(affFile string, dics []string) (roots wordSet, ok bool) {
	affData, err := os.ReadFile(affFile)
	if err != nil {
		return "", false
	}
	aff := string(affData)
	set := readAffSettings(aff)
	if !set.supported() || set.compounding {
		return "", false
	}
	rules := parseSuffixRules(aff)
	if rules == nil {
		return "", false
	}
	suffixFlags := map[string]bool{}
	for _, list := range rules.byAdd {
		for _, rule := range list {
			suffixFlags[rule.flag] = true
		}
	}
	var entries []string
	for i, dic := range dics {
		f, err := os.Open(dic)
		if err != nil {
			return "", false
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		first := true
		for sc.Scan() {
			line := sc.Text()
			if first {
				first = false
				if _, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF"))); err == nil || i == 0 {
					continue
				}
			}
			line = dicLineWithoutMorph(line)
			if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") || strings.Contains(line, `\/`) {
				continue
			}
			word, flags, found := strings.Cut(line, "/")
			word = strings.TrimSpace(word)
			if !found || word == "" || strings.HasPrefix(line, "/") {
				continue
			}
			fl := set.splitFlags(strings.TrimSpace(flags))
			if containsFlag(fl, set.forbidden) {
				// gospell rejects every form of a forbidden root, even one
				// another root makes: not modelled.
				_ = f.Close()
				return "", false
			}
			if containsFlag(fl, set.onlyInCompound) {
				continue
			}
			for _, flag := range fl {
				if suffixFlags[flag] {
					entries = append(entries, word+"/"+flag)
				}
			}
		}
		err = sc.Err()
		_ = f.Close()
		if err != nil {
			return "", false
		}
	}
	return newWordSet(entries), true
}

func containsFlag(flags []string, f string) bool {
	if f == "" {
		return false
	}
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// dicLineWithoutMorph drops the morphological fields of a .dic line, as
// gospell does: from a tab, or from the first "xx:" field.
func dicLineWithoutMorph(line string) string {
	if i := strings.IndexByte(line, '\t'); i >= 0 {
		return line[:i]
	}
	fields := strings.Fields(line)
	for i, f := range fields {
		if len(f) >= 3 && f[0] >= 'a' && f[0] <= 'z' && f[1] >= 'a' && f[1] <= 'z' && f[2] == ':' {
			return strings.Join(fields[:i], " ")
		}
	}
	return line
}
