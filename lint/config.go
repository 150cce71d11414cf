package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"
)

// ConfigFileNames are the names looked for when walking up from the
// working directory.
var ConfigFileNames = []string{".postlint.yml", ".postlint.yaml"}

// Config is a decoded .postlint.yml.
type Config struct {
	// Path is the file the config came from, "" for the defaults.
	Path string
	// Site forces the site kind: "auto" (default), "jekyll", "hugo" or "plain".
	Site string
	// Lang is the default document language, or "auto".
	Lang string
	// Ignore holds doublestar globs of files not to check, relative to the
	// config file's folder.
	Ignore []string
	// Words are the site's own vocabulary: spelling rules accept them.
	Words []string
	// Dictionaries are extra hunspell dictionaries (.dic paths or folders).
	Dictionaries []string
	// Rules holds per-rule settings by rule name.
	Rules map[string]RuleConfig
}

// RuleConfig is one entry of the `rules:` mapping.
type RuleConfig struct {
	Severity    Severity
	SeveritySet bool
	// Options is the mapping minus `severity`, decoded later into the
	// rule's option type; nil when the entry is a bare severity.
	Options *yaml.Node
	Line    int
}

// ConfigError is a problem in a config file, with the place it is about.
type ConfigError struct {
	Path string
	Line int
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// DefaultConfig returns the configuration used when no file is found.
func DefaultConfig() *Config {
	return &Config{Site: "auto", Lang: "auto", Rules: map[string]RuleConfig{}}
}

// FindConfig walks up from dir to the nearest config file; "" when none.
func FindConfig(dir string) string {
	dir, _ = filepath.Abs(dir)
	for {
		for _, name := range ConfigFileNames {
			if p := filepath.Join(dir, name); fileExists(p) {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads and strictly decodes a config file: an unknown key or a
// bad value is an error naming the file, the line and the key.
func LoadConfig(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, b)
}

// ParseConfig decodes config text; path is used in error messages.
func ParseConfig(path string, b []byte) (*Config, error) {
	cfg := DefaultConfig()
	cfg.Path = path
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, &ConfigError{Path: path, Line: yamlErrLine(err), Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cfg, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return cfg, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &ConfigError{Path: path, Line: root.Line, Msg: "the config must be a mapping of keys to values"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" { // "rules:" with every entry commented out
			if k.Value == "site" || k.Value == "lang" || k.Value == "ignore" || k.Value == "words" || k.Value == "dictionaries" || k.Value == "rules" {
				continue
			}
		}
		cerr := func(msg string, args ...any) error {
			return &ConfigError{Path: path, Line: v.Line, Key: k.Value, Msg: fmt.Sprintf(msg, args...)}
		}
		switch k.Value {
		case "site":
			if err := v.Decode(&cfg.Site); err != nil || !oneOf(cfg.Site, "auto", "jekyll", "hugo", "plain") {
				return nil, cerr("must be auto, jekyll, hugo or plain, not %q", v.Value)
			}
		case "lang":
			if err := v.Decode(&cfg.Lang); err != nil || v.Kind != yaml.ScalarNode || cfg.Lang == "" {
				return nil, cerr("must be auto or a language code such as fr or en")
			}
			if cfg.Lang != "auto" {
				cfg.Lang = NormalizeLang(cfg.Lang)
			}
		case "ignore", "words", "dictionaries":
			var list []string
			if err := v.Decode(&list); err != nil {
				return nil, cerr("must be a list of strings")
			}
			switch k.Value {
			case "ignore":
				for _, g := range list {
					if !doublestar.ValidatePattern(g) {
						return nil, cerr("%q is not a valid glob", g)
					}
				}
				cfg.Ignore = list
			case "words":
				cfg.Words = list
			default:
				cfg.Dictionaries = list
			}
		case "rules":
			if v.Kind != yaml.MappingNode {
				return nil, cerr("must map rule names to a severity or to a mapping of options")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				name, val := v.Content[j], v.Content[j+1]
				rc, err := parseRuleConfig(path, name.Value, val)
				if err != nil {
					return nil, err
				}
				cfg.Rules[name.Value] = rc
			}
		default:
			return nil, &ConfigError{Path: path, Line: k.Line, Key: k.Value, Msg: "unknown key (known: site, lang, ignore, words, dictionaries, rules)"}
		}
	}
	return cfg, nil
}

func parseRuleConfig(path, name string, val *yaml.Node) (RuleConfig, error) {
	rc := RuleConfig{Line: val.Line}
	key := "rules." + name
	switch val.Kind {
	case yaml.ScalarNode:
		sev, err := ParseSeverity(val.Value)
		if err != nil {
			return rc, &ConfigError{Path: path, Line: val.Line, Key: key, Msg: err.Error()}
		}
		rc.Severity, rc.SeveritySet = sev, true
	case yaml.MappingNode:
		opts := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: val.Line, Column: val.Column}
		for j := 0; j+1 < len(val.Content); j += 2 {
			k, v := val.Content[j], val.Content[j+1]
			if k.Value == "severity" {
				sev, err := ParseSeverity(v.Value)
				if err != nil {
					return rc, &ConfigError{Path: path, Line: v.Line, Key: key + ".severity", Msg: err.Error()}
				}
				rc.Severity, rc.SeveritySet = sev, true
				continue
			}
			opts.Content = append(opts.Content, k, v)
		}
		if len(opts.Content) > 0 {
			rc.Options = opts
		}
	default:
		return rc, &ConfigError{Path: path, Line: val.Line, Key: key, Msg: "must be a severity (off, info, warning, error) or a mapping"}
	}
	return rc, nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

func yamlErrLine(err error) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// DecodeOptions decodes a rule's option mapping into dst (a pointer to a
// struct with yaml tags) strictly: a key the struct does not have is an
// error naming its line.
func DecodeOptions(path, rule string, node *yaml.Node, dst any) error {
	if node == nil {
		return nil
	}
	known := map[string]bool{}
	t := reflect.TypeOf(dst)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var names []string
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			known[tag] = true
			names = append(names, tag)
		}
	}
	for j := 0; j+1 < len(node.Content); j += 2 {
		k := node.Content[j]
		if !known[k.Value] {
			msg := fmt.Sprintf("unknown option of %s", rule)
			if len(names) > 0 {
				msg += " (known: severity, " + strings.Join(names, ", ") + ")"
			} else {
				msg += " (it has none besides severity)"
			}
			return &ConfigError{Path: path, Line: k.Line, Key: "rules." + rule + "." + k.Value, Msg: msg}
		}
	}
	if err := node.Decode(dst); err != nil {
		var te *yaml.TypeError
		line := node.Line
		msg := err.Error()
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
			if m := yamlTypeErrLineRE.FindStringSubmatch(msg); m != nil {
				if n, err := strconv.Atoi(m[1]); err == nil {
					line = n
				}
			}
		}
		return &ConfigError{Path: path, Line: line, Key: "rules." + rule, Msg: msg}
	}
	if v, ok := dst.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return &ConfigError{Path: path, Line: node.Line, Key: "rules." + rule, Msg: err.Error()}
		}
	}
	return nil
}

// Ignored reports whether an absolute file path matches an ignore glob.
func (c *Config) Ignored(abs string) bool {
	if len(c.Ignore) == 0 {
		return false
	}
	base := "."
	if c.Path != "" {
		base = filepath.Dir(c.Path)
	}
	base, _ = filepath.Abs(base)
	rel, err := filepath.Rel(base, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Ignore {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		// "vendor/**" should also hide "vendor" itself; "drafts/" a folder.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}
