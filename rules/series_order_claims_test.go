package rules

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/postlint/postlint/lint/linttest"
)

// TestSeriesOrderClaims pins which phrases count as a claim about this
// post's place in its series, and which do not.
func TestSeriesOrderClaims(t *testing.T) {
	prose := []struct {
		text string
		want string // the claimed text, "" for none
		n    int
	}{
		{"Cet article est le deuxième d'une série sur la KubeCon", "deuxième", 2},
		{"Ce billet est le\nseptième de la série.", "septième", 7},
		{"Cet article est la 3e partie de mon retour.", "3e", 3},
		{"C'est le 1er volet de la série.", "1er", 1},
		{"Voici le quatrième épisode.", "quatrième", 4},
		{"Dans ce dixième billet, on conclut.", "dixième", 10},
		{"Deuxième billet d'une série sur Go.", "Deuxième", 2},
		{"Cet article est le 2ème d'une série.", "2ème", 2},
		{"This is the second post in a series about Go.", "second", 2},
		{"This post is the 3rd installment.", "3rd", 3},
		{"Welcome to the fifth part of my series.", "fifth", 5},
		{"This is part 2 of 3.", "part 2 of 3", 2},
		{"Part two of three: modules.", "Part two of three", 2},
		{"In this tenth post, we wrap up.", "tenth", 10},
		{"Cet article est le dernier de la série.", "dernier", 1},
		{"This is the last post in the series.", "last", 1},
		{"Ce dernier article montre que tout va bien.", "", 0},
		{"The last post in the series was about state.", "", 0},

		{"Le premier jour commence par les keynotes.", "", 0},
		{"Nous verrons la deuxième partie de la conférence.", "", 0},
		{"Dans un second temps, nous verrons.", "", 0},
		{"C'est la première fois que j'y vais.", "", 0},
		{"Le troisième article de la série parlera de sécurité.", "", 0},
		{"Ce billet fait suite au premier article de la série.", "", 0},
		{"Dans cette seconde partie, nous installons.", "", 0},
		{"Ce second jour de conférence a été chargé.", "", 0},
		{"C'était la première d'une série de conférences.", "", 0},
		{"In the second part of the talk, the speaker showed modules.", "", 0},
		{"First, we install it. The first thing to do is to read the docs.", "", 0},
		{"Watch part 1 of 2 of the keynote video.", "", 0},
		{"In this second part we look at state.", "", 0},
	}
	for _, c := range prose {
		got := findClaims(c.text, proseClaims)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: unexpected claim %q", c.text, got[0].text)
		case c.want != "" && len(got) != 1:
			t.Errorf("%q: got %d claims, want 1 (%q)", c.text, len(got), c.want)
		case c.want != "" && (got[0].text != c.want || got[0].n != c.n):
			t.Errorf("%q: got %q (%d), want %q (%d)", c.text, got[0].text, got[0].n, c.want, c.n)
		}
	}

	titles := []struct {
		title string
		want  string
		kind  claimKind
		n     int
	}{
		{"KubeCon Europe 2023 - Jour 3", "Jour 3", claimDay, 3},
		{"Manuel du parfait petit crypto-anarchiste (2/3)", "(2/3)", claimPart, 2},
		{"Migrer de CommonJS vers ECMAScript Modules #1", "#1", claimPart, 1},
		{"Hugo Partie 2: Installer", "Partie 2", claimPart, 2},
		{"Terraform, part II", "part II", claimPart, 2},
		{"Deuxième partie : les modules", "Deuxième", claimPart, 2},
		{"Summit - Day 2", "Day 2", claimDay, 2},
		{"Kubernetes 1.28 et C# 10", "", 0, 0},
		{"Notes 2023/04", "", 0, 0},
		{"Le 24/7 des SRE", "", 0, 0},
	}
	for _, c := range titles {
		got := findClaims(c.title, titleClaims)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("title %q: unexpected claim %q", c.title, got[0].text)
		case c.want != "" && len(got) == 0:
			t.Errorf("title %q: no claim, want %q", c.title, c.want)
		case c.want != "" && (got[0].text != c.want || got[0].kind != c.kind || got[0].n != c.n):
			t.Errorf("title %q: got %q kind %d n %d, want %q kind %d n %d", c.title, got[0].text, got[0].kind, got[0].n, c.want, c.kind, c.n)
		}
	}
}

// ungated returns patterns without their needed words.
func ungated(patterns []claimPattern) []claimPattern {
	out := append([]claimPattern(nil), patterns...)
	for i := range out {
		out[i].needs = nil
	}
	return out
}

// checkClaimGates compares the claims found in text with and without the
// needed words, and returns how many there are.
func checkClaimGates(t *testing.T, text string, all []claimPattern) int {
	t.Helper()
	got, want := findClaims(text, proseClaims), findClaims(text, all)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q: claims %+v, without the word tests %+v", text, got, want)
	}
	return len(want)
}

// TestClaimGatesRandom checks the needed words of proseClaims: on random
// variants of claims (words replaced by others of the expressions'
// vocabulary, dropped, repeated, in another case), testing for the words
// never changes the claims found.
func TestClaimGatesRandom(t *testing.T) {
	seeds := []string{
		"Cet article est le deuxième d'une série sur Go", "Ce billet est la 3e partie", "C'est le 1er volet de la série",
		"Voici le quatrième épisode", "Deuxième billet d'une série", "Dans ce dixième billet", "This is the second post in a series",
		"This post is the 3rd installment", "Welcome to the fifth part of my series", "This is part 2 of 3", "Part two of three: x",
		"In this tenth post", "Cet article est le dernier de la série", "C'est le dernier volet de la saga", "This is the last post in the series",
		"Il s'agit du second article de cette trilogie", "Voilà le 2e opus", "third entry of a Go series", "(Partie 2 sur 3)",
		"Partie 1/3 : x", "Épisode 3 sur 5", "Volet deux sur trois", "part 12of 13", "à part ça, une partie de la suite",
	}
	vocab := strings.Fields(`cet ce cette article billet post texte chapitre épisode episode volet opus est constitu` + `e sera représente
		donc ici maintenant le la l' l’ un une d'une d’une de du ma notre mon série serie suite saga trilogie feuilleton
		c'est c’est voici voilà voila il s'agit bienvenue dans premier première 1er 2e deuxième second seconde 3e troisième 2ème 10e
		dernier dernière derniere partie tome this is the welcome to in of a my our series entry installment instalment part chapter
		first second third 2nd 3rd tenth last final one two three 2 3 12 / sur . : ( [`)
	seps := []string{" ", " ", " ", "\n", "  ", "-"}
	all := ungated(proseClaims)
	rng := rand.New(rand.NewPCG(1, 2))
	claims := 0
	for range 20000 {
		words := strings.Fields(seeds[rng.IntN(len(seeds))])
		for range 1 + rng.IntN(3) {
			i := rng.IntN(len(words))
			switch rng.IntN(5) {
			case 0, 1:
				words[i] = vocab[rng.IntN(len(vocab))]
			case 2:
				words = append(words[:i], words[i+1:]...)
			case 3:
				words = append(words[:i+1], words[i:]...)
			default:
				words[i] = strings.ToUpper(words[i])
			}
			if len(words) == 0 {
				words = []string{"x"}
			}
		}
		var b strings.Builder
		for _, w := range words {
			b.WriteString(w)
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		claims += checkClaimGates(t, b.String(), all)
	}
	if claims < 1000 {
		t.Errorf("only %d claims in 20000 variants: the test tests little", claims)
	}
}

// TestClaimGatesCorpora checks the needed words on every paragraph of the
// real blogs that have series.
func TestClaimGatesCorpora(t *testing.T) {
	all := ungated(proseClaims)
	for _, corpus := range []string{"ludovicalarcon", "pix-engineering", "zibok"} {
		checkClaimGatesIn(t, filepath.Join(linttest.Corpora(t), corpus), all)
	}
}

func checkClaimGatesIn(t *testing.T, root string, all []claimPattern) {
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, para := range strings.Split(string(b), "\n\n") {
			checkClaimGates(t, para, all)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestClaimGateLetters checks that lowering a text keeps every letter the
// expressions match case-insensitively for a letter of a needed word, the
// long s aside (findClaims searches texts with one).
func TestClaimGateLetters(t *testing.T) {
	// The words hasOrdinal and mayNumberPart look for.
	finer := []string{"part", "ie", "volet", "pisode", "of", "sur", "e", "è", "i", "t"}
	for _, m := range []map[string]int{frOrdinals, enOrdinals, numberWords} {
		for w := range m {
			finer = append(finer, w)
		}
	}
	for _, p := range append(proseClaims, claimPattern{needs: [][]string{finer}}) {
		for _, g := range p.needs {
			for _, w := range g {
				for _, r := range w {
					for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
						if f != 'ſ' && unicode.ToLower(f) != r {
							t.Errorf("%q: %q matches %q but lowers to %q", w, f, r, unicode.ToLower(f))
						}
					}
				}
			}
		}
	}
}
