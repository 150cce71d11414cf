package rules

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
)

func TestFrenchTyposFixture(t *testing.T) {
	linttest.Run(t, "../testdata/jekyll-french-typos", FrenchTypos)
}

type frFinding struct {
	wrong, msg string
	fix        *string
}

// checkSentence runs the list, the patterns and (when d is not nil) the
// dictionary on one sentence.
func checkSentence(s string, d *frenchDict) []frFinding {
	var out []frFinding
	c := &frChecker{opts: &FrenchTyposOptions{Dictionary: true}, table: frenchTable(), dict: d, accepted: map[string]bool{}, reported: map[[2]int]bool{}}
	c.emit = func(start, end int, msg string, fix *string) {
		out = append(out, frFinding{wrong: s[start:end], msg: msg, fix: fix})
	}
	offs := make([]int, len(s)+1)
	for i := range offs {
		offs[i] = i
	}
	c.checkText(s, offs)
	return out
}

func TestFrenchTyposSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string // wrong text → fix (or "" for no fix)
	}{
		{"Tout l'ecosystem Cilium.", []string{"ecosystem→écosystème"}},
		{"Tout l’ecosystem Cilium.", []string{"ecosystem→écosystème"}},
		{"La Connection au serveur.", nil}, // capitalised English-looking: left alone
		{"une connection au serveur", []string{"connection→connexion"}},
		{"la connection string", nil},
		{"Complétement fou.", []string{"Complétement→Complètement"}},
		{"COMPLÉTEMENT fou.", []string{"COMPLÉTEMENT→COMPLÈTEMENT"}},
		{"Quelque soit le cas.", []string{"Quelque soit→"}},
		{"qui à pourtant des failles", []string{"à→a"}},
		{"qui à mon avis est juste", nil},
		{"qui à côté est petit", nil},
		{"qui à proximité du centre", nil},
		{"Il à mis", []string{"à→a"}},
		{"dit-il à Paul", nil},
		{"je suis allez voir", []string{"allez→"}},
		{"vous allez voir", nil},
		{"il ne faut pas si fier", []string{"si fier→s'y fier"}},
		{"je suis si fier", nil},
		{"ce dernier jours", []string{"jours→jour"}},
		{"ces dernier jours", []string{"dernier→derniers"}},
		{"ces derniers jours", nil},
		{"ils sont réunit", []string{"réunit→"}},
		{"il a finit", []string{"finit→fini"}},
		{"il finit tôt", nil},
		{"pallier à ce manque", []string{"pallier à→pallier"}},
		{"Au jour d’aujourd’hui", []string{"Au jour d’aujourd’hui→Aujourd'hui"}},
		{"si il pleut", []string{"si il→s'il"}},
		{"L'Etat", nil},
		{"ca marche", []string{"ca→ça"}},
		{"le CA signe", nil},
		{"Le `code` ecosysteme", []string{"ecosysteme→écosystème"}},
	}
	for _, tc := range cases {
		got := checkSentence(tc.in, nil)
		var gs []string
		for _, f := range got {
			fix := ""
			if f.fix != nil {
				fix = *f.fix
			}
			gs = append(gs, f.wrong+"→"+fix)
		}
		if strings.Join(gs, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: got %q, want %q", tc.in, gs, tc.want)
		}
	}
}

// TestFrenchTyposEveryEntry checks every list entry on a sentence (found)
// and on the same sentence with the correction (not found).
func TestFrenchTyposEveryEntry(t *testing.T) {
	tab := frenchTable()
	for _, es := range tab.byFirst {
		for _, e := range es {
			pos := "Nous avons vu le " + e.wrong + " de la semaine."
			if got := checkSentence(pos, nil); len(got) != 1 {
				t.Errorf("%q: %d findings, want 1", pos, len(got))
			}
			for _, r := range e.right {
				neg := "Nous avons vu le " + r + " de la semaine."
				if got := checkSentence(neg, nil); len(got) != 0 {
					t.Errorf("%q: %d findings, want 0 (%v)", neg, len(got), got[0].msg)
				}
			}
		}
	}
}

// TestFrenchTyposDictionary checks the hunspell part.
func TestFrenchTyposDictionary(t *testing.T) {
	d := testFrenchDict(t)
	cases := map[string]string{
		"C'est plus precisement ainsi.":        "precisement→précisément",
		"Un hebergement sur mesure.":           "hebergement→hébergement",
		"Le déploiment est fait.":              "",
		"Kubernetes et kubectl sont là.":       "",
		"Un video call et un cafe.":            "",
		"Une approche élégante et précise.":    "",
		"Le podcast du mardi parle de DevOps.": "",
		"Aujourd'hui et quelqu'un d'autre.":    "",
	}
	for in, want := range cases {
		var gs []string
		for _, f := range checkSentence(in, d) {
			fix := ""
			if f.fix != nil {
				fix = *f.fix
			}
			gs = append(gs, f.wrong+"→"+fix)
		}
		if want == "" && strings.HasPrefix(in, "Le déploiment") {
			want = "déploiment→déploiement"
		}
		if strings.Join(gs, ",") != want {
			t.Errorf("%q: got %q, want %q", in, gs, want)
		}
	}
}

// readEval reads testdata/french-eval/NAME: "category<TAB>sentence" lines.
func readEval(t *testing.T, name string) [][2]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "french-eval", name))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cat, s, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: no TAB in %q", name, line)
		}
		out = append(out, [2]string{cat, s})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFrenchTyposEval measures recall on sentences with a real error and
// false alarms on correct sentences full of traps.
func TestFrenchTyposEval(t *testing.T) {
	errs := readEval(t, "errors.txt")
	correct := readEval(t, "correct.txt")
	var d *frenchDict
	if os.Getenv("POSTLINT_NO_DICT") == "" {
		d = (&frenchDictLoader{}).get("", nil)
	}
	for _, withDict := range []bool{false, true} {
		dict := d
		if !withDict {
			dict = nil
		} else if d == nil {
			t.Log("no French hunspell dictionary: skipping the evaluation with dictionary")
			continue
		}
		caught, byCat, totCat := 0, map[string]int{}, map[string]int{}
		for _, e := range errs {
			totCat[e[0]]++
			if len(checkSentence(e[1], dict)) > 0 {
				caught++
				byCat[e[0]]++
			} else if withDict {
				t.Logf("missed: %s", e[1])
			}
		}
		flagged, fCat := 0, map[string]int{}
		for _, c := range correct {
			if fs := checkSentence(c[1], dict); len(fs) > 0 {
				flagged++
				fCat[c[0]]++
				t.Logf("false alarm (dict=%v): %s: %s", withDict, c[1], fs[0].msg)
			}
		}
		var cats []string
		for c := range totCat {
			cats = append(cats, c)
		}
		sort.Strings(cats)
		var parts []string
		for _, c := range cats {
			parts = append(parts, fmt.Sprintf("%s %d/%d", c, byCat[c], totCat[c]))
		}
		recall := float64(caught) / float64(len(errs))
		fa := float64(flagged) / float64(len(correct))
		t.Logf("dictionary=%v: errors caught %d/%d (%.1f%%) [%s]; false alarms %d/%d (%.2f%%) %v",
			withDict, caught, len(errs), 100*recall, strings.Join(parts, ", "), flagged, len(correct), 100*fa, fCat)
		if fa > 0.015 {
			t.Errorf("dictionary=%v: %.2f%% of correct sentences flagged, want at most 1.5%%", withDict, 100*fa)
		}
		if withDict && recall < 0.70 {
			t.Errorf("dictionary=%v: %.1f%% of errors caught, want at least 70%%", withDict, 100*recall)
		}
	}
}

// frenchCorpora are the French sites of shared/corpora, with the Markdown
// files to check (nil: all).
var frenchCorpora = []string{"ludovicalarcon", "pix-engineering", "aeris-blog", "zibok", "sauml", "hugo-theme-learn"}

func corpusFindings(t *testing.T, name string) []lint.Finding {
	t.Helper()
	// shared/ sits beside the repository (main) or beside the worktrees.
	dir := filepath.Join("..", "..", "shared", "corpora", name)
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Join("..", "..", "..", "shared", "corpora", name)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("corpus %s absent (%v)", name, err)
		}
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{FrenchTypos}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

func TestFrenchTyposCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("corpora: skipped in -short mode")
	}
	if (&frenchDictLoader{}).get("", nil) == nil {
		t.Skip("no French hunspell dictionary (apt-get install hunspell-fr): the corpus counts assume one")
	}
	for _, name := range frenchCorpora {
		t.Run(name, func(t *testing.T) {
			fs := corpusFindings(t, name)
			var lines []string
			for _, f := range fs {
				p := filepath.ToSlash(f.Path)
				if i := strings.Index(p, "corpora/"+name+"/"); i >= 0 {
					p = p[i+len("corpora/"+name+"/"):]
				}
				lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", p, f.Start.Line, f.Start.Column, f.Message))
			}
			t.Logf("%d findings:\n%s", len(fs), strings.Join(lines, "\n"))
			if want, ok := frenchCorpusWant[name]; ok {
				got := strings.Join(lines, "\n")
				if got != strings.Join(want, "\n") {
					t.Errorf("findings differ; got:\n%s", got)
				}
			}
		})
	}
}

// frenchCorpusWant are the exact findings expected on each corpus (with
// Debian's hunspell-fr); every one was checked by hand as a real defect.
var frenchCorpusWant = map[string][]string{
	"ludovicalarcon": {
		`_posts/2023-02-05-Service-Mesh.md:19:47: "environements": doubled or missing consonant; did you mean "environnements"?`,
		`_posts/2023-04-20-KubeCon-J1.md:21:114: "ecosysteme": wrong or missing accent; did you mean "écosystème"?`,
		`_posts/2023-04-20-KubeCon-J1.md:27:64: "à": "à" is a preposition; the verb avoir is "a"; did you mean "a"?`,
		`_posts/2023-04-20-KubeCon-J1.md:27:74: "plus tot": wrong fixed expression; did you mean "plus tôt"?`,
		`_posts/2023-04-20-KubeCon-J1.md:27:96: "à d'ailleurs": wrong fixed expression; did you mean "a d'ailleurs"?`,
		`_posts/2023-04-20-KubeCon-J1.md:30:11: "sur": "bien sûr" (of course) takes a circumflex; did you mean "sûr"?`,
		`_posts/2023-04-20-KubeCon-J1.md:30:83: "ca": common misspelling; did you mean "ça"?`,
		`_posts/2023-04-20-KubeCon-J1.md:32:27: "diffèrentes": unknown word, wrong or missing accent; did you mean "différentes"?`,
		`_posts/2023-04-20-KubeCon-J1.md:85:33: "createur": missing or wrong accent; did you mean "créateur"?`,
		`_posts/2023-04-30-KubeCon-J3.md:25:23: "Confidencialité": wrong or missing accent; did you mean "Confidentialité"?`,
		`_posts/2023-04-30-KubeCon-J3.md:34:61: "précisement": wrong or missing accent; did you mean "précisément"?`,
		`_posts/2023-04-30-KubeCon-J3.md:43:17: "jours": "ce dernier" is singular; did you mean "jour"?`,
		`_posts/2023-04-30-KubeCon-J3.md:43:51: "allez": after être the past participle is needed; did you mean "allé" or "allée"?`,
		`_posts/2023-04-30-KubeCon-J3.md:49:62: "complétement": wrong or missing accent; did you mean "complètement"?`,
		`_posts/2023-04-30-KubeCon-J3.md:53:73: "réunit": after an auxiliary the past participle is needed; did you mean "réunis" or "réunies"?`,
		`_posts/2023-04-30-KubeCon-J3.md:54:86: "si fier": the verb is "se fier" with "y"; did you mean "s'y fier"?`,
		`_posts/2023-04-30-KubeCon-J3.md:54:94: "aveuglement": the adverb is "aveuglément" ("aveuglement" is a noun); did you mean "aveuglément"?`,
		`_posts/2023-04-30-KubeCon-J3.md:58:52: "à": "à" is a preposition; the verb avoir is "a"; did you mean "a"?`,
		`_posts/2023-04-30-KubeCon-J3.md:59:98: "aveuglement": the adverb is "aveuglément" ("aveuglement" is a noun); did you mean "aveuglément"?`,
		`_posts/2023-04-30-KubeCon-J3.md:66:97: "ecosystem": English spelling of a French word; did you mean "écosystème"?`,
	},
	"pix-engineering": {
		`_posts/2020-04-13-principes-d-architecture-applicative.md:137:1: "Quelque soit": wrong fixed expression; did you mean "Quel que soit" or "Quelle que soit"?`,
		`_posts/2022-12-14-modifier-clef-primaire-referencee-type-bigint.md:75:34: "c'est à dire": wrong fixed expression; did you mean "c'est-à-dire"?`,
		`_posts/2023-04-21-surprising-paas-database-upgrade.md:134:152: "traffic": English spelling of a French word; did you mean "trafic"?`,
		`_posts/2023-09-06-migrer-de-commonjs-vers-esm-migration.md:34:126: "appellé": doubled or missing consonant; did you mean "appelé"?`,
	},
	"aeris-blog": {
		`_posts/2013-03-13-frameworks-css-benediction-heresie.md:31:140: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`_posts/2013-03-23-langages-courants-tour-du-proprietaire.md:31:60: "cauchemard": common misspelling; did you mean "cauchemar"?`,
		`_posts/2013-03-23-langages-courants-tour-du-proprietaire.md:112:26: "quelques uns": wrong fixed expression; did you mean "quelques-uns"?`,
		`_posts/2013-03-23-langages-courants-tour-du-proprietaire.md:218:118: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`_posts/2013-03-23-langages-courants-tour-du-proprietaire.md:246:56: "au jour d'aujourd'hui": wrong fixed expression; did you mean "aujourd'hui"?`,
		`_posts/2013-03-28-devoxx-2013-journee-2.md:27:166: "empèchent": unknown word, wrong or missing accent; did you mean "empêchent"?`,
		`_posts/2013-03-29-devoxx-2013-journee-3.md:73:157: "controleur": wrong or missing accent; did you mean "contrôleur"?`,
		`_posts/2013-03-29-devoxx-2013-journee-3.md:178:16: "béta": unknown word, wrong or missing accent; did you mean "bêta"?`,
		`_posts/2013-03-29-devoxx-2013-journee-3.md:178:29: "béta": unknown word, wrong or missing accent; did you mean "bêta"?`,
		`_posts/2013-04-07-integration-continue-presentation-et-conseils.md:106:35: "chateau": wrong or missing accent; did you mean "château"?`,
		`_posts/2013-04-07-integration-continue-presentation-et-conseils.md:111:121: "empèchent": unknown word, wrong or missing accent; did you mean "empêchent"?`,
		`_posts/2013-06-01-agilite-et-lindustrie-alors.md:94:149: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`_posts/2013-06-01-agilite-et-lindustrie-alors.md:96:188: "empécher": unknown word, wrong or missing accent; did you mean "empêcher"?`,
		`_posts/2013-06-24-gestion-dependances.md:61:236: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`_posts/2013-07-28-tests-unitaires.md:70:1: "Parmis": common misspelling; did you mean "Parmi"?`,
		`_posts/2013-07-28-tests-unitaires.md:220:112: "parmis": common misspelling; did you mean "parmi"?`,
		`_posts/2013-09-01-manuel-du-parfait-petit-crypto-anarchiste-1.md:140:9: "transferez": unknown word, wrong or missing accent; did you mean "transférez"?`,
		`_posts/2013-09-02-manuel-du-parfait-petit-crypto-anarchiste-2.md:54:214: "rien avoir": common misspelling; did you mean "rien à voir"?`,
		`_posts/2013-09-02-manuel-du-parfait-petit-crypto-anarchiste-2.md:91:107: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`_posts/2013-09-02-manuel-du-parfait-petit-crypto-anarchiste-2.md:97:48: "infâmie": unknown word, wrong or missing accent; did you mean "infamie"?`,
		`_posts/2013-09-06-manuel-du-parfait-petit-crypto-anarchiste-3.md:11:46: "intéractif": unknown word, wrong or missing accent; did you mean "interactif"?`,
		`_posts/2013-09-06-manuel-du-parfait-petit-crypto-anarchiste-3.md:19:69: "cotoyer": missing or wrong accent; did you mean "côtoyer"?`,
		`_posts/2013-09-06-manuel-du-parfait-petit-crypto-anarchiste-3.md:61:352: "requètes": wrong or missing accent; did you mean "requêtes"?`,
		`_posts/2013-09-06-manuel-du-parfait-petit-crypto-anarchiste-3.md:79:52: "châton": unknown word, wrong or missing accent; did you mean "chaton"?`,
		`_posts/2013-09-06-manuel-du-parfait-petit-crypto-anarchiste-3.md:115:252: "occurence": doubled or missing consonant; did you mean "occurrence"?`,
		`_posts/2013-09-16-code-propre-incompatible-besoins-client.md:193:1: "En terme de": wrong fixed expression; did you mean "En termes de"?`,
		`_posts/2013-09-16-code-propre-incompatible-besoins-client.md:233:124: "intéractifs": unknown word, wrong or missing accent; did you mean "interactifs"?`,
		`_posts/2014-02-19-la-revolution-cest-maintenant.md:20:141: "parmis": common misspelling; did you mean "parmi"?`,
		`_posts/2014-06-09-gestion-erreurs-exceptions.md:231:70: "arrétera": unknown word, wrong or missing accent; did you mean "arrêtera"?`,
		`_posts/2014-06-09-gestion-erreurs-exceptions.md:315:110: "innonder": doubled or missing consonant; did you mean "inonder"?`,
		`_posts/2014-06-22-vos-libertes-mes-libertes.md:49:51: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`_posts/2014-06-22-vos-libertes-mes-libertes.md:156:131: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`_posts/2014-06-22-vos-libertes-mes-libertes.md:204:48: "addresses": English spelling of a French word; did you mean "adresses"?`,
		`_posts/2014-06-29-pses-ndh.md:31:131: "évanouïr": unknown word, wrong or missing accent; did you mean "évanouir"?`,
		`_posts/2014-09-30-ansible-chef-puppet-pourquoi-ca-ne-marche-pas.md:96:6: "palier à": wrong fixed expression; did you mean "pallier"?`,
		`_posts/2014-09-30-ansible-chef-puppet-pourquoi-ca-ne-marche-pas.md:165:60: "occurence": doubled or missing consonant; did you mean "occurrence"?`,
		`_posts/2014-09-30-ansible-chef-puppet-pourquoi-ca-ne-marche-pas.md:309:69: "occurence": doubled or missing consonant; did you mean "occurrence"?`,
		`_posts/2015-02-18-vie-privee-dns.md:65:181: "occurence": doubled or missing consonant; did you mean "occurrence"?`,
		`_posts/2015-02-18-vie-privee-dns.md:143:68: "draînent": unknown word, wrong or missing accent; did you mean "drainent"?`,
		`_posts/2015-09-02-cryptcheck-verifiez-implementations-tls.md:121:28: "révez": unknown word, wrong or missing accent; did you mean "rêvez"?`,
		`_posts/2015-09-02-cryptcheck-verifiez-implementations-tls.md:280:51: "companie": English spelling of a French word; did you mean "compagnie"?`,
		`_posts/2015-09-02-cryptcheck-verifiez-implementations-tls.md:346:99: "décénnies": unknown word, wrong or missing accent; did you mean "décennies"?`,
		`_posts/2015-09-02-cryptcheck-verifiez-implementations-tls.md:388:5: "réfléxions": unknown word, wrong or missing accent; did you mean "réflexions"?`,
		`_posts/2015-09-25-ownmailbox-charlatanisme-incompetence.md:41:204: "courier": doubled or missing consonant; did you mean "courrier"?`,
		`_posts/2015-09-25-ownmailbox-charlatanisme-incompetence.md:43:26: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`_posts/2015-09-25-ownmailbox-charlatanisme-incompetence.md:139:49: "hebergement": unknown word, wrong or missing accent; did you mean "hébergement"?`,
		`_posts/2015-09-25-ownmailbox-charlatanisme-incompetence.md:144:109: "complétement": wrong or missing accent; did you mean "complètement"?`,
		`_posts/2015-09-25-ownmailbox-charlatanisme-incompetence.md:158:151: "sécurite": wrong or missing accent; did you mean "sécurité"?`,
		`_posts/2015-09-27-ownmailbox-reponse.md:16:21: "génant": unknown word, wrong or missing accent; did you mean "gênant"?`,
		`_posts/2015-09-27-ownmailbox-reponse.md:37:101: "empècherait": unknown word, wrong or missing accent; did you mean "empêcherait"?`,
		`_posts/2015-09-27-ownmailbox-reponse.md:52:9: "génant": unknown word, wrong or missing accent; did you mean "gênant"?`,
		`_posts/2015-10-27-stockage-mot-passe.md:27:193: "si il": common grammar mistake; did you mean "s'il"?`,
		`_posts/2015-10-27-stockage-mot-passe.md:29:415: "parmis": common misspelling; did you mean "parmi"?`,
		`_posts/2015-10-27-stockage-mot-passe.md:74:1: "En terme de": wrong fixed expression; did you mean "En termes de"?`,
		`_posts/2015-11-25-password-otp.md:102:232: "intéropérables": unknown word, wrong or missing accent; did you mean "interopérables"?`,
		`_posts/2015-12-12-letsencrypt-joie-deception.md:30:140: "béta": unknown word, wrong or missing accent; did you mean "bêta"?`,
		`_posts/2015-12-12-letsencrypt-joie-deception.md:97:236: "palier à": wrong fixed expression; did you mean "pallier"?`,
		`_posts/2016-03-02-vncfail.md:78:30: "embétant": unknown word, wrong or missing accent; did you mean "embêtant"?`,
		`_posts/2016-03-02-vncfail.md:182:58: "dégat": unknown word, wrong or missing accent; did you mean "dégât"?`,
		`_posts/2016-03-12-chiffrement-vernam.md:84:551: "empécher": unknown word, wrong or missing accent; did you mean "empêcher"?`,
		`_posts/2016-05-12-projet-torbox.md:73:173: "resources": English spelling of a French word; did you mean "ressources"?`,
		`_posts/2016-05-12-projet-torbox.md:92:192: "occurence": doubled or missing consonant; did you mean "occurrence"?`,
		`_posts/2016-07-21-no-more-ssii.md:35:19: "empècher": unknown word, wrong or missing accent; did you mean "empêcher"?`,
		`_posts/2016-10-09-docker-container-hell.md:62:131: "regénération": unknown word, wrong or missing accent; did you mean "régénération"?`,
		`_posts/2017-02-21-logiciel-libre-gouvernance-ethique.md:120:33: "intéropérabilité": unknown word, wrong or missing accent; did you mean "interopérabilité"?`,
		`_posts/2017-02-21-logiciel-libre-gouvernance-ethique.md:120:116: "intéropérabilité": unknown word, wrong or missing accent; did you mean "interopérabilité"?`,
		`_posts/2017-02-21-logiciel-libre-gouvernance-ethique.md:120:647: "intéropérable": unknown word, wrong or missing accent; did you mean "interopérable"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:24:32: "raclûre": unknown word, wrong or missing accent; did you mean "raclure"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:36:9: "râclure": unknown word, wrong or missing accent; did you mean "raclure"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:40:9: "râclure": unknown word, wrong or missing accent; did you mean "raclure"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:40:286: "traîter": unknown word, wrong or missing accent; did you mean "traiter"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:41:9: "râclure": unknown word, wrong or missing accent; did you mean "raclure"?`,
		`_posts/2017-05-26-bienveillant-safe-mon-cul.md:62:68: "paraîs": unknown word, wrong or missing accent; did you mean "parais"?`,
		`_posts/2017-07-21-iot-chaton-autohebergement.md:97:206: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`_posts/2017-10-25-tor-decline.md:22:106: "génant": unknown word, wrong or missing accent; did you mean "gênant"?`,
		`_posts/2017-10-25-tor-decline.md:72:58: "recommendé": doubled or missing consonant; did you mean "recommandé"?`,
	},
	"zibok": {
		`content/tech/2023-04-20-KubeCon-CloudNativeCon-2023-jour-2/index.md:26:45: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`content/tech/2023-04-20-KubeCon-CloudNativeCon-2023-jour-2/index.md:26:134: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`content/tech/2023-04-20-KubeCon-CloudNativeCon-2023-jour-2/index.md:30:272: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`content/tech/2023-04-20-KubeCon-CloudNativeCon-2023-jour-2/index.md:66:195: "quelque soit": wrong fixed expression; did you mean "quel que soit" or "quelle que soit"?`,
		`content/tech/2024-02-04-fosdem-2024-Jour-2/index.md:52:58: "environements": doubled or missing consonant; did you mean "environnements"?`,
		`content/tech/2024-02-04-fosdem-2024-Jour-2/index.md:54:215: "dejà": wrong or missing accent; did you mean "déjà"?`,
		`content/tech/2024-10-13-revealjs/index.md:9:16: "agit": after an auxiliary the past participle is needed; did you mean "agi" or "agie"?`,
		`content/tech/2025-02-01-fosdem-2025-jour-1/index.md:14:187: "intéret": wrong or missing accent; did you mean "intérêt"?`,
		`content/tech/2025-02-01-fosdem-2025-jour-1/index.md:51:26: "en terme de": wrong fixed expression; did you mean "en termes de"?`,
		`content/tech/2025-02-01-fosdem-2025-jour-1/index.md:86:164: "developpeurs": doubled or missing consonant; did you mean "développeurs"?`,
	},
	"sauml": {
		`content/post/2015-12-16_theme_tests.md:3:18: "theme": English spelling of a French word; did you mean "thème"?`,
	},
	"hugo-theme-learn": {
		`content/cont/archetypes.fr.md:18:6: "crééra": unknown word, wrong or missing accent; did you mean "créera"?`,
		`content/cont/archetypes.fr.md:47:6: "crééra": unknown word, wrong or missing accent; did you mean "créera"?`,
		`content/credits.fr.md:15:46: "géneration": unknown word, wrong or missing accent; did you mean "génération"?`,
		`content/shortcodes/children/_index.fr.md:6:86: "déscendants": unknown word, wrong or missing accent; did you mean "descendants"?`,
		`content/shortcodes/expand.fr.md:22:45: "optionel": doubled or missing consonant; did you mean "optionnel"?`,
		`content/shortcodes/expand.fr.md:22:88: "icone": missing or wrong accent; did you mean "icône"?`,
	},
}
