package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
)

func TestMisspell(t *testing.T) {
	dir := "../testdata/jekyll-misspell"
	res := linttest.Run(t, dir, Misspell)
	fixed := applyFixes(t, dir, res.Findings)["_posts/2024-03-01-spelling.md"]
	for _, want := range []string{"We receive the events in a separate queue.", "Receive it now.", "## An occurred heading", "[to the receive docs](https://example.com/recieve-seperate)"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed text lacks %q:\n%s", want, fixed)
		}
	}
}

// TestMisspellCorpora pins the findings on the real blogs: every one is a
// plain typo in English prose. The expected findings are in
// testdata/misspell-corpora.golden ("corpus/path:line:col: message" lines),
// out of reach of the linters' own spell check.
func TestMisspellCorpora(t *testing.T) {
	golden, err := os.ReadFile("../testdata/misspell-corpora.golden")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		corpus, rest, _ := strings.Cut(l, "/")
		want[corpus] = append(want[corpus], rest)
	}
	for _, c := range []string{"travisdowns", "hugo-theme-learn", "jekyll-docs", "ludovicalarcon", "pix-engineering", "aeris-blog", "zibok", "sauml"} {
		t.Run(c, func(t *testing.T) {
			got := proseCorpusFindings(t, c, Misspell)
			if strings.Join(got, "\n") != strings.Join(want[c], "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want[c], "\n"))
			}
		})
	}
}

// TestMisspellMayFlagCuts checks the prefilter on lines where misspell sees
// a misspelling only because blanking a URL, an e-mail address or a
// backslash escape cuts a longer run of word bytes.
//
//nolint:misspell // misspellings on purpose
func TestMisspellMayFlagCuts(t *testing.T) {
	d := misspellData()
	for _, line := range []string{
		"plain recieve\n",
		"\\nrecieve it\n",         // after a backslash escape
		"mail a@b.com1recieve\n",  // after an address ending with a digit
		"a@b.com'teh now\n",       // after an address ending with an apostrophe
		"see recievehttp://x.com", // before a URL's scheme
		"see RecieveHTTPS://x.com\n",
		"p0enis\n", // a key with a digit
	} {
		if _, diffs := d.replacer.Replace(line); len(diffs) == 0 {
			t.Errorf("misspell finds nothing in %q: the case tests nothing", line)
		}
		if !d.mayFlag(line) {
			t.Errorf("mayFlag(%q) = false, but misspell finds a misspelling", line)
		}
	}
}

// TestMisspellMayFlagCorpora checks the prefilter against misspell itself
// on every line of the real blogs (prose, code, URLs and HTML alike): a line
// it skips must be one where misspell finds nothing.
func TestMisspellMayFlagCorpora(t *testing.T) {
	d := misspellData()
	root := linttest.Corpora(t)
	checked := 0
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.SplitAfter(string(src), "\n") {
			checked++
			if d.mayFlag(line) {
				continue
			}
			if _, diffs := d.replacer.Replace(line); len(diffs) > 0 {
				t.Errorf("%s: mayFlag skips %q, where misspell finds %+v", p, line, diffs)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10000 {
		t.Errorf("only %d lines checked", checked)
	}
}

// FuzzMisspellMayFlag checks that a line the prefilter skips is one where
// misspell finds nothing.
//
//nolint:misspell // misspellings on purpose
func FuzzMisspellMayFlag(f *testing.F) {
	for _, s := range []string{"\\nrecieve it", "mail a@b.com1recieve", "a@b.com'teh now", "see recievehttp://x.com", "p0enis", "x.ab3teh", "[a/teh](b) teh's"} {
		f.Add(s)
	}
	d := misspellData()
	f.Fuzz(func(t *testing.T, line string) {
		if d.mayFlag(line) {
			return
		}
		if _, diffs := d.replacer.Replace(line); len(diffs) > 0 {
			t.Errorf("mayFlag skips %q, where misspell finds %+v", line, diffs)
		}
	})
}

// TestMisspellChunks compares lineDiffs, which runs misspell on the chunks of
// a line around its candidate words, with misspell on the whole line, on
// lines where blanking or a key could look across a space.
//
//nolint:misspell // misspellings on purpose
func TestMisspellChunks(t *testing.T) {
	d := misspellData()
	for _, line := range []string{
		"We recieve the events in a seperate queue.\n",
		"recieve\n",
		"teh",
		"Teh end, teh  end\tteh\n",
		"mail me at recieve@example.com now\n",       // an address, blanked with the space after it
		"mail me at recieve@example.com\n",           // an address at the end of the line
		"mail recieve@example.c0m teh\n",             // not an address
		"host recieve.example.com or recieve.com.\n", // host names
		"\\nrecieve it \\trecieve\n",                 // backslash escapes
		"mail a@b.com1recieve\n",
		"a@b.com'teh now\n",
		"coca cola and recieve\n", // a key with a space
		"Coca Cola\n",
		"p0enis and p0enis.\n",
		"ReCieve RECIEVE Recieve recieve\n",
		"see recieve:teh and recieve's 'teh'\n",
		"a path a/recieve teh\n", // a slash: the whole line
		"(see /x recieve) teh\n",
	} {
		_, want := d.replacer.Replace(line)
		if got := d.lineDiffs(line); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("lineDiffs(%q) = %+v, want %+v", line, got, want)
		}
	}
}

// TestMisspellChunksCorpora compares lineDiffs with misspell on every line
// of the Markdown files of the real blogs (prose, code, URLs and HTML
// alike).
func TestMisspellChunksCorpora(t *testing.T) {
	d := misspellData()
	found := 0
	forEachCorpusMarkdown(t, func(p string, src []byte) {
		for _, line := range strings.SplitAfter(string(src), "\n") {
			// A line with a slash is given to misspell whole: try it
			// without its slashes too.
			for _, line := range []string{line, strings.ReplaceAll(line, "/", " ")} {
				_, want := d.replacer.Replace(line)
				got := d.lineDiffs(line)
				found += len(want)
				if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
					t.Errorf("%s: lineDiffs(%q) = %+v, want %+v", p, line, got, want)
				}
			}
		}
	})
	if found < 20 {
		t.Errorf("misspell finds only %d misspellings in the corpora: the test tests little", found)
	}
}

// FuzzMisspellChunks compares lineDiffs with misspell on the whole line.
//
//nolint:misspell // misspellings on purpose
func FuzzMisspellChunks(f *testing.F) {
	for _, s := range []string{"\\nrecieve it", "mail a@b.com1recieve", "a@b.com'teh now", "see recievehttp://x.com", "p0enis", "x.ab3teh", "[a/teh](b) teh's", "x@recieve.com teh", "coca cola"} {
		f.Add(s)
	}
	d := misspellData()
	f.Fuzz(func(t *testing.T, line string) {
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1] // lineDiffs is given one line
		}
		_, want := d.replacer.Replace(line)
		if got := d.lineDiffs(line); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("lineDiffs(%q) = %+v, want %+v", line, got, want)
		}
	})
}

// BenchmarkMisspellMayFlag runs the prefilter over every line of the
// Markdown files of the real blogs.
func BenchmarkMisspellMayFlag(b *testing.B) {
	d := misspellData()
	var lines []string
	forEachCorpusMarkdown(b, func(_ string, src []byte) {
		lines = append(lines, strings.SplitAfter(string(src), "\n")...)
	})
	b.ResetTimer()
	for range b.N {
		for _, l := range lines {
			d.mayFlag(l)
		}
	}
}

// mayFlag reports whether misspell can find anything in line: whether it
// has a candidate run.
func (d *misspellDict) mayFlag(line string) bool {
	return d.candidateRun(line, 0) >= 0
}
