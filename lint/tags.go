package lint

import (
	"bytes"
	"strings"
)

// TagKind says which template syntax a tag uses.
type TagKind int

// Template tag kinds.
const (
	LiquidTag         TagKind = iota + 1 // {% name args %}
	LiquidOutput                         // {{ expression }}
	ShortcodeHTML                        // Hugo {{< name args >}}
	ShortcodeMarkdown                    // Hugo {{% name args %}}
)

func (k TagKind) String() string {
	switch k {
	case LiquidTag:
		return "liquid-tag"
	case LiquidOutput:
		return "liquid-output"
	case ShortcodeHTML:
		return "shortcode"
	case ShortcodeMarkdown:
		return "shortcode-markdown"
	}
	return "unknown"
}

// Tag is one template tag found in a document body.
type Tag struct {
	Kind TagKind
	// Name is the tag's first word ("post_url", "if", "ref", "/notice"); for
	// a Liquid output tag it is empty and Args holds the expression.
	Name string
	// Args is the raw text after the name, trimmed.
	Args string
	// Start and End are the byte offsets of the whole tag in the file.
	Start, End int
	// ArgsStart is the offset of Args in the file.
	ArgsStart int
	// Closing is set for a Hugo closing shortcode {{< /name >}}; Name then
	// excludes the slash. SelfClosing is set for {{< name />}}.
	Closing, SelfClosing bool
	// Escaped is set for Hugo's {{</* … */>}} and {{%/* … */%}}: Hugo prints
	// them literally, so they are inert.
	Escaped bool
	// Unterminated is set for a {% or {{ (or {{< {{%) with no end; End is
	// then the end of the line it starts on.
	Unterminated bool
	// InCode is set when the tag sits in a code span or code block of the
	// Markdown. Template engines run before Markdown, so such tags are live.
	InCode bool
}

// Live reports whether the template engine executes the tag.
func (t *Tag) Live() bool { return !t.Escaped && !t.Unterminated }

// Syntax selects which template syntaxes the tokenizer recognises.
type Syntax int

// Template syntaxes, combinable.
const (
	SyntaxLiquid Syntax = 1 << iota
	SyntaxShortcode
)

// Span is a byte range [Start, End) of a file.
type Span struct{ Start, End int }

// tokenizeTags finds template tags in src[from:]. It returns the tags in
// source order and the spans of {% comment %} bodies, which Liquid neither
// executes nor prints. Tags inside {% raw %} and {% comment %} bodies are not
// returned: they are text, not tags.
func tokenizeTags(src []byte, from int, syntax Syntax) (tags []Tag, comments []Span) {
	i := from
	n := len(src)
	// Every tag starts with "{{" or "{%": size the result once.
	openers := bytes.Count(src[from:], []byte("{{"))
	if syntax&SyntaxLiquid != 0 {
		openers += bytes.Count(src[from:], []byte("{%"))
	}
	if openers > 0 {
		tags = make([]Tag, 0, openers)
	}
	for i < n-1 {
		j := bytes.IndexByte(src[i:], '{')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= n {
			break
		}
		next := src[i+1]
		switch {
		case next == '{' && syntax&SyntaxShortcode != 0 && i+2 < n && (src[i+2] == '<' || src[i+2] == '%'):
			t := scanShortcode(src, i)
			tags = append(tags, t)
			i = t.End
		case next == '%' && syntax&SyntaxLiquid != 0:
			t := scanLiquid(src, i, LiquidTag, "%}")
			tags = append(tags, t)
			i = t.End
			if t.Unterminated {
				continue
			}
			switch t.Name {
			case "raw":
				bodyEnd, closeTag, ok := findEndTag(src, t.End, "raw", "")
				if ok {
					tags = append(tags, closeTag)
					i = closeTag.End
				} else {
					i = bodyEnd
				}
			case "comment":
				bodyEnd, closeTag, ok := findEndTag(src, t.End, "comment", "comment")
				comments = append(comments, Span{t.End, bodyEnd})
				if ok {
					tags = append(tags, closeTag)
					i = closeTag.End
				} else {
					i = bodyEnd
				}
			}
		case next == '{' && syntax&SyntaxLiquid != 0:
			t := scanLiquid(src, i, LiquidOutput, "}}")
			tags = append(tags, t)
			i = t.End
		default:
			i++
		}
	}
	return tags, comments
}

// endOfLine returns the offset of the "\n" that ends the line holding
// start, or len(src): an unterminated tag is reported up to there.
func endOfLine(src []byte, start int) int {
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(src)
}

// scanLiquid reads a Liquid tag or output starting at src[start] ("{%" or
// "{{"), ending at the first closer, as Liquid's tokenizer does.
func scanLiquid(src []byte, start int, kind TagKind, closer string) Tag {
	t := Tag{Kind: kind, Start: start}
	k := bytes.Index(src[start+2:], []byte(closer))
	if k < 0 {
		t.Unterminated = true
		t.End = endOfLine(src, start)
		return t
	}
	t.End = start + 2 + k + len(closer)
	innerStart, innerEnd := start+2, t.End-len(closer)
	if innerStart < innerEnd && src[innerStart] == '-' { // whitespace control {%- and {{-
		innerStart++
	}
	if innerEnd > innerStart && src[innerEnd-1] == '-' {
		innerEnd--
	}
	inner := src[innerStart:innerEnd]
	lead := len(inner) - len(bytes.TrimLeft(inner, " \t\r\n"))
	body := bytes.TrimSpace(inner)
	if kind == LiquidOutput {
		t.Args = string(body)
		t.ArgsStart = innerStart + lead
		return t
	}
	nameLen := bytes.IndexAny(body, " \t\r\n")
	if nameLen < 0 {
		nameLen = len(body)
	}
	// "{% #comment %}" is Liquid 5's inline comment; its name is "#".
	if nameLen > 1 && body[0] == '#' {
		nameLen = 1
	}
	t.Name = string(body[:nameLen])
	rest := body[nameLen:]
	restLead := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
	t.Args = string(bytes.TrimSpace(rest))
	t.ArgsStart = innerStart + lead + nameLen + restLead
	return t
}

// findEndTag finds the {% endNAME %} that closes a raw or comment body
// starting at from. nest names the tag that nests (comment does, raw does
// not). It returns the body's end offset and the closing tag.
func findEndTag(src []byte, from int, name, nest string) (bodyEnd int, closeTag Tag, ok bool) {
	depth := 0
	i := from
	for {
		k := bytes.Index(src[i:], []byte("{%"))
		if k < 0 {
			return len(src), Tag{}, false
		}
		t := scanLiquid(src, i+k, LiquidTag, "%}")
		if t.Unterminated {
			return len(src), Tag{}, false
		}
		switch {
		case nest != "" && t.Name == nest:
			depth++
		case t.Name == "end"+name:
			if depth == 0 {
				return t.Start, t, true
			}
			depth--
		}
		i = t.End
	}
}

// scanShortcode reads a Hugo shortcode at src[start] ("{{<" or "{{%").
func scanShortcode(src []byte, start int) Tag {
	delim := byte('>') // {{< … >}}
	kind := ShortcodeHTML
	if src[start+2] == '%' { // {{% … %}}
		delim = '%'
		kind = ShortcodeMarkdown
	}
	t := Tag{Kind: kind, Start: start}
	open := start + 3
	closer := []byte{delim, '}', '}'}
	if bytes.HasPrefix(src[open:], []byte("/*")) {
		t.Escaped = true
		closer = []byte{'*', '/', delim, '}', '}'}
		open += 2
	}
	k := bytes.Index(src[open:], closer)
	if k < 0 {
		t.Unterminated = true
		t.End = endOfLine(src, start)
		return t
	}
	t.End = open + k + len(closer)
	innerStart, innerEnd := open, open+k
	if !t.Escaped && innerStart < innerEnd && src[innerStart] == '-' { // {{<- trims whitespace
		innerStart++
	}
	inner := src[innerStart:innerEnd]
	lead := len(inner) - len(bytes.TrimLeft(inner, " \t\r\n"))
	body := bytes.TrimSpace(inner)
	if bytes.HasSuffix(body, []byte("/")) && !bytes.HasPrefix(body, []byte("/")) {
		t.SelfClosing = true
		body = bytes.TrimSpace(body[:len(body)-1])
	}
	if bytes.HasPrefix(body, []byte("/")) {
		t.Closing = true
		body = bytes.TrimSpace(body[1:])
		lead++
		for lead < len(inner) && (inner[lead] == ' ' || inner[lead] == '\t') {
			lead++
		}
	}
	nameLen := bytes.IndexAny(body, " \t\r\n")
	if nameLen < 0 {
		nameLen = len(body)
	}
	t.Name = string(body[:nameLen])
	rest := body[nameLen:]
	restLead := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
	t.Args = string(bytes.TrimSpace(rest))
	t.ArgsStart = innerStart + lead + nameLen + restLead
	return t
}

// ShortcodeArgs splits Hugo shortcode arguments into positional values and
// named values, honouring "double", `raw` and unquoted forms.
func ShortcodeArgs(args string) (positional []string, named map[string]string) {
	named = map[string]string{}
	i := 0
	for i < len(args) {
		for i < len(args) && strings.ContainsRune(" \t\r\n", rune(args[i])) {
			i++
		}
		if i >= len(args) {
			break
		}
		key := ""
		// name=value
		if eq := strings.IndexByte(args[i:], '='); eq > 0 {
			cand := args[i : i+eq]
			if !strings.ContainsAny(cand, " \t\r\n\"`") {
				key = cand
				i += eq + 1
			}
		}
		val, next := readShortcodeValue(args, i)
		i = next
		if key != "" {
			named[key] = val
		} else {
			positional = append(positional, val)
		}
	}
	return positional, named
}

func readShortcodeValue(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	switch q := s[i]; q {
	case '"':
		var b strings.Builder
		j := i + 1
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' && j+1 < len(s) {
				j++
			}
			b.WriteByte(s[j])
			j++
		}
		return b.String(), min(j+1, len(s))
	case '`':
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			return s[i+1:], len(s)
		}
		return s[i+1 : i+1+j], i + 2 + j
	}
	j := i
	for j < len(s) && !strings.ContainsRune(" \t\r\n", rune(s[j])) {
		j++
	}
	return s[i:j], j
}

// LiquidArgs splits a Liquid tag's arguments on white space, keeping quoted
// strings whole (quotes removed).
func LiquidArgs(args string) []string {
	var out []string
	i := 0
	for i < len(args) {
		for i < len(args) && strings.ContainsRune(" \t\r\n", rune(args[i])) {
			i++
		}
		if i >= len(args) {
			break
		}
		if q := args[i]; q == '"' || q == '\'' {
			j := strings.IndexByte(args[i+1:], q)
			if j < 0 {
				out = append(out, args[i+1:])
				break
			}
			out = append(out, args[i+1:i+1+j])
			i += j + 2
			continue
		}
		j := i
		for j < len(args) && !strings.ContainsRune(" \t\r\n", rune(args[j])) {
			j++
		}
		out = append(out, args[i:j])
		i = j
	}
	return out
}
