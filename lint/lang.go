package lint

import (
	"strings"
	"unicode"
)

// functionWords are frequent short words that tell French from English
// prose; a handful of sentences are enough.
var functionWords = map[string]map[string]bool{
	"fr": setOf("le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "pour", "dans", "sur", "avec", "que", "qui", "ce", "cette", "nous", "vous", "il", "elle", "pas", "plus", "mais", "ou", "où", "au", "aux", "sont", "ne", "je", "on", "mon", "son", "leur", "comme", "très", "été", "être", "avoir", "fait", "aussi", "donc", "par"),
	"en": setOf("the", "and", "is", "are", "of", "to", "in", "for", "with", "that", "this", "it", "on", "as", "be", "was", "by", "not", "or", "but", "we", "you", "they", "have", "has", "from", "which", "an", "at", "can", "will", "would", "there", "their", "so", "if", "when", "what", "how"),
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// DetectLanguage guesses "fr" or "en" from function words in text; "" when
// the text is too short or too mixed to tell.
func DetectLanguage(text string) string {
	counts := map[string]int{}
	total := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for lang, set := range functionWords {
			if set[w] {
				counts[lang]++
				total++
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

// detectLanguage sets d.Lang following the documented precedence: --lang,
// front matter, the page's place in a Hugo site, the site config, the
// .postlint.yml `lang`, then detection from the text.
func (d *Document) detectLanguage(override string, site *Site, cfg *Config) {
	set := func(lang, source string) bool {
		if lang == "" {
			return false
		}
		d.Lang, d.LangSource = NormalizeLang(lang), source
		return true
	}
	if set(override, "--lang") {
		return
	}
	if d.FrontMatter.Data != nil && set(firstString(d.FrontMatter.Data, "lang", "language", "locale"), "front matter") {
		return
	}
	if site != nil {
		if rel, ok := site.Rel(d.AbsPath); ok && set(site.langFromPlace(rel), "content folder or file suffix") {
			return
		}
		if set(site.Lang, "site configuration") {
			return
		}
	}
	if cfg != nil && cfg.Lang != "auto" && set(cfg.Lang, "postlint configuration") {
		return
	}
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
	set(DetectLanguage(sb.String()), "detected from the text")
}
