package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postlint/postlint/lint"
	"github.com/postlint/postlint/lint/linttest"
	"github.com/postlint/postlint/rules"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifValidator compiles the SARIF 2.1.0 schema (a copy of
// ../shared/schemas/sarif-schema-2.1.0.json). The schema is draft-04 and
// names itself with "id", not "$id"; jsonschema reads the draft from its
// "$schema" and resolves its internal "#/definitions/…" references against
// the URL it is added under, so the copy is registered under its own id.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // so that URIs are checked too
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not validate against the SARIF schema: %v", err)
	}
}

func formatSARIF(t *testing.T, res *lint.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodeSARIF(t *testing.T, out []byte) *sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	return &log
}

func TestSARIFGolden(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	out := formatSARIF(t, withErrors(res), opts)
	golden(t, "site.sarif", out)
	validateSARIF(t, sarifValidator(t), out)
	checkGitHubRequirements(t, decodeSARIF(t, out))
}

func TestSARIFCleanRun(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	log := decodeSARIF(t, formatSARIF(t, res, opts))
	inv := log.Runs[0].Invocations[0]
	if !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 0 {
		t.Errorf("a run without errors: got %+v", inv)
	}
}

// checkGitHubRequirements checks what GitHub code scanning needs beyond the
// schema ("SARIF support for code scanning").
func checkGitHubRequirements(t *testing.T, log *sarifLog) {
	t.Helper()
	if len(log.Runs) != 1 {
		t.Fatalf("want 1 run, got %d", len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "postlint" || d.Version == "" || d.InformationURI != informationURI {
		t.Errorf("driver: %+v", d)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if _, ok := run.OriginalURIBaseIDs[srcRootID]; !ok {
		t.Errorf("originalUriBaseIds lacks %s", srcRootID)
	}
	for _, r := range d.Rules {
		if r.ID == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %q lacks a field GitHub shows: %+v", r.ID, r)
		}
		if len(r.Properties.Tags) > maxSARIFTags {
			t.Errorf("rule %q has %d tags", r.ID, len(r.Properties.Tags))
		}
	}
	if len(run.Results) > maxSARIFResults {
		t.Errorf("%d results", len(run.Results))
	}
	for _, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(d.Rules) || d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %q: ruleIndex %d does not point at its rule", r.RuleID, r.RuleIndex)
		}
		if r.Message.Text == "" || r.Level == "" || len(r.Locations) != 1 {
			t.Errorf("result %+v", r)
		}
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI == "" || pl.ArtifactLocation.URIBaseID != srcRootID {
			t.Errorf("result location %+v", pl.ArtifactLocation)
		}
		if g := pl.Region; g == nil || g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || g.EndColumn < 1 {
			t.Errorf("result region %+v", g)
		}
		if !strings.Contains(r.PartialFingerprints[lineHashKey], ":") || r.PartialFingerprints[postlintHashKey] == "" {
			t.Errorf("result fingerprints %v", r.PartialFingerprints)
		}
	}
}

// The fixture's results, checked one by one where golden files are easy to
// accept without reading: columns in code points, end exclusive, fixes in
// line/column, severities, the off-by-default rule's configuration.
func TestSARIFContent(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	log := decodeSARIF(t, formatSARIF(t, res, opts))
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "test-todo,test-fixme,test-span" {
		t.Errorf("rules %v: want every rule that ran, in order", ids)
	}
	todo := run.Tool.Driver.Rules[0]
	if strings.Join(todo.Properties.Tags, ",") != "test,style" {
		t.Errorf("tags %v: want them deduplicated", todo.Properties.Tags)
	}
	if todo.FullDescription.Text != "Reports `TODO` markers. A post with one is not finished." || todo.Help.Markdown != strings.TrimSpace(testTodo.Doc) {
		t.Errorf("descriptions %+v", todo)
	}
	span := run.Tool.Driver.Rules[2]
	if span.DefaultConfiguration.Enabled == nil || *span.DefaultConfiguration.Enabled {
		t.Errorf("off-by-default rule: %+v", span.DefaultConfiguration)
	}
	ov := run.Invocations[0].RuleConfigurationOverrides
	if len(ov) != 1 || ov[0].Descriptor.ID != "test-span" || ov[0].Descriptor.Index != 2 || ov[0].Configuration.Level != "note" {
		t.Errorf("overrides %+v", ov)
	}

	type want struct {
		uri, rule, level string
		region           sarifRegion
		fix              []sarifRegion
	}
	const premier, crlf = "_posts/2024-01-02-premier.md", "_posts/2024-01-03-crlf.md"
	wants := []want{
		// "Un café ☕ et 😀 puis TODO": é, ☕ and 😀 are one column each.
		{premier, "test-todo", "warning", sarifRegion{5, 21, 5, 25}, []sarifRegion{{5, 21, 5, 25}}},
		{premier, "test-todo", "warning", sarifRegion{9, 1, 9, 5}, []sarifRegion{{9, 1, 9, 5}}},
		{premier, "test-todo", "warning", sarifRegion{10, 1, 10, 5}, []sarifRegion{{10, 1, 10, 5}}},
		{premier, "test-fixme", "error", sarifRegion{12, 4, 12, 9}, nil},
		{premier, "test-span", "note", sarifRegion{14, 7, 15, 18}, []sarifRegion{{14, 7, 14, 9}, {15, 16, 15, 18}}},
		// The BOM is not a column; the tab is one.
		{crlf, "test-todo", "warning", sarifRegion{5, 2, 5, 6}, []sarifRegion{{5, 2, 5, 6}}},
		{crlf, "test-fixme", "error", sarifRegion{6, 5, 6, 10}, nil},
	}
	if len(run.Results) != len(wants) {
		t.Fatalf("got %d results, want %d", len(run.Results), len(wants))
	}
	for i, w := range wants {
		r := run.Results[i]
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI != w.uri || r.RuleID != w.rule || r.Level != w.level || *pl.Region != w.region {
			t.Errorf("result %d: got %s %s %s %+v, want %+v", i, pl.ArtifactLocation.URI, r.RuleID, r.Level, *pl.Region, w)
		}
		var fix []sarifRegion
		for _, f := range r.Fixes {
			for _, c := range f.ArtifactChanges {
				if c.ArtifactLocation.URI != w.uri {
					t.Errorf("result %d: fix for %s", i, c.ArtifactLocation.URI)
				}
				for _, rep := range c.Replacements {
					fix = append(fix, rep.DeletedRegion)
				}
			}
		}
		if len(fix) != len(w.fix) {
			t.Errorf("result %d: fix regions %+v, want %+v", i, fix, w.fix)
			continue
		}
		for k := range fix {
			if fix[k] != w.fix[k] {
				t.Errorf("result %d: fix regions %+v, want %+v", i, fix, w.fix)
			}
		}
	}
	// The two identical "TODO: relire." lines differ only by occurrence.
	a, b := run.Results[1].PartialFingerprints, run.Results[2].PartialFingerprints
	if strings.TrimSuffix(a[postlintHashKey], ":1") != strings.TrimSuffix(b[postlintHashKey], ":2") {
		t.Errorf("identical lines: %v and %v", a, b)
	}
	if a[lineHashKey] == b[lineHashKey] {
		t.Errorf("identical lines share GitHub's fingerprint %v", a)
	}
}

// Fingerprints survive lines added above and below the finding, and change
// with the finding's own line. GitHub's hashes the 100 non-blank characters
// from the line's start on, so the page has a long paragraph after it.
func TestSARIFFingerprintsStable(t *testing.T) {
	page := func(before, line, after string) string {
		return "---\ntitle: t\n---\n" + before + "\nIntro.\n\n" + line + "\n\n" +
			strings.Repeat("A paragraph long enough to fill GitHub's hash window. ", 3) + "\n" + after
	}
	fingerprints := func(src string) map[string]string {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, opts := runFixture(t, dir, testTodo)
		log := decodeSARIF(t, formatSARIF(t, res, opts))
		if len(log.Runs[0].Results) != 1 {
			t.Fatalf("want one result, got %d", len(log.Runs[0].Results))
		}
		return log.Runs[0].Results[0].PartialFingerprints
	}
	base := fingerprints(page("", "A TODO here.", ""))
	moved := fingerprints(page("\nSome new paragraph\nover two lines.\n", "A TODO here.", "\nMore text at the end.\n"))
	if base[lineHashKey] != moved[lineHashKey] || base[postlintHashKey] != moved[postlintHashKey] {
		t.Errorf("fingerprints changed when other lines moved: %v -> %v", base, moved)
	}
	reindented := fingerprints(page("", "A   TODO here.  ", ""))
	if base[postlintHashKey] != reindented[postlintHashKey] {
		t.Errorf("postlint fingerprint changed with whitespace: %v -> %v", base, reindented)
	}
	edited := fingerprints(page("", "A TODO there.", ""))
	if base[lineHashKey] == edited[lineHashKey] || base[postlintHashKey] == edited[postlintHashKey] {
		t.Errorf("fingerprints did not change with the line: %v", edited)
	}
}

// Without the source there are no fingerprints (upload-sarif computes
// them), and only fixes that replace the finding's own range can be placed.
func TestSARIFWithoutSource(t *testing.T) {
	res, opts := runFixture(t, fixtureSite)
	opts.ReadFile = nil
	out := formatSARIF(t, res, opts)
	validateSARIF(t, sarifValidator(t), out)
	for _, r := range decodeSARIF(t, out).Runs[0].Results {
		if r.PartialFingerprints != nil {
			t.Errorf("%s: fingerprints without the source", r.RuleID)
		}
		if (r.RuleID == "test-todo") != (len(r.Fixes) == 1) {
			t.Errorf("%s: %d fixes", r.RuleID, len(r.Fixes))
		}
	}
}

func TestSARIFResultLimit(t *testing.T) {
	sev := []lint.Severity{lint.SeverityInfo, lint.SeverityError, lint.SeverityWarning, lint.SeverityInfo, lint.SeverityError, lint.SeverityWarning}
	res := &lint.Result{Rules: []lint.EnabledRule{{Rule: testTodo, Severity: lint.SeverityWarning}}}
	for i, s := range sev {
		res.Findings = append(res.Findings, lint.Finding{Rule: "test-todo", Severity: s, Path: "a.md",
			Start: lint.Position{Line: i + 1, Column: 1}, End: lint.Position{Line: i + 1, Column: 2}, Message: "m"})
	}
	log := buildSARIF(res, Options{}, 3)
	var lines []int
	for _, r := range log.Runs[0].Results {
		lines = append(lines, r.Locations[0].PhysicalLocation.Region.StartLine)
	}
	// The two errors and the first warning, in file order.
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 5 {
		t.Errorf("kept lines %v, want [2 3 5]", lines)
	}
	n := log.Runs[0].Invocations[0].ToolExecutionNotifications
	if len(n) != 1 || n[0].Level != "warning" || !strings.Contains(n[0].Message.Text, "the 3 least severe were left out") {
		t.Errorf("notifications %+v", n)
	}
	if !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("a cut run is still successful")
	}
}

func TestSARIFHostilePath(t *testing.T) {
	res := &lint.Result{
		Rules: []lint.EnabledRule{{Rule: testTodo, Severity: lint.SeverityWarning}},
		Findings: []lint.Finding{
			{Rule: "test-todo", Severity: lint.SeverityWarning, Path: "a,b:c%d\n#?x y/é.md",
				Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 5}, Message: "bad\n::error::x"},
			{Rule: "unlisted", Severity: lint.SeverityInfo, Path: "/abs/dir/f.md",
				Start: lint.Position{Line: 2, Column: 1}, End: lint.Position{Line: 2, Column: 1}, Message: "m"},
		},
	}
	out := formatSARIF(t, res, Options{})
	validateSARIF(t, sarifValidator(t), out)
	run := decodeSARIF(t, out).Runs[0]
	if got := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "a%2Cb%3Ac%25d%0A%23%3Fx%20y/%C3%A9.md" {
		t.Errorf("uri %q", got)
	}
	loc := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation
	if loc.URI != "file:///abs/dir/f.md" || loc.URIBaseID != "" {
		t.Errorf("absolute path: %+v", loc)
	}
	if run.Results[1].RuleIndex != 1 || run.Tool.Driver.Rules[1].ID != "unlisted" {
		t.Errorf("a finding of an unlisted rule gets a descriptor: %+v", run.Tool.Driver.Rules)
	}
}

func TestArtifactLocationWindows(t *testing.T) {
	if got := artifactLocation("C:/Users/me/blog/a b.md"); got.URI != "file:///C:/Users/me/blog/a%20b.md" || got.URIBaseID != "" {
		t.Errorf("got %+v", got)
	}
}

// The real corpora, with every real rule that has landed and the test
// rules, must give SARIF that validates.
func TestSARIFCorporaValidate(t *testing.T) {
	root := linttest.Corpora(t)
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	sch := sarifValidator(t)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			res, opts := runFixture(t, filepath.Join(root, e.Name()), append(rules.All(), testRules...)...)
			out := formatSARIF(t, res, opts)
			validateSARIF(t, sch, out)
			checkGitHubRequirements(t, decodeSARIF(t, out))
		})
	}
}

// The validator must be live: it rejects what GitHub would reject.
func TestSARIFValidatorRejects(t *testing.T) {
	sch := sarifValidator(t)
	res, opts := runFixture(t, fixtureSite)
	good := string(formatSARIF(t, res, opts))
	for name, bad := range map[string]string{
		"version":       strings.Replace(good, `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
		"level":         strings.Replace(good, `"level": "note"`, `"level": "info"`, 1),
		"column":        strings.Replace(good, `"startColumn": 21`, `"startColumn": 0`, 1),
		"unknown field": strings.Replace(good, `"ruleId":`, `"rule": "x", "ruleId":`, 1),
		"uri":           strings.Replace(good, `"uri": "_posts/2024-01-02-premier.md"`, `"uri": "a b:\\c"`, 1),
	} {
		if bad == good {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: invalid SARIF validated", name)
		}
	}
}
