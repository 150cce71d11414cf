package lint

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown parses documents as goldmark does with GFM and footnotes, at
// about half the cost for most documents.
//
// GFM's linkify parser is called by goldmark at every space and "(" of
// every line, to turn bare URLs and e-mail addresses into links. Most
// documents have none, and those calls cost as much as the rest of the
// parse. So a document is parsed first without linkify. Where linkify could
// have found something (a Text holding "http", "ftp" or "www", an "@" that
// can end an address), it is parsed again with linkify. Otherwise the only
// trace linkify leaves in goldmark's tree is how the text of each line is
// cut into Text nodes: goldmark flushes the pending text at every position
// that has an inline parser, so with linkify the last Text of a line is
// split at its last space or "(". splitLineEnds makes that same cut, and
// TestFastParseMatchesGoldmark holds the result to goldmark's own tree.
type markdown struct {
	full    goldmark.Markdown // GFM (linkify included) and footnotes
	noLinks goldmark.Markdown // the same without linkify
}

func newMarkdown() *markdown {
	opts := goldmark.WithParserOptions(parser.WithAttribute(), parser.WithHeadingAttribute())
	return &markdown{
		full: goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), opts),
		noLinks: goldmark.New(goldmark.WithExtensions(
			extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote), opts),
	}
}

// Parse returns goldmark's tree of src, as parsed with GFM and footnotes.
func (m *markdown) Parse(src []byte) ast.Node {
	if !likelyBareURL(src) {
		doc := m.noLinks.Parser().Parse(text.NewReader(src))
		if splitLineEnds(doc, src) {
			return doc
		}
	}
	return m.full.Parser().Parse(text.NewReader(src))
}

// lineEnd is a Text node goldmark made of the rest of a line, and where
// linkify's flushes would have cut it.
type lineEnd struct {
	node *ast.Text
	cut  int  // start of the last piece
	end  int  // end of the line's scanned bytes, before trimming
	hard bool // a visible hard break ("\" at the end): not trimmed
}

// splitLineEnds gives doc, parsed without linkify, the Text nodes goldmark
// makes with linkify, and reports whether it could: false when linkify
// could have made a link of a URL, or when a case is not one it knows to
// be exact. E-mail addresses are the caller's to rule out, in the source.
func splitLineEnds(doc ast.Node, src []byte) bool {
	return cutLineEnds(doc, src) == ""
}

// lineCutter walks a tree for splitLineEnds.
type lineCutter struct {
	src []byte
	// urls is false when src holds no URL start at all: Texts need not be
	// searched.
	urls bool
	ends []lineEnd
	why  string // why the tree cannot be cut, or ""
	// lines are those of the block with inline content being walked.
	lines *text.Segments
}

// cutLineEnds does splitLineEnds' work and returns why it could not, or "".
func cutLineEnds(doc ast.Node, src []byte) (why string) {
	c := lineCutter{src: src, urls: mayLinkify(src)}
	c.walk(doc)
	if c.why != "" {
		return c.why
	}
	joins := make([]bool, len(c.ends))
	for i, e := range c.ends {
		join, known := joinsPrevious(e.node, src)
		if !known {
			return "text before"
		}
		joins[i] = join
	}
	for i, e := range c.ends {
		t := e.node
		if joins[i] {
			prev := t.PreviousSibling().(*ast.Text)
			prev.Segment = prev.Segment.WithStop(e.cut)
		} else {
			head := ast.NewTextSegment(text.NewSegment(t.Segment.Start, e.cut))
			t.Parent().InsertBefore(t.Parent(), t, head)
		}
		tail := text.NewSegment(e.cut, e.end)
		if !e.hard {
			tail = tail.TrimRightSpace(src)
		}
		t.Segment = tail
	}
	return ""
}

// walk visits n and its descendants, and stops at the first reason to
// give up.
func (c *lineCutter) walk(n ast.Node) {
	for child := n.FirstChild(); child != nil && c.why == ""; child = child.NextSibling() {
		switch v := child.(type) {
		case *ast.Text:
			c.text(v)
		case *ast.CodeSpan:
			if codeSpanMayEndAddress(v, c.src) {
				c.why = "e-mail address"
			}
		case *ast.AutoLink, *ast.RawHTML:
		default:
			if child.Type() == ast.TypeBlock && !child.IsRaw() && child.Lines().Len() > 0 {
				c.lines = child.Lines()
				c.block(child)
			}
			c.walk(child)
		}
	}
}

func (c *lineCutter) text(t *ast.Text) {
	if t.IsRaw() {
		return
	}
	seg := t.Segment
	switch {
	case seg.Padding != 0:
		c.why = "padded text"
	case c.urls && mayLinkify(c.src[seg.Start:seg.Stop]):
		c.why = "URL in text"
	case mayEndAddress(c.src, seg.Start, seg.Stop):
		c.why = "e-mail address"
	case t.SoftLineBreak() || t.HardLineBreak():
		stop := bytes.IndexByte(c.src[seg.Start:], '\n')
		if stop < 0 {
			c.why = "line break without newline"
			return
		}
		e, found := findCut(t, c.src, seg.Start+stop+1, c.lines)
		if found != lineRest {
			c.why = "unknown line end"
			return
		}
		if e.cut > 0 {
			c.ends = append(c.ends, e)
		}
	}
}

// block checks the lines of a block with inline content, and finds the
// Text of its last line, which has no line break to tell it.
func (c *lineCutter) block(b ast.Node) {
	lines := b.Lines()
	if lines.Len() == 0 {
		return
	}
	for i := 0; i < lines.Len(); i++ {
		line := lines.At(i)
		if line.Padding != 0 {
			c.why = "padded line"
			return
		}
	}
	// Footnote backlinks come after the last line's Text.
	last := b.LastChild()
	for _, backlink := last.(*east.FootnoteBacklink); backlink; _, backlink = last.(*east.FootnoteBacklink) {
		last = last.PreviousSibling()
	}
	t, isText := last.(*ast.Text)
	if !isText || t.IsRaw() || t.SoftLineBreak() || t.HardLineBreak() {
		return
	}
	lastLine := lines.At(lines.Len() - 1)
	if t.Segment.Start < lastLine.Start || t.Segment.Stop > lastLine.Stop {
		return
	}
	// A Text there that goldmark did not make as the rest of the line (a
	// delimiter merged into the text before it) is the same with linkify.
	e, found := findCut(t, c.src, lastLine.Stop, lines)
	if found == unsure {
		c.why = "unknown last line end"
		return
	}
	if found == lineRest && e.cut > 0 {
		c.ends = append(c.ends, e)
	}
}

// What findCut found.
const (
	lineRest = iota // the rest of a line, as goldmark makes it
	notRest         // not the rest of a line: a trigger inside, or another end
	unsure          // a case it cannot replay
)

// findCut replays goldmark's scan of the line that t ends, from t's start
// to lineStop (just past the line's last byte), and returns where
// linkify's last flush would have cut t (cut 0: nowhere). lines are those
// of t's block.
func findCut(t *ast.Text, src []byte, lineStop int, lines *text.Segments) (lineEnd, int) {
	s := t.Segment.Start
	e := lineEnd{node: t}
	if mayFollowEscapingLine(src, s) {
		// goldmark's backslash state crosses a line break when the bytes
		// it scanned on the block's line before end with a backslash
		// (before the spaces of a hard break): not replayed.
		if lines == nil {
			return e, unsure
		}
		i := sort.Search(lines.Len(), func(i int) bool { return lines.At(i).Stop > s })
		if i == lines.Len() || lines.At(i).Start > s {
			return e, unsure
		}
		if i > 0 {
			prev := lines.At(i - 1)
			if endsEscaping(src[prev.Start:prev.Stop]) {
				return e, unsure
			}
		}
	}
	line := src[s:lineStop]
	if len(line) == 0 {
		return e, lineRest
	}
	var n int
	n, e.hard = scannedLength(line)
	scanned := n
	// The first byte triggers nothing here: goldmark tried it when it
	// started the Text. A backslash escapes the byte after it, which then
	// escapes nothing.
	for i := 0; i < n; i++ {
		c := line[i]
		class := scanClass[c]
		if class == plainByte {
			continue
		}
		if class == lineBreak {
			scanned = i
			break
		}
		if i > 0 {
			switch class {
			case spaceByte, openParen:
				e.cut = s + i
			case otherTrigger:
				// Another parser's trigger inside: not the plain rest
				// of a line.
				return e, notRest
			}
		}
		if c == '\\' && i+1 < n {
			// The escaped byte: a space still flushes, nothing else
			// does, and the line may end there.
			i++
			switch scanClass[line[i]] {
			case lineBreak:
				scanned = i
				i = n
			case spaceByte:
				e.cut = s + i
			}
		}
	}
	e.end = s + scanned
	want := text.NewSegment(s, e.end)
	if !e.hard {
		want = want.TrimRightSpace(src)
	}
	if want.Start != t.Segment.Start || want.Stop != t.Segment.Stop {
		return e, notRest
	}
	return e, lineRest
}

// mayFollowEscapingLine tells whether the line before the one holding
// src[s] ends with a backslash before its spaces: the only case where
// goldmark may start s's line still escaping.
func mayFollowEscapingLine(src []byte, s int) bool {
	nl := bytes.LastIndexByte(src[:s], '\n')
	if nl <= 0 {
		return false
	}
	prev := bytes.TrimRight(src[:nl], " \t\r")
	return len(prev) > 0 && prev[len(prev)-1] == '\\'
}

// The classes of bytes in goldmark's scan of a line, for findCut.
const (
	plainByte    = iota
	spaceByte    // a space: linkify's trigger, even escaped
	openParen    // "(": linkify's trigger unless escaped
	otherTrigger // a trigger of another inline parser, unless escaped
	backslash
	lineBreak
)

// scanClass gives each byte its class.
var scanClass = func() (table [256]uint8) {
	for c := range 256 {
		switch {
		case c == '\n':
			table[c] = lineBreak
		case c == '\r':
			table[c] = plainByte
		case util.IsSpace(byte(c)):
			table[c] = spaceByte
		case c == '(':
			table[c] = openParen
		case c == '\\':
			table[c] = backslash
		case hasInlineParser(byte(c)):
			table[c] = otherTrigger
		}
	}
	return table
}()

// scannedLength returns how many bytes of a line goldmark's parseBlock
// scans for inline content: all but the line break and the marks of a
// hard break, tested as goldmark does; visible tells a backslash break.
func scannedLength(line []byte) (n int, visible bool) {
	n = len(line)
	if n == 0 || line[n-1] != '\n' {
		return n, false
	}
	switch {
	case (n >= 3 && line[n-2] == '\\' && line[n-3] != '\\') || (n == 2 && line[0] == '\\'):
		return n - 2, true
	case (n >= 4 && line[n-3] == '\\' && line[n-2] == '\r' && line[n-4] != '\\') ||
		(n == 3 && line[0] == '\\' && line[1] == '\r'):
		return n - 3, true
	case n >= 3 && line[n-3] == ' ' && line[n-2] == ' ':
		return n - 3, false
	case n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r':
		return n - 4, false
	}
	return n - 1, false
}

// endsEscaping tells whether goldmark's scan of a line may end with a
// backslash still escaping, which carries over to the next line: an odd
// run of backslashes at the end of the scanned bytes, or a line of
// nothing else, whose state depends on the line before.
func endsEscaping(line []byte) bool {
	n, _ := scannedLength(line)
	scanned := line[:n]
	run := len(scanned) - len(bytes.TrimRight(scanned, "\\"))
	return run == len(scanned) || run%2 == 1
}

// hasInlineParser tells the bytes that trigger an inline parser of the
// linkify-free goldmark (code spans, links, images, footnotes, autolinks,
// raw HTML, emphasis, strikethrough, task boxes).
func hasInlineParser(c byte) bool {
	switch c {
	case '`', '[', '!', ']', '<', '*', '_', '~':
		return true
	}
	return false
}

// joinsPrevious tells whether linkify's first flush in t would have merged
// into the Text before it. That Text ends where t starts and is still
// mergeable, but it may not have been a Text when goldmark made t: an
// emphasis delimiter or a link's "[" becomes a Text only later. What was
// there is read from the bytes around t's start s. known is false when
// they do not tell.
func joinsPrevious(t *ast.Text, src []byte) (join, known bool) {
	prev, ok := t.PreviousSibling().(*ast.Text)
	if !ok || prev.Segment.Stop != t.Segment.Start || prev.SoftLineBreak() {
		return false, true
	}
	s := t.Segment.Start
	if s == 0 {
		return false, false
	}
	before := src[s-1]
	escaped := escapedAt(src, s-1)
	// t starts after a node, or where goldmark flushed the text before a
	// trigger whose parsers all declined: only "~", "]", "!" and "<" can.
	afterFlush := !escapedAt(src, s) && (src[s] == '~' || src[s] == ']' || src[s] == '!' || src[s] == '<')
	switch {
	case before == '`':
		// Unmatched backticks are a Text from the start, and a flushed
		// Text is one too.
		return true, true
	case !escaped && before == '[':
		// A link label's opening, made a Text only when the "]" at s
		// found no link.
		return src[s] == ']', true
	case !escaped && (before == '*' || before == '_'):
		// Unescaped, these are always an emphasis delimiter: not yet a
		// Text.
		return false, true
	case !escaped && before == '~':
		// A strikethrough delimiter, or a "~" its parser declined.
		return false, !afterFlush
	default:
		// Only a flushed Text can end with anything else.
		return true, afterFlush
	}
}

// escapedAt tells whether src[i] follows an odd run of backslashes on its
// line.
func escapedAt(src []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// mayLinkify tells whether the text of a Text node holds, where linkify
// may look, the start of a URL it takes: "http://", "https://", "ftp://"
// or "www.". goldmark never cuts a Text before ":", "/" or ".", so such a
// start is whole in one Text. linkify looks at the start of a line, after
// a space, "(", "*", "_" or "~", and right after any inline node (a link's
// ")", a code span's "`"): after anything but a letter or a digit, to be
// safe.
func mayLinkify(b []byte) bool {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("://"))
		if j < 0 {
			break
		}
		at := i + j
		for _, scheme := range [...]string{"http", "https", "ftp"} {
			if start := at - len(scheme); start >= 0 && string(b[start:at]) == scheme &&
				(start == 0 || !isWordByte(b[start-1])) {
				return true
			}
		}
		i = at + 1
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("www."))
		if j < 0 {
			return false
		}
		if at := i + j; at == 0 || !isWordByte(b[at-1]) {
			return true
		}
		i += j + 1
	}
}

// isWordByte tells ASCII letters and digits, and the bytes of other
// characters.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// likelyBareURL tells whether src seems to hold a URL that linkify takes:
// its start after a space, a line break or emphasis, not in a link
// reference definition ("[x]: http://"). It only spares a parse that
// would be thrown away: splitLineEnds decides.
func likelyBareURL(src []byte) bool {
	for _, prefix := range [...]string{"http:", "https:", "www."} {
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(prefix))
			if j < 0 {
				break
			}
			at := i + j
			if at == 0 {
				return true
			}
			switch src[at-1] {
			case '\n', '*', '_', '~':
				return true
			case ' ', '\t':
				if at < 3 || src[at-2] != ':' || src[at-3] != ']' {
					return true
				}
			}
			i = at + 1
		}
	}
	return false
}

// mayEndAddress tells whether the Text src[start:stop] holds an "@" that
// linkify could take as the end of an address: after a run of the local
// part's bytes that starts where linkify may look, that is at the Text's
// start (a line's start, or right after a node), after a space or "(", or
// after the "*", "_" and "~" linkify is also called after, which belong
// to local parts.
func mayEndAddress(src []byte, start, stop int) bool {
	for i := start; ; {
		j := bytes.IndexByte(src[i:stop], '@')
		if j < 0 {
			return false
		}
		at := i + j
		run := at
		for run > start && isEmailLocalByte(src[run-1]) {
			run--
		}
		if run < at && (run == start || util.IsSpace(src[run-1]) || src[run-1] == '(' ||
			bytes.ContainsAny(src[run:at], "*_~`")) {
			return true
		}
		i = at + 1
	}
}

// codeSpanMayEndAddress tells whether a code span holds an "@" that an
// address starting before it could reach: linkify would then have taken
// the address, backticks and all, before the code span was seen. That
// needs a byte of a local part right before the opening backticks.
func codeSpanMayEndAddress(span *ast.CodeSpan, src []byte) bool {
	first, ok := span.FirstChild().(*ast.Text)
	if !ok {
		return false
	}
	has := false
	for c := span.FirstChild(); c != nil && !has; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			has = bytes.IndexByte(t.Segment.Value(src), '@') >= 0
		}
	}
	if !has {
		return false
	}
	open := first.Segment.Start
	for open > 0 && src[open-1] != '`' {
		open--
	}
	for open > 0 && src[open-1] == '`' {
		open--
	}
	return open > 0 && isEmailLocalByte(src[open-1])
}

// isEmailLocalByte is goldmark's set of bytes allowed in the local part of
// an address.
func isEmailLocalByte(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return false
	}
	switch c {
	case '"', '(', ')', ',', ':', ';', '<', '>', '@', '[', '\\', ']':
		return false
	}
	return true
}
