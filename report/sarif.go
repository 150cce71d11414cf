package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/postlint/postlint/lint"
)

const (
	sarifSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	informationURI = "https://github.com/postlint/postlint"
	// srcRootID names the folder postlint ran in; relative result paths are
	// relative to it. In CI that is the checkout, which GitHub resolves.
	srcRootID = "%SRCROOT%"
	// GitHub code scanning rejects a run with more results than this
	// ("SARIF support for code scanning", limits).
	maxSARIFResults = 25000
	// GitHub rejects a rule with more tags than this.
	maxSARIFTags = 20
	// lineHashKey is GitHub's fingerprint; postlintHashKey is postlint's own
	// (rule and line text only), for tools other than GitHub.
	lineHashKey     = "primaryLocationLineHash"
	postlintHashKey = "postlintLineHash/v1"
)

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifMessage     `json:"shortDescription"`
	FullDescription      sarifMessage     `json:"fullDescription"`
	Help                 sarifMultiformat `json:"help"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           sarifRuleProps   `json:"properties"`
}

type sarifRuleConfig struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	RuleConfigurationOverrides []sarifOverride     `json:"ruleConfigurationOverrides,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifOverride struct {
	Descriptor    sarifDescriptorRef `json:"descriptor"`
	Configuration sarifRuleConfig    `json:"configuration"`
}

type sarifDescriptorRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
}

// SARIF writes a SARIF 2.1.0 log with one run, in the shape GitHub code
// scanning expects: every rule that ran with its documentation, results with
// full regions, fingerprints and fixes, and the run's errors as tool
// notifications.
func SARIF(w io.Writer, res *lint.Result, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(buildSARIF(res, opts, maxSARIFResults))
}

// buildSARIF makes the log, keeping at most maxResults results.
func buildSARIF(res *lint.Result, opts Options, maxResults int) *sarifLog {
	version := opts.Version
	if version == "" {
		version = "dev"
	}
	driver := sarifDriver{Name: "postlint", Version: version, InformationURI: informationURI, Rules: []sarifRule{}}
	if v := strings.TrimPrefix(version, "v"); semverRE.MatchString(v) {
		driver.SemanticVersion = v
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0}
	ruleIndex := map[string]int{}
	for _, r := range res.Rules {
		if _, dup := ruleIndex[r.Name]; dup || r.Rule == nil {
			continue
		}
		ruleIndex[r.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRuleOf(r.Rule))
		if r.Severity != r.DefaultSeverity {
			inv.RuleConfigurationOverrides = append(inv.RuleConfigurationOverrides, sarifOverride{
				Descriptor:    sarifDescriptorRef{ID: r.Name, Index: ruleIndex[r.Name]},
				Configuration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
			})
		}
	}

	kept := mostSevere(res.Findings, maxResults)
	src := newSourceCache(opts.ReadFile)
	results := make([]sarifResult, 0, len(kept))
	for _, i := range kept {
		f := &res.Findings[i]
		idx, ok := ruleIndex[f.Rule]
		if !ok { // a finding of a rule the result does not list: describe it anyway
			idx = len(driver.Rules)
			ruleIndex[f.Rule] = idx
			driver.Rules = append(driver.Rules, sarifRuleOf(&lint.Rule{Name: f.Rule, DefaultSeverity: f.Severity}))
		}
		results = append(results, sarifResultOf(f, idx, src.get(f.Path)))
	}

	for _, e := range res.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifErrorNotification(e))
	}
	if left := len(res.Findings) - len(kept); left > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifMessage{Text: fmt.Sprintf(
				"postlint found %d problems but GitHub code scanning accepts at most %d results per run: the %d least severe were left out; run postlint with --format text or json to see them all",
				len(res.Findings), maxResults, left)},
		})
	}

	return &sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				srcRootID: {Description: &sarifMessage{Text: "The folder postlint ran in: run it from the repository root so that paths are repository-relative."}},
			},
			Results:    results,
			ColumnKind: "unicodeCodePoints",
		}},
	}
}

// mostSevere returns the indexes of at most limit findings, the most severe
// first chosen, in their original order.
func mostSevere(fs []lint.Finding, limit int) []int {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	if len(fs) <= limit {
		return idx
	}
	sort.SliceStable(idx, func(a, b int) bool { return fs[idx[a]].Severity > fs[idx[b]].Severity })
	idx = idx[:limit]
	sort.Ints(idx)
	return idx
}

func sarifRuleOf(r *lint.Rule) sarifRule {
	short := r.Summary
	if short == "" {
		short = r.Name
	}
	full := firstParagraph(r.Doc)
	if full == "" {
		full = short
	}
	help := strings.TrimSpace(r.Doc)
	if help == "" {
		help = short
	}
	cfg := sarifRuleConfig{Level: sarifLevel(r.DefaultSeverity)}
	if r.DefaultSeverity == lint.SeverityOff {
		// Off unless enabled; --enable then runs it as a warning.
		off := false
		cfg = sarifRuleConfig{Enabled: &off, Level: "warning"}
	}
	tags := []string{}
	seen := map[string]bool{}
	for _, t := range r.Tags {
		if !seen[t] && len(tags) < maxSARIFTags {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	return sarifRule{
		ID:                   r.Name,
		Name:                 r.Name,
		ShortDescription:     sarifMessage{Text: short},
		FullDescription:      sarifMessage{Text: full},
		Help:                 sarifMultiformat{Text: help, Markdown: help},
		DefaultConfiguration: cfg,
		Properties:           sarifRuleProps{Tags: tags},
	}
}

// firstParagraph returns the Doc's first paragraph on one line.
func firstParagraph(doc string) string {
	doc = strings.TrimSpace(strings.ReplaceAll(doc, "\r\n", "\n"))
	if i := strings.Index(doc, "\n\n"); i >= 0 {
		doc = doc[:i]
	}
	return strings.Join(strings.Fields(doc), " ")
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	case lint.SeverityInfo:
		return "note"
	}
	return "none"
}

func sarifResultOf(f *lint.Finding, ruleIdx int, src *sourceFile) sarifResult {
	loc := artifactLocation(f.Path)
	r := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIdx,
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: loc,
			Region:           regionOf(f.Start, f.End),
		}}},
	}
	if r.Message.Text == "" {
		r.Message.Text = f.Rule
	}
	if src != nil {
		r.PartialFingerprints = map[string]string{}
		if h := src.githubHash(f.Start.Line); h != "" {
			r.PartialFingerprints[lineHashKey] = h
		}
		if h := src.postlintHash(f.Rule, f.Start.Line); h != "" {
			r.PartialFingerprints[postlintHashKey] = h
		}
	}
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		if fix, ok := sarifFixOf(f, loc, src); ok {
			r.Fixes = []sarifFix{fix}
		}
	}
	return r
}

// sarifFixOf converts a fix's byte-offset edits to line/column regions
// (SARIF's charOffset counts characters, not bytes). Without the source
// only an edit of exactly the finding's range can be placed.
func sarifFixOf(f *lint.Finding, loc sarifArtifactLocation, src *sourceFile) (sarifFix, bool) {
	change := sarifArtifactChange{ArtifactLocation: loc}
	for _, e := range f.Fix.Edits {
		var start, end lint.Position
		switch {
		case src != nil:
			start, end = src.lines.Position(e.Start), src.lines.Position(e.End)
		case e.Start == f.Start.Offset && e.End == f.End.Offset:
			start, end = f.Start, f.End
		default:
			return sarifFix{}, false
		}
		rep := sarifReplacement{DeletedRegion: *regionOf(start, end)}
		if e.NewText != "" {
			rep.InsertedContent = &sarifMessage{Text: e.NewText}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	desc := f.Fix.Message
	if desc == "" {
		desc = "Apply postlint's fix"
	}
	return sarifFix{Description: sarifMessage{Text: desc}, ArtifactChanges: []sarifArtifactChange{change}}, true
}

func regionOf(start, end lint.Position) *sarifRegion {
	r := &sarifRegion{
		StartLine: max(start.Line, 1), StartColumn: max(start.Column, 1),
		EndLine: max(end.Line, 1), EndColumn: max(end.Column, 1),
	}
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		r.EndLine, r.EndColumn = r.StartLine, r.StartColumn
	}
	return r
}

// artifactLocation turns a finding's path into a URI reference: relative
// paths stay relative to %SRCROOT%, absolute ones become file URIs.
func artifactLocation(path string) sarifArtifactLocation {
	switch {
	case strings.HasPrefix(path, "/"):
		return sarifArtifactLocation{URI: "file://" + escapeURIPath(path)}
	case len(path) >= 3 && isASCIILetter(path[0]) && path[1] == ':' && path[2] == '/': // C:/… on Windows
		return sarifArtifactLocation{URI: "file:///" + path[:2] + escapeURIPath(path[2:])}
	}
	return sarifArtifactLocation{URI: escapeURIPath(path), URIBaseID: srcRootID}
}

// escapeURIPath percent-encodes every byte but unreserved characters and
// "/", so that no file name can read as a scheme, query or fragment.
func escapeURIPath(p string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isASCIILetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func sarifErrorNotification(err error) sarifNotification {
	n := sarifNotification{Level: "error", Message: sarifMessage{Text: err.Error()}}
	var fe *lint.FileError
	var ce *lint.ConfigError
	switch {
	case errors.As(err, &ce) && ce.Path != "":
		pl := sarifPhysicalLocation{ArtifactLocation: artifactLocation(ce.Path)}
		if ce.Line > 0 {
			pl.Region = &sarifRegion{StartLine: ce.Line}
		}
		n.Locations = []sarifLocation{{PhysicalLocation: pl}}
	case errors.As(err, &fe) && fe.Path != "":
		n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifactLocation(fe.Path)}}}
	}
	return n
}

// sourceFile is a file's content as needed for fingerprints and fixes.
type sourceFile struct {
	lines      *lint.LineIndex
	ghHashes   []string // by GitHub line number
	texts      []string // normalised line text, by line - 1
	occurrence []int    // see lineOccurrences
}

func (s *sourceFile) githubHash(line int) string {
	if line < 1 || line >= len(s.ghHashes) {
		return ""
	}
	return s.ghHashes[line]
}

func (s *sourceFile) postlintHash(rule string, line int) string {
	if line < 1 || line > len(s.texts) {
		return ""
	}
	return lineFingerprint(rule, s.texts[line-1], s.occurrence[line-1])
}

// sourceCache reads each file once; findings come sorted by path, so one
// file at a time is enough.
type sourceCache struct {
	read func(string) ([]byte, error)
	path string
	file *sourceFile
}

func newSourceCache(read func(string) ([]byte, error)) *sourceCache {
	return &sourceCache{read: read}
}

// get returns the file's source, or nil when it cannot be read.
func (c *sourceCache) get(path string) *sourceFile {
	if c.read == nil {
		return nil
	}
	if path == c.path {
		return c.file
	}
	c.path, c.file = path, nil
	b, err := c.read(path)
	if err != nil {
		return nil
	}
	f := &sourceFile{lines: lint.NewLineIndex(b), ghHashes: githubLineHashes(b)}
	f.texts = make([]string, f.lines.Lines())
	for i := range f.texts {
		f.texts[i] = normalizeLine(string(f.lines.Line(i + 1)))
	}
	f.occurrence = lineOccurrences(f.texts)
	c.file = f
	return f
}
