package lint

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func fixAt(start, end int, text string) Finding {
	return Finding{Fix: &Fix{Edits: []Edit{{Start: start, End: end, NewText: text}}}}
}

func TestApplyFixes(t *testing.T) {
	src := []byte("\xef\xbb\xbfab  \r\ncd \r\nef")
	tests := []struct {
		name             string
		findings         []Finding
		want             string
		applied, skipped []int
	}{
		{"none", nil, string(src), nil, nil},
		{"no fix", []Finding{{Message: "x"}}, string(src), nil, nil},
		{
			"two edits, out of order, CRLF and BOM kept",
			[]Finding{fixAt(11, 12, ""), fixAt(5, 7, `\`)},
			"\xef\xbb\xbfab\\\r\ncd\r\nef", []int{0, 1}, nil,
		},
		{
			"overlap: the earlier one wins",
			[]Finding{fixAt(6, 7, "X"), fixAt(5, 7, "Y")},
			"\xef\xbb\xbfabY\r\ncd \r\nef", []int{1}, []int{0},
		},
		{
			"identical fixes count once, both applied",
			[]Finding{fixAt(5, 7, "Y"), fixAt(5, 7, "Y")},
			"\xef\xbb\xbfabY\r\ncd \r\nef", []int{0, 1}, nil,
		},
		{
			"two insertions at one place clash",
			[]Finding{fixAt(3, 3, "1"), fixAt(3, 3, "2")},
			"\xef\xbb\xbf1ab  \r\ncd \r\nef", []int{0}, []int{1},
		},
		{
			"edits that meet do not clash",
			[]Finding{fixAt(3, 5, "AB"), fixAt(5, 7, "__")},
			"\xef\xbb\xbfAB__\r\ncd \r\nef", []int{0, 1}, nil,
		},
		{
			"out of range is skipped",
			[]Finding{fixAt(10, 99, ""), fixAt(-1, 2, "")},
			string(src), nil, []int{0, 1},
		},
		{
			"a fix is applied whole or not at all",
			[]Finding{
				{Fix: &Fix{Edits: []Edit{{Start: 3, End: 4, NewText: "A"}, {Start: 11, End: 12, NewText: ""}}}},
				fixAt(11, 12, "Z"),
			},
			"\xef\xbb\xbfAb  \r\ncd\r\nef", []int{0}, []int{1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped := ApplyFixes(src, tt.findings)
			if string(out) != tt.want {
				t.Errorf("out = %q, want %q", out, tt.want)
			}
			if !reflect.DeepEqual(applied, tt.applied) || !reflect.DeepEqual(skipped, tt.skipped) {
				t.Errorf("applied %v skipped %v, want %v %v", applied, skipped, tt.applied, tt.skipped)
			}
		})
	}
}

func TestFixRefusal(t *testing.T) {
	if err := FixRefusal([]byte("---\ntitle: x\n---\nok\n")); err != nil {
		t.Errorf("good file refused: %v", err)
	}
	if err := FixRefusal([]byte("---\ntitle: [x\n---\nok\n")); err == nil {
		t.Error("broken front matter accepted")
	}
	if err := FixRefusal([]byte("caf\xe9\n")); err == nil {
		t.Error("Latin-1 accepted")
	}
	if err := CheckFixed([]byte("---\na: b\n---\n"), []byte("---\na: [b\n---\n")); err == nil {
		t.Error("a fix that breaks the front matter accepted")
	}
	if err := CheckFixed([]byte("\xef\xbb\xbfx"), []byte("x")); err == nil {
		t.Error("a fix that drops the BOM accepted")
	}
}

var diffCases = []struct{ name, a, b string }{
	{"one line", "a\nb\nc\n", "a\nB\nc\n"},
	{"far apart", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n", "1x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15x\n"},
	{"near", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2x\n3\n4\n5\n6x\n7\n8\n"},
	{"crlf", "a  \r\nb \r\n\r\nc\r\n", "a\\\r\nb\r\n\r\nc\r\n"},
	{"no final newline", "a\nb  ", "a\nb"},
	{"add final newline", "a\nb", "a\nb\n"},
	{"delete lines", "a\n  \nb\n", "a\nb\n"},
	{"insert lines", "a\nb\n", "a\nx\ny\nb\n"},
	{"from empty", "", "a\n"},
	{"to empty", "a\nb\n", ""},
	{"bom", "\xef\xbb\xbf---\nt: x\n---\nA  \nB\n", "\xef\xbb\xbf---\nt: x\n---\nA\\\\\nB\n"},
}

func TestUnifiedDiffText(t *testing.T) {
	got := string(UnifiedDiff("p.md", []byte("a\nb\nc\nd\ne\nf\ng\nh\n"), []byte("a\nb\nc\nD\ne\nf\ng\nh\n")))
	want := "--- p.md\n+++ p.md\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d := UnifiedDiff("p.md", []byte("x"), []byte("x")); d != nil {
		t.Errorf("equal files give %q", d)
	}
	got = string(UnifiedDiff("p.md", []byte("a\nb  "), []byte("a\nb")))
	want = "--- p.md\n+++ p.md\n@@ -1,2 +1,2 @@\n a\n-b  \n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestUnifiedDiffApplies feeds each diff to patch -p0 and git apply -p0, when
// they are installed, and checks that they produce the new text.
func TestUnifiedDiffApplies(t *testing.T) {
	tools := map[string][]string{
		"patch": {"patch", "-p0", "--quiet", "--input"},
		"git":   {"git", "apply", "-p0", "--unsafe-paths"},
	}
	for name, argv := range tools {
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s not installed: skipped", name)
			continue
		}
		for _, c := range diffCases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(c.a), 0o644); err != nil {
					t.Fatal(err)
				}
				d := UnifiedDiff("p.md", []byte(c.a), []byte(c.b))
				pf := filepath.Join(dir, "fix.patch")
				if err := os.WriteFile(pf, d, 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(argv[0], append(argv[1:], pf)...)
				cmd.Dir = dir
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s\npatch:\n%s", strings.Join(argv, " "), err, out, d)
				}
				got, err := os.ReadFile(filepath.Join(dir, "p.md"))
				if err != nil {
					if c.b == "" && os.IsNotExist(err) {
						return // patch removes a file that becomes empty
					}
					t.Fatal(err)
				}
				if !bytes.Equal(got, []byte(c.b)) {
					t.Errorf("patched to %q, want %q\npatch:\n%s", got, c.b, d)
				}
			})
		}
	}
}
