package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
)

// siteRulesCorpusWant lists every finding of front-matter, liquid-syntax and
// internal-link on the shared corpora: each is a real defect of the site
// (see the rules' commit messages and the report of issue 9).
var siteRulesCorpusWant = map[string][]string{
	"aeris-blog": {
		"aeris-blog/_posts/2013-09-01-manuel-du-parfait-petit-crypto-anarchiste-1.md:76:71: internal-link: `5.135.187.37` matches no file or page of the site; it looks like a host name: did you mean https://5.135.187.37?",
		"aeris-blog/_posts/2013-09-01-manuel-du-parfait-petit-crypto-anarchiste-1.md:102:68: internal-link: `(http://www.ladepeche.fr/article/2013/06/24/1657105-facebook-panne-provoque-fuite-6-millions-donnees-personnelles.html)` matches no file or page of the site; it looks like a URL inside extra brackets: did you mean http://www.ladepeche.fr/article/2013/06/24/1657105-facebook-panne-provoque-fuite-6-millions-donnees-personnelles.html?",
		"aeris-blog/_posts/2015-09-27-ownmailbox-reponse.md:5:23: internal-link: `own-mailbox-charlatanisme-ou-incompetence.html` matches no file or page of the site (looked for _posts/own-mailbox-charlatanisme-ou-incompetence.html and /2015/09/27/own-mailbox-charlatanisme-ou-incompetence.html); did you mean /2015/09/25/ownmailbox-charlatanisme-incompetence.html?",
	},
	"hugo-theme-learn": nil,
	"jekyll-docs": {
		"jekyll-docs/_docs/maintaining/releasing-off-stable-branches.md:16:73: internal-link: `docs/maintaining/releasing-a-new-version/` matches no file or page of the site (looked for _docs/maintaining/docs/maintaining/releasing-a-new-version and /docs/maintaining/releasing-off-stable-branches/docs/maintaining/releasing-a-new-version/); did you mean the root-relative /docs/maintaining/releasing-a-new-version/?",
		"jekyll-docs/_docs/maintaining/releasing-off-stable-branches.md:25:57: internal-link: `docs/maintaining/releasing-a-new-version/` matches no file or page of the site (looked for _docs/maintaining/docs/maintaining/releasing-a-new-version and /docs/maintaining/releasing-off-stable-branches/docs/maintaining/releasing-a-new-version/); did you mean the root-relative /docs/maintaining/releasing-a-new-version/?",
		"jekyll-docs/_docs/security.md:22:96: internal-link: `docs/pages/team.md` matches no file or page of the site (looked for _docs/docs/pages/team.md and /docs/security/docs/pages/team.md)",
		"jekyll-docs/_posts/2013-05-06-jekyll-1-0-0-released.markdown:3:7: front-matter: date is 2013-05-05 in the site's timezone America/Los_Angeles but the file name says 2013-05-06: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2014-11-06-jekylls-midlife-crisis-jekyll-turns-2-5-0.markdown:3:7: front-matter: date is 2014-11-05 but the file name says 2014-11-06: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2014-11-08-jekyll-2-5-1-released.markdown:3:7: front-matter: date is 2014-11-09 but the file name says 2014-11-08: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2017-06-14-jekyll-3-5-0-released.markdown:3:7: front-matter: date is 2017-06-15 but the file name says 2017-06-14: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2018-02-25-jekyll-3-7-3-released.markdown:3:7: front-matter: date is 2018-02-24 in the site's timezone America/Los_Angeles but the file name says 2018-02-25: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2018-03-14-development-update.md:3:7: front-matter: date is 2018-04-19 but the file name says 2018-03-14: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2018-03-15-jekyll-3-8-0-released.markdown:3:7: front-matter: date is 2018-04-19 but the file name says 2018-03-15: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2018-05-18-jekyll-3-8-2-released.markdown:3:7: front-matter: date is 2018-05-19 but the file name says 2018-05-18: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2018-06-04-jekyll-3-8-3-released.markdown:3:7: front-matter: date is 2018-06-05 but the file name says 2018-06-04: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"jekyll-docs/_posts/2019-08-19-jekyll-4-0-0-released.markdown:3:7: front-matter: date is 2019-08-20 but the file name says 2019-08-19: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
	},
	"ludovicalarcon": nil,
	"pix-engineering": {
		"pix-engineering/_posts/2020-02-14-les-3-principes-de-securite-technique-chez-pix.md:4:9: front-matter: date is 2020-04-13 but the file name says 2020-02-14: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"pix-engineering/_posts/2020-02-14-les-3-principes-de-securite-technique-chez-pix.md:7:1: front-matter: `cover` is empty here but a mapping in 14 other posts, and `image`, `source_title`, `source_url` are top-level keys here: indent them under `cover`",
		"pix-engineering/_posts/2020-12-23-legacy-code.md:4:7: front-matter: date is 2021-05-07 but the file name says 2020-12-23: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"pix-engineering/_posts/2021-04-01-poisson-avril-serieux.md:4:9: front-matter: date is 2021-05-11 but the file name says 2021-04-01: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"pix-engineering/_posts/2021-08-31-modifier-clef-primaire-non-referencee-type-bigint.md:4:9: front-matter: date is 2021-09-03 but the file name says 2021-08-31: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"pix-engineering/_posts/2022-09-14-steampipe-dashboard.md:4:9: front-matter: date is 2022-09-20 but the file name says 2022-09-14: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
		"pix-engineering/_posts/2023-11-20-suivre-la-derive-de-nos-dependances.md:4:7: front-matter: date is 2023-11-27 but the file name says 2023-11-20: Jekyll uses the front matter date for the URL and the order of posts; make them agree",
	},
	"sauml":       nil,
	"travisdowns": nil,
	"zibok":       nil,
}

func TestSiteRulesCorpora(t *testing.T) {
	base := linttest.Corpora(t)
	// POSTLINT_CORPUS_DUMP=1 prints the findings as Go strings, to update
	// the list after a reviewed change.
	dump := os.Getenv("POSTLINT_CORPUS_DUMP") != ""
	for name, want := range siteRulesCorpusWant {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(base, name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus %s absent", name)
			}
			res := linttest.Check(t, dir, rules.FrontMatter, rules.LiquidSyntax, rules.InternalLink)
			var got []string
			for _, f := range res.Findings {
				got = append(got, fmt.Sprintf("%s/%s:%d:%d: %s: %s", name, f.Path, f.Start.Line, f.Start.Column, f.Rule, f.Message))
			}
			if dump {
				for _, g := range got {
					fmt.Printf("\t\t%q,\n", g)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings differ:\ngot  %d: %q\nwant %d: %q", len(got), got, len(want), want)
			}
		})
	}
}
