package lint

import (
	"net/url"
	"strings"
)

// This file turns a URL as written in a document (template tags included)
// into the path it names on the built site, for rules that check images and
// links. Only what can be known from the sources is expanded; anything else
// makes the URL unresolvable, and such URLs are not checked.

// LiquidVars are the values of simple Liquid variables a document assigns
// ({% assign x = "…" %}, {% capture x %}…{% endcapture %}), as far as they
// can be computed; a variable set twice, or to something unknown, is absent.
func (d *Document) LiquidVars(s *Site) map[string]string {
	vars := map[string]string{}
	unknown := map[string]bool{}
	set := func(name, val string, ok bool) {
		if _, dup := vars[name]; dup || unknown[name] || !ok {
			delete(vars, name)
			unknown[name] = true
			return
		}
		vars[name] = val
	}
	for i := 0; i < len(d.Tags); i++ {
		t := &d.Tags[i]
		if t.Kind != LiquidTag || !t.Live() {
			continue
		}
		switch t.Name {
		case "assign":
			name, expr, found := strings.Cut(t.Args, "=")
			name = strings.TrimSpace(name)
			if !found || name == "" {
				continue
			}
			v, ok := s.evalLiquid(d, strings.TrimSpace(expr), vars)
			set(name, v, ok)
		case "capture":
			name := strings.TrimSpace(t.Args)
			end := -1
			for j := i + 1; j < len(d.Tags); j++ {
				if d.Tags[j].Kind == LiquidTag && d.Tags[j].Name == "endcapture" {
					end = j
					break
				}
			}
			if end < 0 || name == "" {
				continue
			}
			body := string(d.Src[t.End:d.Tags[end].Start])
			v, ok := s.expandWith(d, body, vars)
			set(name, v, ok)
			i = end
		}
	}
	return vars
}

// ExpandURL replaces the template tags of a URL written in the document by
// their values: {{ site.baseurl }}, {{ site.url }},
// {{ "/x" | relative_url }}, absolute_url, prepend/append filters,
// {{ page.KEY }} from the front matter, variables the document assigns,
// and {% link PATH %}. It returns false when some tag cannot be known.
// vars may be nil (it is only read).
func (s *Site) ExpandURL(d *Document, raw string, vars map[string]string) (string, bool) {
	return s.expandWith(d, raw, vars)
}

func (s *Site) expandWith(d *Document, raw string, vars map[string]string) (string, bool) {
	if !strings.Contains(raw, "{{") && !strings.Contains(raw, "{%") {
		return raw, true
	}
	var b strings.Builder
	i := 0
	for i < len(raw) {
		j := strings.Index(raw[i:], "{")
		if j < 0 || i+j+1 >= len(raw) {
			b.WriteString(raw[i:])
			break
		}
		j += i
		b.WriteString(raw[i:j])
		var closer string
		switch raw[j+1] {
		case '{':
			closer = "}}"
		case '%':
			closer = "%}"
		default:
			b.WriteByte('{')
			i = j + 1
			continue
		}
		k := strings.Index(raw[j+2:], closer)
		if k < 0 {
			return "", false
		}
		inner := strings.Trim(raw[j+2:j+2+k], "-")
		inner = strings.TrimSpace(inner)
		i = j + 2 + k + len(closer)
		if closer == "}}" {
			v, ok := s.evalLiquid(d, inner, vars)
			if !ok {
				return "", false
			}
			b.WriteString(v)
			continue
		}
		name, args, _ := strings.Cut(inner, " ")
		args = strings.TrimSpace(args)
		switch name {
		case "link":
			p, ok := s.expandWith(d, args, vars)
			if !ok || p == "" {
				return "", false
			}
			// A static file's URL is its path; Jekyll prefixes baseurl.
			b.WriteString(s.BaseURL + "/" + strings.TrimPrefix(p, "/"))
		default:
			return "", false
		}
	}
	return b.String(), true
}

// evalLiquid evaluates a Liquid output expression made of a string
// literal or a known variable and the URL filters.
func (s *Site) evalLiquid(d *Document, expr string, vars map[string]string) (string, bool) {
	parts := splitFilters(expr)
	if len(parts) == 0 {
		return "", false
	}
	v, ok := s.liquidValue(d, strings.TrimSpace(parts[0]), vars)
	if !ok {
		return "", false
	}
	for _, f := range parts[1:] {
		name, arg, _ := strings.Cut(strings.TrimSpace(f), ":")
		name = strings.TrimSpace(name)
		switch name {
		case "relative_url":
			v = s.relativeURL(v)
		case "absolute_url":
			v = s.URL + s.relativeURL(v)
		case "prepend", "append":
			a, ok := s.liquidValue(d, strings.TrimSpace(arg), vars)
			if !ok {
				return "", false
			}
			if name == "prepend" {
				v = a + v
			} else {
				v += a
			}
		default:
			return "", false
		}
	}
	return v, true
}

// relativeURL is Jekyll's relative_url filter: baseurl joined to a path.
func (s *Site) relativeURL(v string) string {
	if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
		return v
	}
	return s.BaseURL + "/" + strings.TrimPrefix(v, "/")
}

// splitFilters splits "a | f: x | g" on pipes outside quotes.
func splitFilters(expr string) []string {
	var parts []string
	var quote byte
	start := 0
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '|':
			parts = append(parts, expr[start:i])
			start = i + 1
		}
	}
	return append(parts, expr[start:])
}

func (s *Site) liquidValue(d *Document, tok string, vars map[string]string) (string, bool) {
	if len(tok) >= 2 && (tok[0] == '"' || tok[0] == '\'') && tok[len(tok)-1] == tok[0] {
		return tok[1 : len(tok)-1], true
	}
	switch tok {
	case "site.baseurl":
		return s.BaseURL, true
	case "site.url":
		return s.URL, true
	}
	if key, ok := strings.CutPrefix(tok, "page."); ok && d != nil {
		var cur any = d.FrontMatter.Data
		for _, k := range strings.Split(key, ".") {
			m, ok := cur.(map[string]any)
			if !ok {
				return "", false
			}
			cur, ok = m[k]
			if !ok {
				return "", false
			}
		}
		v, ok := cur.(string)
		return v, ok
	}
	v, ok := vars[tok]
	return v, ok
}

// URLKind classifies a URL for checks of local files.
type URLKind int

// URL kinds.
const (
	URLLocal    URLKind = iota // a path on this site
	URLRemote                  // another host, or a scheme such as mailto: or data:
	URLFragment                // "#x" or "": this page
)

// SitePath turns a URL (templates already expanded) into the path it names
// on the site: the site's own url and baseurl are removed, the query and
// fragment dropped and percent-escapes decoded. abs tells whether the path
// starts at the site root; a relative path is returned as written.
func (s *Site) SitePath(u string) (p string, abs bool, kind URLKind) {
	u = strings.TrimSpace(u)
	if s.URL != "" && strings.HasPrefix(u, s.URL) && (len(u) == len(s.URL) || u[len(s.URL)] == '/') {
		u = u[len(s.URL):]
		if u == "" {
			u = "/"
		}
		// The same host outside baseurl is not this site.
		if s.BaseURL != "" && u != s.BaseURL && !strings.HasPrefix(u, s.BaseURL+"/") {
			return "", false, URLRemote
		}
	}
	if strings.HasPrefix(u, "//") {
		return "", false, URLRemote
	}
	if i := strings.IndexAny(u, ":/?#"); i > 0 && u[i] == ':' {
		return "", false, URLRemote
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if u == "" {
		return "", false, URLFragment
	}
	if dec, err := url.PathUnescape(u); err == nil {
		u = dec
	}
	if !strings.HasPrefix(u, "/") {
		return u, false, URLLocal
	}
	if s.BaseURL != "" && (u == s.BaseURL || strings.HasPrefix(u, s.BaseURL+"/")) {
		u = strings.TrimPrefix(u, s.BaseURL)
		if u == "" {
			u = "/"
		}
	}
	return u, true, URLLocal
}
