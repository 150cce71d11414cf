package lint

import (
	"errors"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig(".postlint.yml", []byte(`
site: jekyll
lang: fr-FR
ignore: ["_site/**", "drafts/"]
words: [Kubernetes, KubeCon]
rules:
  post-url: error
  trailing-space-break: {severity: info, style: spaces}
  heading-increment: off
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Site != "jekyll" || cfg.Lang != "fr" || len(cfg.Ignore) != 2 || len(cfg.Words) != 2 {
		t.Errorf("cfg = %+v", cfg)
	}
	if rc := cfg.Rules["trailing-space-break"]; rc.Severity != SeverityInfo || !rc.SeveritySet || rc.Options == nil {
		t.Errorf("trailing-space-break = %+v", rc)
	}
	if rc := cfg.Rules["heading-increment"]; rc.Severity != SeverityOff || !rc.SeveritySet {
		t.Errorf("heading-increment = %+v", rc)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		src  string
		want string // substring of the error: file:line: key: message
	}{
		{"sit: jekyll\n", ".postlint.yml:1: sit: unknown key"},
		{"site: gatsby\n", `.postlint.yml:1: site: must be auto, jekyll, hugo or plain, not "gatsby"`},
		{"rules:\n  post-url: fatal\n", `.postlint.yml:2: rules.post-url: unknown severity "fatal"`},
		{"rules:\n  post-url: {severity: loud}\n", `.postlint.yml:2: rules.post-url.severity: unknown severity "loud"`},
		{"ignore: notalist\n", ".postlint.yml:1: ignore: must be a list of strings"},
		{"ignore: ['[']\n", `.postlint.yml:1: ignore: "[" is not a valid glob`},
		{"rules: [a]\n", ".postlint.yml:1: rules: must map rule names"},
		{"site: [\n", ".postlint.yml:1: "},
	}
	for _, tt := range tests {
		_, err := ParseConfig(".postlint.yml", []byte(tt.src))
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want it to contain %q", tt.src, err, tt.want)
		}
	}
}

type testOptions struct {
	Style string `yaml:"style"`
	Max   int    `yaml:"max"`
}

func (o *testOptions) Validate() error {
	if o.Style != "a" && o.Style != "b" {
		return errors.New(`style must be "a" or "b"`)
	}
	return nil
}

func TestRuleOptions(t *testing.T) {
	rule := &Rule{Name: "demo", DefaultSeverity: SeverityWarning, NewOptions: func() any { return &testOptions{Style: "a", Max: 3} }}
	plain := &Rule{Name: "plain", DefaultSeverity: SeverityError}
	cases := []struct {
		src     string
		wantErr string
	}{
		{"rules:\n  demo: {style: b, max: 5}\n", ""},
		{"rules:\n  demo:\n    tsyle: b\n", ".postlint.yml:3: rules.demo.tsyle: unknown option of demo (known: severity, style, max)"},
		{"rules:\n  demo:\n    max: lots\n", ".postlint.yml:3: rules.demo:"},
		{"rules:\n  demo: {style: c}\n", `rules.demo: style must be "a" or "b"`},
		{"rules:\n  plain: {depth: 2}\n", ".postlint.yml:2: rules.plain.depth: plain has no options besides severity"},
		{"rules:\n  nope: error\n", ".postlint.yml:2: rules.nope: unknown rule"},
		{"rules:\n  dmeo: error\n", "did you mean demo?"},
	}
	for _, c := range cases {
		cfg, err := ParseConfig(".postlint.yml", []byte(c.src))
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		enabled, err := SelectRules([]*Rule{rule, plain}, cfg, nil, nil)
		if c.wantErr == "" {
			if err != nil {
				t.Errorf("%q: %v", c.src, err)
				continue
			}
			if o := enabled[0].Options.(*testOptions); o.Style != "b" || o.Max != 5 {
				t.Errorf("options %+v", o)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%q: error %v, want %q", c.src, err, c.wantErr)
		}
	}
}

func TestSelectRulesFlags(t *testing.T) {
	a := &Rule{Name: "a", DefaultSeverity: SeverityError}
	b := &Rule{Name: "b", DefaultSeverity: SeverityWarning}
	cfg, _ := ParseConfig("c.yml", []byte("rules:\n  b: off\n"))
	got, err := SelectRules([]*Rule{a, b}, cfg, []string{"b"}, []string{"a"})
	if err != nil || len(got) != 1 || got[0].Name != "b" || got[0].Severity != SeverityWarning {
		t.Errorf("got %+v, %v", got, err)
	}
	if _, err := SelectRules([]*Rule{a, b}, cfg, []string{"c"}, nil); err == nil || !strings.Contains(err.Error(), `unknown rule "c"`) {
		t.Errorf("unknown flag rule: %v", err)
	}
}
