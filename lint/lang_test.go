package lint

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// detectLanguageReference is the former DetectLanguage, which lower-cased
// and split the whole text: the allocation-free counter must agree with it.
func detectLanguageReference(text string) string {
	sets := map[string][]string{
		"fr": {"le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "pour", "dans", "sur", "avec", "que", "qui", "ce", "cette", "nous", "vous", "il", "elle", "pas", "plus", "mais", "ou", "où", "au", "aux", "sont", "ne", "je", "on", "mon", "son", "leur", "comme", "très", "été", "être", "avoir", "fait", "aussi", "donc", "par"},
		"en": {"the", "and", "is", "are", "of", "to", "in", "for", "with", "that", "this", "it", "on", "as", "be", "was", "by", "not", "or", "but", "we", "you", "they", "have", "has", "from", "which", "an", "at", "can", "will", "would", "there", "their", "so", "if", "when", "what", "how"},
	}
	counts := map[string]int{}
	total := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for lang, set := range sets {
			for _, fw := range set {
				if fw == w {
					counts[lang]++
					total++
				}
			}
		}
	}
	if total < 5 {
		return ""
	}
	switch {
	case counts["fr"] >= 2*counts["en"]:
		return "fr"
	case counts["en"] >= 2*counts["fr"]:
		return "en"
	}
	return ""
}

// guessLanguageReference is the former detection from a document's text.
func guessLanguageReference(d *Document) string {
	var sb strings.Builder
	for _, b := range d.Prose() {
		for _, r := range b.Runs {
			sb.Write(d.Src[r.Start:r.End])
			sb.WriteByte(' ')
		}
		if sb.Len() > 4000 {
			break
		}
	}
	return detectLanguageReference(sb.String())
}

var languageEdgeCases = []string{
	"",
	"le la les un une",
	"LE LA LES UN UNE",
	"on on on on on",
	"the the the on on le",
	"Être très été où OÙ ÊTRE",
	"l'été d'être qu'il",
	"theirs therein the-and-is-are-of",
	"le\u00a0la\u2003les\xffun\xc3une",
	"\u212Aing the and is are", // Kelvin sign lower-cases to k
	"İt is the one and of to",
	"avoirs avoir avoirr",
	"aaaaaaaaaaaaaaaaaaaaaaaa the and is of to",
	"dansdansdans dans dans dans dans dans",
}

func TestFunctionWordCountsMatchReference(t *testing.T) {
	for _, s := range languageEdgeCases {
		if got, want := DetectLanguage(s), detectLanguageReference(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

// TestGuessLanguageMatchesReference runs both detections on every second
// file of the fixtures and the real corpora.
func TestGuessLanguageMatchesReference(t *testing.T) {
	md := NewMarkdown()
	seen := map[string]int{}
	for _, src := range fuzzSeeds(t, []string{filepath.Join("..", "testdata"), corporaDir()}, 2, 1<<20) {
		for _, syntax := range []Syntax{SyntaxLiquid, SyntaxShortcode} {
			d := parseDocument(md, "x.md", "/x.md", src, syntax, true, nil)
			got, want := d.guessLanguage(), guessLanguageReference(d)
			if got != want {
				t.Fatalf("%.200q: %q, want %q", src, got, want)
			}
			seen[got]++
		}
	}
	t.Logf("verdicts: %v", seen)
}

func FuzzFunctionWordCounts(f *testing.F) {
	for _, s := range languageEdgeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := DetectLanguage(s), detectLanguageReference(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}

// TestParseFileWithoutLanguage checks that the parse rules use for other
// pages is ParseFile's, language aside, and shares the site's parser.
func TestParseFileWithoutLanguage(t *testing.T) {
	files := map[string]string{
		"_config.yml":            "title: x\n",
		"_posts/2024-01-01-a.md": "---\ntitle: A\n---\n# Le titre {#t}\n\nC'est le texte de la page, et nous sommes dans une phrase avec [un lien](/b/) et {{ site.x }}.\n\n```\ncode\n```\n",
		"_posts/2024-01-02-b.md": "---\ntitle: B\nlang: en\n---\nThe text of the page is in English, and it is [here](/a/#t).\n",
		"about.md":               "No front matter, and this is {% raw %}raw{% endraw %} text for the test of the language.\n",
	}
	root := writeSite(t, files)
	site, err := LoadSite(root, SiteJekyll)
	if err != nil {
		t.Fatal(err)
	}
	for rel, c := range files {
		if !IsMarkdown(rel) {
			continue
		}
		abs := filepath.Join(root, filepath.FromSlash(rel))
		full := ParseFile(site, abs, rel, []byte(c), "", nil)
		bare := ParseFileWithoutLanguage(site, abs, rel, []byte(c))
		if bare.Lang != "" || bare.LangSource != "" {
			t.Errorf("%s: language %q (%s), want none", rel, bare.Lang, bare.LangSource)
		}
		if full.Lang == "" {
			t.Errorf("%s: ParseFile found no language", rel)
		}
		full.Lang, full.LangSource = "", ""
		for _, d := range []*Document{full, bare} {
			d.Prose()
			d.Links()
		}
		if !reflect.DeepEqual(full, bare) {
			t.Errorf("%s: the documents differ beyond their language", rel)
		}
	}
	if first := site.markdown(); site.markdown() != first {
		t.Error("the site's parser is built again")
	}
}

// BenchmarkGuessLanguage is detection from the text over every tenth file
// of the real blogs, parsed beforehand.
func BenchmarkGuessLanguage(b *testing.B) {
	docs := tenthOfCorpora(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.guessLanguage()
		}
	}
}
