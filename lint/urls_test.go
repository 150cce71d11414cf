package lint

import "testing"

func TestExpandURLAndSitePath(t *testing.T) {
	s := loadTestSite(t, SiteJekyll, map[string]string{
		"_config.yml": "baseurl: /blog\nurl: https://example.org\n",
		"_posts/2020-01-01-a.md": "---\nassets: /assets/a\nnested:\n  img: /n.png\n---\n" +
			"{% capture dir %}{{ page.assets | relative_url }}{% endcapture %}{% assign pic = 'p.png' %}" +
			"{% assign twice = 'a' %}{% assign twice = 'b' %}{% assign unknown = site.data.x %}\n",
	})
	abs := s.Root + "/_posts/2020-01-01-a.md"
	src := []byte("---\nassets: /assets/a\nnested:\n  img: /n.png\n---\n" +
		"{% capture dir %}{{ page.assets | relative_url }}{% endcapture %}{% assign pic = 'p.png' %}" +
		"{% assign twice = 'a' %}{% assign twice = 'b' %}{% assign unknown = site.data.x %}\n")
	d := ParseFile(s, abs, "a.md", src, "", DefaultConfig())
	vars := d.LiquidVars(s)
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"/x.png", "/x.png", true},
		{"{{ site.baseurl }}/x.png", "/blog/x.png", true},
		{"{{site.url}}{{site.baseurl}}/x.png", "https://example.org/blog/x.png", true},
		{`{{ "/x.png" | relative_url }}`, "/blog/x.png", true},
		{`{{ 'x.png' | absolute_url }}`, "https://example.org/blog/x.png", true},
		{`{{ '/x.png' | prepend: site.baseurl }}`, "/blog/x.png", true},
		{`{{ "/x" | append: ".png" }}`, "/x.png", true},
		{"{% link assets/x.png %}", "/blog/assets/x.png", true},
		{"{% link {{ page.assets }}/x.png %}", "/blog/assets/a/x.png", true},
		{"{{ page.nested.img }}", "/n.png", true},
		{"{{ dir }}/x.png", "/blog/assets/a/x.png", true},
		{"{{ pic }}", "p.png", true},
		{"{{ twice }}", "", false},
		{"{{ unknown }}", "", false},
		{"{{ page.missing }}/x.png", "", false},
		{"{{ x | upcase }}", "", false},
		{"{% post_url 2020-01-01-a %}", "", false},
		{"{{ unterminated", "", false},
	}
	for _, tt := range tests {
		got, ok := s.ExpandURL(d, tt.raw, vars)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ExpandURL(%q) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
	paths := []struct {
		u, p string
		abs  bool
		kind URLKind
	}{
		{"https://example.org/blog/a/b.png?x=1#f", "/a/b.png", true, URLLocal},
		{"https://example.org/other.png", "", false, URLRemote},
		{"https://cdn.example.com/a.png", "", false, URLRemote},
		{"//cdn.example.com/a.png", "", false, URLRemote},
		{"data:image/png;base64,xx", "", false, URLRemote},
		{"mailto:a@b.c", "", false, URLRemote},
		{"#top", "", false, URLFragment},
		{"/blog/img/a%20b.png", "/img/a b.png", true, URLLocal},
		{"/img/a.png", "/img/a.png", true, URLLocal},
		{"img/a.png", "img/a.png", false, URLLocal},
		{"./img/a:b.png", "./img/a:b.png", false, URLLocal},
	}
	for _, tt := range paths {
		p, abs, kind := s.SitePath(tt.u)
		if p != tt.p || abs != tt.abs || kind != tt.kind {
			t.Errorf("SitePath(%q) = %q, %v, %v; want %q, %v, %v", tt.u, p, abs, kind, tt.p, tt.abs, tt.kind)
		}
	}
}
