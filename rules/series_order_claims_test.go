package rules

import "testing"

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
