package lint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// slowSuppressed is the definition of suppression: every directive is
// looked at for every finding.
func slowSuppressed(ds []Directive, lines *LineIndex, rule string, off, line int) bool {
	concerns := func(d *Directive) bool {
		if len(d.Rules) == 0 {
			return true
		}
		for _, r := range d.Rules {
			if r == rule {
				return true
			}
		}
		return false
	}
	disabled := false
	for i := range ds {
		d := &ds[i]
		if !concerns(d) {
			continue
		}
		switch d.Action {
		case "disable-file":
			return true
		case "disable-line":
			if line == d.Line {
				return true
			}
		case "disable-next-line":
			if line == lines.Position(d.Span.End).Line+1 {
				return true
			}
		case "disable":
			if d.Span.Start <= off {
				disabled = true
			}
		case "enable":
			if d.Span.Start <= off {
				disabled = false
			}
		}
	}
	return disabled
}

func TestSuppressorMatchesDefinition(t *testing.T) {
	actions := []string{"disable", "enable", "disable-line", "disable-next-line", "disable a", "enable a", "disable b", "enable a,b", "disable-line a", "disable-next-line b", "disable a b"}
	for seed := range 200 {
		var b strings.Builder
		x := uint32(seed*2654435761 + 1)
		next := func(n int) int { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return int(x % uint32(n)) }
		for range 12 {
			switch next(3) {
			case 0:
				fmt.Fprintf(&b, "<!-- postlint-%s -->\n", actions[next(len(actions))])
			case 1:
				fmt.Fprintf(&b, "text <!-- postlint-%s --> more\n", actions[next(len(actions))])
			default:
				b.WriteString("plain text\n\n")
			}
		}
		if next(20) == 0 {
			b.WriteString("<!-- postlint-disable-file b -->\n")
		}
		d := parse(t, b.String(), 0)
		ds := d.Directives()
		sup := newSuppressor(ds, d.Lines)
		for off := 0; off <= len(d.Src); off++ {
			line := d.Lines.Position(off).Line
			for _, rule := range []string{"a", "b", "c"} {
				if got, want := sup.suppressed(rule, off, line), slowSuppressed(ds, d.Lines, rule, off, line); got != want {
					t.Fatalf("seed %d: suppressed(%s, %d, line %d) = %v, want %v in\n%s", seed, rule, off, line, got, want, d.Src)
				}
			}
		}
	}
}

// TestDirectivesPrefilter checks that a file without "postlint-" has no
// directives, that the directives are found once, and that a nil
// suppressor silences nothing.
func TestDirectivesPrefilter(t *testing.T) {
	for _, src := range []string{"text\n\n<!-- postlint disable -->\n", "`<!-- postlint-disable -->`\n", "<!-- postlint-disable -->\n"} {
		d := parse(t, src, 0)
		first := d.Directives()
		if want := strings.Contains(src, "postlint-") && !strings.HasPrefix(src, "`"); (len(first) > 0) != want {
			t.Errorf("%q: %d directives", src, len(first))
		}
		if again := d.Directives(); len(first) > 0 && &again[0] != &first[0] {
			t.Errorf("%q: directives found again", src)
		}
		if d.findDirectives() != nil && !strings.Contains(src, "postlint-") {
			t.Errorf("%q: the prefilter hides a directive", src)
		}
	}
	none := newSuppressor(nil, nil)
	if none.suppressed("a", 0, 1) {
		t.Error("no directive silences a finding")
	}
}

// FuzzMayHoldDirective checks that text the prefilter passes over holds no
// match of directiveRE.
func FuzzMayHoldDirective(f *testing.F) {
	for _, s := range []string{"<!-- postlint-disable -->", "<!--postlint-enable x-->", "<!--\n\t\f\r postlint-disable-line a -->", "<!-- <!-- postlint-disable -->", "<!- postlint-disable -->", "postlint-disable", "<!--\v postlint-disable -->"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if !mayHoldDirective(src) && directiveRE.Match(src) {
			t.Errorf("%q: the prefilter hides a directive", src)
		}
	})
}

// BenchmarkMayHoldDirective is the prefilter over a post without directives.
func BenchmarkMayHoldDirective(b *testing.B) {
	src := []byte(strings.Repeat("A paragraph of a post, with a <em>tag</em> or two, as most have.\n\n", 60))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		mayHoldDirective(src)
	}
}

// BenchmarkContainsPostlint is the former prefilter, for comparison.
func BenchmarkContainsPostlint(b *testing.B) {
	src := []byte(strings.Repeat("A paragraph of a post, with a <em>tag</em> or two, as most have.\n\n", 60))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		bytes.Contains(src, []byte("postlint-"))
	}
}
