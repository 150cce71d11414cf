package lint

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Document is one Markdown file, parsed once and shared read-only by every
// rule.
type Document struct {
	// Path is the path shown to the user (slash-separated, relative to the
	// working directory when inside it); AbsPath is absolute.
	Path, AbsPath string
	// Src is the file exactly as read from disk.
	Src []byte
	// Lines converts offsets in Src to positions.
	Lines *LineIndex
	// BOM is the length of a leading UTF-8 byte order mark (0 or 3).
	BOM int
	// FrontMatter is the metadata block, if any.
	FrontMatter FrontMatter
	// BodyStart is the offset where the Markdown body starts.
	BodyStart int
	// Masked is Src with the BOM and front matter blanked and template tags
	// replaced by filler of the same length (newlines kept): what goldmark
	// parsed. Offsets into Masked are offsets into Src.
	Masked []byte
	// AST is the goldmark tree of Masked.
	AST ast.Node
	// Tags are the template tags of the body, in source order.
	Tags []Tag
	// Lang is the document's language ("fr", "en", …, or "" when unknown)
	// and LangSource says where it came from ("front matter", "site", …).
	Lang, LangSource string
	// Post is the site's index entry for this file, nil when the file is
	// not a post or page of the site.
	Post *Post

	hidden     []Span // tags, comment bodies and attribute lists: not prose
	highlights []Span // {% highlight %} bodies: code
	code       []Span // code spans, code block contents and highlight bodies, sorted
	prose      []ProseBlock
	// proseTexts keeps the Text of each prose block, made on first use.
	proseTexts     []proseText
	proseTextsOnce sync.Once
	// plainTexts keeps the PlainText of each prose block, made on first
	// use.
	plainTexts     []string
	plainTextsOnce sync.Once
	links          []Link
	linksDone      bool
	// linkRefs are the links and images of the body in the order of
	// Links, gathered by scanTree's walk so that Links needs none of its
	// own; linkRestart is where the next one's search for its destination
	// restarts (see enterLinkBlock), -1 when it goes on from the previous.
	linkRefs       []linkRef
	linkRestart    int
	directives     []Directive
	directivesDone bool
}

// NewMarkdown returns the parser of every document: GFM and footnotes, as
// the sites' generators render them. It is stateless once built; goldmark
// parsers are safe for concurrent use. bench/floor parses with it too.
func NewMarkdown() goldmark.Markdown {
	return goldmark.New(
		// extension.GFM, with its Linkify behind quickLinkify.
		goldmark.WithExtensions(quickLinkify{}, extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithHeadingAttribute()),
	)
}

// quickLinkify is goldmark's Linkify extension (extended autolinks, as in
// extension.GFM) whose parser is asked only where it may find a link.
// goldmark calls it at every space, "*", "_", "~" and "(" of the text, and
// it tried three protocols, "www." and an e-mail address each time: 1.1 s
// of the 4.8 s of goldmark's parse on the real blogs.
type quickLinkify struct{}

func (quickLinkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Linkify's own priority, as extension.Linkify registers it.
		util.Prioritized(quickLinkifyParser{extension.NewLinkifyParser()}, 999),
	))
}

// quickLinkifyParser passes to the Linkify parser the places where it may
// find a link; elsewhere it returns nil, as Linkify would, and Linkify
// returns nil without reading or consuming anything.
type quickLinkifyParser struct{ parser.InlineParser }

func (p quickLinkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	// Most words are short and hold no "@": the first test rules them out
	// at once; atAhead rules out the longer words of most lines.
	w := linkifyWord(line)
	if startsURL(w) || !shortWordWithoutAt(w) && atAhead(pc, line, seg) && startsEmail(w) {
		return p.InlineParser.Parse(parent, block, pc)
	}
	return nil
}

// nextAtKey keys a parse's *nextAt.
var nextAtKey = parser.NewContextKey()

// nextAt is where the next "@" of the line that a parse reads is: most
// lines have none, and then no address starts anywhere on them. line is
// the line's end (its segment's Stop), from the offset the search started
// at, and at the offset of the "@" found (-1 for none).
type nextAt struct{ line, from, at int }

// atAhead reports whether line, the rest of the line a parse reads
// (segment seg), holds an "@". It searches the line once, not at every
// space.
func atAhead(pc parser.Context, line []byte, seg text.Segment) bool {
	n, _ := pc.Get(nextAtKey).(*nextAt)
	if n == nil {
		n = &nextAt{line: -1}
		pc.Set(nextAtKey, n)
	}
	// The source offset of line[0] (line holds seg's padding first).
	pos := seg.Stop - len(line)
	if n.line != seg.Stop || pos < n.from || n.at >= 0 && n.at < pos {
		n.line, n.from, n.at = seg.Stop, pos, -1
		if k := bytes.IndexByte(line, '@'); k >= 0 {
			n.at = pos + k
		}
	}
	return n.at >= 0
}

// Where goldmark's Linkify parser (v1.8, default options) may find a link
// at the start of a line: after the one trigger character it skips
// (linkifyWord), a URL starts with "http:", "https:", "ftp:" or "www."
// (startsURL); otherwise it looks for an e-mail address, whose local part of
// one to 64 bytes of emailLocal ends with "@" (startsEmail, as
// util.FindEmailIndex reads it).

// linkifyWord returns line without the trigger character Linkify skips.
func linkifyWord(line []byte) []byte {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			return line[1:]
		}
	}
	return line
}

// startsURL reports whether w starts with a prefix of Linkify's URLs.
func startsURL(w []byte) bool {
	if len(w) > 0 {
		switch w[0] {
		case 'h', 'f', 'w':
			return bytes.HasPrefix(w, []byte("http:")) || bytes.HasPrefix(w, []byte("https:")) ||
				bytes.HasPrefix(w, []byte("ftp:")) || bytes.HasPrefix(w, []byte("www."))
		}
	}
	return false
}

// startsEmail reports whether w starts with an e-mail address's local part
// and its "@".
func startsEmail(w []byte) bool {
	for i := 0; i < len(w) && i <= 64; i++ {
		if w[i] == '@' {
			return i > 0
		}
		if !emailLocal[w[i]] {
			return false
		}
	}
	return false
}

// shortWordWithoutAt reports, reading eight bytes at once, that the first
// eight bytes of w hold a byte below "!" and no "@": no local part holds
// such a byte, so startsEmail(w) is false. False says nothing.
func shortWordWithoutAt(w []byte) bool {
	if len(w) < 8 {
		return false
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := binary.LittleEndian.Uint64(w)
	at := x ^ ones*'@'
	// The classic tests for a zero byte and for a byte below n (n <= 128).
	hasAt := (at-ones)&^at&highs != 0
	hasLow := (x-ones*'!')&^x&highs != 0
	return hasLow && !hasAt
}

// emailLocal holds the bytes of the local part of an e-mail address, as
// util.FindEmailIndex reads it.
var emailLocal = func() (t [256]bool) {
	for _, c := range []byte("!#$%&'*+-./0123456789=?ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~") {
		t[c] = true
	}
	return t
}()

// kramdownAttributeLists returns the spans of kramdown's inline and block
// attribute lists and extensions ({: .class}, {:toc}, {::comment}) in
// b[from:]: "{:" then anything but "}" and a line break up to a "}" (the
// regular expression \{:[^}\n]*\}, leftmost matches that do not overlap).
func kramdownAttributeLists(b []byte, from int) []Span {
	var spans []Span
	for i := from; ; {
		k := bytes.Index(b[i:], []byte("{:"))
		if k < 0 {
			return spans
		}
		start := i + k
		end := start + 2
		for end < len(b) && b[end] != '}' && b[end] != '\n' {
			end++
		}
		if end < len(b) && b[end] == '}' {
			spans = append(spans, Span{start, end + 1})
			i = end + 1
		} else {
			// Every "{:" before end meets the same line break.
			i = end
		}
	}
}

// parseDocument builds a Document from a file's bytes. post is the site's
// entry for the file, or nil; the front matter it was indexed with is
// reused when the file still starts with the same bytes.
func parseDocument(md goldmark.Markdown, path, absPath string, src []byte, syntax Syntax, kramdown bool, post *Post) *Document {
	d := &Document{Path: path, AbsPath: absPath, Src: src, Lines: NewLineIndex(src), Post: post}
	if bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}) {
		d.BOM = 3
	}
	if fm, ok := post.frontMatterFor(src); ok {
		d.FrontMatter = fm
	} else {
		d.FrontMatter = parseFrontMatter(src, d.BOM)
	}
	d.BodyStart = d.BOM
	if d.FrontMatter.Has() {
		d.BodyStart = d.FrontMatter.Span.End
	}
	masked := make([]byte, len(src))
	copy(masked, src)
	blank(masked, 0, d.BodyStart)
	if syntax != 0 && !d.FrontMatter.Unterminated {
		var comments []Span
		d.Tags, comments = tokenizeTags(src, d.BodyStart, syntax)
		d.maskTags(masked, comments)
	}
	if kramdown {
		for _, s := range kramdownAttributeLists(masked, d.BodyStart) {
			fill(masked, s.Start, s.End)
			d.hidden = append(d.hidden, s)
		}
		sortSpans(d.hidden)
	}
	if deepestNestingAfter(masked, d.Lines.starts, d.BodyStart) > MaxNesting {
		// goldmark would take minutes; the runner reports such a file
		// (screen) and rules that parse other files see an empty body.
		blank(masked, d.BodyStart, len(masked))
	}
	d.Masked = masked
	d.AST = md.Parser().Parse(text.NewReader(masked))
	d.scanTree()
	return d
}

// sortSpans sorts spans by their start. The spans of a document do not
// overlap, so starts are distinct; the generic sort spares sort.Slice's
// reflection, which cost more than the sorting on these short lists.
func sortSpans(spans []Span) {
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
}

// maskTags replaces each live tag (and each comment body) by filler.
// A tag alone on its lines becomes blank, as the engine's output of a
// control tag is; an inline tag becomes letters so that a link whose
// destination is a tag still parses as a link. {% highlight %} blocks become
// fenced code.
func (d *Document) maskTags(masked []byte, comments []Span) {
	d.hidden = make([]Span, 0, len(comments)+len(d.Tags))
	for _, c := range comments {
		d.hidden = append(d.hidden, c)
		d.maskSpan(masked, c.Start, c.End)
	}
	var open *Tag
	for i := range d.Tags {
		t := &d.Tags[i]
		if t.Unterminated {
			continue
		}
		d.hidden = append(d.hidden, Span{t.Start, t.End})
		if t.Kind == LiquidTag && t.Name == "highlight" && d.aloneOnLine(t.Start, t.End) && d.fenceFits(t) {
			fill(masked, t.Start, t.End)
			copy(masked[t.Start:], "~~~")
			open = t
			continue
		}
		if t.Kind == LiquidTag && t.Name == "endhighlight" && open != nil && d.aloneOnLine(t.Start, t.End) && d.fenceFits(t) {
			blank(masked, t.Start, t.End)
			copy(masked[t.Start:], "~~~")
			d.highlights = append(d.highlights, Span{open.End, t.Start})
			open = nil
			continue
		}
		d.maskSpan(masked, t.Start, t.End)
	}
	sortSpans(d.hidden)
}

// fenceFits tells whether the fence "~~~" that stands for a highlight tag
// fits on the tag's first line: a tag may break its line right after "{%",
// and the fence must not overwrite a line ending.
func (d *Document) fenceFits(t *Tag) bool {
	return t.End-t.Start >= 3 && !bytes.ContainsAny(d.Src[t.Start:t.Start+3], "\r\n")
}

func (d *Document) maskSpan(masked []byte, start, end int) {
	if d.aloneOnLine(start, end) {
		blank(masked, start, end)
	} else {
		fill(masked, start, end)
	}
}

// aloneOnLine reports whether only white space surrounds src[start:end] on
// its first and last lines.
func (d *Document) aloneOnLine(start, end int) bool {
	for i := start - 1; i >= 0 && d.Src[i] != '\n'; i-- {
		if d.Src[i] != ' ' && d.Src[i] != '\t' {
			return false
		}
	}
	for i := end; i < len(d.Src) && d.Src[i] != '\n'; i++ {
		if d.Src[i] != ' ' && d.Src[i] != '\t' && d.Src[i] != '\r' {
			return false
		}
	}
	return true
}

// blank replaces b[start:end] by spaces, keeping line endings.
func blank(b []byte, start, end int) {
	for i := start; i < end; i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = ' '
		}
	}
}

// fill replaces b[start:end] by letters, keeping line endings; letters are
// inert in Markdown and never white space, so a link destination stays one.
func fill(b []byte, start, end int) {
	for i := start; i < end; i++ {
		if b[i] != '\n' && b[i] != '\r' {
			b[i] = 'x'
		}
	}
}

// scanTree records the spans of code spans, code blocks and highlight
// bodies, marks the tags inside them, and gathers the prose blocks: one walk
// of the tree for what every document needs.
func (d *Document) scanTree() {
	// Text nodes end at line breaks, so a document has about as many runs
	// as lines, and blocks for a third of its lines (1.1 and 0.32 on the
	// real blogs): sizing a little above that spares most regrowth.
	lines := len(d.Lines.starts)
	d.linkRestart = -1
	prose := proseCollector{runs: make([]Span, 0, lines+lines/4+4), blocks: make([]ProseBlock, 0, lines/2+4)}
	d.scanChildren(d.AST, &prose)
	if n := len(prose.blocks); n > 0 {
		d.prose = prose.blocks[:n:n]
	}
	d.code = append(d.code, d.highlights...)
	sortSpans(d.code)
	for i := range d.Tags {
		t := &d.Tags[i]
		j := sort.Search(len(d.code), func(k int) bool { return d.code[k].End > t.Start })
		t.InCode = j < len(d.code) && d.code[j].Start < t.End
	}
}

// scanChildren scans the children of n in order.
func (d *Document) scanChildren(n ast.Node, prose *proseCollector) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.scanNode(c, prose)
	}
}

// scanNode scans n and what it holds, in document order (ast.Walk's order,
// without its calls through a closure for every node twice).
func (d *Document) scanNode(n ast.Node, prose *proseCollector) {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell:
		prose.enterBlock()
		d.enterLinkBlock(n)
		d.scanChildren(n, prose)
		prose.leaveBlock(d, n)
		return
	case ast.KindLink, ast.KindImage:
		d.linkRefs = append(d.linkRefs, linkRef{node: n, restart: d.linkRestart})
		d.linkRestart = -1
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		if lines := n.Lines(); lines.Len() > 0 {
			d.code = append(d.code, Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
		}
		return
	case ast.KindCodeSpan:
		if s, ok := inlineSpan(n); ok {
			d.code = append(d.code, s)
		}
		return
	case ast.KindRawHTML, ast.KindAutoLink, ast.KindHTMLBlock:
		return // neither prose nor code
	case ast.KindText:
		if prose.inBlock {
			t := n.(*ast.Text)
			prose.addText(d, t.Segment.Start, t.Segment.Stop)
		}
	default:
		if n.Type() == ast.TypeBlock {
			d.enterLinkBlock(n)
		}
	}
	d.scanChildren(n, prose)
}

// inlineSpan returns the extent of an inline node's text children.
func inlineSpan(n ast.Node) (Span, bool) {
	s := Span{-1, -1}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if s.Start < 0 {
				s.Start = t.Segment.Start
			}
			s.End = t.Segment.Stop
		}
	}
	return s, s.Start >= 0
}

// InCode reports whether offset off lies inside a code span, the content of
// a code block or a {% highlight %} body.
func (d *Document) InCode(off int) bool {
	i := sort.Search(len(d.code), func(i int) bool { return d.code[i].End > off })
	return i < len(d.code) && d.code[i].Start <= off
}

// Hidden reports whether offset off lies in a template tag, a Liquid comment
// or a kramdown attribute list: text the reader never sees as such.
func (d *Document) Hidden(off int) bool {
	i := sort.Search(len(d.hidden), func(i int) bool { return d.hidden[i].End > off })
	return i < len(d.hidden) && d.hidden[i].Start <= off
}

// HighlightBodies returns the spans of {% highlight %} bodies.
func (d *Document) HighlightBodies() []Span { return d.highlights }

// TagAt returns the live tag that contains offset off, or nil.
func (d *Document) TagAt(off int) *Tag {
	i := sort.Search(len(d.Tags), func(i int) bool { return d.Tags[i].End > off })
	if i < len(d.Tags) && d.Tags[i].Start <= off && !d.Tags[i].Unterminated {
		return &d.Tags[i]
	}
	return nil
}
