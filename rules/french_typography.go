package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/postlint/postlint/lint"
)

// FrenchTypographyOptions configure french-typography.
type FrenchTypographyOptions struct {
	// Space is which space is wanted before : ; ! ? » and after «:
	// "any" (any space, only a missing one is reported), "nbsp" (a no-break
	// space) or "narrow" (a narrow no-break space before ; ! ?).
	Space string `yaml:"space"`
}

// Validate checks the space option.
func (o *FrenchTypographyOptions) Validate() error {
	switch o.Space {
	case "any", "nbsp", "narrow":
		return nil
	}
	return fmt.Errorf("space must be any, nbsp or narrow, not %q", o.Space)
}

const (
	nbsp        = '\u00A0' // espace mot insécable
	narrowNbsp  = '\u202F' // espace fine insécable
	thinSpace   = '\u2009' // espace fine, breakable
	frEllipsis  = "…"
	frTypoLabel = "French typography"
)

// FrenchTypography checks the spaces French puts around punctuation.
var FrenchTypography = &lint.Rule{
	Name:            "french-typography",
	Summary:         "French spacing around : ; ! ? « » and before , . ; … instead of ...",
	DefaultSeverity: lint.SeverityWarning,
	Tags:            []string{"french", "typography", "prose"},
	Fixable:         true,
	NewOptions:      func() any { return &FrenchTypographyOptions{Space: "any"} },
	Doc: `Checks the spacing of punctuation in French documents: French puts a
space before the "high" punctuation marks ` + "`: ; ! ?`" + ` and the closing
guillemet ` + "`»`" + `, and after the opening guillemet ` + "`«`" + `; it puts none
before a comma or a period; and it writes the ellipsis as one character.

Only documents whose language is French are checked (front matter
` + "`lang`" + `, Hugo's ` + "`*.fr.md`" + ` or ` + "`content/fr/`" + `, the site's language,
the ` + "`lang`" + ` of .postlint.yml, or detection from the text), and only their
prose and the front matter ` + "`title`, `description`, `excerpt` and `summary`" + `.
Code, template tags, raw HTML, URLs and link destinations are never
checked.

## Why

A missing space before "!" or ":" is the most frequent typographic slip of
French on the web; a plain space instead of a no-break one lets a browser
start a line with a lone "!" or ":".

## What is reported

- a missing space before ` + "`: ; ! ?`" + ` and ` + "`»`" + `, or after ` + "`«`" + `:
  "J'ai adoré ce talk!" → "J'ai adoré ce talk !";
- a space before a comma or a period: "d'abord , puis" → "d'abord, puis";
- three periods instead of an ellipsis, always at severity info whatever
  the rule's severity:
  "et puis..." → "et puis…"; "etc...", "etc.." and "etc…" → "etc." (etc.
  ends with its own period and already means "and so on").

Never reported:

- times and ratios (` + "`10:30`, `16:9`" + `), emoticons (` + "`:)`, `;-)`, `:D`" + `),
  ` + "`C:\\`, `http://`, `::`, `!=`, `?.`" + `, runs such as ` + "`?!`" + ` or ` + "`!!`" + `, numbers
  (` + "`3.14`, `1,5`" + `), file names (` + "`.gitignore`" + `), HTML entities (` + "`&amp;`" + `),
  emoji codes (` + "`:joy:`" + `);
- a mark right after a code span, a tag or raw HTML (whether a colon glued
  to a code span takes a space is a matter of taste); a mark right after a
  link is checked against the link's text: in ` + "`[la suite](url):`" + ` the colon
  touches "suite";
- a colon after a lone lowercase key at the start of a line when no French
  word follows (` + "`- image: Ubuntu 22.04`" + `, a list of settings);
- the bodies of diagram and code shortcodes (` + "`{{< mermaid >}}`" + `,
  ` + "`{{< highlight >}}`" + `, …);
- English inside a French post: a quotation, a parenthesis or a sentence
  that has English function words ("the", "with", "is"…) and no French
  ones, such as an English talk title in a heading or an English
  blockquote; also a short block with no telling word ("HTML:") that
  follows English text.

## Options

` + "```yaml" + `
rules:
  french-typography:
    space: any   # any | nbsp | narrow
` + "```" + `

- ` + "`any`" + ` (default): any space is fine (plain, no-break, narrow no-break,
  or an entity such as ` + "`&nbsp;`" + `); only a missing one is reported.
- ` + "`nbsp`" + `: the space must not break: U+00A0 (or U+202F) before
  ` + "`: ; ! ? »`" + ` and after ` + "`«`" + `; a plain space there is reported.
- ` + "`narrow`" + `: the Imprimerie nationale's rule: a narrow no-break space
  (U+202F, espace fine insécable) before ` + "`; ! ?`" + `, a no-break space
  (U+00A0, espace mot insécable, or U+202F) before ` + "`:`" + ` and inside
  guillemets.

## Fix

The fix inserts the space the Imprimerie nationale's *Lexique des règles
typographiques* prescribes, which is also what a careful typographer types:
a no-break space (U+00A0) before ` + "`:`" + ` and inside guillemets, a narrow
no-break space (U+202F) before ` + "`; ! ?`" + ` (with ` + "`space: nbsp`" + `,
U+00A0 everywhere). Both are plain Unicode characters that Jekyll (kramdown)
and Hugo (goldmark) copy to the HTML as they are, and both keep the mark on
the line of the word it follows. In the nbsp and narrow modes, a breaking
space is replaced by the wanted one. A space before a comma or a period is
removed; ` + "`...`" + ` becomes ` + "`…`" + ` and ` + "`etc...`" + ` becomes ` + "`etc.`" + `.
`,
	Check: checkFrenchTypography,
}

func checkFrenchTypography(pass *lint.Pass) {
	if pass.Doc.Lang != "fr" {
		return
	}
	mode := "any"
	if o, ok := pass.Options.(*FrenchTypographyOptions); ok && o != nil {
		mode = o.Space
	}
	for _, f := range frontMatterProse(pass.Doc, "title", "description", "excerpt", "summary") {
		frScan(pass, &frLangContext{}, mode, f.Text, textOffsets{offs: f.Offsets})
	}
	lang := &frLangContext{}
	skip := codeShortcodeBodies(pass.Doc)
	blocks := pass.Doc.Prose()
	for i := range blocks {
		b := &blocks[i]
		if inSpans(skip, b.Runs[0].Start) {
			continue
		}
		frScan(pass, lang, mode, proseText(pass.Doc.Src, b), textOffsets{block: b, src: pass.Doc.Src})
	}
}

// frSpaceKind classifies what precedes or follows a mark.
type frSpaceKind int

const (
	frNoSpace frSpaceKind = iota
	frBreakable
	frNbsp
	frNarrow
)

// frSpaceEntities are HTML entities for spaces that Markdown passes on.
var frSpaceEntities = map[string]frSpaceKind{
	"&nbsp;": frNbsp, "&#160;": frNbsp, "&#xa0;": frNbsp, "&#xA0;": frNbsp,
	"&#8239;": frNarrow, "&#x202f;": frNarrow, "&#x202F;": frNarrow, "&NoBreak;": frNbsp,
	"&thinsp;": frBreakable, "&#8201;": frBreakable, "&ensp;": frBreakable, "&emsp;": frBreakable,
}

func frSpaceOf(r rune) frSpaceKind {
	switch r {
	case nbsp:
		return frNbsp
	case narrowNbsp:
		return frNarrow
	case ' ', '\t', '\n', '\r', thinSpace:
		return frBreakable
	}
	if unicode.IsSpace(r) {
		return frBreakable
	}
	return frNoSpace
}

// frScanner holds one text and its mapping to the source.
type frScanner struct {
	lang *frLangContext
	pass *lint.Pass
	mode string
	text string
	offs textOffsets
	// textLang is frLanguageOf(text), worked out when a mark's own segment
	// first says nothing: a long block has many marks, and counting its
	// words again for each was quadratic.
	textLang      frLang
	textLangKnown bool
}

func frScan(pass *lint.Pass, lang *frLangContext, mode, text string, offs textOffsets) {
	s := &frScanner{lang: lang, pass: pass, mode: mode, text: text, offs: offs}
	defer lang.scanned(text)
	for i := 0; i < len(text); {
		if !frMarkFirstByte[text[i]] {
			// Not a mark, nor a continuation byte of one.
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case ':', ';', '!', '?':
			s.high(i, r)
		case '»':
			s.closingGuillemet(i)
		case '«':
			s.openingGuillemet(i, n)
		case '…':
			if strings.EqualFold(s.word(i), "etc") {
				s.etcPeriods(i, i+n)
			}
		case ',', '.':
			if r == '.' && strings.HasPrefix(text[i:], "..") {
				j := i
				for j < len(text) && text[j] == '.' {
					j++
				}
				switch {
				case strings.EqualFold(s.word(i), "etc") && j-i <= 4:
					s.etcPeriods(i, j)
				case j-i == 3:
					s.ellipsis(i)
				}
				i = j
				continue
			}
			s.spaceBefore(i, r)
		}
		i += n
	}
}

// frMarkFirstByte holds the first bytes of the marks frScan checks: the
// scan decodes runes only there. No first byte is a UTF-8 continuation
// byte, so skipping the others byte by byte stops at every mark.
var frMarkFirstByte = func() (first [256]bool) {
	for _, r := range ":;!?,.«»…" {
		first[string(r)[0]] = true
	}
	return first
}()

// before returns the rune before text[i] and its start, or -1.
func (s *frScanner) before(i int) (rune, int) {
	if i <= 0 {
		return -1, -1
	}
	r, n := utf8.DecodeLastRuneInString(s.text[:i])
	return r, i - n
}

// frLinkTail matches what closes a link or image in the source: the
// destination a reader does not see, "](url "title")" or "][label]".
var frLinkTail = regexp.MustCompile(`^[*_~]*\]\([^()\s]*(?:\s+"[^"]*")?\)[*_~]*$|^[*_~]*\]\[[^\]]*\][*_~]*$`)

// prevVisible is like before, but sees through the placeholder of a link
// destination: in "[la suite](url):" the colon touches "suite".
func (s *frScanner) prevVisible(i int) rune {
	r, start := s.before(i)
	if r != lint.Placeholder {
		return r
	}
	gap := s.pass.Doc.Masked[s.offs.at(start):s.offs.at(i)]
	if !frLinkTail.Match(gap) {
		return r
	}
	r, _ = s.before(start)
	return r
}

// after returns the rune at text[i], or -1 at the end.
func (s *frScanner) after(i int) rune {
	if i >= len(s.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return r
}

// spaceBeforeAt returns the kind of space that ends at text[i] (a
// character or an entity) and where it starts.
func (s *frScanner) spaceBeforeAt(i int) (frSpaceKind, int) {
	if i > 0 && s.text[i-1] == ';' {
		for e, k := range frSpaceEntities {
			if strings.HasSuffix(s.text[:i], e) {
				return k, i - len(e)
			}
		}
	}
	r, start := s.before(i)
	if r < 0 {
		return frNoSpace, i
	}
	return frSpaceOf(r), start
}

func (s *frScanner) spaceAfterAt(i int) (frSpaceKind, int) {
	if i < len(s.text) && s.text[i] == '&' {
		for e, k := range frSpaceEntities {
			if strings.HasPrefix(s.text[i:], e) {
				return k, i + len(e)
			}
		}
	}
	r := s.after(i)
	if r < 0 {
		return frNoSpace, i
	}
	return frSpaceOf(r), i + utf8.RuneLen(r)
}

// wordChar says whether r can end the word a mark is glued to.
func wordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// closingChar says whether r, ending a word, shows that the mark after it
// is glued to text: a letter, a digit, a closing bracket or quote.
func closingChar(r rune) bool {
	return wordChar(r) || strings.ContainsRune(`)]"”’'»`, r)
}

// high checks the space before : ; ! ?.
func (s *frScanner) high(i int, mark rune) {
	next := s.after(i + 1)
	prev, _ := s.before(i)
	switch mark {
	case ':', ';':
		// 10:30, C:\, http://, ::, :), ;-), :D, key:value, &amp; all have
		// something other than a space after the mark.
		if next >= 0 && frSpaceOf(next) == frNoSpace {
			return
		}
		if mark == ';' && s.entityEndsAt(i) {
			return
		}
		if prev == mark {
			return
		}
	case '!', '?':
		// ?!, !!, !=, ?., ?q=… are not French punctuation.
		if next == '!' || next == '?' || prev == '!' || prev == '?' {
			return
		}
		if next >= 0 && frSpaceOf(next) == frNoSpace && !strings.ContainsRune(`)]"”’'»*_`, next) {
			return
		}
	}
	kind, _ := s.spaceBeforeAt(i)
	if kind == frNoSpace {
		prev = s.prevVisible(i)
		if !closingChar(prev) || s.foreign(i) || s.technical(i) || mark == ':' && s.notProseColon(i) {
			return
		}
		want := s.wantBefore(mark)
		s.report(i, utf8.RuneLen(mark), frMissingSpaceBeforeMessage(mark, s.word(i)),
			frInsertSpaceMessage(want, mark), string(want)+string(mark))
		return
	}
	s.checkKind(i, kind, mark, true)
}

// checkKind reports a space of the wrong kind in the nbsp and narrow modes.
func (s *frScanner) checkKind(i int, kind frSpaceKind, mark rune, before bool) {
	if s.mode == "any" || s.foreign(i) {
		return
	}
	var want rune
	if before {
		want = s.wantBefore(mark)
	} else {
		want = s.wantInside()
	}
	ok := kind == frNbsp || kind == frNarrow
	if s.mode == "narrow" && want == narrowNbsp {
		ok = kind == frNarrow
	}
	if ok {
		return
	}
	var start, end int
	if before {
		_, start = s.spaceBeforeAt(i)
		end = i
	} else {
		start = i + utf8.RuneLen(mark)
		_, end = s.spaceAfterAt(start)
	}
	side := "before"
	if !before {
		side = "after"
	}
	s.pass.Report(lint.Finding{
		Start:   lint.Position{Offset: s.offs.at(start)},
		End:     lint.Position{Offset: s.offs.at(end)},
		Message: frWrongSpaceMessage(side, mark, want, s.mode),
		Fix: &lint.Fix{
			Message: "replace it with " + spaceName(want),
			Edits:   []lint.Edit{{Start: s.offs.at(start), End: s.offs.at(end), NewText: string(want)}},
		},
	})
}

// wantBefore is the space to insert before a mark.
func (s *frScanner) wantBefore(mark rune) rune {
	if s.mode == "nbsp" || mark == ':' || mark == '»' {
		return nbsp
	}
	return narrowNbsp
}

func (s *frScanner) wantInside() rune { return nbsp }

// The messages are built by concatenation: fmt.Sprintf cost more than the
// rest of the reporting path on French blogs. french_typography_test.go
// checks each against the format it replaces.

// frMissingSpaceBeforeMessage reports a mark glued to word.
func frMissingSpaceBeforeMessage(mark rune, word string) string {
	m := string(mark)
	return `missing space before "` + m + `" (` + frTypoLabel + `): write "` + word + " " + m + `"`
}

// frInsertSpaceMessage is the fix of frMissingSpaceBeforeMessage.
func frInsertSpaceMessage(want, mark rune) string {
	return "insert " + spaceName(want) + " before " + strconv.QuoteRune(mark)
}

// frWrongSpaceMessage reports a breakable space on side of mark.
func frWrongSpaceMessage(side string, mark, want rune, mode string) string {
	return `the space ` + side + ` "` + string(mark) + `" must be ` + spaceName(want) + ` (` + frTypoLabel + `, space: ` + mode + `)`
}

// frSpaceBeforeMessage reports a space between word and a comma or period.
func frSpaceBeforeMessage(mark rune, word string) string {
	m := string(mark)
	return `space before "` + m + `" (` + frTypoLabel + `): write "` + word + m + `", with no space`
}

func spaceName(r rune) string {
	if r == narrowNbsp {
		return "a narrow no-break space (U+202F)"
	}
	return "a no-break space (U+00A0)"
}

func (s *frScanner) closingGuillemet(i int) {
	prev := s.prevVisible(i)
	kind, _ := s.spaceBeforeAt(i)
	if kind == frNoSpace {
		if !closingChar(prev) && !strings.ContainsRune(".!?…,", prev) {
			return
		}
		s.report(i, utf8.RuneLen('»'), frMissingSpaceBeforeMessage('»', s.word(i)),
			"insert a no-break space (U+00A0) before \"»\"", string(s.wantBefore('»'))+"»")
		return
	}
	s.checkKind(i, kind, '»', true)
}

func (s *frScanner) openingGuillemet(i, n int) {
	next := s.after(i + n)
	kind, _ := s.spaceAfterAt(i + n)
	if kind == frNoSpace {
		if !wordChar(next) {
			return
		}
		s.report(i, n, `missing space after "«" (`+frTypoLabel+`): write "« `+s.nextWord(i+n)+`"`,
			"insert a no-break space (U+00A0) after \"«\"", "«"+string(s.wantInside()))
		return
	}
	s.checkKind(i, kind, '«', false)
}

// spaceBefore reports a space before a comma or a period.
func (s *frScanner) spaceBefore(i int, mark rune) {
	next := s.after(i + 1)
	if next >= 0 && frSpaceOf(next) == frNoSpace && !strings.ContainsRune(`)]"”’'»`, next) {
		return // 1,5  .gitignore  .NET  ,"
	}
	j := i
	for j > 0 && (s.text[j-1] == ' ' || s.text[j-1] == '\t') {
		j--
	}
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s.text[:j])
		if r != nbsp && r != narrowNbsp {
			break
		}
		j -= n
	}
	if j == i {
		return
	}
	prev := s.prevVisible(j)
	if !closingChar(prev) || s.foreign(i) {
		return
	}
	start, end := s.offs.at(j), s.offs.at(i)
	s.pass.Report(lint.Finding{
		Start:   lint.Position{Offset: start},
		End:     lint.Position{Offset: s.offs.at(i + 1)},
		Message: frSpaceBeforeMessage(mark, s.word(j)),
		Fix: &lint.Fix{
			Message: "remove the space before " + strconv.QuoteRune(mark),
			Edits:   []lint.Edit{{Start: start, End: end, NewText: ""}},
		},
	})
}

// ellipsis reports "..." at text[i:i+3].
func (s *frScanner) ellipsis(i int) {
	prev, _ := s.before(i)
	next := s.after(i + 3)
	if unicode.IsDigit(prev) && unicode.IsDigit(next) {
		return // a range, 1...10
	}
	if wordChar(prev) && wordChar(next) {
		return // an identifier or a path, not an ellipsis
	}
	if s.foreign(i) {
		return
	}
	start, end := s.offs.at(i), s.offs.at(i)+3
	if end > len(s.pass.Doc.Src) || string(s.pass.Doc.Src[start:end]) != "..." {
		return // not three adjacent periods in the source
	}
	s.pass.Report(lint.Finding{
		Severity: lint.SeverityInfo,
		Start:    lint.Position{Offset: start},
		End:      lint.Position{Offset: end},
		Message:  `three periods: write the ellipsis character "` + frEllipsis + `" (` + frTypoLabel + `)`,
		Fix:      &lint.Fix{Message: "replace ... with …", Edits: []lint.Edit{{Start: start, End: end, NewText: frEllipsis}}},
	})
}

// etcPeriods reports "etc..", "etc..." or "etc…" at text[i:j]: the
// abbreviation's period is the sentence's, and an ellipsis after etc. says
// the same thing twice.
func (s *frScanner) etcPeriods(i, j int) {
	if s.foreign(i) {
		return
	}
	start, end := s.offs.at(i), s.offs.at(i)+(j-i)
	if end > len(s.pass.Doc.Src) || string(s.pass.Doc.Src[start:end]) != s.text[i:j] {
		return
	}
	w := s.word(i)
	s.pass.Report(lint.Finding{
		Severity: lint.SeverityInfo,
		Start:    lint.Position{Offset: start},
		End:      lint.Position{Offset: end},
		Message:  `"` + w + s.text[i:j] + `": etc. already ends with a period; write "` + w + `." (` + frTypoLabel + `)`,
		Fix:      &lint.Fix{Message: "keep one period", Edits: []lint.Edit{{Start: start, End: end, NewText: "."}}},
	})
}

func (s *frScanner) report(i, n int, msg, fixMsg, newText string) {
	start, end := s.offs.at(i), s.offs.at(i)+n
	s.pass.Report(lint.Finding{
		Start:   lint.Position{Offset: start},
		End:     lint.Position{Offset: end},
		Message: msg,
		Fix:     &lint.Fix{Message: fixMsg, Edits: []lint.Edit{{Start: start, End: end, NewText: newText}}},
	})
}

// word returns the word that ends at text[i], for messages; "…" stands
// for code or a tag glued to it.
func (s *frScanner) word(i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s.text[:j])
		if r == lint.Placeholder {
			if s.prevVisible(j) == lint.Placeholder {
				return "…" + strings.ReplaceAll(s.text[j:i], string(lint.Placeholder), "")
			}
		} else if frSpaceOf(r) != frNoSpace || r == '«' || r == '(' {
			break
		}
		j -= n
	}
	return strings.ReplaceAll(s.text[j:i], string(lint.Placeholder), "")
}

// nextWord returns the word that starts at text[i], for messages.
func (s *frScanner) nextWord(i int) string {
	j := i
	for j < len(s.text) {
		r, n := utf8.DecodeRuneInString(s.text[j:])
		if frSpaceOf(r) != frNoSpace || r == lint.Placeholder || r == '»' {
			break
		}
		j += n
	}
	return s.text[i:j]
}

// entityEndsAt says whether the ';' at text[i] ends an HTML entity.
func (s *frScanner) entityEndsAt(i int) bool {
	j := i - 1
	for j >= 0 && (s.text[j] == '#' || s.text[j] < utf8.RuneSelf && (unicode.IsLetter(rune(s.text[j])) || unicode.IsDigit(rune(s.text[j])))) {
		j--
	}
	return j >= 0 && j < i-1 && s.text[j] == '&'
}

// notProseColon says whether the colon at text[i] is not punctuation: it
// closes an emoji shortcode (:joy:), or it follows a lone lowercase key at
// the start of a line and what follows is not French prose, as in a list of
// settings ("- image: Ubuntu 22.04").
func (s *frScanner) notProseColon(i int) bool {
	w := s.word(i)
	if strings.HasPrefix(w, ":") {
		return true
	}
	lineStart := strings.LastIndexByte(s.text[:i], '\n') + 1
	key := s.text[lineStart:i]
	if key == "" {
		return false
	}
	for _, r := range key {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && !strings.ContainsRune("-_.", r) {
			return false
		}
	}
	// "- w1: mon portable professionnel" describes w1 in French: prose.
	lineEnd := strings.IndexByte(s.text[i:], '\n')
	if lineEnd < 0 {
		lineEnd = len(s.text) - i
	}
	return frLanguageOf(s.text[i+1:i+lineEnd]) != frFrenchText
}

// technical says whether the mark at text[i] ends a token that is not a
// French word: a path, a URL, an identifier.
func (s *frScanner) technical(i int) bool {
	w := s.word(i)
	return strings.ContainsAny(w, "/\\@=<>{}$`|#") || strings.Contains(w, "_")
}

// frEnglishWords are frequent English words that are not French words too
// ("on", "a", "as", "an", "or" are both and left out).
var frEnglish = setOfWords("the", "and", "is", "are", "was", "were", "be", "been", "of", "to", "with", "that", "this", "these", "it", "its", "we", "you", "they", "have", "has", "from", "which", "at", "can", "will", "would", "there", "their", "what", "how", "why", "when", "where", "for", "not", "do", "does", "don", "doesn", "your", "our", "my", "into", "about", "by", "all", "if", "so", "but", "in", "who", "just", "no", "yes", "too", "may", "should")

// frFrenchWords are frequent French words that are not English words too,
// with the elided l' d' j' c' qu' n' counted as words.
var frFrench = setOfWords("le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "sont", "pour", "dans", "sur", "avec", "que", "qui", "ce", "cette", "ces", "nous", "vous", "il", "ils", "elle", "elles", "pas", "plus", "mais", "ou", "où", "au", "aux", "ne", "je", "mon", "ma", "mes", "son", "sa", "ses", "leur", "comme", "très", "été", "être", "avoir", "fait", "aussi", "donc", "par", "à", "en", "l", "d", "j", "c", "qu", "n", "y", "ça", "voici", "voilà", "quoi", "car", "si", "ex", "sans", "chez", "entre", "notre", "votre")

func setOfWords(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// foreign says whether the mark at text[i] sits in English text: the
// sentence or the quotation around it has English function words and no
// French one (and no French accented letter), or far more English than
// French. A French post quoting an English talk title or an English book
// is not held to French typography inside the quotation.
func (s *frScanner) foreign(i int) bool {
	switch v := frLanguageOf(frSegment(s.text, i)); v {
	case frEnglishText:
		return true
	case frFrenchText:
		return false
	}
	if !s.textLangKnown {
		s.textLang, s.textLangKnown = frLanguageOf(s.text), true
	}
	switch s.textLang {
	case frEnglishText:
		return true
	case frFrenchText:
		return false
	}
	return s.lang.lastEnglish()
}

// frLang is what the words of a text say about its language.
type frLang int

const (
	frUnknownText frLang = iota
	frFrenchText
	frEnglishText
)

// frFunctionWordMax is the length in bytes of the longest word of
// frEnglish and frFrench: a longer word is neither.
var frFunctionWordMax = func() int {
	longest := 0
	for _, set := range []map[string]bool{frEnglish, frFrench} {
		for w := range set {
			longest = max(longest, len(w))
		}
	}
	return longest
}()

// frLanguageOf counts the English and French function words of seg (its
// runs of letters, lowercased) and says which language they show. It runs
// on every prose block, so it looks each word up without building it.
func frLanguageOf(seg string) frLang {
	en, fr := 0, 0
	word := make([]byte, 0, 16)
	for i := 0; i < len(seg); {
		r, size := utf8.DecodeRuneInString(seg[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		// A run of letters, lowercased into word while it may still be
		// a function word.
		word = word[:0]
		for i < len(seg) {
			r, size = utf8.DecodeRuneInString(seg[i:])
			if !unicode.IsLetter(r) {
				break
			}
			i += size
			if len(word) <= frFunctionWordMax {
				word = utf8.AppendRune(word, unicode.ToLower(r))
			}
		}
		if len(word) <= frFunctionWordMax {
			if frEnglish[string(word)] {
				en++
			}
			if frFrench[string(word)] {
				fr++
			}
		}
	}
	switch {
	case en == 0 && fr == 0:
		return frUnknownText
	case en == 0:
		return frFrenchText
	case fr == 0 && !hasFrenchAccent(seg):
		return frEnglishText
	case en >= 3 && en >= 3*fr:
		return frEnglishText
	}
	return frFrenchText
}

// hasFrenchAccent says whether s has a French accented letter, in either
// case.
func hasFrenchAccent(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && strings.ContainsRune("àâéèêëîïôùûçœ", unicode.ToLower(r)) {
			return true
		}
	}
	return false
}

// frLangContext carries, from block to block, the language of the last
// block that showed one: a lone "HTML:" in an untranslated English section
// of a French page is English. Few marks need it, so the language of a
// block is worked out only when a later block asks.
type frLangContext struct {
	// pending are the texts scanned since the language was last worked
	// out, the latest last.
	pending []string
	english bool
}

// scanned records a block's text once its scan is done.
func (c *frLangContext) scanned(text string) {
	c.pending = append(c.pending, text)
}

// lastEnglish says whether the last block that showed a language was
// English.
func (c *frLangContext) lastEnglish() bool {
	for i := len(c.pending) - 1; i >= 0; i-- {
		if v := frLanguageOf(c.pending[i]); v != frUnknownText {
			c.english = v == frEnglishText
			break
		}
	}
	c.pending = c.pending[:0]
	return c.english
}

// endsSentence says whether c is a period, an exclamation mark or a
// question mark.
func endsSentence(c byte) bool { return c == '.' || c == '!' || c == '?' }

// frSegment returns the text around text[i] whose language decides
// whether French typography applies: the quotation it is in, else its
// sentence on its line, without the parenthesised parts that do not hold
// it.
func frSegment(text string, i int) string {
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	lineEnd := strings.IndexByte(text[i:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text)
	} else {
		lineEnd += i
	}
	line, at := text[lineStart:lineEnd], i-lineStart
	for _, q := range [][2]string{{"\"", "\""}, {"“", "”"}} {
		if open := strings.LastIndex(line[:at], q[0]); open >= 0 {
			if strings.Count(line[:open], q[0])%2 == 0 || q[0] != q[1] {
				if end := strings.Index(line[at:], q[1]); end >= 0 {
					return line[open+len(q[0]) : at+end]
				}
			}
		}
	}
	// The sentence: from after the last ". ", "! ", "? " before the mark to
	// the next one after it.
	// The search for the last one goes backwards from the mark: a long
	// paragraph on one line has many marks.
	start := 0
	for j := at - 2; j >= 0; j-- {
		if endsSentence(line[j]) && line[j+1] == ' ' {
			start = j + 2
			break
		}
	}
	end := len(line)
	for j := at + 1; j+1 < len(line); j++ {
		if endsSentence(line[j]) && line[j+1] == ' ' {
			end = j
			break
		}
	}
	sent, at := line[start:end], at-start
	if !strings.ContainsAny(sent, "()") {
		return sent // what the loop below would copy
	}
	// Drop the parenthesised parts that do not contain the mark; keep only
	// the inside of the one that does.
	var b strings.Builder
	depth, inner := 0, -1
	for j, r := range sent {
		switch r {
		case '(':
			if depth == 0 && j < at && strings.IndexByte(sent[j:at], ')') < 0 {
				inner = j + 1
			}
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
			}
			if inner >= 0 && j >= at && depth == 0 {
				return sent[inner:j]
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if inner >= 0 {
		return sent[inner:]
	}
	return b.String()
}
