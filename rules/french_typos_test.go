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
	c.checkText(s, &textOffsets{offs: offs})
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
		{"Au jour d’aujourd’hui", []string{"Au jour d’aujourd’hui→Aujourd’hui"}},
		{"Au jour d'aujourd'hui", []string{"Au jour d'aujourd'hui→Aujourd'hui"}},
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

func corpusFindings(t *testing.T, name string, dictionary bool) []lint.Finding {
	t.Helper()
	// shared/ sits beside the repository (main) or beside the worktrees.
	dir := filepath.Join("..", "..", "shared", "corpora", name)
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Join("..", "..", "..", "shared", "corpora", name)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("corpus %s absent (%v)", name, err)
		}
	}
	cfg, err := lint.ParseConfig("test.yml", fmt.Appendf(nil, "rules:\n  french-typos:\n    dictionary: %v\n", dictionary))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{Paths: []string{dir}, Rules: []*lint.Rule{FrenchTypos}, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

// TestFrenchTyposCorpora compares the findings on the French corpora with
// testdata/french-eval/corpus-findings.txt, with and without the
// dictionary.
func TestFrenchTyposCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("corpora: skipped in -short mode")
	}
	hasDict := (&frenchDictLoader{}).get("", nil) != nil
	wants := readCorpusWants(t)
	for _, dictionary := range []bool{false, true} {
		if dictionary && !hasDict {
			t.Log("no French hunspell dictionary (apt-get install hunspell-fr): skipping the corpus findings with dictionary")
			continue
		}
		for _, name := range frenchCorpora {
			key := name
			if !dictionary {
				key += " (no dictionary)"
			}
			t.Run(key, func(t *testing.T) {
				fs := corpusFindings(t, name, dictionary)
				var lines []string
				for _, f := range fs {
					p := filepath.ToSlash(f.Path)
					if i := strings.Index(p, "corpora/"+name+"/"); i >= 0 {
						p = p[i+len("corpora/"+name+"/"):]
					}
					lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", p, f.Start.Line, f.Start.Column, f.Message))
				}
				t.Logf("%d findings:\n%s", len(fs), strings.Join(lines, "\n"))
				want, ok := wants[key]
				if !ok {
					t.Fatalf("no expected findings for %q in testdata/french-eval/corpus-findings.txt", key)
				}
				if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
					t.Errorf("findings differ; got:\n%s", got)
				}
			})
		}
	}
}

// readCorpusWants reads testdata/french-eval/corpus-findings.txt (kept out
// of Go sources: its French words upset English spelling linters).
func readCorpusWants(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "french-eval", "corpus-findings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wants := map[string][]string{}
	name := ""
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			name = strings.TrimPrefix(line, "## ")
			wants[name] = []string{}
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			wants[name] = append(wants[name], line)
		}
	}
	return wants
}

// TestFrenchTableWordFilters checks that the bit filters let every first
// word of the list and every English word through, and that the first
// rules out most other words.
func TestFrenchTableWordFilters(t *testing.T) {
	tab := frenchTable()
	for w := range tab.byFirst {
		if !tab.mayStartEntry(w) {
			t.Errorf("mayStartEntry(%q) = false, but an entry starts with it", w)
		}
	}
	for w := range tab.anyEnglish {
		if !tab.isEnglish(w) {
			t.Errorf("isEnglish(%q) = false", w)
		}
	}
	passed, words := 0, strings.Fields("nous avons vu le projet de la semaine avec une équipe qui travaille sur des outils pour mesurer les performances du serveur")
	for _, w := range words {
		if tab.mayStartEntry(w) {
			passed++
		}
	}
	if passed > len(words)/2 {
		t.Errorf("%d of %d words pass the filter, want at most half", passed, len(words))
	}
}
