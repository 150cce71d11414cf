package rules

import (
	"reflect"
	"testing"

	"github.com/postlint/postlint/lint"
)

// frontMatterEntryFromList is frontMatterEntry as it was, from the entries
// of the whole front matter: the reference the look-up of one key must
// agree with.
func frontMatterEntryFromList(doc *lint.Document, key string) (fmEntry, bool) {
	for _, e := range frontMatterEntries(doc) {
		if e.Key == key {
			return e, true
		}
	}
	return fmEntry{}, false
}

// TestFrontMatterEntryCorpora checks frontMatterEntry against
// frontMatterEntryFromList for every key of every front matter of the real
// blogs and of front matters with repeated, quoted, empty and missing keys,
// in YAML and TOML.
func TestFrontMatterEntryCorpora(t *testing.T) {
	keys := 0
	check := func(name string, src []byte) {
		doc := lint.ParseFile(nil, name, name, src, "", nil)
		names := []string{"date", "layout", "title", "absent", ""}
		for _, e := range frontMatterEntries(doc) {
			names = append(names, e.Key)
		}
		for _, key := range names {
			got, gotOK := frontMatterEntry(doc, key)
			want, wantOK := frontMatterEntryFromList(doc, key)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: key %q: frontMatterEntry = %+v %v, want %+v %v", name, key, got, gotOK, want, wantOK)
			}
			if gotOK {
				keys++
			}
		}
	}
	forEachCorpusMarkdown(t, check)
	for i, src := range []string{
		"---\ndate: 2020-01-01\nlayout: post\ndate: 2021-02-02\n---\nText.\n",
		"---\n\"date\": '2020-01-01'\nlayout:\ntitle: \"x\" # comment\n---\n",
		"---\n- a\n- b\n---\n",
		"---\n---\n",
		"---\ndate: [1, 2\n---\n",
		"+++\ndate = 2020-01-01\nlayout = \"post\"\n[params]\ndate = 1\n+++\n",
		"\ufeff---\nlayout: é\ndate: 2020-01-01\n---\n",
	} {
		check("fm"+string(rune('a'+i))+".md", []byte(src))
	}
	if keys < 1000 {
		t.Errorf("only %d keys found", keys)
	}
}

// BenchmarkFrontMatterEntry looks up the date and layout entries of every
// Markdown file of the real blogs, as front-matter does for posts.
func BenchmarkFrontMatterEntry(b *testing.B) {
	var docs []*lint.Document
	forEachCorpusMarkdown(b, func(name string, src []byte) {
		docs = append(docs, lint.ParseFile(nil, name, name, src, "", nil))
	})
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			frontMatterEntry(d, "date")
			frontMatterEntry(d, "layout")
		}
	}
}
