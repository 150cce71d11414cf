package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// GitHub's upload-sarif step (github/codeql-action, src/fingerprints.ts)
// fills in partialFingerprints.primaryLocationLineHash when a result has
// none, and logs a warning for every result whose value differs from the
// one it computes. So postlint computes exactly GitHub's value: a
// polynomial hash (base 37, modulo 2^64) of the first 100 UTF-16 code units
// of the file from the start of the result's line on, with spaces and tabs
// dropped and CR, LF and CRLF all read as LF, then padded with 0xFFFF and
// zeros at the end of the file; ":N" counts identical hashes from the top,
// so two identical lines still get different fingerprints. It only depends
// on the text at and after the line, so lines added or removed elsewhere in
// the file do not change it.
const (
	ghHashWindow = 100
	ghHashBase   = 37
	ghEOF        = 0xFFFF
)

// githubLineHashes returns the primaryLocationLineHash of every line of
// src, indexed by 1-based line number as GitHub counts lines (a lone CR
// ends a line there). Index 0 is unused.
func githubLineHashes(src []byte) []string {
	units := make([]uint16, 0, len(src)+1)
	var starts []int // index in units of each line's first kept unit
	lineStart, prevCR := true, false
	add := func(c uint16) {
		if c == ' ' || c == '\t' || (prevCR && c == '\n') {
			prevCR = false
			return
		}
		prevCR = c == '\r'
		if prevCR {
			c = '\n'
		}
		if lineStart {
			lineStart = false
			starts = append(starts, len(units))
		}
		lineStart = c == '\n'
		units = append(units, c)
	}
	// Node decodes the file as UTF-8 and counts UTF-16 code units; the BOM
	// is kept as a character.
	for i := 0; i < len(src); {
		r, size := decodeRuneWHATWG(src[i:])
		i += size
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			add(uint16(hi))
			add(uint16(lo))
			continue
		}
		add(uint16(r))
	}
	add(ghEOF)

	var shift uint64 = 1 // ghHashBase^ghHashWindow, to drop the unit leaving the window
	for range ghHashWindow {
		shift *= ghHashBase
	}
	at := func(i int) uint64 {
		if i < 0 || i >= len(units) {
			return 0
		}
		return uint64(units[i])
	}
	hashes := make([]string, len(starts)+1)
	counts := map[uint64]int{}
	var h uint64
	next := 0 // next line start whose window is complete
	for i := 0; next < len(starts); i++ {
		h = h*ghHashBase + at(i) - shift*at(i-ghHashWindow)
		if i-(ghHashWindow-1) == starts[next] {
			counts[h]++
			hashes[next+1] = strconv.FormatUint(h, 16) + ":" + strconv.Itoa(counts[h])
			next++
		}
	}
	return hashes
}

// decodeRuneWHATWG decodes like utf8.DecodeRune, except that an invalid
// sequence is replaced the way Node (the WHATWG decoder) does it: one
// U+FFFD for a lead byte and the continuation bytes that validly follow it,
// where Go would give one per byte. b must not be empty.
func decodeRuneWHATWG(b []byte) (rune, int) {
	r, size := utf8.DecodeRune(b)
	if r != utf8.RuneError || size != 1 {
		return r, size
	}
	lead := b[0]
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead >= 0xE0 && lead <= 0xEF:
		need = 2
		switch lead {
		case 0xE0:
			lo = 0xA0
		case 0xED:
			hi = 0x9F
		}
	case lead >= 0xF0 && lead <= 0xF4:
		need = 3
		switch lead {
		case 0xF0:
			lo = 0x90
		case 0xF4:
			hi = 0x8F
		}
	default:
		return utf8.RuneError, 1
	}
	n := 1
	for n <= need && n < len(b) && b[n] >= lo && b[n] <= hi {
		lo, hi = 0x80, 0xBF
		n++
	}
	return utf8.RuneError, n
}

// lineOccurrences returns, for each line, how many lines up to and
// including it have the same text (1 for the first).
func lineOccurrences(lines []string) []int {
	seen := map[string]int{}
	occ := make([]int, len(lines))
	for i, l := range lines {
		seen[l]++
		occ[i] = seen[l]
	}
	return occ
}

// lineFingerprint identifies a finding by its rule and the text of its line
// (whitespace runs collapsed, so re-indenting or re-wrapping spaces does not
// change it) and by which occurrence of that text in the file it is. Unlike
// GitHub's hash it ignores the lines that follow.
func lineFingerprint(rule, normalizedLine string, occurrence int) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + normalizedLine))
	return hex.EncodeToString(sum[:8]) + ":" + strconv.Itoa(occurrence)
}

// normalizeLine collapses runs of whitespace to one space and trims.
func normalizeLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
