package lint

import (
	"fmt"
	"strings"
)

// Severity says how bad a finding is. The zero value is SeverityOff.
type Severity int

// Severities, in increasing order so that comparisons read naturally.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "off"
}

// MarshalText makes severities read as words in JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText accepts the words String returns.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads "off", "info", "warning" or "error".
func ParseSeverity(word string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(word)) {
	case "off", "none", "false":
		return SeverityOff, nil
	case "info", "notice", "note":
		return SeverityInfo, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error", "err":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want off, info, warning or error)", word)
}

// Finding is one problem at one place in one file.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Path is the file's path as shown to the user: relative to the current
	// directory when inside it, slash-separated.
	Path    string   `json:"path"`
	Start   Position `json:"start"`
	End     Position `json:"end"` // exclusive
	Message string   `json:"message"`
	Fix     *Fix     `json:"fix,omitempty"`
}

// Fix is a suggested change that resolves a finding.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces the bytes [Start, End) of the original file with NewText.
type Edit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
}

// Less orders findings by path, line, column, rule, then message, the order
// every output format uses.
func (f *Finding) Less(g *Finding) bool {
	if f.Path != g.Path {
		return f.Path < g.Path
	}
	if f.Start.Line != g.Start.Line {
		return f.Start.Line < g.Start.Line
	}
	if f.Start.Column != g.Start.Column {
		return f.Start.Column < g.Start.Column
	}
	if f.Rule != g.Rule {
		return f.Rule < g.Rule
	}
	return f.Message < g.Message
}
