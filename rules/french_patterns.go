package rules

import (
	"strings"
)

// quiAFollowers are words after which "qui à" is surely "qui a": past
// participles of avoir's usual companions and adverbs that sit between
// avoir and its participle.
var quiAFollowers = setOfWords(
	"eu", "été", "fait", "pris", "mis", "dit", "vu", "su", "pu", "dû", "voulu", "permis", "écrit", "lu", "connu",
	"perdu", "reçu", "obtenu", "tenu", "vécu", "fallu", "cru", "ouvert", "offert", "produit", "conduit", "construit",
	"compris", "appris", "surpris", "repris", "choisi", "fini", "réussi", "réuni", "défini", "fourni", "servi", "suivi",
	"pourtant", "déjà", "toujours", "jamais", "aussi", "encore", "bien", "beaucoup", "souvent", "longtemps",
	"également", "vraiment", "récemment", "finalement", "notamment", "simplement", "clairement", "enfin",
	"besoin", "envie", "lieu", "peur", "raison", "tort", "accès",
	"évité", "hérité", "mérité", "visité", "profité", "exploité", "limité", "édité", "invité", "cité", "hésité",
)

// quiAExceptions end in -é but follow "à" naturally ("qui, à côté, …").
var quiAExceptions = setOfWords("côté", "moitié", "gré", "volonté")

// avoirForms and etreForms are auxiliaries before a past participle.
var (
	avoirForms       = setOfWords("a", "ai", "as", "avons", "avez", "ont", "avait", "avais", "avions", "aviez", "avaient", "aura", "aurait", "auraient", "aurais", "avoir", "ayant")
	etreSingular     = setOfWords("est", "suis", "es", "était", "étais", "sera", "serait", "être", "été")
	etrePlural       = setOfWords("sont", "sommes", "êtes", "étaient", "étions", "seront", "seraient")
	objectPronouns   = setOfWords("les", "l", "la", "nous", "vous", "me", "m", "te", "t", "se", "s", "que", "qu")
	siFierModals     = setOfWords("faut", "peut", "doit", "peux", "peuvent", "vaut", "faudrait", "pourrait", "devrait", "pouvez", "pouvons", "doivent", "devez", "devons", "dois", "pourraient", "devraient", "faudra", "pourra", "devra", "veux", "veut")
	siFierAdverbs    = setOfWords("pas", "plus", "jamais", "trop", "vraiment", "toujours", "forcément", "totalement", "complètement", "entièrement")
	aveuglementVerbs = setOfWords("fier", "fie", "fient", "fiez", "fions", "fiait", "fiaient", "confiance", "suivre", "suit", "suivent", "suivez", "croire", "obéir", "appliquer", "copier", "copie", "copient", "faire")
)

// participleFor maps a verb form in -it, wrong after an auxiliary, to the
// past participle ("a finit" → "a fini"). Every key ends in "it", which
// checkPatterns tests before looking a word up.
var participleFor = map[string]string{
	"réunit": "réuni", "finit": "fini", "choisit": "choisi", "définit": "défini", "établit": "établi",
	"fournit": "fourni", "investit": "investi", "remplit": "rempli", "garantit": "garanti", "réussit": "réussi",
	"saisit": "saisi", "bâtit": "bâti", "grandit": "grandi", "unit": "uni", "convertit": "converti",
	"subit": "subi", "ralentit": "ralenti", "enrichit": "enrichi", "accomplit": "accompli", "aboutit": "abouti",
	"réfléchit": "réfléchi", "franchit": "franchi", "nourrit": "nourri", "guérit": "guéri", "punit": "puni",
	"agit": "agi", "trahit": "trahi", "envahit": "envahi", "réagit": "réagi", "approfondit": "approfondi",
	"assouplit": "assoupli", "démolit": "démoli", "obéit": "obéi", "refroidit": "refroidi", "réjouit": "réjoui",
	"éblouit": "ébloui", "applaudit": "applaudi", "atterrit": "atterri", "avertit": "averti", "élargit": "élargi",
	"embellit": "embelli", "partit": "parti", "sortit": "sorti", "servit": "servi", "suivit": "suivi",
	"sentit": "senti", "dormit": "dormi", "ressentit": "ressenti", "poursuivit": "poursuivi", "mentit": "menti",
	"repartit": "reparti", "ressortit": "ressorti", "resservit": "resservi", "desservit": "desservi",
	"permit": "permis", "mit": "mis", "prit": "pris", "apprit": "appris", "comprit": "compris", "soumit": "soumis",
	"promit": "promis", "transmit": "transmis", "admit": "admis", "remit": "remis", "reprit": "repris",
	"surprit": "surpris", "entreprit": "entrepris", "omit": "omis", "acquit": "acquis", "conquit": "conquis",
	"requit": "requis",
}

// nextSpaced returns the token after i when only white space separates
// them, else nil.
func nextSpaced(toks []frToken, i int) *frToken {
	if i+1 < len(toks) && toks[i+1].sep == sepSpace {
		return &toks[i+1]
	}
	return nil
}

func (c *frChecker) checkPatterns(toks []frToken, text string, offs *textOffsets, covered []bool) {
	apos := "'"
	if strings.Contains(text, "’") && !strings.Contains(text, "'") {
		apos = "’"
	}
	for i := range toks {
		if covered[i] {
			continue
		}
		// Pointers: copying three tokens for each word cost more than the
		// tests below.
		t := &toks[i]
		n1 := nextSpaced(toks, i)
		if n1 == nil {
			continue
		}
		// Every pattern below needs one of these words second: most pairs
		// are ruled out by this one switch, which Go compiles to a search
		// by length and value.
		switch n := n1.lower; n {
		case "à", "allez", "aller", "fier", "sur", "aveuglement", "dernier", "derniers":
		default:
			if !strings.HasSuffix(n, "it") {
				continue
			}
		}
		n2 := nextSpaced(toks, i+1)
		ok2 := n2 != nil
		switch {
		// qui à + participle or adverb → qui a.
		case t.lower == "qui" && n1.lower == "à" && ok2 && c.quiAFollows(toks, i+2):
			c.report(offs, n1.start, n1.end, n1.text, []string{applyShape("a", shapeOf(n1.text))}, "\"à\" is a preposition; the verb avoir is \"a\"")
		// il/elle/on à → a ("dit-il à" is one token, so inversions are safe).
		case (t.lower == "il" || t.lower == "elle" || t.lower == "on") && n1.lower == "à" && t.sep != sepApos && shapeOf(t.text) != caseUpper:
			c.report(offs, n1.start, n1.end, n1.text, []string{"a"}, "after \""+t.text+"\" the verb avoir is \"a\"")
		// je suis allez voir → allé.
		case (n1.lower == "allez" || n1.lower == "aller") && (etreSingular[t.lower] || etrePlural[t.lower]) && t.lower != "être" && t.lower != "été":
			if n1.lower == "aller" && t.lower != "suis" && t.lower != "sommes" && t.lower != "sont" {
				continue
			}
			rights := []string{"allé", "allée"}
			if etrePlural[t.lower] {
				rights = []string{"allés", "allées"}
			}
			c.report(offs, n1.start, n1.end, n1.text, rights, "after être the past participle is needed")
		// il ne faut pas si fier → s'y fier.
		case t.lower == "si" && n1.lower == "fier" && i > 0 && (siFierModals[toks[i-1].lower] ||
			(siFierAdverbs[toks[i-1].lower] && i > 1 && siFierModals[toks[i-2].lower])):
			c.report(offs, t.start, n1.end, text[t.start:n1.end], []string{applyShape("s"+apos+"y fier", shapeOf(t.text))}, "the verb is \"se fier\" with \"y\"")
		// bien sur, → bien sûr ("bien sur le serveur" is fine).
		case t.lower == "bien" && n1.lower == "sur" && c.endsClause(toks, text, i+1):
			c.report(offs, n1.start, n1.end, n1.text, []string{applyShape("sûr", shapeOf(n1.text))}, "\"bien sûr\" (of course) takes a circumflex")
		// se fier aveuglement → aveuglément.
		case n1.lower == "aveuglement" && aveuglementVerbs[t.lower]:
			c.report(offs, n1.start, n1.end, n1.text, []string{"aveuglément"}, "the adverb is \"aveuglément\" (\"aveuglement\" is a noun)")
		// ce dernier jours / ces dernier jours / ces derniers jour.
		case t.lower == "ce" && n1.lower == "dernier" && ok2 && n2.lower == "jours":
			c.report(offs, n2.start, n2.end, n2.text, []string{"jour"}, "\"ce dernier\" is singular")
		case t.lower == "ces" && n1.lower == "dernier" && ok2 && n2.lower == "jours":
			c.report(offs, n1.start, n1.end, n1.text, []string{"derniers"}, "\"ces … jours\" is plural")
		case t.lower == "ces" && n1.lower == "derniers" && ok2 && n2.lower == "jour":
			c.report(offs, n2.start, n2.end, n2.text, []string{"jours"}, "\"ces derniers\" is plural")
		// sont réunit → réunis; a finit → fini.
		case strings.HasSuffix(n1.lower, "it") && participleFor[n1.lower] != "" && (avoirForms[t.lower] || etreSingular[t.lower] || etrePlural[t.lower]):
			p := participleFor[n1.lower]
			var rights []string
			switch {
			case etrePlural[t.lower]:
				rights = []string{plural(p), plural(p + "e")}
			case etreSingular[t.lower]:
				rights = []string{p, p + "e"}
			case i > 0 && objectPronouns[toks[i-1].lower]:
				rights = []string{p, p + "e", plural(p), plural(p + "e")}
			default:
				rights = []string{p}
			}
			c.report(offs, n1.start, n1.end, n1.text, rights, "after an auxiliary the past participle is needed")
		}
	}
}

func plural(w string) string {
	if strings.HasSuffix(w, "s") {
		return w
	}
	return w + "s"
}

// quiAFollows tells whether the word at toks[j] makes "qui à" a mistake.
func (c *frChecker) quiAFollows(toks []frToken, j int) bool {
	w := toks[j].lower
	if w == "d" || w == "l" {
		// "qui à d'ailleurs", "qui à l'air": only these two.
		if j+1 < len(toks) && toks[j+1].sep == sepApos {
			n := toks[j+1].lower
			return (w == "d" && n == "ailleurs") || (w == "l" && n == "air")
		}
		return false
	}
	if quiAFollowers[w] {
		return true
	}
	if quiAExceptions[w] || strings.HasSuffix(w, "ité") {
		// "qui à proximité", "qui à volonté".
		return false
	}
	for _, suf := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(w, suf) && len([]rune(w)) > 3 {
			return true
		}
	}
	return false
}

// endsClause tells whether punctuation or the end of the text follows
// toks[i].
func (c *frChecker) endsClause(toks []frToken, text string, i int) bool {
	rest := strings.TrimLeft(text[toks[i].end:], " \u00a0\u202f")
	if rest == "" {
		return true
	}
	return strings.ContainsRune(",.;:!?)…", []rune(rest)[0])
}
