package lint

import (
	"testing"
)

func TestResolveConfines(t *testing.T) {
	s := &Site{Root: "/site"}
	tests := []struct {
		base, p, want string
		ok            bool
	}{
		{"_posts", "img/a.png", "_posts/img/a.png", true},
		{"_posts", "../assets/a.png", "assets/a.png", true},
		{"_posts", "/assets/a.png", "assets/a.png", true},
		{"_posts", "../../etc/passwd", "", false},
		{"", "/../../etc/passwd", "", false},
		{"a/b", "./c/../d", "a/b/d", true},
	}
	for _, tt := range tests {
		got, ok := s.Resolve(tt.base, tt.p)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%q, %q) = %q %v, want %q %v", tt.base, tt.p, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParsePostName(t *testing.T) {
	d, slug, ok := ParsePostName("2023-04-20-KubeCon-J1")
	if !ok || slug != "KubeCon-J1" || d.Format("2006-01-02") != "2023-04-20" {
		t.Errorf("got %v %q %v", d, slug, ok)
	}
	if _, _, ok := ParsePostName("2023-13-40-x"); ok {
		t.Error("invalid date accepted")
	}
	if _, _, ok := ParsePostName("about"); ok {
		t.Error("name without date accepted")
	}
}
