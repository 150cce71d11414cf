package lint

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

var (
	placeholderRE = regexp.MustCompile(`:([a-z_]+)`)
	slashesRE     = regexp.MustCompile(`/+`)
)

// expandPermalinkReference is expandPermalink as it was, with regular
// expressions: the reference the scan must agree with.
func expandPermalinkReference(tmpl string, ph map[string]string) string {
	out := placeholderRE.ReplaceAllStringFunc(tmpl, func(m string) string {
		name := m[1:]
		for n := len(name); n > 0; n-- {
			if v, ok := ph[name[:n]]; ok {
				return v + name[n:]
			}
		}
		return m
	})
	return slashesRE.ReplaceAllString("/"+out, "/")
}

// TestExpandPermalinkMatchesReference compares expandPermalink with the
// expressions it replaces on templates built from the pieces of Jekyll's.
func TestExpandPermalinkMatchesReference(t *testing.T) {
	ph := map[string]string{"year": "2024", "title": "a/b", "titlex": "", "path": "/x//y/", "output_ext": ".html", "output": "O", "slug": "s", "categories": "", "c": "://"}
	pieces := []string{":year", ":title", ":titlex", ":titlefoo", ":path", ":output_ext", ":output", ":slug", ":categories", ":c", ":", "::", ":Z", ":_", "/", "//", "-", ".html", "x", "é", "W:week", " "}
	templates := append([]string{"", "/", "pretty"}, jekyllStylesList()...)
	rng := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		templates = append(templates, b.String())
	}
	for _, tmpl := range templates {
		if got, want := expandPermalink(tmpl, ph), expandPermalinkReference(tmpl, ph); got != want {
			t.Errorf("expandPermalink(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

func jekyllStylesList() []string {
	var out []string
	for _, v := range jekyllStyles {
		out = append(out, v)
	}
	return out
}

// BenchmarkExpandPermalink expands a post's URL with the "date" style, by
// the scan and by the expressions it replaces.
func BenchmarkExpandPermalink(b *testing.B) {
	ph := map[string]string{"categories": "go/perf", "year": "2024", "month": "04", "day": "01", "title": "Setup-Notes", "output_ext": ".html"}
	tmpl := jekyllStyles["date"]
	for _, fn := range []struct {
		name   string
		expand func(string, map[string]string) string
	}{{"scan", expandPermalink}, {"regexp", expandPermalinkReference}} {
		b.Run(fn.name, func(b *testing.B) {
			for b.Loop() {
				fn.expand(tmpl, ph)
			}
		})
	}
}
